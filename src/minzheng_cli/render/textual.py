"""Tables and views as lines of text, laid out to a width by the one width rule (`render.width`): plain text for
pipes and files, and the same lines in colour for a terminal (rich prints them, but never measures or wraps them:
its own widths count “ ” — … as 1 column, ours as the terminal draws them).

A table fits the width it is given (the terminal's, or `--width`):

- every column is at least as wide as its header (English headers may wrap at spaces) and its widest unbreakable
  piece: an id, a percentage, a count, a date, a status word are never cut or wrapped; a figure may wrap only
  after a slash of its unit (23.87名/ | 万名老年人), never inside its number; a name wraps between Chinese
  characters or at spaces;
- when even that does not fit, the columns leave in the order the table gives (`Table.drop`: the terminal's
  bars first, then 1, 2, …), until the rest fits; columns with drop 0 never leave;
- the room left is handed out: names up to a comfortable width first, then figures (so that they need not
  wrap), then names in full. The terminal's bars are shown only when names and figures have that room besides.

With no width (a pipe), every column takes its natural width and nothing wraps: one line per row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from minzheng_cli.render.table import Table
from minzheng_cli.render.view import View
from minzheng_cli.render.width import cells, pad, widest_piece, wrap

GAP = 2  # spaces between columns
NAME_MIN = 16  # a name column is not squeezed below this while a column can still leave
NAME_COMFORT = 24  # names get up to this before figures get room to stay on one line
BAR = 8  # the width of a terminal bar
BAR_DROP = -1  # bars leave before any column


@dataclass(frozen=True)
class Segment:
    """A piece of a line and how it is shown: "" plain, "header", "rule", "title", "dim", a light code
    (green, yellow, red) for a coloured word, "bar-fill:<light>" and "bar-empty" for the parts of a bar."""

    text: str
    style: str = ""


Line = list[Segment]


@dataclass
class _Column:
    index: int  # the table's column, or -1 for a bar
    header: str
    cells: list[str]
    kind: str
    drop: int
    right: bool
    minimum: int = 0
    natural: int = 0
    width: int = 0
    bar_of: int = -1  # for a bar: the column whose shares it draws
    shares: list[Fraction | None] = field(default_factory=list)

    def measure(self) -> None:
        header_min = widest_piece(self.header, spaces_only=True)
        natural = max([cells(self.header), *(cells(c) for c in self.cells)])
        if self.kind == "bar":
            self.minimum = self.natural = BAR
        elif self.kind == "name":
            pieces = max([header_min, *(widest_piece(c) for c in self.cells)])
            self.minimum = max(pieces, min(natural, NAME_MIN))
            self.natural = natural
        elif self.kind == "figure":
            self.minimum = max([header_min, *(cells(p) for c in self.cells for p in _figure_pieces(c))])
            self.natural = natural
        else:  # never wrapped: only an English header may take two lines
            self.minimum = max([header_min, *(cells(c) for c in self.cells)])
            self.natural = natural
        self.width = self.natural


def _columns(tb: Table, bars: bool) -> list[_Column]:
    out: list[_Column] = []
    for i, header in enumerate(tb.header):
        kind = tb.kind(i)
        out.append(_Column(i, header, [row[i] for row in tb.rows], kind, tb.drop[i] if tb.drop else 0,
                           tb.numeric[i]))
        shares = [v if isinstance(v, Fraction | int) else None for v in (row[i] for row in tb.values)]
        if bars and i in tb.bars and any(s is not None for s in shares):
            drop = BAR_DROP - (kind == "pace")  # the pace's bar leaves before the completion's
            out.append(_Column(-1, "", ["" for _ in tb.rows], "bar", drop, False, bar_of=i,
                               shares=[Fraction(s) if s is not None else None for s in shares]))
    for column in out:
        column.measure()
    return out


def _fit(columns: list[_Column], width: int | None) -> list[_Column]:
    """The columns that are shown at `width`, each given its width (see the module's docstring)."""
    shown = list(columns)
    if width is None:
        return [c for c in shown if c.kind != "bar"]

    def need(cols: list[_Column]) -> int:
        return sum(c.minimum for c in cols) + GAP * (len(cols) - 1)

    while need(shown) > width:
        leaving = [c for c in shown if c.drop != 0]
        if not leaving:
            break
        shown.remove(min(leaving, key=lambda c: c.drop))

    def comfortable(cols: list[_Column]) -> int:
        return sum(min(c.natural, max(c.minimum, NAME_COMFORT)) if c.kind == "name" else c.natural
                   for c in cols) + GAP * (len(cols) - 1)

    while comfortable(shown) > width and any(c.kind == "bar" for c in shown):  # bars only where there is room
        shown.remove(min((c for c in shown if c.kind == "bar"), key=lambda c: c.drop))
    for c in shown:
        c.width = c.minimum
    room = width - need(shown)
    for phase in ("comfort", "figure", "name", "rest"):
        for c in shown:
            if room <= 0:
                break
            if phase == "comfort" and c.kind == "name":
                goal = min(c.natural, max(c.minimum, NAME_COMFORT))
            elif (phase == "figure" and c.kind == "figure") or (phase == "name" and c.kind == "name") or \
                    (phase == "rest" and c.kind not in ("name", "figure")):
                goal = c.natural
            else:
                continue
            grow = min(max(goal - c.width, 0), room)
            c.width += grow
            room -= grow
    return shown


def _figure_pieces(text: str) -> list[str]:
    """A figure breaks only after a slash of its unit: 23.87名/ | 万名老年人, 13740元/ | 人/ | 年; the number and
    the unit's first part stay together (40000人次 is one piece)."""
    return [piece for piece in re.split(r"(?<=/)", text) if piece]


def _cell_lines(text: str, column: _Column) -> list[str]:
    if cells(text) <= column.width:
        return [text]
    if column.kind == "name":
        return wrap(text, limit=column.width)
    if column.kind == "figure":
        lines = [""]
        for piece in _figure_pieces(text):
            if lines[-1] and cells(lines[-1] + piece) > column.width:
                lines.append("")
            lines[-1] += piece
        return lines
    return [text]


def _bar(share: Fraction | None, light: str | None) -> Line:
    if share is None:
        return [Segment(" " * BAR)]
    filled = round(max(0.0, min(1.0, float(share))) * BAR)
    return [Segment(" " * filled, f"bar-fill:{light or ''}"), Segment(" " * (BAR - filled), "bar-empty")]


def _cell_style(tb: Table, row: int, column: _Column) -> str:
    if column.kind in ("word", "light"):
        return tb.light(row) or ""
    if column.kind == "pace":
        return "dim"
    return ""


def table_lines(tb: Table, width: int | None = None, bars: bool = False) -> list[Line]:
    """The table's header, a rule of dashes, and its rows, fitted to `width` columns (None: unlimited)."""
    shown = _fit(_columns(tb, bars), width)
    if not shown:
        return []
    lines: list[Line] = []
    header_cells = [wrap(c.header, limit=c.width, spaces_only=True) if cells(c.header) > c.width else [c.header]
                    for c in shown]
    lines += _join(shown, header_cells, lambda _c: "header")
    lines.append(_joined([Segment(("-" if c.kind != "bar" else " ") * c.width, "rule") for c in shown]))
    for r in range(len(tb.rows)):
        parts: list[list[str]] = []
        for c in shown:
            parts.append([""] if c.kind == "bar" else _cell_lines(tb.rows[r][c.index], c))
        height = max(len(p) for p in parts)
        for k in range(height):
            segments: list[Segment] = []
            for c, p in zip(shown, parts, strict=True):
                if c.kind == "bar":
                    light = tb.light(r) if tb.kind(c.bar_of) == "share" else None
                    segments += _bar(c.shares[r], light) if k == 0 else [Segment(" " * c.width)]
                    segments.append(Segment(" " * GAP))
                    continue
                text = p[k] if k < len(p) else ""
                segments += [Segment(pad(text, c.width, c.right), _cell_style(tb, r, c) if text else ""),
                             Segment(" " * GAP)]
            lines.append(_trim(segments[:-1]))
    return lines


def _join(shown: list[_Column], parts: list[list[str]], style: Any) -> list[Line]:
    height = max(len(p) for p in parts)
    out = []
    for k in range(height):
        segments = []
        for c, p in zip(shown, parts, strict=True):
            text = p[k] if k < len(p) else ""
            segments += [Segment(pad(text, c.width, c.right), style(c)), Segment(" " * GAP)]
        out.append(_trim(segments[:-1]))
    return out


def _joined(segments: list[Segment]) -> Line:
    out: Line = []
    for s in segments:
        if out:
            out.append(Segment(" " * GAP))
        out.append(s)
    return out


def _trim(segments: Line) -> Line:
    """The line without trailing blanks (a bar's coloured spaces are kept)."""
    while segments and not segments[-1].style.startswith("bar") and not segments[-1].text.strip():
        segments.pop()
    if segments and not segments[-1].style.startswith("bar"):
        last = segments[-1]
        segments[-1] = Segment(last.text.rstrip(), last.style)
    return segments


def _text_lines(text: str, width: int | None, style: str = "", indent: str = "") -> list[Line]:
    if width is None:
        return [[Segment(text, style)]]
    return [[Segment(line, style)] for line in wrap(text, rest=indent, limit=width)]


def view_lines(view: View, width: int | None = None, bars: bool = False) -> list[Line]:
    """The whole view: its title, its facts (label：value, wrapped under the value), each table with its title
    and note, and the summary line; blank lines between the parts."""
    lines: list[Line] = []
    if view.banner:
        lines += _text_lines(view.banner, width, "banner")
    if view.title:
        lines += _text_lines(view.title, width, "title")
    if view.facts:
        if lines:
            lines.append([])
        colon = view.colon
        label_width = max(cells(label) for label, _ in view.facts) + cells(colon)
        for label, value in view.facts:
            first = pad(label + colon, label_width)
            if width is None:
                lines.append([Segment(first, "header"), Segment(value)])
                continue
            wrapped = wrap(value, first, " " * label_width, limit=width)
            lines.append([Segment(first, "header"), Segment(wrapped[0][len(first):])])
            lines += [[Segment(line)] for line in wrapped[1:]]
    for tb in view.tables:
        if lines:
            lines.append([])
        if tb.title:
            lines += _text_lines(tb.title, width, "title")
            lines.append([])
        lines += table_lines(tb, width, bars)
        if tb.note:
            lines.append([])
            lines += _text_lines(tb.note, width)
    if view.summary:
        lines.append([])
        lines += _text_lines(view.summary, width)
    return lines


def plain(lines: Sequence[Line]) -> str:
    return "\n".join("".join(s.text for s in line) for line in lines)


RICH_STYLES = {"header": "bold", "title": "bold", "rule": "dim", "dim": "dim", "banner": "bold red",
               "green": "green", "yellow": "yellow", "red": "bold red", "bar-empty": "on grey23"}
BAR_FILL = {"green": "on green", "yellow": "on yellow", "red": "on red"}


def print_rich(lines: Sequence[Line], console: Any) -> None:
    """The lines in colour. rich neither wraps nor crops them (`soft_wrap`): they were fitted already, by a rule
    that counts ambiguous characters as the terminal draws them."""
    from rich.text import Text

    for line in lines:
        text = Text()
        for s in line:
            if s.style.startswith("bar-fill:"):
                text.append(s.text, style=BAR_FILL.get(s.style.removeprefix("bar-fill:"), "on grey62"))
            else:
                text.append(s.text, style=RICH_STYLES.get(s.style, ""))
        console.print(text, soft_wrap=True, highlight=False)
