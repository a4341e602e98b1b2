"""Property-based tests: whatever the bytes of a file, the loader answers with diagnostics, never an exception.

Four sources of input: arbitrary bytes; YAML-ish text built from a grammar of keys, values, flow collections,
anchors, aliases and tags; report-shaped text from the same grammar, so that the checks behind the parser run;
and JSON-like Python values written with `yaml.safe_dump`, which also serve as an oracle for the reader: where
PyYAML does not guess a type, our reader must read exactly what PyYAML reads.
"""

from __future__ import annotations

import json
import string
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import PLAN, TODAY
from minzheng_cli.checks import all_codes
from minzheng_cli.checks import linter as loading
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.diagnostics import MAX_PER_FILE, Diagnostic
from minzheng_cli.model.files import Targets
from minzheng_cli.model.scalars import Quoted
from minzheng_cli.read import yamldoc as yamlread
from minzheng_cli.read.yamldoc import Document
from minzheng_cli.render import diagnostics as render

CODES = all_codes()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def targets() -> Targets:
    doc = yamlread.parse(PLAN)
    return Targets.model_validate(doc.data)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "data"
    (root / "progress" / "nanxun").mkdir(parents=True)
    (root / "targets.yaml").write_text(PLAN, encoding="utf-8")
    return root


def sound(diagnostics: list[Diagnostic]) -> None:
    """Every diagnostic is well formed and renders in every format."""
    for d in diagnostics:
        assert d.code in CODES
        assert d.severity == CODES[d.code].severity
        assert d.line >= 1 and d.column >= 1
        assert d.message and "\n" not in d.message and "\r" not in d.message
        d.as_text().encode("utf-8")
        render.github_command(d).encode("utf-8")
        json.dumps(d.as_dict(), ensure_ascii=False).encode("utf-8")
        # and in Chinese, from the message's template and parameters, every template translated
        assert d.detail is not None and d.detail.render("zh")
        zh = d.text("zh")
        assert zh and "\n" not in zh and "\r" not in zh
        render.github_command(d, "zh").encode("utf-8")
        json.dumps(d.as_dict("zh"), ensure_ascii=False).encode("utf-8")


def check_file(raw: bytes, folder: Path, targets: Targets, unit: str = "nanxun", pure: bool = False
               ) -> list[Diagnostic]:
    path = folder / "progress" / unit / "2025-06-30.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return _check(path, targets, unit, yaml.SafeLoader if pure else yamlread.LOADER)


def _check(path: Path, targets: Targets, unit: str, loader: type) -> list[Diagnostic]:
    doc = loading.read_document(str(path), "r.yaml", loader=loader)
    assert isinstance(doc, Document | Diagnostic)
    if isinstance(doc, Diagnostic):
        sound([doc])
    report, diagnostics = loading.load_report(str(path), "r.yaml", unit, targets, TODAY, loader=loader)
    sound(diagnostics)
    errors = [d for d in diagnostics if d.severity == "error"]
    assert (report is None) == bool(errors)
    assert len(diagnostics) <= MAX_PER_FILE + 3
    return diagnostics


# --- arbitrary bytes -----------------------------------------------------------------------------------------


@FUZZ
@given(raw=st.binary(max_size=2000), pure=st.booleans())
def test_arbitrary_bytes(raw: bytes, pure: bool, folder: Path, targets: Targets) -> None:
    check_file(raw, folder, targets, pure=pure)


@FUZZ
@given(prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"unit: nanxun\nvalues:\n  "]),
       text=st.text(max_size=300),
       encoding=st.sampled_from(["utf-8", "gbk", "utf-16-le", "gb18030", "latin-1"]))
def test_arbitrary_text_in_any_encoding(prefix: bytes, text: str, encoding: str, folder: Path,
                                        targets: Targets) -> None:
    check_file(prefix + text.encode(encoding, "replace"), folder, targets)


# --- YAML-ish text from a grammar ----------------------------------------------------------------------------

