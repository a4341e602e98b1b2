"""Markdown, written one way for every output (the status table, the weekly report): one escaping rule, so that a
name is shown the same wherever it appears."""

from __future__ import annotations

import re

from minzheng_cli.render.table import Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Text shown as itself in Markdown: names may hold *, _, [ ], <, #, | or a backslash."""
    return _SPECIAL.sub(r"\\\1", text)


def table(tb: Table) -> list[str]:
    """A pipe table, one line per row: figures right-aligned (`---:`), every cell and header escaped."""

    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape(c) for c in cells) + " |"

    rule = "|" + "|".join("---:" if numeric else "---" for numeric in tb.numeric) + "|"
    return [row(tb.header), rule, *(row(cells) for cells in tb.rows)]
