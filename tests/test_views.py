"""`status`, `show` and `units` for a Chinese analyst: tables that fit 80 columns and up with nothing cut, one
display-width rule, units by name or code, filters by Chinese word, every format through one output path, and the
Excel 台账."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import TODAY, YEAR, YEAR_TODAY, DataDir
from minzheng_cli.checks.linter import load_data
from minzheng_cli.cli import app
from minzheng_cli.engine.snapshot import take
from minzheng_cli.model.folder import SAMPLE_MARKER
from minzheng_cli.render import fmt, status_table, width, xlsx
from minzheng_cli.render.width import cells

runner = CliRunner()
AS_OF = "2025-06-30"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
DATA = YEAR  # the frozen year, without the sample marker (set by `_unmarked_year`)


@pytest.fixture(autouse=True, scope="module")
def _unmarked_year(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The frozen year as real data would be: without the sample marker, so that no banner comes first (the
    marker's banner has a test of its own)."""
    global DATA
    DATA = tmp_path_factory.mktemp("views") / "year"
    shutil.copytree(YEAR, DATA, ignore=shutil.ignore_patterns(SAMPLE_MARKER))


def year(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--data", str(DATA), *args],
                           env={"MINZHENG_TODAY": YEAR_TODAY, "MINZHENG_LANG": "", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def status_document() -> dict[str, object]:
    code, out, err = year("status", "--as-of", AS_OF, "--format", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


# --- the one width rule ----------------------------------------------------------------------------------------


def test_ambiguous_characters_count_two_columns_by_default() -> None:
    assert cells("“双证”") == 8
    assert cells("—") == 2 and cells("…") == 2 and cells("×") == 2 and cells("≤3个") == 5
    assert cells("abc") == 3 and cells("双林镇") == 6


def test_ambiguous_characters_count_one_column_when_the_terminal_draws_them_narrow() -> None:
    try:
        width.set_ambiguous(1)
        assert cells("“双证”") == 6 and cells("—") == 1
    finally:
        width.set_ambiguous(2)


def test_combining_marks_take_no_column() -> None:
    assert cells("e\u0301") == 1


def test_minzheng_ambiguous_width_1_lays_the_table_out_for_a_narrow_terminal() -> None:
    def dash_row(out: str) -> str:
        return next(line for line in out.splitlines() if line.startswith("1.1 "))

    wide = dash_row(year("status", "--as-of", AS_OF, "--task", "1")[1])
    narrow = dash_row(year("status", "--as-of", AS_OF, "--task", "1", env={"MINZHENG_AMBIGUOUS_WIDTH": "1"})[1])
    # 1.1 has no target and no completion (—): each counted 2 columns gets one space less than counted 1
    assert wide.count("—") == 2 and len(narrow) == len(wide) + 2
    assert dash_row(year("status", "--as-of", AS_OF, "--task", "1")[1]) == wide  # the next command: the default
    assert width.ambiguous() == 2


# --- tables that fit -----------------------------------------------------------------------------------------


def _figures_whole(out: str, document: dict[str, object]) -> None:
    """Every id, and every completion and pace as the table shows them, on one line of the output."""
    lines = out.splitlines()
    for ind in document["indicators"]:  # type: ignore[attr-defined]
        row = [line for line in lines if line.startswith(ind["id"] + " ")]
        assert len(row) == 1, ind["id"]
        if ind["completion"] is not None:
            assert fmt.percent(Fraction(ind["completion"]).limit_denominator(10000)) in row[0]


@pytest.mark.parametrize("columns", [80, 100, 200])
def test_the_status_table_fits_the_width_with_ids_numbers_and_headers_whole(columns: int) -> None:
    code, out, err = year("status", "--as-of", AS_OF, "--width", str(columns))
    assert code == 0, err
    assert max(cells(line) for line in out.splitlines()) <= columns
    header = next(line for line in out.splitlines() if line.startswith("编号"))
    for word in ("编号", "指标", "目标", "实际", "完成率", "状态", "灯"):
        assert re.search(rf"(^|\s){word}(\s|$)", header), word
    _figures_whole(out, status_document())


def test_at_80_columns_the_pace_column_leaves_first_and_names_wrap() -> None:
    narrow = year("status", "--as-of", AS_OF, "--width", "80")[1]
    wide = year("status", "--as-of", AS_OF, "--width", "120")[1]
    def header(out: str) -> str:
        return next(line for line in out.splitlines() if line.startswith("编号"))

    assert "序时进度" not in header(narrow) and "序时进度" in header(wide)
    assert "完成率" in header(narrow)
    # 1.2 打造具备老年友好社区创建标准的社区 wraps onto the next lines at 80 columns, one line at 120
    name = "打造具备老年友好社区创建标准的社区"
    at_80 = narrow.splitlines()
    first = next(i for i, line in enumerate(at_80) if line.startswith("1.2 "))
    end = next(i for i, line in enumerate(at_80) if line.startswith("1.3 "))
    assert name not in at_80[first] and end - first > 1
    assert "".join(re.sub(r"^1\.2\s+", "", line).split()[0] for line in at_80[first:end]) == name
    assert name in wide


def test_a_figure_wraps_only_after_a_slash_of_its_unit() -> None:
    out = year("status", "--as-of", AS_OF, "--width", "80", "--task", "3")[1]
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("3.3 "))
    assert "23.87名/" in lines[row] and "万名老年人" in lines[row + 1]


def test_piped_without_width_every_row_is_one_line() -> None:
    out = year("status", "--as-of", AS_OF)[1]
    rows = [line for line in out.splitlines() if re.match(r"\d+\.\d+ ", line)]
    assert len(rows) == len(status_document()["indicators"])  # type: ignore[arg-type]


@pytest.mark.parametrize("columns", [80, 100, 200])
@pytest.mark.parametrize("args", [["status"], ["show", "3.1"], ["units"]], ids=["status", "show", "units"])
def test_show_and_units_fit_too(columns: int, args: list[str]) -> None:
    code, out, err = year(*args, "--as-of", AS_OF, "--width", str(columns))
    assert code == 0, err
    assert max(cells(line) for line in out.splitlines()) <= columns


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_units_at_80_columns_keeps_both_rates(lang: str) -> None:
    out = year("--lang", lang, "units", "--as-of", AS_OF, "--width", "80")[1]
    assert max(cells(line) for line in out.splitlines()) <= 80
    for header in (["报送率", "及时率"] if lang == "zh" else ["Reporting", "On-time"]):
        assert header in out
    assert re.search(r"100\.0%\s+0\.0%$", next(line for line in out.splitlines() if "千金镇" in line))


SCRIPT = shutil.which("script")


def _in_terminal(columns: int, *args: str) -> str:
    """What a person sees on stdout: the command run in a pseudo-terminal `columns` wide (util-linux `script`),
    colours stripped; stderr (notices, the progress bar of a slow cold run) kept out of it."""
    command = " ".join([sys.executable, "-m", "minzheng_cli", "--data", str(DATA), *args])
    env = {**os.environ, "MINZHENG_TODAY": YEAR_TODAY, "COLUMNS": str(columns), "LINES": "200", "TERM": "xterm-256color"}
    env.pop("MINZHENG_LANG", None)
    done = subprocess.run([SCRIPT or "script", "-qec", f"stty cols {columns} rows 200; {command} 2>/dev/null", "/dev/null"],
                          capture_output=True, env=env, timeout=120, check=True)
    return ANSI.sub("", done.stdout.decode("utf-8")).replace("\r", "")


@pytest.mark.skipif(SCRIPT is None, reason="needs util-linux script for a pseudo-terminal")
@pytest.mark.parametrize("columns", [80, 100, 200])
def test_in_a_real_terminal_nothing_is_cut(columns: int) -> None:
    status = _in_terminal(columns, "status", "--as-of", AS_OF)
    assert max(cells(line.rstrip()) for line in status.splitlines()) <= columns
    assert "编号" in status and "完成率" in status
    _figures_whole(status, status_document())
    show = _in_terminal(columns, "show", "3.1", "--as-of", AS_OF)
    assert max(cells(line.rstrip()) for line in show.splitlines()) <= columns
    assert "2025-06-27" in show and "96人" in show and "东迁街道" in show
    units = _in_terminal(columns, "units", "--as-of", AS_OF)
    assert max(cells(line.rstrip()) for line in units.splitlines()) <= columns
    assert "报送率" in units and "及时率" in units and "区民政局" in units


# --- units by name or code, filters by word -------------------------------------------------------------------


def test_a_unit_by_its_chinese_name_or_code_is_the_unit_by_its_id() -> None:
    def doc(unit: str) -> str:
        code, out, err = year("status", "--as-of", AS_OF, "--format", "json", "--unit", unit)
        assert code == 0, err
        return out

    assert doc("双林镇") == doc("shuanglin") == doc("330503101") == doc("Shuanglin")
    assert {u["unit"] for i in json.loads(doc("双林镇"))["indicators"] for u in i["units"]} == {"shuanglin"}


def test_the_table_of_a_unit_by_name_shows_its_own_figures() -> None:
    by_name = year("status", "--as-of", AS_OF, "--unit", "双林镇")[1]
    assert by_name == year("status", "--as-of", AS_OF, "--unit", "shuanglin")[1]
    assert "双林镇" in by_name.splitlines()[0]


def test_new_and_template_take_a_unit_by_name_or_code(data: DataDir, tmp_path: Path) -> None:
    env = {"MINZHENG_TODAY": TODAY.isoformat()}
    made = runner.invoke(app, ["--data", str(data.root), "new", "双林镇", "--as-of", "2025-07-11"], env=env)
    assert made.exit_code == 0, made.stderr
    assert (data.root / "progress" / "shuanglin" / "2025-07-11.yaml").is_file()
    book = tmp_path / "双林镇.xlsx"
    made = runner.invoke(app, ["--data", str(data.root), "template", "330503101", "--as-of", "2025-07-18",
                               "-o", str(book)], env=env)
    assert made.exit_code == 0, made.stderr
    assert book.is_file()


@pytest.mark.parametrize(("word", "code"), [("红灯", "red"), ("欠进度", "behind"), ("黄灯", "yellow"),
                                            ("已完成", "done"), ("on pace", "on_pace"), ("RED", "red")])
def test_only_takes_the_chinese_or_english_word_as_well_as_the_code(word: str, code: str) -> None:
    def ids(only: str) -> list[str]:
        out = year("status", "--as-of", AS_OF, "--format", "json", "--only", only)[1]
        return [i["id"] for i in json.loads(out)["indicators"]]

    assert ids(word) == ids(code) and ids(code)


# --- help in the user's language ------------------------------------------------------------------------------

COMMANDS = [[], ["validate"], ["status"], ["show"], ["units"], ["report"], ["new"], ["template"], ["import"],
            ["schema"]]
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}\b")


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, list(args), env={"MINZHENG_LANG": "", **(env or {})}, terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "minzheng")
def test_help_is_chinese_by_default(args: list[str]) -> None:
    page = _help(*args, "--help")
    assert page.startswith("用法：minzheng") and "选项：" in page and "显示本帮助并退出" in page
    assert ENGLISH_WORDS.findall(re.sub(r"`[^`]*`|\S+\.(yaml|json)\b", "", page)) == []
    assert "Help." not in page  # every help text found in the catalogue


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "minzheng")
def test_help_is_english_with_lang_en_anywhere_or_minzheng_lang(args: list[str]) -> None:
    before = _help("--lang", "en", *args, "--help")
    after = _help(*args, "--help", "--lang", "en")
    by_env = _help(*args, "--help", env={"MINZHENG_LANG": "en"})
    assert before.startswith("Usage: minzheng") and "Show this message and exit." in before
    assert before == after == by_env
    assert "Help." not in before


