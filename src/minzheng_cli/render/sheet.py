"""Cells as a spreadsheet holds them, for CSV and Excel: numbers as numbers, shares as fractions (0.5333) or
formatted percentages, words in the chosen language, text neutralised where a spreadsheet would run it."""

from __future__ import annotations

import csv
import io
from datetime import date
from fractions import Fraction

from minzheng_cli.catalogue import Lang
from minzheng_cli.catalogue.words import Words
from minzheng_cli.render import fmt
from minzheng_cli.render.table import Figure, Table
from minzheng_cli.render.view import View

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(text: str) -> str:
    """Text a spreadsheet shows as itself: one that would start a formula (=, +, -, @, a tab or a carriage
    return) gets a leading apostrophe, as OWASP advises for CSV."""
    return "'" + text if text.startswith(FORMULA_START) else text


def common_uom(tb: Table, column: int) -> str | None:
    """The one unit of measure of every figure in a column (for its header), or None."""
    uoms = {v.uom for v in (tb.value(r, column) for r in range(len(tb.rows))) if isinstance(v, Figure)}
    if len(uoms) != 1:
        return None
    uom = uoms.pop()
    return uom if uom and not uom.startswith("/") else None


def header(tb: Table, column: int, lang: Lang) -> str:
    """A column's header; a figure column without a unit-of-measure column says its unit: 实际（人）."""
    uom = common_uom(tb, column) if tb.kind(column) == "figure" else None
    if uom is None:
        return tb.header[column]
    return Words.with_uom.format(lang, header=tb.header[column], uom=uom)


def csv_cell(tb: Table, row: int, column: int) -> str | int | float:
    """A CSV cell: a number as a number (shares as fractions, 4 decimals), a word or a name as its text."""
    kind, value = tb.kind(column), tb.value(row, column)
    if kind in ("word", "light"):
        return safe_text(tb.rows[row][column]) if tb.rows[row][column] != fmt.DASH else ""
    if isinstance(value, Figure):
        shown = fmt.json_number(value.value, fmt.DECIMALS)
        return "" if shown is None else shown
    if isinstance(value, Fraction):
        shown = fmt.json_share(value) if kind in ("share", "pace") else fmt.json_number(value, fmt.DECIMALS)
        return "" if shown is None else shown
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return safe_text(value) if value != fmt.DASH else ""


def as_csv(view: View) -> str:
    """The view's CSV tables, one after another with a blank line between; UTF-8 with a BOM, so that Excel opens
    it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for i, tb in enumerate(view.csv_tables):
        if i:
            writer.writerow([])
        writer.writerow([safe_text(header(tb, c, view.lang)) for c in range(len(tb.header))])
        for r in range(len(tb.rows)):
            writer.writerow([csv_cell(tb, r, c) for c in range(len(tb.header))])
    return "\ufeff" + out.getvalue()
