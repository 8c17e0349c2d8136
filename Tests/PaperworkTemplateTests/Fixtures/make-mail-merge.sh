#!/bin/sh
# Makes mail-merge.docx (a Word mail-merge main document, saved by LibreOffice from mail-merge.fodt)
# and mail-merge-data.xlsx (its data source, by openpyxl) beside this script.
set -e
cd "$(dirname "$0")"
soffice --headless --convert-to docx mail-merge.fodt >/dev/null
"${PYTHON:-python3}" - <<'PY'
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["企业名称", "信用代码", "贴息金额", "联系人"])
ws.append(["北京密云示例科技有限公司", "91110228MA0030003Y", 12345.6, "王小明"])
ws.append(["北京密云长城旅游发展有限公司（有限合伙）", "91110228MA01A0XB1P", 200000, "欧阳建华"])
wb.save("mail-merge-data.xlsx")
PY
