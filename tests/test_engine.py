"""The numbers (DESIGN §2.1, 2.2, 2.4–2.6): carry forward, district actuals, status and light, per unit, ranking.

Every plan here is tiny and built as the YAML reader would hand it over (string scalars). Unless a test says
otherwise the plan runs 2025-01-01 … 2025-12-31 with `pace: months`, and D = 2025-09-30, where 9 of 12 months
have ended: pace = 3/4.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import pytest

from minzheng_cli.engine.completeness import completeness
from minzheng_cli.engine.ranking import rank_units
from minzheng_cli.engine.status import (
    IndicatorResult,
    UnitResult,
    ValueIndex,
    evaluate,
    history,
)
from minzheng_cli.model.files import Breakdown, Ratio, Report, Targets, Value

D = date(2025, 9, 30)  # months pace 9/12 = 3/4


def ind(
    id: str,
    kind: str,
    target: str | None = None,
    *,
    measure: str | None = None,
    factor: str | None = None,
    reported_by: str = "townships",
    due: str | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": id,
        "task": id.split(".")[0],
        "name": f"指标{id}",
        "kind": kind,
        "reported_by": reported_by,
        "source": "原文。",
    }
    if kind != "milestone":
        entry["measure"] = measure or "count"
        entry["uom"] = "%" if measure == "ratio" else "人"
        entry["target"] = target
    if factor is not None:
        entry["factor"] = factor
    if due is not None:
        entry["due"] = due
    return entry


def make_targets(
    *indicators: dict[str, Any],
    method: str = "months",
    towns: tuple[str, ...] = ("a", "b", "c"),
    tolerance: str | None = None,
    red: str | None = None,
) -> Targets:
    plan: dict[str, Any] = {
        "id": "test-2025",
        "title": "测试计划",
        "document": "测民〔2025〕1号",
        "issuer": "测试区民政局",
        "issued": "2025-01-01",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "pace": method,
        "cadence": "weekly",
        "timely_days": "3",
    }
    lights = {k: v for k, v in (("tolerance", tolerance), ("red", red)) if v is not None}
    if lights:
        plan["lights"] = lights
    tasks = sorted({int(i["task"]) for i in indicators})
    return Targets.model_validate(
        {
            "plan": plan,
            "units": [{"id": "qu", "name": "区民政局", "code": "330503", "kind": "district"}]
            + [{"id": t, "name": f"{t}镇", "code": f"330503{n:03d}", "kind": "town"} for n, t in enumerate(towns)],
            "tasks": [{"number": str(n), "title": f"任务{n}", "section": "(一)"} for n in range(1, max(tasks) + 1)],
            "indicators": list(indicators),
        }
    )


def typed(raw: int | str | tuple[int, int]) -> Value:
    if isinstance(raw, tuple):
        return Ratio(numerator=Fraction(raw[0]), denominator=Fraction(raw[1]))
    if isinstance(raw, int):
        return Fraction(raw)
    return raw  # type: ignore[return-value]  # a milestone word


def rep(unit: str, day: date, values: dict[str, int | str | tuple[int, int]]) -> Report:
    return Report(
        path=f"data/progress/{unit}/{day.isoformat()}.yaml",
        unit=unit,
        as_of=day,
        values={k: typed(v) for k, v in values.items()},
    )


def one(
    indicator: dict[str, Any],
    reports: list[Report],
    as_of: date = D,
    breakdown: Breakdown | None = None,
    **plan: Any,
) -> IndicatorResult:
    targets = make_targets(indicator, **plan)
    (result,) = evaluate(targets, breakdown, reports, as_of).indicators
    return result


def units_of(result: IndicatorResult) -> dict[str, UnitResult]:
    return {u.unit: u for u in result.units}


# --------------------------------------------------------------------------------------------------------
# §2.1 carry forward


CARRY = [
    rep("a", date(2025, 3, 1), {"1.1": 10, "1.2": 5}),
    rep("a", date(2025, 4, 1), {"1.1": 20}),  # 1.2 left out: keeps 5
    rep("a", date(2025, 5, 1), {"1.1": 99}),  # after D = 2025-04-15: ignored
]


def test_carry_forward() -> None:
    d = date(2025, 4, 15)
    at = ValueIndex(CARRY).at
    assert at("a", "1.2", d) == 5  # from 2025-03-01, left out on 2025-04-01
    assert at("a", "1.1", d) == 20  # 2025-04-01, not 99 from after D
    assert at("a", "1.1", date(2025, 4, 1)) == 20  # a report as of D counts
    assert at("a", "1.1", date(2025, 3, 31)) == 10
    assert at("a", "1.1", date(2025, 2, 28)) is None  # before any report
    assert at("b", "1.1", d) is None  # a unit without reports
    assert at("a", "9.9", d) is None  # an indicator never reported
    # the order the reports come in does not matter
    index = ValueIndex(reversed(CARRY))
    assert index.at("a", "1.2", d) == 5
    assert index.at("a", "1.1", d) == 20
    assert index.at("a", "1.1", date(2025, 12, 31)) == 99


def test_evaluate_carries_forward_and_ignores_reports_after_d() -> None:
    targets = make_targets(ind("1.1", "cumulative", "100"), ind("1.2", "cumulative", "10"))
    result = evaluate(targets, None, CARRY, date(2025, 4, 15))
    assert [r.actual for r in result.indicators] == [20, 5]


# --------------------------------------------------------------------------------------------------------
# §2.2 district actuals


def test_township_count_is_the_sum_over_units_with_a_value() -> None:
    r = one(ind("1.1", "cumulative", "100"), [rep("a", D, {"1.1": 30}), rep("b", D, {"1.1": 20})])
    # 30 + 20 (c has no value) = 50; progress 50/100 = 1/2; gap (3/4 − 1/2) × 100 = 25 points:
    # over the default tolerance 10, not over the default red 30 → behind, yellow
    assert r.actual == 50
    assert r.target == 100
    assert r.completion == r.progress == Fraction(1, 2)
    assert r.pace == Fraction(3, 4)
    assert r.gap == 25
    assert (r.status, r.light) == ("behind", "yellow")
    assert [(u.unit, u.actual) for u in r.units] == [("a", 30), ("b", 20), ("c", None)]


def test_ratio_pools_numerators_and_denominators() -> None:
    r = one(
        ind("5.1", "level", "90", measure="ratio", factor="100"),
        [rep("a", D, {"5.1": (9, 10)}), rep("b", D, {"5.1": (50, 100)})],
    )
    # unit rates 90% and 50% (their mean would be 70%); pooled: 100 × (9 + 50) / (10 + 100) = 590/11 ≈ 53.64%
    assert r.actual == Fraction(590, 11)
    assert r.actual != 70
    assert r.completion == Fraction(590, 11) / 90  # = 59/99
    assert r.completion == Fraction(59, 99)
    # a level without baseline: no progress, no pace comparison; below target → not_met, yellow
    assert r.progress is None and r.gap is None
    assert (r.status, r.light) == ("not_met", "yellow")
    assert [(u.unit, u.actual) for u in r.units] == [("a", 90), ("b", 50), ("c", None)]


def test_ratio_per_ten_thousand() -> None:
    r = one(
        ind("2.1", "level", "3", measure="ratio", factor="10000"),
        [rep("a", D, {"2.1": (6, 20000)}), rep("b", D, {"2.1": (2, 10000)})],
    )
    # 10000 × (6 + 2) / (20000 + 10000) = 8/3 per 10,000; units 3 and 2
    assert r.actual == Fraction(8, 3)
    assert units_of(r)["a"].actual == 3
    assert units_of(r)["b"].actual == 2


def test_township_milestone_counts_townships_done() -> None:
    milestone = ind("3.2", "milestone")
    r = one(milestone, [rep("a", D, {"3.2": "done"}), rep("b", D, {"3.2": "in_progress"})])
    # 1 of 3 townships done (c has no value: not done); due 2025-12-31 is 92 days away → pending, green
    assert r.actual == 1
    assert r.progress == Fraction(1, 3)
    assert r.target is None and r.completion is None
    assert (r.status, r.light) == ("pending", "green")
    assert [(u.unit, u.actual, u.status) for u in r.units] == [("a", 1, None), ("b", 0, None), ("c", None, None)]

    two_of_three = one(milestone, [rep("a", D, {"3.2": "done"}), rep("b", D, {"3.2": "done"})])
    assert (two_of_three.actual, two_of_three.status) == (2, "pending")  # c has not reported done

    all_done = one(milestone, [rep(t, D, {"3.2": "done"}) for t in "abc"])
    assert (all_done.actual, all_done.progress, all_done.status, all_done.light) == (3, 1, "done", "green")


def test_district_milestone() -> None:
    milestone = ind("3.2", "milestone", reported_by="district")
    r = one(milestone, [rep("qu", D, {"3.2": "in_progress"})])
    assert (r.actual, r.progress, r.target, r.status) == (0, 0, None, "pending")
    assert r.units == ()
    r = one(milestone, [rep("qu", D, {"3.2": "done"})])
    assert (r.actual, r.progress, r.status, r.light) == (1, 1, "done", "green")


def test_district_milestone_state_is_the_word_reported() -> None:
    milestone = ind("3.2", "milestone", reported_by="district")
    for word in ("not_started", "in_progress", "done"):
        assert one(milestone, [rep("qu", D, {"3.2": word})]).state == word
    assert one(milestone, []).state is None  # no value
    assert one(ind("1.1", "cumulative", "100"), [rep("a", D, {"1.1": 1})]).state is None  # not a milestone


def test_township_milestone_state_and_each_units_own() -> None:
    milestone = ind("3.2", "milestone")
    r = one(milestone, [rep("a", D, {"3.2": "not_started"}), rep("b", D, {"3.2": "in_progress"})])
    assert [(u.unit, u.state) for u in r.units] == [("a", "not_started"), ("b", "in_progress"), ("c", None)]
    assert r.state == "in_progress"  # one township at work
    # every township that reported has not started: not started
    assert one(milestone, [rep("a", D, {"3.2": "not_started"})]).state == "not_started"
    # one done, the others not started: under way
    assert one(milestone, [rep("a", D, {"3.2": "done"}), rep("b", D, {"3.2": "not_started"})]).state == "in_progress"
    # done only when every township is done
    assert one(milestone, [rep(t, D, {"3.2": "done"}) for t in "ab"]).state == "in_progress"
    assert one(milestone, [rep(t, D, {"3.2": "done"}) for t in "abc"]).state == "done"
    assert one(milestone, []).state is None


def test_district_count_is_the_district_units_value() -> None:
    r = one(ind("4.1", "cumulative", "49000", reported_by="district"), [rep("qu", D, {"4.1": 36750})])
    # 36750 / 49000 = 3/4 = pace → gap 0 → on_pace
    assert (r.actual, r.progress, r.gap, r.status) == (36750, Fraction(3, 4), 0, "on_pace")
    assert r.units == ()


# --------------------------------------------------------------------------------------------------------
# §2.5 the status table, row by row


def test_no_data() -> None:
    for indicator in (ind("1.1", "cumulative", "100"), ind("2.1", "cap", "3"), ind("3.1", "milestone")):
        r = one(indicator, [rep("a", D, {})])  # a report without the indicator
        assert (r.actual, r.status, r.light) == (None, "no_data", None)
        assert r.completion is None and r.progress is None and r.gap is None
        assert r.pace == Fraction(3, 4)  # every indicator has a pace


def test_cap_within_inclusive_and_over() -> None:
    cap = ind("2.1", "cap", "3", reported_by="district")
    # 3 ≤ 3 (inclusive) → within_cap, green; no completion or progress for a cap
    r = one(cap, [rep("qu", D, {"2.1": 3})])
    assert (r.status, r.light, r.completion, r.progress) == ("within_cap", "green", None, None)
    # 4 > 3 → over_cap, red
    assert one(cap, [rep("qu", D, {"2.1": 4})]).status == "over_cap"
    assert one(cap, [rep("qu", D, {"2.1": 4})]).light == "red"
    # township cap: 1 + 2 = 3 → within
    r = one(ind("2.2", "cap", "3"), [rep("a", D, {"2.2": 1}), rep("b", D, {"2.2": 2})])
    assert (r.actual, r.status) == (3, "within_cap")


def test_done() -> None:
    cumulative = ind("1.1", "cumulative", "100")
    # actual = target, and over it
    assert one(cumulative, [rep("a", D, {"1.1": 100})]).status == "done"
    r = one(cumulative, [rep("a", D, {"1.1": 120})])
    assert (r.status, r.light, r.completion) == ("done", "green", Fraction(6, 5))
    # done wins over missed at the due date
    assert one(ind("1.1", "cumulative", "100", due="2025-06-30"), [rep("a", D, {"1.1": 100})]).status == "done"
    # a level at its target
    assert one(ind("5.1", "level", "90"), [rep("a", D, {"5.1": 90})]).status == "done"


QINGMING = ind("3.1", "milestone", reported_by="district", due="2025-04-05")


def test_overdue() -> None:
    in_progress = [rep("qu", date(2025, 3, 1), {"3.1": "in_progress"})]
    # D = due: not done → overdue (D ≥ due is inclusive)
    r = one(QINGMING, in_progress, as_of=date(2025, 4, 5))
    assert (r.status, r.light) == ("overdue", "red")
    assert one(QINGMING, in_progress, as_of=date(2025, 8, 1)).status == "overdue"
    # done in time stays done after the due date
    assert one(QINGMING, [rep("qu", date(2025, 4, 1), {"3.1": "done"})], as_of=date(2025, 8, 1)).status == "done"


def test_a_milestone_due_today_is_overdue_not_due_soon() -> None:
    reports = [rep("qu", date(2025, 3, 1), {"3.1": "in_progress"})]
    assert one(QINGMING, reports, as_of=date(2025, 4, 5)).status == "overdue"  # due − D = 0
    assert one(QINGMING, reports, as_of=date(2025, 4, 4)).status == "due_soon"  # due − D = 1


def test_due_soon_and_pending() -> None:
    reports = [rep("qu", date(2025, 3, 1), {"3.1": "not_started"})]
    # 2025-04-05 − 2025-03-06 = 25 (rest of March) + 5 = 30 days ≤ 30 → due_soon, yellow
    r = one(QINGMING, reports, as_of=date(2025, 3, 6))
    assert (r.status, r.light) == ("due_soon", "yellow")
    assert one(QINGMING, reports, as_of=date(2025, 4, 4)).status == "due_soon"  # 1 day
    # 2025-03-05: 31 days → pending, green
    r = one(QINGMING, reports, as_of=date(2025, 3, 5))
    assert (r.status, r.light) == ("pending", "green")


def test_missed() -> None:
    half_year = ind("1.1", "cumulative", "100", due="2025-06-30")
    reports = [rep("a", date(2025, 6, 20), {"1.1": 90})]
    # at the due date, 90 < 100 → missed, red
    r = one(half_year, reports, as_of=date(2025, 6, 30))
    assert (r.status, r.light, r.pace) == ("missed", "red", 1)
    # the day before: pace 5/6 (June not ended), progress 9/10: gap (5/6 − 9/10) × 100 = −20/3 → ahead
    r = one(half_year, reports, as_of=date(2025, 6, 29))
    assert r.gap == Fraction(-20, 3)
    assert r.status == "ahead"
    # a level below target at its due date: missed (before not_met)
    level = ind("5.1", "level", "90", due="2025-06-30")
    assert one(level, [rep("a", date(2025, 6, 1), {"5.1": 85})], as_of=date(2025, 6, 30)).status == "missed"


def test_not_met() -> None:
    r = one(ind("5.1", "level", "90"), [rep("a", D, {"5.1": 85})])
    assert (r.status, r.light, r.completion, r.progress) == ("not_met", "yellow", Fraction(17, 18), None)


def test_ahead() -> None:
    r = one(ind("1.1", "cumulative", "100"), [rep("a", D, {"1.1": 80})])
    # (3/4 − 80/100) × 100 = −5 < 0 → ahead, green
    assert (r.gap, r.status, r.light) == (-5, "ahead", "green")


def test_on_pace_at_exactly_the_tolerance() -> None:
    cumulative = ind("1.1", "cumulative", "100")
    # gap (3/4 − 3/4) = 0 → on_pace
    assert one(cumulative, [rep("a", D, {"1.1": 75})], tolerance="5").status == "on_pace"
    # pace 0.75, progress 0.70: exactly 5 points = tolerance 5 → on_pace (inclusive). In floating point the
    # gap is 5.000000000000004 and would come out "behind":
    assert (0.75 - 0.70) * 100 > 5
    r = one(cumulative, [rep("a", D, {"1.1": 70})], tolerance="5")
    assert r.gap == 5
    assert (r.status, r.light) == ("on_pace", "green")
    # 69: gap 6 > 5 → behind
    r = one(cumulative, [rep("a", D, {"1.1": 69})], tolerance="5")
    assert (r.gap, r.status, r.light) == (6, "behind", "yellow")
    # default tolerance 10: 65 → gap 10 → on_pace; 64 → gap 11 → behind
    assert one(cumulative, [rep("a", D, {"1.1": 65})]).status == "on_pace"
    assert one(cumulative, [rep("a", D, {"1.1": 64})]).status == "behind"


def test_behind_yellow_and_red() -> None:
    cumulative = ind("1.1", "cumulative", "100")
    # progress 45/100: gap 30 = red threshold 30 → still yellow (red only when gap > red)
    r = one(cumulative, [rep("a", D, {"1.1": 45})], tolerance="5", red="30")
    assert (r.gap, r.status, r.light) == (30, "behind", "yellow")
    # 44: gap 31 > 30 → red
    r = one(cumulative, [rep("a", D, {"1.1": 44})], tolerance="5", red="30")
    assert (r.gap, r.status, r.light) == (31, "behind", "red")
    # a plan's own thresholds: red at 20 → gap 25 is red
    assert one(cumulative, [rep("a", D, {"1.1": 50})], tolerance="5", red="20").light == "red"


def test_level_with_baseline() -> None:
    level = ind("5.2", "level", "90", measure="ratio", factor="100")
    breakdown = Breakdown.model_validate({"source": "分解表", "baselines": {"5.2": "80"}})
    r = one(level, [rep("a", D, {"5.2": (85, 100)})], breakdown=breakdown)
    # progress (85 − 80) / (90 − 80) = 1/2; completion 85/90 = 17/18; gap (3/4 − 1/2) × 100 = 25 → behind, yellow
    assert (r.progress, r.completion, r.gap) == (Fraction(1, 2), Fraction(17, 18), 25)
    assert (r.status, r.light) == ("behind", "yellow")
    # below the baseline the progress is negative, not clamped: (78 − 80) / 10 = −1/5; gap 75 + 20 = 95 → red
    r = one(level, [rep("a", D, {"5.2": (78, 100)})], breakdown=breakdown)
    assert (r.progress, r.gap, r.light) == (Fraction(-1, 5), 95, "red")


# --------------------------------------------------------------------------------------------------------
# §2.6 per unit


QUOTA_PLAN = (
    ind("1.1", "cumulative", "100"),
    ind("1.2", "cumulative", "10"),
    ind("5.1", "level", "90", measure="ratio", factor="100"),
    ind("6.1", "cumulative", "20"),  # no quotas
    ind("7.1", "cap", "3"),  # no quotas
    ind("8.1", "cumulative", "5", reported_by="district"),
)
QUOTAS = Breakdown.model_validate(
    {
        "source": "分解表（示例）",
        "quotas": {
            "1.1": {"a": "60", "b": "40"},
            "1.2": {"a": "5", "b": "5", "c": "5"},
            "5.1": {"a": "90", "b": "80"},
        },
    }
)
QUOTA_REPORTS = [
    rep("a", D, {"1.1": 45, "1.2": 5, "5.1": (85, 100), "6.1": 5, "7.1": 2}),
    rep("b", D, {"1.1": 20, "1.2": 1, "5.1": (80, 100), "6.1": 1, "7.1": 0}),
    rep("c", D, {"1.1": 10, "7.1": 1}),
    rep("qu", D, {"8.1": 4}),
]


def quota_result() -> dict[str, IndicatorResult]:
    targets = make_targets(*QUOTA_PLAN, tolerance="5", red="30")
    return {r.id: r for r in evaluate(targets, QUOTAS, QUOTA_REPORTS, D).indicators}


def test_per_unit_with_quotas() -> None:
    r = quota_result()
    u = units_of(r["1.1"])
    # a: 45 / 60 = 3/4 = pace → gap 0 → on_pace
    assert (u["a"].quota, u["a"].completion, u["a"].progress) == (60, Fraction(3, 4), Fraction(3, 4))
    assert (u["a"].status, u["a"].light) == ("on_pace", "green")
    # b: 20 / 40 = 1/2 → gap 25 → behind, yellow
    assert (u["b"].progress, u["b"].status, u["b"].light) == (Fraction(1, 2), "behind", "yellow")
    # c: no quota → only the actual
    assert u["c"] == UnitResult("c", Fraction(10), None, None, None, None, None)
    # district: 45 + 20 + 10 = 75 → on_pace
    assert (r["1.1"].actual, r["1.1"].status) == (75, "on_pace")

    u = units_of(r["1.2"])
    # a: 5 ≥ 5 → done; b: 1/5 → gap (3/4 − 1/5) × 100 = 55 > 30 → red; c: quota but no value → no_data
    assert (u["a"].status, u["a"].light) == ("done", "green")
    assert (u["b"].progress, u["b"].status, u["b"].light) == (Fraction(1, 5), "behind", "red")
    assert u["c"] == UnitResult("c", None, Fraction(5), None, None, "no_data", None)

    u = units_of(r["5.1"])
    # a level quota: completion only, no unit progress. a: 85 / 90 → not_met; b: 80 ≥ 80 → done
    assert (u["a"].actual, u["a"].completion, u["a"].progress) == (85, Fraction(17, 18), None)
    assert (u["a"].status, u["a"].light) == ("not_met", "yellow")
    assert (u["b"].completion, u["b"].status) == (1, "done")
    assert u["c"].quota is None and u["c"].actual is None

    assert r["8.1"].units == ()


def test_per_unit_missed_at_due() -> None:
    targets = make_targets(ind("1.1", "cumulative", "100", due="2025-06-30"), tolerance="5")
    breakdown = Breakdown.model_validate({"source": "s", "quotas": {"1.1": {"a": "60", "b": "40"}}})
    reports = [rep("a", date(2025, 6, 30), {"1.1": 59}), rep("b", date(2025, 6, 30), {"1.1": 41})]
    (r,) = evaluate(targets, breakdown, reports, date(2025, 6, 30)).indicators
    # a 59 < 60 at the due date → missed; b 41 ≥ 40 → done; district 100 ≥ 100 → done
    assert [(u.unit, u.status, u.light) for u in r.units] == [
        ("a", "missed", "red"),
        ("b", "done", "green"),
        ("c", None, None),
    ]
    assert r.status == "done"


def test_responsible_units() -> None:
    r = quota_result()
    # with quotas: only the lagging units, worst first
    assert [u.unit for u in r["1.1"].responsible()] == ["b"]  # a is on pace
    assert [u.unit for u in r["1.2"].responsible()] == ["c", "b"]  # c has no value at all, b 1/5
    assert [u.unit for u in r["5.1"].responsible()] == ["a"]  # a not_met, b done
    # without quotas: no value first, then the lowest actuals (6.1: c none, b 1, a 5)
    assert [u.unit for u in r["6.1"].responsible()] == ["c", "b", "a"]
    assert [u.unit for u in r["6.1"].responsible(limit=2)] == ["c", "b"]
    # a cap: the highest first (7.1: a 2, c 1, b 0)
    assert [u.unit for u in r["7.1"].responsible()] == ["a", "c", "b"]
    # district indicators have no townships to name
    assert r["8.1"].responsible() == ()
    # a milestone: the townships not done
    m = one(ind("3.2", "milestone"), [rep("a", D, {"3.2": "done"}), rep("b", D, {"3.2": "in_progress"})])
    assert [u.unit for u in m.responsible()] == ["b", "c"]


def test_counts_by_status_and_light() -> None:
    targets = make_targets(*QUOTA_PLAN, tolerance="5", red="30")
    result = evaluate(targets, QUOTAS, QUOTA_REPORTS, D)
    # 1.1 75/100 on_pace; 1.2 6/10 → gap 15 behind yellow; 5.1 pooled 100 × 165/200 = 82.5 < 90 not_met;
    # 6.1 6/20 → gap 45 behind red; 7.1 3 ≤ 3 within_cap; 8.1 4/5 → gap −5 ahead
    assert [r.status for r in result.indicators] == [
        "on_pace",
        "behind",
        "not_met",
        "behind",
        "within_cap",
        "ahead",
    ]
    five = result.indicator("5.1")
    assert five is not None and five.actual == Fraction(165, 2)
    assert result.by_status() == {"within_cap": 1, "not_met": 1, "on_pace": 1, "ahead": 1, "behind": 2}
    assert list(result.by_status()) == ["within_cap", "not_met", "ahead", "on_pace", "behind"]
    assert result.by_light() == {"green": 3, "yellow": 2, "red": 1}
    # zero counts and the no-light of no_data are left out
    empty = evaluate(targets, QUOTAS, [], D)
    assert empty.by_status() == {"no_data": 6}
    assert empty.by_light() == {}


# --------------------------------------------------------------------------------------------------------
# §2.6 ranking


def test_rank_units() -> None:
    towns = ("a", "b", "c", "d", "e")
    targets = make_targets(*QUOTA_PLAN, towns=towns, tolerance="5", red="30")
    fridays = [date(2025, 1, 3) + timedelta(weeks=w) for w in range(39)]  # 2025-01-03 … 2025-09-26
    reports = [
        *QUOTA_REPORTS,
        *(rep("d", day, {"6.1": 1}) for day in fridays),  # d reports every week ended by D: W01–W39
        rep("e", date(2025, 9, 1), {"6.1": 1}),  # e once
    ]
    result = evaluate(targets, QUOTAS, reports, D)
    ranks = rank_units(targets, result, completeness(targets, reports, D))
    # a: 1.1 progress 3/4, 1.2 progress 1, 5.1 completion 17/18 → (27 + 36 + 34)/36 / 3 = 97/108
    # b: 1/2, 1/5, 1 → (10 + 4 + 20)/20 / 3 = 17/30
    # c: 1.2 only, no value → 0
    # d, e: no quota, by reporting rate: d 39/39 weeks, e 1/39 (W40, still running at D, is owed by no one)
    assert [(r.rank, r.unit) for r in ranks] == [(1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, "e")]
    by_unit = {r.unit: r for r in ranks}
    assert by_unit["a"].score == Fraction(97, 108)
    assert by_unit["b"].score == Fraction(17, 30)
    assert (by_unit["c"].score, by_unit["c"].quotas) == (0, 1)
    assert by_unit["d"].score is None and by_unit["d"].quotas == 0
    assert by_unit["d"].reporting_rate == 1
    assert by_unit["e"].reporting_rate == Fraction(1, 39)
    assert "qu" not in by_unit  # townships only


def test_one_quota_over_100_percent_cannot_hide_a_zero() -> None:
    # a: 1.1 at 140% of its quota and nothing on 1.2 → (100% + 0) / 2 = 50%, not 70%;
    # b: 60% on both → 60%, ahead of a
    targets = make_targets(ind("1.1", "cumulative", "20"), ind("1.2", "cumulative", "20"), towns=("a", "b"))
    quotas = Breakdown.model_validate({"source": "分解表", "quotas": {"1.1": {"a": "10", "b": "10"},
                                                                  "1.2": {"a": "10", "b": "10"}}})
    reports = [rep("a", D, {"1.1": 14, "1.2": 0}), rep("b", D, {"1.1": 6, "1.2": 6})]
    ranks = rank_units(targets, evaluate(targets, quotas, reports, D), completeness(targets, reports, D))
    assert [(r.unit, r.score) for r in ranks] == [("b", Fraction(3, 5)), ("a", Fraction(1, 2))]


def test_equal_progress_is_ranked_by_on_time_rate_then_reporting_rate() -> None:
    # a, b, c all at 50% of their quota; b reports every week on time, a every week but late (timely_days 3:
    # sent the Friday after), c every other week on time: b (on time 1) before c (on time 1/2, reported 1/2)
    # before a (on time 0, reported 1); then the order is on-time rate first, reporting rate second
    targets = make_targets(ind("1.1", "cumulative", "30"), towns=("a", "b", "c"))
    quotas = Breakdown.model_validate({"source": "分解表", "quotas": {"1.1": {"a": "10", "b": "10", "c": "10"}}})
    fridays = [date(2025, 1, 3) + timedelta(weeks=w) for w in range(39)]
    reports = [
        *(dataclasses.replace(rep("a", day, {"1.1": 5}), submitted=day + timedelta(days=7)) for day in fridays),
        *(rep("b", day, {"1.1": 5}) for day in fridays),
        *(rep("c", day, {"1.1": 5}) for day in fridays[::2]),
    ]
    ranks = rank_units(targets, evaluate(targets, quotas, reports, D), completeness(targets, reports, D))
    assert [(r.rank, r.unit) for r in ranks] == [(1, "b"), (2, "c"), (3, "a")]
    assert [r.on_time_rate for r in ranks] == [1, Fraction(20, 39), 0]
    assert ranks[2].reporting_rate == 1


def test_rank_without_quotas_by_completeness_ties_share_a_rank() -> None:
    targets = make_targets(ind("1.1", "cumulative", "100"), towns=("a", "b", "c"))
    reports = [rep("c", date(2025, 9, 26), {"1.1": 1})]
    result = evaluate(targets, None, reports, D)
    ranks = rank_units(targets, result, completeness(targets, reports, D))
    # c reported (1 of 39 weeks); a and b nothing: tied, share rank 2, in plan order
    assert [(r.rank, r.unit) for r in ranks] == [(1, "c"), (2, "a"), (2, "b")]


# --------------------------------------------------------------------------------------------------------
# history


def test_history() -> None:
    targets = make_targets(ind("1.1", "cumulative", "100"), ind("8.1", "cumulative", "5", reported_by="district"))
    reports = [
        rep("a", date(2025, 3, 1), {"1.1": 10}),
        rep("b", date(2025, 3, 15), {"1.1": 5}),
        rep("a", date(2025, 4, 1), {"1.1": 20}),
        rep("a", date(2025, 4, 10), {}),  # no 1.1: the actual carries forward
        rep("qu", date(2025, 4, 12), {"8.1": 2}),  # not a reporter of 1.1
        rep("b", date(2025, 5, 1), {"1.1": 50}),  # after D
    ]
    d = date(2025, 4, 15)
    assert [(p.day, p.actual) for p in history(targets, reports, "1.1", d)] == [
        (date(2025, 3, 1), 10),  # a 10
        (date(2025, 3, 15), 15),  # a 10 + b 5
        (date(2025, 4, 1), 25),  # a 20 + b 5
        (date(2025, 4, 10), 25),
    ]
    assert history(targets, ValueIndex(reports), "8.1", d) == [(date(2025, 4, 12), 2, None)]
    with pytest.raises(KeyError):
        history(targets, reports, "9.9", d)
