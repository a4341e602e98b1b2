"""The one table type of the renderers: header, rows of display text, and which columns hold figures.

Built once by `detail`, `status_table` and `report_words`, and laid out by whichever writer the format needs:
plain text or rich (`textual`), Markdown (`markdown`), HTML (`report_html`), CSV and Excel (`sheet`).

A table for the analyst's views (`status`, `show`, `units`) says more about each column, for the layouts that
need it (`Table.build`):

- `kinds`: what a column holds (`KINDS`): how a narrow terminal may wrap it, how a spreadsheet stores it;
- `drop`: the order in which columns leave a terminal too narrow for all of them (1 first; 0 never);
- `values`: each cell as a spreadsheet holds it (a number, a share, a date, a code), beside its display text;
- `lights`: each row's light, for the colour of its status and light cells and the spreadsheet's fill;
- `sheet`: the worksheet name in Excel; `groups`: header spans above the header (label, number of columns);
- `bars`: the share columns a terminal also draws as bars, when it is wide enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import NamedTuple

RIGHT, LEFT = "right", "left"

# What a column holds, and so how it is laid out and stored:
#   id      an indicator id or a code: never wrapped, text in a spreadsheet
#   name    a name or a sentence: wraps (between Chinese characters, at spaces)
#   figure  a number with its unit of measure (150人): right-aligned, may wrap after the number, never inside it
#   share   a percentage with one decimal (53.3%): right-aligned, never wrapped, 0.0% in a spreadsheet
#   pace    序时进度: a share shown without decimals when whole (50%), else as a share
#   count   a whole number (a rank, a number of reports): right-aligned, never wrapped
#   date    YYYY-MM-DD: never wrapped, a date in a spreadsheet
#   word    a status or state word: never wrapped, coloured by the row's light
#   light   a light word (绿灯): never wrapped, coloured by the row's light, a filled cell in a spreadsheet
KINDS = ("id", "name", "figure", "share", "pace", "count", "date", "word", "light")
NUMERIC_KINDS = frozenset({"figure", "share", "pace", "count"})


class Figure(NamedTuple):
    """A number and its unit of measure, as a spreadsheet cell holds it: the number, formatted with the unit."""

    value: Fraction
    uom: str | None = None
    prefix: str = ""  # e.g. ≤ for a cap


Value = Fraction | int | str | date | Figure | None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # per column: figures, right-aligned
    title: str = ""
    note: str = ""  # a sentence shown under the table
    kinds: tuple[str, ...] = ()  # per column, one of KINDS (empty: "name" for words, "figure" for figures)
    drop: tuple[int, ...] = ()  # per column: 0 never leaves, else the order it leaves a narrow terminal
    values: tuple[tuple[Value, ...], ...] = ()  # per cell, as a spreadsheet holds it (empty: the display text)
    lights: tuple[str | None, ...] = ()  # per row: its light code, or None
    sheet: str = ""  # the worksheet's name in Excel
    groups: tuple[tuple[str, int], ...] = ()  # header spans: (label, columns), covering every column
    bars: tuple[int, ...] = ()  # the share columns drawn as bars too in a terminal wide enough

    @classmethod
    def of(cls, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool], title: str = "",
           note: str = "") -> Table:
        return cls(tuple(header), tuple(tuple(row) for row in rows), tuple(numeric), title, note)

    @classmethod
    def build(cls, columns: Sequence[tuple[str, str, int]], rows: Sequence[Sequence[str]],
              values: Sequence[Sequence[Value]] = (), lights: Sequence[str | None] = (), *, title: str = "",
              note: str = "", sheet: str = "", groups: Sequence[tuple[str, int]] = (),
              bars: Sequence[int] = ()) -> Table:
        """A table of the analyst's views: `columns` are (header, kind, drop) per column."""
        for _, kind, _ in columns:
            assert kind in KINDS, kind
        return cls(tuple(c[0] for c in columns), tuple(tuple(row) for row in rows),
                   tuple(c[1] in NUMERIC_KINDS for c in columns), title, note, tuple(c[1] for c in columns),
                   tuple(c[2] for c in columns), tuple(tuple(row) for row in values), tuple(lights), sheet,
                   tuple(groups), tuple(bars))

    def kind(self, column: int) -> str:
        if self.kinds:
            return self.kinds[column]
        return "figure" if self.numeric[column] else "name"

    def value(self, row: int, column: int) -> Value:
        """A cell as a spreadsheet holds it (its display text where the table has no typed values)."""
        if self.values:
            return self.values[row][column]
        return self.rows[row][column]

    def light(self, row: int) -> str | None:
        return self.lights[row] if self.lights else None

    @property
    def align(self) -> tuple[str, ...]:
        """Per column: "right" for figures, "left" for words."""
        return tuple(RIGHT if numeric else LEFT for numeric in self.numeric)
