"""Small helpers to write Flat ODT documents that LibreOffice turns into .docx templates."""
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{title}</dc:title></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="FangSong" svg:font-family="FangSong" style:font-family-generic="roman"/>
  <style:font-face style:name="SimHei" svg:font-family="SimHei" style:font-family-generic="swiss"/>
  <style:font-face style:name="SimSun" svg:font-family="SimSun" style:font-family-generic="roman"/>
  <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="{line}"/><style:text-properties style:font-name="Times New Roman" style:font-name-asian="{body_font}" fo:font-size="{size}pt" style:font-size-asian="{size}pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm" fo:keep-with-next="always"/><style:text-properties style:font-name-asian="SimHei" style:font-name="SimHei" fo:font-size="{title_size}pt" style:font-size-asian="{title_size}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
  <style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
  <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="{indent}pt"/></style:style>
  <style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.2cm" fo:keep-with-next="always"/><style:text-properties style:font-name-asian="SimHei" style:font-name="SimHei" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:line-height="115%"/><style:text-properties fo:font-size="{cell_size}pt" style:font-size-asian="{cell_size}pt"/></style:style>
  <style:style style:name="CellCenter" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/></style:style>
  <style:style style:name="CellRight" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="end"/></style:style>
  <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name-asian="SimHei" style:font-name="SimHei"/></style:style>
  <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="{mt}cm" fo:margin-bottom="{mb}cm" fo:margin-left="{ml}cm" fo:margin-right="{mr}cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
  <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{width}cm" table:align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"/></style:style>
  <style:style style:name="Grid" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
  <style:style style:name="Plain" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="none" style:vertical-align="top"/></style:style>
  <style:style style:name="Keep" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
  <style:style style:name="Tall" style:family="table-row"><style:table-row-properties style:min-row-height="3cm" fo:keep-together="always"/></style:style>
  {columns}
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:footer><text:p text:style-name="Footer">第 <text:page-number text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
"""

TAIL = """ </office:text></office:body>
</office:document>
"""


def p(text, style="Body"):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>\n'


def cell(text, style="Cell", span=1, cell_style="Grid"):
    paragraphs = text if isinstance(text, list) else [text]
    body = "".join(p(t, style) for t in paragraphs)
    attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    covered = "<table:covered-table-cell/>" * (span - 1)
    return f'<table:table-cell table:style-name="{cell_style}" office:value-type="string"{attrs}>{body}</table:table-cell>{covered}'


def row(cells, style="Keep"):
    return f'<table:table-row table:style-name="{style}">{"".join(cells)}</table:table-row>\n'


def table(name, widths, rows):
    cols = "".join(f'<table:table-column table:style-name="{name}.C{i}"/>' for i in range(len(widths)))
    return f'<table:table table:name="{name}" table:style-name="Tbl">{cols}\n{"".join(rows)}</table:table>\n'


def column_styles(name, widths):
    return "".join(
        f'<style:style style:name="{name}.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>'
        for i, w in enumerate(widths))


def document(title, body, columns, size=14, title_size=22, cell_size=12, line="150%", margins=(3.0, 2.5, 2.8, 2.6), width=15.6):
    head = HEAD.format(title=escape(title), body_font="FangSong", size=size, title_size=title_size, cell_size=cell_size,
                       indent=size * 2, line=line, mt=margins[0], mb=margins[1], ml=margins[2], mr=margins[3],
                       width=width, columns=columns)
    return head + body + TAIL