def test_minzheng_help_lists_every_command_with_its_chinese_summary() -> None:
    page = _help("--help")
    assert "命令：" in page
    assert re.search(r"^  status\s+逐项列出指标", page, re.MULTILINE)
    assert re.search(r"^  units\s+各镇（街道）按分解任务进度排名", page, re.MULTILINE)


def test_the_command_table_lists_each_command_with_its_module_and_help() -> None:
    import importlib

    from minzheng_cli.cli.common import COMMANDS

    for module, _ in COMMANDS.values():
        importlib.import_module(f"minzheng_cli.cli.{module}")
    registered = {info.name or info.callback.__name__: (info.callback.__module__, info.help)  # type: ignore[union-attr]
                  for info in app.registered_commands}
    assert registered == {name: (f"minzheng_cli.cli.{module}", help.id) for name, (module, help) in COMMANDS.items()}


def test_minzheng_help_imports_no_command_and_nothing_of_the_core() -> None:
    code = ("import sys; sys.argv = ['minzheng', '--help']; from minzheng_cli.cli import main\n"
            "try: main()\nexcept SystemExit: pass\n"
            "print(*sorted(m for m in sys.modules if m.startswith('minzheng_cli') or m in ('pydantic', 'yaml', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")[-2]
    assert set(out.split()) <= {"minzheng_cli", "minzheng_cli.catalogue", "minzheng_cli.catalogue.help",
                                "minzheng_cli.cli", "minzheng_cli.cli.common", "minzheng_cli.cli.helptext",
                                "minzheng_cli.render", "minzheng_cli.render.width"}


