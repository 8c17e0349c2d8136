#!/usr/bin/env python3
"""Writes the invented HR-list samples: enterprises.xlsx, enterprises-gb18030.csv, valid.json/yaml, invalid.csv."""
import csv, io, json, os, random, sys
from openpyxl import Workbook

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(os.path.dirname(here), "hr-enterprise-list")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "lib"))
from creditcode import credit_code


random.seed(2020)
places = ["鼓楼", "果园", "檀营", "溪翁庄", "穆家峪", "十里堡", "河南寨", "巨各庄", "西田各庄", "太师屯", "古北口", "不老屯"]
kinds = [("生活性服务业", ["餐饮管理", "民宿", "家政服务", "美容美发", "便利店", "农家院", "洗染服务"]),
         ("城市运行保障", ["物流配送", "物业管理", "环卫服务", "供热服务", "保安服务"]),
         ("科技创新", ["智能科技", "生物技术", "信息技术", "新材料科技", "软件开发"])]
surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
rows = []
for i in range(40):
    industry, trades = kinds[i % 3]
    trade = trades[i % len(trades)]
    place = places[i % len(places)]
    insured = random.randint(6, 60)
    rev19 = random.randint(30, 400) * 1000 + random.choice([0, 500, 250.5])
    rev20 = round(rev19 * random.uniform(0.02, 0.19), 2)
    trainees = random.randint(1, insured)
    rows.append({
        "名称": f"北京{place}{trade}有限公司" if i % 5 else f"密云区{place}{trade}中心",
        "信用代码": credit_code(1000 + i * 7),
        "重点行业": industry,
        "主管部门": "区商务局",
        "规模": random.choice(["小型", "微型", "微型", "中型"]),
        "参加失业保险": "是",
        "参保人数": insured,
        "2020年2至4月营业收入": rev20,
        "2019年2至4月营业收入": rev19,
        "培训人数": trainees,
        "培训时长": random.choice([900, 1800, 2700, 3600, 5400]),
        "联系人": surnames[i % len(surnames)] + random.choice(["先生", "女士"]),
        "联系电话": "1%d%09d" % (random.choice([3, 5, 8]), random.randint(0, 999999999)),
        "备注": "" if i % 7 else "连锁门店",
    })
headings = ["企业名称", "统一社会信用代码", "重点行业", "行业主管部门", "企业规模", "参加本市失业保险", "参保职工人数",
            "2020年2-4月营业收入（元）", "2019年2-4月营业收入（元）", "拟参加培训人数", "人均培训时长（分钟）", "联系人", "联系电话", "备注"]
keys = ["名称", "信用代码", "重点行业", "主管部门", "规模", "参加失业保险", "参保人数", "2020年2至4月营业收入",
        "2019年2至4月营业收入", "培训人数", "培训时长", "联系人", "联系电话", "备注"]

wb = Workbook()
ws = wb.active
ws.title = "企业名单"
ws.append(["区商务局 以训稳岗补贴企业名单（内部汇总）"])
ws.append(headings)
for r in rows:
    ws.append([r[k] for k in keys])
for col in "BM":
    for cell in ws[col][2:]:
        cell.number_format = "@"
wb.save(os.path.join(out, "enterprises.xlsx"))

buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(headings)
for r in rows:
    w.writerow([r[k] for k in keys])
open(os.path.join(out, "enterprises-gb18030.csv"), "wb").write(buf.getvalue().encode("gb18030"))

case = {"部门": "区商务局", "批次": 2, "填报人": "周明", "联系电话": "010-69041234", "填报日期": "2020-05-12",
        "企业": [dict(r, 参加失业保险=True) for r in rows[:6]]}
for r in case["企业"]:
    if not r["备注"]:
        del r["备注"]
json.dump(case, open(os.path.join(out, "valid.json"), "w"), ensure_ascii=False, indent=2)
with open(os.path.join(out, "valid.yaml"), "w") as f:
    f.write("# 行业主管部门报区人力社保局的企业清单（虚构数据）— one department's list, invented data\n")
    for k in ["部门", "批次", "填报人", "联系电话", "填报日期"]:
        v = case[k]
        f.write(f"{k}: {json.dumps(v, ensure_ascii=False) if isinstance(v, str) else v}\n")
    f.write("企业:\n")
    for r in case["企业"]:
        first = True
        for k, v in r.items():
            f.write(("  - " if first else "    ") + f"{k}: {json.dumps(v, ensure_ascii=False)}\n")
            first = False

bad = [dict(r) for r in rows[:8]]
bad[1]["信用代码"] = bad[1]["信用代码"][:-1] + ("0" if bad[1]["信用代码"][-1] != "0" else "1")   # wrong check character
bad[2]["2020年2至4月营业收入"] = round(bad[2]["2019年2至4月营业收入"] * 0.25, 2)               # fell only 75 %
bad[3]["信用代码"] = bad[0]["信用代码"]                                                        # listed twice
bad[4]["联系电话"] = "6904123"                                                                  # 7-digit phone
bad[5]["参保人数"] = "十二"                                                                     # not a number
bad[6]["培训人数"] = bad[6]["参保人数"] + 5                                                    # more trainees than insured
bad[7]["重点行业"] = "房地产"                                                                   # not a key industry
bad[7]["参加失业保险"] = "否"                                                                   # not insured
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(headings)
for r in bad:
    w.writerow([r[k] for k in keys])
open(os.path.join(out, "invalid.csv"), "w", encoding="utf-8-sig").write(buf.getvalue())
