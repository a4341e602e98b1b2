"""`--help`: every command's and option's help text, and the words of the help page itself (用法, 选项 …).

A command or option names its help by the phrase's id (`help=Help.data.id`); the help page is written from the
catalogue when it is shown, in the language of `--lang` or MINZHENG_LANG (Chinese by default): see
`cli/helptext.py`. This module imports nothing but the catalogue, so that `minzheng --help` stays fast.
"""

from __future__ import annotations

from minzheng_cli.catalogue import Catalogue, Lang, Text, lookup


class Help(Catalogue):
    """Help texts of the commands, their arguments and options."""

    app = Text(
        "民政工作要点指标跟踪：汇总各镇（街道）和区本级的报送，计算完成率、序时进度和红黄绿灯，生成周报。",
        "Track a civil-affairs work plan's targets against the townships' reports: completion, pace (序时进度), "
        "lights and the weekly report (周报).",
    )
    validate = Text(
        "校验目标、任务分解和全部报送文件（退出码：0 通过，1 有问题，2 无可校验）。",
        "Check the targets, the breakdown and every progress report (exit 0 valid, 1 problems, 2 nothing to check).",
    )
    schema = Text(
        "输出数据文件的 JSON Schema，供编辑器和其他校验工具使用（progress 按计划生成）。",
        "Print the JSON Schema of a data file, for editors and other validators (progress: built from the plan).",
    )
    status = Text(
        "逐项列出指标：目标、实际、完成率、序时进度、状态和灯。",
        "One row per indicator: target, actual, completion, pace, status and light.",
    )
    show = Text(
        "单项指标：原文出处、全区数值变化和各单位数据。",
        "One indicator: its source sentence, the district value over time, and every unit's figures.",
    )
    units = Text(
        "各镇（街道）按分解任务进度排名，附报送情况。",
        "Townships ranked by progress on their quotas, with reporting completeness (报送情况).",
    )
    report = Text(
        "周报、月报、季报：总体进展、本期变化、欠进度与预警、临期事项、数据核查、报送和排名。",
        "The weekly report (周报; or monthly 月报, quarterly 季报): progress, changes, warnings, items due, checks, "
        "reporting and ranking.",
    )
    new = Text(
        "写出 progress/单位/日期.yaml：按本单位最新数值预填的报送框架。",
        "Write progress/UNIT/DATE.yaml: a report skeleton pre-filled with the unit's latest values.",
    )
    template = Text(
        "为单位生成 Excel 报送表（按最新数值预填），填好后用 import 导入。",
        "Write a fill-in Excel workbook (报送表) for UNIT, pre-filled with its latest values; read back by import.",
    )
    import_ = Text(
        "像校验报送一样检查填好的报送表，写出 progress/单位/日期.yaml（退出码：1 有错，2 不是报送表）。",
        "Check filled-in workbooks like reports and write progress/UNIT/DATE.yaml (exit 1 invalid, 2 not a template).",
    )

    data = Text("数据目录，含 targets.yaml 和 progress/ [默认：./data]", "Data folder with targets.yaml and progress/ [default: ./data]")
    lang = Text("输出语言 [默认：zh]", "Output language [default: zh]")
    no_cache = Text(
        "重新解析全部报送，不读也不写缓存（MINZHENG_CACHE，默认为用户的缓存目录）",
        "Parse every report again; neither read nor write the cache (MINZHENG_CACHE, default: the user's cache folder)",
    )
    version = Text("显示版本并退出", "Show the version and exit.")
    help = Text("显示本帮助并退出", "Show this message and exit.")
    as_of = Text("截至日期 YYYY-MM-DD [默认：今天，限定在计划期内]", "Report date YYYY-MM-DD [default: today, clamped into the plan]")
    week = Text("ISO 周，如 2025-W27（按该周周日计算）", "ISO week, e.g. 2025-W27 (reported as of its Sunday)")
    month = Text(
        "月报：月份，如 2025-06（按月末计算，未结束的月份按今天）",
        "Monthly report: a month, e.g. 2025-06 (as of its last day; a month still running, as of today)",
    )
    quarter = Text(
        "季报：季度，如 2025-Q2（按季末计算，未结束的季度按今天）",
        "Quarterly report: a quarter, e.g. 2025-Q2 (as of its last day; a quarter still running, as of today)",
    )
    format = Text("输出格式", "Output format")
    output = Text("写入文件，不输出到屏幕（xlsx 在终端上必须指定）", "Write to FILE instead of stdout (xlsx: required on a terminal)")
    report_output = Text(
        "写入文件，不输出到屏幕（普通文件原子替换，链接写到其目标）",
        "Write to FILE instead of stdout (a file is replaced atomically, a link written through)",
    )
    width = Text(
        "表格按 N 列宽排版 [默认：终端宽度；输出到管道或文件时不限]",
        "Fit the table to N columns [default: the terminal's width; unlimited when piped]",
    )
    report_width = Text(
        "文本每行不超过 N 列 [默认：终端宽度；输出到管道或文件时不断行]",
        "Fill text lines to N columns [default: the terminal's width; no line breaks when piped]",
    )
    brief = Text("领导简报：不超过十行（总体亮灯、红灯事项、未报单位）", "The leader's version: ten lines at most (lights, red items, who has not reported)")
    strict = Text("警告也视为不通过", "Warnings fail too")
    unit = Text(
        "只看该单位的指标和数据（单位名称、编号或统计代码均可，如 双林镇、shuanglin）",
        "Only this unit's indicators and figures (its Chinese name, id or code, e.g. 双林镇, shuanglin)",
    )
    task = Text("只看该任务的指标", "Only this task's indicators")
    only = Text(
        "只看该状态或灯色的指标（中文或代码均可，如 红灯、欠进度、red、behind）",
        "Only indicators with this status or light (the Chinese word or the code, e.g. 红灯, 欠进度, red, behind)",
    )
    indicator = Text("指标编号，如 3.1", "Indicator id, e.g. 3.1")
    unit_arg = Text(
        "单位：名称、编号（progress/ 下的文件夹名）或统计代码，如 双林镇、shuanglin",
        "The unit: its Chinese name, id (folder name under progress/) or code, e.g. 双林镇, shuanglin",
    )
    new_as_of = Text("报送日期 YYYY-MM-DD（不晚于今天）", "Report date YYYY-MM-DD (not after today)")
    template_as_of = Text("报送日期 YYYY-MM-DD", "Report date YYYY-MM-DD")
    submitted = Text("交来报送的日期，用于计算及时率 [默认：不填]", "Date handed in, for timeliness [default: none]")
    force = Text("替换已存在且数值不同的报送", "Replace an existing report that holds other figures")
    template_output = Text("要写出的工作簿", "The workbook to write")
    template_force = Text("FILE.xlsx 已存在时替换它（它可能已填好）", "Replace FILE.xlsx if it exists (it may be filled in)")
    workbooks = Text("由 minzheng template 生成并已填好的工作簿", "Workbooks made by `minzheng template`, filled in")
    dry_run = Text("只校验并打印每份报送的 YAML，不写文件", "Check and print each report's YAML; write nothing")
    schema_name = Text("哪个文件", "Which file")
    schema_write = Text(
        "把 progress.schema.json 和 targets.schema.json 写入目录 DIR",
        "Write progress.schema.json and targets.schema.json into DIR",
    )


class HelpPage(Catalogue):
    """The words of a help page around the help texts."""

    usage = Text("用法：", "Usage: ")
    options_metavar = Text("[选项]", "[OPTIONS]")
    command_metavar = Text("命令 [参数]...", "COMMAND [ARGS]...")
    arguments = Text("参数：", "Arguments:")
    options = Text("选项：", "Options:")
    commands = Text("命令：", "Commands:")
    default = Text("默认：{value}", "default: {value}")
    env_var = Text("环境变量：{name}", "env var: {name}")
    required = Text("必填", "required")
    extra = Text("[{items}]", "[{items}]")
    extra_sep = Text("；", "; ")


def help_text(ident: str | None, lang: Lang) -> str:
    """The help a command or option names by its phrase's id, in `lang`; text that is no id as it is."""
    if not ident:
        return ""
    found = Help.__dict__.get(ident.removeprefix("Help.")) if ident.startswith("Help.") else None
    if not isinstance(found, Text):
        found = lookup(ident) if "." in ident and " " not in ident else None
    return found.render(lang) if found is not None else ident
