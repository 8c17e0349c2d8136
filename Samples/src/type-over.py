"""Types a number over one cell of a workbook, as a clerk does in Excel after the list was made.

    python3 Samples/src/type-over.py 各部门/城管委.xlsx G6 99

Only the cell's stored value changes (the first sheet); everything else in the file is copied as it is.
"""
import re
import sys
import zipfile

path, ref, value = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(path) as src:
    entries = [(info, src.read(info.filename)) for info in src.infolist()]
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
    for info, data in entries:
        if info.filename == "xl/worksheets/sheet1.xml":
            text = data.decode()
            cell = re.search(r'<c r="%s"[^>]*>.*?</c>' % ref, text)
            number = re.sub(r"<v>[^<]*</v>", "<v>%s</v>" % value, cell.group(0))
            text = text[: cell.start()] + number + text[cell.end():]
            data = text.encode()
        out.writestr(info, data)
