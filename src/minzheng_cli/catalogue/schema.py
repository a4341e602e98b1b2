"""Words of the JSON Schemas (`minzheng schema`): the titles and descriptions an editor shows beside a report."""

from __future__ import annotations

from minzheng_cli.catalogue import Catalogue, Text


class SchemaText(Catalogue):
    """Titles and descriptions of the progress-report schema built from the plan (DESIGN §3 `schema`)."""

    report_title = Text("{title} 进展报送", "{title}: progress report")
    report_description = Text(
        "一个单位截至 as_of 的进展报送（data/progress/<单位>/<日期>.yaml）。本 schema 由 targets.yaml 生成，"
        "供编辑器补全和初步检查；以 minzheng validate 的结果为准。",
        "One unit's progress report as of as_of (data/progress/<unit>/<date>.yaml). Generated from targets.yaml "
        "for editor completion and a first check; minzheng validate has the final word.",
    )
    unit = Text("报送单位编号，与所在文件夹同名：{units}", "Reporting unit id, the name of the file's folder: {units}")
    unit_item = Text("{id}（{name}）", "{id} ({name})")
    list_sep = Text("、", ", ")
    as_of = Text("数据截至日期，YYYY-MM-DD，与文件名相同，在计划期内", "The date the figures are as of, YYYY-MM-DD: the "
                 "file's name, inside the plan period")
    submitted = Text("报送日期，YYYY-MM-DD（可选，用于计算报送及时率）", "The date the report was handed in, YYYY-MM-DD "
                     "(optional; for timeliness)")
    values = Text("各指标数值，键为指标编号（加引号，如 \"3.1\"）；未列出的指标沿用上期数值",
                  "Figures by indicator id (quoted, e.g. \"3.1\"); an indicator left out keeps its latest earlier value")
    notes = Text("各指标的说明（可选），键为指标编号", "Optional free text by indicator id")
    note_of = Text("{id} {name} 的说明", "Note on {id} {name}")
    indicator = Text("{id} {name}（{details}）。{hint}", "{id} {name} ({details}). {hint}")
    detail_sep = Text("；", "; ")
    kind = Text("类型：{kind}", "kind: {kind}")
    uom = Text("计量单位：{uom}", "unit of measure: {uom}")
    target = Text("目标：{target}", "target: {target}")
    reported_by = Text("报送：{who}", "reported by: {who}")
    due = Text("截止：{date}", "due: {date}")
    hint_cumulative = Text("填年初至今的累计数，{number}", "Write the year-to-date total, {number}")
    hint_level = Text("填截至当日的数值，{number}", "Write the value as of the date, {number}")
    hint_cap = Text("填截至当日的数值，{number}，应不超过目标", "Write the value as of the date, {number}; it should stay "
                    "at or below the target")
    whole_number = Text("整数", "a whole number")
    plain_number = Text("不带单位的数字", "a plain number without its unit")
    hint_ratio = Text("填 {{numerator: 分子, denominator: 分母}}；数值 = {factor} × 分子 ÷ 分母",
                      "Write {{numerator: N, denominator: D}}; value = {factor} × N / D")
    hint_milestone = Text("填 未开始、进行中 或 已完成（也可写 not_started、in_progress、done）",
                          "Write not_started, in_progress or done (or 未开始, 进行中, 已完成)")
    numerator = Text("分子：{number}，不小于 0", "numerator: {number}, 0 or more")
    denominator = Text("分母：{number}，大于 0", "denominator: {number}, above 0")
