#!/usr/bin/env python3
"""Writes template.docx of the test form landlord-subsidy (出租方减免租金补贴申请表) from a Flat ODT source,
with the helpers the built-in templates use, converted by LibreOffice.

Run from the repository: python3 Tests/PaperworkFormsTests/Fixtures/landlord-subsidy/make-template.py
"""
import os, shutil, subprocess, sys, tempfile
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(root, "Templates", "src"))
from fodt import p, cell, row, table, column_styles, document


def landlord_subsidy():
    w = [1.2, 3.6, 2.6, 1.8, 2.2, 1.4, 1.6, 2.4]
    head = ["序号", "承租方", "租赁合同编号", "用途", "月租金（元）", "月数", "比例", "实际减免（元）"]
    info = [1.2 + 3.6, 2.6 + 1.8, 2.2 + 1.4, 1.6 + 2.4]
    rows = [row([cell("出租方名称", "CellCenter", span=2), cell("{{出租方.名称}}", span=6)]),
            row([cell("统一社会信用代码", "CellCenter", span=2), cell("{{出租方.信用代码}}", span=2),
                 cell("出租方类型", "CellCenter", span=2), cell("{{出租方.类型}}", span=2)]),
            row([cell("地址", "CellCenter", span=2), cell("{{出租方.地址}}", span=6)]),
            row([cell("法定代表人", "CellCenter", span=2), cell("{{出租方.法定代表人}}", span=2),
                 cell("联系人及电话", "CellCenter", span=2), cell("{{出租方.联系人}} {{出租方.联系电话}}", span=2)]),
            row([cell("开户银行", "CellCenter", span=2), cell("{{出租方.开户银行}}", span=2),
                 cell("银行账号", "CellCenter", span=2), cell("{{出租方.银行账号}}", span=2)]),
            row([cell("减免租金明细（2020年2月至4月）", "CellHead", span=8)]),
            row([cell(h, "CellHead") for h in head]),
            row([cell("{{#each 承租方}}{{@number}}", "CellCenter"), cell("{{名称}}"), cell("{{合同编号}}", "CellCenter"),
                 cell("{{用途}}", "CellCenter"), cell("{{月租金 | rmb}}", "CellRight"), cell("{{月数}}", "CellCenter"),
                 cell("{{比例 | percent}}", "CellCenter"), cell("{{减免金额 | rmb}}{{/each}}", "CellRight")]),
            row([cell("减免合计（{{户数}} 户）", "CellCenter", span=7), cell("{{减免合计 | rmb}}", "CellRight")]),
            row([cell("申请补贴", "CellCenter", span=2),
                 cell("按实际减免金额的 {{补贴.比例 | percent}} 申请补贴人民币 {{补贴.金额 | rmb}} 元（大写：人民币{{补贴.金额大写}}）", span=6)]),
            row([cell("出租方声明", "CellCenter", span=2),
                 cell(["本单位已按密政发〔2020〕25号对上列承租方减免 2020年2月至4月租金，所填金额与减免协议、退租或抵扣凭证一致；"
                       "如有虚假，愿退回补贴资金并承担相应责任。", "",
                       "法定代表人（签字）：　　　　　　出租方（盖章）", "{{申请日期 | date}}"], span=6)], "Tall"),
            row([cell("审核意见", "CellCenter", span=2), cell(["", "", "审核人：　　　　　　日期：　　年　　月　　日"], span=6)], "Tall")]
    body = p("出租方减免租金补贴申请表", "Title")
    body += p("依据：密政发〔2020〕25号 (一)(二)", "Center")
    body += table("申请表", w, rows)
    return document("{{出租方.名称}}减免租金补贴申请表", body, column_styles("申请表", w), size=12, title_size=18, cell_size=10.5,
                    line="130%", margins=(2.2, 2.0, 2.5, 2.5), width=16.2)


def convert(fodt_text):
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "template.fodt")
    open(src, "w", encoding="utf-8").write(fodt_text)
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.copy(os.path.join(tmp, "template.docx"), os.path.join(here, "template.docx"))
    shutil.rmtree(tmp)


convert(landlord_subsidy())