def test_a_misspelt_command_is_refused_with_the_closest_name() -> None:
    result = runner.invoke(app, ["validat"])
    assert result.exit_code == 2 and "'validate'" in result.output


def test_minzheng_lang_sets_the_language_of_the_output_too() -> None:
    out = year("status", "--as-of", AS_OF, "--task", "3", env={"MINZHENG_LANG": "en"})[1]
    assert "Completion" in out
    assert "完成率" in year("--lang", "zh", "status", "--as-of", AS_OF, "--task", "3",
                         env={"MINZHENG_LANG": "en"})[1]


def test_every_option_names_its_help_by_a_catalogue_id() -> None:
    import typer.main

    from minzheng_cli.catalogue.help import Help

    ids = {text.id for text in Help.entries()}
    group = typer.main.get_command(app)
    commands = [group, *(group.get_command(None, name) for name in group.list_commands(None))]  # type: ignore[attr-defined, arg-type]
    for command in commands:
        assert command is not None
        assert command.help in ids, command.name
        for param in command.params:
            assert param.help in ids, f"{command.name} {param.name}"


# --- one output path, every format -----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["status"], ["show", "3.1"], ["units"]], ids=["status", "show", "units"])
def test_json_keeps_the_codes_in_chinese(args: list[str]) -> None:
    code, out, err = year(*args, "--as-of", AS_OF, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["as_of"] == AS_OF and doc["sample"] is False
    text = json.dumps(doc, ensure_ascii=False)
    assert "绿灯" not in text and "超进度" not in text


def test_show_json_holds_the_indicator_and_its_history() -> None:
    doc = json.loads(year("show", "3.1", "--as-of", AS_OF, "--format", "json")[1])
    assert doc["indicator"]["id"] == "3.1" and doc["indicator"]["actual"] == 96
    assert doc["history"][-1] == {"as_of": "2025-06-27", "actual": 96}
    assert {u["unit"] for u in doc["indicator"]["units"]} >= {"shuanglin", "dongqian"}


def test_units_json_ranks_with_both_rates() -> None:
    doc = json.loads(year("units", "--as-of", AS_OF, "--format", "json")[1])
    first = doc["ranking"][0]
    assert first["rank"] == 1 and first["unit"] == "qianjin"
    assert set(first) >= {"score", "reporting_rate", "on_time_rate", "expected", "reported", "on_time"}
    assert doc["district"]["unit"] == "district" and doc["reporting"]["expected"] > 0


@pytest.mark.parametrize(("lang", "headers", "light"), [("zh", ["编号", "指标", "计量单位", "完成率", "灯"], "绿灯"),
                                                        ("en", ["ID", "Indicator", "Unit of measure", "Light"], "green")])
def test_status_csv_headers_and_words_follow_the_language(lang: str, headers: list[str], light: str) -> None:
    out = year("--lang", lang, "status", "--as-of", AS_OF, "--format", "csv")[1]
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert all(h in rows[0] for h in headers)
    three_one = next(r for r in rows if r[headers[0]] == "3.1")
    assert three_one[headers[-1]] == light
    assert three_one["完成率" if lang == "zh" else "Completion"] == "0.64"


@pytest.mark.parametrize("args", [["show", "3.1"], ["units"]], ids=["show", "units"])
@pytest.mark.parametrize("format", ["table", "json", "csv", "markdown", "xlsx"])
def test_show_and_units_take_every_format_of_status(args: list[str], format: str, tmp_path: Path) -> None:
    target = tmp_path / f"out.{format}"
    code, out, err = year(*args, "--as-of", AS_OF, "--format", format, "-o", str(target))
    assert code == 0, err
    assert out == "" and target.stat().st_size > 0


def test_show_csv_gives_the_unit_of_measure_in_the_header() -> None:
    out = year("show", "3.1", "--as-of", AS_OF, "--format", "csv")[1]
    history, units = out.lstrip("\ufeff").split("\n\n")
    assert history.splitlines()[0] == "日期,实际（人）" and history.splitlines()[-1] == "2025-06-27,96"
    assert units.splitlines()[0] == "单位,实际（人）,分解任务（人）,完成率,状态,灯"


def test_show_markdown_lists_the_facts_and_both_tables() -> None:
    out = year("show", "3.1", "--as-of", AS_OF, "--format", "markdown")[1]
    assert "- 原文：" in out and "| 日期 | 实际 |" in out and "| 单位 | 实际 | 分解任务 |" in out


def test_an_excel_workbook_is_not_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from minzheng_cli.cli import common

    monkeypatch.setattr(common, "is_terminal", lambda: True)
    code, out, err = year("status", "--as-of", AS_OF, "--format", "xlsx")
    assert code == 2 and out == "" and "-o" in err and "xlsx" in err


# --- number formats --------------------------------------------------------------------------------------------


def test_one_number_format() -> None:
    assert fmt.percent(Fraction(8987, 10000)) == "89.9%"
    assert fmt.pace(Fraction(1, 2)) == "50%" and fmt.pace(Fraction(7, 12)) == "58.3%" and fmt.pace(Fraction(1)) == "100%"
    assert fmt.with_uom(Fraction(8734, 100), "%") == "87.3%" and fmt.with_uom(Fraction(8903, 100), "%") == "89.0%"
    assert fmt.with_uom(Fraction(90), "%") == "90%"
    assert fmt.with_uom(Fraction(2387, 100), "名/万名老年人") == "23.87名/万名老年人"


def test_a_cap_is_shown_with_its_sign_in_tables_and_its_word_in_text() -> None:
    status = year("status", "--as-of", AS_OF, "--task", "2")[1]
    assert re.search(r"^2\.1 .*≤3个\s+3个", status, re.MULTILINE)
    show = year("show", "2.1", "--as-of", AS_OF)[1]
    assert "目标：上限3个" in show.replace(" ", "")


def test_a_whole_pace_has_no_decimals_in_every_view() -> None:
    status = year("status", "--as-of", AS_OF, "--width", "200")[1]
    assert " 50% " in status and "50.0%  " not in status.split("\n", 3)[3].split("绿灯")[0][-30:]
    assert "序时进度：50%" in year("show", "3.1", "--as-of", AS_OF)[1].replace(" ", "")


# --- the Excel 台账 ---------------------------------------------------------------------------------------------


def _book(tmp_path: Path, *args: str, data: Path | None = None) -> openpyxl.Workbook:
    path = tmp_path / "book.xlsx"
    result = runner.invoke(app, ["--data", str(data or DATA), *args, "--as-of", AS_OF, "--format", "xlsx", "-o", str(path)],
                           env={"MINZHENG_TODAY": YEAR_TODAY, "MINZHENG_LANG": ""})
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(path)


def test_the_status_workbook_is_the_indicator_sheet_and_the_township_sheet(tmp_path: Path) -> None:
    book = _book(tmp_path, "status")
    assert book.sheetnames == ["指标", "各镇（街道）"]
    sheet = book["指标"]
    assert sheet.freeze_panes == "B3" and sheet.auto_filter.ref.startswith("A2:")
    header = [c.value for c in sheet[2]]
    assert header[:3] == ["编号", "任务", "指标"] and header[-1] == "灯"
    row = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == "3.1")
    cell = dict(zip(header, row, strict=True))
    assert cell["实际"].value == 96 and cell["目标"].value == 150 and cell["计量单位"].value == "人"
    assert cell["完成率"].value == pytest.approx(0.64) and cell["完成率"].number_format == "0.0%"
    assert cell["序时进度"].value == 0.5 and cell["序时进度"].number_format == "0%"
    assert cell["灯"].value == "绿灯" and cell["灯"].fill.fgColor.rgb.endswith("C6EFCE")
    cap = dict(zip(header, next(r for r in sheet.iter_rows(min_row=3) if r[0].value == "2.1"), strict=True))
    assert cap["目标"].value == 3 and cap["目标"].number_format.startswith('"≤"')
    widths = sheet.column_dimensions
    assert widths["C"].width > widths["A"].width  # the names column fits Chinese names


