#!/usr/bin/env python3
"""Writes Samples/rent-reduction-agreement/tenants.csv: invented tenants of one state-owned landlord, UTF-8 with BOM as Excel saves it."""
import csv, io, os, random, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "lib"))
from creditcode import credit_code


random.seed(25)
headings = ["承租方名称", "承租方统一社会信用代码", "承租方地址", "承租方法定代表人", "承租方联系人", "承租方联系电话", "企业类型", "所属行业",
            "生活服务业连锁门店", "在密云区注册并纳税纳统", "在疏解整治范围内", "原租赁合同编号", "原合同签订日期", "房屋坐落",
            "建筑面积（平方米）", "房屋用途", "月租金（元）", "租期开始日期", "租期结束日期", "2019年12月末职工总数", "2020年4月末职工总数", "减免方式"]
shops = [("云岫餐饮管理有限公司", "餐饮", "是"), ("果园便利店有限公司", "便利店", "是"), ("檀营美容美发店", "美容美发", "否"),
         ("溪翁庄家政服务有限公司", "家政", "是"), ("云腾智能科技有限公司", "科技服务", "否"), ("白河文化旅游有限公司", "文化旅游", "否"),
         ("鼓楼批发零售有限公司", "批发零售", "否"), ("密虹精密制造有限公司", "制造业", "否"), ("清水湾餐饮有限公司", "餐饮", "否"),
         ("古北水镇民宿管理有限公司", "其他", "否"), ("新城子农产品销售有限公司", "批发零售", "否"), ("北庄家政服务中心", "家政", "否")]
streets = ["新南路", "鼓楼东大街", "滨河路", "阳光街", "宾阳北街", "西大桥路"]
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(headings)
for i, (name, trade, chain) in enumerate(shops):
    staff = random.randint(5, 80)
    rent = random.choice([3800, 5600, 8800, 12345.6, 15000, 21000.5])
    w.writerow(["北京" + name, credit_code(2000 + i * 11), f"北京市密云区{streets[i % 6]}{random.randint(1, 99)}号",
                random.choice("王李张刘陈杨赵") + random.choice(["建华", "海燕", "志强", "丽娟", "国庆", "秀英"]),
                random.choice("周吴徐孙胡朱") + random.choice(["先生", "女士"]), "1%d%09d" % (random.choice([3, 5, 8]), random.randint(0, 999999999)),
                random.choice(["小型企业", "微型企业", "个体工商户"]), trade, chain, "是", "否", f"MYGZ-ZL-2019-{100 + i:03d}",
                f"2019/{random.randint(1, 12)}/{random.randint(1, 28)}", f"北京市密云区{streets[(i + 2) % 6]}{random.randint(1, 99)}号{i + 1}01室",
                random.choice([45, 86.5, 120, 186.3, 240]), "办公" if trade in ("科技服务", "文化旅游") else "生产经营", rent,
                "2019年6月1日", "2022年5月31日", staff, staff - (1 if i % 4 == 0 and staff > 40 else 0), "抵扣" if i % 3 else "退还"])
open(os.path.join(os.path.dirname(here), "rent-reduction-agreement", "tenants.csv"), "w", encoding="utf-8-sig").write(buf.getvalue())
