"""What a light was judged on, decided once in the engine so that every renderer only reads it: the figure
(`judged_on`, `share`, `paced`, `baseline`), a township's own light in the ranking, an alert's days past due.

On the tiny plan of conftest, with its breakdown (quotas for 1.1 and 2.1, baseline 82.5 for 2.1)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from conftest import DataDir, report
from minzheng_cli.engine import snapshot
from minzheng_cli.engine.pace import pace
from minzheng_cli.engine.status import IndicatorResult, light_of_gap
from minzheng_cli.engine.weekly import from_snapshot

D = date(2025, 6, 30)


@pytest.fixture
def snap(data: DataDir) -> snapshot.Snapshot:
    data.write_breakdown()
    data.write_report("nanxun", "2025-06-27", report(
        "nanxun", "2025-06-27", '  "1.1": 60\n  "2.1": {numerator: 86, denominator: 100}\n  "3.3": done\n'))
    data.write_report("district", "2025-06-27", report("district", "2025-06-27", '  "2.3": 12000\n  "3.1": 2\n'))
    loaded = data.load()
    assert loaded.diagnostics == []
    return snapshot.take(loaded, D)


def result(snap: snapshot.Snapshot, indicator_id: str) -> IndicatorResult:
    found = snap.result.indicator(indicator_id)
    assert found is not None
    return found


def test_a_cumulative_is_judged_on_its_completion_against_pace(snap: snapshot.Snapshot) -> None:
    r = result(snap, "1.1")
    assert (r.judged_on, r.share, r.paced, r.baseline) == ("completion", Fraction(60, 150), True, None)


def test_a_level_with_a_baseline_is_judged_on_progress_from_it(snap: snapshot.Snapshot) -> None:
    r = result(snap, "2.1")
    assert (r.judged_on, r.baseline, r.paced) == ("progress", Fraction("82.5"), True)
    assert r.share == r.progress == (Fraction(86) - Fraction("82.5")) / (90 - Fraction("82.5"))
    assert r.share != r.completion


def test_a_level_without_baseline_is_judged_on_completion_without_pace(snap: snapshot.Snapshot) -> None:
    r = result(snap, "2.3")
    assert (r.judged_on, r.share, r.paced, r.baseline) == ("completion", Fraction(12000, 15000), False, None)


def test_a_cap_is_judged_on_its_actual_against_the_cap(snap: snapshot.Snapshot) -> None:
    r = result(snap, "3.1")
    assert (r.judged_on, r.share, r.paced, r.completion) == ("cap", Fraction(2, 3), False, None)


def test_a_township_milestone_is_judged_on_the_share_of_townships_done(snap: snapshot.Snapshot) -> None:
    r = result(snap, "3.3")
    assert (r.judged_on, r.share, r.paced) == ("progress", Fraction(1, 3), True)


def test_no_data_has_no_share(snap: snapshot.Snapshot) -> None:
    r = result(snap, "2.2")
    assert (r.share, r.paced) == (None, False)


def test_a_ranked_township_carries_its_light_against_the_plans_pace(snap: snapshot.Snapshot) -> None:
    plan = snap.targets.plan
    year = pace(plan, plan.end, D)
    for entry in snap.ranking():
        if entry.score is None:
            assert entry.light is None
        else:
            assert entry.light == light_of_gap((year - entry.score) * 100, plan.lights)
    assert {e.unit: e.light for e in snap.ranking()}["shuanglin"] == "red"  # no figure on its quotas: score 0


def test_an_alert_knows_how_many_days_it_is_past_due(data: DataDir) -> None:
    data.write_report("district", "2025-04-01", report("district", "2025-04-01", '  "3.2": in_progress\n'))
    week = from_snapshot(snapshot.take(data.load(), date(2025, 4, 10)))
    alert = next(a for a in week.alerts if a.result.indicator.id == "3.2")
    assert (alert.result.status, alert.days_past_due) == ("overdue", 5)
