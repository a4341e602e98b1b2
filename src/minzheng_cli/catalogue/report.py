"""Words of the weekly report (周报) and of its HTML charts, Chinese and English; {field}s are filled in by
`render.report_words` and `render.report_html`."""

from __future__ import annotations

from minzheng_cli.catalogue import Catalogue, Text


class Report(Catalogue):
    """The phrases of the weekly report, section by section."""

    title = Text("{title}推进情况周报", "Weekly progress report: {title}")
    title_month = Text("{title}推进情况月报", "Monthly progress report: {title}")
    title_quarter = Text("{title}推进情况季报", "Quarterly progress report: {title}")
    sample = Text("【示例数据】", "[SAMPLE DATA] ")  # before the title of a report on illustrative data (DESIGN §1)
    sample_note = Text(
        "示例数据：本报告的报送数字为虚构，仅供演示，非真实报送。",
        "Sample data: the reported figures in this report are invented, for demonstration only; no unit reported them.",
    )
    subtitle = Text(
        "{year}年第{week}周（{start}至{end}），数据截至{as_of}",
        "Week {week} of {year} ({start} to {end}), figures as of {as_of}",
    )
    subtitle_month = Text(
        "{year}年{month}（{start}至{end}），数据截至{as_of}",
        "{month} {year} ({start} to {end}), figures as of {as_of}",
    )
    subtitle_quarter = Text(
        "{year}年第{quarter}季度（{start}至{end}），数据截至{as_of}",
        "Q{quarter} {year} ({start} to {end}), figures as of {as_of}",
    )
    indicator = Text("{name}（{id}）", "{name} ({id})")
    stop = Text("。", ".")
    and_more = Text("等{n}个单位", " and others, {n} units in all")
    tag = Text("【{light}】", "[{light}] ")
    word_completion = Text("完成率", "completion")
    word_progress = Text("进度", "progress")
    # 一、总体进展
    h_overview = Text("一、总体进展", "I. Overall progress")
    count_status = Text("{status}{n}项", "{n} {status}")
    count_light = Text("{light}{n}项", "{n} {light}")
    overview_statuses = Text("全年{n}项指标中，{statuses}。", "Of {n} indicators: {statuses}.")
    overview_lights = Text("亮灯情况：{lights}。", "Lights: {lights}.")
    overview_no_lights = Text("尚无指标亮灯（均无数据）。", "No lights yet: no indicator has data.")
    overview_pace = Text(
        "全年序时进度为{pace}（按{by}计算）；亮黄灯、红灯的{lit}项中，{alerts}项列入欠进度与预警，{due}项列入临期事项。",
        "Time elapsed (序时进度) is {pace} of the year (by {by}); of the {lit} indicators with a yellow or red light, "
        "{alerts} are under behind schedule and warnings, {due} under items due.",
    )
    overview_pace_unlit = Text(
        "全年序时进度为{pace}（按{by}计算）；没有亮黄灯或红灯的指标。",
        "Time elapsed (序时进度) is {pace} of the year (by {by}); no indicator has a yellow or red light.",
    )
    # 二、本周变化
    h_changes = Text("二、本周变化（与{day}相比）", "II. Changes since {day}")
    changes_pace = Text(
        "数值未变、因序时推进状态变化的{n}项：{items}",
        "{n} changed status with the same figures, as time moved on: {items}",
    )
    change_pace_item = Text("{name}由{old}转为{new}", "{name} from {old} to {new}")
    every_township = Text("全部{n}个镇（街道）", "all {n} townships")
    changes_none = Text("本周各项指标均无变化。", "No indicator moved this week.")
    h_changes_span = Text("二、本期变化（与{day}相比）", "II. Changes since {day}")  # a month's or a quarter's
    changes_none_span = Text("本期各项指标均无变化。", "No indicator moved in this period.")
    change_up = Text("由{old}增至{new}", "up from {old} to {new}")
    change_down = Text("由{old}降至{new}", "down from {old} to {new}")
    change_first = Text("首次报送，为{actual}", "first figure, {actual}")
    change_same = Text("仍为{actual}", "still {actual}")
    change_status = Text("由{old}转为{new}", "from {old} to {new}")
    change_units = Text("变动单位：{units}", "moved by {units}")
    # 三、欠进度与预警
    h_alerts = Text("三、欠进度与预警", "III. Behind schedule and warnings")
    alerts_none = Text("除临期事项外，没有亮黄灯或红灯的指标。", "Apart from the items due, no indicator has a yellow or red light.")
    alert_behind = Text("实际{actual}，{label}{share}，序时进度{pace}", "actual {actual}, {label} {share}, pace {pace}")
    alert_completion = Text("（完成率{completion}）", " (completion {completion})")
    alert_gap = Text("落后{gap}个百分点", "{gap} points behind")
    alert_not_met = Text(
        "实际{actual}，目标{target}，完成率{completion}；无基线，不与序时进度比较",
        "actual {actual}, target {target}, completion {completion}; no baseline, so not compared with time elapsed",
    )
    alert_projection = Text(
        "按近四周进度，到期预计{value}（完成率{completion}）",
        "at the last four weeks' rate, {value} by the due date (completion {completion})",
    )
    alert_missed = Text(
        "{due}到期未完成，实际{actual}，目标{target}，完成率{completion}",
        "missed its due date {due}: actual {actual}, target {target}, completion {completion}",
    )
    alert_overdue = Text("应于{due}完成，已逾期{days}天", "due {due}, overdue by {days} days")
    alert_due_today = Text("{due}到期，尚未完成", "due today ({due}) and not done")
    alert_overdue_townships = Text("应于{due}完成，已完成{done}/{n}个单位，已逾期", "due {due}, done in {done} of {n} units, overdue")
    alert_over_cap = Text("实际{actual}，超出上限{target}", "actual {actual}, over the cap of {target}")
    alert_lagging = Text("靠后单位：{units}", "furthest behind: {units}")
    alert_not_done = Text("尚未完成：{units}", "not done: {units}")
    unit_delta = Text("{unit}{delta}", "{unit} {delta}")
    unit_figure = Text("{unit}（{figure}）", "{unit} ({figure})")
    unit_no_report = Text("{unit}（未报）", "{unit} (no figure)")
    # 四、临期事项
    h_due = Text("四、临期事项（{n}天内到期）", "IV. Due within {n} days")
    due_none = Text("{n}天内无到期的节点事项。", "No milestone is due within {n} days.")
    due_when = Text("{due}到期，{when}", "due {due}, {when}")
    due_days = Text("还有{days}天", "{days} days left")
    due_state = Text("目前{state}", "now {state}")
    due_townships = Text("已完成{done}/{n}个单位", "done in {done} of {n} units")
    due_no_report = Text("尚无报送", "nothing reported yet")
    # 五、数据核查
    h_checks = Text("五、数据核查", "V. Data checks")
    checks_none = Text("本期报送未发现需要核查的数字。", "No figure reported this week needs checking.")
    check_item = Text("{unit}{day}的报送：{message}", "{unit}, report as of {day}: {message}")
    # 六、报送情况
    h_reporting = Text("六、报送情况", "VI. Reporting")
    reporting_all = Text("{period}应报{n}个单位，均已报送。", "{period}, {n} units were due to report; all did.")
    reporting_head = Text("{period}应报{n}个单位，已报{k}个", "{period}, {n} units were due to report, {k} did")
    reporting_missing = Text("，未报{m}个：{units}", "; {m} did not: {units}")
    reporting_rejected = Text(
        "，退回{m}个（报送文件有错误，未计入）：{units}", "; {m} sent back (the file had errors, not counted): {units}"
    )
    reporting_within = Text("，尚在报送时限内{m}个：{units}", "; {m} still within the deadline: {units}")
    reporting_late = Text("迟报{m}个：{units}。", "{m} reported late: {units}.")
    reporting_late_one = Text("{unit}（{day}报送）", "{unit} (sent {day})")
    reporting_late_times = Text("{unit}（迟报{k}次，最近一次{day}报送）", "{unit} ({k} late, the last sent {day})")
    reporting_no_late = Text("无迟报单位。", "No unit reported late.")
    reporting_year = Text(
        "全年截至{end}的报送周期，报送率{rate}（应报{expected}份，已报{reported}份），按时报送率{on_time}。",
        "Reporting periods of the year to {end}: reporting rate {rate} ({reported} of {expected} reports), "
        "on time {on_time}.",
    )
    reporting_year_none = Text("全年尚无已结束的报送周期。", "No reporting period of the year has ended yet.")
    # 七、单位排名
    col_quotas = Text("分解任务数", "Quotas")
    h_ranking = Text("七、单位排名", "VII. Township ranking")
    ranking_entry = Text(
        "{unit}：分解任务平均进度{score}，按时报送率{timely}，报送率{rate}。",
        "{unit}: mean progress on quotas {score}, on-time rate {timely}, reporting rate {rate}.",
    )
    ranking_no_quota = Text(
        "{unit}：无分解任务，报送率{rate}，按时报送率{timely}。",
        "{unit}: no quotas, reporting rate {rate}, on-time rate {timely}.",
    )
    ranking_note = Text(
        "平均进度为各分解任务进度的平均值（水平类按完成率计），每项最高按100%计；相同时按按时报送率、报送率排序。",
        "Mean progress averages the unit's quotas (completion for a level), each counted at most 100%; ties go by "
        "on-time rate, then reporting rate.",
    )


