"""Diagnostics: every problem found in the input files, as data.

A diagnostic has a stable `code` (listed in `CODES` with its severity and meaning, and in docs/codes.md),
the file, the 1-based line and column (in characters) of the offending node, and a message that says what to
change. A `ValidationReport` gathers them with counts, like frictionless' report: `valid`, `stats`, `diagnostics`.

`message` is English; `detail` keeps the message's template and parameters (`messages.Message`), so that
`text(lang)`, `as_text(lang)` and `as_dict(lang)` give it in Chinese (`"zh"`) as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from minzheng_cli.i18n import Lang
from minzheng_cli.messages import Message, msg

Severity = Literal["error", "warning"]

# code: (severity, meaning) — the stable list; docs/codes.md is generated from it.
CODES: dict[str, tuple[Severity, str]] = {
    # reading the file
    "file-too-large": ("error", "the file is over the size limit (2 MiB)"),
    "not-utf8": ("error", "the file is not UTF-8 text (GBK, UTF-16, binary); a UTF-8 BOM is accepted"),
    "unreadable": ("error", "the file cannot be read: not a regular file (a folder, pipe or device), or no permission"),
    "yaml-syntax": ("error", "the YAML cannot be parsed"),
    "duplicate-key": ("error", "a key appears twice in one mapping (PyYAML would keep the last silently)"),
    "alias": ("error", "an anchor (&x) or alias (*x); refused, they allow expansion bombs"),
    "tag": ("error", "an explicit tag (!!int, !foo)"),
    "too-deep": ("error", "nesting deeper than any real file needs"),
    "multiple-documents": ("error", "more than one YAML document in one file"),
    "bad-key": ("error", "a mapping key that is a list or mapping"),
    "not-a-mapping": ("error", "the file (or a part of it) is not the mapping the format expects; an empty file"),
    # shape and scalar types
    "unknown-key": ("error", "a key the format does not have (misspelt?)"),
    "missing-key": ("error", "a required key is absent"),
    "wrong-type": ("error", "a value of the wrong type (a list where text belongs, a number where a ratio belongs…)"),
    "bad-number": ("error", "not a plain decimal number: 0123, 1:30, 1_000, .nan, 1e999, 150人, full-width digits"),
    "quoted-number": ("error", "a number written in quotes, which makes it text"),
    "bad-date": ("error", "not a date in the form YYYY-MM-DD"),
    "bad-choice": ("error", "a word that is not one of the allowed choices"),
    "bad-id": ("error", "an id that is not a lowercase ASCII slug (pinyin), where one is needed"),
    "bad-status": ("error", "a milestone status other than not_started | in_progress | done (未开始 | 进行中 | 已完成)"),
    # the plan (targets.yaml)
    "duplicate-id": ("error", "two units, tasks or indicators share an id"),
    "unknown-task": ("error", "an indicator names a task that does not exist"),
    "id-task-mismatch": ("error", "an indicator id's <task> prefix differs from its task"),
    "task-numbering": ("error", "tasks are not numbered 1, 2, 3 … without gaps or repeats"),
    "district-unit": ("error", "there is not exactly one unit of kind district"),
    "plan-period": ("error", "the plan starts after it ends"),
    "lights-order": ("error", "lights: tolerance is not between 0 and red"),
    "unknown-parent": ("error", "parent names an indicator that does not exist (or itself)"),
    "parent-uom": ("error", "a part has another unit of measure than its parent"),
    "missing-field": ("error", "measure, factor, target or uom missing where the kind needs it"),
    "unexpected-field": ("error", "measure, factor, target or uom given where the kind has none"),
    "due-outside-plan": ("error", "a due date outside the plan period"),
    "target-not-positive": ("error", "a target of 0 or less (only a cap may be 0)"),
    "factor-not-positive": ("error", "a ratio's factor of 0 or less"),
    # breakdown.yaml
    "quota-not-allowed": ("error", "a quota for an indicator that is not a township-reported cumulative or level"),
    "quota-not-positive": ("error", "a quota of 0 or less"),
    "quota-sum-short": ("error", "a count indicator's quotas add up to less than its target"),
    "baseline-not-allowed": ("error", "a baseline for an indicator that is not a level"),
    "baseline-not-below-target": ("error", "a baseline at or above the target"),
    # progress reports
    "misplaced-file": ("error", "a report that is not at progress/<unit>/<YYYY-MM-DD>.yaml"),
    "duplicate-report": ("error", "two report files of one unit for one date (e.g. .yaml and .yml)"),
    "unknown-unit": ("error", "a unit (folder or breakdown entry) that the plan does not list"),
    "unit-mismatch": ("error", "a report's unit differs from its folder name"),
    "bad-file-name": ("error", "a report file name that is not a valid YYYY-MM-DD date"),
    "date-mismatch": ("error", "a report's as_of differs from its file name"),
    "date-outside-plan": ("error", "a report date outside the plan period"),
    "date-in-future": ("error", "a report date after today"),
    "unknown-indicator": ("error", "an indicator id the plan does not have"),
    "not-reported-by-unit": ("error", "a value for an indicator this unit does not report"),
    "negative-value": ("error", "a negative number (a value, a ratio's part or a baseline)"),
    "numerator-exceeds-denominator": ("error", "a percentage's numerator above its denominator"),
    "zero-denominator": ("error", "a ratio with denominator 0"),
    "decreasing-cumulative": ("error", "a cumulative count lower than the same unit's earlier report"),
    "part-exceeds-whole": ("error", "a part (parent) larger than its whole in the same unit's figures"),
    # workbooks (minzheng import): placed on the sheet's row and column
    "not-whole-number": ("error", "a fraction in a cell that counts whole things (人, 户, 个…, a ratio's parts)"),
    "formula-no-value": ("error", "a formula cell whose result no spreadsheet program has computed"),
    # warnings
    "empty-report": ("warning", "a report with no values"),
    "not-yaml": ("warning", "a file in progress/ that is not YAML (.yaml / .yml)"),
    "submitted-before-as-of": ("warning", "submitted is earlier than as_of"),
    "no-reports": ("warning", "no progress reports at all yet"),
}

MAX_PER_FILE = 50
MAX_MESSAGE = 500
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _one_line(message: str) -> str:
    """A message fit for one `path:line:col: CODE message` line: control characters escaped, length capped."""
    if _CONTROL.search(message):
        message = _CONTROL.sub(lambda m: repr(m.group())[1:-1], message)
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "…"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = field(default="error", compare=False)
    detail: Message | None = field(default=None, compare=False, repr=False)

    @classmethod
    def make(cls, path: str, line: int, column: int, code: str, message: str | Message) -> Diagnostic:
        """A diagnostic with the code's severity; `message` is a Message (translatable) or plain text."""
        detail = message if isinstance(message, Message) else None
        return cls(path=path, line=line, column=column, code=code, message=_one_line(str(message)),
                   severity=CODES[code][0], detail=detail)

    def text(self, lang: Lang = "en") -> str:
        """The message in `lang` (plain-text messages, which have no `detail`, in the language they were written)."""
        if lang == "en" or self.detail is None:
            return self.message
        return _one_line(self.detail.render(lang))

    def as_text(self, lang: Lang = "en") -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.text(lang)}"

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """path, line, column, code, message (in `lang`), severity: `Diagnostic(**d)` reads it back (in
        English, without `detail`; the cache stores `detail` beside it)."""
        return {"path": self.path, "line": self.line, "column": self.column, "code": self.code,
                "message": self.text(lang), "severity": self.severity}


