"""The weekly report's core (`weekly.from_snapshot`) and its words, on the tiny plan of conftest, worked by hand.

The tiny plan has `pace: days`, `cadence: monthly`, `timely_days: 5`, and the breakdown of conftest
(1.1: 南浔镇 60, 双林镇 50, 浔溪街道 40; 2.1: 南浔镇 90, 双林镇 90, baseline 82.5).

D = 2025-03-15 (a Saturday, in ISO week 2025-W11), so the week reported is the last one ended by D, 2025-W10
(03-03 … 03-09), and the previous report date is 2025-03-08.
Pace (days): 2025-03-15 is day 74 of 365 → 74/365 = 20.27%; 2025-03-08 is day 67 → 18.36%.

Reports (values carried forward):
    xunxi     01-31  1.1: 1
    shuanglin 02-28  1.1: 2
    district  03-01  2.3: 14000, 3.1: 4 (cap 3), 3.2: in_progress (due 04-05)
    nanxun    03-07  1.1: 4, 1.2: 2, 2.1: 85/100, 3.3: in_progress
    shuanglin 03-10  1.1: 3, submitted 04-07 (March is due by 03-31 + 5 = 04-05: late)
    district  03-12  2.2: 90/20000 (per 10,000: 45)
    nanxun    03-14  1.1: 6

At D:
    1.1  6 + 3 + 1 = 10 of 150 → 6.67%, gap 20.27 − 6.67 = 13.61 > 10 → behind, yellow; at 03-08 it was
         4 + 2 + 1 = 7 (behind too): moved by 南浔镇 +2人, 双林镇 +1人.
         Units against quotas: 南浔镇 6/60 = 10%, 双林镇 3/50 = 6%, 浔溪街道 1/40 = 2.5%: all behind.
    1.2  2 of 50 → 4%, gap 16.27 → behind, yellow (unchanged since 03-08: 南浔镇's 2 dates from 03-07).
         No quotas: the townships by actual, no value first: 双林镇, 浔溪街道, 南浔镇.
    2.1  85% with baseline 82.5 → progress 2.5/7.5 = 33.3% → ahead (unchanged).
    2.2  45 (first figure, 03-12) → not_met, yellow: changed from no_data.
    2.3  14000 < 15000, no baseline → not_met, yellow.
    3.1  4 > 3 → over_cap, red.
    3.2  in progress, due 04-05, 21 days left → due_soon, yellow (28 days at 03-08: due_soon too).
    3.3  南浔镇 in progress only → pending (推进中), green.

Reporting (monthly): the last month ended by D is February (deadline 02-28 + 5 = 03-05, passed): only 双林镇
reported for it (02-28, on time); March is still running and owed by no one. The year: January and February × 4
units = 8 expected, 2 reported (xunxi in January, shuanglin in February), both on time.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from conftest import DataDir, report, write_march_week
from minzheng_cli.engine import snapshot
from minzheng_cli.engine.completeness import Period
from minzheng_cli.engine.weekly import UnitMove, Weekly, from_snapshot
from minzheng_cli.render import report_text
from minzheng_cli.render.report_words import document

D = date(2025, 3, 15)
PACE = Fraction(74, 365)


@pytest.fixture
def week(data: DataDir) -> Weekly:
    write_march_week(data)
    loaded = data.load()
    assert loaded.diagnostics == []
    return from_snapshot(snapshot.take(loaded, D))


def test_dates(week: Weekly) -> None:
    assert week.as_of == D
    assert week.previous.as_of == date(2025, 3, 8)
    assert week.period == Period(date(2025, 3, 3), date(2025, 3, 9), "2025-W10")
    assert week.compared_with == date(2025, 3, 8)
    assert week.plan_pace == PACE


def test_same_numbers_as_status(week: Weekly) -> None:
    result = week.current.result
    assert result.by_status() == {"due_soon": 1, "over_cap": 1, "pending": 1, "not_met": 2, "ahead": 1,
                                  "behind": 2}
    assert result.by_light() == {"green": 2, "yellow": 5, "red": 1}


def test_changes(week: Weekly) -> None:
    assert [(c.new.id, c.old.actual, c.new.actual, c.old.status, c.new.status) for c in week.changes] == [
        ("1.1", 7, 10, "behind", "behind"),
        ("2.2", None, 45, "no_data", "not_met"),
    ]
    assert week.changes[0].units == (UnitMove("nanxun", Fraction(4), Fraction(6)),
                                     UnitMove("shuanglin", Fraction(2), Fraction(3)))
    assert week.changes[1].units == (UnitMove("district", None, Fraction(45)),)


def test_alerts(week: Weekly) -> None:
    # every yellow or red light but the 临期 3.2: red first; then the larger gap: 1.2 (16.27 points) before 1.1
    # (13.61 points); the levels not met (no gap) last, in plan order
    assert [(a.result.id, a.result.status, a.result.light) for a in week.alerts] == [
        ("3.1", "over_cap", "red"), ("1.2", "behind", "yellow"), ("1.1", "behind", "yellow"),
        ("2.2", "not_met", "yellow"), ("2.3", "not_met", "yellow")]
    cap, part, whole, _, _ = week.alerts
    assert whole.result.gap == (PACE - Fraction(10, 150)) * 100
    assert [u.unit for u in whole.responsible] == ["xunxi", "shuanglin", "nanxun"]
    assert [u.unit for u in part.responsible] == ["shuanglin", "xunxi", "nanxun"]
    assert (part.lagging, cap.responsible, cap.lagging) == (3, (), 0)


def test_due_soon(week: Weekly) -> None:
    assert [(d.result.id, d.days_left) for d in week.due_soon] == [("3.2", 21)]


def test_yellow_and_red_lights_are_all_listed_once(week: Weekly) -> None:
    listed = [a.result.id for a in week.alerts] + [d.result.id for d in week.due_soon]
    lit = [r.id for r in week.current.result.indicators if r.light in ("yellow", "red")]
    assert sorted(listed) == sorted(lit) and len(set(listed)) == len(listed)
    assert week.lit == 6


def test_reporting(week: Weekly) -> None:
    rep = week.reporting
    assert rep.period == Period(date(2025, 2, 1), date(2025, 2, 28), "2025-02")
    assert rep.owed
    assert rep.expected == ("nanxun", "shuanglin", "xunxi", "district")
    assert rep.missing == ("nanxun", "xunxi", "district")
    assert (rep.reported, rep.late, rep.rejected, rep.within_deadline) == (1, (), (), ())
    assert (rep.year.expected, rep.year.reported, rep.year.on_time) == (8, 2, 2)


def test_ranking(week: Weekly) -> None:
    # nanxun: mean of 1.1 progress 1/10 and 2.1 completion 85/90; shuanglin: 3/50 and 0 (no 2.1 value);
    # xunxi: 1/40 (none of them ties, so the rates do not matter here)
    assert [(r.rank, r.unit, r.score) for r in week.ranking] == [
        (1, "nanxun", (Fraction(1, 10) + Fraction(85, 90)) / 2),
        (2, "shuanglin", Fraction(3, 100)),
        (3, "xunxi", Fraction(1, 40)),
    ]


def test_chinese_words(week: Weekly) -> None:
    text = report_text.as_text(document(week, "zh"))
    joined = text.replace("\n   ", "")  # continuation lines joined back to their item
    assert text.startswith("测试区2025年民政工作要点推进情况周报\n2025年第10周（3月3日至3月9日），数据截至3月15日\n")
    for line in [
        "1. 全年8项指标中，超进度1项、欠进度2项、临期1项、推进中1项、未达标2项、超出上限1项。",
        "2. 亮灯情况：绿灯2项、黄灯5项、红灯1项。",
        "3. 全年序时进度为20.3%（按天数计算）；亮黄灯、红灯的6项中，5项列入欠进度与预警，1项列入临期事项。",
        "二、本周变化（与3月8日相比）",
        "1. 新增持证护理员（1.1）：由7人增至10人，欠进度；变动单位：南浔镇+2人、双林镇+1人。",
        "1. 【红灯】供养机构总数（3.1）：实际4个，超出上限3个。",
        "1. 清明祭扫工作方案（3.2）：4月5日到期，还有21天，目前进行中。",
        "1. 2月应报4个单位，已报1个，未报3个：南浔镇、浔溪街道、区民政局。",
        "2. 无迟报单位。",
        "3. 全年截至2月28日的报送周期，报送率25.0%（应报8份，已报2份），按时报送率25.0%。",
        "1. 南浔镇：分解任务平均进度52.2%，按时报送率0.0%，报送率0.0%。",  # January and February: nothing
    ]:
        assert line in joined.splitlines(), line
    # 2.2 first reported this week; 1.2's warning names the townships without a figure first
    assert "2. 每万名老年人拥有持证护理员（2.2）：首次报送，为45张，由无数据转为未达标；变动单位：区民政局。" \
        in joined
    assert ("2. 【黄灯】其中\"双证\"护理员（1.2）：实际2人，完成率4.0%，序时进度20.3%，落后16.3个百分点；"
            "靠后单位：双林镇（未报）、浔溪街道（未报）、南浔镇（2人）。") in joined


def test_english_words(week: Weekly) -> None:
    text = report_text.as_text(document(week, "en")).replace("\n   ", " ")
    assert "1. [red] 供养机构总数 (3.1): actual 4个, over the cap of 3个." in text
    assert "1. 新增持证护理员 (1.1): up from 7人 to 10人, behind; moved by 南浔镇 +2人, 双林镇 +1人." in text
    assert "1. In Feb, 4 units were due to report, 1 did; 3 did not: 南浔镇, 浔溪街道, 区民政局." in text


def test_quiet_first_day(data: DataDir) -> None:
    # on the plan's first day the previous date is clamped to it: nothing moved; January has not ended, so no
    # unit owes its report yet: every one is within the deadline, none 未报
    week = from_snapshot(snapshot.take(data.load(), date(2025, 1, 1)))
    assert (week.as_of, week.previous.as_of, week.changes, week.alerts) == (date(2025, 1, 1), date(2025, 1, 1),
                                                                             (), ())
    assert not week.reporting.owed and week.reporting.missing == ()
    assert week.reporting.within_deadline == ("nanxun", "shuanglin", "xunxi", "district")
    assert week.reporting.year.expected == 0
    text = report_text.as_text(document(week, "zh")).replace("\n   ", "")
    assert "本周各项指标均无变化。" in text
    assert "除临期事项外，没有亮黄灯或红灯的指标。" in text
    assert "1. 1月应报4个单位，已报0个，尚在报送时限内4个：南浔镇、双林镇、浔溪街道、区民政局。" in text
    assert "3. 全年尚无已结束的报送周期。" in text


def test_after_the_plan_is_clamped(data: DataDir) -> None:
    week = from_snapshot(snapshot.take(data.load(), date(2026, 2, 1)))
    assert (week.as_of, week.previous.as_of) == (date(2025, 12, 31), date(2025, 12, 24))
    assert week.current.clamped


@pytest.mark.parametrize("text", [
    "一二三四五六七八九十" * 12,
    "新增持证护理员（1.1）：由7人增至10人，欠进度；变动单位：南浔镇+2人、双林镇+1人。" * 4,
    "word " * 40,
    "x" * 200,
])
def test_wrap_fits(text: str) -> None:
    lines = report_text.wrap(text, "12. ", "    ")
    assert all(report_text.width(line) <= 80 for line in lines)
    assert "".join(line[4:] for line in lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_keeps_numbers_and_punctuation() -> None:
    text = "一" * 37 + "123人，" + "二" * 30
    lines = report_text.wrap(text, "1. ", "   ")
    # 3 + 74 columns leave 3: "123人，" (7 columns) moves whole to the next line
    assert lines[1].startswith("   123人，")
    assert not any(line.strip().startswith(("，", "。", "、", "）")) for line in lines)
    assert report_text.width("“双证”") == 8  # ambiguous quotes count 2, as a CJK font shows them


# ----------------------------------------------------------------------------------------------------
# 本期变化 grouped, milestone states and a milestone due today (DESIGN §2.2, §2.5; issue 9)


def _week(data: DataDir, day: date) -> Weekly:
    loaded = data.load()
    assert loaded.diagnostics == [], loaded.diagnostics
    return from_snapshot(snapshot.take(loaded, day))


def _text(week: Weekly, lang: str = "zh") -> str:
    return report_text.as_text(document(week, lang)).replace("\n   ", "")  # type: ignore[arg-type]


def test_status_changes_with_the_same_figures_are_grouped_in_one_item(data: DataDir) -> None:
    # 30 of 150 and 10 of 50 (20%) since 03-01: ahead of pace at 03-13 (19.7%), on pace at 03-20 (21.6%)
    data.write_report("nanxun", "2025-03-01", report("nanxun", "2025-03-01", '  "1.1": 30\n  "1.2": 10\n'))
    week = _week(data, date(2025, 3, 20))
    assert [(c.new.id, c.pace_only) for c in week.changes] == [("1.1", True), ("1.2", True)]
    changes = _text(week).split("二、")[1].split("三、")[0]
    assert changes.splitlines()[1:] == [
        "1. 数值未变、因序时推进状态变化的2项：新增持证护理员（1.1）由超进度转为达进度、其中\"双证\"护理员（1.2）"
        "由超进度转为达进度。", ""]


def test_a_change_moved_by_every_township_says_so_instead_of_naming_them(data: DataDir) -> None:
    for unit, before, after in (("nanxun", 5, 9), ("shuanglin", 4, 6), ("xunxi", 3, 4)):
        data.write_report(unit, "2025-03-07", report(unit, "2025-03-07", f'  "1.1": {before}\n'))
        data.write_report(unit, "2025-03-14", report(unit, "2025-03-14", f'  "1.1": {after}\n'))
    week = _week(data, date(2025, 3, 15))
    assert week.changes[0].every_township
    assert "新增持证护理员（1.1）：由12人增至19人，由欠进度转为达进度；变动单位：全部3个镇（街道）。" in _text(week)
    english = report_text.as_text(document(week, "en"))
    assert "moved by all 3 townships." in " ".join(english.split())


def test_a_milestone_is_shown_as_reported(data: DataDir) -> None:
    data.write_report("district", "2025-01-31", report("district", "2025-01-31", '  "3.2": not_started\n'))
    data.write_report("district", "2025-02-07", report("district", "2025-02-07", '  "3.2": in_progress\n'))
    data.write_report("nanxun", "2025-02-07", report("nanxun", "2025-02-07", '  "3.3": not_started\n'))
    week = _week(data, date(2025, 2, 7))
    text = _text(week)
    # the district milestone moved from 未开始 to 进行中 with the same actual (0): a change of its own
    assert "清明祭扫工作方案（3.2）：由未开始转为推进中；变动单位：区民政局。" in text
    # 总体进展 counts a pending milestone by the word of its state
    assert "推进中1项、未开始1项" in text
    before = _week(data, date(2025, 2, 6))
    assert "未开始1项" in _text(before) and "推进中" not in _text(before).split("二、")[0]


def test_a_milestone_due_today_is_overdue_and_not_due_soon(data: DataDir) -> None:
    data.write_report("district", "2025-03-01", report("district", "2025-03-01", '  "3.2": in_progress\n'))
    week = _week(data, date(2025, 4, 5))  # 3.2 is due 2025-04-05
    assert [d.result.id for d in week.due_soon] == []
    assert [(a.result.id, a.result.status, a.days_past_due) for a in week.alerts] == [("3.2", "overdue", 0)]
    assert "1. 【红灯】清明祭扫工作方案（3.2）：4月5日到期，尚未完成。" in _text(week)
    assert "30天内无到期的节点事项。" in _text(week)
    day_before = _week(data, date(2025, 4, 4))
    assert [(d.result.id, d.days_left) for d in day_before.due_soon] == [("3.2", 1)]
    assert "清明祭扫工作方案（3.2）：4月5日到期，还有1天，目前进行中。" in _text(day_before)
