#!/usr/bin/env python3
"""Makes python-docx.docx and word-style.docx beside this script (needs python-docx)."""
import io, os, zipfile
from docx import Document
from docx.shared import Pt
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

here = os.path.dirname(os.path.abspath(__file__))
doc = Document()
p = doc.add_paragraph("项目：")
p.add_run("{{乙")
r = p.add_run("方.名")
r.bold = True
p.add_run("称}}")
r = p.add_run("（宋体）{{备注}}")
r.font.name = "SimSun"
r._element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")
doc.add_paragraph("{{#each 付息记录}}")
doc.add_paragraph("第{{@number}}笔：{{日期 | date}} 付息 {{金额 | rmb}} 元")
doc.add_paragraph("{{else}}")
doc.add_paragraph("无付息记录")
doc.add_paragraph("{{/each}}")
t = doc.add_table(rows=5, cols=3)
t.style = "Table Grid"
t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "类别", "日期", "金额"
t.cell(1, 0).text = "{{#each 付息记录}}"
t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "付息", "{{日期 | date}}", "{{金额 | rmb}}"
t.cell(3, 0).text = "{{/each}}"
t.cell(4, 0).text, t.cell(4, 2).text = "合计", "{{合计 | rmb}}"
# a cell merged vertically from the header row through the loop row
m = doc.add_table(rows=3, cols=2)
m.style = "Table Grid"
m.cell(0, 0).merge(m.cell(1, 0))
m.cell(0, 0).text = "贷款"
m.cell(0, 1).text = "银行：{{银行}}"
m.cell(1, 1).text = "{{#each 付息记录}}{{金额}}{{/each}}"
m.cell(2, 0).text, m.cell(2, 1).text = "备注", "{{备注}}"
doc.add_paragraph("{{#if 再贷款}}使用再贷款额度 {{再贷款 | check}}{{else}}未使用再贷款{{/if}}")
doc.sections[0].header.paragraphs[0].text = "申请单位：{{乙方.名称}}"
doc.sections[0].footer.paragraphs[0].text = "第 1 页 {{备注 | default(\"\")}}"
doc.save(os.path.join(here, "python-docx.docx"))

# Word splits runs at proofing marks, revision ids, bookmarks and smart tags; write such a body.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
body = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p w:rsidR="00A1" w:rsidRDefault="00B2"><w:r w:rsidRPr="00C3"><w:t>甲方：</w:t></w:r><w:proofErr w:type="spellStart"/><w:r w:rsidR="00D4"><w:t>{{{{</w:t></w:r><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidR="00E5"><w:rPr><w:rFonts w:ascii="FangSong" w:eastAsia="FangSong"/><w:sz w:val="32"/></w:rPr><w:t>甲方</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:r><w:t>.</w:t></w:r></w:smartTag><w:r w:rsidR="00F6"><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">名称 </w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:t>}}}}</w:t></w:r><w:proofErr w:type="gramEnd"/><w:r><w:t xml:space="preserve"> 签章</w:t></w:r></w:p>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>地址：{{{{</w:t></w:r><w:ins w:id="1" w:author="clerk" w:date="2020-05-14T00:00:00Z"><w:r><w:t>甲方.地址</w:t></w:r></w:ins><w:r><w:t>}}}}</w:t></w:r></w:p>
<w:sdt><w:sdtPr><w:alias w:val="联系人"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>联系人：{{{{甲方.联系人}}}}</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:p><w:r><w:t xml:space="preserve">字面量：\\{{{{不是标记}}}}</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body></w:document>"""
src = io.BytesIO(open(os.path.join(here, "python-docx.docx"), "rb").read())
out = io.BytesIO()
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            data = body.encode()
        zout.writestr(item, data)
open(os.path.join(here, "word-style.docx"), "wb").write(out.getvalue())
