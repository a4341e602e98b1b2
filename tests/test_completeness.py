"""报送情况 (DESIGN §2.7): expected periods (those ended by D), reported, on time, late, 退回, 时限内 and 未报, per
unit and overall."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from minzheng_cli.engine.completeness import Period, completeness, period_of, periods
from minzheng_cli.model.files import Report, Targets


def make_targets(cadence: str = "weekly", timely_days: str = "2") -> Targets:
    plan: dict[str, Any] = {
        "id": "test-2025",
        "title": "测试计划",
        "document": "测民〔2025〕1号",
        "issuer": "测试区民政局",
        "issued": "2025-01-01",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "pace": "days",
        "cadence": cadence,
        "timely_days": timely_days,
    }
    return Targets.model_validate(
        {
            "plan": plan,
            "units": [
                {"id": "qu", "name": "区民政局", "code": "330503", "kind": "district"},
                {"id": "a", "name": "甲镇", "code": "330503100", "kind": "town"},
                {"id": "b", "name": "乙镇", "code": "330503101", "kind": "town"},
                {"id": "c", "name": "丙街道", "code": "330503001", "kind": "subdistrict"},
            ],
            "tasks": [{"number": "1", "title": "任务", "section": "(一)"}],
            "indicators": [
                {
                    "id": "1.1",
                    "task": "1",
                    "name": "指标",
                    "kind": "cumulative",
                    "measure": "count",
                    "target": "10",
                    "uom": "人",
                    "reported_by": "townships",
                    "source": "原文。",
                }
            ],
        }
    )


def rep(unit: str, as_of: date, submitted: date | None = None) -> Report:
    return Report(
        path=f"data/progress/{unit}/{as_of.isoformat()}.yaml",
        unit=unit,
        as_of=as_of,
        submitted=submitted,
        values={},
    )


# 2025-01-01 is a Wednesday: its ISO week 2025-W01 runs Monday 2024-12-30 … Sunday 2025-01-05.
W01 = Period(date(2024, 12, 30), date(2025, 1, 5), "2025-W01")
W02 = Period(date(2025, 1, 6), date(2025, 1, 12), "2025-W02")
W03 = Period(date(2025, 1, 13), date(2025, 1, 19), "2025-W03")
W04 = Period(date(2025, 1, 20), date(2025, 1, 26), "2025-W04")
D = date(2025, 1, 22)  # a Wednesday in W04: W04 is still running, so only W01–W03 are owed

WEEKLY_REPORTS = [
    # a: every week, on time; a second, late report in W01 does not spoil the first, on-time one
    rep("a", date(2025, 1, 3)),
    rep("a", date(2025, 1, 4), submitted=date(2025, 1, 20)),
    rep("a", date(2025, 1, 10)),
    rep("a", date(2025, 1, 17)),
    rep("a", date(2025, 1, 21)),
    # b: W01 submitted 01-08, after 01-05 + 2 days = 01-07 → late;
    #    W02 submitted 01-14 = 01-12 + 2 → on time (inclusive); W03 no `submitted` → as_of → on time; no W04
    rep("b", date(2025, 1, 3), submitted=date(2025, 1, 8)),
    rep("b", date(2025, 1, 10), submitted=date(2025, 1, 14)),
    rep("b", date(2025, 1, 17)),
    # c: only W02; its report as of 01-24 is after D and does not count
    rep("c", date(2025, 1, 10)),
    rep("c", date(2025, 1, 24)),
]


def test_weekly_periods() -> None:
    plan = make_targets().plan
    assert periods(plan, D) == [W01, W02, W03]
    assert period_of("weekly", date(2025, 1, 5)) == W01  # Sunday ends the week
    assert period_of("weekly", date(2025, 1, 6)) == W02
    assert periods(plan, date(2025, 1, 5)) == [W01]  # a Sunday: its week has ended
    assert periods(plan, date(2025, 1, 4)) == []  # nothing has ended yet
    assert periods(plan, date(2024, 12, 31)) == []  # before the plan
    # after the plan: the week of 2025-12-31 is 2026-W01 (2025-12-29 … 2026-01-04), owed once it has ended;
    # 2024-12-30 … 2025-12-29 is 364 days = 52 weeks, so 53 periods; none after it
    late = periods(plan, date(2026, 2, 1))
    assert len(late) == 53
    assert late[-1] == Period(date(2025, 12, 29), date(2026, 1, 4), "2026-W01")


def test_weekly_completeness() -> None:
    c = completeness(make_targets(), WEEKLY_REPORTS, D)
    assert c.periods == (W01, W02, W03)
    assert [u.unit for u in c.units] == ["qu", "a", "b", "c"]  # every unit, district included

    a = c.unit("a")
    assert a is not None
    assert (a.expected, a.reported, a.on_time, a.missed, a.late) == (3, 3, 3, (), ())
    assert (a.rate, a.on_time_rate) == (1, 1)

    b = c.unit("b")
    assert b is not None
    assert (b.expected, b.reported, b.on_time) == (3, 3, 2)
    assert b.missed == ()  # W04, which b has not reported, is not owed yet
    assert b.late == (W01,)
    assert (b.rate, b.on_time_rate) == (1, Fraction(2, 3))

    unit_c = c.unit("c")
    assert unit_c is not None
    assert (unit_c.reported, unit_c.on_time) == (1, 1)
    assert unit_c.missed == (W01, W03)

    qu = c.unit("qu")
    assert qu is not None
    assert (qu.reported, qu.missed, qu.rate) == (0, (W01, W02, W03), 0)

    # overall: counts over counts: 4 units × 3 weeks = 12 expected; 3 + 3 + 1 + 0 = 7 reported;
    # 3 + 2 + 1 + 0 = 6 on time
    assert (c.expected, c.reported, c.on_time) == (12, 7, 6)
    assert (c.rate, c.on_time_rate) == (Fraction(7, 12), Fraction(1, 2))


def test_the_week_still_running_is_owed_by_no_one() -> None:
    # a Monday: the week that just began is in no rate; the week just past is (the "Monday report")
    monday = date(2025, 1, 20)
    c = completeness(make_targets(), WEEKLY_REPORTS, monday)
    assert c.periods == (W01, W02, W03)
    a = c.unit("a")
    assert a is not None and (a.expected, a.reported) == (3, 3)  # its W04 report (01-21) is after D anyway


def test_a_refused_file_is_rejected_not_missing() -> None:
    # c's W01 file was excluded for its errors: 退回 (received, not counted), not 未报
    c = completeness(make_targets(), WEEKLY_REPORTS, D, rejected=[("c", date(2025, 1, 3))])
    unit_c = c.unit("c")
    assert unit_c is not None
    assert (unit_c.rejected, unit_c.missed, unit_c.reported) == ((W01,), (W03,), 1)


def test_a_refused_file_beside_a_valid_one_changes_nothing() -> None:
    c = completeness(make_targets(), WEEKLY_REPORTS, D, rejected=[("a", date(2025, 1, 2))])
    a = c.unit("a")
    assert a is not None and (a.rejected, a.reported) == ((), 3)


def test_nothing_yet_before_the_deadline_is_within_it() -> None:
    # W03 ends 01-19; with timely_days 2 its deadline is 01-21: on 01-20 and 01-21 a unit without a W03
    # report is 时限内, from 01-22 on it is 未报
    for day, within in ((date(2025, 1, 20), (W03,)), (date(2025, 1, 21), (W03,)), (date(2025, 1, 22), ())):
        qu = completeness(make_targets(), WEEKLY_REPORTS, day).unit("qu")
        assert qu is not None
        assert qu.within_deadline == within, day
        assert (W03 in qu.missed) == (not within), day
        assert qu.expected == 3  # within its deadline still counts as expected, not yet reported


def test_later_d_sees_the_later_report() -> None:
    # at 2025-01-26 (end of W04) c's report as of 01-24 counts
    unit_c = completeness(make_targets(), WEEKLY_REPORTS, date(2025, 1, 26)).unit("c")
    assert unit_c is not None
    assert unit_c.missed == (W01, W03)


def test_monthly_completeness() -> None:
    targets = make_targets(cadence="monthly", timely_days="3")
    reports = [
        rep("a", date(2025, 1, 31), submitted=date(2025, 2, 3)),  # deadline 01-31 + 3 = 02-03 → on time
        rep("a", date(2025, 2, 28), submitted=date(2025, 3, 4)),  # deadline 02-28 + 3 = 03-03 → late
        rep("a", date(2025, 3, 10)),
    ]
    c = completeness(targets, reports, date(2025, 3, 15))
    assert [p.label for p in c.periods] == ["2025-01", "2025-02"]  # March is still running
    assert c.periods[1] == Period(date(2025, 2, 1), date(2025, 2, 28), "2025-02")
    a = c.unit("a")
    assert a is not None
    assert (a.expected, a.reported, a.on_time) == (2, 2, 1)
    assert [p.label for p in a.late] == ["2025-02"]
    # 4 units × 2 months = 8 expected, 2 reported, 1 on time
    assert (c.expected, c.reported, c.on_time) == (8, 2, 1)
    assert (c.rate, c.on_time_rate) == (Fraction(1, 4), Fraction(1, 8))
    # December's period ends on the 31st
    assert period_of("monthly", date(2025, 12, 5)) == Period(date(2025, 12, 1), date(2025, 12, 31), "2025-12")


def test_nothing_expected_before_the_plan() -> None:
    c = completeness(make_targets(), WEEKLY_REPORTS, date(2024, 12, 31))
    assert c.periods == ()
    assert (c.expected, c.rate, c.on_time_rate) == (0, None, None)
    a = c.unit("a")
    assert a is not None and a.rate is None
