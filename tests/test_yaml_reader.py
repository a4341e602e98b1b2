"""The no-guessing YAML reader (yamlread) and the scalar typing (scalars), below the loader.

Reader tests run with libyaml's C parser and with the pure-Python parser: they differ in details that have
broken real projects (a plain scalar's style is '' in one and None in the other; the pure-Python reader
checks characters in its constructor).
"""

from __future__ import annotations

import codecs
import os
import sys
import threading
import time
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from minzheng_cli.errors import MinzhengError
from minzheng_cli.model import scalars
from minzheng_cli.model.scalars import Quoted
from minzheng_cli.read import yamldoc as yamlread
from minzheng_cli.read.yamldoc import KEY, Mark

LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest) -> type:
    return request.param  # type: ignore[no-any-return]


def refused(text: str, loader: type = yamlread.LOADER) -> MinzhengError:
    with pytest.raises(MinzhengError) as info:
        yamlread.parse(text, loader=loader)
    assert "\n" not in info.value.message
    return info.value


# --- plain scalars stay text -------------------------------------------------------------------------


def test_plain_scalars_stay_text(loader: type) -> None:
    doc = yamlread.parse(loader=loader, text="3.10: a\nno: on\ncode: 0330503102\nwhen: 2025-03-01\nt: 1:30\nn: 1_000\nx: .nan\n")
    assert doc.data == {"3.10": "a", "no": "on", "code": "0330503102", "when": "2025-03-01",
                        "t": "1:30", "n": "1_000", "x": ".nan"}
    assert all(type(v) is str for v in doc.data.values())  # plain: never Quoted, never a number or bool


def test_quoted_and_block_scalars_are_marked_quoted(loader: type) -> None:
    doc = yamlread.parse(loader=loader, text="a: '150'\nb: \"on\"\nc: |\n  text\nd: 150\n")
    assert isinstance(doc.data["a"], Quoted) and doc.data["a"] == "150"
    assert isinstance(doc.data["b"], Quoted)
    assert isinstance(doc.data["c"], Quoted) and doc.data["c"] == "text\n"
    assert not isinstance(doc.data["d"], Quoted)


def test_nulls(loader: type) -> None:
    doc = yamlread.parse(loader=loader, text="a:\nb: ~\nc: null\nd: ''\ne: 'null'\n")
    assert doc.data == {"a": None, "b": None, "c": None, "d": "", "e": "null"}


def test_marks_are_one_based_and_count_characters(loader: type) -> None:
    doc = yamlread.parse(loader=loader, text="名称: 已完成\nvalues:\n  \"1.1\": {numerator: 40, denominator: 45}\n")
    assert doc.marks == {}  # the fast path keeps no marks (DESIGN §4) ...
    assert doc.mark(("名称", KEY)) == Mark(1, 1)  # ... and finds them when a diagnostic asks
    assert doc.mark(("名称",)) == Mark(1, 5)  # 名称 is two characters, six bytes
    assert doc.mark(("values", "1.1", KEY)) == Mark(3, 3)
    assert doc.mark(("values", "1.1", "denominator")) == Mark(3, 39)
    assert doc.mark(("values", "1.1", "nothing", "deeper")) == Mark(3, 10)  # the nearest ancestor with a mark
    kept = yamlread.parse(loader=loader, text="a: [x, y]\n", keep_marks=True)
    assert kept.marks[("a", 1)] == Mark(1, 8) and kept.text is None


# --- refusals --------------------------------------------------------------------------------------------


def test_duplicate_key_refused_at_the_second_key(loader: type) -> None:
    problem = refused(loader=loader, text="unit: a\nvalues:\n  \"1.1\": 3\n  \"1.1\": 4\n")
    assert (problem.code.id, problem.line, problem.column) == ("duplicate-key", 4, 3)
    assert "first at line 3, column 3" in problem.message and "remove" in problem.message


def test_duplicate_key_in_flow_mapping(loader: type) -> None:
    problem = refused(loader=loader, text="r: {numerator: 1, denominator: 2, numerator: 3}\n")
    assert (problem.code.id, problem.line, problem.column) == ("duplicate-key", 1, 35)