class ReportPeriod(Catalogue):
    """The reporting period of 报送情况, by the plan's cadence."""

    weekly = Text("本周", "This week")
    monthly = Text("{month}", "In {month}")  # the month that has ended: 5月
    weeks_of = Text("本期{n}个报送周", "In the {n} reporting weeks of the period")  # a 月报/季报, weekly cadence
    months_of = Text("本期{n}个报送月", "In the {n} reporting months of the period")  # a 季报, monthly cadence


class Chart(Catalogue):
    """Captions and legends of the HTML report's charts."""

    indicators = Text("各项指标进度与序时进度", "Progress of each indicator against time elapsed (序时进度)")
    units = Text("各镇（街道）分解任务平均进度与序时进度", "Townships: mean progress on quotas against time elapsed")
    mean = Text("平均进度", "mean progress")
    progress = Text("进度（无序时比较的为完成率）", "progress (completion where pace does not apply)")
    pace = Text("序时进度", "time elapsed")
    no_quota = Text("无分解任务", "no quotas")


class Brief(Catalogue):
    """The leader's version of the report (`report --brief`): at most ten lines."""

    title = Text("{title}（简报）", "{title} (brief)")
    overall = Text("总体：{n}项指标，{lights}；序时进度{pace}。", "Overall: {n} indicators, {lights}; time elapsed {pace}.")
    overall_unlit = Text("总体：{n}项指标，尚无指标亮灯；序时进度{pace}。", "Overall: {n} indicators, none lit yet; time elapsed {pace}.")
    reds = Text("红灯{n}项：", "{n} red:")
    no_reds = Text("红灯：无。", "Red: none.")
    red_gap = Text("{name}：{status}，落后序时进度{gap}个百分点。", "{name}: {status}, {gap} points behind time elapsed.")
    red_overdue = Text("{name}：{status}，应于{due}完成。", "{name}: {status}, due {due}.")
    red_missed = Text("{name}：{status}，完成率{completion}。", "{name}: {status}, completion {completion}.")
    red_cap = Text("{name}：{status}，实际{actual}，上限{target}。", "{name}: {status}, actual {actual}, cap {target}.")
    red_other = Text("{name}：{status}。", "{name}: {status}.")
    more_reds = Text("另有红灯{n}项，详见报告全文。", "{n} more red: see the full report.")
