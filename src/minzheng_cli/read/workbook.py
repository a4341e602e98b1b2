"""The fill-in workbook (报送表) of `minzheng template` and `minzheng import`: written and read back as cells.

One visible sheet, 报送表: a few header rows (unit, as_of, submitted, plan), then one row per indicator the unit
reports. Only the yellow cells are unlocked; the sheet is protected without a password, so that nobody edits an
id by accident, and the workbook's structure is locked so that the sheets keep their names. A very hidden sheet,
_minzheng, holds what import checks: the format and its version, the plan id and the unit id.

Reading gives plain cell values with their sheet row and column (`Cell`); turning them into a report is
`importer`'s job. openpyxl is imported inside the functions, so that importing this module costs nothing.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from minzheng_cli.catalogue import Lang, Param, Text
from minzheng_cli.catalogue.diagnostics import WorkbookMsg, os_reason
from minzheng_cli.catalogue.entry import FILE_LANG, MILESTONE_WORDS, Template, milestone_choices, milestone_word
from minzheng_cli.catalogue.words import Kind, Words, word
from minzheng_cli.entry import prefill as entry
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.files import Ratio, Targets, Unit, Value
from minzheng_cli.read.scalars import number_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEET = "报送表"  # the name import looks for: part of the format, in Chinese whatever the language of the words
META_SHEET = "_minzheng"
FORMAT = "minzheng-template"
VERSION = "1"
UNIT_ROW, AS_OF_ROW, SUBMITTED_ROW, PLAN_ROW, HELP_ROW = 2, 3, 4, 5, 6
HEADER_ROW, FIRST_ROW = 8, 9
FIELD_COL = 3  # the value of each header row stands in column C
HEADERS: tuple[Text, ...] = (
    Template.col_id,
    Template.col_task,
    Template.col_name,
    Template.col_uom,
    Template.col_kind,
    Template.col_last,
    Template.col_value,
    Template.col_numerator,
    Template.col_denominator,
    Template.col_note,
)
LAST_COL = 6  # 上期数值: its header says as of when
ID_COL, VALUE_COL, NUM_COL, DEN_COL, NOTE_COL = 1, 7, 8, 9, 10
MAX_ROWS = 2000  # rows read at most: a template has one per indicator
MAX_BYTES = 10 * 1024 * 1024

_INPUT = "FFF2CC"
_GREY = "EDEDED"
_HEAD = "D9E1F2"


@dataclass(frozen=True)
class Cell:
    """One cell as read: its value (None when blank), its sheet row and column, and whether it holds a formula
    whose result no spreadsheet program has computed yet (openpyxl cannot compute it)."""

    row: int
    column: int
    value: object = None
    formula: bool = False

    @property
    def ref(self) -> str:
        return f"{column_letter(self.column)}{self.row}"


@dataclass(frozen=True)
class FilledRow:
    id: Cell
    value: Cell
    numerator: Cell
    denominator: Cell
    note: Cell


@dataclass(frozen=True)
class Filled:
    """A filled-in workbook as read: the metadata, the header cells and the indicator rows."""

    path: str
    plan_id: str
    unit_id: str
    unit: Cell
    as_of: Cell
    submitted: Cell
    values_header: Cell
    rows: list[FilledRow]


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def write_template(
    targets: Targets,
    unit: Unit,
    as_of: date,
    values: Mapping[str, Value],
    last_date: date | None,
    lang: Lang = FILE_LANG,
) -> bytes:
    """The workbook for `unit` as of `as_of`, its input cells pre-filled with `values` (the latest before); its
    words in `lang`, the milestone words of its drop-down lists in Chinese (they are the values a report holds)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    plan = targets.plan
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    wrap = Alignment(wrap_text=True, vertical="center")
    unlocked = Protection(locked=False)
    fill = {name: PatternFill("solid", fgColor=color) for name, color in (("input", _INPUT), ("grey", _GREY), ("head", _HEAD))}

    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.cell(1, 1, Template.title.format(lang, title=plan.title)).font = Font(bold=True, size=14)
    fields: list[tuple[int, Text, str | date | None, bool, str]] = [
        (UNIT_ROW, Template.label_unit, Template.name_id.format(lang, name=unit.name, id=unit.id), False, ""),
        (AS_OF_ROW, Template.label_as_of, as_of, True, Template.hint_as_of.render(lang)),
        (SUBMITTED_ROW, Template.label_submitted, None, True, Template.hint_submitted.render(lang)),
        (PLAN_ROW, Template.label_plan, Template.name_id.format(lang, name=plan.document, id=plan.id), False, ""),
    ]
    dates = DataValidation(
        type="date",
        operator="between",
        allow_blank=True,
        showErrorMessage=True,
        formula1=f"DATE({plan.start.year},{plan.start.month},{plan.start.day})",
        formula2=f"DATE({plan.end.year},{plan.end.month},{plan.end.day})",
        errorTitle=Template.date_error_title.render(lang),
        error=Template.date_error.format(lang, start=str(plan.start), end=str(plan.end)),
    )
    for row, label, content, editable, hint in fields:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row, 1, label.render(lang)).font = Font(bold=True)
        field = ws.cell(row, FIELD_COL, content)
        if row in (AS_OF_ROW, SUBMITTED_ROW):
            field.number_format = "yyyy-mm-dd"
            field.alignment = Alignment(horizontal="left")
            dates.add(field)
        if editable:
            field.fill, field.protection = fill["input"], unlocked
        ws.cell(row, FIELD_COL + 1, hint).font = Font(color="808080")
    ws.merge_cells(start_row=HELP_ROW, start_column=1, end_row=HELP_ROW, end_column=len(HEADERS))
    ws.cell(HELP_ROW, 1, Template.instructions.format(lang, states=milestone_choices())).alignment = wrap
    ws.row_dimensions[HELP_ROW].height = 48

    headers = [title.render(lang) for title in HEADERS]
    if last_date is not None:
        headers[LAST_COL - 1] = Template.col_last_as_of.format(lang, day=str(last_date))
    for column, title in enumerate(headers, 1):
        head = ws.cell(HEADER_ROW, column, title)
        head.font, head.fill, head.alignment = Font(bold=True), fill["head"], wrap

    status = DataValidation(
        type="list",
        formula1='"' + ",".join(MILESTONE_WORDS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=Template.status_error_title.render(lang),
        error=Template.status_error.format(lang, states=Words.list_sep.render(lang).join(MILESTONE_WORDS)),
        promptTitle=Template.status_prompt_title.render(lang),
        prompt=milestone_choices().render(lang),
        showInputMessage=True,
    )
    whole = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=Template.number_error_title.render(lang),
        error=Template.whole_error.render(lang),
    )
    decimal = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=Template.number_error_title.render(lang),
        error=Template.decimal_error.render(lang),
    )
    for dv in (dates, status, whole, decimal):
        ws.add_data_validation(dv)

    for row, ind in enumerate(entry.unit_indicators(targets, unit), FIRST_ROW):
        value = values.get(ind.id)
        kind = word(Kind, ind.kind, lang)
        if ind.measure == "ratio":
            kind = Template.kind_ratio.format(lang, kind=kind)
        info: list[str | int | float] = [ind.id, ind.task, ind.name, ind.uom or "—", kind, _shown(value)]
        for column, text in enumerate(info, 1):
            ws.cell(row, column, text).alignment = wrap
        inputs: dict[int, str | int | float | None] = {}
        if ind.kind == "milestone":
            inputs[VALUE_COL] = milestone_word(value) if isinstance(value, str) else None
            status.add(ws.cell(row, VALUE_COL))
        elif ind.measure == "ratio":
            ratio = value if isinstance(value, Ratio) else None
            inputs[NUM_COL] = _cell_number(ratio.numerator) if ratio else None
            inputs[DEN_COL] = _cell_number(ratio.denominator) if ratio else None
            whole.add(ws.cell(row, NUM_COL))
            whole.add(ws.cell(row, DEN_COL))
        else:
            inputs[VALUE_COL] = _cell_number(value) if not isinstance(value, Ratio | str | None) else None
            (whole if entry.counts_whole(ind) else decimal).add(ws.cell(row, VALUE_COL))
        inputs[NOTE_COL] = None
        for column in (VALUE_COL, NUM_COL, DEN_COL, NOTE_COL):
            if column in inputs:
                entered = ws.cell(row, column, inputs[column])
                entered.fill, entered.protection = fill["input"], unlocked
            else:
                ws.cell(row, column).fill = fill["grey"]
        ws.cell(row, NOTE_COL).alignment = wrap

    _fit_columns(ws)
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allowed: widen a column, raise a row
    ws.protection.formatRows = False

    meta = wb.create_sheet(META_SHEET)
    for row, pair in enumerate(
        (
            (Template.metadata_note.render(lang), ""),
            ("format", FORMAT),
            ("version", VERSION),
            ("plan", plan.id),
            ("unit", unit.id),
            ("as_of", as_of.isoformat()),
        ),
        1,
    ):
        meta.cell(row, 1, pair[0])
        meta.cell(row, 2, pair[1])
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.creator = "minzheng"
    wb.properties.title = Template.document_title.format(lang, title=plan.title, unit=unit.name, as_of=str(as_of))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _shown(value: Value | None) -> str | int | float:
    """The 上期数值 cell: a number as a number, a ratio as 40/45, a milestone as its word."""
    if value is None:
        return "—"
    if isinstance(value, Ratio):
        return f"{number_text(value.numerator)}/{number_text(value.denominator)}"
    if isinstance(value, str):
        return milestone_word(value)
    return _cell_number(value) or 0


