"""What each diagnostic code means (docs/codes.md is generated from the codes declared beside their rules)."""

from __future__ import annotations

from minzheng_cli.catalogue import Catalogue, Text


class Meaning(Catalogue):
    """The meaning of each diagnostic code, by code (dashes as underscores)."""

    file_too_large = Text("文件超过大小上限（2 MiB）", "the file is over the size limit (2 MiB)")
    not_utf8 = Text(
        "文件不是 UTF-8 文本（GBK、UTF-16、二进制文件）；带 BOM 的 UTF-8 可以接受",
        "the file is not UTF-8 text (GBK, UTF-16, binary); a UTF-8 BOM is accepted",
    )
    unreadable = Text(
        "文件无法读取：不是普通文件（文件夹、管道或设备），或没有权限",
        "the file cannot be read: not a regular file (a folder, pipe or device), or no permission",
    )
    yaml_syntax = Text("YAML 格式错误，无法解析", "the YAML cannot be parsed")
    duplicate_key = Text(
        "同一层中某个键出现了两次（PyYAML 会悄悄只保留后一个）",
        "a key appears twice in one mapping (PyYAML would keep the last silently)",
    )
    alias = Text(
        "锚点（&x）或别名（*x）；不允许使用，它们可被用来制造膨胀攻击",
        "an anchor (&x) or alias (*x); refused, they allow expansion bombs",
    )
    tag = Text("显式标签（!!int、!foo）", "an explicit tag (!!int, !foo)")
    too_deep = Text("嵌套层数超过任何实际文件所需", "nesting deeper than any real file needs")
    multiple_documents = Text("一个文件中有多个 YAML 文档", "more than one YAML document in one file")
    bad_key = Text('键是列表或"键: 值"', "a mapping key that is a list or mapping")
    not_a_mapping = Text(
        '文件（或其中一部分）不是格式要求的"键: 值"结构；空文件',
        "the file (or a part of it) is not the mapping the format expects; an empty file",
    )
    unknown_key = Text("格式中没有的键（拼错了？）", "a key the format does not have (misspelt?)")
    missing_key = Text("缺少必填的键", "a required key is absent")
    wrong_type = Text(
        "值的类型不对（该填文字处填了列表，该填比率处填了一个数……）",
        "a value of the wrong type (a list where text belongs, a number where a ratio belongs…)",
    )
    bad_number = Text(
        "不是普通的十进制数字：0123、1:30、1_000、.nan、1e999、150人、全角数字",
        "not a plain decimal number: 0123, 1:30, 1_000, .nan, 1e999, 150人, full-width digits",
    )
    quoted_number = Text("数字加了引号，变成了文字", "a number written in quotes, which makes it text")
    bad_date = Text("不是 YYYY-MM-DD 格式的日期", "not a date in the form YYYY-MM-DD")
    bad_choice = Text("不是允许的选项之一", "a word that is not one of the allowed choices")
    bad_id = Text(
        "需要编号的地方不是小写英文（拼音）编号", "an id that is not a lowercase ASCII slug (pinyin), where one is needed"
    )
    bad_status = Text(
        "节点状态不是 not_started | in_progress | done（未开始 | 进行中 | 已完成）",
        "a milestone status other than not_started | in_progress | done (未开始 | 进行中 | 已完成)",
    )
    duplicate_id = Text("两个单位、任务或指标的编号相同", "two units, tasks or indicators share an id")
    unknown_task = Text("指标所属的任务不存在", "an indicator names a task that does not exist")
    id_task_mismatch = Text("指标编号的 <task> 前缀与所属任务不一致", "an indicator id's <task> prefix differs from its task")
    task_numbering = Text("任务序号不是 1、2、3 … 连续且不重复", "tasks are not numbered 1, 2, 3 … without gaps or repeats")
    district_unit = Text("kind 为 district 的单位不是恰好一个", "there is not exactly one unit of kind district")
    plan_period = Text("计划开始日期晚于结束日期", "the plan starts after it ends")
    lights_order = Text("lights 的 tolerance 不在 0 与 red 之间", "lights: tolerance is not between 0 and red")
    unknown_parent = Text("parent 指向的指标不存在（或是它自己）", "parent names an indicator that does not exist (or itself)")
    parent_uom = Text("分项的计量单位与上级指标不同", "a part has another unit of measure than its parent")
    missing_field = Text(
        "该类指标需要的 measure、factor、target 或 uom 缺失", "measure, factor, target or uom missing where the kind needs it"
    )
    unexpected_field = Text(
        "该类指标不应有的 measure、factor、target 或 uom", "measure, factor, target or uom given where the kind has none"
    )
    due_outside_plan = Text("截止日期不在计划期内", "a due date outside the plan period")
    target_not_positive = Text("目标为 0 或负数（只有上限类可以为 0）", "a target of 0 or less (only a cap may be 0)")
    factor_not_positive = Text("比率指标的 factor 为 0 或负数", "a ratio's factor of 0 or less")
    control_character = Text(
        "计划的文字中有控制字符（如由转义写入的 ESC），它们会扰乱终端，Excel 也无法保存",
        "a control character in the plan's text (an escape such as ESC), which would steer terminals and which Excel cannot hold",
    )
    quota_not_allowed = Text(
        "为不是各镇（街道）报送的累计或水平类指标分解了任务",
        "a quota for an indicator that is not a township-reported cumulative or level",
    )
    quota_not_positive = Text("分解任务为 0 或负数", "a quota of 0 or less")
    quota_sum_short = Text("数量类指标的分解任务合计少于目标", "a count indicator's quotas add up to less than its target")
    baseline_not_allowed = Text("为不是水平类的指标设了基数", "a baseline for an indicator that is not a level")
    baseline_not_below_target = Text("基数不低于目标", "a baseline at or above the target")
    misplaced_file = Text(
        "报告不在 progress/<unit>/<YYYY-MM-DD>.yaml", "a report that is not at progress/<unit>/<YYYY-MM-DD>.yaml"
    )
    duplicate_report = Text(
        "同一单位同一日期有两个报告文件（如 .yaml 与 .yml）", "two report files of one unit for one date (e.g. .yaml and .yml)"
    )
    unknown_unit = Text(
        "计划中没有的单位（文件夹或分解表中的单位）", "a unit (folder or breakdown entry) that the plan does not list"
    )
    unit_mismatch = Text("报告中的 unit 与文件夹名不一致", "a report's unit differs from its folder name")
    bad_file_name = Text("报告文件名不是有效的 YYYY-MM-DD 日期", "a report file name that is not a valid YYYY-MM-DD date")
    date_mismatch = Text("报告的 as_of 与文件名不一致", "a report's as_of differs from its file name")
    date_outside_plan = Text("报告日期不在计划期内", "a report date outside the plan period")
    date_in_future = Text("报告日期晚于今天", "a report date after today")
    unknown_indicator = Text("计划中没有的指标编号", "an indicator id the plan does not have")
    not_reported_by_unit = Text("填了不由本单位报送的指标", "a value for an indicator this unit does not report")
    negative_value = Text("负数（数值、比率的分子或分母、基数）", "a negative number (a value, a ratio's part or a baseline)")
    numerator_exceeds_denominator = Text("百分比的分子大于分母", "a percentage's numerator above its denominator")
    zero_denominator = Text("比率的分母为 0", "a ratio with denominator 0")
    decreasing_cumulative = Text("累计数比本单位之前报送的还少", "a cumulative count lower than the same unit's earlier report")
    part_exceeds_whole = Text(
        "本单位数据中分项（parent）大于总数", "a part (parent) larger than its whole in the same unit's figures"
    )
    denominator_jump = Text(
        "比率的分母与本单位上一次报送相差超过 20%", "a ratio's denominator more than 20% away from the unit's previous report"
    )
    level_drop = Text("水平类指标比本单位上一次报送下降超过一半", "a level that falls by more than half from the unit's previous report")
    magnitude_jump = Text(
        "数值与本单位上一次报送相差 1000 倍以上（万与元混淆？）",
        "a value 1,000 times or more away from the unit's previous one (万 and 元 confused?)",
    )
    cumulative_jump = Text(
        "累计数一次报送就增加了超过本单位全年分解任务（无分解任务的，超过全年目标）",
        "a cumulative increase in one report larger than the unit's whole quota (or the whole target, without one)",
    )
    not_whole_number = Text(
        "计整数的数值填了小数（人、户、个……，比率的分子和分母）",
        "a fraction where whole things are counted (人, 户, 个…, a ratio's parts)",
    )
    workbook_mismatch = Text(
        "报送表上的填报单位（C2）或截至日期（C3）与生成时不一致",
        "the unit (C2) or the date (C3) on a workbook's face differs from the one it was made for",
    )
    import_read_back = Text(
        "导入后写出的报告文件读回时与报送表不一致（内部错误）",
        "the report file import would write does not read back as the workbook's report (an internal error)",
    )
    grey_cell = Text("数值填在了不会读取的灰色单元格中", "a figure typed in a grey cell, which is not read")
    formula_no_value = Text(
        "单元格是公式，但还没有电子表格程序算出它的结果", "a formula cell whose result no spreadsheet program has computed"
    )
    empty_report = Text("报告中没有数值", "a report with no values")
    not_yaml = Text("progress/ 中有不是 YAML（.yaml / .yml）的文件", "a file in progress/ that is not YAML (.yaml / .yml)")
    submitted_before_as_of = Text("submitted 早于 as_of", "submitted is earlier than as_of")
    no_reports = Text("还没有任何进展报告", "no progress reports at all yet")
    link_outside = Text(
        "数据文件夹中的符号链接指向文件夹之外（不会跟随读取）",
        "a symbolic link in the data folder that resolves outside it (never followed)",
    )
    broken_link = Text(
        "数据文件夹中的符号链接指向不存在的文件，或绕成了环",
        "a symbolic link in the data folder whose target does not exist, or that loops",
    )
    not_regular_file = Text(
        "数据文件夹中既不是普通文件也不是文件夹的东西（管道、设备、套接字），或名为 .yaml 的文件夹",
        "something in the data folder that is neither a regular file nor a folder (a FIFO, device, socket), or a folder named .yaml",
    )
    interrupted_write = Text(
        "写入中断后留下的临时文件（.….tmp）", "a temporary file (.….tmp) left behind by an interrupted write"
    )
