"""A filled-in workbook (`workbook.Filled`) → a report, checked exactly as a YAML report is checked.

The cells become the plain data the YAML reader would have given (text for every scalar: a number cell becomes
its exact decimal text, a float like 12.0 the text "12"), placed in a `Document` whose marks are the cells' sheet
row and column. `loading.check_report` then runs the very checks of `validate` on it, so a diagnostic points at
the cell: `FILE.xlsx:ROW:COL: CODE 报送表!G12: message` (ROW and COL the sheet's row and column numbers).

What only a workbook can get wrong is checked here: a formula nobody computed, half a ratio, a repeated id, a
fractional number where whole things are counted (Excel arithmetic turns 12 into 11.999999999). Pure: no clock,
no printing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from minzheng_cli.catalogue import LANGS, Message, one_line, quote
from minzheng_cli.catalogue.diagnostics import WorkbookMsg
from minzheng_cli.catalogue.entry import FILE_LANG, Skeleton, Template
from minzheng_cli.checks import all_codes
from minzheng_cli.checks.linter import check_report, load_report
from minzheng_cli.checks.shape import MISSING_KEY
from minzheng_cli.checks.values import NOT_WHOLE_NUMBER, UNKNOWN_INDICATOR
from minzheng_cli.entry import prefill as entry
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model import scalars
from minzheng_cli.model.diagnostics import Code, Diagnostic, sorted_diagnostics
from minzheng_cli.model.files import Indicator, Report, Targets, Unit, counts_whole
from minzheng_cli.read.workbook import (
    FORMULA_NO_VALUE,
    GREY_CELL,
    READ_BACK,
    SHEET,
    WORKBOOK_MISMATCH,
    Cell,
    Filled,
    FilledRow,
)
from minzheng_cli.read.yamldoc import DUPLICATE_KEY, FILE_TOO_LARGE, KEY, Document, Mark, Path


@dataclass
class Imported:
    """The outcome: the report and the text to write when valid, and every diagnostic (placed on cells)."""

    unit: Unit
    report: Report | None
    text: str | None
    diagnostics: list[Diagnostic]


class _Skip:
    """A cell whose problem is already reported: left out of the report."""


SKIP = _Skip()


def unit_of(filled: Filled, targets: Targets) -> Unit:
    """The unit the workbook is for, after checking that it belongs to this plan (MinzhengError if not)."""
    if filled.plan_id != targets.plan.id:
        raise MinzhengError(
            WorkbookMsg.template_plan_but_data(path=filled.path, plan=filled.plan_id, data_plan=targets.plan.id)
        )
    unit = targets.unit(filled.unit_id)
    if unit is None:
        raise MinzhengError(WorkbookMsg.unit_plan_does_list(path=filled.path, unit=filled.unit_id))
    return unit


def import_report(
    filled: Filled, targets: Targets, unit: Unit, reports: Sequence[Report], data_dir: str, today: date
) -> Imported:
    """The workbook's report checked alone, against the plan and against the unit's other `reports`, then the
    YAML text written from it checked as `validate` will read the file (its size and every rule), so that what
    import accepts validate accepts. Every problem is found in one round: the checks across reports run on the
    figures that passed even when others did not."""
    reader = _Reader(filled, targets)
    doc = reader.document(unit)
    report, diags = check_report(doc, filled.path, unit.id, None, targets, today)
    diags = [*diags, *reader.diagnostics]
    failed = report is None or _errors(diags)
    checked = reader.valid_part(doc, diags, unit, today) if failed else report
    if checked is not None:
        diags += reader.cross(reports, checked)
    if report is None or _errors(diags):
        return Imported(unit, None, None, sorted_diagnostics(diags))
    if report.submitted is None:  # 报送日期 left blank: the day the bureau imports it (DESIGN §1.3), or the day
        # the unit's report of that date already records, so that importing the same workbook again changes nothing
        known = next((r.submitted for r in reports if r.unit == unit.id and r.as_of == report.as_of), None)
        report = Report(path=report.path, unit=report.unit, as_of=report.as_of, submitted=known or today,
                        values=report.values, notes=report.notes, marks=report.marks)
    header = [Skeleton.import_header.format(FILE_LANG, unit=unit.name, as_of=str(report.as_of))]
    text = entry.report_yaml(targets, unit, report.as_of, report.submitted, report.values, report.notes, header)
    diags += reader.read_back(text, entry.report_path(data_dir, unit.id, report.as_of), unit, report, today)
    if _errors(diags):
        return Imported(unit, None, None, sorted_diagnostics(diags))
    return Imported(unit, report, text, sorted_diagnostics(diags))


def _errors(diags: Sequence[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diags)


def diagnostic_line(d: Diagnostic, filled_path: str, message: str | None = None) -> str:
    """`path:row:col: CODE 报送表!G12: message` for a diagnostic on a cell (other files as they are)."""
    text = d.message if message is None else message
    if d.path != filled_path:
        return one_line(f"{d.path}:{d.line}:{d.column}: {d.code} {text}")
    return one_line(f"{d.path}:{d.line}:{d.column}: {d.code} {SHEET}!{Cell(d.line, d.column).ref}: {text}")


def _decimal_text(value: float) -> str:
    """A float cell as the plain decimal a clerk would type: 12.0 → "12", 0.1 → "0.1", 1e-300 → "0.000…1" (which
    the checks then refuse for its decimal places, as in a report)."""
    exact = Decimal(repr(value))
    if exact == exact.to_integral_value():
        return str(int(exact))
    return format(exact.normalize(), "f")


def _cells(row: FilledRow) -> tuple[Cell, ...]:
    return row.id, row.value, row.numerator, row.denominator, row.note


def _code(d: Diagnostic) -> Code:
    """The declared code of a diagnostic (by its id)."""
    return all_codes()[d.code]


def _unit_forms(unit: Unit) -> tuple[str, ...]:
    """The ways the form's face may name `unit`: as `template` prints it (first), its name, id or code."""
    return (*(Template.name_id.format(lang, name=unit.name, id=unit.id) for lang in LANGS), unit.name, unit.id, unit.code)


