"""Types over text in a .docx the way a clerk would in Word: python-docx opens the document, each
paragraph (body and table cells) holding OLD has it replaced by NEW, and the document is saved.
Usage: type-over-docx.py IN.docx OUT.docx OLD NEW [OLD NEW ...]"""
import sys
import docx

source, target, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
document = docx.Document(source)


def paragraphs(container):
    for p in container.paragraphs:
        yield p
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from paragraphs(cell)


seen = []  # the elements themselves: merged cells repeat a paragraph, and ids of dropped proxies are reused
for p in paragraphs(document):
    if any(p._p is q for q in seen):
        continue
    seen.append(p._p)
    text = p.text
    changed = text
    for old, new in zip(pairs[0::2], pairs[1::2]):
        changed = changed.replace(old, new)
    if changed != text and p.runs:
        p.runs[0].text = changed
        for run in p.runs[1:]:
            run.text = ""
document.save(target)
