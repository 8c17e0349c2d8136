#!/usr/bin/env python3
"""Makes the benchmark inputs in WORK: the same letter template in paperwork's and docxtpl's syntax,
1,000 records as JSON, 1,000 tenants as CSV, and HR lists of 1,000 and 100,000 enterprises."""
import csv, json, os, random, sys
from docx import Document

work = sys.argv[1]
random.seed(7)


def letter(jinja):
    doc = Document()
    v = (lambda e: "{{ %s }}" % e) if jinja else (lambda e: "{{%s}}" % e)
    doc.add_heading("房屋租赁合同补充协议（租金减免）", 1)
    doc.add_paragraph("甲方（出租方）：" + v("landlord"))
    doc.add_paragraph("乙方（承租方）：" + v("tenant") + "　统一社会信用代码：" + v("code"))
    doc.add_paragraph("乙方承租甲方位于" + v("address") + "的房屋，月租金人民币" + v("rent") + "元。")
    t = doc.add_table(rows=3 if jinja else 2, cols=3)
    t.style = "Table Grid"
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "月份", "比例", "减免金额"
    if jinja:
        t.cell(1, 0).text = "{%tr for m in months %}"
        t.add_row()
        t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "{{ m.month }}", "{{ m.ratio }}", "{{ m.amount }}"
        t.cell(3, 0).text = "{%tr endfor %}"
    else:
        t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "{{#each months}}{{month}}", "{{ratio}}", "{{amount}}{{/each}}"
    doc.add_paragraph("减免合计人民币" + v("total") + "元。")
    for i in range(12):
        doc.add_paragraph("第%d条　除本补充协议约定外，原合同其他条款不变，双方继续履行；本补充协议与原合同具有同等法律效力。" % (i + 1))
    doc.add_paragraph("签订日期：" + v("date"))
    doc.save(os.path.join(work, "letter-jinja.docx" if jinja else "letter.docx"))


letter(False)
letter(True)
records = []
for i in range(1000):
    rent = random.choice([3800, 5600, 8800, 12345.6])
    records.append({"landlord": "北京密云示例国有资产经营有限公司", "tenant": "北京示例承租企业%d有限公司" % i, "code": "91110228MA%08d" % i,
                    "address": "北京市密云区新南路%d号" % (i % 99 + 1), "rent": "%.2f" % rent, "total": "%.2f" % (rent * 2),
                    "months": [{"month": "2020年%d月" % m, "ratio": "100%", "amount": "%.2f" % rent} for m in (3, 4)], "date": "2020年5月20日"})
json.dump(records, open(os.path.join(work, "letters.json"), "w"), ensure_ascii=False)
