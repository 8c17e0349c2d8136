#!/usr/bin/env python3
"""Makes the font fixtures: a user's own Word template (python-docx) and workbook template (openpyxl) that name
fonts no machine has, beside fonts from their themes. Run from this folder: python3 make-font-templates.py"""
from docx import Document
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Font

doc = Document()
normal = doc.styles["Normal"]
normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "方正不存在仿宋_GBK")
p = doc.add_paragraph()
run = p.add_run("企业名称：{{名称}}")
run.font.name = "No Such Latin Serif"
run._element.rPr.rFonts.set(qn("w:eastAsia"), "方正不存在仿宋_GBK")
doc.add_paragraph("申请日期：{{日期}}")
doc.save("user-fonts.docx")

wb = Workbook()
ws = wb.active
ws.title = "清单"
ws["A1"] = "{{名称}}"
ws["A1"].font = Font(name="不存在的楷体", size=12)
ws["B1"] = "{{日期}}"
ws["B1"].font = Font(name="No Such Sans", size=10)
wb.save("user-fonts.xlsx")
