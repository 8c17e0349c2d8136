#!/usr/bin/env python3
"""Makes the mail-merge benchmark inputs in WORK: merge-letter.docx, a Word mail-merge main document with a
dozen MERGEFIELDs (complex fields, as Word saves them), and merge-records.json, 300 records."""
import json, os, random, sys
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

work = sys.argv[1]
random.seed(11)


def field(paragraph, name, switches=""):
    """Appends a complex MERGEFIELD with its «name» result, as Word writes one."""
    def run(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)
    def char(kind):
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        return c
    run(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " MERGEFIELD %s %s\\* MERGEFORMAT " % (name, switches)
    run(instr)
    run(char("separate"))
    paragraph.add_run("«%s»" % name).bold = name == "企业名称"
    run(char("end"))


doc = Document()
doc.add_heading("贷款贴息资金核定通知书", 1)
p = doc.add_paragraph(); field(p, "企业名称"); p.add_run("：")
p = doc.add_paragraph("贵单位（统一社会信用代码 "); field(p, "信用代码"); p.add_run("，法定代表人 "); field(p, "法定代表人"); p.add_run("）")
p = doc.add_paragraph("于 "); field(p, "申请日期", '\\@ "yyyy年M月d日" '); p.add_run(" 提交的贷款贴息申请，贷款银行 "); field(p, "贷款银行")
p = doc.add_paragraph("贷款金额 "); field(p, "贷款金额", '\\# "#,##0.00" '); p.add_run(" 元，年利率 "); field(p, "利率"); p.add_run("%")
p = doc.add_paragraph("核定贴息金额 "); field(p, "贴息金额", '\\# "#,##0.00" '); p.add_run(" 元，大写 "); field(p, "贴息大写")
p = doc.add_paragraph("联系人 "); field(p, "联系人"); p.add_run("，电话 "); field(p, "联系电话"); p.add_run("，地址 "); field(p, "地址")
for i in range(10):
    doc.add_paragraph("第%d条　贴息资金按季度拨付至企业基本账户，企业应按规定用途使用并接受审计监督。" % (i + 1))
p = doc.add_paragraph("北京市密云区金融服务办公室　"); field(p, "通知日期", '\\@ "yyyy年M月d日" ')
doc.save(os.path.join(work, "merge-letter.docx"))

records = []
for i in range(300):
    loan = random.choice([1000000, 2500000, 5000000, 8800000])
    records.append({"企业名称": "北京密云示例企业%d有限公司" % i, "信用代码": "91110228MA%08d" % i, "法定代表人": "张%d" % i,
                    "申请日期": "2020-05-%02d" % (i % 28 + 1), "贷款银行": "北京农商银行密云支行", "贷款金额": "%d" % loan,
                    "利率": "4.35", "贴息金额": "%.2f" % (loan * 0.0435 * 0.5), "贴息大写": "壹拾万元整", "联系人": "李%d" % i,
                    "联系电话": "010-6904%04d" % i, "地址": "北京市密云区新南路%d号" % (i % 99 + 1), "通知日期": "2020-06-01"})
json.dump(records, open(os.path.join(work, "merge-records.json"), "w"), ensure_ascii=False)
