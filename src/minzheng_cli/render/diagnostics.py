"""Render a ValidationReport: text lines for stderr, one JSON document, or GitHub workflow commands."""

from __future__ import annotations

import json

from minzheng_cli.diagnostics import Diagnostic, ValidationReport
from minzheng_cli.i18n import Lang, t


def text_lines(report: ValidationReport) -> list[str]:
    return [d.as_text() for d in report.diagnostics]


def summary_line(report: ValidationReport, lang: Lang) -> str:
    stats = report.stats()
    key = "validate.ok" if report.valid else "validate.problems"
    return t(key, lang).format(**stats)


def as_json(report: ValidationReport) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(d: Diagnostic) -> str:
    props = ",".join(f"{k}={_escape_property(str(v))}" for k, v in
                     (("file", d.path), ("line", d.line), ("col", d.column), ("title", d.code)))
    return f"::{d.severity} {props}::{_escape_data(d.message)}"


def as_github(report: ValidationReport) -> list[str]:
    return [github_command(d) for d in report.diagnostics]