def capped(diagnostics: list[Diagnostic], path: str, total: int | None = None) -> list[Diagnostic]:
    """At most MAX_PER_FILE diagnostics for one file, with a last line saying how many were left out
    (`total`: how many there were, when the list given holds only the first of them)."""
    total = len(diagnostics) if total is None else total
    if total <= MAX_PER_FILE or not diagnostics:
        return diagnostics
    kept = diagnostics[:MAX_PER_FILE]
    left = total - len(kept)
    last = kept[-1]
    note = Diagnostic.make(path, last.line, last.column, last.code,
                           msg("… and {n} more problems in this file not shown; fix these first", n=left))
    return [*kept, note]


@dataclass
class ValidationReport:
    """What `validate` found: data first, rendered by the CLI as text, JSON or GitHub commands."""

    diagnostics: list[Diagnostic]
    files: int
    reports: int
    strict: bool = False

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors and not (self.strict and self.warnings)

    def stats(self) -> dict[str, int]:
        return {"files": self.files, "reports": self.reports, "errors": len(self.errors),
                "warnings": len(self.warnings)}

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        return {"valid": self.valid, "strict": self.strict, "stats": self.stats(),
                "diagnostics": [d.as_dict(lang) for d in self.diagnostics]}


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.path, d.line, d.column, d.code)


def sorted_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(items, key=sort_key)
