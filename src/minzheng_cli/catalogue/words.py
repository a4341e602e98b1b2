"""Words of tables, listings and notices: status, light, kind and milestone words, column headers."""

from __future__ import annotations

from minzheng_cli.catalogue import Catalogue, Lang, Text


class Status(Catalogue):
    """Status words (DESIGN §2.5), by status code."""

    no_data = Text("无数据", "no data")
    within_cap = Text("控制在限内", "within cap")
    over_cap = Text("超出上限", "over cap")
    done = Text("已完成", "done")
    overdue = Text("逾期", "overdue")
    due_soon = Text("临期", "due soon")
    pending = Text("推进中", "pending")
    missed = Text("未完成", "missed")
    not_met = Text("未达标", "not met")
    ahead = Text("超进度", "ahead")
    on_pace = Text("达进度", "on pace")
    behind = Text("欠进度", "behind")


class Pending(Catalogue):
    """The status word of a milestone not done, not due soon and not overdue: it follows the milestone's state
    (DESIGN §2.5), so that a milestone reported 未开始 is never shown as 推进中."""

    not_started = Text("未开始", "not started")
    in_progress = Text("推进中", "in progress")


class Light(Catalogue):
    """Light words, by light code."""

    green = Text("绿灯", "green")
    yellow = Text("黄灯", "yellow")
    red = Text("红灯", "red")


class Kind(Catalogue):
    """Indicator kinds."""

    cumulative = Text("累计", "cumulative")
    level = Text("水平", "level")
    cap = Text("上限", "cap")
    milestone = Text("节点", "milestone")


class Milestone(Catalogue):
    """Milestone states (DESIGN §2.2)."""

    not_started = Text("未开始", "not started")
    in_progress = Text("进行中", "in progress")
    done = Text("已完成", "done")


class Month(Catalogue):
    """Month names, as a date in running text shows them (`Words.day`)."""

    jan = Text("1月", "Jan")
    feb = Text("2月", "Feb")
    mar = Text("3月", "Mar")
    apr = Text("4月", "Apr")
    may = Text("5月", "May")
    jun = Text("6月", "Jun")
    jul = Text("7月", "Jul")
    aug = Text("8月", "Aug")
    sep = Text("9月", "Sep")
    oct = Text("10月", "Oct")
    nov = Text("11月", "Nov")
    dec = Text("12月", "Dec")


MONTHS: tuple[Text, ...] = tuple(Month.entries())


