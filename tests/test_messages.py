"""Diagnostic messages in Chinese (the default) and English: messages carry
their template and parameters through every path (YAML reader, scalars, pydantic, checks, cross checks, the
cache), and the CLI shows Chinese by default with the same codes, lines and columns as `--lang en`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner, Result

from conftest import BREAKDOWN, PLAN, TODAY, DataDir
from minzheng_cli.catalogue import Lang, Message, OneOf, quote
from minzheng_cli.catalogue.diagnostics import CheckMsg, ReadMsg, suggestion
from minzheng_cli.checks import all_codes
from minzheng_cli.checks import linter as loading
from minzheng_cli.checks.values import UNKNOWN_INDICATOR
from minzheng_cli.cli import app
from minzheng_cli.model import scalars
from minzheng_cli.model.diagnostics import MAX_PER_FILE, Diagnostic, ValidationReport, capped, sorted_diagnostics
from minzheng_cli.model.scalars import BAD_NUMBER
from minzheng_cli.read import yamldoc as yamlread
from minzheng_cli.render.diagnostics import github_command

CJK = re.compile(r"[\u4e00-\u9fff]")
# three English words in a row: a sentence left untranslated (ids, keys and `code` spans are single words)
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")


def _english_left(text: str) -> list[str]:
    text = re.sub(r"`[^`]*`", "", text)  # example YAML
    return ENGLISH.findall(text)


# --- messages --------------------------------------------------------------------------------------------


def test_render_in_both_languages_with_nested_messages() -> None:
    message = CheckMsg.indicator_targets_yaml(id="3.9", hint=suggestion("3.1"))
    assert message.render("en") == "indicator '3.9' is not in targets.yaml; did you mean '3.1'?"
    assert str(message) == message.render("en")
    assert message.render("zh") == '未知指标"3.9"（targets.yaml 中没有此编号）；是否应为"3.1"？'
    assert [t.id for t in message.texts()] == ["CheckMsg.indicator_targets_yaml", "CommonMsg.did_you_mean"]
    assert CheckMsg.indicator_targets_yaml(id="3.9", hint=suggestion(None)).render("zh") == \
        '未知指标"3.9"（targets.yaml 中没有此编号）'


def test_quoted_text_in_each_language() -> None:
    assert quote("150人").render("en") == "'150人'" and quote("150人").render("zh") == '"150人"'
    assert quote("1\n2").render("en") == "'1\\n2'" and quote("1\n2").render("zh") == '"1\\n2"'
    assert quote(" 5").render("en") == "' 5'" and quote("").render("zh") == '""'
    assert quote("x" * 100).render("zh") == '"' + "x" * 40 + '…"'


def test_choices_in_each_language() -> None:
    assert OneOf(("days", "months")).render("en") == "'days' or 'months'"
    assert OneOf(("town", "subdistrict", "district")).render("en") == "'town', 'subdistrict' or 'district'"
    assert OneOf(("town", "subdistrict", "district")).render("zh") == "town、subdistrict 或 district"


def test_data_round_trip() -> None:
    with pytest.raises(scalars.MinzhengError) as info:
        scalars.parse_number("０１2")
    message = info.value.detail
    assert Message.from_data(json.loads(json.dumps(message.as_data()))) == message
    assert Message.from_data(message.as_data()).render("zh") == message.render("zh")
    one = "CommonMsg.where_message"  # a phrase with the fields where and message
    for bad in ({"t": one, "p": {}}, {"t": 1, "p": {}}, [], {"t": one, "p": {"where": {"q": 5}, "message": ""}},
                {"t": one, "p": {"where": True, "message": ""}}, {"t": "NoSuch.phrase", "p": {}},
                {"t": one, "p": {"where": {"one_of": [1]}, "message": ""}}):
        with pytest.raises((TypeError, ValueError)):
            Message.from_data(bad)


# --- every path carries the message ------------------------------------------------------------------------


REPORTS = [
    '  "1.1": 150人\n', '  "1.1": "150"\n', '  "1.1": １５０\n', '  "1.1": ０１2\n', '  "1.1": 0123\n', '  "1.1": 1:30\n',
    '  "1.1": 1_000\n', '  "1.1": 1,000\n', '  "1.1": .nan\n', '  "1.1": 1e999\n', '  "1.1": +5\n', '  "1.1": 0x1F\n',
    '  "1.1": 85%\n', '  "1.1": 5.\n', '  "1.1": .5\n', '  "1.1": no\n', '  "1.1": many\n', '  "1.1":\n', '  "1.1": -5\n',
    '  "1.1": ①\n', '  "1.1": ' + "1" * 20 + "\n", '  "1.1": 0.' + "1" * 20 + "\n", '  "1.1": [1]\n',
    '  "1.11": 5\n', '  "2.3": 14000\n', '  "2.1": 88\n', '  "2.1": {numerator: 40}\n',
    '  "2.1": {numerator: 40, denominater: 45}\n', '  "2.1": {numerator: 50, denominator: 45}\n',
    '  "2.1": {numerator: 0, denominator: 0}\n', '  "2.1": {numerator: -1, denominator: 45}\n',
    '  "2.1": {numerator: 0123, denominator: 45}\n', '  "3.3": no\n', '  "3.3": 完成\n', '  "3.3": [1]\n',
    '  "1.1": 5\n  "1.1": 6\n', '  "1.1": &a 5\n', '  "1.1": !!int 5\n', '  "1.1": 5\n   "1.2": 3\n',
    '  "1.1": [5\n', '  "1.1": 5\nnotes:\n  "1.9": x\n', "  a: b: c\n", '  "1.1": 20\n  "1.2": 30\n',
    '  "1.1": 12.5\n', '  "1.1": 0.37万\n', '  "1.1": 1.5万户\n', '  "2.1": {numerator: 40, denominator: 4.5万}\n',
]
FILES = [
    "unit: nanxun\nas_of: 2025/06/30\nvalues:\n", "unit: nanxun\nas_of: 2025-02-30\nvalues:\n",
    "unit: nanxun\nas_of: ２０２５-06-30\nvalues:\n", "unit: nanxun\nvalues:\n  \"1.1\": 5\n",
    "unit: nanxun\nas_of: 2025-06-30\nvalue:\n", "unit: [x]\nas_of: 2025-06-30\nnote: {a: 1}\n",
    "unit: shuanglin\nas_of: 2025-06-29\nsubmitted: 2025-08-01\nvalues:\n", "- 1\n", "",
    "unit: nanxun\nas_of: 2025-06-30\nsubmitted: 2025-06-29\nvalues:\n  \"1.1\": 5\n", "a: 1\n---\nb: 2\n",
    "? [a]\n: 1\n", "a: \"\\ud800\"\n", "a: x\x07\n", "a: " + "[" * 30 + "\n",
]
BYTES = ["已完成".encode("gbk"), "unit: a\n".encode("utf-16"), "unit: a\n".encode("utf-16-le"), bytes(range(256))]
PLANS = [
    ("    factor: 100\n", "    factor: 0\n"), ("name: 新增持证护理员", 'name: "新增\\e[2J持证护理员"'),
    ("{id: shuanglin,", "{id: nanxun,"), ('  - id: "2.2"', '  - id: "2.1"'), ("  - number: 3\n", "  - number: 4\n"),
    ('  - id: "3.3"', '  - id: "2.9"'), ("kind: district}", "kind: town}"),
    ("  start: 2025-01-01\n  end: 2025-12-31", "  start: 2025-12-31\n  end: 2025-01-01"),
    ("    tolerance: 10\n", "    tolerance: 40\n"), ('parent: "1.1"', 'parent: "1.11"'),
    ("    target: 50\n    uom: 人", "    target: 50\n    uom: 户"), ("    factor: 100\n", ""), ("    target: 150\n", ""),
    ("    kind: milestone\n    reported_by: townships", "    kind: milestone\n    uom: 个\n    reported_by: townships"),
    ("    measure: count\n    target: 150\n", "    measure: count\n    factor: 100\n    target: 150\n"),
    ("due: 2025-04-05", "due: 2026-04-05"), ("    target: 150\n", "    target: -5\n"), ("pace: days", "pace: no"),
    ("{id: xunxi,", "{id: 浔溪,"), ("    reported_by: district\n    source: 城乡", "    reportedby: district\n    source: 城乡"),
    ("    measure: count\n    target: 150\n", "    target: 150\n"), ("timely_days: 5", "timely_days: 5.5"),
    ("kind: subdistrict}", "kind: district}"), ("  - number: 1\n", "  - number: 2\n"),
]
BREAKDOWNS = [
    'source: x\nquotas:\n  "3.1": {nanxun: 1}\n', 'source: x\nquotas:\n  "1.1": {nanxun: 100, shuanlin: 50}\n',
    'source: x\nquotas:\n  "1.1": {nanxun: 150, shuanglin: 0}\n', 'source: x\nquotas:\n  "1.1": {nanxun: 100}\n',
    'source: x\nquotas:\n  "1.11": {nanxun: 150}\n', 'source: x\nbaselines:\n  "1.1": 10\n',
    'source: x\nbaselines:\n  "2.1": 90\n', 'source: x\nbaselines:\n  "2.1": -1\n', BREAKDOWN.replace("60", "6O"),
]


def corpus(root: Path) -> list[Diagnostic]:
    """Diagnostics of every kind of bad input, each in its own data folder under `root`."""
    found: list[Diagnostic] = []
    n = 0

    def folder() -> DataDir:
        nonlocal n
        n += 1
        return DataDir(root / str(n))

    for values in REPORTS:
        data = folder()
        data.write_report("nanxun", "2025-06-30", "unit: nanxun\nas_of: 2025-06-30\nvalues:\n" + values)
        found += data.diagnostics()
    for text in FILES:
        data = folder()
        data.write_report("nanxun", "2025-06-30", text)
        found += data.diagnostics()
    for raw in BYTES:
        data = folder()
        data.write_bytes("nanxun", "2025-06-30.yaml", raw)
        found += data.diagnostics()
    for old, new in PLANS:
        data = folder()
        assert old in PLAN, old
        data.write_targets(PLAN.replace(old, new, 1))
        found += data.diagnostics()
    for text in BREAKDOWNS:
        data = folder()
        data.write_breakdown(text)
        found += data.diagnostics()
    data = folder()
    data.write_report("zzz", "2025-06-30", "unit: zzz\nas_of: 2025-06-30\nvalues:\n")
    data.write_report("nanxunn", "2025-06-30", "unit: nanxunn\nas_of: 2025-06-30\nvalues:\n")
    data.write_report("nanxun", "june", "unit: nanxun\nas_of: 2025-06-30\nvalues:\n")
    data.write_report("nanxun", "2024-12-31", "unit: nanxun\nas_of: 2024-12-31\nvalues:\n")
    data.write_report("nanxun", "2025-05-31", "unit: nanxun\nas_of: 2025-05-30\nvalues:\n")
    data.write_report("shuanglin", "2025-05-31", 'unit: shuanglin\nas_of: 2025-05-31\nvalues:\n  "1.1": 20\n')
    data.write_report("shuanglin", "2025-06-30", 'unit: shuanglin\nas_of: 2025-06-30\nvalues:\n  "1.1": 15\n')
    data.write_bytes("xunxi", "2025-06-30.xlsx", b"PK")
    data.write_report("xunxi", "2025-06-27", "unit: xunxi\nas_of: 2025-06-27\nvalues:\n")
    data.write_report("xunxi", "2025-06-27.yml", "unit: xunxi\nas_of: 2025-06-27\nvalues:\n")
    (data.root / "progress" / "2025-06-30.yaml").write_text("unit: x\n", encoding="utf-8")
    (data.root / "progress" / "xunxi" / "2025-07-31.yaml").symlink_to(root.parent)  # out of the data folder
    (data.root / "progress" / "xunxi" / "2025-08-31.yaml").symlink_to("nowhere.yaml")
    (data.root / "progress" / "xunxi" / "2025-09-30.yaml").mkdir()
    (data.root / "progress" / "xunxi" / ".2025-10-31.yaml.x1y2.tmp").write_text("unit: x", encoding="utf-8")
    found += data.diagnostics()
    found += folder().diagnostics()  # no reports
    data = folder()  # plausibility warnings across a unit's reports (DESIGN §1.4)
    data.write_breakdown()
    data.write_report("nanxun", "2025-05-30", 'unit: nanxun\nas_of: 2025-05-30\nvalues:\n  "1.1": 1\n'
                      '  "2.1": {numerator: 85, denominator: 100}\n')
    data.write_report("nanxun", "2025-06-30", 'unit: nanxun\nas_of: 2025-06-30\nvalues:\n  "1.1": 100\n'
                      '  "2.1": {numerator: 40, denominator: 100}\n')
    data.write_report("shuanglin", "2025-05-30", 'unit: shuanglin\nas_of: 2025-05-30\nvalues:\n'
                      '  "2.1": {numerator: 40, denominator: 45}\n')
    data.write_report("shuanglin", "2025-06-30", 'unit: shuanglin\nas_of: 2025-06-30\nvalues:\n'
                      '  "2.1": {numerator: 90, denominator: 100}\n')
    data.write_report("district", "2025-05-30", 'unit: district\nas_of: 2025-05-30\nvalues:\n  "2.3": 14000\n')
    data.write_report("district", "2025-06-30", 'unit: district\nas_of: 2025-06-30\nvalues:\n  "2.3": 14\n')
    found += data.diagnostics()
    data = folder()
    data.write_report("nanxun", "2025-06-30", "unit: nanxun\nas_of: 2025-06-30\nvalues:\n"
                      + "".join(f'  "9.{i}": 1\n' for i in range(MAX_PER_FILE + 5)))
    found += data.diagnostics()
    return found


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory: pytest.TempPathFactory) -> list[Diagnostic]:
    return corpus(tmp_path_factory.mktemp("corpus"))


def test_the_corpus_covers_most_codes(every_kind: list[Diagnostic]) -> None:
    missing = set(all_codes()) - {d.code for d in every_kind}
    workbook_only = {"formula-no-value", "workbook-mismatch", "grey-cell", "import-read-back"}
    assert missing <= {"file-too-large", "unreadable"} | workbook_only, missing


def test_every_loader_diagnostic_renders_in_chinese(every_kind: list[Diagnostic]) -> None:
    for d in every_kind:
        assert d.detail is not None, d.as_text()
        zh = d.text("zh")
        assert zh != d.message and CJK.search(zh), d.as_text()
        assert "\n" not in zh and "\r" not in zh
        assert d.text("en") == d.message and d.as_text() == d.as_text("en")
        left = _english_left(zh)
        assert left == [], (zh, left)


def test_as_dict_in_a_language_keeps_the_fields(every_kind: list[Diagnostic]) -> None:
    for d in every_kind[:20]:
        zh, en = d.as_dict("zh"), d.as_dict()
        assert list(zh) == ["path", "line", "column", "code", "message", "severity"]
        assert {k: v for k, v in zh.items() if k != "message"} == {k: v for k, v in en.items() if k != "message"}
        assert Diagnostic(**en) == d  # the round trip the cache relies on


def test_a_parser_problem_is_translated_where_known() -> None:
    with pytest.raises(yamlread.MinzhengError) as info:
        yamlread.parse("a: [5\n")
    assert info.value.message.startswith("YAML syntax error: did not find expected ',' or ']'") or \
        info.value.message.startswith("YAML syntax error: expected ',' or ']'")  # the pure-Python parser
    with pytest.raises(yamlread.MinzhengError) as info:
        yamlread.parse("a: b: c\n")
    assert info.value.detail.render("zh").startswith('YAML 格式错误：这里不能出现"键: 值"')


def test_the_capped_note_is_translated() -> None:
    many = [Diagnostic.make("f", i + 1, 1, UNKNOWN_INDICATOR, CheckMsg.indicator_targets_yaml(id=str(i), hint=""))
            for i in range(60)]
    note = capped(many, "f")[-1]
    assert note.message == "… and 10 more problems in this file not shown; fix these first"
    assert note.text("zh") == "…… 本文件还有 10 个问题未列出：请先改正以上问题"


def test_pydantic_keeps_the_scalar_message(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", "unit: nanxun\nas_of: 2025年6月30日\nvalues:\n")
    d = data.only()
    assert d.message == "as_of: '2025年6月30日' is not in the form YYYY-MM-DD; write 2025-06-30"
    assert d.text("zh") == '截至日期（as_of）："2025年6月30日"不是 YYYY-MM-DD 格式：请写 2025-06-30'


# --- the cache keeps the message's template and parameters ---------------------------------------------------


def test_cached_warnings_render_in_chinese_when_warm(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-06-30", "unit: nanxun\nas_of: 2025-06-30\nsubmitted: 2025-06-29\nvalues:\n"
                      '  "1.1": 5\n')
    folder = tmp_path / "cache"
    cold = loading.load_data(str(data.root), TODAY, folder)
    warm = loading.load_data(str(data.root), TODAY, folder)
    assert [d.code for d in cold.diagnostics] == ["submitted-before-as-of"]
    assert warm.diagnostics == cold.diagnostics
    assert [d.text("zh") for d in warm.diagnostics] == [d.text("zh") for d in cold.diagnostics] == [
        "报送日期 submitted 2025-06-29 早于截止日期 as_of 2025-06-30：请核对这两个日期"]
    (file,) = folder.iterdir()
    document = msgspec.msgpack.decode(file.read_bytes())
    (block,) = document[1].values()  # [files, ...]: files' own diagnostics are files[7], one list per file
    assert block[0][7][0][0]["d"]["t"] == "CheckMsg.submitted_before_check_both"


def test_a_tampered_message_in_the_cache_is_a_miss(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-06-30", "unit: nanxun\nas_of: 2025-06-30\nvalues:\n")
    folder = tmp_path / "cache"
    cold = loading.load_data(str(data.root), TODAY, folder)
    (file,) = folder.iterdir()
    document = msgspec.msgpack.decode(file.read_bytes())
    for block in document[1].values():
        block[0][7][0][0]["d"] = {"t": "CheckMsg.no_such_phrase", "p": {}}
    file.write_bytes(msgspec.msgpack.encode(document))
    warm = loading.load_data(str(data.root), TODAY, folder)
    assert [d.text("zh") for d in warm.diagnostics] == [d.text("zh") for d in cold.diagnostics] == [
        "报告中没有任何数值：请在 `values:` 下填写数据（或删除此文件）"]


# --- the CLI -----------------------------------------------------------------------------------------------

ENV = {"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY.isoformat()}
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[a-z0-9-]+) (?P<message>.+)$")
HEAD = "unit: nanxun\nas_of: 2025-06-30\nvalues:\n"


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})


def lines(result: Result) -> list[tuple[str, str, str, str, str]]:
    found = []
    for line in result.stderr.splitlines()[:-1]:
        match = LINE.match(line)
        assert match, line
        found.append((match["path"], match["line"], match["col"], match["code"], match["message"]))
    return found


def write(data: DataDir, case: str) -> None:
    if case == "gbk":
        data.write_bytes("nanxun", "2025-06-30.yaml", (HEAD + '  "3.3": 已完成\n').encode("gbk"))
    elif case == "decreasing":
        data.write_report("nanxun", "2025-05-31", "unit: nanxun\nas_of: 2025-05-31\nvalues:\n  \"1.1\": 20\n")
        data.write_report("nanxun", "2025-06-30", HEAD + '  "1.2": 1\n  "1.1": 15\n')
    else:
        data.write_report("nanxun", "2025-07-16" if case == "future" else "2025-06-30", {
            "number": HEAD + '  "1.1": 150人\n',
            "key": "unit: nanxun\nas_of: 2025-06-30\nvalue:\n  \"1.1\": 5\n",
            "duplicate": HEAD + '  "1.1": 5\n  "1.2": 1\n  "1.1": 7\n',
            "milestone": HEAD + '  "3.3": no\n',
            "future": "unit: nanxun\nas_of: 2025-07-16\nvalues:\n  \"1.1\": 5\n",
            "indicator": HEAD + '  "1.11": 5\n',
        }[case])


CASES = {
    "number": ("bad-number", "4", "10", '1.1 应填数字（单位：人）："150人"不是数字：请只写数字 150，不要带"人"'),
    "key": ("unknown-key", "3", "1",
            '未知的键"value"；是否应为"values"？（这里可用的键：unit, as_of, submitted, values, notes）'),
    "gbk": ("not-utf8", "4", "10", "文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 上常见）："
                                   "请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）"),
    "duplicate": ("duplicate-key", "6", "3",
                  '键"1.1"重复（第一次出现在第 4 行第 3 列）：同一个键只能出现一次，请删除或合并其中一个'),
    "milestone": ("bad-status", "4", "10", '3.3 是节点指标；"no"不是节点状态（旧版 YAML 会把它读成"是"或"否"）：'
                                           "请写 未开始、进行中 或 已完成（也可写 not_started、in_progress、done）"),
    "future": ("date-in-future", "2", "8", "as_of 2025-07-16 晚于今天（2025-07-15）：报告只写已知的情况，日期请填今天或更早"),
    "decreasing": ("decreasing-cumulative", "5", "10", "1.1（新增持证护理员）是全年累计数：15 比截至 2025-05-31 报送的 20 "
                                                       "还少：请填年初至今的累计总数"),
    "indicator": ("unknown-indicator", "4", "3", '未知指标"1.11"（targets.yaml 中没有此编号）；是否应为"1.1"？'),
}


@pytest.mark.parametrize("case", list(CASES))
def test_validate_speaks_chinese_by_default(data: DataDir, case: str) -> None:
    write(data, case)
    zh = run("validate", "--data", str(data.root))
    en = run("validate", "--lang", "en", "--data", str(data.root))
    assert zh.exit_code == en.exit_code == 1
    (found,) = lines(zh)
    (english,) = lines(en)
    code, line, column, message = CASES[case]
    assert found[1:] == (line, column, code, message)
    assert english[:4] == found[:4]  # the same file, line, column and code
    assert english[4] != found[4]
    assert zh.stderr.splitlines()[-1].startswith("校验未通过")


def test_json_messages_follow_the_language(data: DataDir) -> None:
    for case in ("number", "milestone"):
        write(data, case)
    zh = json.loads(run("validate", "-f", "json", "--data", str(data.root)).stdout)
    en = json.loads(run("validate", "-f", "json", "--lang", "en", "--data", str(data.root)).stdout)
    strip = [{k: v for k, v in d.items() if k != "message"} for d in zh["diagnostics"]]
    assert strip == [{k: v for k, v in d.items() if k != "message"} for d in en["diagnostics"]]
    assert all(CJK.search(d["message"]) for d in zh["diagnostics"])
    assert en["diagnostics"][0]["message"].startswith("3.3 is a milestone")


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def test_github_commands_in_chinese_are_escaped(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "a,b:c 100%" / "data")
    data.write_report("nanxun", "2025-06-30", HEAD + '  "1.1": 85%\n')
    result = run("validate", "--format", "github", "--data", str(data.root))
    assert result.exit_code == 1 and result.stderr == ""
    (line,) = result.stdout.splitlines()
    match = re.fullmatch(r"::error (?P<props>[^:]*)::(?P<message>.*)", line)
    assert match, line
    assert "title=bad-number" in match["props"] and "%2C" in match["props"] and "%3A" in match["props"]
    assert "%25" in match["message"]
    assert unescape_data(match["message"]) == '1.1 应填数字（单位：人）："85%"带了百分号：请填数量本身（85），不要带 %'


def test_github_command_escapes_a_chinese_message() -> None:
    d = Diagnostic.make("x.yaml", 3, 7, BAD_NUMBER, ReadMsg.percent_sign_report_count(text=quote("5%\r\n"), fixed="5"))
    assert github_command(d, "zh") == ("::error file=x.yaml,line=3,col=7,title=bad-number::"
                                       '"5%25\\r\\n"带了百分号：请填数量本身（5），不要带 %25')


def test_a_broken_plan_is_shown_in_the_language_of_the_command(data: DataDir) -> None:
    data.write_targets(PLAN.replace("pace: days", "pace: no"))
    zh = run("status", "--data", str(data.root))
    en = run("status", "--lang", "en", "--data", str(data.root))
    assert zh.exit_code == en.exit_code == 2
    assert f'{data.targets}:9:9: bad-choice plan.pace：这里不能填"no"：请填 days 或 months\n' in zh.stderr
    assert f"{data.targets}:9:9: bad-choice plan.pace: the text 'no' is not allowed here; write one of 'days' or " \
           "'months'\n" in en.stderr


def test_no_data_folder_in_chinese(tmp_path: Path) -> None:
    result = run("validate", "--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr == (f'找不到数据文件夹"{tmp_path / "nowhere"}"：请在含有 ./data 的项目目录中运行，'
                             "或用 --data DIR 或 MINZHENG_DATA 指定\n")


def test_library_report_in_both_languages(data: DataDir) -> None:
    write(data, "number")
    loaded = loading.load_data(str(data.root), TODAY)
    report = ValidationReport(sorted_diagnostics(loaded.diagnostics), files=loaded.files, reports=0)
    lang: Lang
    for lang in ("zh", "en"):
        assert [d["message"] for d in report.as_dict(lang)["diagnostics"]] == [
            d.text(lang) for d in report.diagnostics]
