"""`minzheng report --month YYYY-MM` and `--quarter YYYY-Qn` (月报 / 季报) on the frozen year (conftest's YEAR),
and the projection of 欠进度与预警 in every human format.

A month's or a quarter's report is the weekly report's sections over that period: as of its last day (today
while it runs), 本期变化 against the previous period's end, 报送情况 over the weeks that end inside it. The
figures are cross-checked against `status` and the weekly reports of the same data, never written out by hand.
"""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from typer.testing import CliRunner

from conftest import YEAR, YEAR_TODAY, DataDir, report
from minzheng_cli.cli import app

runner = CliRunner()


def invoke(*args: str, today: str = YEAR_TODAY) -> Any:
    return runner.invoke(app, ["--no-cache", "--data", str(YEAR), "report", *args], env={"MINZHENG_TODAY": today})


def document(*args: str, today: str = YEAR_TODAY) -> Any:
    """The §3.2 document; with an earlier `today`, the reports after it are left out (exit 1, each named)."""
    result = invoke(*args, "--format", "json", today=today)
    assert result.exit_code == (0 if today == YEAR_TODAY else 1), result.stderr
    return json.loads(result.stdout)


def status(as_of: str) -> dict[str, Any]:
    result = runner.invoke(app, ["--no-cache", "--data", str(YEAR), "status", "--as-of", as_of, "--format", "json"],
                           env={"MINZHENG_TODAY": YEAR_TODAY})
    assert result.exit_code == 0, result.stderr
    return {i["id"]: i for i in json.loads(result.stdout)["indicators"]}


