#!/usr/bin/env python3
"""Writes Templates/hr-enterprise-list/template.xlsx with openpyxl (pip install openpyxl)."""
import os
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(os.path.dirname(here), "hr-enterprise-list", "template.xlsx")

columns = [  # heading (a line break where it wraps: two lines at most), tag, width, number format
    ("序号", "{{#each 企业}}{{@number}}", 5, "0"),
    ("企业名称", "{{名称}}", 22, "@"),
    ("统一社会信用代码", "{{信用代码}}", 19, "@"),
    ("重点行业", "{{重点行业}}", 10, "@"),
    ("行业主管部门", "{{主管部门 | default(\"\")}}", 10, "@"),
    ("企业\n规模", "{{规模}}", 6, "@"),
    ("参保职工\n人数", "{{参保人数}}", 8, "#,##0"),
    ("2020年2-4月\n营业收入（元）", "{{2020年2至4月营业收入}}", 13, "#,##0.00"),
    ("2019年2-4月\n营业收入（元）", "{{2019年2至4月营业收入}}", 13, "#,##0.00"),
    ("营业收入\n下降比例", "{{下降比例}}", 9, "0.00%"),
    ("拟参加培训\n人数", "{{培训人数}}", 9, "#,##0"),
    ("以训稳岗补贴\n（元）", "{{培训补贴 | default(0)}}", 12, "#,##0.00"),
    ("临时性岗位补贴\n（元）", "{{临时岗位补贴}}", 13, "#,##0.00"),
    ("联系人", "{{联系人}}", 8, "@"),
    ("联系电话", "{{联系电话}}", 12, "@"),
    ("备注", "{{备注 | default(\"\")}}{{/each}}", 9, "@"),
]
letters = [chr(65 + i) for i in range(len(columns))]
last = letters[-1]
thin = Side(style="thin", color="000000")
box = Border(left=thin, right=thin, top=thin, bottom=thin)
body = Font(name="仿宋", size=10)
bold = Font(name="黑体", size=10, bold=True)

wb = Workbook()
ws = wb.active
ws.title = "企业清单"
ws["A1"] = "{{部门}}以训稳岗补贴和临时性岗位补贴企业清单（第{{批次}}批）"
ws["A1"].font = Font(name="方正小标宋简体", size=16, bold=True)
ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
ws.merge_cells(f"A1:{last}1")
ws.row_dimensions[1].height = 32
ws.row_dimensions[2].height = 18
ws["A2"] = "报送批次日期：{{批次日期 | date}}　　依据：密政发〔2020〕25号（十三）"
ws["A2"].font = body
ws.merge_cells(f"A2:{last}2")
for col, (heading, tag, width, fmt) in zip(letters, columns):
    h = ws[f"{col}3"]
    h.value = heading
    h.font = bold
    h.border = box
    h.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    c = ws[f"{col}4"]
    c.value = tag
    c.font = body
    c.border = box
    c.number_format = fmt
    # Rows keep their height, so that pages hold a known number of them: long text shrinks rather than wraps.
    align = "left" if fmt == "@" else "right"
    c.alignment = Alignment(vertical="center", shrink_to_fit=fmt == "@", horizontal="center" if col == "A" else align,
                            indent=1 if fmt == "@" else 0)
    ws.column_dimensions[col].width = width
ws.row_dimensions[3].height = 34
ws.row_dimensions[4].height = 20
ws["A5"] = "合计"
ws.merge_cells("A5:F5")
for col in letters:
    ws[f"{col}5"].border = box
    ws[f"{col}5"].font = bold
ws["A5"].alignment = Alignment(horizontal="center", vertical="center")
for col, fmt in (("G", "#,##0"), ("H", "#,##0.00"), ("I", "#,##0.00"), ("K", "#,##0"), ("L", "#,##0.00"), ("M", "#,##0.00")):
    ws[f"{col}5"] = f"=SUM({col}4:{col}4)"
    ws[f"{col}5"].number_format = fmt
    ws[f"{col}5"].alignment = Alignment(horizontal="right", vertical="center")
ws.row_dimensions[5].height = 22
# The sign-off follows the totals; paperwork keeps both with the last rows when it sets the page breaks.
ws["A6"] = "填报单位（盖章）：{{部门}}"
ws.merge_cells("A6:E6")
ws["G6"] = "填报人：{{填报人}}"
ws.merge_cells("G6:I6")
ws["J6"] = "联系电话：{{联系电话}}"
ws.merge_cells("J6:L6")
ws["M6"] = "填报日期：{{填报日期 | date}}"
ws.merge_cells(f"M6:{last}6")
for col in ("A", "G", "J", "M"):
    ws[f"{col}6"].font = body
    ws[f"{col}6"].alignment = Alignment(vertical="bottom")
ws.row_dimensions[6].height = 36
ws.freeze_panes = "C4"
ws.print_title_rows = "1:3"
ws.print_area = f"A1:{last}6"
ws.page_setup.orientation = "landscape"
ws.page_setup.paperSize = ws.PAPERSIZE_A4
ws.page_setup.scale = 60  # a fixed scale (not fit-to-width): the rows a page holds can be known when filling
ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.8, header=0.3, footer=0.35)
ws.oddFooter.center.text = "第 &P 页 共 &N 页"
ws.oddFooter.center.font = "宋体"
ws.oddFooter.center.size = 10
ws.print_options.horizontalCentered = True
wb.save(out)
