"""`minzheng report` as text for a chat, a terminal and a leader (DESIGN §3, `report`): no line breaks of its own
when the output is not a terminal, the terminal's width when it is, `--width N` to choose; a unit's or an
indicator's name and a number with its unit never split across lines; `--brief` in at most ten lines.

On the frozen year (conftest's YEAR) through the CLI; the exact texts are golden files (test_report_golden.py).
"""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import YEAR, YEAR_TODAY, DataDir, report
from minzheng_cli.cli import app
from minzheng_cli.cli import report as report_command
from minzheng_cli.render.width import cells

runner = CliRunner()
WEEKS = ["2025-W06", "2025-W14", "2025-W27", "2025-W40", "2025-W52"]


def invoke(*args: str, data: Path = YEAR, today: str = YEAR_TODAY) -> Any:
    return runner.invoke(app, ["--data", str(data), "report", *args], env={"MINZHENG_TODAY": today})


def year_names() -> list[str]:
    plan = yaml.safe_load((YEAR / "targets.yaml").read_text(encoding="utf-8"))
    return [u["name"] for u in plan["units"]] + [i["name"] for i in plan["indicators"]]


def items(text: str) -> list[str]:
    """The numbered items of a text report, each as one string (continuation lines joined)."""
    found: list[str] = []
    for line in text.splitlines():
        if re.match(r"\d+\. ", line):
            found.append(line)
        elif line.startswith(" ") and found:
            found[-1] += " " + line.strip()
    return found


# ----------------------------------------------------------------------------------------------------
# chat: no line breaks of its own


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_piped_text_has_one_line_per_item_for_a_chat(lang: str) -> None:
    result = invoke("--week", "2025-W27", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if line.startswith(" ")]  # no continuation line anywhere
    assert max(cells(line) for line in lines) > 120  # long items stay long: the chat window wraps them
    # the same items as the 80-column text, each on its one line
    wrapped = invoke("--week", "2025-W27", "--lang", lang, "--width", "80").stdout
    joiner = " " if lang == "en" else ""
    assert [re.sub(r"\s+", joiner, i) for i in items(result.stdout)] == [re.sub(r"\s+", joiner, i) for i in items(wrapped)]


def test_text_written_to_a_file_has_no_line_breaks_of_its_own(tmp_path: Path) -> None:
    out = tmp_path / "周报.txt"
    result = invoke("--week", "2025-W27", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == invoke("--week", "2025-W27").stdout


# ----------------------------------------------------------------------------------------------------
# a width: the terminal's or --width N


@pytest.mark.parametrize("width", [40, 80, 120])
def test_width_fills_lines_to_that_many_columns(width: int) -> None:
    for week in WEEKS:
        result = invoke("--week", week, "--width", str(width))
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        assert all(cells(line) <= width for line in lines), max(lines, key=cells)
        assert any(cells(line) > width - 10 for line in lines)  # filled, not merely short


def test_a_terminal_gets_its_own_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_command, "is_terminal", lambda: True)
    monkeypatch.setattr(report_command.shutil, "get_terminal_size", lambda *a: os.terminal_size((60, 24)))
    result = invoke("--week", "2025-W27")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cells(line) <= 60 for line in lines)
    assert any(line.startswith("   ") for line in lines)  # items continue under their text
    # --width wins over the terminal's
    wide = invoke("--week", "2025-W27", "--width", "100").stdout.splitlines()
    assert max(cells(line) for line in wide) > 60


