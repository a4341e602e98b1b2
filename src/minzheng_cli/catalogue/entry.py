"""Words of the files the data-entry commands write for the township clerks: the fill-in workbook (报送表) of
`minzheng template` and the report YAML of `minzheng new` and `minzheng import`.

Those files are written in Chinese (`FILE_LANG`), whatever `--lang` says: the clerks read them. What defines the
file format is data, not a phrase, and stays where the format is defined: the sheet name 报送表 that import reads
back, the metadata keys, the milestone words a report holds (`MILESTONE_WORDS`: the Chinese words of
`words.Milestone`, whatever the language of the rest).
"""

from __future__ import annotations

from minzheng_cli.catalogue import Catalogue, Lang, OneOf, Text
from minzheng_cli.catalogue.words import Milestone, word

FILE_LANG: Lang = "zh"
# The words a report file (and the workbook's drop-down list) holds for a milestone's state: values, not phrases.
MILESTONE_WORDS: tuple[str, ...] = tuple(t.zh for t in Milestone.entries())


def milestone_word(state: str) -> str:
    """The word written for a milestone state (`not_started` → 未开始)."""
    return word(Milestone, state, "zh")


def milestone_choices() -> OneOf:
    """The milestone words as a phrase's parameter: 未开始、进行中 或 已完成."""
    return OneOf(MILESTONE_WORDS)


class Template(Catalogue):
    """The fill-in workbook: title, header rows, column headers, instructions, data-validation messages."""

    title = Text("{title} 进展报送表", "{title}: progress report form")
    document_title = Text("{title} 进展报送表 {unit} {as_of}", "{title}: progress report form, {unit}, {as_of}")
    name_id = Text("{name}（{id}）", "{name} ({id})")
    label_unit = Text("填报单位", "Reporting unit")
    label_as_of = Text("截至日期", "As of")
    label_submitted = Text("报送日期", "Submitted on")
    label_plan = Text("工作要点", "Work plan")
    hint_as_of = Text(
        "数据截至的日期，生成报送表时已确定：要报其他日期，请重新生成报送表",
        "the date the figures stand at, fixed when the form was made: for another date, make a new form",
    )
    hint_submitted = Text(
        "选填：报送的日期，用于计算报送及时率", "optional: the date the report is handed in, for the on-time rate"
    )
    instructions = Text(
        "填报说明：只填写黄色单元格，灰色单元格为系统信息，请勿修改。累计指标填年初至今的累计数，水平指标填截至本期的数值，"
        "上限指标填截至本期的总数；比率指标分别填分子和分母；节点从下拉框选择 {states}。"
        "只填数字，不带单位、逗号或空格。“本期数值”已预填上期数值，请改为截至本期的数值；留空表示本期不报该项（沿用上期数值）。",
        "How to fill in: fill in the yellow cells only; the grey cells are the system's, do not change them. A cumulative "
        "indicator takes the total since the start of the year, a level indicator its figure at this date, a cap "
        "indicator the total at this date; a ratio takes its numerator and its denominator; a milestone, pick {states} "
        "from the list. Numbers only, without units, commas or spaces. “This figure” is pre-filled with the last "
        "figure: change it to the figure at this date; leave it blank to not report the indicator this time (the last "
        "figure carries forward).",
    )
    col_id = Text("编号", "ID")
    col_task = Text("任务", "Task")
    col_name = Text("指标名称", "Indicator")
    col_uom = Text("计量单位", "Unit of measure")
    col_kind = Text("类型", "Kind")
    col_last = Text("上期数值", "Last figure")
    col_last_as_of = Text("上期数值（截至 {day}）", "Last figure (as of {day})")
    col_value = Text("本期数值", "This figure")
    col_numerator = Text("分子", "Numerator")
    col_denominator = Text("分母", "Denominator")
    col_note = Text("备注", "Note")
    kind_ratio = Text("{kind}·比率", "{kind}, ratio")
    date_error_title = Text("日期有误", "Wrong date")
    date_error = Text("请填写 {start} 至 {end} 之间的日期", "Enter a date from {start} to {end}")
    status_error_title = Text("状态有误", "Wrong status")
    status_error = Text("请从下拉框选择：{states}", "Pick one from the list: {states}")
    status_prompt_title = Text("节点状态", "Milestone status")
    number_error_title = Text("数值有误", "Wrong number")
    whole_error = Text("请填写不小于 0 的整数，不带单位", "Enter a whole number, 0 or more, without a unit")
    decimal_error = Text("请填写不小于 0 的数字，不带单位", "Enter a number, 0 or more, without a unit")
    metadata_note = Text("minzheng 报送表元数据：请勿修改", "minzheng report form metadata: do not change")


class Skeleton(Catalogue):
    """The report YAML written by `new` (a skeleton to fill in) and by `import`: header and trailing comments."""

    new_header = Text(
        "{unit} 进展报送（截至 {as_of}），由 minzheng new 生成", "{unit} progress report as of {as_of}, made by minzheng new"
    )
    import_header = Text(
        "{unit} 进展报送（截至 {as_of}），由 minzheng import 自 Excel 报送表导入",
        "{unit} progress report as of {as_of}, imported by minzheng import from an Excel report form",
    )
    prefilled = Text(
        "已预填 {last} 及以前报送的最新数值，请改为截至 {as_of} 的数值；未改动的沿用上期。",
        "Pre-filled with the latest figures reported up to {last}: change them to the figures as of {as_of}; "
        "those left unchanged carry forward.",
    )
    no_earlier = Text("尚无以前的报送：各指标均为注释行。", "No earlier report: every indicator is a commented-out line.")
    how_to_fill = Text(
        "累计指标填年初至今累计数；比率填分子和分母；节点填 {states}。",
        "A cumulative indicator takes the total since the start of the year; a ratio its numerator and denominator; "
        "a milestone {states}.",
    )
    commented_out = Text(
        "以 # 开头的指标尚无数值：填报时删去行首的 # 并在冒号后填写；不报的指标可以删去。",
        "The indicators starting with # have no figure yet: to report one, delete the # at the start of its line and "
        "write the figure after the colon; the indicators you do not report can be deleted.",
    )
    submitted_hint = Text("选填：报送日期，用于计算报送及时率", "optional: the date handed in, for the on-time rate")
    notes_hint = Text(
        "选填：对指标的说明，每行一项，如  {example}: 说明文字",
        "optional: notes on indicators, one a line, e.g.  {example}: the note",
    )
    described = Text("{name}（{what}）", "{name} ({what})")  # an indicator's trailing comment: its name and unit
    ratio_uom = Text("{uom}，分子/分母", "{uom}, numerator/denominator")
    no_figure = Text(
        "{what}：尚无数据，填报时删去行首的 #", "{what}: no figure yet; delete the # at the start of the line to report it"
    )
