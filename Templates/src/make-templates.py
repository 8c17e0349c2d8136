#!/usr/bin/env python3
"""Writes the .docx templates of the built-in forms: Flat ODT sources here, converted by LibreOffice.

Run from anywhere: python3 Templates/src/make-templates.py  (needs soffice on the PATH).
"""
import os, shutil, subprocess, tempfile, zipfile
from fodt import p, cell, row, row_style, table, column_styles, document

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def rent_reduction():
    w = [1.4, 3.2, 3.6, 2.6, 4.8]
    body = p("房屋租赁合同补充协议", "Title")
    body += p("（租金减免）", "Center")
    body += p("{{#if 协议编号}}", "Standard")
    body += p("协议编号：{{协议编号}}", "Right")
    body += p("{{/if}}", "Standard")
    for party, role in (("甲方", "出租方"), ("乙方", "承租方")):
        body += p(f"{party}（{role}）：{{{{{party}.名称}}}}", "Standard")
        body += p(f"统一社会信用代码：{{{{{party}.信用代码}}}}", "Standard")
        body += p(f"住所：{{{{{party}.地址}}}}", "Standard")
        if party == "甲方":
            body += p("法定代表人：{{甲方.法定代表人}}　　联系电话：{{甲方.联系电话}}", "Standard")
        else:
            body += p("法定代表人（经营者）：{{乙方.法定代表人}}　　联系人：{{乙方.联系人}}　　联系电话：{{乙方.联系电话}}", "Standard")
    body += p("甲乙双方于{{原合同.签订日期 | date}}签订《房屋租赁合同》（合同编号：{{原合同.编号}}，以下简称“原合同”），"
              "乙方承租甲方位于{{原合同.房屋地址}}的房屋，建筑面积{{原合同.面积 | number(2)}}平方米，用途为{{原合同.用途}}用房，"
              "月租金人民币{{原合同.月租金 | rmb}}元，租期自{{原合同.开始日期 | date}}至{{原合同.结束日期 | date}}。")
    body += p("为贯彻落实《密云区关于应对新型冠状病毒感染的肺炎疫情影响促进中小微企业持续健康发展的实施细则》（密政发〔2020〕25号），"
              "经双方协商一致，就原合同项下租金减免事宜达成如下补充协议，以资共同遵守。")
    body += p("第一条　乙方资格", "Heading")
    body += p("乙方为在密云区注册并纳税纳统的{{乙方.企业类型}}，依法经营，不在疏解整治范围内。乙方2019年12月末职工总数{{职工.2019年12月末}}人，"
              "2020年4月末职工总数{{职工.2020年4月末}}人，裁员比例为{{裁员比例 | percent(2)}}，未超过5.5%，符合租金减免条件。")
    body += p("第二条　减免标准与金额", "Heading")
    body += p("{{#if 减免.生活服务业}}乙方为{{乙方.行业}}行业连锁门店，{{/if}}甲方对乙方{{减免.月份}}的租金按{{减免.比例 | percent}}予以减免，明细如下：")
    head = [row([cell("序号", "CellHead"), cell("月份", "CellHead"), cell("月租金（元）", "CellHead"),
                 cell("减免比例", "CellHead"), cell("减免金额（元）", "CellHead")])]
    rows = [row([cell("{{#each 减免.明细}}{{@number}}", "CellCenter"), cell("{{月份}}", "CellCenter"),
                 cell("{{月租金 | rmb}}", "CellRight"), cell("{{比例 | percent}}", "CellCenter"),
                 cell("{{减免额 | rmb}}{{/each}}", "CellRight")]),
            row([cell("合计", "CellCenter", span=4), cell("{{减免.合计 | rmb}}", "CellRight")]),
            row([cell("大写", "CellCenter"), cell("人民币{{减免.合计大写}}", "Cell", span=4)])]
    body += table("减免明细", w, rows, header_rows=head)
    body += p("以上减免合计人民币{{减免.合计 | rmb}}元（大写：人民币{{减免.合计大写}}）。")
    body += p("第三条　减免方式", "Heading")
    body += p("{{#if 退还}}", "Standard")
    body += p("乙方已交纳上述期间租金的，甲方自本协议签订之日起十五个工作日内，将应减免的租金人民币{{减免.合计 | rmb}}元退还至乙方账户。")
    body += p("{{else}}", "Standard")
    body += p("上述减免金额人民币{{减免.合计 | rmb}}元，自本协议签订后从乙方应交纳的租金中依次抵扣，抵完为止。")
    body += p("{{/if}}", "Standard")
    body += p("第四条　其他", "Heading")
    body += p("一、除本补充协议约定外，原合同其他条款不变，双方继续履行。")
    body += p("二、本补充协议是原合同不可分割的组成部分，与原合同具有同等法律效力；与原合同约定不一致的，以本补充协议为准。")
    body += p("三、本补充协议一式肆份，甲乙双方各执贰份，自双方签字并盖章之日起生效。", "BodyKeep")
    body += p("（以下无正文）", "Center")

    def party(name):  # room for a round seal (42 mm) between the seal line and the signature
        return cell([f"{name}（盖章）：", "", "", "", "法定代表人或授权代表（签字）：", "", "日期：{{签订日期 | date}}"], "Cell",
                    cell_style="Plain")
    sig = [row([party("甲方"), party("乙方")], "Seal")]
    body += table("签章", [7.8, 7.8], sig, style="TblWhole")
    columns = column_styles("减免明细", w) + column_styles("签章", [7.8, 7.8])
    return document("{{乙方.名称}}租金减免补充协议", body, columns, size=16, title_size=22, cell_size=12, line="29pt",
                    cell_line="20pt", margins=(3.7, 2.6, 2.8, 2.6), row_styles=row_style("Seal", 5.0))