def test_the_township_sheet_has_actual_quota_completion_and_light_per_indicator(tmp_path: Path) -> None:
    sheet = _book(tmp_path, "status")["各镇（街道）"]
    groups = [c.value for c in sheet[2]]
    assert "3.1 新增“双证”持证护理员" in groups
    start = groups.index("3.1 新增“双证”持证护理员") + 1
    assert [c.value for c in sheet[3]][start - 1:start + 3] == ["实际", "分解任务", "完成率", "灯"]
    assert sheet.freeze_panes == "B4" and sheet.auto_filter.ref.startswith("A3:")
    shuanglin = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == "双林镇")
    actual, quota, completion, light = (c for c in shuanglin[start - 1:start + 3])
    assert (actual.value, quota.value) == (15, 25) and actual.number_format == '0"人"'
    assert completion.value == pytest.approx(0.6) and light.value == "绿灯"
    assert {rng.coord for rng in sheet.merged_cells.ranges} >= {f"{actual.column_letter}2:{light.column_letter}2"}


def test_the_show_and_units_workbooks(tmp_path: Path) -> None:
    show = _book(tmp_path, "show", "3.1")
    assert show.sheetnames == ["指标信息", "全区数值变化", "各单位"]
    history = show["全区数值变化"]
    last = [c for c in history[history.max_row]]
    assert last[0].value.date().isoformat() == "2025-06-27" and last[1].value == 96 and last[1].number_format == '0"人"'
    units = _book(tmp_path, "units")["单位排名"]
    header = [c.value for c in units[2]]
    assert header[-2:] == ["报送率", "及时率"]
    first = [c for c in units[3]]
    assert first[0].value == 1 and first[1].value == "千金镇" and first[-2].number_format == "0.0%"


