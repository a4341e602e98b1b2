"""The command line's own one-line errors and the data-entry diagnostics (new, template, import) speak Chinese by
default and English with `--lang en` (before or after the command), with the same exit codes either way."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from conftest import PLAN, TODAY, DataDir, report
from minzheng_cli.catalogue import Message
from minzheng_cli.catalogue.diagnostics import os_reason
from minzheng_cli.cli import app
from minzheng_cli.read import workbook

runner = CliRunner()
ENV: dict[str, str | None] = {"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY.isoformat()}
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")  # three English words in a row


def run(data: DataDir, *args: str, env: dict[str, str | None] | None = None) -> Result:
    return runner.invoke(app, ["--data", str(data.root), *args], env={**ENV, **(env or {})})


def english_left(text: str) -> list[str]:
    return ENGLISH.findall(re.sub(r"`[^`]*`", "", text))


# --- one-line errors of the command line ---------------------------------------------------------------------

ERRORS = [
    (["show", "1.9"], 2, '没有指标"1.9"；是否应为"1.2"？', "no indicator '1.9'; did you mean '1.2'?"),
    (["report", "--week", "2025-W27", "--as-of", "2025-07-06"], 2, "--week、--month、--quarter 和 --as-of 只能给出其中一个",
     "give one of --week, --month, --quarter and --as-of"),
    (["report", "--week", "2025-27"], 2, '--week："2025-27"不是 ISO 周：请写成 YYYY-Www，如 2025-W27',
     "--week: '2025-27' is not an ISO week; write YYYY-Www, e.g. 2025-W27"),
    (["report", "--week", "2025-W54"], 2, '--week："2025-W54"：2025 年没有第 54 周',
     "--week: '2025-W54': year 2025 has no week 54"),
    (["status", "--as-of", "2025-13-01"], 2, '--as-of："2025-13-01"不是实际存在的日期：请按 YYYY-MM-DD 填写正确的日期',
     "--as-of: '2025-13-01' is not a real calendar date; write a date YYYY-MM-DD"),
    (["status", "--task", "9"], 2, "没有任务 9：任务序号为 1–3", "there is no task 9; tasks are numbered 1–3"),
    (["status", "--unit", "nowhere"], 2,
     '未知单位"nowhere"（可写单位名称、编号或统计代码：南浔镇/nanxun、双林镇/shuanglin、浔溪街道/xunxi 或 区民政局/district）',
     "unknown unit 'nowhere' (give a unit's Chinese name, id or code: '南浔镇/nanxun', '双林镇/shuanglin', "
     "'浔溪街道/xunxi' or '区民政局/district')"),
    (["status", "--unit", "shuangln"], 2,
     '未知单位"shuangln"；是否应为"shuanglin"？（可写单位名称、编号或统计代码：南浔镇/nanxun、双林镇/shuanglin、'
     '浔溪街道/xunxi 或 区民政局/district）',
     "unknown unit 'shuangln'; did you mean 'shuanglin'? (give a unit's Chinese name, id or code: '南浔镇/nanxun', "
     "'双林镇/shuanglin', '浔溪街道/xunxi' or '区民政局/district')"),
    (["new", "nanxum", "--as-of", "2025-07-14"], 2,
     '未知单位"nanxum"；是否应为"nanxun"？（可写单位名称、编号或统计代码：南浔镇/nanxun、双林镇/shuanglin、'
     '浔溪街道/xunxi 或 区民政局/district）',
     "unknown unit 'nanxum'; did you mean 'nanxun'? (give a unit's Chinese name, id or code: '南浔镇/nanxun', "
     "'双林镇/shuanglin', '浔溪街道/xunxi' or '区民政局/district')"),
    (["status", "--only", "紫灯"], 2,
     '--only 的"紫灯"既不是状态也不是灯色：请用以下之一（中文或代码均可）：无数据/no_data、控制在限内/within_cap、'
     '超出上限/over_cap、已完成/done、逾期/overdue、临期/due_soon、推进中/pending、未完成/missed、未达标/not_met、'
     '超进度/ahead、达进度/on_pace、欠进度/behind、绿灯/green、黄灯/yellow 或 红灯/red',
     "--only '紫灯' is neither a status nor a light; use one of these (the Chinese word or the code): '无数据/no_data', "
     "'控制在限内/within_cap', '超出上限/over_cap', '已完成/done', '逾期/overdue', '临期/due_soon', '推进中/pending', "
     "'未完成/missed', '未达标/not_met', '超进度/ahead', '达进度/on_pace', '欠进度/behind', '绿灯/green', "
     "'黄灯/yellow' or '红灯/red'"),
    (["new", "nanxun", "--as-of", "2025-7-14"], 2, '--as-of："2025-7-14"不是 YYYY-MM-DD 格式：请写 2025-07-14',
     "--as-of: '2025-7-14' is not in the form YYYY-MM-DD; write 2025-07-14"),
    (["new", "nanxun", "--as-of", "2024-12-31"], 2, "--as-of 2024-12-31 不在计划期 2025-01-01 – 2025-12-31 内",
     "--as-of 2024-12-31 is outside the plan period 2025-01-01 – 2025-12-31"),
    (["new", "nanxun", "--as-of", "2025-07-14", "--submitted", "2025-07-20"], 2,
     "--submitted 2025-07-20 晚于今天（2025-07-15）：报告只写截至今天或更早日期的已知情况",
     "--submitted 2025-07-20 is after today (2025-07-15); a report states what is known as of a past date"),
    (["template", "nanxun", "--as-of", "2025-07-14", "-o", "x.csv"], 2, "--output x.csv：工作簿的文件名必须以 .xlsx 结尾",
     "--output x.csv: the workbook's name must end in .xlsx"),
]


@pytest.mark.parametrize(("args", "code", "zh", "en"), ERRORS, ids=[" ".join(e[0][:2]) for e in ERRORS])
def test_cli_errors_are_chinese_by_default_and_english_on_request(data: DataDir, args: list[str], code: int, zh: str,
                                                                  en: str) -> None:
    chinese = run(data, *args)
    english = run(data, "--lang", "en", *args)
    after = run(data, *args, "--lang", "en")  # the command's own --lang
    assert (chinese.exit_code, chinese.stdout, chinese.stderr) == (code, "", zh + "\n")
    assert (english.exit_code, english.stdout, english.stderr) == (code, "", en + "\n")
    assert (after.exit_code, after.stderr) == (code, en + "\n")
    assert CJK.search(zh) and english_left(zh) == []


def test_a_bad_minzheng_today_in_both_languages(data: DataDir) -> None:
    env: dict[str, str | None] = {"MINZHENG_TODAY": "someday"}
    chinese = run(data, "status", env=env)
    english = run(data, "--lang", "en", "status", env=env)
    assert (chinese.exit_code, chinese.stderr) == (
        2, '环境变量 MINZHENG_TODAY："someday"不是日期：请按 YYYY-MM-DD 格式填写日期\n')
    assert (english.exit_code, english.stderr) == (
        2, "MINZHENG_TODAY: 'someday' is not a date; write a date in the form YYYY-MM-DD\n")
    assert run(data, "validate", "--lang", "en", env=env).stderr == english.stderr


def test_cannot_write_says_why_in_the_language(data: DataDir, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "周报.txt"
    chinese = run(data, "report", "-o", str(target))
    english = run(data, "--lang", "en", "report", "-o", str(target))
    assert (chinese.exit_code, chinese.stderr) == (2, f"无法写入 {target}：文件或文件夹不存在\n")
    assert (english.exit_code, english.stderr) == (2, f"cannot write {target}: No such file or directory\n")


def test_a_broken_plan_stops_status_and_new_in_the_language(data: DataDir) -> None:
    data.write_targets(PLAN.replace("pace: days", "pace: no"))
    for args in (["status"], ["new", "nanxun", "--as-of", "2025-07-14"]):
        chinese, english = run(data, *args), run(data, "--lang", "en", *args)
        assert chinese.exit_code == english.exit_code == 2
        assert chinese.stderr.splitlines()[-1] == f"{data.root}/targets.yaml 有错误：请运行 `minzheng validate` 查看"
        assert english.stderr.splitlines()[-1] == \
            f"{data.root}/targets.yaml has errors; run `minzheng validate` to see them"


def test_refusing_to_replace_a_report_in_both_languages(data: DataDir) -> None:
    existing = data.write_report("nanxun", "2025-07-14", report("nanxun", "2025-07-14", '  "1.1": 25\n'))
    chinese = run(data, "new", "nanxun", "--as-of", "2025-07-14")
    english = run(data, "--lang", "en", "new", "nanxun", "--as-of", "2025-07-14")
    assert chinese.exit_code == english.exit_code == 1
    assert chinese.stderr.splitlines()[-1] == f"{existing} 已存在且数值不同，未写入；确认替换请加 --force"
    assert english.stderr.splitlines()[-1] == \
        f"{existing} already exists with other figures; nothing written (add --force to replace it)"


# --- import: the workbook's problems ------------------------------------------------------------------------


def book(data: DataDir, tmp_path: Path, as_of: str = "2025-07-14") -> Path:
    path = tmp_path / "nanxun.xlsx"
    made = run(data, "template", "nanxun", "--as-of", as_of, "-o", str(path))
    assert made.exit_code == 0, made.output
    return path


def filled(path: Path, cells: dict[str, object], name: str = "filled.xlsx") -> Path:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[workbook.SHEET][ref] = value
    out = path.with_name(name)
    wb.save(out)
    return out


def both(data: DataDir, *args: str) -> tuple[Result, Result]:
    return run(data, *args), run(data, "--lang", "en", *args)


def test_import_cell_problems_in_chinese(data: DataDir, tmp_path: Path) -> None:
    # G10: 1.2 counts 人; H11: the numerator of 2.1 alone; G12: an uncomputed formula; G13: figures without an id
    sheet = filled(book(data, tmp_path), {"G9": 3, "G10": 30.5, "H11": 40, "G12": "=1+1", "G13": 5})
    chinese, english = both(data, "import", str(sheet))
    assert chinese.exit_code == english.exit_code == 1 and chinese.stdout == english.stdout == ""
    zh, en = chinese.stderr.splitlines(), english.stderr.splitlines()
    assert [line.split(": ", 1)[0] for line in zh[:-1]] == [line.split(": ", 1)[0] for line in en[:-1]]  # place, code
    assert zh[:-1] == [
        f'{sheet}:10:7: not-whole-number 报送表!G10: 1.2（其中"双证"护理员）以整数计（单位：人），但单元格中是 30.5：'
        "请填写整数（可能是公式算出了小数）",
        f"{sheet}:11:9: missing-key 报送表!I11: 2.1（低保对象入户核查率）是比率：请同时填写分子和分母；"
        "本期不报此项请把两者都清空",
        f"{sheet}:12:7: formula-no-value 报送表!G12: 单元格中是公式，但其结果从未计算过（文件不是由电子表格程序保存的）："
        "请直接填写数值，或用 Excel 或 WPS 打开并保存此文件",
        f"{sheet}:13:1: unknown-indicator 报送表!A13: 第 13 行填了数据，但 A 列（编号）中没有指标编号：请恢复编号，或清空这一行",
    ]
    assert zh[-1] == "校验未通过：1 个文件（0 份报送），4 个错误，0 个警告"
    assert en[0] == (f'{sheet}:10:7: not-whole-number 报送表!G10: 1.2 (其中"双证"护理员) is counted in whole 人, but the '
                     "cell holds 30.5; type the whole number (a formula may have left a fraction)")
    assert en[3] == (f"{sheet}:13:1: unknown-indicator 报送表!A13: row 13 has figures but no indicator id in column A "
                     "(编号); restore the id or clear the row")
    for line in zh[:-1]:
        assert english_left(line.split(": ", 2)[2]) == [], line


def test_import_a_fraction_in_a_ratio_part_names_the_part(data: DataDir, tmp_path: Path) -> None:
    chinese, english = both(data, "import", str(filled(book(data, tmp_path), {"H11": 40.5, "I11": 45})))
    assert "2.1（低保对象入户核查率）的分子应为整数，但单元格中是 40.5" in chinese.stderr
    assert "the numerator of 2.1 (低保对象入户核查率) counts whole things, but the cell holds 40.5" in english.stderr


def test_import_a_duplicate_row_in_both_languages(data: DataDir, tmp_path: Path) -> None:
    path = book(data, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[workbook.SHEET]
    ws["G9"], ws["A13"], ws["G13"] = 3, "1.1", 7
    wb.save(path.with_name("twice.xlsx"))
    chinese, english = both(data, "import", str(path.with_name("twice.xlsx")))
    assert "duplicate-key 报送表!A13: 指标 1.1 有第二行（第 13 行）：每个指标只保留一行" in chinese.stderr
    assert "duplicate-key 报送表!A13: indicator 1.1 has a second row (13); keep one row per indicator" in english.stderr


def test_a_later_report_contradicted_by_an_import(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-07-07", report("nanxun", "2025-07-07", '  "1.1": 20\n'))
    sheet = filled(book(data, tmp_path, "2025-07-01"), {"G9": 25})
    later = data.report_path("nanxun", "2025-07-07")
    chinese, english = both(data, "import", str(sheet))
    assert chinese.exit_code == english.exit_code == 1
    assert chinese.stderr.splitlines()[0] == (  # said at the later report, the file that exists
        f"{later}:4:10: decreasing-cumulative 1.1（新增持证护理员）是全年累计数：20 比截至 2025-07-01 报送的 25 "
        "还少：请填年初至今的累计总数（这是之后的报告：要写入的新报告会与它矛盾，新报告未写入）")
    assert english.stderr.splitlines()[0] == (
        f"{later}:4:10: decreasing-cumulative 1.1 (新增持证护理员) is cumulative for the year: 20 is lower "
        "than 25 reported as of 2025-07-01; report the year-to-date total (this is a later report, which the new "
        "one would contradict; the new one is not written)")


def test_workbooks_that_are_no_template_in_both_languages(data: DataDir, tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    text = tmp_path / "text.xlsx"
    text.write_text("编号,本期数值\n1.1,3\n", encoding="utf-8")
    wb = openpyxl.load_workbook(book(data, tmp_path))
    wb[workbook.META_SHEET]["B4"] = "other-2025"
    other = tmp_path / "other.xlsx"
    wb.save(other)
    cases = [
        (plain, f"{plain} 不是由 `minzheng template` 生成的（没有存放元数据的 _minzheng 工作表）："
                "请用 `minzheng template UNIT --as-of DATE -o FILE.xlsx` 生成报送表",
         f"{plain} was not made by `minzheng template` (no _minzheng sheet with its metadata); make one with "
         "`minzheng template UNIT --as-of DATE -o FILE.xlsx`"),
        (text, f"无法把 {text} 作为 Excel 工作簿（.xlsx）读取：文件不是 zip 格式，而 .xlsx 工作簿都是 zip 格式"
               "（是不是把 CSV 或旧版 .xls 文件改了扩展名？）",
         f"cannot read {text} as an Excel workbook (.xlsx): File is not a zip file"),
        (other, f'{other} 是计划"other-2025"的报送表，但数据文件夹中是计划"test-2025"：请用 --data 指向该计划的数据文件夹再导入',
         f"{other} is a template of the plan 'other-2025', but the data folder holds the plan 'test-2025'; import it "
         "with --data pointing at that plan's folder"),
        (tmp_path / "missing.xlsx", f"无法读取 {tmp_path / 'missing.xlsx'}：文件或文件夹不存在",
         f"cannot read {tmp_path / 'missing.xlsx'}: No such file or directory"),
    ]
    for path, zh, en in cases:
        chinese, english = both(data, "import", str(path))
        assert (chinese.exit_code, chinese.stderr) == (2, zh + "\n")
        assert (english.exit_code, english.stderr) == (2, en + "\n")


# --- the pieces -----------------------------------------------------------------------------------------------


def test_os_reasons_are_translated_only_when_the_system_says_the_known_words() -> None:
    missing = os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    assert isinstance(missing, Message) and missing.render("zh") == "文件或文件夹不存在"
    assert missing.render("en") == "No such file or directory"
    assert os_reason(FileNotFoundError(errno.ENOENT, "Datei nicht gefunden")) == "Datei nicht gefunden"
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"
    assert os_reason(OSError("no errno")) == "no errno"
