"""`minzheng status` / `show` / `units` through the real CLI (CliRunner), on the tiny plan of conftest."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from conftest import TODAY, DataDir
from minzheng_cli.cli import app
from minzheng_cli.engine import status as engine
from minzheng_cli.render.status_json import status_document
from minzheng_cli.render.width import cells

runner = CliRunner()


def invoke(data: DataDir, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(data.root), *args], env={"MINZHENG_TODAY": TODAY.isoformat()})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def filled(data: DataDir) -> DataDir:
    data.write_breakdown()
    data.write_report("nanxun", "2025-06-30", """\
        unit: nanxun
        as_of: 2025-06-30
        values:
          "1.1": 60
          "1.2": 20
          "2.1": {numerator: 9, denominator: 10}
          "3.3": done
        """)
    data.write_report("shuanglin", "2025-06-30", """\
        unit: shuanglin
        as_of: 2025-06-30
        values:
          "1.1": 15
          "2.1": {numerator: 1, denominator: 30}
        """)
    data.write_report("district", "2025-06-30", """\
        unit: district
        as_of: 2025-06-30
        values:
          "3.1": 3
          "3.2": in_progress
          "2.3": 15000
        """)
    return data


def test_json_equals_the_engine_result(filled: DataDir) -> None:
    code, out, err = invoke(filled, "status", "--as-of", "2025-06-30", "--format", "json")
    assert code == 0, err
    loaded = filled.load()
    assert loaded.targets is not None
    expected = status_document(loaded.targets, engine.evaluate(loaded.targets, loaded.breakdown, loaded.reports,
                                                               date(2025, 6, 30)))
    assert json.loads(out) == expected


def test_json_figures_worked_by_hand(filled: DataDir) -> None:
    doc = json.loads(invoke(filled, "status", "--as-of", "2025-06-30", "--format", "json")[1])
    by_id = {i["id"]: i for i in doc["indicators"]}
    # 1.1: 60 + 15 = 75 of 150 → completion 0.5; pace days 181/365 = 0.4959 → gap −0.41 points → ahead
    assert by_id["1.1"]["actual"] == 75
    assert by_id["1.1"]["completion"] == 0.5
    assert by_id["1.1"]["pace"] == 0.4959
    assert by_id["1.1"]["status"] == "ahead"
    # 2.1: pooled 100 × (9 + 1) / (10 + 30) = 25 %, not the mean of 90 % and 3.3 %
    assert by_id["2.1"]["actual"] == 25
    # 3.1 cap 3 of at most 3: within the cap; 3.2 due 2025-04-05, not done at 06-30: overdue
    assert (by_id["3.1"]["status"], by_id["3.1"]["light"]) == ("within_cap", "green")
    assert (by_id["3.2"]["status"], by_id["3.2"]["light"]) == ("overdue", "red")
    assert doc["summary"]["indicators"] == len(doc["indicators"])


def test_plain_table_lines_up_chinese_columns(filled: DataDir) -> None:
    code, out, _ = invoke(filled, "status", "--as-of", "2025-06-30")
    assert code == 0
    lines = out.splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line) <= {"-", " "} and line.strip())
    table = lines[rule - 1: rule + 1 + 8]
    widths = {cells(line.rstrip()) for line in table[1:]}
    # every column starts where the rule's dashes start, measured in display columns (render.width's rule: a
    # Chinese character and an East Asian ambiguous one such as — count 2)
    starts = [i for i, ch in enumerate(lines[rule]) if ch == "-" and (i == 0 or lines[rule][i - 1] == " ")]
    for line in table[2:]:
        cells_end = [_display_index(line, s) for s in starts[1:]]
        for end in cells_end:
            assert line[end - 1] == " ", f"column boundary broken in {line!r}"
    assert max(widths) <= cells(lines[rule]) + 1
    assert "新增持证护理员" in out and "完成率" in out and "序时进度" in out


def _display_index(line: str, column: int) -> int:
    """The character index at which display column `column` starts."""
    width = 0
    for i, ch in enumerate(line):
        if width >= column:
            return i
        width += cells(ch)
    return len(line)


def test_english_headers_and_words(filled: DataDir) -> None:
    out = invoke(filled, "--lang", "en", "status", "--as-of", "2025-06-30")[1]
    assert "Completion" in out and "Pace" in out and "within cap" in out and "overdue" in out


def test_filters(filled: DataDir) -> None:
    def ids(*args: str) -> list[str]:
        out = invoke(filled, "status", "--as-of", "2025-06-30", "--format", "json", *args)[1]
        return [i["id"] for i in json.loads(out)["indicators"]]

    assert ids("--task", "3") == ["3.1", "3.2", "3.3"]
    # 2.1 has baseline 82.5: progress (25 − 82.5) / (90 − 82.5) < 0, far behind pace → red; 3.2 overdue → red
    assert ids("--only", "red") == ["2.1", "3.2"]
    assert ids("--only", "within_cap") == ["3.1"]
    assert set(ids("--unit", "district")) == {"2.2", "2.3", "3.1", "3.2"}
    units = json.loads(invoke(filled, "status", "--as-of", "2025-06-30", "--format", "json", "--unit", "nanxun")[1])
    assert {u["unit"] for i in units["indicators"] for u in i["units"]} == {"nanxun"}


@pytest.mark.parametrize("args, word", [(["--task", "9"], "task 9"), (["--only", "purple"], "purple"),
                                         (["--unit", "nowhere"], "nowhere"), (["--as-of", "2025-13-01"], "2025-13-01")])
def test_bad_filters_are_one_line_usage_errors(filled: DataDir, args: list[str], word: str) -> None:
    code, out, err = invoke(filled, "--lang", "en", "status", *args)
    assert code == 2 and out == ""
    assert word in err and len(err.strip().splitlines()) == 1


def test_as_of_is_clamped_into_the_plan_with_a_notice(filled: DataDir) -> None:
    code, out, err = invoke(filled, "status", "--as-of", "2026-03-01", "--format", "json")
    assert code == 0
    assert json.loads(out)["as_of"] == "2025-12-31"
    assert "2026-03-01" in err and "2025-12-31" in err


def test_as_of_defaults_to_today(filled: DataDir) -> None:
    assert json.loads(invoke(filled, "status", "--format", "json")[1])["as_of"] == TODAY.isoformat()


def test_broken_report_is_named_and_exits_1(filled: DataDir) -> None:
    bad = filled.write_report("xunxi", "2025-06-30", "unit: xunxi\nas_of: 2025-06-30\nvalues:\n  \"1.1\": 12人\n")
    code, out, err = invoke(filled, "status", "--as-of", "2025-06-30", "--format", "json")
    assert code == 1
    assert str(bad) in err
    assert json.loads(out)["indicators"][0]["actual"] == 75  # the broken file's 12 is not counted


def test_csv_and_markdown(filled: DataDir) -> None:
    out = invoke(filled, "status", "--as-of", "2025-06-30", "--format", "csv")[1]
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0]["编号"] == "1.1" and rows[0]["实际"] == "75" and rows[0]["完成率"] == "0.5"
    md = invoke(filled, "status", "--as-of", "2025-06-30", "--format", "markdown")[1]
    # 进度, blank where it is 完成率 (a cumulative target), stands between 完成率 and 序时进度
    assert "| 编号 | 指标 | 目标 | 实际 | 完成率 | 进度 | 序时进度 | 状态 | 灯 |" in md
    assert "| 1.1 | 新增持证护理员 | 150人 | 75人 | 50.0% |  | 49.6% | 超进度 | 绿灯 |" in md


def test_show_prints_source_history_and_units(filled: DataDir) -> None:
    code, out, _ = invoke(filled, "show", "1.1", "--as-of", "2025-06-30")
    assert code == 0
    assert "新增持证护理员150人。" in out
    assert "2025-06-30" in out and "75人" in out
    assert "南浔镇" in out and "60人" in out
    code, _, err = invoke(filled, "show", "1.9")
    assert code == 2 and "1.9" in err


def test_units_ranks_townships_with_completeness(filled: DataDir) -> None:
    code, out, _ = invoke(filled, "units", "--as-of", "2025-06-30")
    assert code == 0
    lines = [line for line in out.splitlines() if line.strip()]
    names = [n for n in ("南浔镇", "双林镇", "浔溪街道") if n in out]
    assert names == ["南浔镇", "双林镇", "浔溪街道"]
    assert any(line.lstrip().startswith("1") and "南浔镇" in line for line in lines)


def test_missing_data_folder_is_exit_2(tmp_path: object) -> None:
    result = runner.invoke(app, ["--data", "/nonexistent/minzheng", "status"])
    assert result.exit_code == 2
    assert "/nonexistent/minzheng" in result.stderr


def test_unit_table_shows_the_units_own_figures(filled: DataDir) -> None:
    out = invoke(filled, "status", "--as-of", "2025-06-30", "--unit", "nanxun", "--task", "1")[1]
    # nanxun: 60 of its quota 60 → 100 % done (the district row would read 150人 / 75人)
    line = next(line for line in out.splitlines() if line.startswith("1.1"))
    assert line.split()[2:6] == ["60人", "60人", "100.0%", "49.6%"]
    assert "南浔镇" in out.splitlines()[0]
    rows = list(csv.DictReader(io.StringIO(invoke(filled, "status", "--as-of", "2025-06-30", "--unit", "nanxun",
                                                  "--format", "csv")[1].lstrip("\ufeff"))))
    assert (rows[0]["目标"], rows[0]["实际"], rows[0]["完成率"]) == ("60", "60", "1")


def test_units_lists_the_district_unranked_and_the_overall_rate(filled: DataDir) -> None:
    out = invoke(filled, "units", "--as-of", "2025-06-30")[1]
    district = next(line for line in out.splitlines() if "区民政局" in line)
    assert district.split()[0] == "—"
    # monthly cadence, Jan–Jun: 6 periods × 4 units = 24 expected; 3 units reported in June → 3 reports
    assert "应报 24 份，已报 3 份" in out
    assert "Overall reporting rate 12.5% (3 of 24 reports)" in invoke(filled, "--lang", "en", "units", "--as-of",
                                                                     "2025-06-30")[1]


def test_a_broken_breakdown_is_named_and_exits_1(filled: DataDir) -> None:
    path = filled.write_breakdown("source: x\nquotas:\n  \"1.1\": {nanxun: -60}\n")
    code, out, err = invoke(filled, "status", "--as-of", "2025-06-30", "--format", "json")
    assert code == 1 and str(path) in err
    assert json.loads(out)["indicators"][0]["units"][0]["quota"] is None


def test_full_width_dates_and_weeks_are_refused_with_advice(filled: DataDir) -> None:
    code, _, err = invoke(filled, "--lang", "en", "status", "--as-of", "２０２５-０６-３０")
    assert code == 2 and "full-width" in err and "2025-06-30" in err
    code, _, err = invoke(filled, "--lang", "en", "report", "--week", "２０２５-W２７")
    assert code == 2 and "not an ISO week" in err
