"""Diagnostics and command-line messages: what is wrong and what to write instead, in Chinese and English.

The Chinese says plainly what is wrong and what to write instead; ids, keys, file names, example YAML and
codes stay as they are. Quoted text from the file is shown "like this" (`Quote`)."""

from __future__ import annotations

import errno

from minzheng_cli.catalogue import Catalogue, Param, Text


class CommonMsg(Catalogue):
    """Phrases shared by many messages."""

    where_message = Text("{where}：{message}", "{where}: {message}")
    did_you_mean = Text('；是否应为"{x}"？', "; did you mean '{x}'?")
    no_such_file = Text("文件或文件夹不存在", "No such file or directory")
    permission_denied = Text("没有权限", "Permission denied")
    operation_not_permitted = Text("不允许此操作", "Operation not permitted")
    is_a_directory = Text("这是一个文件夹", "Is a directory")
    not_a_directory = Text("路径中有一段不是文件夹", "Not a directory")
    no_space_left = Text("磁盘空间不足", "No space left on device")
    bad_file_descriptor = Text("输出已关闭（文件描述符无效）", "Bad file descriptor")
    read_only_file_system = Text("文件系统是只读的", "Read-only file system")
    file_name_too_long = Text("文件名太长", "File name too long")


class ReadMsg(Catalogue):
    """Reading a file: encoding, YAML syntax, scalars."""

    file_contains_nul_bytes = Text(
        "文件中有 NUL 字节，是二进制文件，不是 YAML 文本文件：请把报告存为 UTF-8 文本",
        "the file contains NUL bytes: it is binary, not a YAML text file; save the report as UTF-8 text",
    )
    file_utf_looks_like = Text(
        "文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 上常见）：请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）",
        "the file is not UTF-8; it looks like GBK/GB18030 (common on Windows); save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)",
    )
    mapping_values_allowed_context = Text(
        '这里不能出现"键: 值"（常见原因：冒号后少了空格、缩进不对，或一行里有两个冒号）',
        "mapping values are not allowed in this context",
    )
    mapping_values_allowed_here = Text(
        '这里不能出现"键: 值"（常见原因：冒号后少了空格、缩进不对，或一行里有两个冒号）', "mapping values are not allowed here"
    )
    did_find_expected_key = Text("这里应是一个键（常见原因：缩进不一致）", "did not find expected key")
    did_find_expected_indicator = Text('这里应是以"-"开头的列表项（常见原因：缩进不一致）', "did not find expected '-' indicator")
    did_find_expected = Text("缺少逗号或右方括号 ]", "did not find expected ',' or ']'")
    did_find_expected_2 = Text("缺少逗号或右花括号 }}", "did not find expected ',' or '}}'")
    found_tab_character_violates = Text("缩进中有 Tab 制表符：请改用空格缩进", "found a tab character that violates indentation")
    found_character_cannot_start = Text(
        "有不能出现在这里开头的字符（如 Tab、@ 或 `）", "found character that cannot start any token"
    )
    found_unexpected_end_stream = Text("文件意外结束（常见原因：引号或括号没有配对）", "found unexpected end of stream")
    found_unknown_escape_character = Text("双引号中有无效的转义（\\ 后面的字符）", "found unknown escape character")
    found_invalid_unicode_character = Text("双引号中有无效的 Unicode 转义码", "found invalid Unicode character escape code")
    could_find_expected = Text("缺少冒号 :", "could not find expected ':'")
    while_parsing_block_mapping = Text('读取"键: 值"时', "while parsing a block mapping")
    while_parsing_block_collection = Text("读取列表时", "while parsing a block collection")
    while_parsing_flow_mapping = Text('读取 {{ }} 中的"键: 值"时', "while parsing a flow mapping")
    while_parsing_flow_sequence = Text("读取 [ ] 列表时", "while parsing a flow sequence")
    while_scanning_simple_key = Text("读取键时", "while scanning a simple key")
    while_scanning_plain_scalar = Text("读取值时", "while scanning a plain scalar")
    while_scanning_quoted_scalar = Text("读取带引号的文字时", "while scanning a quoted scalar")
    while_parsing_quoted_scalar = Text("读取带引号的文字时", "while parsing a quoted scalar")
    while_scanning_next_token = Text("读取下一项时", "while scanning for the next token")
    file_utf_utf_save = Text(
        "文件是 UTF-16 编码，不是 UTF-8：请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）",
        "the file is UTF-16, not UTF-8; save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)",
    )
    file_utf_text_byte = Text(
        "文件不是 UTF-8 文本（无法读取字节 0x{byte}），可能是二进制文件或电子表格：请存为 UTF-8 文本",
        "the file is not UTF-8 text (byte 0x{byte} cannot be read); it may be binary or a spreadsheet; save it as UTF-8 text",
    )
    regular_file_folder_pipe = Text(
        "这不是普通文件（而是文件夹、管道或设备）；报告应是普通的 .yaml 文本文件：请删除或改名",
        "this is not a regular file (a folder, pipe or device); a report is a plain .yaml text file: remove or rename it",
    )
    file_larger_mib_report = Text(
        "文件超过 {mib} MiB，而报告或计划文件一般只有几 KB：请确认是不是放错了文件",
        "the file is larger than {mib} MiB; a report or plan file is a few kilobytes: is it the right file?",
    )
    file_contains_control_character = Text(
        "文件中有 YAML 不允许的控制字符（#x{char}）：请删除它",
        "the file contains a control character (#x{char}) that YAML does not allow; delete it",
    )
    problem_in_context = Text("{problem}（{context}）", "{problem} ({context})")
    yaml_syntax_error_check = Text(
        "YAML 格式错误：{problem}；请检查引号、冒号和缩进", "YAML syntax error: {problem}; check quotes, colons and indentation"
    )
    yaml_syntax_error = Text("YAML 格式错误：{problem}", "YAML syntax error: {problem}")
    aliases_name_allowed_these = Text(
        "这些文件中不能使用别名（*name）：请把值完整写出",
        "aliases (*name) are not allowed in these files; write the value out in full",
    )
    values_nested_more_levels = Text(
        "嵌套超过 {max} 层：计划和报告文件都用不到这么深的嵌套",
        "values are nested more than {max} levels deep; no plan or report file needs that",
    )
    values_nested_too_deeply = Text(
        "嵌套层数太多（{problem}）：计划和报告文件都用不到这么深的嵌套",
        "values are nested too deeply ({problem}); no plan or report file needs that",
    )
    file_holds_more_yaml = Text(
        "文件中有不止一个 YAML 文档（---）：每个文件只放一份报告",
        "the file holds more than one YAML document (---); keep one report per file",
    )
    anchors_allowed_these_files = Text(
        "这些文件中不能使用锚点（&{anchor}）：请把每个值完整写出",
        "anchors (&{anchor}) are not allowed in these files; write each value out in full",
    )
    tags_allowed_these_files = Text(
        "这些文件中不能使用标签（{tag}）：请删除标签", "tags ({tag}) are not allowed in these files; remove the tag"
    )
    u_escape_names_half = Text(
        "\\u 转义只写了半个字符（代理项）：请直接写出这个字符",
        "a \\u escape names half of a character (a surrogate); write the character itself",
    )
    key_must_plain_word = Text(
        '键只能是普通的词或数字，不能是列表或"键: 值"', "a key must be a plain word or number, not a list or mapping"
    )
    duplicate_key_first_line = Text(
        '键"{key}"重复（第一次出现在第 {line} 行第 {column} 列）：同一个键只能出现一次，请删除或合并其中一个',
        "duplicate key '{key}' (first at line {line}, column {column}); each key may appear once: remove or merge one of them",
    )
    key_value = Text("有一个键没有值", "a key has no value")
    uses_ascii_characters = Text(
        "{text}用了{kind}：请改用半角字符（{ascii}），并且{more}",
        "{text} uses {kind}; write it with ASCII characters ({ascii}), and {more}",
    )
    number_plain_decimal_number = Text(
        "{text}不是数字：请写普通数字，如 150 或 12.5", "{text} is not a number; write a plain decimal number such as 150 or 12.5"
    )
    value_empty_number = Text("没有填写数值：请填一个数字", "the value is empty; write a number")
    word_number_older_yaml = Text(
        '{text}是一个词，不是数字（旧版 YAML 会把它读成"是"或"否"）：请填数字',
        "{text} is a word, not a number (older YAML would read it as true/false); write a number",
    )
    finite_number_plain_decimal = Text(
        "{text}不是有限的数：请写普通数字", "{text} is not a finite number; write a plain decimal number"
    )
    leading_zero_older_yaml = Text(
        "{text}开头多了 0（旧版 YAML 会把它当作八进制数）：请写 {fixed}",
        "{text} has a leading zero (older YAML reads it as octal); write {fixed}",
    )
    looks_like_time_older = Text(
        "{text}像是时间（旧版 YAML 会按六十进制读取）：请写普通数字",
        "{text} looks like a time (older YAML reads it as base 60); write a plain decimal number",
    )
    underscores_digits_alone = Text(
        "{text}中有下划线：请只写数字 {fixed}", "{text} has underscores; write the digits alone: {fixed}"
    )
    thousands_separators_digits_alone = Text(
        "{text}中有千位分隔符：请只写数字 {fixed}", "{text} has thousands separators; write the digits alone: {fixed}"
    )
    exponent_notation_plain_decimal = Text(
        "{text}是科学计数法：请写普通数字", "{text} is in exponent notation; write a plain decimal number"
    )
    plus_sign = Text("{text}带了加号：请写 {fixed}", "{text} has a plus sign; write {fixed}")
    hexadecimal_octal_binary_literal = Text(
        "{text}是十六进制、八进制或二进制写法：请写普通的十进制数字",
        "{text} is a hexadecimal/octal/binary literal; write a plain decimal number",
    )
    percent_sign_report_count = Text(
        "{text}带了百分号：请填数量本身（{fixed}），不要带 %",
        "{text} has a percent sign; report the count itself ({fixed}) without %",
    )
    ends_dot = Text("{text}末尾多了小数点：请写 {fixed}", "{text} ends with a dot; write {fixed}")
    text_after_number_number = Text(
        "{text}不是数字：请只写数字 {number}，不要带{extra}",
        "{text} has text after the number; write the number alone ({number}), without {extra}",
    )
    multiplier_in_number = Text(
        "{text}不是数字，其中的{word}是倍数：请换算为本项的计量单位后只写数字（例如 1.5万 写作 15000）",
        "{text} is not a number, and {word} multiplies it; convert it into the unit of measure and write the "
        "digits alone (1.5万 is 15000)",
    )
    digit_before_dot = Text("{text}小数点前缺少数字：请写 {fixed}", "{text} has no digit before the dot; write {fixed}")
    full_width_characters = Text("全角字符", "full-width characters")
    special_characters_such = Text("特殊字符（如 ① 或 ²）", "special characters (such as ① or ²)")
    uses_ascii_characters_2 = Text(
        "{text}用了{kind}：请改用半角字符，写成 {fixed}", "{text} uses {kind}; write it with ASCII characters: {fixed}"
    )
    date_date_form_yyyy = Text(
        "{text}不是日期：请按 YYYY-MM-DD 格式填写日期", "{text} is not a date; write a date in the form YYYY-MM-DD"
    )
    form_yyyy_mm_dd = Text("{text}不是 YYYY-MM-DD 格式：请写 {fixed}", "{text} is not in the form YYYY-MM-DD; write {fixed}")
    expected_text_found = Text("这里应填文字，现在是{found}", "expected text, found {found}")
    nothing_empty_value = Text("空值", "nothing (an empty value)")
    a_mapping = Text('一组"键: 值"', "a mapping (key: value pairs)")
    a_list = Text("一个列表", "a list")
    a_text = Text("{text}", "the text {text}")
    a_truth_value = Text("逻辑值 {value}", "the truth value {value}")
    a_date = Text("日期 {date}", "the date {date}")
    a_number = Text("数字 {number}", "the number {number}")
    plain_decimal_number_such = Text("普通数字，如 150 或 12.5", "a plain decimal number such as 150 or 12.5")
    expected_number_found = Text("这里应填数字，现在是{found}", "expected a number, found {found}")
    digits_more_figure_plan = Text(
        "{text}有 {n} 位整数，超过计划中任何数值所需（{max} 位）：请核对数值及其计量单位",
        "{text} has {n} digits, more than any figure of a plan needs ({max}); check the figure and its unit of measure",
    )
    more_decimal_places_round = Text(
        "{text}的小数超过 {max} 位：请四舍五入", "{text} has more than {max} decimal places; round it"
    )
    whole_number_whole_number = Text("{text}不是整数：请写整数", "{text} is not a whole number; write a whole number")
    expected_date_yyyy_mm = Text("这里应填 YYYY-MM-DD 格式的日期，现在是{found}", "expected a date YYYY-MM-DD, found {found}")
    as_written = Text("写成{what}", "as {what}")
    quoted_text_number_without = Text(
        "{text}加了引号，会被当作文字：请去掉引号，直接写 {fixed}",
        "{text} is quoted, so it is text; write the number without quotes: {fixed}",
    )
    date_yyyy_mm_dd = Text("YYYY-MM-DD 格式的日期", "a date YYYY-MM-DD")
    real_calendar_date_date = Text(
        "{text}不是实际存在的日期：请按 YYYY-MM-DD 填写正确的日期", "{text} is not a real calendar date; write a date YYYY-MM-DD"
    )
    cache_owned_by_other = Text("{path} 属于其他用户", "{path} belongs to another user")
    cache_writable_by_others = Text("{path} 其他用户可以写入", "other users can write {path}")
    cache_not_used = Text(
        "未使用缓存：{why}，其中的数据可能被他人改动。本次逐个读取报送文件（结果不受影响，只是较慢）。"
        "请改用只有自己能写的缓存文件夹：chmod 700 {folder}，或设置 MINZHENG_CACHE 指向自己的私有文件夹",
        "cache not used: {why}, so its figures could have been changed by someone else. Every report is read "
        "again (the results are the same, only slower). Use a cache folder only you can write: chmod 700 {folder}, "
        "or point MINZHENG_CACHE at a private folder of your own",
    )


