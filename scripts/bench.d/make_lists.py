#!/usr/bin/env python3
"""Writes WORK/hr-N.csv for N in the arguments: enterprises with valid credit codes."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from creditcode import credit_code

heading = "企业名称,统一社会信用代码,重点行业,企业规模,参加本市失业保险,参保职工人数,2020年2-4月营业收入（元）,2019年2-4月营业收入（元）,拟参加培训人数,人均培训时长（分钟）,联系人,联系电话,备注,行业主管部门"
for n in map(int, sys.argv[2:]):
    with open(os.path.join(sys.argv[1], "hr-%d.csv" % n), "w") as f:
        f.write(heading + "\n")
        for i in range(n):
            f.write("密云示例企业%d有限公司,%s,生活性服务业,小型,是,20,%d.5,%d,5,1800,王先生,138%08d,备注%d,区商务局\n"
                    % (i, credit_code(i, "MC"), 10000 + i % 500, 200000 + i % 1000, i, i))
