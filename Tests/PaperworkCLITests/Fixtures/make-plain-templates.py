#!/usr/bin/env python3
"""Makes the plain templates (no form) the CLI tests use, as a department or a clerk would (needs openpyxl, python-docx):
plain-list.xlsx — a list with a title, typed columns, a row loop, SUM totals, a second sheet referring to them;
plain-letter.docx — a short letter with a date, amounts in figures and capitals, and a table of months."""
import os
from openpyxl import Workbook
from docx import Document

here = os.path.dirname(os.path.abspath(__file__))
wb = Workbook()
ws = wb.active
ws.title = "名单"
ws["A1"] = "{{部门}}企业名单"
for col, text in zip("ABCDEFGHI", ["序号", "企业名称", "信用代码", "人数", "金额", "比例", "日期", "编号", "日期文本"]):
    ws[f"{col}2"] = text
ws["A3"] = "{{#each 企业}}{{@number}}"
ws["B3"] = "{{企业名称}}"
ws["C3"] = "{{信用代码}}"
ws["D3"] = "{{人数}}"
ws["E3"] = "{{金额}}"
ws["E3"].number_format = "#,##0.00"
ws["F3"] = "{{比例}}"
ws["F3"].number_format = "0.0%"
ws["G3"] = "{{日期}}"
ws["H3"] = "{{编号}}"
ws["H3"].number_format = "@"
ws["I3"] = '{{日期 | date("yyyy-MM-dd")}}{{/each}}'
ws["A4"] = "合计"
ws["D4"] = "=SUM(D3:D3)"
ws["E4"] = "=SUM(E3:E3)"
ws2 = wb.create_sheet("汇总")
ws2["A1"] = "金额合计"
ws2["B1"] = "=名单!E4"
wb.save(os.path.join(here, "plain-list.xlsx"))

doc = Document()
doc.add_paragraph("致 {{企业名称}}：")
doc.add_paragraph("贵单位于 {{日期 | date}} 申请的补贴 {{金额 | rmb}} 元（大写：{{金额 | rmb_upper}}）已受理。")
doc.add_paragraph("联系人：{{联系人 | default(\"无\")}}")
doc.save(os.path.join(here, "plain-letter.docx"))

# Data as a clerk's workbook holds it: a title row above the headings, and cells left empty.
wb = Workbook()
ws = wb.active
ws.title = "名单"
ws["A1"] = "2020年5月补贴企业名单（区商务局）"
for col, text in zip("ABCDEFG", ["企业名称", "信用代码", "人数", "金额", "比例", "日期", "编号"]):
    ws[f"{col}2"] = text
ws.append(["北京甲公司", "91110228MA0030003Y", 12, 1234.5, 0.1, "2020-05-14", "A1"])
ws.append(["北京乙公司", None, None, 200, 0.2, "2020-05-15", None])
wb.save(os.path.join(here, "titled-data.xlsx"))
