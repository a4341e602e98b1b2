"""Render a ValidationReport: text lines for stderr, one JSON document, or GitHub workflow commands.

Messages are rendered in the language asked for (`Diagnostic.text(lang)`); paths, codes, lines and columns
are the same in every language."""

from __future__ import annotations

from minzheng_cli.catalogue import Lang, one_line
from minzheng_cli.catalogue.words import Words
from minzheng_cli.model.diagnostics import Diagnostic, ValidationReport
from minzheng_cli.model.jsontext import json_text


def text_lines(report: ValidationReport, lang: Lang) -> list[str]:
    return [d.as_text(lang) for d in report.diagnostics]


def summary_line(report: ValidationReport, lang: Lang) -> str:
    stats = report.stats()
    phrase = Words.validate_ok if report.valid else Words.validate_problems
    return phrase.format(lang, **stats)


def as_json(report: ValidationReport, lang: Lang) -> str:
    """One JSON document (`model.jsontext`), without its final newline."""
    return json_text(report.as_dict(lang)).removesuffix("\n")



def _escape_data(text: str) -> str:
    """As the Actions toolkit escapes a command's data; other control characters (a path's ESC) shown escaped."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(d: Diagnostic, lang: Lang = "en") -> str:
    props = ",".join(f"{k}={_escape_property(str(v))}" for k, v in
                     (("file", d.path), ("line", d.line), ("col", d.column), ("title", d.code)))
    return f"::{d.severity} {props}::{_escape_data(d.text(lang))}"


def as_github(report: ValidationReport, lang: Lang) -> list[str]:
    return [github_command(d, lang) for d in report.diagnostics]