IDS = ["1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.10", "1.11", "9.9"]
KEYS = st.one_of(
    st.sampled_from(["unit", "as_of", "submitted", "values", "notes", "note", "numerator", "denominator",
                     "no", "on", "~", "''", '"1.1"', "'2.1'", "? x", "-", "&k key", "!!str key", "<<", "values ",
                     '"1.1\\n"', '"a\\tb\\r"', "'x\n  y'"]),
    st.sampled_from(IDS),
    st.sampled_from(IDS).map(lambda i: f'"{i}"'),
    st.text(alphabet=string.ascii_letters + string.digits + "._-单位", min_size=1, max_size=8),
)
WORDS = st.sampled_from([
    "nanxun", "district", "shuanglin", "nanxunn", "2025-06-30", "2025-06-29", "2026-01-01", "2024-12-31",
    "2025/06/30", "5", "0", "-5", "150", "12.5", "1" * 20, "0.1234567890123", "0123", "1:30", "1_000", ".nan",
    ".inf", "1e999", "1,000", "+5", "5.", ".5", "0x1F", "85%", "no", "on", "yes", "off", "true", "done",
    "已完成", "进行中", "未开始", "not_started", "'150'", '"150人"', "１５０", "０１2", "①", "~", "null", "",
    "&a 5", "*a", "&b [1, 2]", "*b", "!!int 5", "!foo x", "!!str 5", "!!binary aGk=", "|\n  text", ">-\n  x",
    "[", "{", "]", "}", ":", ": x", "- x", "# comment", "'", '"', "\t5", "---", "...", "%YAML 1.1", "@x", "`x",
    '"\\ud800"', '"\\x07"', "\x07", "{numerator: 40, denominator: 45}", "{numerator: 50, denominator: 45}",
    "{numerator: 0, denominator: 0}", "{numerator: -1, denominator: 4}", "{numerator: 1}", "[1, [2, [3]]]",
])
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=10)
SCALARS = st.one_of(WORDS, PRINTABLE, st.integers(-10**20, 10**20).map(str),
                    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str))


def flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return (st.lists(children, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]")
            | st.lists(st.tuples(KEYS, children), max_size=4).map(
                lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"))


FLOW = st.recursive(SCALARS, flow, max_leaves=8)
TREES: st.SearchStrategy[Any] = st.recursive(
    FLOW,
    lambda c: st.lists(st.tuples(KEYS, c), min_size=1, max_size=5) | st.lists(c, min_size=1, max_size=4),
    max_leaves=20,
)


def serialize(node: Any, indent: int = 0, step: int = 2) -> str:
    """Block YAML of a tree: a list of (key, child) pairs is a mapping, another list a sequence, a str inline."""
    pad = " " * indent
    if isinstance(node, str):
        return node
    lines = []
    for item in node:
        if isinstance(item, tuple):
            key, child = item
            head = f"{pad}{key}:"
        else:
            child, head = item, f"{pad}-"
        if isinstance(child, str):
            lines.append(f"{head} {child}")
        else:
            lines.append(head + "\n" + serialize(child, indent + step, step))
    return "\n".join(lines)


@FUZZ
@given(tree=TREES, step=st.sampled_from([1, 2, 4]), crlf=st.booleans(),
       noise=st.none() | st.tuples(st.integers(0, 10**4), st.characters()), pure=st.booleans())
def test_yaml_grammar(tree: Any, step: int, crlf: bool, noise: tuple[int, str] | None, pure: bool, folder: Path,
                      targets: Targets) -> None:
    text = serialize(tree, 0, step) + "\n"
    if noise is not None:  # one arbitrary character anywhere
        where = noise[0] % len(text)
        text = text[:where] + noise[1] + text[where:]
    check_file(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"), folder, targets, pure=pure)


BIG = st.integers(1, 6000).map(lambda n: "1" * n) | st.integers(1, 6000).map(lambda n: "-0." + "5" * n)
PLAUSIBLE = st.sampled_from([
    "5", "20", "30", "0", "-5", "150", "12.5", "1e3", "1" * 5000, "-1" + "0" * 400 + ".5", "done", "已完成",
    "进行中", "完成", "no", "0123", "1:30",
    "１５０", "'150'", '"150人"', "", "~", "[1, 2]", "{numerator: 40, denominator: 45}",
    "{numerator: 50, denominator: 45}", "{numerator: 900, denominator: 100}", "{numerator: 0, denominator: 0}",
    "{numerator: 1}", "{numerator: 1, denominater: 2}", "{numerator: no, denominator: 4}",
])
VALUES = st.one_of(PLAUSIBLE, PLAUSIBLE, PLAUSIBLE, BIG, FLOW, TREES)  # mostly values the checks get to see
REPORTS = st.tuples(
    st.sampled_from(["nanxun", "nanxun", "nanxun", "district", "shuanglin", "zzz", "no", "'nanxun'", "[nanxun]", ""]),
    st.sampled_from(["2025-06-30"] * 4 + ["2025-06-29", "2025-07-16", "2024-12-31", "２０２５-06-30", "no", "", "[1]"]),
    st.one_of(st.none(), st.sampled_from(["2025-06-29", "2025-07-01", "2025-08-01", "x"])),
    st.lists(st.tuples(st.one_of(st.sampled_from(IDS), st.sampled_from(IDS), KEYS), VALUES), max_size=8),
    st.lists(st.tuples(st.sampled_from(IDS), SCALARS), max_size=3),
)


def report_text(unit: str, as_of: str, submitted: str | None, values: list[tuple[str, Any]],
                notes: list[tuple[str, str]]) -> str:
    entries: list[tuple[str, Any]] = [("unit", unit), ("as_of", as_of)]
    if submitted is not None:
        entries.append(("submitted", submitted))
    entries.append(("values", [(f'"{k}"' if k in IDS else k, v) for k, v in values] or ""))
    if notes:
        entries.append(("notes", [(f'"{k}"', v) for k, v in notes]))
    return serialize(entries) + "\n"


@FUZZ
@given(values=st.lists(st.tuples(st.sampled_from(IDS) | KEYS, VALUES | WORDS), min_size=1, max_size=6),
       notes=st.lists(st.tuples(st.sampled_from(IDS), SCALARS | BIG), max_size=2),
       unit=st.sampled_from(["nanxun", "district"]))
def test_report_values(values: list[tuple[str, Any]], notes: list[tuple[str, str]], unit: str, folder: Path,
                       targets: Targets) -> None:
    """A sound head (unit, as_of) so that every value reaches the checks."""
    check_file(report_text(unit, "2025-06-30", None, values, notes).encode("utf-8"), folder, targets, unit)


@FUZZ
@given(report=REPORTS, unit=st.sampled_from(["nanxun", "nanxun", "district", "zzz"]))
def test_report_shaped_grammar(report: tuple[Any, ...], unit: str, folder: Path, targets: Targets) -> None:
    check_file(report_text(*report).encode("utf-8"), folder, targets, unit)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports=st.lists(st.tuples(st.sampled_from(["nanxun", "shuanglin", "district"]),
                                  st.dates(date(2025, 1, 1), date(2025, 7, 15)),
                                  st.lists(st.tuples(st.sampled_from(IDS[:8]),
                                                     st.sampled_from(["5", "20", "30", "0", "done", "-1",
                                                                      "{numerator: 4, denominator: 5}"])),
                                           max_size=6)),
                        max_size=5))
def test_whole_folder(reports: list[tuple[str, date, list[tuple[str, str]]]],
                      tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tmp_path_factory.mktemp("folder") / "data"
    (root / "progress").mkdir(parents=True)
    (root / "targets.yaml").write_text(PLAN, encoding="utf-8")
    for unit, day, values in reports:
        path = root / "progress" / unit / f"{day}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(report_text(unit, str(day), None, values, []), encoding="utf-8")
    loaded = loading.load_data(str(root), TODAY)
    sound(loaded.diagnostics)
    paths_with_errors = {d.path for d in loaded.diagnostics if d.severity == "error"}
    assert {r.path for r in loaded.reports}.isdisjoint(paths_with_errors)
    assert set(loaded.excluded) == paths_with_errors


# --- JSON-like values through yaml.safe_dump ---------------------------------------------------------------

JSONISH: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates(),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4),
    max_leaves=15,
)
REPORTISH = st.fixed_dictionaries(
    {"unit": st.sampled_from(["nanxun", "shuanglin"]) | JSONISH,
     "as_of": st.sampled_from([date(2025, 6, 30), "2025-06-30"]) | JSONISH,
     "values": st.dictionaries(st.sampled_from(IDS) | st.text(max_size=4),
                               JSONISH | st.fixed_dictionaries({"numerator": JSONISH, "denominator": JSONISH}),
                               max_size=6) | JSONISH},
    optional={"submitted": JSONISH, "notes": st.dictionaries(st.sampled_from(IDS), JSONISH, max_size=3),
              "extra": JSONISH},
)


@FUZZ
@given(value=REPORTISH | JSONISH, unicode=st.booleans(), flow_style=st.sampled_from([None, True, False]))
def test_safe_dump_values_as_a_report(value: Any, unicode: bool, flow_style: bool | None, folder: Path,
                                      targets: Targets) -> None:
    text = yaml.safe_dump(value, allow_unicode=unicode, default_flow_style=flow_style)
    check_file(text.encode("utf-8"), folder, targets)


def same_as_pyyaml(ours: Any, theirs: Any) -> None:
    """Our reader reads what PyYAML reads, except that it never guesses a type for a plain scalar."""
    if isinstance(theirs, dict):
        assert isinstance(ours, dict) and list(ours) == [str(k) for k in theirs]
        for key, value in theirs.items():
            same_as_pyyaml(ours[str(key)], value)
    elif isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs)
        for mine, other in zip(ours, theirs, strict=True):
            same_as_pyyaml(mine, other)
    elif theirs is None:
        assert ours is None
    elif isinstance(theirs, str):
        assert ours == theirs
    else:  # PyYAML guessed a bool, number or date from a plain scalar: for us it stays text
        assert isinstance(ours, str) and not isinstance(ours, Quoted)


@FUZZ
@given(value=JSONISH, flow_style=st.sampled_from([None, True, False]))
def test_reader_agrees_with_pyyaml_where_pyyaml_does_not_guess(value: Any, flow_style: bool | None) -> None:
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow_style)
    try:
        doc = yamlread.parse(text)
    except MinzhengError as problem:
        assume(problem.code not in ("alias", "too-deep"))  # shared objects dump as anchors; very deep values
        raise
    same_as_pyyaml(doc.data, yaml.safe_load(text))