def interest_subsidy():
    w = [3.6, 4.8, 3.0, 4.6]

    def pair(a, b, c, d):
        return row([cell(a, "CellCenter"), cell(b), cell(c, "CellCenter"), cell(d)])

    def wide(a, b, style="Keep"):
        return row([cell(a, "CellCenter"), cell(b, span=3)], style)

    def section(title):
        return row([cell(title, "CellHead", span=4)])

    rows = [section("一、企业基本情况"),
            wide("企业名称", "{{企业.名称}}"),
            pair("统一社会信用代码", "{{企业.信用代码}}", "企业规模", "{{企业.规模}}企业"),
            wide("注册地址", "{{企业.注册地址}}"),
            pair("法定代表人", "{{企业.法定代表人}}", "所属行业", "{{企业.行业}}"),
            pair("联系人", "{{企业.联系人}}", "联系电话", "{{企业.联系电话}}"),
            section("二、贷款情况"),
            pair("贷款银行", "{{贷款.银行}}", "借款合同编号", "{{贷款.合同编号}}"),
            wide("享受再贷款政策", "{{#if 贷款.再贷款}}☑ 是　☐ 否{{else}}☐ 是　☑ 否{{/if}}　（借款合同须注明使用人民银行再贷款额度）"),
            pair("单笔授信额度（元）", "{{贷款.授信额度 | rmb}}", "贷款金额（元）", "{{贷款.金额 | rmb}}"),
            pair("贷款年利率", "{{贷款.年利率 | percent(2)}}", "贷款总成本率", "{{贷款.总成本率 | percent(2)}}"),
            wide("贷款期限", "{{贷款.开始日期 | date}} 至 {{贷款.结束日期 | date}}　　按期还本付息：{{贷款.按期还本付息 | check}}"),
            ]
    vouchers_head = [section("三、付息情况"),
                     row([cell("序号", "CellHead"), cell("付息日期", "CellHead"), cell("付息金额（元）", "CellHead"),
                          cell("凭证号", "CellHead")])]
    vouchers = [row([cell("{{#each 付息记录}}{{@number}}", "CellCenter"), cell("{{日期 | date}}", "CellCenter"),
                     cell("{{金额 | rmb}}", "CellRight"), cell("{{凭证号 | default(\"\")}}{{/each}}", "CellCenter")]),
                row([cell("合计", "CellCenter", span=2), cell("{{贴息.付息合计 | rmb}}", "CellRight"), cell("")])]
    signing = [["企业承诺：本企业所填信息及所附材料真实、准确、完整，符合密政发〔2020〕25号规定的贴息条件，"
                "如有虚假，愿承担相应责任并退回贴息资金。", "", "", "法定代表人（签字）：", "企业（盖章）", "{{申请日期 | date}}"],
               ["区金融办审核意见：", "", "", "", "审核人：", "日期：　　年　　月　　日"]]
    claim = [section("四、申请贴息"),
             pair("支持期内利息（元）", "{{贴息.可贴息利息 | rmb}}", "贴息比例", "{{贴息.比例 | percent}}"),
             wide("申请贴息金额（元）", "{{贴息.金额 | rmb}}{{#if 贴息.已封顶}}（按每家企业上限 {{贴息.上限 | rmb}} 元封顶）{{/if}}"),
             wide("大写", "人民币{{贴息.金额大写}}"),
             wide("附件", "{{附件.借款合同 | check}} 借款合同（注明使用人民银行再贷款额度）　{{附件.付息凭证 | check}} 付息凭证　"
                          "{{附件.营业执照 | check}} 营业执照复印件（加盖公章）"),
             row([cell(signing[0], span=2, cell_style="GridTop"), cell(signing[1], span=2, cell_style="GridTop")], "Seal")]
    # Three tables that read as one: the voucher table repeats its heading on a second page, and the claim,
    # declaration, seal and review box never split.
    body = p("密云区中小微企业贷款贴息申请表", "Title")
    body += p("申请日期：{{申请日期 | date}}", "Right")
    body += table("申请表", w, rows, style="TblJoin")
    body += p("", "Gap")
    body += table("付息", w, vouchers, header_rows=vouchers_head, style="TblJoin")
    body += p("", "Gap")
    body += table("申请", w, claim, style="TblWhole")
    columns = column_styles("申请表", w) + column_styles("付息", w) + column_styles("申请", w)
    return document("{{企业.名称}}贷款贴息申请表", body, columns, size=12, title_size=18, cell_size=10.5, line="20pt",
                    title_line="26pt", cell_line="13.5pt", title_gap=0.1, margins=(1.8, 1.2, 2.5, 2.5), width=16.0, pad=0.04,
                    row_styles=row_style("Seal", 4.4))


