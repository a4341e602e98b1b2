"""Diagnostics: every problem found in the input files, as data.

A diagnostic has a stable `code` (listed in `CODES` with its severity and meaning, and in docs/codes.md),
the file, the 1-based line and column (in characters) of the offending node, and a message that says what to
change. A `ValidationReport` gathers them with counts, like frictionless' report: `valid`, `stats`, `diagnostics`.

`message` is English; `detail` keeps the message's template and parameters (`messages.Message`), so that
`text(lang)`, `as_text(lang)` and `as_dict(lang)` give it in Chinese (`"zh"`) as well.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from minzheng_cli.catalogue import Lang, Message, Text, one_line
from minzheng_cli.catalogue.diagnostics import CheckMsg

Severity = Literal["error", "warning"]

_CODES: dict[str, Code] = {}  # every code declared so far (checks.all_codes imports every declaring module)
_DECLARED_IN: dict[str, str] = {}

@dataclass(frozen=True)
class Code:
    """A diagnostic code, declared once beside the rule that finds it: `DUPLICATE_KEY = Code("duplicate-key",
    "error", Meaning.duplicate_key)`. The list of codes (and docs/codes.md) is derived from these declarations."""

    id: str
    severity: Severity
    meaning: Text

    def __post_init__(self) -> None:
        if self.id in _CODES:
            raise ValueError(f"diagnostic code {self.id} declared twice")
        _CODES[self.id] = self
        # the module whose top level declares it (frames: this, the dataclass __init__, the module), for the
        # order of the list of codes, which must not depend on the order modules happened to be imported in
        _DECLARED_IN[self.id] = sys._getframe(2).f_globals.get("__name__", "")

    def __str__(self) -> str:
        return self.id


def is_declared(code_id: str) -> bool:
    """Whether a code with this id has been declared."""
    return code_id in _CODES


def declared_codes() -> list[tuple[Code, str]]:
    """The codes declared so far, in declaration order, each with the module that declares it."""
    return [(code, _DECLARED_IN[code.id]) for code in _CODES.values()]


MAX_PER_FILE = 50
MAX_MESSAGE = 500
def _one_line(message: str) -> str:
    """A message fit for one `path:line:col: CODE message` line: control characters escaped, length capped."""
    message = one_line(message)
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
    def make(cls, path: str, line: int, column: int, code: Code, message: Message) -> Diagnostic:
        """A diagnostic with the code's severity and its message (rendered in any language later)."""
        return cls(path=path, line=line, column=column, code=code.id, message=_one_line(str(message)),
                   severity=code.severity, detail=message)

    def text(self, lang: Lang = "en") -> str:
        """The message in `lang` (plain-text messages, which have no `detail`, in the language they were written)."""
        if lang == "en" or self.detail is None:
            return self.message
        return _one_line(self.detail.render(lang))

    def as_text(self, lang: Lang = "en") -> str:
        """`path:line:col: CODE message`, one line: a folder name holding a line break or an escape sequence
        can neither start a line of its own (a forged `::warning`) nor reach the terminal raw."""
        return f"{one_line(self.path)}:{self.line}:{self.column}: {self.code} {self.text(lang)}"

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
    message = CheckMsg.more_problems_file_shown(n=left)
    note = Diagnostic(path, last.line, last.column, last.code, str(message), last.severity, message)
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
