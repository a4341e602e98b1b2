"""The Chinese catalog of diagnostic messages: English template → Chinese template (see `messages`).

Every template the loader builds has an entry here (tests/test_messages.py scans the source and fails on a
missing or unused entry, or on an entry whose fields differ from the English template's). The Chinese says
plainly what is wrong and what to write instead; ids, keys, file names, example YAML and codes stay as they are.
Quoted text from the file is shown "like this" (messages.Quote); identifiers the template quotes are quoted the
same way.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # --- reading the file (yamlread) ---------------------------------------------------------------------
    "the file is UTF-16, not UTF-8; save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)":
        "文件是 UTF-16 编码，不是 UTF-8：请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）",
    "the file contains NUL bytes: it is binary, not a YAML text file; save the report as UTF-8 text":
        "文件中有 NUL 字节，是二进制文件，不是 YAML 文本文件：请把报告存为 UTF-8 文本",
    "the file is not UTF-8 text (byte 0x{byte} cannot be read); it may be binary or a spreadsheet; "
    "save it as UTF-8 text":
        "文件不是 UTF-8 文本（无法读取字节 0x{byte}），可能是二进制文件或电子表格：请存为 UTF-8 文本",
    "the file is not UTF-8; it looks like GBK/GB18030 (common on Windows); "
    "save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)":
        "文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 上常见）：请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）",
    "this is not a regular file (a folder, pipe or device); a report is a plain .yaml text file: remove or rename it":
        "这不是普通文件（而是文件夹、管道或设备）；报告应是普通的 .yaml 文本文件：请删除或改名",
    "the file is larger than {mib} MiB; a report or plan file is a few kilobytes: is it the right file?":
        "文件超过 {mib} MiB，而报告或计划文件一般只有几 KB：请确认是不是放错了文件",
    "the file contains a control character (#x{char}) that YAML does not allow; delete it":
        "文件中有 YAML 不允许的控制字符（#x{char}）：请删除它",
    "{problem} ({context})": "{problem}（{context}）",
    "values are nested too deeply ({problem}); no plan or report file needs that":
        "嵌套层数太多（{problem}）：计划和报告文件都用不到这么深的嵌套",
    "YAML syntax error: {problem}; check quotes, colons and indentation":
        "YAML 格式错误：{problem}；请检查引号、冒号和缩进",
    "YAML syntax error: {problem}": "YAML 格式错误：{problem}",
    "aliases (*name) are not allowed in these files; write the value out in full":
        "这些文件中不能使用别名（*name）：请把值完整写出",
    "the file holds more than one YAML document (---); keep one report per file":
        "文件中有不止一个 YAML 文档（---）：每个文件只放一份报告",
    "anchors (&{anchor}) are not allowed in these files; write each value out in full":
        "这些文件中不能使用锚点（&{anchor}）：请把每个值完整写出",
    "tags ({tag}) are not allowed in these files; remove the tag": "这些文件中不能使用标签（{tag}）：请删除标签",
    "a \\u escape names half of a character (a surrogate); write the character itself":
        "\\u 转义只写了半个字符（代理项）：请直接写出这个字符",
    "a key has no value": "有一个键没有值",
    "values are nested more than {max} levels deep; no plan or report file needs that":
        "嵌套超过 {max} 层：计划和报告文件都用不到这么深的嵌套",
    "a key must be a plain word or number, not a list or mapping": '键只能是普通的词或数字，不能是列表或"键: 值"',
    "duplicate key '{key}' (first at line {line}, column {column}); "
    "each key may appear once: remove or merge one of them":
        '键"{key}"重复（第一次出现在第 {line} 行第 {column} 列）：同一个键只能出现一次，请删除或合并其中一个',
    # what the YAML parser says (the common cases; others are shown in the parser's words)
    "mapping values are not allowed in this context":
        '这里不能出现"键: 值"（常见原因：冒号后少了空格、缩进不对，或一行里有两个冒号）',
    "mapping values are not allowed here":
        '这里不能出现"键: 值"（常见原因：冒号后少了空格、缩进不对，或一行里有两个冒号）',
    "did not find expected key": "这里应是一个键（常见原因：缩进不一致）",
    "did not find expected '-' indicator": '这里应是以"-"开头的列表项（常见原因：缩进不一致）',
    "did not find expected ',' or ']'": "缺少逗号或右方括号 ]",
    "did not find expected ',' or '}}'": "缺少逗号或右花括号 }}",
    "found a tab character that violates indentation": "缩进中有 Tab 制表符：请改用空格缩进",
    "found character that cannot start any token": "有不能出现在这里开头的字符（如 Tab、@ 或 `）",
    "found unexpected end of stream": "文件意外结束（常见原因：引号或括号没有配对）",
    "found unknown escape character": "双引号中有无效的转义（\\ 后面的字符）",
    "found invalid Unicode character escape code": "双引号中有无效的 Unicode 转义码",
    "could not find expected ':'": "缺少冒号 :",
    "while parsing a block mapping": '读取"键: 值"时',
    "while parsing a block collection": "读取列表时",
    "while parsing a flow mapping": '读取 {{ }} 中的"键: 值"时',
    "while parsing a flow sequence": "读取 [ ] 列表时",
    "while scanning a simple key": "读取键时",
    "while scanning a plain scalar": "读取值时",
    "while scanning a quoted scalar": "读取带引号的文字时",
    "while parsing a quoted scalar": "读取带引号的文字时",
    "while scanning for the next token": "读取下一项时",
    # --- scalars: numbers, dates, text ---------------------------------------------------------------
    "the value is empty; write a number": "没有填写数值：请填一个数字",
    "a plain decimal number such as 150 or 12.5": "普通数字，如 150 或 12.5",
    "a date YYYY-MM-DD": "YYYY-MM-DD 格式的日期",
    "as {what}": "写成{what}",
    "full-width characters": "全角字符",
    "special characters (such as ① or ²)": "特殊字符（如 ① 或 ²）",
    "{text} uses {kind}; write it with ASCII characters: {fixed}": "{text}用了{kind}：请改用半角字符，写成 {fixed}",
    "{text} uses {kind}; write it with ASCII characters ({ascii}), and {more}":
        "{text}用了{kind}：请改用半角字符（{ascii}），并且{more}",
    "{text} is a word, not a number (older YAML would read it as true/false); write a number":
        '{text}是一个词，不是数字（旧版 YAML 会把它读成"是"或"否"）：请填数字',
    "{text} is not a finite number; write a plain decimal number": "{text}不是有限的数：请写普通数字",
    "{text} has a leading zero (older YAML reads it as octal); write {fixed}":
        "{text}开头多了 0（旧版 YAML 会把它当作八进制数）：请写 {fixed}",
    "{text} looks like a time (older YAML reads it as base 60); write a plain decimal number":
        "{text}像是时间（旧版 YAML 会按六十进制读取）：请写普通数字",
    "{text} has underscores; write the digits alone: {fixed}": "{text}中有下划线：请只写数字 {fixed}",
    "{text} has thousands separators; write the digits alone: {fixed}": "{text}中有千位分隔符：请只写数字 {fixed}",
    "{text} is in exponent notation; write a plain decimal number": "{text}是科学计数法：请写普通数字",
    "{text} has a plus sign; write {fixed}": "{text}带了加号：请写 {fixed}",
    "{text} is a hexadecimal/octal/binary literal; write a plain decimal number":
        "{text}是十六进制、八进制或二进制写法：请写普通的十进制数字",
    "{text} has a percent sign; report the count itself ({fixed}) without %":
        "{text}带了百分号：请填数量本身（{fixed}），不要带 %",
    "{text} ends with a dot; write {fixed}": "{text}末尾多了小数点：请写 {fixed}",
    "{text} has text after the number; write the number alone ({number}), without {extra}":
        "{text}不是数字：请只写数字 {number}，不要带{extra}",
    "{text} has no digit before the dot; write {fixed}": "{text}小数点前缺少数字：请写 {fixed}",
    "{text} is quoted, so it is text; write the number without quotes: {fixed}":
        "{text}加了引号，会被当作文字：请去掉引号，直接写 {fixed}",
    "{text} is not a number; write a plain decimal number such as 150 or 12.5":
        "{text}不是数字：请写普通数字，如 150 或 12.5",
    "expected a number, found {found}": "这里应填数字，现在是{found}",
    "{text} has {n} digits, more than any figure of a plan needs ({max}); check the figure and its unit of measure":
        "{text}有 {n} 位整数，超过计划中任何数值所需（{max} 位）：请核对数值及其计量单位",
    "{text} has more than {max} decimal places; round it": "{text}的小数超过 {max} 位：请四舍五入",
    "{text} is not a whole number; write a whole number": "{text}不是整数：请写整数",
    "expected a date YYYY-MM-DD, found {found}": "这里应填 YYYY-MM-DD 格式的日期，现在是{found}",
    "{text} is not a real calendar date; write a date YYYY-MM-DD": "{text}不是实际存在的日期：请按 YYYY-MM-DD 填写正确的日期",
    "{text} is not a date; write a date in the form YYYY-MM-DD": "{text}不是日期：请按 YYYY-MM-DD 格式填写日期",
    "{text} is not in the form YYYY-MM-DD; write {fixed}": "{text}不是 YYYY-MM-DD 格式：请写 {fixed}",
    "expected text, found {found}": "这里应填文字，现在是{found}",
    "nothing (an empty value)": "空值",
    "a mapping (key: value pairs)": '一组"键: 值"',
    "a list": "一个列表",
    "the text {text}": "{text}",
    # --- the shape of a file (loading) ---------------------------------------------------------------
    "the file cannot be read: {reason}": "无法读取文件：{reason}",
    "empty": "是空的",
    "{found}, not key: value lines": '是{found}，而不是"键: 值"的行',
    "the file is {found}; {what} is a mapping of keys such as {keys}": '文件{found}；{what}的内容应是"键: 值"行，如 {keys}',
    "a progress report": "进展报告",
    "unknown key '{key}'{hint} (allowed here: {allowed})": '未知的键"{key}"{hint}（这里可用的键：{allowed}）',
    "missing key '{key}'; add a line `{key}: …`": '缺少键"{key}"：请添加一行 `{key}: …`',
    "{found} is not allowed here; write one of {choices}": "这里不能填{found}：请填 {choices}",
    "{found} is not a valid id: use lowercase ASCII letters, digits, - or _ (pinyin)":
        "{found}不是有效的编号：只能用小写英文字母、数字、- 或 _（如拼音）",
    "expected a mapping (key: value lines), found {found}": '这里应是"键: 值"行，现在是{found}',
    "expected a list (lines starting with '- '), found {found}": '这里应是列表（以"- "开头的行），现在是{found}',
    "{problem}": "{problem}",
    "{problem}, found {found}": "{problem}（现在是{found}）",
    "{where}: {message}": "{where}：{message}",
    "; did you mean '{x}'?": '；是否应为"{x}"？',
    # --- the plan (checks) ------------------------------------------------------------------------------
    "the plan starts ({start}) after it ends ({end})": "计划开始日期（{start}）晚于结束日期（{end}）",
    "lights need 0 ≤ tolerance ≤ red; found tolerance {tolerance}, red {red}":
        "lights 须满足 0 ≤ tolerance ≤ red；现在 tolerance 为 {tolerance}，red 为 {red}",
    "unit id '{id}' is used twice; give each unit its own id": '单位编号"{id}"重复：每个单位要有自己的编号',
    "indicator id '{id}' is used twice; give each indicator its own id": '指标编号"{id}"重复：每个指标要有自己的编号',
    "the plan needs exactly one unit of kind district; found {n}":
        "计划中 kind 为 district（区本级）的单位必须有且只有一个；现在有 {n} 个",
    "task {number} stands in place {place}; number the tasks 1, 2, 3 … in order, without gaps or repeats":
        "第 {place} 个任务的序号是 {number}：请按 1、2、3 … 顺序编号，不要跳号或重复",
    "there are none": "现在没有任务",
    "task {task} does not exist; write the number of a task listed under `tasks` ({numbers})":
        "任务 {task} 不存在：请填写 `tasks` 中列出的任务序号（{numbers}）",
    "indicator id '{id}' must have the form <task>.<n> with <task> = {task}, e.g. '{task}.1'":
        '指标编号"{id}"应写成 <task>.<n>，其中 <task> 是任务序号 {task}，例如"{task}.1"',
    "`measure: count` (one number) or `measure: ratio` (numerator and denominator)":
        "`measure: count`（填一个数）或 `measure: ratio`（填分子和分母）",
    "`factor: 100` for a percentage or `factor: 10000` for per 10,000":
        "`factor: 100`（百分比）或 `factor: 10000`（每万……的比率）",
    "`target:` with the number the plan sets": "`target:`，填计划规定的目标数",
    "`uom:` with the unit of measure the figures count in (人, 户, 万元, %…)": "`uom:`，填计量单位（人、户、万元、%…）",
    "no measure": "未填 measure",
    "indicator {id} ({kind}, {measure}) needs `{name}`: add {hint}": "指标 {id}（{kind}，{measure}）缺少 `{name}`：请添加 {hint}",
    " counted, not a ratio": "，按数量统计，不是比率",
    "indicator {id} is a {kind}{counted}; remove `{name}`": "指标 {id} 是 {kind} 类{counted}：请删除 `{name}`",
    "target {target} must be above 0 (only a cap may be 0)": "目标 {target} 必须大于 0（只有上限类 cap 可以为 0）",
    "due {due} is outside the plan period {start} – {end}": "截止日期 {due} 不在计划期 {start} – {end} 内",
    "parent '{parent}' is not another indicator{hint}": 'parent"{parent}"不是另一个指标的编号{hint}',
    "indicator {id} counts in {uom} but its parent {parent} in {parent_uom}; "
    "a part must have its whole's unit of measure":
        "指标 {id} 的计量单位是 {uom}，而它的上级指标 {parent} 是 {parent_uom}：分项必须与总数用同一计量单位",
    # --- the breakdown (checks) -------------------------------------------------------------------------
    "indicator {id} is a {kind} reported by {reported_by}; quotas are only for "
    "township-reported cumulative or level indicators":
        "指标 {id} 是 {kind} 类、由 {reported_by} 报送：只有各镇（街道）报送的 cumulative（累计）"
        "或 level（水平）类指标才能分解任务",
    "'{unit}' is not a township unit of the plan{hint}": '"{unit}"不是计划中的镇（街道）单位{hint}',
    "quota {quota} for {unit} must be above 0; leave the unit out if it has no quota":
        "{unit} 的分解任务 {quota} 必须大于 0：没有任务的单位请不要列出",
    "the quotas of {id} add up to {total}, less than the target {target} {uom}; "
    "raise them so that they cover the target":
        "{id} 各单位分解任务合计 {total}，少于目标 {target} {uom}：请调高分解数，使合计不少于目标",
    "indicator {id} is a {kind}; baselines are for level indicators only: remove this entry":
        "指标 {id} 是 {kind} 类；只有 level（水平）类指标才有基数：请删除此条",
    "baseline {baseline} of {id} cannot be negative": "{id} 的基数 {baseline} 不能为负数",
    "baseline {baseline} must be below the target {target} {uom} "
    "(the level where the plan period starts); check the figure":
        "基数 {baseline} 应低于目标 {target} {uom}（基数是计划期开始时的水平）：请核对",
    "indicator '{id}' is not in targets.yaml{hint}": '未知指标"{id}"（targets.yaml 中没有此编号）{hint}',
    # --- report values (checks) -------------------------------------------------------------------------
    "the district unit": "区本级",
    "the townships": "各镇（街道）",
    "indicator {id} ({name}) is reported by {who}, not by {unit}; remove it from this report":
        "指标 {id}（{name}）由{who}报送，不由 {unit} 报送：请从本报告中删除",
    " (older YAML reads it as true/false)": '（旧版 YAML 会把它读成"是"或"否"）',
    "{id} is a milestone; {found}{old} is not a status: write one of "
    "not_started, in_progress, done (or 未开始, 进行中, 已完成)":
        "{id} 是节点指标；{found}不是节点状态{old}：请写 未开始、进行中 或 已完成"
        "（也可写 not_started、in_progress、done）",
    "{id} ({name}) is counted: write one number in {uom}, found {found}":
        "{id}（{name}）按数量统计：请填一个数（单位：{uom}），现在填的是{found}",
    "{id} {part} expects a number": "{id} 的 {part} 应填数字",
    "{id} expects a number in {uom}": "{id} 应填数字（单位：{uom}）",
    "{what}: {reason}": "{what}：{reason}",
    "{id} {part} is {number}; it cannot be negative": "{id} 的 {part} 为 {number}：不能为负数",
    "{id} is {number}; it cannot be negative": "{id} 填的是 {number}：不能为负数",
    "{id} ({name}) is a ratio: write {example}, found {found}": "{id}（{name}）是比率：请写成 {example}，现在填的是{found}",
    "unknown key '{key}' in a ratio; keys are numerator and denominator{hint}":
        '比率中有未知的键"{key}"：只能写 numerator（分子）和 denominator（分母）{hint}',
    " (did you mean '{x}'?)": '；是否应为"{x}"？',
    "{id} is a ratio and needs `{key}`: write {example}": "{id} 是比率，缺少 `{key}`：请写成 {example}",
    "{id} has denominator 0; a ratio needs a denominator above 0": "{id} 的分母为 0：比率的分母必须大于 0",
    "{id} is a percentage, so numerator {numerator} cannot exceed denominator {denominator}":
        "{id} 是百分比，分子 {numerator} 不能大于分母 {denominator}",
    # --- across reports (checks) ------------------------------------------------------------------------
    "{id} ({name}) is cumulative for the year: {value} is lower than {before} reported as of {date}; "
    "report the year-to-date total":
        "{id}（{name}）是全年累计数：{value} 比截至 {date} 报送的 {before} 还少：请填年初至今的累计总数",
    "{id} ({name}) {part} is part of {parent} ({parent_name}) but larger than it ({whole} {uom}) as of {date}; "
    "a part cannot exceed its whole: correct one of the two":
        "{id}（{name}）{part} 是 {parent}（{parent_name}）的一部分，截至 {date} 却大于后者（{whole} {uom}）："
        "分项不能超过总数，请更正其中一项",
    "{id} ({name}) {part} is part of {parent} ({parent_name}), which this unit has not reported as of {date}; "
    "report the whole too (a part cannot exceed it)":
        "{id}（{name}）{part} 是 {parent}（{parent_name}）的一部分，但截至 {date} 本单位未报送 {parent}："
        "请同时报送总数（分项不能超过总数）",
    "{other} is another report of {unit} as of {date}; keep one file per unit and date":
        "{other} 也是 {unit} 截至 {date} 的报告：同一单位同一日期只保留一个文件",
    "timely_days is {days}; it counts days after a period's end, so write 0 or more":
        "timely_days 为 {days}：它是报送期结束后允许的天数，请写 0 或更大的数",
    "factor {factor} must be above 0: 100 for a percentage, 10000 for a per-10,000 rate":
        "factor 为 {factor}，必须大于 0：百分比写 100，每万人比率写 10000",
    # --- the report file (loading) ----------------------------------------------------------------------
    "folder '{folder}' is not a unit of the plan{hint}": '文件夹"{folder}"不是计划中的单位{hint}',
    "; units: {units}": "；现有单位：{units}",
    "the file name '{name}' must be the report date: YYYY-MM-DD.yaml, equal to its as_of":
        '文件名"{name}"应是报告日期 YYYY-MM-DD.yaml，与其中的 as_of 相同',
    "unit '{unit}' differs from the folder '{folder}'; move the file into progress/{unit}/ or correct `unit`":
        'unit 填的是"{unit}"，与所在文件夹"{folder}"不一致：请把文件移到 progress/{unit}/，或改正 `unit`',
    "as_of {as_of} differs from the file name {stem}; rename the file or correct as_of":
        "as_of {as_of} 与文件名 {stem} 不一致：请改文件名，或改正 as_of",
    "as_of {as_of} is outside the plan period {start} – {end}; a report gives figures as of a date within it":
        "as_of {as_of} 不在计划期 {start} – {end} 内：报告的数据截止日期应在计划期内",
    "{key} {date} is after today ({today}); a report states what is known: date it today or earlier":
        "{key} {date} 晚于今天（{today}）：报告只写已知的情况，日期请填今天或更早",
    "submitted {submitted} is before as_of {as_of}; check both dates":
        "报送日期 submitted {submitted} 早于截止日期 as_of {as_of}：请核对这两个日期",
    "the report has no values; add the figures under `values:` (or delete the file)":
        "报告中没有任何数值：请在 `values:` 下填写数据（或删除此文件）",
    # --- the data folder (loading) ----------------------------------------------------------------------
    "no data folder at '{path}'; run inside a project with ./data, or point to one with --data DIR or MINZHENG_DATA":
        '找不到数据文件夹"{path}"：请在含有 ./data 的项目目录中运行，或用 --data DIR 或 MINZHENG_DATA 指定',
    "no targets file at '{path}'; the data folder needs targets.yaml "
    "(point elsewhere with --data DIR or MINZHENG_DATA)":
        '找不到目标文件"{path}"：数据文件夹中需要有 targets.yaml（也可用 --data DIR 或 MINZHENG_DATA 指定其他文件夹）',
    "not a .yaml/.yml file, so not read as a report; if it holds figures, write them as a .yaml report, "
    "else move it out":
        "不是 .yaml/.yml 文件，不会作为报告读取：如果其中有数据，请写成 .yaml 报告，否则请移出此文件夹",
    "a report belongs at progress/<unit>/<YYYY-MM-DD>.yaml; move it":
        "报告应放在 progress/<unit>/<YYYY-MM-DD>.yaml：请移动此文件",
    "no progress reports yet under this folder; each unit adds progress/<unit>/<YYYY-MM-DD>.yaml":
        "此文件夹下还没有进展报告：各单位请添加 progress/<unit>/<YYYY-MM-DD>.yaml",
    # --- diagnostics ------------------------------------------------------------------------------------
    "… and {n} more problems in this file not shown; fix these first": "…… 本文件还有 {n} 个问题未列出：请先改正以上问题",
    # --- data entry: new, template, import (entry, importer, workbook) ---------------------------------
    "{problem} (in the later report {path}, which the new one would contradict)":
        "{problem}（问题出在之后的报告 {path} 中：新报告会与它矛盾）",
    "--as-of {as_of} is outside the plan period {start} – {end}": "--as-of {as_of} 不在计划期 {start} – {end} 内",
    "{option} {when} is after today ({today}); a report states what is known as of a past date":
        "{option} {when} 晚于今天（{today}）：报告只写截至今天或更早日期的已知情况",
    "{path} is a template of the plan '{plan}', but the data folder holds the plan '{data_plan}'; "
    "import it with --data pointing at that plan's folder":
        '{path} 是计划"{plan}"的报送表，但数据文件夹中是计划"{data_plan}"：请用 --data 指向该计划的数据文件夹再导入',
    "{path} is for the unit '{unit}', which the plan does not list; make a new template":
        '{path} 是单位"{unit}"的报送表，但计划中没有这个单位：请重新生成报送表',
    "row {row} has figures but no indicator id in column A (编号); restore the id or clear the row":
        "第 {row} 行填了数据，但 A 列（编号）中没有指标编号：请恢复编号，或清空这一行",
    "indicator {id} has a second row ({row}); keep one row per indicator":
        "指标 {id} 有第二行（第 {row} 行）：每个指标只保留一行",
    "{id} ({name}) is a ratio: fill in both 分子 (numerator) and 分母 (denominator), "
    "or clear both to leave it out of this report":
        "{id}（{name}）是比率：请同时填写分子和分母；本期不报此项请把两者都清空",
    "numerator": "分子",
    "denominator": "分母",
    "the {part} of {id} ({name}) counts whole things": "{id}（{name}）的{part}应为整数",
    "{id} ({name}) is counted in whole {uom}": "{id}（{name}）以整数计（单位：{uom}）",
    "{what}, but the cell holds {value}; type the whole number (a formula may have left a fraction)":
        "{what}，但单元格中是 {value}：请填写整数（可能是公式算出了小数）",
    "the cell holds a formula whose result was never computed (the file was not saved by a spreadsheet program); "
    "type the figure itself, or open and save the file in Excel or WPS":
        "单元格中是公式，但其结果从未计算过（文件不是由电子表格程序保存的）：请直接填写数值，或用 Excel 或 WPS 打开并保存此文件",
    "cannot read {path}: {reason}": "无法读取 {path}：{reason}",
    "{path} is {size} MiB, larger than any report workbook ({max} MiB at most)":
        "{path} 有 {size} MiB，超过报送表的大小上限（{max} MiB）",
    "{path} was not made by `minzheng template` (no {sheet} sheet with its metadata); "
    "make one with `minzheng template UNIT --as-of DATE -o FILE.xlsx`":
        "{path} 不是由 `minzheng template` 生成的（没有存放元数据的 {sheet} 工作表）："
        "请用 `minzheng template UNIT --as-of DATE -o FILE.xlsx` 生成报送表",
    "{path} was made by another version of minzheng (template format {found}, this one reads {version}); "
    "make a new template":
        "{path} 由其他版本的 minzheng 生成（报送表格式为 {found}，本版本读取格式 {version}）：请重新生成报送表",
    "{path}: the {sheet} sheet lacks the plan or unit id; make a new template":
        "{path}：{sheet} 工作表中缺少计划编号或单位编号：请重新生成报送表",
    "cannot read {path} as an Excel workbook (.xlsx): {reason}": "无法把 {path} 作为 Excel 工作簿（.xlsx）读取：{reason}",
    "File is not a zip file": "文件不是 zip 格式，而 .xlsx 工作簿都是 zip 格式（是不是把 CSV 或旧版 .xls 文件改了扩展名？）",
    # --- the command line (cli, snapshot, dates) --------------------------------------------------------
    "MINZHENG_TODAY: {problem}": "环境变量 MINZHENG_TODAY：{problem}",
    "{text} is not an ISO week; write YYYY-Www, e.g. 2025-W27": "{text}不是 ISO 周：请写成 YYYY-Www，如 2025-W27",
    "{text}: year {year} has no week {week}": "{text}：{year} 年没有第 {week} 周",
    "give --week or --as-of, not both": "--week 和 --as-of 只能给出其中一个",
    "no indicator '{id}'{hint}": '没有指标"{id}"{hint}',
    "unknown unit '{unit}'{hint} (units: {units})": '未知单位"{unit}"{hint}（现有单位：{units}）',
    "there is no task {task}; tasks are numbered 1–{n}": "没有任务 {task}：任务序号为 1–{n}",
    "--only '{only}' is neither a status nor a light; use one of {words}":
        '--only 的"{only}"既不是状态也不是灯色：请用以下之一：{words}',
    "{path}/targets.yaml has errors; run `minzheng validate` to see them":
        "{path}/targets.yaml 有错误：请运行 `minzheng validate` 查看",
    "--output {output}: the workbook's name must end in .xlsx": "--output {output}：工作簿的文件名必须以 .xlsx 结尾",
    "internal error: the skeleton of {path} does not validate; please report it":
        "内部错误：为 {path} 生成的报告框架未通过校验，请报告此问题",
    "cannot write {path}: {reason}": "无法写入 {path}：{reason}",
    # what the system says when a file cannot be read or written (messages.os_reason)
    "No such file or directory": "文件或文件夹不存在",
    "Permission denied": "没有权限",
    "Operation not permitted": "不允许此操作",
    "Is a directory": "这是一个文件夹",
    "Not a directory": "路径中有一段不是文件夹",
    "No space left on device": "磁盘空间不足",
    "Read-only file system": "文件系统是只读的",
    "File name too long": "文件名太长",
}

# code → its meaning in Chinese, beside diagnostics.CODES (docs/codes.md shows both).
MEANINGS_ZH: dict[str, str] = {
    "file-too-large": "文件超过大小上限（2 MiB）",
    "not-utf8": "文件不是 UTF-8 文本（GBK、UTF-16、二进制文件）；带 BOM 的 UTF-8 可以接受",
    "unreadable": "文件无法读取：不是普通文件（文件夹、管道或设备），或没有权限",
    "yaml-syntax": "YAML 格式错误，无法解析",
    "duplicate-key": "同一层中某个键出现了两次（PyYAML 会悄悄只保留后一个）",
    "alias": "锚点（&x）或别名（*x）；不允许使用，它们可被用来制造膨胀攻击",
    "tag": "显式标签（!!int、!foo）",
    "too-deep": "嵌套层数超过任何实际文件所需",
    "multiple-documents": "一个文件中有多个 YAML 文档",
    "bad-key": '键是列表或"键: 值"',
    "not-a-mapping": '文件（或其中一部分）不是格式要求的"键: 值"结构；空文件',
    "unknown-key": "格式中没有的键（拼错了？）",
    "missing-key": "缺少必填的键",
    "wrong-type": "值的类型不对（该填文字处填了列表，该填比率处填了一个数……）",
    "bad-number": "不是普通的十进制数字：0123、1:30、1_000、.nan、1e999、150人、全角数字",
    "quoted-number": "数字加了引号，变成了文字",
    "bad-date": "不是 YYYY-MM-DD 格式的日期",
    "bad-choice": "不是允许的选项之一",
    "bad-id": "需要编号的地方不是小写英文（拼音）编号",
    "bad-status": "节点状态不是 not_started | in_progress | done（未开始 | 进行中 | 已完成）",
    "duplicate-id": "两个单位、任务或指标的编号相同",
    "unknown-task": "指标所属的任务不存在",
    "id-task-mismatch": "指标编号的 <task> 前缀与所属任务不一致",
    "task-numbering": "任务序号不是 1、2、3 … 连续且不重复",
    "district-unit": "kind 为 district 的单位不是恰好一个",
    "plan-period": "计划开始日期晚于结束日期",
    "lights-order": "lights 的 tolerance 不在 0 与 red 之间",
    "unknown-parent": "parent 指向的指标不存在（或是它自己）",
    "parent-uom": "分项的计量单位与上级指标不同",
    "missing-field": "该类指标需要的 measure、factor、target 或 uom 缺失",
    "unexpected-field": "该类指标不应有的 measure、factor、target 或 uom",
    "due-outside-plan": "截止日期不在计划期内",
    "target-not-positive": "目标为 0 或负数（只有上限类可以为 0）",
    "factor-not-positive": "比率指标的 factor 为 0 或负数",
    "quota-not-allowed": "为不是各镇（街道）报送的累计或水平类指标分解了任务",
    "quota-not-positive": "分解任务为 0 或负数",
    "quota-sum-short": "数量类指标的分解任务合计少于目标",
    "baseline-not-allowed": "为不是水平类的指标设了基数",
    "baseline-not-below-target": "基数不低于目标",
    "misplaced-file": "报告不在 progress/<unit>/<YYYY-MM-DD>.yaml",
    "duplicate-report": "同一单位同一日期有两个报告文件（如 .yaml 与 .yml）",
    "unknown-unit": "计划中没有的单位（文件夹或分解表中的单位）",
    "unit-mismatch": "报告中的 unit 与文件夹名不一致",
    "bad-file-name": "报告文件名不是有效的 YYYY-MM-DD 日期",
    "date-mismatch": "报告的 as_of 与文件名不一致",
    "date-outside-plan": "报告日期不在计划期内",
    "date-in-future": "报告日期晚于今天",
    "unknown-indicator": "计划中没有的指标编号",
    "not-reported-by-unit": "填了不由本单位报送的指标",
    "negative-value": "负数（数值、比率的分子或分母、基数）",
    "numerator-exceeds-denominator": "百分比的分子大于分母",
    "zero-denominator": "比率的分母为 0",
    "decreasing-cumulative": "累计数比本单位之前报送的还少",
    "part-exceeds-whole": "本单位数据中分项（parent）大于总数",
    "empty-report": "报告中没有数值",
    "not-yaml": "progress/ 中有不是 YAML（.yaml / .yml）的文件",
    "submitted-before-as-of": "submitted 早于 as_of",
    "no-reports": "还没有任何进展报告",
    "not-whole-number": "计整数的单元格中填了小数（人、户、个……，比率的分子和分母）",
    "formula-no-value": "单元格是公式，但还没有电子表格程序算出它的结果",
}