# The Chinese fonts, for Word's and WPS's substitution when one is missing: its other name, the GB2312
# character set and its PANOSE class. (LibreOffice ignores these; on Linux fontconfig stands in, see README.)
CJK_FONTS = [("仿宋", "FangSong", "02010609060101010101"), ("黑体", "SimHei", "02010609060101010101"),
             ("宋体", "SimSun", "02010600030101010101")]


def with_font_table(docx):
    entries = "".join(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/><w:charset w:val="86"/>'
                      f'<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>' for name, alt, panose in CJK_FONTS)
    out = docx + ".new"
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/fontTable.xml":
                data = data.replace(b"</w:fonts>", entries.encode() + b"</w:fonts>")
            zout.writestr(item, data)
    os.replace(out, docx)


def convert(fodt_text, folder):
    os.makedirs(folder, exist_ok=True)
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "template.fodt")
    open(src, "w", encoding="utf-8").write(fodt_text)
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with_font_table(os.path.join(tmp, "template.docx"))
    shutil.copy(os.path.join(tmp, "template.docx"), os.path.join(folder, "template.docx"))
    shutil.rmtree(tmp)


convert(rent_reduction(), os.path.join(root, "rent-reduction-agreement"))
convert(interest_subsidy(), os.path.join(root, "interest-subsidy-application"))