def test_a_workbook_of_illustrative_data_says_so_first() -> None:
    # what the commands pass when the data folder holds the marker (Snapshot.sample, DESIGN §1)
    loaded = load_data(str(DATA), date.fromisoformat(YEAR_TODAY))
    assert loaded.targets is not None
    snap = take(loaded, date.fromisoformat(AS_OF))
    view = status_table.status_view(loaded.targets, snap.result, "zh", sample=True)
    book = openpyxl.load_workbook(io.BytesIO(xlsx.workbook(view)))
    for sheet in book.worksheets:
        assert sheet["A1"].value == "示例数据：虚构数字，仅供演示，非真实报送"
        assert sheet["A2"].value.startswith("2025年全区民政工作要点")
    assert book["指标"].freeze_panes == "B4" and book["各镇（街道）"].freeze_panes == "B5"
    assert view.document["sample"] is True


def test_every_view_of_a_marked_folder_says_sample_first(tmp_path: Path) -> None:
    copy = tmp_path / "year"
    shutil.copytree(DATA, copy)
    (copy / SAMPLE_MARKER).write_text("示例数据\n", encoding="utf-8")
    for args in (["status"], ["show", "3.1"], ["units"]):
        book = _book(tmp_path, *args, data=copy)
        assert all(sheet["A1"].value == "示例数据：虚构数字，仅供演示，非真实报送" for sheet in book.worksheets)
        result = runner.invoke(app, ["--data", str(copy), *args, "--as-of", AS_OF],
                               env={"MINZHENG_TODAY": YEAR_TODAY, "MINZHENG_LANG": ""})
        assert result.stdout.startswith("示例数据：虚构数字，仅供演示，非真实报送\n")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (Debian: libreoffice-calc-nogui)")
