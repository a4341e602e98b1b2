"""The catalogue: every phrase is declared once with both languages and the same fields in each; every
diagnostic code is declared beside its rule with a severity and a meaning in both languages; docs/codes.md is
derived from those declarations and current."""

from __future__ import annotations

import io
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from cogapp import Cog

from minzheng_cli.catalogue import LANGS, Catalogue, Text, fields, registry
from minzheng_cli.checks import all_codes
from minzheng_cli.model.diagnostics import Code

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")
# phrases that hold no words to translate: punctuation around fields, system words kept as they are
LANGUAGE_NEUTRAL = re.compile(r"^[^A-Za-z\u4e00-\u9fff]*$")


def test_every_phrase_has_both_languages() -> None:
    for ident, phrase in registry().items():
        for lang in LANGS:
            assert phrase.template(lang).strip() or ident.startswith("Common"), (ident, lang)


# the Chinese title says how pace is counted (按月份/按天数); the English title leaves it to the column
DIFFERENT_FIELDS = {"Words.status_title": {"pace"}}


def test_each_phrase_has_the_same_fields_in_both_languages() -> None:
    for ident, phrase in registry().items():
        assert fields(phrase.zh) ^ fields(phrase.en) == DIFFERENT_FIELDS.get(ident, set()), ident


def test_chinese_phrases_are_chinese() -> None:
    for ident, phrase in registry().items():
        without_fields = re.sub(r"\{[^}]*\}", "", phrase.zh)
        assert CJK.search(without_fields) or LANGUAGE_NEUTRAL.match(without_fields) or without_fields == phrase.en.format(), \
            (ident, phrase.zh)


def test_a_phrase_id_is_where_it_is_declared() -> None:
    class Sample(Catalogue):
        greeting = Text("你好，{name}", "hello, {name}")

    assert Sample.greeting.id == "Sample.greeting"
    assert Sample.greeting(name="x").render("zh") == "你好，x"
    assert [t.id for t in Sample.entries()] == ["Sample.greeting"]


def test_every_code_has_a_severity_and_a_meaning_in_both_languages() -> None:
    codes = all_codes()
    assert len(codes) >= 60
    for ident, code in codes.items():
        assert isinstance(code, Code) and code.id == ident
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident), ident
        assert code.severity in ("error", "warning")
        assert CJK.search(code.meaning.zh) and code.meaning.en, ident


def test_every_meaning_belongs_to_a_code() -> None:
    from minzheng_cli.catalogue.codes import Meaning

    declared = {code.meaning.id for code in all_codes().values()}
    assert {t.id for t in Meaning.entries()} == declared


def test_codes_doc_is_current(tmp_path: Path) -> None:
    doc = ROOT / "docs" / "codes.md"
    text = doc.read_text(encoding="utf-8")
    for ident, code in all_codes().items():
        assert f"| `{ident}` | {code.severity} |" in text
    copy = tmp_path / "codes.md"
    shutil.copy(doc, copy)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = Cog().main(["cog", "--check", str(copy)])
    assert status == 0, f"docs/codes.md is stale: run `cog -r docs/codes.md`\n{out.getvalue()}{err.getvalue()}"


# three English words in a row: a sentence left untranslated (ids, keys and `code` spans are single words)
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")


def test_no_chinese_phrase_leaves_english_in_it() -> None:
    for ident, phrase in registry().items():
        words = re.sub(r"`[^`]*`", "", re.sub(r"\{[^}]*\}", "", phrase.zh))
        assert ENGLISH.findall(words) == [], (ident, phrase.zh)
