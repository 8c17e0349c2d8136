#!/usr/bin/env python3
"""The peers paperwork is measured against, each run as a whole process:
  docxtpl WORK N        — render letter-jinja.docx for the first N records of letters.json
  openpyxl WORK N       — fill the HR template's list rows from hr-N.csv and save
  xlsxwriter WORK N     — write the same sheet from scratch (constant memory)
  docxtpl-plain WORK N  — render plain-letter-jinja.docx (a two-page letter, a 12-row table) for N records of plain-letters.json
  openpyxl-plain WORK N — fill plain-list.xlsx's loop rows from plain-N.csv (text converted to numbers and dates) and save
  xlsxwriter-plain WORK N — write the same two sheets from scratch (constant memory)
  mailmerge WORK N      — docx-mailmerge: merge merge-letter.docx with the first N records of merge-records.json,
                          one document per record (its dates and numbers as the records hold them: it applies no switches)"""
import csv, json, os, sys

tool, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = os.path.join(work, "peer-out")
os.makedirs(out, exist_ok=True)
if tool == "docxtpl":
    from docxtpl import DocxTemplate
    records = json.load(open(os.path.join(work, "letters.json")))[:n]
    for i, r in enumerate(records):
        t = DocxTemplate(os.path.join(work, "letter-jinja.docx"))
        t.render(r)
        t.save(os.path.join(out, "%d.docx" % i))
    sys.exit(0)
if tool == "docxtpl-plain":
    from docxtpl import DocxTemplate
    records = json.load(open(os.path.join(work, "plain-letters.json"), encoding="utf-8"))[:n]
    for i, r in enumerate(records):
        t = DocxTemplate(os.path.join(work, "plain-letter-jinja.docx"))
        t.render(r)
        t.save(os.path.join(out, "%d.docx" % i))
    sys.exit(0)
if tool in ("openpyxl-plain", "xlsxwriter-plain"):
    import plainlist
    plainlist.run(tool.split("-")[0], work, out, n)
    sys.exit(0)
if tool == "mailmerge":
    from mailmerge import MailMerge
    records = json.load(open(os.path.join(work, "merge-records.json")))[:n]
    for i, r in enumerate(records):
        with MailMerge(os.path.join(work, "merge-letter.docx")) as doc:
            doc.merge(**r)
            doc.write(os.path.join(out, "%d.docx" % i))
    sys.exit(0)
rows = list(csv.reader(open(os.path.join(work, "hr-%d.csv" % n), encoding="utf-8")))[1:]


def values(r):
    insured, rev20, rev19, trainees = int(r[5]), float(r[6]), float(r[7]), int(r[8])
    return [r[0], r[1], r[2], r[13], r[3], insured, rev20, rev19, (rev19 - rev20) / rev19, trainees,
            min(int(r[9]) // 900, 6) * 500 * trainees, 1540 * trainees, r[10], r[11], r[12]]


if tool == "openpyxl":
    from openpyxl import load_workbook
    wb = load_workbook(os.path.join(work, "template.xlsx"))
    ws = wb.active
    ws.insert_rows(5, len(rows) - 1)
    for i, r in enumerate(rows):
        ws.cell(row=4 + i, column=1, value=i + 1)
        for j, v in enumerate(values(r)):
            ws.cell(row=4 + i, column=2 + j, value=v)
    last = 3 + len(rows)
    for col in "GHIKLM":
        ws["%s%d" % (col, last + 1)] = "=SUM(%s4:%s%d)" % (col, col, last)
    wb.save(os.path.join(out, "openpyxl.xlsx"))
elif tool == "xlsxwriter":
    import xlsxwriter
    wb = xlsxwriter.Workbook(os.path.join(out, "xlsxwriter.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("企业清单")
    money = wb.add_format({"num_format": "#,##0.00", "border": 1})
    pct = wb.add_format({"num_format": "0.00%", "border": 1})
    text = wb.add_format({"border": 1})
    ws.merge_range(0, 0, 0, 15, "区商务局以训稳岗补贴和临时性岗位补贴企业清单（第2批）")
    ws.write_row(2, 0, ["序号", "企业名称", "统一社会信用代码", "重点行业", "行业主管部门", "企业规模", "参保职工人数", "2020年收入",
                        "2019年收入", "下降比例", "培训人数", "以训稳岗补贴", "临时性岗位补贴", "联系人", "联系电话", "备注"])
    for i, r in enumerate(rows):
        v = values(r)
        ws.write_number(3 + i, 0, i + 1, text)
        for j, x in enumerate(v):
            fmt = pct if j == 8 else money if isinstance(x, float) else text
            ws.write(3 + i, 1 + j, x, fmt)
    last = 3 + len(rows)
    for j in (6, 7, 8, 10, 11, 12):
        col = chr(65 + j)
        ws.write_formula(last, j, "=SUM(%s4:%s%d)" % (col, col, last), money)
    ws.set_landscape()
    ws.repeat_rows(0, 2)
    wb.close()
