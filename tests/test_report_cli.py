"""`minzheng report` through the real CLI (CliRunner): on the frozen year (conftest's YEAR), agreement with
`status` and the 80-column limit every week; on the tiny plan, options, output file and exit codes.

The golden files of the frozen year are checked in test_report_golden.py.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from wcwidth import wcswidth

from conftest import TODAY, YEAR, YEAR_TODAY, DataDir, report
from minzheng_cli.catalogue.words import Light, Pending, Status
from minzheng_cli.checks.linter import load_data
from minzheng_cli.cli import app
from minzheng_cli.engine import snapshot
from minzheng_cli.engine.weekly import from_snapshot
from minzheng_cli.render.report import Layout, render

runner = CliRunner()


def invoke(*args: str, data: Path = YEAR, today: str = YEAR_TODAY) -> Any:
    return runner.invoke(app, ["--data", str(data), *args], env={"MINZHENG_TODAY": today})


# ----------------------------------------------------------------------------------------------------
# every week of the frozen year: text fits 80 columns and every number has its unit


def year_weeks() -> list[date]:
    sundays = [date(2025, 1, 5) + timedelta(weeks=n) for n in range(52)]
    return [*sundays, date(2025, 12, 31)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_fits_80_columns_every_week(lang: str) -> None:
    loaded = load_data(str(YEAR), date.fromisoformat(YEAR_TODAY))
    for day in year_weeks():
        text = render(from_snapshot(snapshot.take(loaded, day)), "text", lang, Layout(80))  # type: ignore[arg-type]
        assert isinstance(text, str)
        for line in text.splitlines():
            assert wcswidth(line) <= 80, f"{day}: {line!r} is {wcswidth(line)} columns"
            assert line == line.rstrip(), f"{day}: trailing space in {line!r}"
        assert "\t" not in text
        # a number followed by nothing that says what it counts would read 'bare': every figure in the Chinese
        # text is followed by a unit or is part of a date, an id, a rank or a fraction
        if lang == "zh":
            bare = re.findall(r"(?<![\d./（(])\d+(?:\.\d+)?(?=[，。；、）\s]|$)", text.replace("\n   ", ""))
            assert bare == [], f"{day}: numbers without a unit: {bare}"


# ----------------------------------------------------------------------------------------------------
# agreement with `status` for the same date

AGREEMENT_DATES = ["2025-02-09", "2025-04-06", "2025-06-29", "2025-07-06", "2025-08-13", "2025-10-05",
                   "2025-12-28", "2025-12-31"]
ZH_STATUS = {word.zh: word.id.split(".")[1] for word in Status.entries()}
ZH_STATUS.update({word.zh: "pending" for word in Pending.entries()})  # 未开始 / 推进中: a pending milestone's word
ZH_LIGHT = {word.zh: word.id.split(".")[1] for word in Light.entries()}


def _section(markdown: str, heading: str) -> list[str]:
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"## {heading}"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return [line for line in lines[start + 1:end] if line.strip()]


@pytest.mark.parametrize("day", AGREEMENT_DATES)
def test_report_agrees_with_status(day: str) -> None:
    status = invoke("status", "--as-of", day, "--format", "json")
    assert status.exit_code == 0, status.stderr
    document = json.loads(status.stdout)
    summary = document["summary"]
    result = invoke("report", "--as-of", day, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    overview = _section(result.stdout, "一、总体进展")

    counts: dict[str, int] = {}
    for word, n in re.findall(r"([^\d，、：]+?)(\d+)项", overview[0].split("中，", 1)[1]):
        counts[ZH_STATUS[word]] = counts.get(ZH_STATUS[word], 0) + int(n)
    assert counts == summary["by_status"]
    total = re.search(r"全年(\d+)项指标", overview[0])
    assert total is not None and int(total.group(1)) == summary["indicators"]
    lights = dict(re.findall(r"([^\d，、：]+?)(\d+)项", overview[1].split("：", 1)[1]))
    assert {ZH_LIGHT[word]: int(n) for word, n in lights.items()} == summary["by_light"]

    # 欠进度与预警: exactly the yellow and red indicators of `status` that are not 临期, with the same light
    by_id = {entry["id"]: entry for entry in document["indicators"]}
    expected = {i for i, entry in by_id.items()
                if entry["light"] in ("yellow", "red") and entry["status"] != "due_soon"}
    warned: dict[str, str] = {}
    for line in _section(result.stdout, "三、欠进度与预警"):
        found = re.match(r"\d+\. 【(.+?)】.*?（([\d.]+)）：", line)
        if found:
            warned[found.group(2)] = ZH_LIGHT[found.group(1)]
    assert set(warned) == expected
    assert all(by_id[i]["light"] == light for i, light in warned.items())


@pytest.mark.parametrize("day", ["2025-06-30", *AGREEMENT_DATES])
def test_report_json_warns_of_every_yellow_and_red_light_of_status(day: str) -> None:
    status = json.loads(invoke("status", "--as-of", day, "--format", "json").stdout)
    result = invoke("report", "--as-of", day, "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    lit = {i["id"] for i in status["indicators"] if i["light"] in ("yellow", "red")}
    warned = [w["id"] for w in doc["warnings"]] + [d["id"] for d in doc["due_soon"]]
    assert sorted(warned) == sorted(lit)  # each once
    assert doc["summary"] == status["summary"]
    # the text's 总体进展 counts the same lights, and as many of them in each list
    text = invoke("report", "--as-of", day).stdout.replace("\n   ", "")
    by_light = status["summary"]["by_light"]
    assert f"亮黄灯、红灯的{len(lit)}项中，{len(doc['warnings'])}项列入欠进度与预警，" \
           f"{len(doc['due_soon'])}项列入临期事项。" in text
    lights = next(line for line in text.splitlines() if line.startswith("2. 亮灯情况："))
    for light, word in (("yellow", "黄灯"), ("red", "红灯")):
        assert (f"{word}{by_light[light]}项" in lights) if light in by_light else (word not in lights)


def test_week_and_as_of_of_its_sunday_are_the_same_report() -> None:
    by_week = invoke("report", "--week", "2025-W27")
    by_day = invoke("report", "--as-of", "2025-07-06")
    assert by_week.exit_code == by_day.exit_code == 0
    assert by_week.stdout == by_day.stdout


# ----------------------------------------------------------------------------------------------------
# options, output file, exit codes (the tiny plan of conftest)


@pytest.fixture
def tiny(data: DataDir) -> DataDir:
    data.write_report("nanxun", "2025-06-27", report("nanxun", "2025-06-27", '  "1.1": 60\n'))
    data.write_report("district", "2025-06-27", report("district", "2025-06-27", '  "3.1": 4\n'))
    return data


def test_html_and_markdown_formats(tiny: DataDir) -> None:
    html = invoke("report", "--as-of", "2025-06-30", "--format", "html", data=tiny.root, today=TODAY.isoformat())
    assert html.exit_code == 0, html.stderr
    assert html.stdout.startswith("<!doctype html>")
    markdown = invoke("report", "--as-of", "2025-06-30", "-f", "markdown", data=tiny.root, today=TODAY.isoformat())
    assert markdown.stdout.startswith("# 测试区2025年民政工作要点推进情况周报\n")
    assert "| 排名 | 单位 |" in markdown.stdout


def test_output_file_is_written_whole(tiny: DataDir, tmp_path: Path) -> None:
    target = tmp_path / "out" / "周报.txt"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    result = invoke("report", "--as-of", "2025-06-30", "-o", str(target), data=tiny.root, today=TODAY.isoformat())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    printed = invoke("report", "--as-of", "2025-06-30", data=tiny.root, today=TODAY.isoformat()).stdout
    assert target.read_text(encoding="utf-8") == printed
    assert sorted(p.name for p in target.parent.iterdir()) == ["周报.txt"]  # no temporary file left behind


def test_output_into_a_missing_folder(tiny: DataDir, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.html"
    result = invoke("--lang", "en", "report", "-f", "html", "-o", str(target), data=tiny.root, today=TODAY.isoformat())
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and str(target) in result.stderr
    assert not target.parent.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--week", "2025-W27", "--as-of", "2025-07-06"], "give one of --week, --month, --quarter and --as-of"),
    (["--week", "2025-27"], "not an ISO week"),
    (["--week", "2025-W54"], "has no week 54"),
    (["--as-of", "2025-13-01"], "not a real calendar date"),
])
def test_usage_errors(tiny: DataDir, args: list[str], message: str) -> None:
    result = invoke("--lang", "en", "report", *args, data=tiny.root, today=TODAY.isoformat())
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_week_outside_the_plan_is_clamped_with_a_notice(tiny: DataDir) -> None:
    result = invoke("report", "--week", "2024-W50", data=tiny.root, today=TODAY.isoformat())
    assert result.exit_code == 0
    assert "2024-12-15" in result.stderr and "2025-01-01" in result.stderr
    assert "数据截至1月1日" in result.stdout


def test_broken_files_are_named_and_exit_1(tiny: DataDir) -> None:
    tiny.write_report("shuanglin", "2025-06-27", "unit: shuanglin\nas_of: 2025-06-27\nvalues:\n  \"1.1\": 150人\n")
    result = invoke("report", "--as-of", "2025-06-30", data=tiny.root, today=TODAY.isoformat())
    assert result.exit_code == 1
    assert "shuanglin/2025-06-27.yaml" in result.stderr
    assert "推进情况周报" in result.stdout  # the report of the valid files is still written


def test_english_everywhere(tiny: DataDir) -> None:
    text = invoke("report", "--as-of", "2025-06-30", "--lang", "en", data=tiny.root, today=TODAY.isoformat()).stdout
    headings = [line for line in text.splitlines() if re.match(r"[IVX]+\. ", line)]
    assert headings == ["I. Overall progress", "II. Changes since 23 Jun", "III. Behind schedule and warnings",
                        "IV. Due within 30 days", "V. Data checks", "VI. Reporting", "VII. Township ranking"]
    # apart from the data's own names and units, no Chinese word
    names = "|".join(re.escape(s) for s in ("测试区2025年民政工作要点", "新增持证护理员", "其中\"双证\"护理员",
                                            "低保对象入户核查率", "每万名老年人拥有持证护理员", "城乡低保标准",
                                            "供养机构总数", "清明祭扫工作方案", "建成村级公益性公墓", "南浔镇",
                                            "双林镇", "浔溪街道", "区民政局", "人", "个", "张", "元/人/年",
                                            "序时进度"))
    leftover = re.sub(names, "", text)
    assert not re.search(r"[\u4e00-\u9fff]", leftover), leftover
