"""Plausibility warnings (DESIGN §1.4, checks/plausibility.py) on the tiny plan of conftest: each rule at its
threshold, placed on the later report's value; warnings pass `validate` unless `--strict`; the weekly report lists
those of its week under 数据核查.

Quotas of conftest's breakdown: 1.1 南浔镇 60, 双林镇 50, 浔溪街道 40; 2.1 南浔镇 90, 双林镇 90.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import BREAKDOWN, YEAR, YEAR_TODAY, DataDir, report
from minzheng_cli.checks.linter import load_data
from minzheng_cli.cli import app
from minzheng_cli.model.diagnostics import Diagnostic

runner = CliRunner()
TODAY = "2025-07-15"


def invoke(data: Path, *args: str, today: str = TODAY) -> Any:
    return runner.invoke(app, ["--no-cache", "--data", str(data), *args], env={"MINZHENG_TODAY": today})


def two(data: DataDir, unit: str, key: str, first: str, second: str) -> list[Diagnostic]:
    """The diagnostics of two reports of one unit: `key` at `first` on 05-30, then at `second` on 06-27."""
    data.write_report(unit, "2025-05-30", report(unit, "2025-05-30", f'  "{key}": {first}\n'))
    data.write_report(unit, "2025-06-27", report(unit, "2025-06-27", f'  "{key}": {second}\n'))
    return data.diagnostics()


def codes(found: list[Diagnostic]) -> list[str]:
    return [d.code for d in found]


@pytest.mark.parametrize("denominator, warned", [("37", False), ("38", True), ("25", False), ("24", True)])
def test_a_denominator_more_than_20_percent_away(data: DataDir, denominator: str, warned: bool) -> None:
    # from 31 villages: 37 is +19.4%, 38 +22.6%, 25 −19.4%, 24 −22.6% (the rate never falls by half)
    found = two(data, "nanxun", "2.1", "{numerator: 20, denominator: 31}",
                f"{{numerator: 20, denominator: {denominator}}}")
    assert ("denominator-jump" in codes(found)) is warned
    if warned:
        d = next(d for d in found if d.code == "denominator-jump")
        assert d.path.endswith("nanxun/2025-06-27.yaml") and (d.line, d.column, d.severity) == (4, 10, "warning")
        assert d.message == (f"the denominator of 2.1 (低保对象入户核查率) went from 31 (report of 2025-05-30) to "
                             f"{denominator}, more than 20%: check it")


@pytest.mark.parametrize("second, warned", [("7000", False), ("6999", True)])
def test_a_level_falling_by_more_than_half(data: DataDir, second: str, warned: bool) -> None:
    found = two(data, "district", "2.3", "14000", second)
    assert codes(found) == (["level-drop"] if warned else [])
    if warned:
        assert found[0].message == ("2.3 (城乡低保标准) fell from 14000 元/人/年 (report of 2025-05-30) to 6999 元/人/年, "
                                    "by more than half: check it")


def test_a_rate_falling_by_more_than_half(data: DataDir) -> None:
    found = two(data, "nanxun", "2.1", "{numerator: 85, denominator: 100}", "{numerator: 40, denominator: 100}")
    assert codes(found) == ["level-drop"]
    assert "fell from 85 % (report of 2025-05-30) to 40 %" in found[0].message


@pytest.mark.parametrize("first, second, warned", [("14000", "14", True), ("14000", "14.01", False),
                                                   ("13.74", "13740", True), ("13.74", "13739.99", False)])
def test_a_value_a_thousand_times_away(data: DataDir, first: str, second: str, warned: bool) -> None:
    found = two(data, "district", "2.3", first, second)
    if warned:
        assert codes(found) == ["magnitude-jump"]  # said once, not as a level drop too
        assert "1,000 times or more: 万 and 元 (or 万 and units) mixed up?" in found[0].message
    else:
        assert "magnitude-jump" not in codes(found)


@pytest.mark.parametrize("first, second, warned", [("10", "70", False), ("10", "71", True)])
def test_a_cumulative_increase_over_the_units_quota(data: DataDir, first: str, second: str, warned: bool) -> None:
    data.write_breakdown()
    found = two(data, "nanxun", "1.1", first, second)  # nanxun's quota of 1.1 is 60
    assert codes(found) == (["cumulative-jump"] if warned else [])
    if warned:
        assert found[0].message == ("1.1 (新增持证护理员) grew by 61 人 since the report of 2025-05-30, more than the "
                                    "unit's whole quota of 60 人: check it")


def test_a_cumulative_increase_over_the_whole_target_without_a_quota(data: DataDir) -> None:
    # no breakdown: the whole target, 150, is the limit; the year's first report counts from zero
    data.write_report("nanxun", "2025-05-30", report("nanxun", "2025-05-30", '  "1.1": 151\n'))
    (found,) = data.diagnostics()
    assert found.code == "cumulative-jump"
    assert found.message == ("1.1 (新增持证护理员) grew by 151 人 in the year's first report, more than the whole target "
                             "of 150 人: check it")
    assert "本年第一次报送中增加了 151人，超过全年目标 150人" in found.text("zh")


def test_nothing_is_warned_of_steady_figures(data: DataDir) -> None:
    data.write_breakdown()
    for day, value in (("2025-05-30", 10), ("2025-06-06", 14), ("2025-06-13", 20)):
        data.write_report("nanxun", day, report("nanxun", day, f'  "1.1": {value}\n'
                                                f'  "2.1": {{numerator: {80 + value}, denominator: 100}}\n'))
    assert data.diagnostics() == []


def test_the_frozen_sample_year_has_no_warning() -> None:
    from datetime import date

    loaded = load_data(str(YEAR), date.fromisoformat(YEAR_TODAY))
    assert loaded.plausibility == [] and loaded.diagnostics == []


def test_a_warning_keeps_the_report_and_fails_only_under_strict(data: DataDir) -> None:
    two(data, "district", "2.3", "14000", "14")
    loaded = data.load()
    assert len(loaded.reports) == 2 and loaded.excluded == []
    plain = invoke(data.root, "validate")
    assert plain.exit_code == 0
    assert "2025-06-27.yaml:4:10: magnitude-jump " in plain.stderr
    assert invoke(data.root, "validate", "--strict").exit_code == 1
    listed = json.loads(invoke(data.root, "validate", "--format", "json").stdout)["diagnostics"]
    assert [(d["code"], d["severity"]) for d in listed] == [("magnitude-jump", "warning")]


def test_the_weekly_report_lists_the_weeks_warnings_under_data_checks(data: DataDir) -> None:
    two(data, "district", "2.3", "14000", "14")  # the warning is on the report as of 06-27
    week = invoke(data.root, "report", "--as-of", "2025-06-29", "--format", "json", "--lang", "en")  # W26
    assert week.exit_code == 0, week.stderr
    assert json.loads(week.stdout)["checks"] == [{
        "path": "progress/district/2025-06-27.yaml", "code": "magnitude-jump",
        "message": "2.3 (城乡低保标准) went from 14000 (report of 2025-05-30) to 14, 1,000 times or more: 万 and 元 "
                   "(or 万 and units) mixed up? Check it"}]
    text = invoke(data.root, "report", "--as-of", "2025-06-29").stdout.replace("\n   ", "").replace(" ", "")
    assert "五、数据核查\n1.区民政局6月27日的报送：2.3（城乡低保标准）由上一次报送（2025-05-30）的14000变为14，" \
           "相差1000倍以上：是否把万与元（或万与个）弄混了？请核对。\n" in text
    # a week later the report is no longer new: the next report does not list it again
    later = json.loads(invoke(data.root, "report", "--as-of", "2025-07-06", "--format", "json").stdout)
    assert later["checks"] == []


def test_a_warm_run_from_the_cache_warns_alike_and_a_new_breakdown_is_judged_again(data: DataDir,
                                                                                   tmp_path: Path) -> None:
    from datetime import date

    data.write_breakdown()
    two(data, "nanxun", "1.1", "10", "71")  # 61 in one report, over nanxun's quota of 60
    cache, today = tmp_path / "cache", date.fromisoformat(TODAY)
    cold = load_data(str(data.root), today, cache)
    warm = load_data(str(data.root), today, cache)
    assert [d.code for d in cold.plausibility] == [d.code for d in warm.plausibility] == ["cumulative-jump"]
    assert [d.code for d in warm.diagnostics] == ["cumulative-jump"]
    data.write_breakdown(BREAKDOWN.replace("nanxun: 60", "nanxun: 70"))  # the quota now allows it
    assert load_data(str(data.root), today, cache).plausibility == []
