"""`minzheng template` and `minzheng import` (DESIGN §3, data entry): the fill-in workbook, filled with openpyxl
as a clerk would fill it in Excel, read back into a report checked exactly as a YAML report is checked.

Diagnostics on a workbook are `FILE.xlsx:ROW:COL: CODE 报送表!<cell>: message`, ROW and COL the sheet's numbers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result
from wcwidth import wcswidth

from conftest import TODAY, DataDir, report
from minzheng_cli.checks.linter import load_report
from minzheng_cli.cli import app
from minzheng_cli.entry import prefill as entry
from minzheng_cli.model.files import Ratio
from minzheng_cli.read import workbook

runner = CliRunner()
ENV = {"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY.isoformat()}
AS_OF = "2025-07-14"
COLUMN = {"value": "G", "numerator": "H", "denominator": "I", "note": "J"}


def run(data: DataDir, *args: str, today: str | None = None) -> Result:
    env = ENV if today is None else {**ENV, "MINZHENG_TODAY": today}
    return runner.invoke(app, ["--data", str(data.root), "--lang", "en", *args], env=env)


def earlier(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", report(
        "nanxun", "2025-06-30", '  "1.1": 12\n  "2.1": {numerator: 40, denominator: 45}\n  "3.3": 未开始\n'))
    data.write_report("nanxun", "2025-07-07", report("nanxun", "2025-07-07", '  "1.1": 20\n  "3.3": 进行中\n'))


def make(data: DataDir, tmp_path: Path, unit: str = "nanxun", as_of: str = AS_OF) -> Path:
    book = tmp_path / f"{unit}.xlsx"
    result = run(data, "template", unit, "--as-of", as_of, "-o", str(book), "--force")  # some tests make it again
    assert (result.exit_code, result.stdout) == (0, f"{book}\n"), result.output
    return book


def row_of(ws: object, ind_id: str) -> int:
    for (cell,) in ws.iter_rows(min_row=workbook.FIRST_ROW, min_col=1, max_col=1):  # type: ignore[attr-defined]
        if cell.value == ind_id:
            return int(cell.row)
    raise KeyError(ind_id)


def fill(book: Path, cells: dict[tuple[str, str], object], out: str = "filled.xlsx", **header: object) -> Path:
    """Set cells as a clerk would: {(indicator id, "value"|"numerator"|"denominator"|"note"): value};
    header: as_of=…, submitted=… (the cells C3, C4)."""
    wb = openpyxl.load_workbook(book)
    ws = wb[workbook.SHEET]
    for (ind_id, column), value in cells.items():
        ws[f"{COLUMN[column]}{row_of(ws, ind_id)}"] = value
    for name, value in header.items():
        ws.cell({"as_of": workbook.AS_OF_ROW, "submitted": workbook.SUBMITTED_ROW}[name], workbook.FIELD_COL).value = value
    path = book.with_name(out)
    wb.save(path)
    return path


def target(data: DataDir) -> Path:
    return data.report_path("nanxun", AS_OF)


def test_the_template_lists_the_units_indicators_prefilled_with_locked_ids(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    wb = openpyxl.load_workbook(make(data, tmp_path))
    assert wb.sheetnames == [workbook.SHEET, workbook.META_SHEET]
    meta = wb[workbook.META_SHEET]
    assert meta.sheet_state == "veryHidden"
    assert {r[0]: r[1] for r in meta.iter_rows(values_only=True)}.items() >= {
        "format": "minzheng-template", "plan": "test-2025", "unit": "nanxun", "as_of": AS_OF}.items()
    ws = wb[workbook.SHEET]
    assert ws.protection.sheet and wb.security is not None and wb.security.lockStructure
    assert ws["C2"].value == "南浔镇（nanxun）" and ws["C3"].value == datetime(2025, 7, 14) and ws["C4"].value is None
    assert [c.value for c in ws[workbook.HEADER_ROW]] == [
        "编号", "任务", "指标名称", "计量单位", "类型", "上期数值（截至 2025-07-07）", "本期数值", "分子", "分母", "备注"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=workbook.FIRST_ROW)]
    assert rows == [
        ["1.1", 1, "新增持证护理员", "人", "累计", 20, 20, None, None, None],
        ["1.2", 1, '其中"双证"护理员', "人", "累计", "—", None, None, None, None],
        ["2.1", 2, "低保对象入户核查率", "%", "水平·比率", "40/45", None, 40, 45, None],
        ["3.3", 3, "建成村级公益性公墓", "—", "节点", "进行中", "进行中", None, None, None],
    ]
    # only the input cells are unlocked: ids, names and the other kinds' columns are not to be edited
    assert ws["A9"].protection.locked and ws["C9"].protection.locked and ws["H9"].protection.locked
    assert not ws["G9"].protection.locked and not ws["J9"].protection.locked and not ws["C4"].protection.locked
    assert ws["C2"].protection.locked and ws["C3"].protection.locked  # the face import compares with the metadata
    assert not ws["H11"].protection.locked and ws["G11"].protection.locked
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert [(dv.formula1, str(dv.sqref)) for dv in lists] == [('"未开始,进行中,已完成"', "G12")]
    for column, longest in (("C", '其中"双证"护理员'), ("E", "水平·比率")):
        assert ws.column_dimensions[column].width >= wcswidth(longest)


def test_fill_in_and_import_writes_the_report_one_would_write_by_hand(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    book = fill(make(data, tmp_path), {("1.1", "value"): 30, ("1.2", "value"): 12.0, ("2.1", "numerator"): 41,
                                       ("3.3", "value"): "已完成", ("1.1", "note"): "第三期培训结束"},
                submitted=datetime(2025, 7, 15))
    result = run(data, "import", str(book))
    assert (result.exit_code, result.stdout) == (0, f"{target(data)}\n"), result.output
    assert result.stderr == f"wrote {target(data)}\n"
    hand = tmp_path / "hand" / AS_OF
    hand.parent.mkdir()
    hand = hand.with_suffix(".yaml")
    hand.write_text('unit: nanxun\nas_of: 2025-07-14\nsubmitted: 2025-07-15\nvalues:\n  "1.1": 30\n  "1.2": 12\n'
                    '  "2.1": {numerator: 41, denominator: 45}\n  "3.3": done\nnotes:\n  "1.1": 第三期培训结束\n',
                    encoding="utf-8")
    targets = data.load().targets
    assert targets is not None
    by_hand, _ = load_report(str(hand), str(hand), "nanxun", targets, TODAY)
    imported, diags = load_report(str(target(data)), "x", "nanxun", targets, TODAY)
    assert diags == [] and by_hand is not None and imported is not None and entry.same_report(imported, by_hand)
    assert '  "1.2": 12    ' in target(data).read_text(encoding="utf-8")  # the float 12.0 is the count 12
    assert run(data, "validate").exit_code == 0


def test_a_template_imported_without_edits_repeats_the_latest_values(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    result = run(data, "import", str(make(data, tmp_path)))
    assert result.exit_code == 0, result.output
    written = next(r for r in data.load().reports if r.as_of == date(2025, 7, 14))
    assert written.values == {"1.1": Fraction(20), "2.1": Ratio(numerator=Fraction(40), denominator=Fraction(45)),
                              "3.3": "in_progress"}
    assert written.submitted == TODAY  # a blank 报送日期: the day it was imported, not on time for ever
    # imported again another day: the date already recorded stays, and nothing changes
    again = run(data, "import", str(make(data, tmp_path)), today="2025-07-20")
    assert (again.exit_code, again.stderr) == (0, f"{target(data)} unchanged: it already holds these figures\n")


@pytest.mark.parametrize(("cell", "value", "where", "words"), [
    (("1.1", "value"), "150人", "9:7: bad-number 报送表!G9:", "'150人' has text after the number"),
    (("1.1", "value"), "0.37万", "9:7: bad-number 报送表!G9:", "'0.37万' carries '万'; it counts in 人, so write 3700"),
    (("2.1", "denominator"), "4.5万", "11:9: bad-number 报送表!I11:", "'4.5万' carries '万'; write 45000 "),
    (("1.1", "value"), "１５０", "9:7: bad-number 报送表!G9:", "full-width characters; write it with ASCII"),
    (("1.1", "value"), -3, "9:7: negative-value 报送表!G9:", "1.1 is -3; it cannot be negative"),
    (("2.1", "numerator"), 50, "11:8: numerator-exceeds-denominator 报送表!H11:", "numerator 50 cannot exceed"),
    (("3.3", "value"), "完成", "12:7: bad-status 报送表!G12:", "'完成' is not a status"),
    (("1.2", "value"), 12.5, "10:7: not-whole-number 报送表!G10:", "counted in whole 人, but the cell holds 12.5"),
    (("2.1", "denominator"), None, "11:9: missing-key 报送表!I11:", "fill in both 分子 (numerator) and 分母"),
    (("1.1", "value"), "=10+2", "9:7: formula-no-value 报送表!G9:", "formula whose result was never computed"),
    (("1.1", "value"), True, "9:7: wrong-type 报送表!G9:", "expected a number, found the truth value TRUE"),
])
def test_bad_cells_are_named_by_sheet_row_and_column_and_nothing_is_written(
        data: DataDir, tmp_path: Path, cell: tuple[str, str], value: object, where: str, words: str) -> None:
    earlier(data)
    book = fill(make(data, tmp_path), {cell: value})
    result = run(data, "import", str(book))
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and result.stdout == ""
    assert lines[0].startswith(f"{book}:{where} ") and words in lines[0], result.stderr
    assert lines[-1] == "problems found: 1 files (0 reports), 1 errors, 0 warnings"
    assert not target(data).exists()


def test_every_problem_of_the_sheet_is_shown_at_once(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    book = fill(make(data, tmp_path), {("1.1", "value"): "150人", ("2.1", "numerator"): 50, ("3.3", "value"): "完成"},
                as_of="2025/07/14")
    result = run(data, "import", str(book))
    codes = [line.split(" ")[1] for line in result.stderr.splitlines()[:-1]]
    assert codes == ["bad-date", "bad-number", "numerator-exceeds-denominator", "bad-status"], result.stderr
    assert f"{book}:3:3: bad-date 报送表!C3: as_of: '2025/07/14' is not in the form YYYY-MM-DD" in result.stderr


def test_dates_are_checked_as_in_a_report(data: DataDir, tmp_path: Path) -> None:
    book = fill(make(data, tmp_path, as_of="2025-07-20"), {("1.1", "value"): 3})  # a form for a week not yet over
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and f"{book}:3:3: date-in-future 报送表!C3: as_of 2025-07-20" in result.stderr
    empty = run(data, "import", str(fill(make(data, tmp_path), {("1.1", "value"): 3}, as_of=None)))
    assert empty.exit_code == 1 and ":3:3: bad-date 报送表!C3: as_of: expected a date" in empty.stderr


def test_the_as_of_of_the_sheet_names_the_file(data: DataDir, tmp_path: Path) -> None:
    book = fill(make(data, tmp_path, as_of="2025-07-11"), {("1.1", "value"): 3}, as_of="2025-07-11")  # typed as text
    result = run(data, "import", str(book))
    assert result.exit_code == 0 and result.stdout == f"{data.report_path('nanxun', '2025-07-11')}\n"


def test_dry_run_prints_the_yaml_and_writes_nothing(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    book = fill(make(data, tmp_path), {("1.1", "value"): 25})
    result = run(data, "import", str(book), "--dry-run")
    assert result.exit_code == 0 and not target(data).exists()
    assert result.stderr == f"dry run: valid, {target(data)} not written\n"
    assert result.stdout.startswith("# 南浔镇 进展报送（截至 2025-07-14），由 minzheng import 自 Excel 报送表导入\n"
                                    "unit: nanxun   # 南浔镇\nas_of: 2025-07-14\nsubmitted: 2025-07-15\nvalues:\n"
                                    "  \"1.1\": 25 ")
    assert run(data, "import", str(book)).exit_code == 0
    assert target(data).read_text(encoding="utf-8") == result.stdout


def test_a_different_existing_report_needs_force(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    existing = data.write_report("nanxun", AS_OF, report("nanxun", AS_OF, '  "1.1": 21\n'))
    book = fill(make(data, tmp_path), {("1.1", "value"): 25})
    refused = run(data, "import", str(book))
    assert refused.exit_code == 1 and "already exists with other figures" in refused.stderr
    assert '"1.1": 21' in existing.read_text(encoding="utf-8")
    assert run(data, "import", str(book), "--dry-run").exit_code == 1  # the dry run predicts the refusal
    forced = run(data, "import", str(book), "--force")
    assert forced.exit_code == 0 and forced.stderr.startswith("replaced ")
    assert '"1.1": 25' in existing.read_text(encoding="utf-8")


def test_a_lower_cumulative_than_an_earlier_report_is_refused(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    result = run(data, "import", str(fill(make(data, tmp_path), {("1.1", "value"): 15})))
    assert result.exit_code == 1 and not target(data).exists()
    assert f"{tmp_path / 'filled.xlsx'}:9:7: decreasing-cumulative 报送表!G9: 1.1 " in result.stderr


def test_workbooks_not_made_by_template_are_refused_in_one_line(data: DataDir, tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    text = tmp_path / "text.xlsx"
    text.write_text("编号,本期数值\n1.1,3\n", encoding="utf-8")
    book = make(data, tmp_path)
    wb = openpyxl.load_workbook(book)
    wb[workbook.META_SHEET]["B4"] = "other-2025"
    other = tmp_path / "other.xlsx"
    wb.save(other)
    for path, words in ((plain, "was not made by `minzheng template`"), (text, "cannot read"),
                        (other, "is a template of the plan 'other-2025', but the data folder holds the plan 'test-2025'"),
                        (tmp_path / "missing.xlsx", "cannot read")):
        result = run(data, "import", str(path))
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and words in result.stderr, result.stderr


def test_template_usage_errors(data: DataDir, tmp_path: Path) -> None:
    assert run(data, "template", "nanxun", "--as-of", AS_OF, "-o", str(tmp_path / "x.csv")).exit_code == 2
    assert run(data, "template", "nowhere", "--as-of", AS_OF, "-o", str(tmp_path / "x.xlsx")).exit_code == 2
    assert run(data, "template", "nanxun", "--as-of", "2026-01-01", "-o", str(tmp_path / "x.xlsx")).exit_code == 2
    assert not (tmp_path / "x.xlsx").exists()


def test_help_does_not_import_openpyxl() -> None:
    code = "import sys; from minzheng_cli.cli import app; print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_template_opens_in_a_real_spreadsheet_program(data: DataDir, tmp_path: Path) -> None:
    earlier(data)
    book = make(data, tmp_path)
    # CSV filter options: comma-separated, '"' quoted, character set 76 = UTF-8
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(book)],
                   capture_output=True, check=True, timeout=120)
    csv = (tmp_path / "nanxun.csv").read_text(encoding="utf-8", errors="replace")
    assert "新增持证护理员" in csv and "1.1" in csv
