"""A view as an Excel workbook (`--format xlsx -o FILE`): the 台账 of `status`, the sheets of `show` and `units`.

Each of the view's sheets (`View.workbook_sheets`) is one worksheet:

- the sample banner (when the data folder is marked illustrative) and the title in the first rows, then a row of
  header spans where the table has them (the township sheet: one indicator over its four columns), then the
  header row; the rows above the data and the first column are frozen, and the header row carries filters;
- numbers are numbers, formatted as the terminal shows them: a figure with its unit of measure in the format
  (150 shown as 150人, a cap as ≤3个, at most two decimals, one in a % unit), shares as 0.0% (a whole 序时进度
  as 0%), counts as 0, dates as dates;
- a light is its word in a cell filled with its colour;
- column widths fit the text, counted by the one width rule (a Chinese character is two columns); names wrap
  within a capped width;
- the view's facts (`show`) come first, on a sheet of their own; a table's note and the view's summary follow
  the table, below a blank row. Pages print landscape, the header rows on every page;
  a narrow sheet one page wide.
"""

from __future__ import annotations

import io
import re
from datetime import date
from fractions import Fraction
from typing import Any

from minzheng_cli.catalogue.words import Words
from minzheng_cli.render import fmt
from minzheng_cli.render.table import Figure, Table
from minzheng_cli.render.view import View
from minzheng_cli.render.width import cells

FILLS = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE"}  # Excel's own good / neutral / bad fills
FONTS = {"green": "006100", "yellow": "9C5700", "red": "9C0006"}
BANNER_FILL = "FFC7CE"
HEADER_FILL = "DDEBF7"
NAME_WIDTH = 40  # a name column is at most this wide; its text wraps
MAX_WIDTH = 60
PRINT_FIT_COLUMNS = 20  # a sheet of at most this many columns prints one page wide
GROUP_ROW_HEIGHT = 32  # points: two lines of an indicator's name above its four columns
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def number_format(value: Any, kind: str) -> str:
    """The Excel number format of a cell: a figure with its unit (General"人"), a share 0.0%, a whole pace 0%."""
    if isinstance(value, Figure):
        prefix = f'"{value.prefix}"' if value.prefix else ""
        suffix = f'"{value.uom.replace(chr(34), "")}"' if value.uom else ""
        digits = "0" if value.value.denominator == 1 else "0.0" if value.uom == "%" else "0.0#"
        return f"{prefix}{digits}{suffix}"
    if kind == "pace" and isinstance(value, Fraction) and (value * 100).denominator == 1:
        return "0%"
    if kind in ("share", "pace"):
        return "0.0%"
    if isinstance(value, date):
        return "yyyy-mm-dd"
    return "General"


def cell_value(value: Any) -> Any:
    """A value openpyxl writes: numbers as int or float, text as text, None as an empty cell."""
    if isinstance(value, Figure):
        value = value.value
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else round(float(value), 6)
    if isinstance(value, str) and value == fmt.DASH:
        return None
    return value


def _sheet_name(name: str, taken: set[str]) -> str:
    base = _SHEET_NAME.sub("", name)[:31] or "Sheet"
    shown, n = base, 1
    while shown in taken:
        n += 1
        shown = f"{base[:28]}({n})"
    taken.add(shown)
    return shown


def _title_rows(ws: Any, view: View, title: str, columns: int) -> int:
    """The banner and the title above a table; returns the next free row."""
    from openpyxl.styles import Alignment, Font, PatternFill

    row = 1
    if view.banner:
        ws.cell(row=row, column=1, value=view.banner)
        ws.cell(row=row, column=1).font = Font(bold=True, color="9C0006", size=12)
        for c in range(1, max(columns, 1) + 1):
            ws.cell(row=row, column=c).fill = PatternFill("solid", fgColor=BANNER_FILL)
        if columns > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
        row += 1
    if title:
        ws.cell(row=row, column=1, value=title)
        ws.cell(row=row, column=1).font = Font(bold=True, size=12)
        ws.cell(row=row, column=1).alignment = Alignment(vertical="center")
        if columns > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
        row += 1
    return row


