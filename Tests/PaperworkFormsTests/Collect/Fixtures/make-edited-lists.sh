#!/bin/sh
# Makes the edited lists and application the collect tests read: documents filled by paperwork, then
# edited and saved by openpyxl and by LibreOffice, as a department or an enterprise would.
# Needs: a built paperwork (PAPERWORK, default .build/debug/paperwork), python3 with openpyxl, soffice.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
paperwork=${PAPERWORK:-$root/.build/debug/paperwork}
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head="--set 批次=2 --set 填报人=周明 --set 联系电话=010-69041234 --set 填报日期=2020-05-12"
# shellcheck disable=SC2086
"$paperwork" fill --form hr-enterprise-list "$here/城管委.csv" --set 部门=区城管委 $head -o "$work/城管委.xlsx"
# shellcheck disable=SC2086
"$paperwork" fill --form hr-enterprise-list "$here/商务局.csv" --set 部门=区商务局 $head -o "$work/商务局.xlsx"
"$paperwork" fill --form interest-subsidy-application "$root/Samples/interest-subsidy-application/valid.yaml" -o "$work/application.docx"

# openpyxl: a value changed, a row added (its credit code mistyped), a row deleted, a column widened, the department cleared.
"$python" - "$work/城管委.xlsx" "$here/openpyxl-edited.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
ws["H5"] = 9999.5                      # 2020 revenue of the second enterprise, typed over
ws.delete_rows(7)                       # the fourth enterprise deleted
ws.insert_rows(9)                       # an enterprise added by hand between the fifth and sixth
for col, v in zip("BCDFGHIKNO", ["北京密云手工添加企业有限公司", "91110228MA0099991Q", "科技创新", "小型", 5, 1000, 100000, 3, "张三", "13800000000"]):
    ws[f"{col}9"] = v
ws.column_dimensions["B"].width = 60
ws["A1"] = "以训稳岗补贴和临时性岗位补贴企业清单（第2批）"   # the department cleared from the title
for row in ws.iter_rows():                                      # and from the sign-off
    for cell in row:
        if isinstance(cell.value, str) and cell.value.startswith("填报单位"):
            cell.value = "填报单位（盖章）："
wb.save(sys.argv[2])
PY

# LibreOffice: a value typed over in the sheet, then the workbook opened and saved again by LibreOffice.
"$python" - "$work/商务局.xlsx" "$work/商务局-edited.xlsx" <<'PY'
import sys, re, zipfile
src = zipfile.ZipFile(sys.argv[1]); out = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for info in src.infolist():
    data = src.read(info.filename)
    if info.filename == "xl/worksheets/sheet1.xml":
        text = data.decode()
        m = re.search(r'<c r="G6"[^>]*><v>([^<]*)</v>', text)
        text = text[:m.start(1)] + "99" + text[m.end(1):]
        data = text.encode()
    out.writestr(info, data)
out.close()
PY
mkdir -p "$work/lo"
soffice --headless --convert-to xlsx --outdir "$work/lo" "$work/商务局-edited.xlsx" >/dev/null
cp "$work/lo/商务局-edited.xlsx" "$here/libreoffice-edited.xlsx"
soffice --headless --convert-to docx --outdir "$work/lo" "$work/application.docx" >/dev/null
cp "$work/lo/application.docx" "$here/application-libreoffice.docx"
