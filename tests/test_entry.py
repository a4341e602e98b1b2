"""`minzheng new` and the report writer (DESIGN §3, data entry): the skeleton is pre-filled with the unit's latest
values, validates as written, and never replaces another report without --force."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import TODAY, DataDir, report
from minzheng_cli.checks.linter import load_report
from minzheng_cli.cli import app
from minzheng_cli.entry import prefill as entry
from minzheng_cli.model.files import Ratio
from minzheng_cli.model.scalars import number_text

runner = CliRunner()
ENV = {"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY.isoformat()}


def run(data: DataDir, *args: str) -> Result:
    return runner.invoke(app, ["--data", str(data.root), *args], env=ENV)


def two_reports(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", report(
        "nanxun", "2025-06-30", '  "1.1": 12\n  "2.1": {numerator: 40, denominator: 45}\n  "3.3": 未开始\n'))
    data.write_report("nanxun", "2025-07-07", report(
        "nanxun", "2025-07-07", '  "1.1": 20\n  "3.3": in_progress\nnotes:\n  "1.1": 已组织两期培训\n'))


SKELETON = """\
# 南浔镇 进展报送（截至 2025-07-14），由 minzheng new 生成
# 已预填 2025-07-07 及以前报送的最新数值，请改为截至 2025-07-14 的数值；未改动的沿用上期。
# 累计指标填年初至今累计数；比率填分子和分母；节点填 未开始、进行中 或 已完成。
# 以 # 开头的指标尚无数值：填报时删去行首的 # 并在冒号后填写；不报的指标可以删去。
unit: nanxun   # 南浔镇
as_of: 2025-07-14
# submitted: YYYY-MM-DD   # 选填：报送日期，用于计算报送及时率
values:
  "1.1": 20                                 # 新增持证护理员（人）
  # "1.2":                                  # 其中"双证"护理员（人）：尚无数据，填报时删去行首的 #
  "2.1": {numerator: 40, denominator: 45}   # 低保对象入户核查率（%，分子/分母）
  "3.3": 进行中                             # 建成村级公益性公墓（未开始 | 进行中 | 已完成）
