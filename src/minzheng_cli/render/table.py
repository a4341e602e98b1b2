"""The one table type of the renderers: header, rows of display text, and which columns hold figures.

Built once by `detail`, `status_table` and `report_words`, and laid out by whichever writer the format needs:
plain text or rich (`textual`), Markdown (`markdown`), HTML (`report_html`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

RIGHT, LEFT = "right", "left"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # per column: figures, right-aligned
    title: str = ""
    note: str = ""  # a sentence shown under the table

    @classmethod
    def of(cls, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool], title: str = "",
           note: str = "") -> Table:
        return cls(tuple(header), tuple(tuple(row) for row in rows), tuple(numeric), title, note)

    @property
    def align(self) -> tuple[str, ...]:
        """Per column: "right" for figures, "left" for words (as tabulate and rich take it)."""
        return tuple(RIGHT if numeric else LEFT for numeric in self.numeric)
