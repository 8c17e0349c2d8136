#!/bin/sh
# Makes content-controls.docx beside this script: content controls of each kind LibreOffice 7.4 can make
# (rich text, check box, drop-down list, date), saved by LibreOffice from content-controls.fodt.
# LibreOffice 7.4 writes no tag or title (w:tag, w:alias) and no data binding for them; the last control
# holds a tag typed inside it.
set -e
cd "$(dirname "$0")"
soffice --headless --convert-to docx content-controls.fodt >/dev/null
