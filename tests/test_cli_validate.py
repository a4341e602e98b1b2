"""`minzheng validate`: exit status, output streams, the three formats, --strict, --data and MINZHENG_DATA."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import TODAY, DataDir
from minzheng_cli.catalogue import Lang
from minzheng_cli.checks.linter import load_data
from minzheng_cli.cli import app
from minzheng_cli.model.diagnostics import Diagnostic, ValidationReport, sorted_diagnostics
from minzheng_cli.render.diagnostics import github_command

HEAD = "unit: nanxun\nas_of: 2025-06-30\nvalues:\n"
ENV = {"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY.isoformat()}
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[a-z0-9-]+) (?P<message>.+)$")


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})


@pytest.fixture
def broken(data: DataDir) -> DataDir:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 0123\n')
    data.write_report("shuanglin", "2025-06-30", "unit: shuanglin\nas_of: 2025-06-30\nvalues:\n")  # a warning
    return data


def library_report(data: DataDir, strict: bool = False) -> ValidationReport:
    loaded = load_data(str(data.root), TODAY)
    return ValidationReport(sorted_diagnostics(loaded.diagnostics), files=loaded.files,
                            reports=len(loaded.reports), strict=strict)


# --- exit status and streams -------------------------------------------------------------------------------


def test_valid_folder_exits_0(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 5\n')
    result = run("validate", "--data", str(data.root))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "校验通过：2 个文件（1 份报送），0 个错误，0 个警告\n"


def test_broken_report_exits_1_with_path_line_col_code_message(broken: DataDir) -> None:
    result = run("validate", "--data", str(broken.root))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    report = broken.root / "progress" / "nanxun" / "2025-06-30.yaml"
    empty = broken.root / "progress" / "shuanglin" / "2025-06-30.yaml"
    assert lines == [
        f'{report}:4:10: bad-number 1.1 应填数字（单位：人）："0123"开头多了 0（旧版 YAML 会把它当作八进制数）：请写 123',
        f"{empty}:3:8: empty-report 报告中没有任何数值：请在 `values:` 下填写数据（或删除此文件）",
        "校验未通过：3 个文件（1 份报送），1 个错误，1 个警告",
    ]
    for line in lines[:-1]:
        assert LINE.match(line)


def test_broken_report_in_english(broken: DataDir) -> None:
    result = run("validate", "--lang", "en", "--data", str(broken.root))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    report = broken.root / "progress" / "nanxun" / "2025-06-30.yaml"
    empty = broken.root / "progress" / "shuanglin" / "2025-06-30.yaml"
    assert lines == [
        f"{report}:4:10: bad-number 1.1 expects a number in 人: '0123' has a leading zero "
        "(older YAML reads it as octal); write 123",
        f"{empty}:3:8: empty-report the report has no values; add the figures under `values:` (or delete the file)",
        "problems found: 3 files (1 reports), 1 errors, 1 warnings",
    ]
    for line in lines[:-1]:
        assert LINE.match(line)


def test_summary_in_english(broken: DataDir) -> None:
    result = run("--lang", "en", "validate", "--data", str(broken.root))
    assert result.stderr.splitlines()[-1] == "problems found: 3 files (1 reports), 1 errors, 1 warnings"


def test_warnings_pass_unless_strict(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD)
    assert run("validate", "--data", str(data.root)).exit_code == 0
    strict = run("validate", "--strict", "--data", str(data.root))
    assert strict.exit_code == 1
    assert "empty-report" in strict.stderr


def test_no_reports_is_a_warning_and_strict_fails(data: DataDir) -> None:
    result = run("validate", "--data", str(data.root))
    assert result.exit_code == 0
    assert f"{data.root / 'progress'}:1:1: no-reports " in result.stderr
    assert run("validate", "--strict", "--data", str(data.root)).exit_code == 1


def test_broken_plan_exits_1(data: DataDir) -> None:
    data.write_targets((data.targets.read_text(encoding="utf-8")).replace("  pace: days\n", "  pace: days\n  pace: x\n"))
    result = run("validate", "--lang", "en", "--data", str(data.root))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{data.targets}:10:3: duplicate-key duplicate key 'pace' (first at line 9, column 3)")


@pytest.mark.parametrize("raw, code, column", [
    (b"", "not-a-mapping", 1), (b"\xff\xfe" + "plan:".encode("utf-16-le"), "not-utf8", 1),
    (b"[" * 20000, "too-deep", None), (b"plan: &p {}\n", "alias", 7), ("计划".encode("gbk"), "not-utf8", 1),
])
def test_hostile_targets_exit_1(data: DataDir, raw: bytes, code: str, column: int | None) -> None:
    data.targets.write_bytes(raw)
    result = run("validate", "--data", str(data.root))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    match = LINE.match(lines[0])
    assert match is not None
    assert (match["path"], match["line"], match["code"]) == (str(data.targets), "1", code)
    if column is not None:  # libyaml stops 20,000 brackets at its own depth limit, the pure-Python parser at ours
        assert match["col"] == str(column)


def test_date_in_future_follows_minzheng_today(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 5\n')
    assert run("validate", "--data", str(data.root), env={"MINZHENG_TODAY": "2025-06-30"}).exit_code == 0
    result = run("validate", "--lang", "en", "--data", str(data.root), env={"MINZHENG_TODAY": "2025-06-29"})
    assert result.exit_code == 1
    assert ":2:8: date-in-future as_of 2025-06-30 is after today (2025-06-29)" in result.stderr


def test_no_traceback_on_hostile_files(data: DataDir) -> None:
    data.write_bytes("nanxun", "2025-06-30.yaml", "已完成".encode("gbk"))
    data.write_bytes("nanxun", "2025-05-31.yaml", b"[" * 20000)
    data.write_bytes("nanxun", "2025-04-30.yaml", b"\x00\xff" * 500)
    data.write_bytes("nanxun", "2025-03-31.yaml", b"")
    data.write_bytes("nanxun", "2025-02-28.yaml", b"a: &a [1]\nb: [*a, *a]\n")
    result = run("validate", "--data", str(data.root))
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    codes = [LINE.match(line).group("code") for line in result.stderr.splitlines()[:-1]]  # type: ignore[union-attr]
    assert codes == ["alias", "not-a-mapping", "not-utf8", "too-deep", "not-utf8"]  # sorted by file name


# --- json ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_is_one_document_equal_to_the_library(broken: DataDir, lang: Lang) -> None:
    result = run("validate", "--format", "json", "--lang", lang, "--data", str(broken.root))
    assert result.exit_code == 1
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document == library_report(broken).as_dict(lang)
    assert document["valid"] is False
    assert document["stats"] == {"files": 3, "reports": 1, "errors": 1, "warnings": 1}
    first = document["diagnostics"][0]
    assert set(first) == {"path", "line", "column", "code", "severity", "message"}
    assert (first["line"], first["column"], first["code"], first["severity"]) == (4, 10, "bad-number", "error")
    assert first["message"].startswith("1.1 应填数字" if lang == "zh" else "1.1 expects a number")


def test_json_strict(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD)
    result = run("validate", "-f", "json", "--strict", "--data", str(data.root))
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document == library_report(data, strict=True).as_dict("zh")
    assert document["valid"] is False and document["strict"] is True


def test_json_valid(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 5\n')
    result = run("validate", "--format", "json", "--data", str(data.root))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"valid": True, "strict": False, "diagnostics": [],
                                         "stats": {"files": 2, "reports": 1, "errors": 0, "warnings": 0}}


# --- github ------------------------------------------------------------------------------------------------


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


COMMAND = re.compile(r"^::(?P<level>error|warning) (?P<props>[^:]*)::(?P<message>.*)$")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = dict(pair.split("=", 1) for pair in match.group("props").split(","))
    assert "\r" not in line and "\n" not in line
    return match.group("level"), {k: unescape_property(v) for k, v in props.items()}, unescape_data(match["message"])


def test_github_commands(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "a,b:c 100%" / "data")  # a path that needs escaping
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 85%\n')
    data.write_report("shuanglin", "2025-06-30", "unit: shuanglin\nas_of: 2025-06-30\nvalues:\n")
    result = run("validate", "--format", "github", "--lang", "en", "--data", str(data.root))
    assert result.exit_code == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    level, props, message = parse_command(lines[0])
    assert level == "error"
    assert props == {"file": str(data.root / "progress" / "nanxun" / "2025-06-30.yaml"), "line": "4", "col": "10",
                     "title": "bad-number"}
    assert message == "1.1 expects a number in 人: '85%' has a percent sign; report the count itself (85) without %"
    assert "%25" in lines[0] and "%2C" in lines[0] and "%3A" in lines[0]
    level, props, _ = parse_command(lines[1])
    assert (level, props["title"], props["line"], props["col"]) == ("warning", "empty-report", "3", "8")


def test_github_escaping_as_the_actions_toolkit() -> None:
    d = Diagnostic("dir,x:y/a%b.yaml", 3, 7, "bad-number", "50% of\r\nthe: value, here", "error")
    assert github_command(d) == (
        "::error file=dir%2Cx%3Ay/a%25b.yaml,line=3,col=7,title=bad-number::50%25 of%0D%0Athe: value, here")


def test_github_valid_prints_nothing(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 5\n')
    result = run("validate", "--format", "github", "--data", str(data.root))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


# --- where the data is --------------------------------------------------------------------------------------


def test_data_before_and_after_the_command(broken: DataDir) -> None:
    before = run("--data", str(broken.root), "validate")
    after = run("validate", "--data", str(broken.root))
    assert before.exit_code == after.exit_code == 1
    assert before.stderr == after.stderr


def test_data_from_the_environment(broken: DataDir) -> None:
    result = run("validate", env={"MINZHENG_DATA": str(broken.root)})
    assert result.exit_code == 1
    assert result.stderr == run("validate", "--data", str(broken.root)).stderr


@pytest.mark.parametrize("place", ["before", "after"])
def test_data_option_beats_the_environment(broken: DataDir, tmp_path: Path, place: str) -> None:
    args = ["--data", str(broken.root), "validate"] if place == "before" else ["validate", "--data", str(broken.root)]
    result = run(*args, env={"MINZHENG_DATA": str(tmp_path / "elsewhere")})
    assert result.exit_code == 1
    assert "bad-number" in result.stderr


def test_option_after_the_command_beats_the_one_before(broken: DataDir, tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "elsewhere"), "validate", "--data", str(broken.root))
    assert result.exit_code == 1
    assert "bad-number" in result.stderr


def test_default_data_folder_is_dot_data(broken: DataDir, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(broken.root.parent)
    result = run("validate")
    assert result.exit_code == 1
    assert result.stderr.startswith("data/progress/nanxun/2025-06-30.yaml:4:10: bad-number ")


def test_missing_folder_exits_2_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    for fmt in ("text", "json", "github"):
        result = run("validate", "--format", fmt, "--lang", "en", "--data", str(missing))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert f"'{missing}'" in result.stderr and "--data DIR or MINZHENG_DATA" in result.stderr


def test_missing_targets_exits_2_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    result = run("validate", "--lang", "en", "--data", str(tmp_path / "data"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"no targets file at '{tmp_path / 'data' / 'targets.yaml'}'; the data folder needs "
                             "targets.yaml (point elsewhere with --data DIR or MINZHENG_DATA)\n")


def test_missing_folder_from_the_environment(tmp_path: Path) -> None:
    result = run("validate", "--lang", "en", env={"MINZHENG_DATA": str(tmp_path / "gone")})
    assert result.exit_code == 2
    assert f"'{tmp_path / 'gone'}'" in result.stderr


def test_unknown_format_is_a_usage_error(data: DataDir) -> None:
    result = run("validate", "--format", "xml", "--data", str(data.root))
    assert result.exit_code == 2
    assert result.stdout == ""


# --- the real entry point ------------------------------------------------------------------------------------


def test_entry_point_on_hostile_files_no_traceback(data: DataDir) -> None:
    data.write_bytes("nanxun", "2025-06-30.yaml", "已完成".encode("gbk"))
    data.write_bytes("nanxun", "2025-05-31.yaml", b"[" * 20000)
    env = {**os.environ, "MINZHENG_TODAY": TODAY.isoformat(), "MINZHENG_DATA": str(data.root)}
    result = subprocess.run([sys.executable, "-m", "minzheng_cli", "validate"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert f"{data.root}/progress/nanxun/2025-06-30.yaml:1:1: not-utf8 " in result.stderr
    bad_today = subprocess.run([sys.executable, "-m", "minzheng_cli", "validate"], capture_output=True, text=True,
                               env={**env, "MINZHENG_TODAY": "someday"}, timeout=60)
    assert bad_today.returncode == 2
    assert bad_today.stderr == '环境变量 MINZHENG_TODAY："someday"不是日期：请按 YYYY-MM-DD 格式填写日期\n'
    in_english = subprocess.run([sys.executable, "-m", "minzheng_cli", "--lang", "en", "validate"], capture_output=True,
                                text=True, env={**env, "MINZHENG_TODAY": "someday"}, timeout=60)
    assert in_english.returncode == 2
    assert in_english.stderr == "MINZHENG_TODAY: 'someday' is not a date; write a date in the form YYYY-MM-DD\n"