def test_duplicate_key_column_counts_characters_not_bytes(loader: type) -> None:
    problem = refused(loader=loader, text="备注: {说明: 一, 说明: 二}\n")
    assert (problem.code.id, problem.line, problem.column) == ("duplicate-key", 1, 13)


def test_same_key_in_different_mappings_is_fine(loader: type) -> None:
    assert yamlread.parse(loader=loader, text="a: {x: 1}\nb: {x: 2}\n").data == {"a": {"x": "1"}, "b": {"x": "2"}}


def test_anchor_refused_before_any_alias(loader: type) -> None:
    problem = refused(loader=loader, text="a: &x 3\nb: *x\n")
    assert (problem.code.id, problem.line, problem.column) == ("alias", 1, 4)
    assert "write each value out in full" in problem.message


def test_alias_without_anchor_refused(loader: type) -> None:
    problem = refused(loader=loader, text="a: 1\nb: *x\n")
    assert (problem.code.id, problem.line, problem.column) == ("alias", 2, 4)


def test_billion_laughs_refused_quickly(loader: type) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    problem = refused(loader=loader, text="\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1
    assert (problem.code.id, problem.line, problem.column) == ("alias", 1, 4)


@pytest.mark.parametrize("text, column", [("a: !!int 5\n", 4), ("a: !foo x\n", 4), ("a: !!str 5\n", 4)])
def test_tags_refused(loader: type, text: str, column: int) -> None:
    problem = refused(loader=loader, text=text)
    assert (problem.code.id, problem.line, problem.column) == ("tag", 1, column)
    assert "remove the tag" in problem.message


def test_nesting_limit(loader: type) -> None:
    ok = "a: " + "[" * (yamlread.MAX_DEPTH - 1) + "]" * (yamlread.MAX_DEPTH - 1) + "\n"
    yamlread.parse(loader=loader, text=ok)  # the top mapping plus MAX_DEPTH - 1 lists
    problem = refused(loader=loader, text="a: " + "[" * yamlread.MAX_DEPTH + "]" * yamlread.MAX_DEPTH + "\n")
    assert (problem.code.id, problem.line, problem.column) == ("too-deep", 1, 4 + yamlread.MAX_DEPTH - 1)


def test_twenty_thousand_brackets_refused_quickly(loader: type) -> None:
    start = time.perf_counter()
    problem = refused(loader=loader, text="[" * 20000)
    assert time.perf_counter() - start < 2
    assert problem.code.id == "too-deep"
    assert problem.line == 1


def test_deep_block_nesting_refused(loader: type) -> None:
    text = "".join(" " * i + "a:\n" for i in range(2000))
    problem = refused(loader=loader, text=text)
    assert (problem.code.id, problem.line, problem.column) == ("too-deep", 17, 17)


def test_several_documents_refused(loader: type) -> None:
    problem = refused(loader=loader, text="unit: a\n---\nunit: b\n")
    assert (problem.code.id, problem.line, problem.column) == ("multiple-documents", 2, 1)


def test_complex_key_refused(loader: type) -> None:
    problem = refused(loader=loader, text="? [a, b]\n: 1\n")
    assert (problem.code.id, problem.line, problem.column) == ("bad-key", 1, 3)


def test_syntax_error_is_one_line_with_position(loader: type) -> None:
    problem = refused(loader=loader, text="unit: a\nvalues:\n  \"1.1\": [5\n")
    assert problem.code.id == "yaml-syntax"
    assert problem.line == 4 and problem.column == 1
    assert "check quotes, colons and indentation" in problem.message


def test_control_character_refused_at_its_position(loader: type) -> None:
    problem = refused(loader=loader, text="名称: x\nb: y\x07\n")
    assert (problem.code.id, problem.line, problem.column) == ("yaml-syntax", 2, 5)
    assert "#x0007" in problem.message and "delete it" in problem.message


def test_surrogate_escape_refused(loader: type) -> None:
    problem = refused(loader=loader, text='a: "\\ud800"\n')
    assert problem.code.id == "yaml-syntax"
    assert problem.line == 1


def test_tab_indentation_is_a_syntax_error(loader: type) -> None:
    problem = refused(loader=loader, text="values:\n\t\"1.1\": 5\n")
    assert (problem.code.id, problem.line) == ("yaml-syntax", 2)


# --- bytes ---------------------------------------------------------------------------------------------


def test_utf8_bom_accepted() -> None:
    text = "unit: nanxun\n"
    assert yamlread.decode(codecs.BOM_UTF8 + text.encode()) == text


def test_gbk_named() -> None:
    raw = "unit: nanxun\nvalues:\n  \"3.3\": 已完成\n".encode("gbk")
    with pytest.raises(MinzhengError) as info:
        yamlread.decode(raw)
    assert (info.value.code.id, info.value.line, info.value.column) == ("not-utf8", 3, 10)
    assert "GBK" in info.value.message and "save it as UTF-8" in info.value.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_named(encoding: str) -> None:
    with pytest.raises(MinzhengError) as info:
        yamlread.decode("unit: nanxun\n".encode(encoding))
    assert info.value.code.id == "not-utf8"
    assert "UTF-16" in info.value.message and "save it as UTF-8" in info.value.message


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(MinzhengError) as info:
        yamlread.decode(b"unit: nanxun\nas_of: x\x00\n")
    assert (info.value.code.id, info.value.line, info.value.column) == ("not-utf8", 2, 9)
    assert "binary" in info.value.message


def test_random_binary_is_not_called_gbk() -> None:
    raw = bytes(range(256)) * 4
    with pytest.raises(MinzhengError) as info:
        yamlread.decode(raw)
    assert info.value.code.id == "not-utf8"
    assert "GBK" not in info.value.message


def test_file_too_large_read_no_further(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        chunk = b"# " + b"x" * (1024 * 1024 - 3) + b"\n"
        for _ in range(60):
            handle.write(chunk)
    start = time.perf_counter()
    with pytest.raises(MinzhengError) as info:
        yamlread.read_bytes(str(path))
    assert time.perf_counter() - start < 1
    assert info.value.code.id == "file-too-large"
    assert "2 MiB" in info.value.message


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "edge.yaml"
    path.write_bytes(b"#" * yamlread.MAX_BYTES)
    assert len(yamlread.read_bytes(str(path))) == yamlread.MAX_BYTES


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "2025-06-30.yaml"
    os.mkfifo(path)
    outcome: list[object] = []

    def read() -> None:
        try:
            yamlread.read_bytes(str(path))
        except MinzhengError as err:
            outcome.append(err.code.id)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(2)
    if worker.is_alive():  # unblock the reader before failing
        with open(path, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert outcome == ["unreadable"]


# --- scalars ----------------------------------------------------------------------------------------


def number_error(raw: object) -> MinzhengError:
    with pytest.raises(MinzhengError) as info:
        scalars.parse_number(raw)
    assert "\n" not in info.value.message
    return info.value


@pytest.mark.parametrize("raw, expected", [
    ("150", Fraction(150)), ("12.5", Fraction(25, 2)), ("-3", Fraction(-3)), ("0", Fraction(0)),
    ("0.75", Fraction(3, 4)), ("999999999999999", Fraction(999999999999999)),
])
def test_plain_decimal_numbers(raw: str, expected: Fraction) -> None:
    assert scalars.parse_number(raw) == expected


@pytest.mark.parametrize("raw, code, advice", [
    ("0123", "bad-number", "write 123"),
    ("-0123", "bad-number", "write -123"),
    ("00.5", "bad-number", "write 0.5"),
    ("1:30", "bad-number", "base 60"),
    ("1_000", "bad-number", "write the digits alone: 1000"),
    ("1,000", "bad-number", "write the digits alone: 1000"),
    (".nan", "bad-number", "not a finite number"),
    (".inf", "bad-number", "not a finite number"),
    ("1e999", "bad-number", "exponent notation"),
    ("no", "bad-number", "is a word, not a number"),
    ("on", "bad-number", "is a word, not a number"),
    ("150人", "bad-number", "write the number alone (150)"),
    ("150 人", "bad-number", "write the number alone (150)"),
    ("+5", "bad-number", "write 5"),
    ("5.", "bad-number", "write 5"),
    (".5", "bad-number", "write 0.5"),
    ("0x1F", "bad-number", "hexadecimal"),
    ("85%", "bad-number", "without %"),
    ("１５０", "bad-number", "uses full-width characters; write it with ASCII characters: 150"),
    ("０１2", "bad-number", "uses full-width characters"),
    ("１５０人", "bad-number", "uses full-width characters"),
    ("１，０００", "bad-number", "1000"),
    ("①", "bad-number", "special characters"),
    ("", "bad-number", "empty"),
    ("many", "bad-number", "such as 150 or 12.5"),
    (Quoted("150"), "quoted-number", "write the number without quotes: 150"),
    (Quoted("１５０"), "bad-number", "full-width"),
    (Quoted("150人"), "bad-number", "write the number alone (150)"),
    (None, "wrong-type", "expected a number"),
    ({"numerator": "1"}, "wrong-type", "expected a number, found a mapping"),
    (["1"], "wrong-type", "expected a number, found a list"),
    ("1" * 5000, "bad-number", "more than any figure"),
    ("1" * 16, "bad-number", "16 digits"),
    ("0." + "1" * 5000, "bad-number", "decimal places"),
    ("-1" + "0" * 400 + ".5", "bad-number", "401 digits"),
])
def test_numbers_refused_with_advice(raw: object, code: str, advice: str) -> None:
    err = number_error(raw)
    assert err.code.id == code
    assert advice in err.message


def test_mixed_full_width_digits_get_the_full_width_hint() -> None:
    err = number_error("０１2")
    assert err.message.startswith("'０１2' uses full-width characters")
    assert "'012'" in err.message and "write 12" in err.message


def test_long_text_is_shortened_in_messages() -> None:
    err = number_error("x" * 10000)
    assert len(err.message) < 200


def test_control_characters_are_escaped_in_messages() -> None:
    err = number_error(Quoted("1\n2"))
    assert "\n" not in err.message and "\\n" in err.message


@pytest.mark.parametrize("raw, advice", [
    ("2025/06/30", "write 2025-06-30"),
    ("2025年6月30日", "write 2025-06-30"),
    ("2025-6-30", "write 2025-06-30"),
    ("２０２５-06-30", "full-width characters; write it with ASCII characters: 2025-06-30"),
    ("２０２５/06/30", "write 2025-06-30"),
    ("2025-02-30", "not a real calendar date"),
    ("june", "YYYY-MM-DD"),
])
def test_dates_refused_with_advice(raw: str, advice: str) -> None:
    with pytest.raises(MinzhengError) as info:
        scalars.parse_date(raw)
    assert info.value.code.id == "bad-date"
    assert advice in info.value.message


def test_dates() -> None:
    assert scalars.parse_date("2025-06-30") == date(2025, 6, 30)
    assert scalars.parse_date(Quoted("2025-06-30")) == date(2025, 6, 30)


def test_whole_numbers() -> None:
    assert scalars.parse_int("5") == 5
    with pytest.raises(MinzhengError) as info:
        scalars.parse_int("5.5")
    assert info.value.code.id == "bad-number" and "whole number" in info.value.message


def test_closest() -> None:
    assert scalars.closest("shuanlin", ["nanxun", "shuanglin"]) == "shuanglin"
    assert scalars.closest("zzz", ["nanxun", "shuanglin"]) is None


def test_recursion_limit_untouched() -> None:
    # the reader never recurses: a deep document is refused by counting, not by RecursionError
    limit = sys.getrecursionlimit()
    yamlread.parse("a: [[[[1]]]]\n")
    assert sys.getrecursionlimit() == limit
