#!/usr/bin/env python3
"""Makes the seed corpus in Fuzz/Corpus from the test fixtures, the samples and the built-in forms.

Each target's folder gets whole files and, for the templates, their main XML part alone (the fuzz target puts
such a part into a minimal package, so mutations land on the XML). Run from the repository root; the result
is committed, so the corpus changes only when this is run again."""
import glob, hashlib, os, re, shutil, zipfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Fuzz", "Corpus")


def put(target, data, name):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:10]
    with open(os.path.join(folder, f"{name}-{digest}"), "wb") as f:
        f.write(data)


def files(*patterns):
    return sorted(p for pattern in patterns for p in glob.glob(os.path.join(root, pattern), recursive=True))


shutil.rmtree(out, ignore_errors=True)
tags = set()
for path in files("Tests/**/*.docx", "Templates/*/template.docx"):
    data = open(path, "rb").read()
    name = os.path.splitext(os.path.basename(path))[0]
    if len(data) <= 64 << 10:
        put("docx", data, name)
    try:
        with zipfile.ZipFile(path) as z:
            if z.getinfo("word/document.xml").file_size > 1 << 20:
                continue
            document = z.read("word/document.xml")
            put("docx", document, name + "-document")
            tags.update(re.findall(rb"\{\{.*?\}\}", re.sub(rb"<[^>]*>", b"", document)))
    except Exception:  # the hostile fixtures: their whole file is the seed
        pass
for path in files("Tests/**/*.xlsx", "Templates/*/template.xlsx", "Samples/*/*.xlsx"):
    data = open(path, "rb").read()
    name = os.path.splitext(os.path.basename(path))[0]
    put("xlsx" if "Samples" not in path else "cases-xlsx", data, name)
    if "Samples" not in path:
        put("cases-xlsx", data, name)
        with zipfile.ZipFile(path) as z:
            sheet = z.read("xl/worksheets/sheet1.xml")
            put("xlsx", sheet, name + "-sheet1")
            tags.update(re.findall(rb"\{\{.*?\}\}", sheet))
for path in files("Tests/**/*.swift"):
    tags.update(t.encode() for t in re.findall(r"\{\{[^\"\n]*?\}\}", open(path, encoding="utf-8").read()))
for i, tag in enumerate(sorted(tags)):
    put("tags", tag, f"tag{i:03d}")
put("tags", "{{乙方.名称}}-租金减免补充协议 {{#each 付息记录}}{{this.月份 | date(\"yyyy年M月\")}}{{/each}}".encode(), "pattern")
for ext, target in [("csv", "csv"), ("json", "json"), ("yaml", "yaml")]:
    for path in files(f"Samples/*/*.{ext}", f"Tests/**/Fixtures/*.{ext}"):
        put(target, open(path, "rb").read(), os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path))
for path in files("Templates/*/form.yaml", "Templates/policy/*.yaml"):
    put("manifest", open(path, "rb").read(), os.path.basename(os.path.dirname(path)))
for target in sorted(os.listdir(out)):
    print(target, len(os.listdir(os.path.join(out, target))))
