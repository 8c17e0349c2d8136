#!/usr/bin/env python3
"""Makes charts.xlsx beside this script (needs openpyxl): a list with a row loop, a chart beside it that plots
the list, and a small table below the list with a chart of its own, anchored below the list."""
import os
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference

here = os.path.dirname(os.path.abspath(__file__))
def list_sheet():
    """A workbook whose first sheet holds the list: a title, headings and the loop row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws["A1"] = "{{部门}}企业收入"
    ws["A3"], ws["B3"] = "企业名称", "收入"
    ws["A4"], ws["B4"] = "{{#each 企业}}{{名称}}", "{{收入}}{{/each}}"
    return wb, ws


wb, ws = list_sheet()
ws["A6"], ws["B6"] = "月份", "金额"
for i, (m, v) in enumerate([("3月", 100), ("4月", 200), ("5月", 300)]):
    ws.cell(row=7 + i, column=1, value=m)
    ws.cell(row=7 + i, column=2, value=v)
beside = BarChart()
beside.title = "企业收入"
beside.add_data(Reference(ws, min_col=2, min_row=3, max_row=4), titles_from_data=True)
beside.set_categories(Reference(ws, min_col=1, min_row=4, max_row=4))
ws.add_chart(beside, "D3")
below = LineChart()
below.title = "月度金额"
below.add_data(Reference(ws, min_col=2, min_row=6, max_row=9), titles_from_data=True)
below.set_categories(Reference(ws, min_col=1, min_row=7, max_row=9))
ws.add_chart(below, "A12")
other = wb.create_sheet("汇总")
other["A1"] = "合计"
other["B1"] = "=SUM(清单!B4)"
wb.save(os.path.join(here, "charts.xlsx"))
# The same workbook saved again by LibreOffice (charts with cached values, prefixed chart markup):
#   soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir lo charts.xlsx && mv lo/charts.xlsx charts-lo.xlsx

# chart-text.xlsx: tags in a chart's title and in cell comments, on the loop sheet.
from openpyxl.comments import Comment
wb, ws = list_sheet()
ws["A6"] = "制表：{{填报人}}"
ws["A3"].comment = Comment("请{{部门}}核对企业名称", "paperwork")
ws["A6"].comment = Comment("批次 {{批次}}", "paperwork")
chart = BarChart()
chart.title = "{{部门}}企业收入（第 {{批次}} 批）"
chart.add_data(Reference(ws, min_col=2, min_row=3, max_row=4), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=4, max_row=4))
ws.add_chart(chart, "D3")
wb.save(os.path.join(here, "chart-text.xlsx"))

# comment-loop.xlsx: a comment on the heading, one on the loop row itself and one on the sign-off below the loop.
wb, ws = list_sheet()
ws["A6"] = "制表：{{填报人}}"
ws["A3"].comment = Comment("请{{部门}}核对企业名称", "paperwork")
ws["B4"].comment = Comment("收入以元计", "paperwork")
ws["A6"].comment = Comment("批次 {{批次}}", "paperwork")
wb.save(os.path.join(here, "comment-loop.xlsx"))
