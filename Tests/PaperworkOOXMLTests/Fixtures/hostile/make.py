#!/usr/bin/env python3
"""Makes the hostile packages beside this script from ../libreoffice.docx. Run it again to remake them."""
import io, os, struct, zipfile

here = os.path.dirname(os.path.abspath(__file__))
base = open(os.path.join(here, "..", "libreoffice.docx"), "rb").read()
parts = {}
with zipfile.ZipFile(io.BytesIO(base)) as z:
    for n in z.namelist():
        parts[n] = z.read(n)


def write(name, entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for n, data in entries:
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    open(os.path.join(here, name), "wb").write(buf.getvalue())
    return buf.getvalue()


def patched(data, offset_fn):
    data = bytearray(data)
    offset_fn(data)
    return bytes(data)


def headers(data, sig):
    i = data.find(sig)
    while i >= 0:
        yield i
        i = data.find(sig, i + 4)


open(os.path.join(here, "not-a-zip.docx"), "wb").write("这不是一个 Word 文件\n".encode())
open(os.path.join(here, "truncated.docx"), "wb").write(base[: len(base) // 2])
flipped = bytearray(base)
doc_at = flipped.find(b"word/document.xml")
flipped[doc_at + 200] ^= 0xFF
open(os.path.join(here, "bit-flipped.docx"), "wb").write(bytes(flipped))

good = list(parts.items())
enc = write("encrypted.docx", good)


def set_encrypted(d):
    for i in headers(d, b"PK\x03\x04"):
        d[i + 6] |= 1
    for i in headers(d, b"PK\x01\x02"):
        d[i + 8] |= 1


open(os.path.join(here, "encrypted.docx"), "wb").write(patched(enc, set_encrypted))

write("bomb-ratio.docx", good + [("word/media/zeros.bin", b"\0" * (60 << 20))])
big = write("bomb-size.docx", good + [("word/media/big.bin", b"\0" * 4096)])


def claim_huge(d):
    name = b"word/media/big.bin"
    for i in headers(d, b"PK\x03\x04"):
        if d[i + 30 : i + 30 + len(name)] == name:
            d[i + 22 : i + 26] = struct.pack("<I", 0xFFF00000)
    for i in headers(d, b"PK\x01\x02"):
        if d[i + 46 : i + 46 + len(name)] == name:
            d[i + 24 : i + 28] = struct.pack("<I", 0xFFF00000)


open(os.path.join(here, "bomb-size.docx"), "wb").write(patched(big, claim_huge))
write("dotdot.docx", good + [("../../evil.xml", b"<x/>")])
write("absolute.docx", good + [("/etc/evil.xml", b"<x/>")])
write("backslash.docx", good + [("word\\evil.xml", b"<x/>")])
import warnings
warnings.simplefilter("ignore")
write("duplicate.docx", good + [("word/document.xml", parts["word/document.xml"])])
write("no-content-types.docx", [(n, d) for n, d in good if n != "[Content_Types].xml"])
write("no-main-part.docx", [(n, d) for n, d in good if n != "word/document.xml"])
write("malformed.docx", [(n, d if n != "word/document.xml" else d[:-40] + b"<w:p></w:body>") for n, d in good])
laughs = b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
) + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol9;</w:document>'
write("billion-laughs.docx", [(n, d if n != "word/document.xml" else laughs) for n, d in good])
xxe = b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
write("external-entity.docx", [(n, d if n != "word/document.xml" else xxe) for n, d in good])