notes:   # 选填：对指标的说明，每行一项，如  "1.1": 说明文字
"""


def test_new_prefills_the_latest_values_and_validates(data: DataDir) -> None:
    two_reports(data)
    result = run(data, "new", "nanxun", "--as-of", "2025-07-14")
    path = data.report_path("nanxun", "2025-07-14")
    assert (result.exit_code, result.stdout) == (0, f"{path}\n"), result.output
    assert result.stderr == f"已写入 {path}\n"
    assert path.read_text(encoding="utf-8") == SKELETON
    assert run(data, "validate").exit_code == 0
    written = next(r for r in data.load().reports if r.as_of == date(2025, 7, 14))
    assert written.values == {"1.1": Fraction(20), "2.1": Ratio(numerator=Fraction(40), denominator=Fraction(45)),
                              "3.3": "in_progress"}
    assert written.notes == {}  # notes belong to one report: never carried forward


def test_new_takes_only_reports_before_the_date(data: DataDir) -> None:
    two_reports(data)
    result = run(data, "new", "nanxun", "--as-of", "2025-07-01", "--submitted", "2025-07-02")
    assert result.exit_code == 0, result.output
    text = data.report_path("nanxun", "2025-07-01").read_text(encoding="utf-8")
    assert '"1.1": 12 ' in text and "未开始" in text and "submitted: 2025-07-02\n" in text
    assert run(data, "validate").exit_code == 0  # later reports (20 as of 07-07) still agree


def test_new_without_earlier_reports_writes_commented_lines_that_validate(data: DataDir) -> None:
    result = run(data, "--lang", "en", "new", "district", "--as-of", "2025-07-14")
    assert result.exit_code == 0, result.output
    assert "empty-report" in result.stderr  # a warning: the clerk still has everything to fill in
    text = data.report_path("district", "2025-07-14").read_text(encoding="utf-8")
    assert '  # "2.2": {numerator: , denominator: }' in text
    assert '  # "3.2":' in text and "清明祭扫工作方案（未开始 | 进行中 | 已完成）" in text
    assert "1.1" not in text  # township indicators are not the district's to report
    validated = run(data, "validate")
    assert validated.exit_code == 0 and "empty-report" in validated.stderr


def test_uncommenting_a_placeholder_and_filling_it_in_validates(data: DataDir) -> None:
    assert run(data, "new", "xunxi", "--as-of", "2025-07-14").exit_code == 0
    path = data.report_path("xunxi", "2025-07-14")
    text = path.read_text(encoding="utf-8")
    text = text.replace('  # "1.1":', '  "1.1": 7').replace('  # "2.1": {numerator: , denominator: }',
                                                            '  "2.1": {numerator: 3, denominator: 4}')
    path.write_text(text, encoding="utf-8")
    loaded = data.load()
    assert loaded.diagnostics == [] and loaded.reports[0].values["1.1"] == 7


def test_new_refuses_to_replace_a_different_report_without_force(data: DataDir) -> None:
    two_reports(data)
    existing = data.write_report("nanxun", "2025-07-14", report("nanxun", "2025-07-14", '  "1.1": 25\n'))
    before = existing.read_text(encoding="utf-8")
    refused = run(data, "--lang", "en", "new", "nanxun", "--as-of", "2025-07-14")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr == f"{existing} already exists with other figures; nothing written (add --force to replace it)\n"
    assert existing.read_text(encoding="utf-8") == before
    forced = run(data, "--lang", "en", "new", "nanxun", "--as-of", "2025-07-14", "--force")
    assert forced.exit_code == 0 and forced.stderr.startswith("replaced ")
    assert existing.read_text(encoding="utf-8").startswith("# 南浔镇 进展报送")


def test_an_identical_report_is_unchanged(data: DataDir) -> None:
    two_reports(data)
    assert run(data, "new", "nanxun", "--as-of", "2025-07-14").exit_code == 0
    again = run(data, "--lang", "en", "new", "nanxun", "--as-of", "2025-07-14")
    path = data.report_path("nanxun", "2025-07-14")
    assert (again.exit_code, again.stdout) == (0, f"{path}\n")
    assert again.stderr == f"{path} unchanged: it already holds these figures\n"
    # the same figures written by hand, with other comments, are the same report too
    path.write_text('unit: nanxun\nas_of: 2025-07-14\nvalues:\n  "1.1": 20\n  "3.3": 进行中\n'
                    '  "2.1": {denominator: 45, numerator: 40}\n', encoding="utf-8")
    assert "unchanged" in run(data, "--lang", "en", "new", "nanxun", "--as-of", "2025-07-14").stderr


@pytest.mark.parametrize(("args", "message"), [
    (["new", "nanxum", "--as-of", "2025-07-14"], "unknown unit 'nanxum'; did you mean 'nanxun'?"),
    (["new", "nanxun", "--as-of", "2025-7-14"], "--as-of: '2025-7-14' is not in the form YYYY-MM-DD; write 2025-07-14"),
    (["new", "nanxun", "--as-of", "2024-12-31"], "--as-of 2024-12-31 is outside the plan period"),
    (["new", "nanxun", "--as-of", "2025-07-16"], "--as-of 2025-07-16 is after today (2025-07-15)"),
    (["new", "nanxun", "--as-of", "2025-07-14", "--submitted", "2025-07-20"], "--submitted 2025-07-20 is after today"),
])
def test_new_usage_errors_exit_2_and_write_nothing(data: DataDir, args: list[str], message: str) -> None:
    result = run(data, "--lang", "en", *args)
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert not (data.root / "progress" / "nanxun").exists()


def test_new_refuses_while_one_of_the_units_reports_is_broken(data: DataDir) -> None:
    broken = data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 150人\n'))
    data.write_report("shuanglin", "2025-06-30", report("shuanglin", "2025-06-30", '  "1.1": 150人\n'))
    result = run(data, "--lang", "en", "new", "nanxun", "--as-of", "2025-07-14")
    assert result.exit_code == 1 and f"{broken}, a report of this unit, has errors; nothing written" in result.stderr
    assert not data.report_path("nanxun", "2025-07-14").exists()
    # another unit's broken report does not concern this one's skeleton
    assert run(data, "new", "xunxi", "--as-of", "2025-07-14").exit_code == 0


def test_number_text_is_an_exact_plain_decimal() -> None:
    cases = {Fraction(12): "12", Fraction(25, 2): "12.5", Fraction(-1, 4): "-0.25", Fraction(1, 10**7): "0.0000001",
             Fraction(0): "0", Fraction(1234567, 1000): "1234.567"}
    assert {number_text(x): x for x in cases} == {v: k for k, v in cases.items()}


def test_report_yaml_notes_with_quotes_and_line_breaks_read_back(data: DataDir, tmp_path: Path) -> None:
    targets = data.load().targets
    assert targets is not None
    unit = targets.unit("nanxun")
    assert unit is not None
    notes = {"1.1": '第一行\n第二行 "引号" # 不是注释: 冒号', "3.3": "no"}
    text = entry.report_yaml(targets, unit, date(2025, 7, 14), None, {"1.1": Fraction(5)}, notes)
    path = tmp_path / "2025-07-14.yaml"
    path.write_text(text, encoding="utf-8")
    read, diags = load_report(str(path), str(path), "nanxun", targets, TODAY)
    assert diags == [] and read is not None
    assert read.notes == notes and read.values == {"1.1": Fraction(5)}
