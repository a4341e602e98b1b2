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


# ----------------------------------------------------------------------------------------------------
# every human format shows the figure the light was judged on (进度) beside 序时进度, with 完成率 where they differ


def test_progress_is_shown_apart_from_completion_only_where_they_differ(snap: snapshot.Snapshot) -> None:
    assert result(snap, "2.1").distinct_progress == Fraction(7, 15)  # (86 − 82.5) / (90 − 82.5)
    assert result(snap, "3.3").distinct_progress == Fraction(1, 3)  # 1 of 3 townships done
    for same in ("1.1", "2.3", "3.1"):  # cumulative: progress is its completion; no pace comparison for the others
        assert result(snap, same).distinct_progress is None, same


def test_the_status_table_shows_progress_beside_pace(snap: snapshot.Snapshot) -> None:
    from minzheng_cli.render import status_table

    rows = {row.result.id: row for row in status_table.status_rows(snap.targets, snap.result, "zh")}
    table = status_table.display_table(list(rows.values()), "zh")
    header = list(table.header)
    assert header.index("进度") == header.index("完成率") + 1 == header.index("序时进度") - 1
    assert (rows["2.1"].cells["completion"], rows["2.1"].cells["progress"]) == ("95.6%", "46.7%")
    assert (rows["1.1"].cells["completion"], rows["1.1"].cells["progress"]) == ("40.0%", "")
    # a township's own figures (--unit): its completion against its quota, nothing else to show
    own = {row.result.id: row for row in status_table.status_rows(snap.targets, snap.result, "zh", "nanxun")}
    assert own["2.1"].cells["progress"] == ""


def test_show_lists_progress_between_completion_and_pace(snap: snapshot.Snapshot) -> None:
    from minzheng_cli.render import detail

    labels = [label for label, _ in detail.indicator_facts(snap.targets, result(snap, "2.1"), "zh")]
    assert labels[labels.index("完成率"):labels.index("完成率") + 3] == ["完成率", "进度", "序时进度"]
    assert dict(detail.indicator_facts(snap.targets, result(snap, "2.1"), "zh"))["进度"] == "46.7%"
    assert "进度" not in dict(detail.indicator_facts(snap.targets, result(snap, "1.1"), "zh"))


def test_the_report_labels_progress_and_completion(data: DataDir) -> None:
    from minzheng_cli.render import report_text
    from minzheng_cli.render.report_words import document

    data.write_breakdown()  # 2.1: baseline 82.5, target 90
    data.write_report("nanxun", "2025-06-27", report("nanxun", "2025-06-27",
                                                     '  "2.1": {numerator: 84, denominator: 100}\n'))
    week = from_snapshot(snapshot.take(data.load(), D))
    text = report_text.as_text(document(week, "zh")).replace("\n   ", "")
    # completion 84/90 = 93.3% looks fine, but the light comes from progress (84 − 82.5)/(90 − 82.5) = 20%
    assert "低保对象入户核查率（2.1）：实际84%，进度20.0%（完成率93.3%），序时进度49.6%，落后29.6个百分点" in text