class CheckMsg(Catalogue):
    """Checks of the plan, the breakdown and reports."""

    more_problems_file_shown = Text(
        "…… 本文件还有 {n} 个问题未列出：请先改正以上问题", "… and {n} more problems in this file not shown; fix these first"
    )
    measure_count_number_measure = Text(
        "`measure: count`（填一个数）或 `measure: ratio`（填分子和分母）",
        "`measure: count` (one number) or `measure: ratio` (numerator and denominator)",
    )
    factor_percentage_factor_per = Text(
        "`factor: 100`（百分比）或 `factor: 10000`（每万……的比率）",
        "`factor: 100` for a percentage or `factor: 10000` for per 10,000",
    )
    target_number_plan_sets = Text("`target:`，填计划规定的目标数", "`target:` with the number the plan sets")
    uom_unit_measure_figures = Text(
        "`uom:`，填计量单位（人、户、万元、%…）", "`uom:` with the unit of measure the figures count in (人, 户, 万元, %…)"
    )
    plan_starts_after_ends = Text(
        "计划开始日期（{start}）晚于结束日期（{end}）", "the plan starts ({start}) after it ends ({end})"
    )
    timely_days_counts_days = Text(
        "timely_days 为 {days}：它是报送期结束后允许的天数，请写 0 或更大的数",
        "timely_days is {days}; it counts days after a period's end, so write 0 or more",
    )
    lights_need_tolerance_red = Text(
        "lights 须满足 0 ≤ tolerance ≤ red；现在 tolerance 为 {tolerance}，red 为 {red}",
        "lights need 0 ≤ tolerance ≤ red; found tolerance {tolerance}, red {red}",
    )
    plan_needs_exactly_unit = Text(
        "计划中 kind 为 district（区本级）的单位必须有且只有一个；现在有 {n} 个",
        "the plan needs exactly one unit of kind district; found {n}",
    )
    there_none = Text("现在没有任务", "there are none")
    task_does_exist_number = Text(
        "任务 {task} 不存在：请填写 `tasks` 中列出的任务序号（{numbers}）",
        "task {task} does not exist; write the number of a task listed under `tasks` ({numbers})",
    )
    indicator_id_must_form = Text(
        '指标编号"{id}"应写成 <task>.<n>，其中 <task> 是任务序号 {task}，例如"{task}.1"',
        "indicator id '{id}' must have the form <task>.<n> with <task> = {task}, e.g. '{task}.1'",
    )
    factor_must_above_percentage = Text(
        "factor 为 {factor}，必须大于 0：百分比写 100，每万人比率写 10000",
        "factor {factor} must be above 0: 100 for a percentage, 10000 for a per-10,000 rate",
    )
    target_must_above_only = Text(
        "目标 {target} 必须大于 0（只有上限类 cap 可以为 0）", "target {target} must be above 0 (only a cap may be 0)"
    )
    due_outside_plan_period = Text(
        "截止日期 {due} 不在计划期 {start} – {end} 内", "due {due} is outside the plan period {start} – {end}"
    )
    indicator_targets_yaml = Text(
        '未知指标"{id}"（targets.yaml 中没有此编号）{hint}', "indicator '{id}' is not in targets.yaml{hint}"
    )
    milestone_status_started_progress = Text(
        "{id} 是节点指标；{found}不是节点状态{old}：请写 未开始、进行中 或 已完成（也可写 not_started、in_progress、done）",
        "{id} is a milestone; {found}{old} is not a status: write one of not_started, in_progress, done (or 未开始, 进行中, 已完成)",
    )
    counted_number_found = Text(
        "{id}（{name}）按数量统计：请填一个数（单位：{uom}），现在填的是{found}",
        "{id} ({name}) is counted: write one number in {uom}, found {found}",
    )
    ratio_found = Text(
        "{id}（{name}）是比率：请写成 {example}，现在填的是{found}", "{id} ({name}) is a ratio: write {example}, found {found}"
    )
    denominator_ratio_needs_denominator = Text(
        "{id} 的分母为 0：比率的分母必须大于 0", "{id} has denominator 0; a ratio needs a denominator above 0"
    )
    percentage_numerator_cannot_exceed = Text(
        "{id} 是百分比，分子 {numerator} 不能大于分母 {denominator}",
        "{id} is a percentage, so numerator {numerator} cannot exceed denominator {denominator}",
    )
    task_stands_place_number = Text(
        "第 {place} 个任务的序号是 {number}：请按 1、2、3 … 顺序编号，不要跳号或重复",
        "task {number} stands in place {place}; number the tasks 1, 2, 3 … in order, without gaps or repeats",
    )
    indicator_needs = Text(
        "指标 {id}（{kind}，{measure}）缺少 `{name}`：请添加 {hint}",
        "indicator {id} ({kind}, {measure}) needs `{name}`: add {hint}",
    )
    parent_another_indicator = Text(
        'parent"{parent}"不是另一个指标的编号{hint}', "parent '{parent}' is not another indicator{hint}"
    )
    indicator_reported_quotas_only = Text(
        "指标 {id} 是 {kind} 类、由 {reported_by} 报送：只有各镇（街道）报送的 cumulative（累计）或 level（水平）类指标才能分解任务",
        "indicator {id} is a {kind} reported by {reported_by}; quotas are only for township-reported cumulative or level indicators",
    )
    quotas_up_less_target = Text(
        "{id} 各单位分解任务合计 {total}，少于目标 {target} {uom}：请调高分解数，使合计不少于目标",
        "the quotas of {id} add up to {total}, less than the target {target} {uom}; raise them so that they cover the target",
    )
    indicator_baselines_level_indicators = Text(
        "指标 {id} 是 {kind} 类；只有 level（水平）类指标才有基数：请删除此条",
        "indicator {id} is a {kind}; baselines are for level indicators only: remove this entry",
    )
    indicator_reported_remove_report = Text(
        "指标 {id}（{name}）由{who}报送，不由 {unit} 报送：请从本报告中删除",
        "indicator {id} ({name}) is reported by {who}, not by {unit}; remove it from this report",
    )
    what_reason = Text("{what}：{reason}", "{what}: {reason}")
    cannot_negative = Text("{id} 的 {part} 为 {number}：不能为负数", "{id} {part} is {number}; it cannot be negative")
    number_in_uom = Text(
        "{text}带有{word}：本项以{uom}计，请写 {fixed}（数值不变，只写数字）",
        "{text} carries {word}; it counts in {uom}, so write {fixed} (the same amount, digits alone)",
    )
    number_in_part = Text(
        "{text}带有{word}：请写 {fixed}（数值不变，只写数字）",
        "{text} carries {word}; write {fixed} (the same amount, digits alone)",
    )
    number_in_uom_not_whole = Text(
        "{text}带有{word}：折合 {fixed}{uom}，不是整数：请核对后只写整数",
        "{text} carries {word}; that is {fixed} {uom}, not a whole number: check it and write a whole number",
    )
    not_whole_count = Text(
        "{id}（{name}）以整数计（单位：{uom}）：{number} 不是整数",
        "{id} ({name}) is counted in whole {uom}; {number} is not a whole number",
    )
    not_whole_part = Text(
        "{id}（{name}）的{part}应为整数：{number} 不是整数",
        "the {part} of {id} ({name}) counts whole things; {number} is not a whole number",
    )
    denominator_jump = Text(
        "{id}（{name}）的分母由上一次报送（{date}）的 {old} 变为 {new}，相差超过 20%：请核对",
        "the denominator of {id} ({name}) went from {old} (report of {date}) to {new}, more than 20%: check it",
    )
    level_drop = Text(
        "{id}（{name}）由上一次报送（{date}）的 {old}{uom} 降至 {new}{uom}，降幅超过一半：请核对",
        "{id} ({name}) fell from {old} {uom} (report of {date}) to {new} {uom}, by more than half: check it",
    )
    magnitude_jump = Text(
        "{id}（{name}）由上一次报送（{date}）的 {old} 变为 {new}，相差 1000 倍以上：是否把万与元（或万与个）弄混了？请核对",
        "{id} ({name}) went from {old} (report of {date}) to {new}, 1,000 times or more: 万 and 元 (or 万 and units) "
        "mixed up? Check it",
    )
    cumulative_jump = Text(
        "{id}（{name}）{since}增加了 {delta}{uom}，超过{whole}：请核对",
        "{id} ({name}) grew by {delta} {uom} {since}, more than {whole}: check it",
    )
    since_report = Text("比上一次报送（{date}）", "since the report of {date}")
    since_start = Text("在本年第一次报送中", "in the year's first report")
    the_units_quota = Text("本单位全年分解任务 {limit}{uom}", "the unit's whole quota of {limit} {uom}")
    the_whole_target = Text("全年目标 {limit}{uom}", "the whole target of {limit} {uom}")
    cannot_negative_2 = Text("{id} 填的是 {number}：不能为负数", "{id} is {number}; it cannot be negative")
    unknown_key_ratio_keys = Text(
        '比率中有未知的键"{key}"：只能写 numerator（分子）和 denominator（分母）{hint}',
        "unknown key '{key}' in a ratio; keys are numerator and denominator{hint}",
    )
    ratio_needs = Text("{id} 是比率，缺少 `{key}`：请写成 {example}", "{id} is a ratio and needs `{key}`: write {example}")
    unit_id_used_twice = Text(
        '单位编号"{id}"重复：每个单位要有自己的编号', "unit id '{id}' is used twice; give each unit its own id"
    )
    indicator_id_used_twice = Text(
        '指标编号"{id}"重复：每个指标要有自己的编号', "indicator id '{id}' is used twice; give each indicator its own id"
    )
    indicator_remove = Text(
        "指标 {id} 是 {kind} 类{counted}：请删除 `{name}`", "indicator {id} is a {kind}{counted}; remove `{name}`"
    )
    indicator_counts_but_parent = Text(
        "指标 {id} 的计量单位是 {uom}，而它的上级指标 {parent} 是 {parent_uom}：分项必须与总数用同一计量单位",
        "indicator {id} counts in {uom} but its parent {parent} in {parent_uom}; a part must have its whole's unit of measure",
    )
    township_unit_plan = Text('"{unit}"不是计划中的镇（街道）单位{hint}', "'{unit}' is not a township unit of the plan{hint}")
    quota_must_above_leave = Text(
        "{unit} 的分解任务 {quota} 必须大于 0：没有任务的单位请不要列出",
        "quota {quota} for {unit} must be above 0; leave the unit out if it has no quota",
    )
    baseline_cannot_negative = Text("{id} 的基数 {baseline} 不能为负数", "baseline {baseline} of {id} cannot be negative")
    the_district_unit = Text("区本级", "the district unit")
    the_townships = Text("各镇（街道）", "the townships")
    expects_number = Text("{id} 的 {part} 应填数字", "{id} {part} expects a number")
    expects_number_2 = Text("{id} 应填数字（单位：{uom}）", "{id} expects a number in {uom}")
    baseline_must_below_target = Text(
        "基数 {baseline} 应低于目标 {target} {uom}（基数是计划期开始时的水平）：请核对",
        "baseline {baseline} must be below the target {target} {uom} (the level where the plan period starts); check the figure",
    )
    older_yaml_reads_true = Text('（旧版 YAML 会把它读成"是"或"否"）', " (older YAML reads it as true/false)")
    no_measure = Text("未填 measure", "no measure")
    did_you_mean_paren = Text('；是否应为"{x}"？', " (did you mean '{x}'?)")
    counted_ratio = Text("，按数量统计，不是比率", " counted, not a ratio")
    cumulative_year_lower_reported = Text(
        "{id}（{name}）是全年累计数：{value} 比截至 {date} 报送的 {before} 还少：请填年初至今的累计总数",
        "{id} ({name}) is cumulative for the year: {value} is lower than {before} reported as of {date}; report the year-to-date total",
    )
    part_unit_reported_report = Text(
        "{id}（{name}）{part} 是 {parent}（{parent_name}）的一部分，但截至 {date} 本单位未报送 {parent}：请同时报送总数（分项不能超过总数）",
        "{id} ({name}) {part} is part of {parent} ({parent_name}), which this unit has not reported as of {date}; report the whole too (a part cannot exceed it)",
    )
    part_but_larger_part = Text(
        "{id}（{name}）{part} 是 {parent}（{parent_name}）的一部分，截至 {date} 却大于后者（{whole} {uom}）：分项不能超过总数，请更正其中一项",
        "{id} ({name}) {part} is part of {parent} ({parent_name}) but larger than it ({whole} {uom}) as of {date}; a part cannot exceed its whole: correct one of the two",
    )
    unknown_key_allowed_here = Text(
        '未知的键"{key}"{hint}（这里可用的键：{allowed}）', "unknown key '{key}'{hint} (allowed here: {allowed})"
    )
    folder_unit_plan = Text('文件夹"{folder}"不是计划中的单位{hint}', "folder '{folder}' is not a unit of the plan{hint}")
    progress_report = Text("进展报告", "a progress report")
    unit_differs_folder_move = Text(
        'unit 填的是"{unit}"，与所在文件夹"{folder}"不一致：请把文件移到 progress/{unit}/，或改正 `unit`',
        "unit '{unit}' differs from the folder '{folder}'; move the file into progress/{unit}/ or correct `unit`",
    )
    differs_file_name_rename = Text(
        "as_of {as_of} 与文件名 {stem} 不一致：请改文件名，或改正 as_of",
        "as_of {as_of} differs from the file name {stem}; rename the file or correct as_of",
    )
    outside_plan_period_report = Text(
        "as_of {as_of} 不在计划期 {start} – {end} 内：报告的数据截止日期应在计划期内",
        "as_of {as_of} is outside the plan period {start} – {end}; a report gives figures as of a date within it",
    )
    submitted_before_check_both = Text(
        "报送日期 submitted {submitted} 早于截止日期 as_of {as_of}：请核对这两个日期",
        "submitted {submitted} is before as_of {as_of}; check both dates",
    )
    report_values_figures_under = Text(
        "报告中没有任何数值：请在 `values:` 下填写数据（或删除此文件）",
        "the report has no values; add the figures under `values:` (or delete the file)",
    )
    empty_file = Text("是空的", "empty")
    key_value_lines = Text('是{found}，而不是"键: 值"的行', "{found}, not key: value lines")
    missing_key_line = Text('缺少键"{key}"：请添加一行 `{key}: …`', "missing key '{key}'; add a line `{key}: …`")
    file_name_must_report = Text(
        '文件名"{name}"应是报告日期 YYYY-MM-DD.yaml，与其中的 as_of 相同',
        "the file name '{name}' must be the report date: YYYY-MM-DD.yaml, equal to its as_of",
    )
    after_today_report_states = Text(
        "{key} {date} 晚于今天（{today}）：报告只写已知的情况，日期请填今天或更早",
        "{key} {date} is after today ({today}); a report states what is known: date it today or earlier",
    )
    data_folder_run_inside = Text(
        '找不到数据文件夹"{path}"：请在含有 ./data 的项目目录中运行，或用 --data DIR 或 MINZHENG_DATA 指定',
        "no data folder at '{path}'; run inside a project with ./data, or point to one with --data DIR or MINZHENG_DATA",
    )
    targets_file_data_folder = Text(
        '找不到目标文件"{path}"：数据文件夹中需要有 targets.yaml（也可用 --data DIR 或 MINZHENG_DATA 指定其他文件夹）',
        "no targets file at '{path}'; the data folder needs targets.yaml (point elsewhere with --data DIR or MINZHENG_DATA)",
    )
    file_cannot_read = Text("无法读取文件：{reason}", "the file cannot be read: {reason}")
    allowed_here = Text("这里不能填{found}：请填 {choices}", "{found} is not allowed here; write one of {choices}")
    progress_reports_yet_under = Text(
        "此文件夹下还没有进展报告：各单位请添加 progress/<unit>/<YYYY-MM-DD>.yaml",
        "no progress reports yet under this folder; each unit adds progress/<unit>/<YYYY-MM-DD>.yaml",
    )
    file_mapping_keys_such = Text(
        '文件{found}；{what}的内容应是"键: 值"行，如 {keys}', "the file is {found}; {what} is a mapping of keys such as {keys}"
    )
    valid_id_use_lowercase = Text(
        "{found}不是有效的编号：只能用小写英文字母、数字、- 或 _（如拼音）",
        "{found} is not a valid id: use lowercase ASCII letters, digits, - or _ (pinyin)",
    )
    units_list = Text("；现有单位：{units}", "; units: {units}")
    yaml_yml_file_read = Text(
        "不是 .yaml/.yml 文件，不会作为报告读取：如果其中有数据，请写成 .yaml 报告，否则请移出此文件夹",
        "not a .yaml/.yml file, so not read as a report; if it holds figures, write them as a .yaml report, else move it out",
    )
    report_belongs_progress_unit = Text(
        "报告应放在 progress/<unit>/<YYYY-MM-DD>.yaml：请移动此文件",
        "a report belongs at progress/<unit>/<YYYY-MM-DD>.yaml; move it",
    )
    control_character_in_text = Text(
        "文字中有控制字符 {char}（多由转义或复制粘贴带入），它会扰乱终端，Excel 也无法保存：请删除",
        "the text holds the control character {char} (an escape, or pasted in), which would steer terminals and which Excel cannot hold; delete it",
    )
    label_unit = Text("填报单位（{key}）", "{key}")
    label_as_of = Text("截至日期（{key}）", "{key}")
    label_submitted = Text("报送日期（{key}）", "{key}")
    link_outside_data_folder = Text(
        "这是指向数据文件夹之外（{target}）的符号链接，不会读取：请把文件本身放进数据文件夹，或删除此链接",
        "this is a symbolic link to {target}, outside the data folder, and is not read; put the file itself in the data folder or remove the link",
    )
    broken_link = Text(
        "这是指向 {target} 的符号链接，但目标不存在或绕成了环：请修正或删除此链接",
        "this is a symbolic link to {target}, which does not exist or loops; fix or remove the link",
    )
    folder_reached_twice = Text(
        "这个链接指向的文件夹 {target} 已经读过：每个文件夹只应有一条路径，请删除此链接",
        "this link leads to the folder {target}, which is already read by another path; remove the link",
    )
    not_regular_file = Text(
        "这不是普通文件，也不是文件夹（而是{kind}），不会读取：报告应是普通的 .yaml 文本文件，请删除或移出此文件夹",
        "this is neither a regular file nor a folder (it is a {kind}) and is not read; a report is a plain .yaml text file: remove it or move it out",
    )
    kind_fifo = Text("命名管道", "named pipe")
    kind_device = Text("设备文件", "device")
    kind_socket = Text("套接字", "socket")
    kind_other = Text("特殊文件", "special file")
    folder_named_like_report = Text(
        "这是一个名称像报告文件的文件夹：报告应是普通的 .yaml 文本文件，请改名或删除此文件夹",
        "this is a folder named like a report file; a report is a plain .yaml text file: rename or remove the folder",
    )
    interrupted_write = Text(
        "这是写入中断（如进程被强行结束）后留下的临时文件，不会作为报告读取：请检查对应的报告是否完整，然后删除此文件",
        "a temporary file left behind by an interrupted write (a killed process), not read as a report; check that the report it was for is whole, then delete it",
    )
    expected_mapping_key_value = Text('这里应是"键: 值"行，现在是{found}', "expected a mapping (key: value lines), found {found}")
    another_report_keep_file = Text(
        "{other} 也是 {unit} 截至 {date} 的报告：同一单位同一日期只保留一个文件",
        "{other} is another report of {unit} as of {date}; keep one file per unit and date",
    )
    expected_list_lines_starting = Text(
        '这里应是列表（以"- "开头的行），现在是{found}', "expected a list (lines starting with '- '), found {found}"
    )
    problem_found = Text("{problem}（现在是{found}）", "{problem}, found {found}")
    problem_only = Text("{problem}", "{problem}")


