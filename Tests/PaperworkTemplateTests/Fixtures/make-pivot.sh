#!/bin/sh
# Makes pivot-lo.xlsx beside this script: the list in pivot-list.fods (a row loop on sheet 清单) with two
# pivot tables made by LibreOffice through its API (a Basic macro in a throw-away profile) over the range
# 清单.A3:B4 — one on sheet 透视, one on 清单 below the list — saved by LibreOffice as .xlsx (pivot table
# parts, a pivot cache with a worksheet range source, and its records).
set -e
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --terminate_after_init >/dev/null 2>&1
cat >"$profile/user/basic/Standard/script.xlb" <<'XLB'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Pivot"/>
</library:library>
XLB
cat >"$profile/user/basic/Standard/Pivot.xba" <<'XBA'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Pivot" script:language="StarBasic">
Sub AddPivot(doc, sheetName As String, name As String, at As String)
  list = doc.Sheets.getByName("清单")
  sheet = doc.Sheets.getByName(sheetName)
  desc = sheet.DataPilotTables.createDataPilotDescriptor()
  desc.setSourceRange(list.getCellRangeByName("A3:B4").getRangeAddress())
  fields = desc.getDataPilotFields()
  fields.getByIndex(0).Orientation = com.sun.star.sheet.DataPilotFieldOrientation.ROW
  fields.getByIndex(1).Orientation = com.sun.star.sheet.DataPilotFieldOrientation.DATA
  fields.getByIndex(1).Function = com.sun.star.sheet.GeneralFunction.COUNT
  sheet.DataPilotTables.insertNewByName(name, sheet.getCellRangeByName(at).getCellAddress(), desc)
End Sub

Sub Make(src As String, dst As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden" : args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, args())
  AddPivot(doc, "透视", "收入透视", "A3")
  AddPivot(doc, "清单", "清单透视", "A8")
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName" : out(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
</script:module>
XBA
soffice -env:UserInstallation="file://$profile" --headless \
  "macro:///Standard.Pivot.Make(\"$PWD/pivot-list.fods\",\"$PWD/pivot-lo.xlsx\")" >/dev/null 2>&1
test -s pivot-lo.xlsx