def _cell_number(value: object) -> int | float | None:
    if not isinstance(value, Fraction):
        return None
    return int(value) if value.denominator == 1 else float(value)


_WIDTHS = {
    1: (6, 8),
    2: (6, 6),
    3: (24, 40),
    4: (8, 16),
    5: (8, 12),
    6: (10, 24),
    7: (12, 16),
    8: (10, 14),
    9: (10, 14),
    10: (24, 40),
}


def _fit_columns(ws: Worksheet) -> None:
    """Each column as wide as its longest text (CJK characters count two), between a floor and a cap."""
    from openpyxl.utils import get_column_letter
    from wcwidth import wcswidth

    for column, (floor, cap) in _WIDTHS.items():
        widest = max(
            (
                max(wcswidth(str(c.value)), 0)
                for (c,) in ws.iter_rows(min_row=HEADER_ROW, min_col=column, max_col=column)
                if c.value is not None
            ),
            default=0,
        )
        ws.column_dimensions[get_column_letter(column)].width = min(max(widest + 2, floor), cap)


def read_workbook(path: str) -> Filled:
    """The cells of a workbook made by `template`, or MinzhengError (one line) when it is not one."""
    try:
        size = os.path.getsize(path)
    except OSError as err:
        raise MinzhengError(WorkbookMsg.cannot_read_file(path=path, reason=os_reason(err))) from None
    if size > MAX_BYTES:
        raise MinzhengError(
            WorkbookMsg.mib_larger_report_workbook(path=path, size=size // (1024 * 1024), max=MAX_BYTES // (1024 * 1024))
        )
    meta, values = _read(path, data_only=True)
    _, raw = _read(path, data_only=False)
    if meta.get("format") != FORMAT:
        raise MinzhengError(WorkbookMsg.made_minzheng_template_sheet(path=path, sheet=META_SHEET))
    if meta.get("version") != VERSION:
        raise MinzhengError(
            WorkbookMsg.made_another_version_minzheng(path=path, found=repr(meta.get("version")), version=repr(VERSION))
        )
    if not meta.get("plan") or not meta.get("unit"):
        raise MinzhengError(WorkbookMsg.sheet_lacks_plan_unit(path=path, sheet=META_SHEET))

    def cell(row: int, column: int) -> Cell:
        text = raw.get((row, column))
        value = values.get((row, column))
        formula = isinstance(text, str) and text.startswith("=") and value is None
        return Cell(row, column, value, formula)

    last = max((r for r, _ in raw), default=FIRST_ROW)
    rows = [FilledRow(*(cell(r, c) for c in (ID_COL, VALUE_COL, NUM_COL, DEN_COL, NOTE_COL))) for r in range(FIRST_ROW, last + 1)]
    return Filled(
        path,
        meta["plan"],
        meta["unit"],
        cell(UNIT_ROW, FIELD_COL),
        cell(AS_OF_ROW, FIELD_COL),
        cell(SUBMITTED_ROW, FIELD_COL),
        cell(HEADER_ROW, VALUE_COL),
        rows,
    )


def _read(path: str, data_only: bool) -> tuple[dict[str, str], dict[tuple[int, int], Any]]:
    """The metadata (key → text) and the non-blank cells of the report sheet (bounded in size)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as err:  # openpyxl raises many kinds (zip, XML, KeyError…) for a file it cannot read
        raise MinzhengError(WorkbookMsg.cannot_read_excel_workbook(path=path, reason=_reason(err))) from None
    try:
        if META_SHEET not in wb.sheetnames or SHEET not in wb.sheetnames:
            return {}, {}
        meta = {
            str(k): str(v)
            for k, v in wb[META_SHEET].iter_rows(max_row=20, max_col=2, values_only=True)
            if k is not None and v is not None
        }
        cells: dict[tuple[int, int], Any] = {}
        for row in wb[SHEET].iter_rows(min_row=1, max_row=FIRST_ROW + MAX_ROWS, max_col=len(HEADERS)):
            for c in row:
                value = getattr(c, "value", None)
                if isinstance(value, str) and not value.strip():
                    value = None
                if value is not None:
                    cells[(c.row, c.column)] = value  # type: ignore[index]
        return meta, cells
    except Exception as err:
        raise MinzhengError(WorkbookMsg.cannot_read_excel_workbook(path=path, reason=_reason(err))) from None
    finally:
        wb.close()


def _reason(err: Exception) -> Param:
    """What openpyxl (or the zip reader under it) said, on one line; translated when it is the common case of a
    file that is no .xlsx at all (a CSV or an old .xls renamed)."""
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    not_zip = WorkbookMsg.file_zip_file()
    return not_zip if text == WorkbookMsg.file_zip_file.en else text[:200]