class WorkbookMsg(Catalogue):
    """Excel workbooks: the template and its import."""

    file_zip_file = Text(
        "文件不是 zip 格式，而 .xlsx 工作簿都是 zip 格式（是不是把 CSV 或旧版 .xls 文件改了扩展名？）", "File is not a zip file"
    )
    mib_larger_report_workbook = Text(
        "{path} 有 {size} MiB，超过报送表的大小上限（{max} MiB）",
        "{path} is {size} MiB, larger than any report workbook ({max} MiB at most)",
    )
    made_minzheng_template_sheet = Text(
        "{path} 不是由 `minzheng template` 生成的（没有存放元数据的 {sheet} 工作表）：请用 `minzheng template UNIT --as-of DATE -o FILE.xlsx` 生成报送表",
        "{path} was not made by `minzheng template` (no {sheet} sheet with its metadata); make one with `minzheng template UNIT --as-of DATE -o FILE.xlsx`",
    )
    made_another_version_minzheng = Text(
        "{path} 由其他版本的 minzheng 生成（报送表格式为 {found}，本版本读取格式 {version}）：请重新生成报送表",
        "{path} was made by another version of minzheng (template format {found}, this one reads {version}); make a new template",
    )
    sheet_lacks_plan_unit = Text(
        "{path}：{sheet} 工作表中缺少计划编号或单位编号：请重新生成报送表",
        "{path}: the {sheet} sheet lacks the plan or unit id; make a new template",
    )
    cannot_read_file = Text("无法读取 {path}：{reason}", "cannot read {path}: {reason}")
    not_a_regular_file = Text(
        "{path} 不是普通文件（而是文件夹、管道或设备），不会读取：请给出 .xlsx 工作簿文件",
        "{path} is not a regular file (a folder, pipe or device) and is not read; give an .xlsx workbook file",
    )
    part_too_large = Text(
        "{path} 中的 {part} 解压后有 {size} MiB，超过报送表的上限（{max} MiB），不予读取：请用 minzheng template 生成的报送表填报",
        "{path}: its part {part} inflates to {size} MiB, more than any report workbook ({max} MiB at most), and is not read; fill in a form made by minzheng template",
    )
    too_many_parts = Text(
        "{path} 解压后共有 {size} MiB、{parts} 个部件，远超任何报送表，不予读取：请用 minzheng template 生成的报送表填报",
        "{path} inflates to {size} MiB in {parts} parts, far more than any report workbook, and is not read; fill in a form made by minzheng template",
    )
    too_many_cells = Text(
        "{path} 的 {part} 中{what}超过 {max} 个，远多于任何报送表，不予读取：请用 minzheng template 生成的报送表填报",
        "{path}: {part} holds more than {max} {what}, far more than any report workbook, and is not read; fill in a form made by minzheng template",
    )
    what_cells = Text("单元格", "cells")
    what_rows = Text("行", "rows")
    what_strings = Text("文字", "strings")
    xml_declarations = Text(
        "{path} 的 {part} 中有 DTD 或实体声明（报送表不会有，可被用来制造膨胀攻击），不予读取",
        "{path}: {part} holds a DTD or entity declarations (no report workbook has them; they allow expansion bombs) and is not read",
    )
    broken_xml = Text("{path} 的 {part} 不是有效的 XML：{reason}", "{path}: {part} is not valid XML: {reason}")
    cannot_read_excel_workbook = Text(
        "无法把 {path} 作为 Excel 工作簿（.xlsx）读取：{reason}", "cannot read {path} as an Excel workbook (.xlsx): {reason}"
    )
    template_plan_but_data = Text(
        '{path} 是计划"{plan}"的报送表，但数据文件夹中是计划"{data_plan}"：请用 --data 指向该计划的数据文件夹再导入',
        "{path} is a template of the plan '{plan}', but the data folder holds the plan '{data_plan}'; import it with --data pointing at that plan's folder",
    )
    unit_plan_does_list = Text(
        '{path} 是单位"{unit}"的报送表，但计划中没有这个单位：请重新生成报送表',
        "{path} is for the unit '{unit}', which the plan does not list; make a new template",
    )
    the_numerator = Text("分子", "numerator")
    the_denominator = Text("分母", "denominator")
    counts_whole_things = Text("{id}（{name}）的{part}应为整数", "the {part} of {id} ({name}) counts whole things")
    counted_whole = Text("{id}（{name}）以整数计（单位：{uom}）", "{id} ({name}) is counted in whole {uom}")
    but_cell_holds_type = Text(
        "{what}，但单元格中是 {value}：请填写整数（可能是公式算出了小数）",
        "{what}, but the cell holds {value}; type the whole number (a formula may have left a fraction)",
    )
    indicator_second_row_keep = Text(
        "指标 {id} 有第二行（第 {row} 行）：每个指标只保留一行",
        "indicator {id} has a second row ({row}); keep one row per indicator",
    )
    ratio_fill_both_numerator = Text(
        "{id}（{name}）是比率：请同时填写分子和分母；本期不报此项请把两者都清空",
        "{id} ({name}) is a ratio: fill in both 分子 (numerator) and 分母 (denominator), or clear both to leave it out of this report",
    )
    cell_holds_formula_whose = Text(
        "单元格中是公式，但其结果从未计算过（文件不是由电子表格程序保存的）：请直接填写数值，或用 Excel 或 WPS 打开并保存此文件",
        "the cell holds a formula whose result was never computed (the file was not saved by a spreadsheet program); type the figure itself, or open and save the file in Excel or WPS",
    )
    face_unit_mismatch = Text(
        "填报单位（C2）是{face}，但这份报送表是为{unit}生成的：请用 minzheng template 为填报的单位生成报送表",
        "the unit on the form (C2) is {face}, but the form was made for {unit}; make a form for the unit that reports with minzheng template",
    )
    face_date_mismatch = Text(
        "截至日期（C3）是 {face}，但这份报送表是为截至 {made} 生成的：要报其他日期，请用 minzheng template --as-of 生成该日期的报送表",
        "the date on the form (C3) is {face}, but the form was made for {made}; for another date make a form with minzheng template --as-of",
    )
    grey_value_of_ratio = Text(
        "{id}（{name}）是比率，本期数值这一格是灰色的，不会读取：请把数值填在分子和分母两格，这一格留空",
        "{id} ({name}) is a ratio: this grey cell is not read; put the figures in 分子 (numerator) and 分母 (denominator) and leave this cell blank",
    )
    grey_parts_of_count = Text(
        "{id}（{name}）不是比率，分子、分母两格是灰色的，不会读取：请把数值填在本期数值一格，这一格留空",
        "{id} ({name}) is not a ratio: this grey cell is not read; put the figure in 本期数值 (this figure) and leave this cell blank",
    )
    reads_back_differently = Text(
        "内部错误：由报送表写出的报告文件读回时与报送表不一致，未写入：请报告此问题",
        "internal error: the report file written from this workbook does not read back as the same report; nothing written: please report it",
    )
    row_figures_but_indicator = Text(
        "第 {row} 行填了数据，但 A 列（编号）中没有指标编号：请恢复编号，或清空这一行",
        "row {row} has figures but no indicator id in column A (编号); restore the id or clear the row",
    )


