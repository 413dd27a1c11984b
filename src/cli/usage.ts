// The help text, apart so that --help and --version load nothing else.
export const USAGE = `绩效自评助手 jixiao — 检查财政项目支出绩效自评表、绩效目标表
(checks Chinese project performance self-evaluation and target forms)

用法 Usage:
  jixiao check <文件 | 文件夹 | *.xlsx | ->... [选项]     （check 可省略：jixiao 文件.xlsx）
  "-" 从标准输入读取一个工作簿（"-" reads one workbook from standard input）
  jixiao clear <文件 | 文件夹>... [-o <路径>] [--force]
  去掉本程序留下的标记和批注，写到副本 <原名>.cleared.xlsx；已填写的内容、本人的批注和格式不变
  (a copy with this program's marks and notes removed, nothing else changed)
  文件：.xlsx .xlsm .xltx .xltm .xls .ods .et（.xls/.ods/.et 的副本另存为 .xlsx）
  (files: .xlsx .xlsm .xltx .xltm .xls .ods .et; a copy of an .xls/.ods/.et is an .xlsx)
  文件夹：检查其中（含子文件夹）所有这些文件；通配符 * ? 由本程序展开
  (a folder: every such file in it and below; * and ? patterns are expanded by jixiao itself)

选项 Options:
  --json                 输出一个 JSON 文档（one JSON document on stdout）
  --lang zh-CN|en-US     报告语言，默认中文（report language, Chinese by default）
  --fix [-o, --out <路径>] 填写得分、总分、等级和偏差原因草稿并标记问题，写到副本；原文件不改动
                         (fill scores, total, grade and draft notes, mark problems, into a copy)
                         = 加载项的“填写得分”（the add-in's fill action）
                         默认副本：<原名>.filled.xlsx（已存在则另取 <原名>.filled (2).xlsx）；
                         多个文件时 --out 为文件夹；--out 指定的文件已存在时不覆盖（exit 2）
  --clean                与 --fix 同用：副本不带标记和批注（加载项之前留下的也去掉），即可提交、打印的版本；
                         默认副本名 <原名>.submit.xlsx
                         (with --fix: the copy to submit and print, without marks and notes: <name>.submit.xlsx)
  --force                允许覆盖已存在的 --out 文件，以及本程序之前写出的 --summary / --csv 汇总
                         (overwrite an existing --out file, or a summary jixiao wrote earlier;
                         inputs, other workbooks and default copy names are never overwritten)
  --mark [--out <路径>]  只标记问题、不填写，= 加载项的“检查”（mark problems only, into a copy:
                         the add-in's check action）
  --summary <汇总.xlsx>  写出汇总工作簿：“汇总”每个绩效表一行、“问题清单”每个问题一行、“说明”
                         (the reviewer's summary workbook: 汇总, 问题清单, 说明)
  --csv <文件.csv>       另存一份汇总表：每个工作表一行（总分、等级、错误数、结论），Excel 可直接打开
                         (a one-row-per-sheet summary for reviewers, opens in Excel)
  --rounding truncate|half-up|up   两位小数的取舍方式，默认截位 truncate
  --reverse ratio|deviation        反向指标未完成时的计分公式，默认 ratio（分值×指标值/实际值）
  --over-threshold <比例>          超额完成需说明的幅度，默认 0.5（50%）
  --cross-check warning|error      自评表与同一项目的绩效目标表（同时检查时）对照的差异：默认警告
                                   (differences from the declared targets, when both are checked)
  --print-check notice|warning|off 打印检查（打印区域、分页、表头重复、文字截断、隐藏行列、草稿标记）：
                                   默认为提示，可设为警告或不检查（the print check: notices by default）
  --plausibility                   另做两项合理性提示（未经确认，默认不做）：执行率低于 60% 而指标得分率 ≥95%；
                                   执行率低于 80% 而评为“优”（two unconfirmed plausibility warnings）
  -j, --jobs <n>         同时检查的文件数，默认为 CPU 核数减一、至少一个（files checked at once: one per core
                         but one, at least one, by default）
  --file-timeout <秒>    每个文件的检查时限，默认 120；超时的文件报告为“文件过大或结构异常”并跳过
  --file-memory <MB>     每个文件可用的内存，默认 2048（per-file time and memory limits; a file past
                         them is reported and skipped, the others are checked）
  -q, --quiet            不显示进度（no progress lines）
  -h, --help             显示本说明（show this help）
  -v, --version          显示版本（show the version）
  --                     其后的参数都是文件名，即使以 - 开头（file names that start with -）

退出码 Exit status: 0 无错误 no errors · 1 有错误 error findings
                   2 有文件无法读取或副本未能写出 a file could not be read or its copy written
`;
