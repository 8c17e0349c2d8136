"""The peers of the plain list benchmark: openpyxl fills plain-list.xlsx from plain-N.csv, XlsxWriter writes the
same two sheets from scratch. Both convert the text as paperwork does: numbers, percentages and dates."""
import csv, datetime, os


def typed(row):
    name, code, industry, founded, staff, revenue, subsidy, ratio, phone, note = row
    y, m, d = map(int, founded.split("-"))
    return [name, code, industry, datetime.date(y, m, d), int(staff), float(revenue.replace(",", "")),
            float(subsidy.replace(",", "")), float(ratio.rstrip("%")) / 100, phone, note or None]


def rows(work, n):
    with open(os.path.join(work, "plain-%d.csv" % n), encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for r in reader:
            yield typed(r)


def run(tool, work, out, n):
    title = "区商务局企业补贴清单（第2批）"
    if tool == "openpyxl":
        from openpyxl import load_workbook
        wb = load_workbook(os.path.join(work, "plain-list.xlsx"))
        ws = wb["清单"]
        ws["A1"] = title
        ws.insert_rows(4, n - 1)
        for i, r in enumerate(rows(work, n)):
            ws.cell(row=3 + i, column=1, value=i + 1)
            for j, v in enumerate(r):
                ws.cell(row=3 + i, column=2 + j, value=v)
        last = 2 + n
        for col in "FGH":
            ws["%s%d" % (col, last + 1)] = "=SUM(%s3:%s%d)" % (col, col, last)
        ws["I%d" % (last + 1)] = "=AVERAGE(I3:I%d)" % last
        ws["A%d" % (last + 3)] = "填报人：周明　　填报日期：2020-05-12"
        summary = wb["汇总"]
        summary["B1"], summary["B2"], summary["B3"] = "=COUNTA(清单!B3:B%d)" % last, "=清单!F%d" % (last + 1), "=清单!H%d" % (last + 1)
        wb.save(os.path.join(out, "openpyxl-plain.xlsx"))
        return
    import xlsxwriter
    wb = xlsxwriter.Workbook(os.path.join(out, "xlsxwriter-plain.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("清单")
    bold = wb.add_format({"bold": True})
    formats = [None, None, None, wb.add_format({"num_format": "yyyy-mm-dd"}), wb.add_format({"num_format": "#,##0"}),
               wb.add_format({"num_format": "#,##0.00"}), wb.add_format({"num_format": "#,##0.00"}),
               wb.add_format({"num_format": "0.0%"}), wb.add_format({"num_format": "@"}), None]
    ws.merge_range(0, 0, 0, 10, title, wb.add_format({"bold": True, "font_size": 16}))
    ws.write_row(1, 0, ["序号", "企业名称", "信用代码", "行业", "成立日期", "职工人数", "营业收入", "补贴金额", "下降比例", "联系电话", "备注"], bold)
    for i, r in enumerate(rows(work, n)):
        ws.write_number(2 + i, 0, i + 1)
        for j, v in enumerate(r):
            if isinstance(v, datetime.date):
                ws.write_datetime(2 + i, 1 + j, datetime.datetime(v.year, v.month, v.day), formats[j])
            elif j == 8:
                ws.write_string(2 + i, 1 + j, v, formats[j])
            elif v is not None:
                ws.write(2 + i, 1 + j, v, formats[j])
    last = 2 + n
    ws.write(last, 0, "合计")
    for j, col in ((5, "F"), (6, "G"), (7, "H")):
        ws.write_formula(last, j, "=SUM(%s3:%s%d)" % (col, col, last), formats[j - 1])
    ws.write_formula(last, 8, "=AVERAGE(I3:I%d)" % last, formats[7])
    ws.write(last + 2, 0, "填报人：周明　　填报日期：2020-05-12")
    ws.conditional_format(2, 7, last - 1, 7, {"type": "cell", "criteria": ">", "value": 100000,
                                               "format": wb.add_format({"bg_color": "#FFFF00"})})
    ws.data_validation(2, 3, last - 1, 3, {"validate": "list", "source": ["生活性服务业", "科技创新", "文化旅游", "城市运行保障"]})
    summary = wb.add_worksheet("汇总")
    summary.write_row(0, 0, ["企业数", "=COUNTA(清单!B3:B%d)" % last])
    summary.write_row(1, 0, ["职工人数", "=清单!F%d" % (last + 1)])
    summary.write_row(2, 0, ["补贴合计", "=清单!H%d" % (last + 1)])
    wb.close()
