#!/usr/bin/env python3
"""Makes merge-letter.docx beside this script (needs python-docx): a letter for joining into one print file, with
what a joined body must keep working — a picture (a relationship of the main part), a table whose cell holds two
paragraphs, a paragraph with a section break of its own inside the table's cell (Word ignores it there, the join must
not take it for the body's), a footer "第 X 页 共 Y 页" with a PAGE and a NUMPAGES field (complex and simple), and
page numbers in Chinese counting, starting at 5, and two clauses numbered by Word's automatic numbering (their own
w:numPr, list 5 of python-docx's numbering part) and a third numbered by its style (List Number, list 5 too)."""
import os, struct, zlib
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

here = os.path.dirname(os.path.abspath(__file__))


def png(width, height):
    """A small red PNG, written with zlib (no imaging library needed)."""
    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def field(paragraph, code):
    """A complex field (begin, instruction, separate, result, end) in its own runs."""
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), kind)
            run._element.append(f)
        elif text == code:
            t = OxmlElement("w:instrText")
            t.set(qn("xml:space"), "preserve")
            t.text = code
            run._element.append(t)
        else:
            run.text = text


image = os.path.join(here, "merge-letter.png")
with open(image, "wb") as f:
    f.write(png(24, 12))

doc = Document()
doc.add_paragraph("致 {{企业名称}}：")
doc.add_picture(image, width=Cm(2))
doc.add_paragraph("贵单位申请的补贴 {{金额 | rmb}} 元已受理。")
table = doc.add_table(rows=1, cols=2)
table.style = "Table Grid"
table.cell(0, 0).text = "企业"
cell = table.cell(0, 1)
cell.paragraphs[0].text = "{{企业名称}}"
inner = cell.add_paragraph("第二段：{{金额 | rmb_upper}}")
for clause in ("本函自发出之日起生效。", "如有异议请于十日内联系。"):
    numbered = doc.add_paragraph(clause)
    numbering = OxmlElement("w:numPr")
    for name, value in (("w:ilvl", "0"), ("w:numId", "5")):
        element = OxmlElement(name)
        element.set(qn("w:val"), value)
        numbering.append(element)
    numbered._p.get_or_add_pPr().append(numbering)
doc.add_paragraph("本函一式两份。", style="List Number")
doc.add_paragraph("此致")

section = doc.sections[0]
numbers = OxmlElement("w:pgNumType")
numbers.set(qn("w:fmt"), "chineseCounting")
numbers.set(qn("w:start"), "5")
section._sectPr.insert(section._sectPr.index(section._sectPr.find(qn("w:cols"))), numbers)
footer = section.footer.paragraphs[0]
footer.add_run("第 ")
field(footer, " PAGE ")
footer.add_run(" 页 共 ")
field(footer, " NUMPAGES ")
footer.add_run(" 页（")
simple = OxmlElement("w:fldSimple")
simple.set(qn("w:instr"), " NUMPAGES \\* MERGEFORMAT ")
footer._p.append(simple)
footer.add_run("）")
inner._p.get_or_add_pPr().append(OxmlElement("w:sectPr"))  # after the footer: python-docx counts it as a section
doc.save(os.path.join(here, "merge-letter.docx"))
os.remove(image)
