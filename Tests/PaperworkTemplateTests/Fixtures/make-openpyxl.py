#!/usr/bin/env python3
"""Makes openpyxl.xlsx beside this script (needs openpyxl): a list template with everything that must move."""
import os
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table
from openpyxl.worksheet.pagebreak import Break

here = os.path.dirname(os.path.abspath(__file__))
wb = Workbook()
ws = wb.active
ws.title = "清单"
ws["A1"] = "{{部门}}第{{批次}}批企业清单"
ws.merge_cells("A1:F1")
ws["A2"] = "报送日期：{{日期 | date}}"
for col, text in zip("ABCDEF", ["序号", "企业名称", "信用代码", "收入", "比例", "日期"]):
    ws[f"{col}3"] = text
    ws[f"{col}3"].font = Font(bold=True)
ws["A4"] = "{{#each 企业}}{{@number}}"
ws["B4"] = "{{名称}}"
ws["B4"].hyperlink = "https://www.gsxt.gov.cn/"
ws["C4"] = "{{信用代码}}"
ws["D4"] = "{{收入}}"
ws["D4"].number_format = "#,##0.00"
ws["E4"] = "{{比例}}"
ws["E4"].number_format = "0.00%"
ws["F4"] = "{{日期}}{{/each}}"
ws.row_dimensions[4].height = 20
ws["A5"] = "合计"
ws["D5"] = "=SUM(D4:D4)"
ws["E5"] = "=COUNT(D4)"
ws["F5"] = "=D5/2"
ws["A7"] = "填报单位（盖章）：{{部门}}"
ws.merge_cells("A7:C7")
ws["D7"] = "填报人：{{填报人}}"
ws["A9"] = "政策原文"
ws["A9"].hyperlink = "http://www.bjmy.gov.cn/"
ws.conditional_formatting.add("D4:D4", CellIsRule(operator="greaterThan", formula=["1000"], fill=PatternFill("solid", fgColor="FFFF00")))
dv = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
ws.add_data_validation(dv)
dv.add("E4:E4")
ws.print_area = "A1:F7"
ws.print_title_rows = "3:3"
ws.row_breaks.append(Break(id=5))
ws.freeze_panes = "A4"
ws.add_table(Table(displayName="企业表", ref="A3:F4"))
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
ws["A12"] = CellRichText(["负责人：", TextBlock(InlineFont(b=True), "{{填"), TextBlock(InlineFont(color="FFC00000"), "报人}}"), "（签字）"])
ws["A15"] = "附件"
ws["A16"] = "{{#each 附件}}{{@number}}"
ws["B16"] = "{{this}}{{/each}}"
ws["A17"] = "=COUNTA(B16:B16)"
ws2 = wb.create_sheet("汇总")
ws2["A1"] = "收入合计"
ws2["B1"] = "=清单!D5"
ws2["A2"] = "企业数"
ws2["B2"] = "=COUNTA(清单!B4:B4)"
wb.save(os.path.join(here, "openpyxl.xlsx"))