def test_the_three_workbooks_convert_with_libreoffice(tmp_path: Path) -> None:
    books = []
    for args in (["status"], ["show", "3.1"], ["units"]):
        path = tmp_path / f"{args[0]}.xlsx"
        result = runner.invoke(app, ["--data", str(DATA), *args, "--as-of", AS_OF, "-f", "xlsx", "-o", str(path)],
                               env={"MINZHENG_TODAY": YEAR_TODAY, "MINZHENG_LANG": ""})
        assert result.exit_code == 0, result.stderr
        books.append(path)
    home = tmp_path / "home"
    home.mkdir()
    csv_utf8 = "csv:Text - txt - csv (StarCalc):44,34,76,1"  # comma, double quote, UTF-8, first line
    subprocess.run([SOFFICE or "soffice", "--headless", "--convert-to", csv_utf8, "--outdir", str(tmp_path / "csv"),
                    *map(str, books)], env={**os.environ, "HOME": str(home)}, capture_output=True, timeout=300,
                   check=True)
    status = (tmp_path / "csv" / "status.csv").read_text(encoding="utf-8")
    assert '"3.1",3,"新增“双证”持证护理员","累计","各镇(街道)","人",150,96,64.0%' in status
    assert (tmp_path / "csv" / "show.csv").stat().st_size > 0 and (tmp_path / "csv" / "units.csv").stat().st_size > 0
