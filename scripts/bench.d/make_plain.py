#!/usr/bin/env python3
"""Makes the plain-template benchmark inputs in WORK — templates made by python-docx and openpyxl, data as text:
  plain-list.xlsx          a list template: title, 11 typed columns, a row loop, SUM totals, a second sheet that
                           refers to the totals, conditional formatting and data validation on the loop row
  plain-N.csv, plain-N.json  N enterprises for it, every value a string (N from the arguments)
  plain-letter.docx        a two-page letter with a 12-row table (and plain-letter-jinja.docx for docxtpl)
  plain-letters.json       1,000 records for it, every value a string"""
import csv, json, os, sys
from docx import Document
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from creditcode import credit_code

work = sys.argv[1]
columns = ["企业名称", "信用代码", "行业", "成立日期", "职工人数", "营业收入", "补贴金额", "下降比例", "联系电话", "备注"]

wb = Workbook()
ws = wb.active
ws.title = "清单"
ws["A1"] = "{{部门}}企业补贴清单（第{{批次}}批）"
ws["A1"].font = Font(size=16, bold=True)
ws.merge_cells("A1:K1")
for i, h in enumerate(["序号"] + columns):
    ws.cell(row=2, column=1 + i, value=h).font = Font(bold=True)
ws["A3"] = "{{#each 企业}}{{@number}}"
for i, c in enumerate(columns):
    ws.cell(row=3, column=2 + i, value="{{%s}}" % c)
ws["K3"] = "{{备注}}{{/each}}"
for col, fmt in {"E": "yyyy-mm-dd", "F": "#,##0", "G": "#,##0.00", "H": "#,##0.00", "I": "0.0%", "J": "@"}.items():
    ws[col + "3"].number_format = fmt
ws["A4"] = "合计"
for col in "FGH":
    ws[col + "4"] = "=SUM(%s3:%s3)" % (col, col)
ws["I4"] = "=AVERAGE(I3:I3)"
ws["A6"] = "填报人：{{填报人}}　　填报日期：{{填报日期}}"
ws.conditional_formatting.add("H3", CellIsRule(operator="greaterThan", formula=["100000"], fill=PatternFill("solid", start_color="FFFF00")))
dv = DataValidation(type="list", formula1='"生活性服务业,科技创新,文化旅游,城市运行保障"', allow_blank=True)
ws.add_data_validation(dv)
dv.add("D3")
summary = wb.create_sheet("汇总")
summary["A1"], summary["B1"] = "企业数", "=COUNTA(清单!B3:B3)"
summary["A2"], summary["B2"] = "职工人数", "=清单!F4"
summary["A3"], summary["B3"] = "补贴合计", "=清单!H4"
wb.save(os.path.join(work, "plain-list.xlsx"))

industries = ["生活性服务业", "科技创新", "文化旅游", "城市运行保障"]


def enterprise(i):
    return {"企业名称": "北京密云示例企业%d有限公司" % i, "信用代码": credit_code(i, "MB"), "行业": industries[i % 4],
            "成立日期": "20%02d-%02d-%02d" % (i % 20, i % 12 + 1, i % 28 + 1), "职工人数": str(5 + i % 300),
            "营业收入": "%d.%02d" % (100000 + i % 90000, i % 100), "补贴金额": "%d.50" % (500 + i % 300000),
            "下降比例": "%d.5%%" % (i % 90), "联系电话": "138%08d" % i, "备注": "备注%d" % i if i % 7 == 0 else ""}


for n in map(int, sys.argv[2:]):
    rows = [enterprise(i) for i in range(n)]
    with open(os.path.join(work, "plain-%d.csv" % n), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for r in rows:
            w.writerow([r[c] for c in columns])
    with open(os.path.join(work, "plain-%d.json" % n), "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False)


def letter(jinja):
    v = (lambda e: "{{ %s }}" % e) if jinja else (lambda e: "{{%s}}" % e)
    doc = Document()
    doc.add_heading("关于" + v("单位") + "房租减免事项的函", 1)
    doc.add_paragraph(v("单位") + "（统一社会信用代码：" + v("信用代码") + "）：")
    doc.add_paragraph("根据密云区支持中小微企业应对疫情的有关措施，你单位承租的" + v("地址") + "房屋（合同编号"
                      + v("合同编号") + "）自" + v("起始日期") + "起减免租金，明细如下：")
    t = doc.add_table(rows=3 if jinja else 2, cols=4)
    t.style = "Table Grid"
    for i, h in enumerate(["月份", "原租金（元）", "减免比例", "减免金额（元）"]):
        t.cell(0, i).text = h
    if jinja:
        t.cell(1, 0).text = "{%tr for m in 明细 %}"
        t.add_row()
        for i, k in enumerate(["月份", "原租金", "比例", "金额"]):
            t.cell(2, i).text = "{{ m.%s }}" % k
        t.cell(3, 0).text = "{%tr endfor %}"
    else:
        for i, k in enumerate(["月份", "原租金", "比例", "金额"]):
            t.cell(1, i).text = ("{{#each 明细}}" if i == 0 else "") + "{{%s}}" % k + ("{{/each}}" if i == 3 else "")
    doc.add_paragraph("减免合计人民币" + v("合计") + "元（大写：" + v("合计大写") + "）。")
    for i in range(22):
        doc.add_paragraph("%d．除本函所列事项外，双方原租赁合同的其他约定不变，仍按原合同履行；"
                          "如对本函所列减免金额有异议，请于收到本函之日起十个工作日内与我单位联系，逾期视为无异议。" % (i + 1))
    doc.add_paragraph("联系人：" + v("联系人") + "　联系电话：" + v("联系电话"))
    doc.add_paragraph(v("出具单位") + "\n" + v("日期"))
    doc.save(os.path.join(work, "plain-letter-jinja.docx" if jinja else "plain-letter.docx"))


letter(False)
letter(True)
letters = []
for i in range(1000):
    rent = 3000 + (i * 37) % 20000
    months = [{"月份": "2020年%d月" % (m % 12 + 1), "原租金": "%d.00" % rent, "比例": "100%" if m < 3 else "50%",
               "金额": "%d.00" % (rent if m < 3 else rent // 2)} for m in range(1, 13)]
    total = sum(float(m["金额"]) for m in months)
    letters.append({"单位": "北京密云示例承租企业%d有限公司" % i, "信用代码": credit_code(i, "MA"), "地址": "北京市密云区新南路%d号" % (i % 99 + 1),
                    "合同编号": "MYZL-2019-%04d" % i, "起始日期": "2020年2月1日", "明细": months, "合计": "%.2f" % total,
                    "合计大写": "（见明细）", "联系人": "周明", "联系电话": "010-69041234", "出具单位": "北京密云示例国有资产经营有限公司",
                    "日期": "2020年5月20日"})
with open(os.path.join(work, "plain-letters.json"), "w", encoding="utf-8") as f:
    json.dump(letters, f, ensure_ascii=False)