def _diag(filled: Filled, cell: Cell, code: Code, message: Message) -> Diagnostic:
    return Diagnostic.make(filled.path, cell.row, cell.column, code, message)


class _Reader:
    """Turns the cells into the data and marks of a Document, reporting what only a workbook gets wrong."""

    def __init__(self, filled: Filled, targets: Targets) -> None:
        self.filled, self.targets = filled, targets
        self.diagnostics: list[Diagnostic] = []
        self.marks: dict[Path, Mark] = {(): Mark(1, 1)}
        self.value_cells: dict[str, Cell] = {}
        self.rows: dict[str, FilledRow] = {}  # each indicator's row, by id

    def valid_part(self, doc: Document, diags: Sequence[Diagnostic], unit: Unit, today: date) -> Report | None:
        """The report made of the rows without an error, or None when the header itself has one: what the checks
        across reports can already judge while other cells are being corrected."""
        wrong = {(d.line, d.column) for d in diags if d.severity == "error"}
        data = dict(doc.data)
        data["values"] = {
            key: value for key, value in doc.data["values"].items()
            if key in self.rows and not any((c.row, c.column) in wrong for c in _cells(self.rows[key]))
        }
        data["notes"] = {}
        part, _ = check_report(Document(data, self.marks), self.filled.path, unit.id, None, self.targets, today)
        return part

    def cross(self, reports: Sequence[Report], report: Report) -> list[Diagnostic]:
        """The checks across the unit's reports: on the new report at its cell, on a later report at its file."""
        found = []
        for problem in entry.cross_problems(self.targets, reports, report):
            if problem.later is None:
                cell = self.value_cells.get(problem.indicator, self.filled.values_header)
                found.append(_diag(self.filled, cell, problem.code, problem.message))
            else:
                found.append(Diagnostic.make(problem.later, *problem.place, problem.code, entry.cross_message(problem)))
        return found

    def read_back(self, text: str, path: str, unit: Unit, report: Report, today: date) -> list[Diagnostic]:
        """The report file's `text` read as `validate` reads `path` (the size limit, the YAML reader, every rule),
        its problems placed on the cells they come from; and it must read back as the report imported."""
        again, found = load_report(path, path, unit.id, self.targets, today, text.encode("utf-8"))
        cells = self.line_cells(text)
        problems = [
            _diag(self.filled, cells.get(d.line, self.longest_note() if d.code == FILE_TOO_LARGE.id else None)
                  or self.filled.values_header, _code(d), d.detail or WorkbookMsg.reads_back_differently())
            for d in found if d.severity == "error"
        ]
        if not problems and (again is None or not entry.same_report(again, report)):
            problems.append(_diag(self.filled, self.filled.values_header, READ_BACK, WorkbookMsg.reads_back_differently()))
        return problems

    def line_cells(self, text: str) -> dict[int, Cell]:
        """The cell each line of the report text comes from: `values` entries from their value cell, `notes`
        entries from their note cell."""
        found: dict[int, Cell] = {}
        section = ""
        for number, line in enumerate(text.splitlines(), 1):
            if not line.startswith(" "):
                section = line.split(":", 1)[0]
            elif line.startswith('  "') and section in ("values", "notes"):
                key, _ = json.JSONDecoder().raw_decode(line.strip())
                row = self.rows.get(key)
                cell = self.value_cells.get(key) if section == "values" else row.note if row else None
                if cell is not None:
                    found[number] = cell
        return found

    def longest_note(self) -> Cell | None:
        notes = [row.note for row in self.rows.values() if isinstance(row.note.value, str)]
        return max(notes, key=lambda c: len(str(c.value)), default=None)

    def mark(self, path: Path, cell: Cell) -> None:
        self.marks[path] = Mark(cell.row, cell.column)

    def document(self, unit: Unit) -> Document:
        f = self.filled
        data: dict[str, Any] = {"unit": unit.id}
        self.mark(("unit",), f.unit)
        self.face_unit(unit)
        for key, cell in (("as_of", f.as_of), ("submitted", f.submitted)):
            value = self.token(cell)
            if value is not SKIP and (value is not None or key == "as_of"):
                data[key] = value.date() if isinstance(value, datetime) else value
            self.mark((key,), cell)
        self.face_date(data.get("as_of"))
        values: dict[str, Any] = {}
        notes: dict[str, Any] = {}
        self.mark(("values",), f.values_header)
        self.mark(("notes",), f.values_header)
        for row in f.rows:
            self.row(row, values, notes)
        data["values"], data["notes"] = values, notes
        return Document(data, self.marks)

    def face_unit(self, unit: Unit) -> None:
        """The unit printed on the form (C2) is the one the form was made for (DESIGN §3: the face is the truth)."""
        cell = self.filled.unit
        shown = self.token(cell)
        text = shown.strip() if isinstance(shown, str) else ""
        named = next((u for u in self.targets.units if text in _unit_forms(u)), None)
        if named is None or named.id != unit.id:
            self.emit(cell, WORKBOOK_MISMATCH, WorkbookMsg.face_unit_mismatch(face=quote(text), unit=_unit_forms(unit)[0]))

    def face_date(self, value: object) -> None:
        """The date printed on the form (C3) is the one it was made for; a blank or malformed date is left to
        the checks of a report (bad-date)."""
        day: date | None = value if isinstance(value, date) else None
        if isinstance(value, str):
            try:
                day = scalars.parse_date(value)
            except MinzhengError:
                return
        if day is not None and day.isoformat() != self.filled.made_as_of:
            self.emit(self.filled.as_of, WORKBOOK_MISMATCH,
                      WorkbookMsg.face_date_mismatch(face=day.isoformat(), made=self.filled.made_as_of))

    def row(self, row: FilledRow, values: dict[str, Any], notes: dict[str, Any]) -> None:
        inputs = (row.value, row.numerator, row.denominator, row.note)
        if row.id.value is None:
            if any(c.value is not None or c.formula for c in inputs):
                self.emit(row.id, UNKNOWN_INDICATOR, WorkbookMsg.row_figures_but_indicator(row=row.id.row))
            return
        ind_id = row.id.value.strip() if isinstance(row.id.value, str) else str(row.id.value)
        if ind_id in values or ind_id in notes or ind_id in self.value_cells:
            self.emit(row.id, DUPLICATE_KEY, WorkbookMsg.indicator_second_row_keep(id=ind_id, row=row.id.row))
            return
        self.rows[ind_id] = row
        for key in (("values", ind_id, KEY), ("notes", ind_id, KEY)):
            self.mark(key, row.id)
        ind = self.targets.indicator(ind_id)
        if ind is not None:
            self.grey(ind, row)
        if ind is not None and ind.measure == "ratio":
            self.ratio(ind, row, values)
        elif row.value.value is not None or row.value.formula or ind is None:
            self.value_cells[ind_id] = row.value
            self.mark(("values", ind_id), row.value)
            value = self.number(ind, row.value, "") if ind is not None and ind.kind != "milestone" else self.token(row.value)
            if value is not SKIP:
                values[ind_id] = value
        note = self.token(row.note)
        if note is not SKIP and note is not None:
            self.mark(("notes", ind_id), row.note)
            notes[ind_id] = note.date().isoformat() if isinstance(note, datetime) else str(note)

    def grey(self, ind: Indicator, row: FilledRow) -> None:
        """A figure in a grey cell of the row (the value of a ratio, the parts of anything else) is not read:
        an error, never dropped without a word."""
        if ind.measure == "ratio":
            greys, message = [row.value], WorkbookMsg.grey_value_of_ratio(id=ind.id, name=ind.name)
        else:
            greys, message = [row.numerator, row.denominator], WorkbookMsg.grey_parts_of_count(id=ind.id, name=ind.name)
        for cell in greys:
            if cell.value is not None or cell.formula:
                self.emit(cell, GREY_CELL, message)

    def ratio(self, ind: Indicator, row: FilledRow, values: dict[str, Any]) -> None:
        parts = {"numerator": row.numerator, "denominator": row.denominator}
        filled = {k: c for k, c in parts.items() if c.value is not None or c.formula}
        if not filled:
            return
        self.value_cells[ind.id] = row.numerator
        self.mark(("values", ind.id), row.numerator)
        for key, cell in parts.items():
            self.mark(("values", ind.id, key), cell)
            self.mark(("values", ind.id, key, KEY), cell)
        if len(filled) == 1:
            blank = next(c for k, c in parts.items() if k not in filled)
            self.emit(blank, MISSING_KEY, WorkbookMsg.ratio_fill_both_numerator(id=ind.id, name=ind.name))
            return
        typed = {k: self.number(ind, c, k) for k, c in parts.items()}
        if SKIP not in typed.values():
            values[ind.id] = typed

    def number(self, ind: Indicator | None, cell: Cell, part: str) -> object:
        """The cell's token; a fractional number where whole things are counted is reported and left out."""
        value = self.token(cell)
        if ind is None or not counts_whole(ind) or not isinstance(value, str):
            return value
        try:
            number = scalars.parse_number(value)
        except MinzhengError:
            return value  # check_report says what is wrong with it
        if number.denominator == 1:
            return value
        parts = {"numerator": WorkbookMsg.the_numerator(), "denominator": WorkbookMsg.the_denominator()}
        what = (
            WorkbookMsg.counts_whole_things(part=parts[part], id=ind.id, name=ind.name)
            if part
            else WorkbookMsg.counted_whole(id=ind.id, name=ind.name, uom=ind.uom or "")
        )
        self.emit(cell, NOT_WHOLE_NUMBER, WorkbookMsg.but_cell_holds_type(what=what, value=value))
        return SKIP

    def token(self, cell: Cell) -> object:
        """What the YAML reader would have given for the cell: text for a number or a word, None when blank."""
        value = cell.value
        if cell.formula:
            self.emit(cell, FORMULA_NO_VALUE, WorkbookMsg.cell_holds_formula_whose())
            return SKIP
        if isinstance(value, bool) or value is None or isinstance(value, datetime | date):
            return value
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):  # its shortest exact decimal (12.0 → "12", 1e-300 → 0.000…1)
            return _decimal_text(value) if math.isfinite(value) else str(value)
        if isinstance(value, str):
            return value.strip()
        return str(value)

    def emit(self, cell: Cell, code: Code, message: Message) -> None:
        self.diagnostics.append(_diag(self.filled, cell, code, message))