class EntryMsg(Catalogue):
    """Data entry: new reports and their dates."""

    later_report_new_would = Text(
        "{problem}（这是之后的报告：要写入的新报告会与它矛盾，新报告未写入）",
        "{problem} (this is a later report, which the new one would contradict; the new one is not written)",
    )
    outside_plan_period = Text(
        "--as-of {as_of} 不在计划期 {start} – {end} 内", "--as-of {as_of} is outside the plan period {start} – {end}"
    )
    after_today_report_states = Text(
        "{option} {when} 晚于今天（{today}）：报告只写截至今天或更早日期的已知情况",
        "{option} {when} is after today ({today}); a report states what is known as of a past date",
    )


class CliMsg(Catalogue):
    """Command-line errors and notices."""

    no_indicator = Text('没有指标"{id}"{hint}', "no indicator '{id}'{hint}")
    give_one_period = Text(
        "--week、--month、--quarter 和 --as-of 只能给出其中一个", "give one of --week, --month, --quarter and --as-of"
    )
    not_a_month = Text("{text}不是月份：请写成 YYYY-MM，如 2025-06", "{text} is not a month; write YYYY-MM, e.g. 2025-06")
    not_a_quarter = Text(
        "{text}不是季度：请写成 YYYY-Qn（n 为 1–4），如 2025-Q2", "{text} is not a quarter; write YYYY-Qn (n 1–4), e.g. 2025-Q2"
    )
    not_an_iso_week = Text(
        "{text}不是 ISO 周：请写成 YYYY-Www，如 2025-W27", "{text} is not an ISO week; write YYYY-Www, e.g. 2025-W27"
    )
    year_has_no_week = Text("{text}：{year} 年没有第 {week} 周", "{text}: year {year} has no week {week}")
    minzheng_today = Text("环境变量 MINZHENG_TODAY：{problem}", "MINZHENG_TODAY: {problem}")
    cannot_write = Text("无法写入 {path}：{reason}", "cannot write {path}: {reason}")
    output_failed = Text(
        "无法写出结果（标准输出）：{reason}；结果不完整", "cannot write the output (standard output): {reason}; the output is incomplete"
    )
    output_exists = Text(
        "{path} 已存在，未写入（可能是已填好的报送表）；确认替换请加 --force",
        "{path} already exists (it may be a filled-in form); nothing written: add --force to replace it",
    )
    internal_error_skeleton_does = Text(
        "内部错误：为 {path} 生成的报告框架未通过校验，请报告此问题",
        "internal error: the skeleton of {path} does not validate; please report it",
    )
    output_workbook_s_name = Text(
        "--output {output}：工作簿的文件名必须以 .xlsx 结尾", "--output {output}: the workbook's name must end in .xlsx"
    )
    xlsx_needs_output = Text(
        "--format xlsx 生成的是 Excel 工作簿，不能显示在终端上：请用 -o 文件名.xlsx 指定要写入的文件",
        "--format xlsx makes an Excel workbook, which a terminal cannot show: name the file with -o FILE.xlsx",
    )
    binary_needs_output = Text(
        "--format {format} 生成的是 Word 文档，不能显示在终端上：请用 -o 文件名.{format} 指定要写入的文件",
        "--format {format} makes a Word document, which a terminal cannot show: name the file with -o FILE.{format}",
    )
    no_brief = Text("--brief 只用于以下格式：{formats}（不用于 {format}）", "--brief is for {formats} only (not {format})")


def suggestion(hint: str | None) -> Param:
    """The "; did you mean 'x'?" ending of a message, or nothing."""
    return CommonMsg.did_you_mean(x=hint) if hint else ""


def os_reason(err: OSError) -> Param:
    """Why a file could not be read or written: the system's words (`strerror`), translated when they are the
    common ones (English exactly as the system says it; other reasons as they are)."""
    known = {
        errno.ENOENT: CommonMsg.no_such_file,
        errno.EACCES: CommonMsg.permission_denied,
        errno.EPERM: CommonMsg.operation_not_permitted,
        errno.EISDIR: CommonMsg.is_a_directory,
        errno.ENOTDIR: CommonMsg.not_a_directory,
        errno.ENOSPC: CommonMsg.no_space_left,
        errno.EBADF: CommonMsg.bad_file_descriptor,
        errno.EROFS: CommonMsg.read_only_file_system,
        errno.ENAMETOOLONG: CommonMsg.file_name_too_long,
    }.get(err.errno or 0)
    if known is not None and known.en == err.strerror:
        return known()
    return str(err.strerror or err)