class Words(Catalogue):
    """Column headers, titles and notices."""

    validate_ok = Text(
        "校验通过：{files} 个文件（{reports} 份报送），{errors} 个错误，{warnings} 个警告",
        "valid: {files} files ({reports} reports), {errors} errors, {warnings} warnings",
    )
    validate_problems = Text(
        "校验未通过：{files} 个文件（{reports} 份报送），{errors} 个错误，{warnings} 个警告",
        "problems found: {files} files ({reports} reports), {errors} errors, {warnings} warnings",
    )
    excluded = Text(
        "已排除有错误的文件（请先运行 minzheng validate）：{path}", "excluded a file with errors (run minzheng validate): {path}"
    )
    clamped = Text("日期 {given} 不在计划期内，已按 {used} 计算", "date {given} is outside the plan period; using {used}")
    col_id = Text("编号", "ID")
    col_task = Text("任务", "Task")
    col_name = Text("指标", "Indicator")
    col_target = Text("目标", "Target")
    col_actual = Text("实际", "Actual")
    col_completion = Text("完成率", "Completion")
    col_pace = Text("序时进度", "Pace")
    col_status = Text("状态", "Status")
    col_light = Text("灯", "Light")
    col_unit = Text("单位", "Unit")
    col_quota = Text("分解任务", "Quota")
    col_rank = Text("排名", "Rank")
    col_expected = Text("应报", "Expected")
    col_reported = Text("已报", "Reported")
    col_on_time = Text("按时", "On time")
    col_report_rate = Text("报送率", "Reporting rate")
    col_timely_rate = Text("及时率", "On-time rate")
    col_mean_progress = Text("平均进度", "Mean progress")
    col_date = Text("日期", "Date")
    col_kind = Text("类型", "Kind")
    col_reported_by = Text("报送", "Reported by")
    reported_by_townships = Text("各镇(街道)", "townships")
    reported_by_district = Text("区本级", "district")
    col_uom = Text("计量单位", "Unit of measure")
    col_progress = Text("进度", "Progress")
    with_uom = Text("{header}（{uom}）", "{header} ({uom})")  # a spreadsheet column of figures in one unit
    cap_target = Text("上限{target}", "at most {target}")  # a cap's target in running text: 上限3个
    sample_banner = Text(
        "示例数据：虚构数字，仅供演示，非真实报送", "Illustrative sample data: invented figures, not real reports"
    )
    show_title = Text("{id} {name}（截至 {as_of}）", "{id} {name} as of {as_of}")
    sheet_indicators = Text("指标", "Indicators")
    sheet_townships = Text("各镇（街道）", "Townships")
    sheet_ranking = Text("单位排名", "Ranking")
    sheet_facts = Text("指标信息", "Indicator")
    status_title = Text("{title} 指标进展（截至 {as_of}，序时进度按{pace}）", "{title}: progress as of {as_of}")
    pace_days = Text("天数", "days")
    pace_months = Text("月份", "months")
    summary = Text("共 {n} 项指标", "{n} indicators")
    show_source = Text("原文", "Source")
    show_history = Text("全区数值变化", "District value over time")
    show_units = Text("各单位", "By unit")
    show_note = Text("说明", "Note")
    show_due = Text("截止日期", "Due")
    units_title = Text("单位排名（截至 {as_of}）", "Units ranked as of {as_of}")
    units_overall = Text(
        "全区报送率 {rate}（应报 {expected} 份，已报 {reported} 份），按时报送率 {timely}（按时 {on_time} 份）。"
        "平均进度为各单位分解任务进度的平均值（水平类指标按完成率计），每项最高按100%计；平均进度相同时按及时率、报送率排序。"
        "只计已结束的报送周期。",
        "Overall reporting rate {rate} ({reported} of {expected} reports), on time {timely} ({on_time}). "
        "Mean progress averages each unit's quotas (completion for level indicators), each counted at most 100%; "
        "equal means go by on-time rate, then reporting rate. Only reporting periods that have ended count.",
    )
    day = Text("{month}{day}日", "{day} {month}")  # a date of the plan's own year in running text: 6月30日
    day_with_year = Text("{year}年{month}{day}日", "{day} {month} {year}")
    colon = Text("：", ": ")
    comma = Text("，", ", ")
    semicolon = Text("；", "; ")
    list_sep = Text("、", ", ")  # between the items of a list of names
    entry_wrote = Text("已写入 {path}", "wrote {path}")
    entry_replaced = Text("已替换 {path}（原有报送的数值不同）", "replaced {path} (it held other figures)")
    entry_unchanged = Text("{path} 已是相同内容，未改写（unchanged）", "{path} unchanged: it already holds these figures")
    entry_exists = Text(
        "{path} 已存在且数值不同，未写入；确认替换请加 --force",
        "{path} already exists with other figures; nothing written (add --force to replace it)",
    )
    entry_dry_run = Text("试运行：校验通过，未写入 {path}", "dry run: valid, {path} not written")
    entry_own_broken = Text(
        "本单位的报送 {path} 有错误，未写入：预填和校验需要本单位全部报送，请先修正（minzheng validate）",
        "{path}, a report of this unit, has errors; nothing written: the pre-fill and the checks "
        "need all of the unit's reports (run minzheng validate and fix it first)",
    )


class EngineMsg(Catalogue):
    """Problems the engine finds in what a command asks for: a broken plan, a filter that names nothing."""

    targets_broken = Text(
        "{path}/targets.yaml 有错误：请运行 `minzheng validate` 查看",
        "{path}/targets.yaml has errors; run `minzheng validate` to see them",
    )
    unknown_unit = Text(
        '未知单位"{unit}"{hint}（可写单位名称、编号或统计代码：{units}）',
        "unknown unit '{unit}'{hint} (give a unit's Chinese name, id or code: {units})",
    )
    span_outside_plan = Text(
        "{period} 不在计划期（{start}至{end}）内", "{period} lies outside the plan period ({start} to {end})"
    )
    unknown_task = Text("没有任务 {task}：任务序号为 1–{n}", "there is no task {task}; tasks are numbered 1–{n}")
    unknown_filter = Text(
        '--only 的"{only}"既不是状态也不是灯色：请用以下之一（中文或代码均可）：{words}',
        "--only '{only}' is neither a status nor a light; use one of these (the Chinese word or the code): {words}",
    )


def word(table: type[Catalogue], code: str | None, lang: Lang) -> str:
    """The word for `code` in one of the code-keyed tables (Status, Light, Kind, Milestone); — for none."""
    if code is None:
        return "—"
    found = getattr(table, code)
    assert isinstance(found, Text), code
    return found.render(lang)