@pytest.mark.parametrize(("args", "lang", "title", "subtitle"), [
    (("--month", "2025-06"), "zh", "推进情况月报", "2025年6月（6月1日至6月30日），数据截至6月30日"),
    (("--month", "2025-06"), "en", "Monthly progress report: ", "Jun 2025 (1 Jun to 30 Jun), figures as of 30 Jun"),
    (("--quarter", "2025-Q2"), "zh", "推进情况季报", "2025年第2季度（4月1日至6月30日），数据截至6月30日"),
    (("--quarter", "2025-q2"), "en", "Quarterly progress report: ", "Q2 2025 (1 Apr to 30 Jun), figures as of 30 Jun"),
])
def test_month_and_quarter_titles(args: tuple[str, ...], lang: str, title: str, subtitle: str) -> None:
    result = invoke(*args, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert title in lines[0] and "周报" not in lines[0] and "Weekly" not in lines[0]
    assert lines[1] == subtitle


@pytest.mark.parametrize(("args", "period", "as_of", "compared_with"), [
    (("--month", "2025-06"), {"kind": "month", "label": "2025-06", "start": "2025-06-01", "end": "2025-06-30"},
     "2025-06-30", "2025-05-31"),
    (("--month", "2025-12"), {"kind": "month", "label": "2025-12", "start": "2025-12-01", "end": "2025-12-31"},
     "2025-12-31", "2025-11-30"),
    (("--quarter", "2025-Q3"), {"kind": "quarter", "label": "2025-Q3", "start": "2025-07-01", "end": "2025-09-30"},
     "2025-09-30", "2025-06-30"),
    (("--quarter", "2025-Q1"), {"kind": "quarter", "label": "2025-Q1", "start": "2025-01-01", "end": "2025-03-31"},
     "2025-03-31", "2025-01-01"),  # before the plan: the previous quarter's end is clamped to the plan's start
])
def test_the_period_in_json(args: tuple[str, ...], period: dict[str, str], as_of: str, compared_with: str) -> None:
    doc = document(*args)
    assert doc["period"] == period
    assert (doc["as_of"], doc["compared_with"]) == (as_of, compared_with)


def test_a_period_still_running_is_reported_as_of_today() -> None:
    doc = document("--month", "2025-07", today="2025-07-15")
    assert doc["period"]["end"] == "2025-07-31" and doc["as_of"] == "2025-07-15"
    assert doc["compared_with"] == "2025-06-30"
    quarter = document("--quarter", "2025-Q3", today="2025-07-15")
    assert quarter["as_of"] == "2025-07-15" and quarter["compared_with"] == "2025-06-30"


def test_changes_are_against_the_previous_period_end() -> None:
    doc = document("--month", "2025-06")
    before, after = status("2025-05-31"), status("2025-06-30")
    moved = [i for i in after if (before[i]["actual"], before[i]["status"], before[i].get("state")) !=
             (after[i]["actual"], after[i]["status"], after[i].get("state"))]
    assert [c["id"] for c in doc["changes"]] == moved
    assert len(moved) > 10  # a month moves far more than a week
    for change in doc["changes"]:
        assert (change["from"], change["to"]) == (before[change["id"]]["actual"], after[change["id"]]["actual"])
        assert (change["status_from"], change["status_to"]) == (before[change["id"]]["status"],
                                                                after[change["id"]]["status"])


def test_the_month_text_says_changes_of_the_period() -> None:
    text = invoke("--month", "2025-06").stdout
    assert "二、本期变化（与5月31日相比）" in text and "本周变化" not in text


def weekly_reporting(year: int, week: int, as_of: date | None = None) -> Any:
    """报送情况 of one ISO week in its weekly report, by default on the day after its deadline (Sunday + 3 days)."""
    day = as_of or date.fromisocalendar(year, week, 7) + timedelta(days=4)
    doc = document("--as-of", day.isoformat())
    assert doc["period"]["label"] == f"{year}-W{week:02d}"
    return doc["reporting"]


def test_reporting_covers_the_weeks_that_end_inside_the_period() -> None:
    # June 2025 as of 30 June: the ISO weeks W22 (ending Sunday 1 June) to W26 (ending 29 June, its deadline on
    # 2 July still ahead); W27 ends in July
    weeks = [weekly_reporting(2025, n) for n in range(22, 26)] + [weekly_reporting(2025, 26, date(2025, 6, 30))]
    month = document("--month", "2025-06")["reporting"]
    missing = {u for w in weeks for u in w["missing"]}
    late = {u for w in weeks for u in w["late"]}
    assert missing == {"shicong"}  # no report for W25 (16–22 June)
    assert set(month["missing"]) == missing
    assert set(month["late"]) == late and len(month["late"]) == len(late)  # each late unit once
    assert set(month["within_deadline"]) == set(weeks[-1]["within_deadline"]) - missing
    assert month["reported"] == month["expected"] - len(missing) - len(month["rejected"]) - \
        len(month["within_deadline"])
    assert month["year"] == weeks[-1]["year"]  # the year up to the period's last week
    assert "本期5个报送周应报11个单位" in invoke("--month", "2025-06").stdout


def test_a_week_missed_outside_the_period_does_not_count() -> None:
    # April's weeks are W14–W17 (ending 6 to 27 April), all reported; 石淙镇 missed W21 (19–25 May), in May's
    april = [weekly_reporting(2025, n) for n in range(14, 18)]
    assert all(w["missing"] == [] for w in april)
    assert weekly_reporting(2025, 21)["missing"] == ["shicong"]
    assert document("--month", "2025-04")["reporting"]["missing"] == []
    assert document("--month", "2025-05")["reporting"]["missing"] == ["shicong"]
    assert document("--quarter", "2025-Q2")["reporting"]["missing"] == ["shicong"]


@pytest.mark.parametrize("args", [
    ("--month", "2025-06", "--week", "2025-W27"),
    ("--month", "2025-06", "--quarter", "2025-Q2"),
    ("--quarter", "2025-Q2", "--as-of", "2025-06-30"),
])
def test_one_period_only(args: tuple[str, ...]) -> None:
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == "give one of --week, --month, --quarter and --as-of\n"
    assert result.stdout == ""


@pytest.mark.parametrize(("args", "message"), [
    (("--month", "2025-13"), "--month: '2025-13' is not a month; write YYYY-MM, e.g. 2025-06"),
    (("--month", "2025-6"), "--month: '2025-6' is not a month"),
    (("--quarter", "2025-Q5"), "--quarter: '2025-Q5' is not a quarter; write YYYY-Qn (n 1–4), e.g. 2025-Q2"),
    (("--quarter", "2025Q1"), "--quarter: '2025Q1' is not a quarter"),
    (("--month", "2024-12"), "2024-12 lies outside the plan period (2025-01-01 to 2025-12-31)"),
    (("--quarter", "2026-Q1"), "2026-Q1 lies outside the plan period (2025-01-01 to 2025-12-31)"),
])
def test_bad_periods_are_one_line_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr  # no clamping notice before it
    assert result.stdout == ""


def test_every_format_reports_the_quarter(tmp_path: Path) -> None:
    for args in (("--format", "markdown"), ("--format", "html"), ("--brief",), ("--format", "markdown", "--brief")):
        result = invoke("--quarter", "2025-Q2", *args)
        assert result.exit_code == 0, result.stderr
        assert "推进情况季报" in result.stdout and "2025年第2季度" in result.stdout
    target = tmp_path / "季报.docx"
    assert invoke("--quarter", "2025-Q2", "--format", "docx", "-o", str(target)).exit_code == 0
    paragraphs = [p.text for p in open_docx(str(target)).paragraphs]
    assert any("推进情况季报" in p for p in paragraphs) and any("2025年第2季度" in p for p in paragraphs)


# ----------------------------------------------------------------------------------------------------
# the projection of 欠进度与预警 (DESIGN §3.2 warnings[].projection) in the human formats

def projections(week: str) -> int:
    return sum(w["projection"] is not None for w in document("--week", week)["warnings"])


@pytest.mark.parametrize(("format", "phrase"), [
    ("text", "按近四周进度，到期预计"),
    ("markdown", "按近四周进度，到期预计"),
    ("html", "按近四周进度，到期预计"),
])
def test_each_projection_is_shown_in_the_warnings(format: str, phrase: str) -> None:
    expected = projections("2025-W27")
    assert expected >= 2
    result = invoke("--week", "2025-W27", "--format", format)
    assert result.stdout.count(phrase) == expected


def test_each_projection_is_shown_in_english() -> None:
    result = invoke("--week", "2025-W27", "--lang", "en")
    assert result.stdout.count("at the last four weeks' rate, ") == projections("2025-W27")


def test_each_projection_is_shown_in_the_word_document() -> None:
    result = invoke("--week", "2025-W27", "--format", "docx")
    assert result.exit_code == 0, result.stderr
    body = "\n".join(p.text for p in open_docx(io.BytesIO(result.stdout_bytes)).paragraphs)
    assert body.count("按近四周进度，到期预计") == projections("2025-W27")


def test_a_quarter_of_a_monthly_plan_reports_its_three_months(data: DataDir) -> None:
    # conftest's tiny plan reports monthly (deadline: the month's end + 5 days); its units are 双林镇, 南浔镇,
    # 浔溪 and the district
    for month in ("01-31", "02-28", "03-31"):
        data.write_report("xunxi", f"2025-{month}", report("xunxi", f"2025-{month}", '  "1.1": 1\n'))
    for month, sent in (("01-31", None), ("02-28", "2025-03-20"), ("03-31", None)):  # February's a fortnight late
        data.write_report("shuanglin", f"2025-{month}", report("shuanglin", f"2025-{month}", '  "1.1": 1\n',
                                                               submitted=sent))
    for month in ("01-31", "03-31"):  # 南浔镇 sent nothing for February
        data.write_report("nanxun", f"2025-{month}", report("nanxun", f"2025-{month}", '  "1.1": 1\n'))
    result = runner.invoke(app, ["--no-cache", "--data", str(data.root), "report", "--quarter", "2025-Q1",
                                 "--format", "json"], env={"MINZHENG_TODAY": "2025-07-15"})
    assert result.exit_code == 0, result.stderr
    rep = json.loads(result.stdout)["reporting"]
    assert (rep["expected"], rep["reported"]) == (4, 2)
    assert rep["missing"] == ["nanxun", "district"] and rep["late"] == ["shuanglin"]
    text = runner.invoke(app, ["--no-cache", "--data", str(data.root), "report", "--quarter", "2025-Q1"],
                         env={"MINZHENG_TODAY": "2025-07-15"}).stdout
    assert "本期3个报送月应报4个单位，已报2个" in text
    assert "双林镇（迟报1次，最近一次3月20日报送）" in text
