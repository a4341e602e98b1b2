"""Markdown, written one way for every output (the status table, the weekly report): one escaping rule, so that a
name is shown the same wherever it appears."""

from __future__ import annotations

import re

from minzheng_cli.render.table import Table
from minzheng_cli.render.view import View

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")
_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def escape(text: str) -> str:
    """Text shown as itself in Markdown: names may hold *, _, [ ], <, #, |, & (an entity), ~ or a backslash; a
    line break (which would end a table's row or a list's item) becomes a space."""
    return _BREAK.sub(" ", _SPECIAL.sub(r"\\\1", text))


def table(tb: Table) -> list[str]:
    """A pipe table, one line per row: figures right-aligned (`---:`), every cell and header escaped."""

    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape(c) for c in cells) + " |"

    rule = "|" + "|".join("---:" if numeric else "---" for numeric in tb.numeric) + "|"
    return [row(tb.header), rule, *(row(cells) for cells in tb.rows)]


def view(shown: View) -> str:
    """A view (`status`, `show`, `units`) in Markdown: the sample banner and the title in bold, the facts as a
    list, each table under its bold title with its note below, then the summary; every text escaped alike."""
    parts: list[str] = []
    if shown.banner:
        parts.append(f"**{escape(shown.banner)}**")
    if shown.title:
        parts.append(f"**{escape(shown.title)}**")
    if shown.facts:
        parts.append("\n".join(f"- {escape(label)}{shown.colon}{escape(value)}" for label, value in shown.facts))
    for tb in shown.tables:
        if tb.title:
            parts.append(f"**{escape(tb.title)}**")
        parts.append("\n".join(table(tb)))
        if tb.note:
            parts.append(escape(tb.note))
    if shown.summary:
        parts.append(escape(shown.summary))
    return "\n\n".join(parts)
