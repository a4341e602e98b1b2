"""`minzheng report --format json`: the document of DESIGN §3.2, on the tiny plan of conftest.

The week of test_weekly.py (D = 2025-03-15, a Saturday) is reported here through the CLI; see that module for the
figures, worked by hand. The JSON is written from the same `Weekly` as the text report and says nothing it does
not: each fact below is also checked in the text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import DataDir, report, write_march_week
from minzheng_cli.cli import app

runner = CliRunner()
TODAY = "2025-07-15"


def invoke(data: Path, *args: str) -> Any:
    return runner.invoke(app, ["--no-cache", "--data", str(data), *args], env={"MINZHENG_TODAY": TODAY})


@pytest.fixture
def week(data: DataDir) -> DataDir:
    write_march_week(data)
    return data


def document(data: DataDir, *args: str) -> dict[str, Any]:
    result = invoke(data.root, "report", "--as-of", "2025-03-15", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_the_keys_of_design_3_2(week: DataDir) -> None:
    doc = document(week)
    assert list(doc) == ["plan", "sample", "period", "as_of", "compared_with", "summary", "changes", "warnings",
                         "due_soon", "checks", "reporting", "ranking"]
    assert doc["plan"] == {"id": "test-2025", "title": "测试区2025年民政工作要点"}
    assert doc["sample"] is False
    assert list(doc["reporting"]) == ["expected", "reported", "missing", "rejected", "late", "within_deadline",
                                      "year"]
    assert set(doc["warnings"][0]) == {"id", "status", "light", "gap", "units", "projection"}
    assert set(doc["due_soon"][0]) == {"id", "due", "days", "state"}
    assert set(doc["ranking"][0]) == {"unit", "rank", "score", "reporting_rate", "on_time_rate"}
    assert set(doc["changes"][0]) == {"id", "from", "to", "status_from", "status_to", "units"}


def test_the_period_is_the_last_week_ended_by_the_date(week: DataDir) -> None:
    # a Saturday: its own week has not ended; the week reported is the one before, figures as of the Saturday
    doc = document(week)
    assert doc["period"] == {"kind": "week", "label": "2025-W10", "start": "2025-03-03", "end": "2025-03-09"}
    assert (doc["as_of"], doc["compared_with"]) == ("2025-03-15", "2025-03-08")
    sunday = json.loads(invoke(week.root, "report", "--as-of", "2025-03-16", "--format", "json").stdout)
    assert sunday["period"]["label"] == "2025-W11"  # a Sunday ends its own week
    by_week = json.loads(invoke(week.root, "report", "--week", "2025-W11", "--format", "json").stdout)
    assert by_week == sunday


def test_summary_changes_warnings_and_due(week: DataDir) -> None:
    doc = document(week)
    assert doc["summary"] == {"indicators": 8, "by_status": {"due_soon": 1, "over_cap": 1, "pending": 1,
                                                             "not_met": 2, "ahead": 1, "behind": 2},
                              "by_light": {"green": 2, "yellow": 5, "red": 1}}
    assert doc["changes"] == [
        {"id": "1.1", "from": 7, "to": 10, "status_from": "behind", "status_to": "behind",
         "units": [{"unit": "nanxun", "delta": 2}, {"unit": "shuanglin", "delta": 1}]},
        {"id": "2.2", "from": None, "to": 45, "status_from": "no_data", "status_to": "not_met",
         "units": [{"unit": "district", "delta": None}]},
    ]
    assert [(w["id"], w["status"], w["light"]) for w in doc["warnings"]] == [
        ("3.1", "over_cap", "red"), ("1.2", "behind", "yellow"), ("1.1", "behind", "yellow"),
        ("2.2", "not_met", "yellow"), ("2.3", "not_met", "yellow")]
    whole = doc["warnings"][2]
    assert whole["gap"] == 0.1361  # (74/365 − 10/150) as a share
    assert whole["units"] == ["xunxi", "shuanglin", "nanxun"]
    # 1.1 ran from 1 (at 02-15, D − 28 days) to 10 in 28 days: 10 + 9/28 × 291 days left = 103.54 by 12-31
    assert whole["projection"] == {"value": 103.5357, "completion": 0.6902}
    assert doc["warnings"][1]["projection"] is None  # 1.2: a single report holds it
    assert doc["warnings"][0]["gap"] is None  # a cap is not compared with pace
    assert doc["due_soon"] == [{"id": "3.2", "due": "2025-04-05", "days": 21, "state": "in_progress"}]
    text = invoke(week.root, "report", "--as-of", "2025-03-15").stdout.replace("\n   ", "")
    assert "按近四周进度，到期预计103.54人（完成率69.0%）" in text


def test_reporting_and_ranking(week: DataDir) -> None:
    doc = document(week)
    # monthly reporting: February, the last month ended by 03-15; only 双林镇 reported for it
    assert doc["reporting"] == {"expected": 4, "reported": 1, "missing": ["nanxun", "xunxi", "district"],
                                "rejected": [], "late": [], "within_deadline": [],
                                "year": {"expected": 8, "reported": 2, "on_time": 2}}
    assert doc["ranking"] == [
        {"unit": "nanxun", "rank": 1, "score": 0.5222, "reporting_rate": 0, "on_time_rate": 0},
        {"unit": "shuanglin", "rank": 2, "score": 0.03, "reporting_rate": 0.5, "on_time_rate": 0.5},
        {"unit": "xunxi", "rank": 3, "score": 0.025, "reporting_rate": 0.5, "on_time_rate": 0.5},
    ]


def test_a_refused_file_is_rejected_in_the_report(week: DataDir) -> None:
    week.write_report("nanxun", "2025-02-27", report("nanxun", "2025-02-27", '  "9.9": 1\n'))  # unknown id
    result = invoke(week.root, "report", "--as-of", "2025-03-15", "--format", "json")
    assert result.exit_code == 1 and "nanxun/2025-02-27.yaml" in result.stderr
    reporting = json.loads(result.stdout)["reporting"]
    assert (reporting["missing"], reporting["rejected"]) == (["xunxi", "district"], ["nanxun"])
    text = invoke(week.root, "report", "--as-of", "2025-03-15").stdout.replace("\n   ", "")
    assert "2月应报4个单位，已报1个，未报2个：浔溪街道、区民政局，退回1个（报送文件有错误，未计入）：南浔镇。" in text


def test_a_report_not_yet_due_is_within_the_deadline(week: DataDir) -> None:
    # 2025-03-02: February ended on the 28th, its deadline is 03-05 (timely_days 5): nobody is late yet
    doc = json.loads(invoke(week.root, "report", "--as-of", "2025-03-02", "--format", "json").stdout)
    assert doc["reporting"]["within_deadline"] == ["nanxun", "xunxi", "district"]
    assert doc["reporting"]["missing"] == []
    text = invoke(week.root, "report", "--as-of", "2025-03-02").stdout.replace("\n   ", "")
    assert "尚在报送时限内3个：南浔镇、浔溪街道、区民政局。" in text


def test_english_json_keeps_the_codes(week: DataDir) -> None:
    zh, en = document(week), document(week, "--lang", "en")
    assert zh == en  # no message to translate here: every value is a code or a number
