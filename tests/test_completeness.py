"""报送情况 (DESIGN §2.7): expected periods, reported, on time, missed and late, per unit and overall."""

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
D = date(2025, 1, 22)  # a Wednesday in W04: the current week counts as expected

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
    assert periods(plan, D) == [W01, W02, W03, W04]
    assert period_of("weekly", date(2025, 1, 5)) == W01  # Sunday ends the week
    assert period_of("weekly", date(2025, 1, 6)) == W02
    assert periods(plan, date(2025, 1, 1)) == [W01]
    assert periods(plan, date(2024, 12, 31)) == []  # before the plan
    # after the plan: clamped to 2025-12-31, whose week is 2026-W01 (2025-12-29 … 2026-01-04);
    # 2024-12-30 … 2025-12-29 is 364 days = 52 weeks, so 53 periods
    late = periods(plan, date(2026, 2, 1))
    assert len(late) == 53
    assert late[-1] == Period(date(2025, 12, 29), date(2026, 1, 4), "2026-W01")


def test_weekly_completeness() -> None:
    c = completeness(make_targets(), WEEKLY_REPORTS, D)
    assert c.periods == (W01, W02, W03, W04)
    assert [u.unit for u in c.units] == ["qu", "a", "b", "c"]  # every unit, district included

    a = c.unit("a")
    assert a is not None
    assert (a.expected, a.reported, a.on_time, a.missed, a.late) == (4, 4, 4, (), ())
    assert (a.rate, a.on_time_rate) == (1, 1)

    b = c.unit("b")
    assert b is not None
    assert (b.expected, b.reported, b.on_time) == (4, 3, 2)
    assert b.missed == (W04,)
    assert b.late == (W01,)
    assert (b.rate, b.on_time_rate) == (Fraction(3, 4), Fraction(1, 2))

    unit_c = c.unit("c")
    assert unit_c is not None
    assert (unit_c.reported, unit_c.on_time) == (1, 1)
    assert unit_c.missed == (W01, W03, W04)  # the report as of 01-24 is after D

    qu = c.unit("qu")
    assert qu is not None
    assert (qu.reported, qu.missed, qu.rate) == (0, (W01, W02, W03, W04), 0)

    # overall: counts over counts: 4 units × 4 weeks = 16 expected; 4 + 3 + 1 + 0 = 8 reported;
    # 4 + 2 + 1 + 0 = 7 on time
    assert (c.expected, c.reported, c.on_time) == (16, 8, 7)
    assert (c.rate, c.on_time_rate) == (Fraction(1, 2), Fraction(7, 16))


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
    assert [p.label for p in c.periods] == ["2025-01", "2025-02", "2025-03"]
    assert c.periods[1] == Period(date(2025, 2, 1), date(2025, 2, 28), "2025-02")
    a = c.unit("a")
    assert a is not None
    assert (a.expected, a.reported, a.on_time) == (3, 3, 2)
    assert [p.label for p in a.late] == ["2025-02"]
    # 4 units × 3 months = 12 expected, 3 reported, 2 on time
    assert (c.expected, c.reported, c.on_time) == (12, 3, 2)
    assert (c.rate, c.on_time_rate) == (Fraction(1, 4), Fraction(1, 6))
    # December's period ends on the 31st
    assert period_of("monthly", date(2025, 12, 5)) == Period(date(2025, 12, 1), date(2025, 12, 31), "2025-12")


def test_nothing_expected_before_the_plan() -> None:
    c = completeness(make_targets(), WEEKLY_REPORTS, date(2024, 12, 31))
    assert c.periods == ()
    assert (c.expected, c.rate, c.on_time_rate) == (0, None, None)
    a = c.unit("a")
    assert a is not None and a.rate is None