def _facts_sheet(ws: Any, view: View) -> None:
    from openpyxl.styles import Alignment, Font

    row = _title_rows(ws, view, view.title, 2)
    for label, value in view.facts:
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        ws.cell(row=row, column=2, value=value).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=row, column=1).alignment = Alignment(vertical="top")
        row += 1
    ws.column_dimensions["A"].width = max(cells(label) for label, _ in view.facts) + 4
    ws.column_dimensions["B"].width = 80


def _table_sheet(ws: Any, view: View, tb: Table, title: str, summary: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    n = len(tb.header)
    row = _title_rows(ws, view, title, n)
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    widths = [cells(header) for header in tb.header]
    if tb.groups:
        col = 1
        for label, span in tb.groups:
            cell = ws.cell(row=row, column=col, value=label or None)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            for c in range(col, col + span):
                ws.cell(row=row, column=c).fill = header_fill
                ws.cell(row=row, column=c).border = border
            if span > 1:
                ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
            col += span
        ws.row_dimensions[row].height = GROUP_ROW_HEIGHT  # merged cells are never fitted to their text
        row += 1
    header_row = row
    for c in range(n):
        cell = ws.cell(row=row, column=c + 1, value=tb.header[c])
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r in range(len(tb.rows)):
        row += 1
        for c in range(n):
            kind, value = tb.kind(c), tb.value(r, c)
            if kind in ("word", "light"):
                shown: Any = tb.rows[r][c] if tb.rows[r][c] != fmt.DASH else None
            else:
                shown = cell_value(value)
            cell = ws.cell(row=row, column=c + 1, value=shown)
            cell.border = border
            if kind == "light":
                light = value if isinstance(value, str) and value in FILLS else tb.light(r)
                if light in FILLS:
                    cell.fill = PatternFill("solid", fgColor=FILLS[light])
                    cell.font = Font(color=FONTS[light], bold=True)
                cell.alignment = Alignment(horizontal="center")
            elif kind in ("figure", "share", "pace", "count") and not isinstance(shown, str):
                cell.number_format = number_format(value, kind)
            elif kind == "name":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif kind == "date" and isinstance(value, date):
                cell.number_format = number_format(value, kind)
            widths[c] = max(widths[c], cells(tb.rows[r][c]))
    last = get_column_letter(n)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=2)
    ws.auto_filter.ref = f"A{header_row}:{last}{max(row, header_row)}"
    ws.print_title_rows = f"{header_row - (1 if tb.groups else 0)}:{header_row}"
    for c in range(n):
        cap = NAME_WIDTH if tb.kind(c) == "name" else MAX_WIDTH
        ws.column_dimensions[get_column_letter(c + 1)].width = min(widths[c] + 2, cap)
    for text in (tb.note, summary):
        if text:
            row += 2
            ws.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=False)
    ws.page_setup.orientation = "landscape"
    if n <= PRINT_FIT_COLUMNS:  # a wide sheet (the township sheet) prints across pages, readable
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def workbook(view: View) -> bytes:
    """The view as the bytes of an .xlsx workbook."""
    from openpyxl import Workbook

    book = Workbook()
    taken: set[str] = set()
    first: Any = book.active
    sheets = view.workbook_sheets
    if view.facts:
        first.title = _sheet_name(Words.sheet_facts.render(view.lang), taken)
        _facts_sheet(first, view)
    for i, tb in enumerate(sheets):
        ws: Any = first if i == 0 and not view.facts else book.create_sheet()
        ws.title = _sheet_name(tb.sheet or tb.title or view.title, taken)
        title = " — ".join(part for part in (view.title, tb.title) if part)
        _table_sheet(ws, view, tb, title, view.summary if i == 0 else "")
    for sheet in book.worksheets:  # a name from the plan starting with "=" is text, never a live formula
        for row_cells in sheet.iter_rows():
            for cell in row_cells:
                if cell.data_type == "f":
                    cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