@pytest.mark.parametrize("width", ["40", "80"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names_are_never_split_across_lines(width: str, lang: str) -> None:
    names = year_names()
    for week in WEEKS:
        whole = invoke("--week", week, "--lang", lang).stdout
        lines = invoke("--week", week, "--lang", lang, "--width", width).stdout.splitlines()
        for name in names:
            if cells(name) > int(width) - 4:
                continue  # wider than a line: the one case a piece must be cut
            assert sum(line.count(name) for line in lines) == whole.count(name), f"{week}: {name} split"


def test_a_number_and_its_unit_and_a_township_and_its_change_stay_together() -> None:
    for week in WEEKS:
        lines = invoke("--week", week, "--width", "40").stdout.splitlines()
        for before, after in itertools.pairwise(lines):
            start = after.lstrip()
            assert not (before[-1:].isdigit() and re.match(r"(人|户|个|项|万元|%|个百分点)", start)), (before, after)
            assert not start.startswith(("+", "-")), (before, after)  # 菱湖镇+2人 is one piece


def test_width_below_twenty_is_refused() -> None:
    result = invoke("--week", "2025-W27", "--width", "10")
    assert result.exit_code == 2
    assert result.stdout == ""


# ----------------------------------------------------------------------------------------------------
# --brief: the leader's version


def test_brief_is_at_most_ten_lines_every_week() -> None:
    for week in [f"2025-W{n:02d}" for n in range(2, 53, 5)]:
        for lang in ("zh", "en"):
            result = invoke("--week", week, "--brief", "--lang", lang)
            assert result.exit_code == 0, result.stderr
            assert len(result.stdout.splitlines()) <= 10, f"{week} {lang}:\n{result.stdout}"


def test_brief_gives_the_lights_the_red_items_and_who_has_not_reported() -> None:
    full = invoke("--week", "2025-W27").stdout
    brief = invoke("--week", "2025-W27", "--brief").stdout
    lines = brief.splitlines()
    assert lines[0].endswith("（简报）") and lines[1] == full.splitlines()[1]  # title, then period and 数据截至
    lights = re.search(r"亮灯情况：(.*)。", full)
    assert lights is not None and lights.group(1) in lines[2]
    reds = [item for item in items(full) if "【红灯】" in item]
    assert lines[3] == f"红灯{len(reds)}项："
    for red, line in zip(reds, lines[4:4 + len(reds)], strict=True):
        name = re.search(r"】(.+?（[\d.]+）)", red)
        assert name is not None and name.group(1) in line
    reporting = next(line for line in full.splitlines() if line.startswith("1. ") and "应报" in line)
    assert lines[-1] == reporting.removeprefix("1. ")


def test_brief_names_who_has_not_reported(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-27", report("nanxun", "2025-06-27", '  "1.1": 30\n'))
    result = invoke("--as-of", "2025-07-07", "--brief", data=data.root, today="2025-07-15")
    assert result.exit_code == 0, result.stderr
    assert "未报" in result.stdout.splitlines()[-1]
    assert "双林镇" in result.stdout.splitlines()[-1] and "浔溪街道" in result.stdout.splitlines()[-1]


def test_brief_with_more_red_items_than_lines_names_four_and_counts_the_rest(data: DataDir) -> None:
    # at the year's end every indicator short of its target has missed it, and the milestones are overdue
    day = "2025-12-26"
    for unit in ("nanxun", "shuanglin", "xunxi"):
        data.write_report(unit, day, report(unit, day, '  "1.1": 1\n  "1.2": 1\n  "2.1": {numerator: 1, denominator: 10}\n'
                                                       '  "3.3": in_progress\n'))
    data.write_report("district", day, report("district", day, '  "2.2": {numerator: 1, denominator: 10}\n'
                                                               '  "2.3": 10000\n  "3.1": 5\n  "3.2": in_progress\n'))
    result = invoke("--as-of", "2025-12-31", "--brief", data=data.root, today="2026-01-31")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 10
    assert lines[3] == "红灯7项："  # all but 2.2, per 10,000 (1 of 10 is 1000 张)
    assert [line[:2] for line in lines[4:8]] == ["1.", "2.", "3.", "4."]
    assert lines[8] == "另有红灯3项，详见报告全文。"


def test_brief_in_markdown_lists_the_red_items() -> None:
    result = invoke("--week", "2025-W27", "--brief", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    title = result.stdout.splitlines()[0]
    assert title.startswith("**") and title.endswith("2025年全区民政工作要点推进情况周报（简报）**")
    assert re.search(r"\n\n1\. .+（[\d.]+）：", result.stdout)


@pytest.mark.parametrize("format", ["html", "json", "docx"])
def test_brief_is_refused_where_it_makes_no_sense(format: str, tmp_path: Path) -> None:
    result = invoke("--week", "2025-W27", "--brief", "--format", format, "-o", str(tmp_path / "x"))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--brief" in result.stderr
    assert not (tmp_path / "x").exists()
