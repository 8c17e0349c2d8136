"""Small helpers to write Flat ODT documents that LibreOffice turns into .docx templates.

Typography after GB/T 9704-2012 where it fits: A4, 仿宋 body, 黑体 headings, 宋体 bold titles, exact line
pitches (the same lines per page whatever font stands in for 仿宋), widows and orphans kept, and Latin text
and digits in English (en-US) so that numbers, codes and dates are never broken inside — with the Western
language set to Chinese, LibreOffice breaks Latin runs between any two characters.
"""
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{title}</dc:title></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="仿宋" svg:font-family="仿宋" style:font-family-generic="roman" style:font-pitch="fixed"/>
  <style:font-face style:name="黑体" svg:font-family="黑体" style:font-family-generic="swiss" style:font-pitch="fixed"/>
  <style:font-face style:name="宋体" svg:font-family="宋体" style:font-family-generic="roman" style:font-pitch="fixed"/>
  <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="{line}" fo:orphans="2" fo:widows="2" style:line-break="strict" style:punctuation-wrap="hanging"/><style:text-properties style:font-name="Times New Roman" style:font-name-asian="仿宋" fo:font-size="{size}pt" style:font-size-asian="{size}pt" fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="{title_line}" fo:margin-bottom="{title_gap}cm" fo:keep-with-next="always"/><style:text-properties style:font-name-asian="宋体" fo:font-size="{title_size}pt" style:font-size-asian="{title_size}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:keep-with-next="always"/></style:style>
  <style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
  <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="{indent}pt"/></style:style>
  <style:style style:name="BodyKeep" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:keep-with-next="always"/></style:style>
  <style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:keep-with-next="always" fo:text-indent="{indent}pt"/><style:text-properties style:font-name-asian="黑体"/></style:style>
  <style:style style:name="Gap" style:family="paragraph"><style:paragraph-properties fo:line-height="1pt" fo:keep-with-next="always"/><style:text-properties fo:font-size="1pt" style:font-size-asian="1pt"/></style:style>
  <style:style style:name="End" style:family="paragraph"><style:paragraph-properties fo:line-height="1pt"/><style:text-properties fo:font-size="1pt" style:font-size-asian="1pt"/></style:style>
  <style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:line-height="{cell_line}" fo:orphans="0" fo:widows="0"/><style:text-properties fo:font-size="{cell_size}pt" style:font-size-asian="{cell_size}pt"/></style:style>
  <style:style style:name="CellCenter" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/></style:style>
  <style:style style:name="CellRight" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="end"/></style:style>
  <style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name-asian="黑体"/></style:style>
  <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="100%"/><style:text-properties style:font-name-asian="宋体" fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="{mt}cm" fo:margin-bottom="{mb}cm" fo:margin-left="{ml}cm" fo:margin-right="{mr}cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
  <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="{width}cm" table:align="center" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/></style:style>
  <style:style style:name="TblJoin" style:family="table"><style:table-properties style:width="{width}cm" table:align="center" fo:margin-top="0cm" fo:margin-bottom="0cm"/></style:style>
  <style:style style:name="TblWhole" style:family="table"><style:table-properties style:width="{width}cm" table:align="center" fo:margin-top="0cm" fo:margin-bottom="0cm" style:may-break-between-rows="false"/></style:style>
  <style:style style:name="Grid" style:family="table-cell"><style:table-cell-properties fo:padding-top="{pad}cm" fo:padding-bottom="{pad}cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
  <style:style style:name="GridOpen" style:family="table-cell"><style:table-cell-properties fo:padding-top="{pad}cm" fo:padding-bottom="{pad}cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:border-top="none" fo:border-left="0.5pt solid #000000" fo:border-right="0.5pt solid #000000" fo:border-bottom="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
  <style:style style:name="GridTop" style:family="table-cell"><style:table-cell-properties fo:padding-top="{pad}cm" fo:padding-bottom="{pad}cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style>
  <style:style style:name="Plain" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="none" style:vertical-align="top"/></style:style>
  <style:style style:name="Keep" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
  {row_styles}
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


def row_style(name, min_height):
    """A row that is never split and is at least this tall (room to sign and seal)."""
    return (f'<style:style style:name="{name}" style:family="table-row"><style:table-row-properties '
            f'style:min-row-height="{min_height}cm" fo:keep-together="always"/></style:style>')


def table(name, widths, rows, header_rows=(), style="Tbl"):
    """A table; `header_rows` repeat at the top of every page the table runs onto."""
    cols = "".join(f'<table:table-column table:style-name="{name}.C{i}"/>' for i in range(len(widths)))
    head = f'<table:table-header-rows>{"".join(header_rows)}</table:table-header-rows>' if header_rows else ""
    return f'<table:table table:name="{name}" table:style-name="{style}">{cols}\n{head}{"".join(rows)}</table:table>\n'


def column_styles(name, widths):
    return "".join(
        f'<style:style style:name="{name}.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>'
        for i, w in enumerate(widths))


def document(title, body, columns, size=16, title_size=22, cell_size=12, line="29pt", title_line="36pt", cell_line="20pt",
             title_gap=0.4, margins=(3.7, 2.6, 2.8, 2.6), width=15.6, pad=0.1, row_styles=""):
    head = HEAD.format(title=escape(title), size=size, title_size=title_size, cell_size=cell_size, indent=size * 2, line=line,
                       title_line=title_line, cell_line=cell_line, title_gap=title_gap, mt=margins[0], mb=margins[1],
                       ml=margins[2], mr=margins[3], width=width, pad=pad, columns=columns, row_styles=row_styles)
    return head + body + p("", "End") + TAIL  # a document ends in a paragraph: a tiny one never spills onto a page of its own
