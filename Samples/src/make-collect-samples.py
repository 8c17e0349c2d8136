"""Makes Samples/collect/: three departments' spreadsheets for the HR bureau's batch day in the README.

The enterprises are the invented ones of Samples/hr-enterprise-list; the science and technology bureau's
sheet repeats one of the commerce bureau's enterprises, as happens when an enterprise applies twice.
"""
import csv
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
rows = list(csv.reader(open(root / "Samples/hr-enterprise-list/enterprises-gb18030.csv", encoding="gb18030")))
head, body = rows[0], rows[1:]
department = head.index("行业主管部门")
out = root / "Samples/collect"
out.mkdir(exist_ok=True)


def write(name, part):
    with open(out / name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        for r in part:
            r = list(r)
            r[department] = ""
            w.writerow(r)


write("商务局.csv", body[0:15])
write("科信局.csv", body[15:27] + [body[3]])
write("城管委.csv", body[27:40])
