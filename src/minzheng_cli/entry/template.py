"""`minzheng template`: the fill-in workbook (报送表) for a township, in the layout `read.workbook` defines and
reads back. openpyxl is imported inside the function, so that importing this module costs nothing."""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from minzheng_cli.catalogue import Lang, Text
from minzheng_cli.catalogue.entry import FILE_LANG, MILESTONE_WORDS, Template, milestone_choices, milestone_word
from minzheng_cli.catalogue.words import Kind, Words, word
from minzheng_cli.model.files import Ratio, Targets, Unit, Value, counts_whole, unit_indicators
from minzheng_cli.model.scalars import number_text
from minzheng_cli.read.workbook import (
    AS_OF_ROW,
    DEN_COL,
    FIELD_COL,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    HEADERS,
    HELP_ROW,
    LAST_COL,
    META_SHEET,
    NOTE_COL,
    NUM_COL,
    PLAN_ROW,
    SHEET,
    SUBMITTED_ROW,
    UNIT_ROW,
    VALUE_COL,
    VERSION,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_INPUT = "FFF2CC"
_GREY = "EDEDED"
_HEAD = "D9E1F2"


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
        (AS_OF_ROW, Template.label_as_of, as_of, False, Template.hint_as_of.render(lang)),
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
        if editable:
            field.fill, field.protection = fill["input"], unlocked
            dates.add(field)
        else:  # the face import reads back: the unit and date the form was made for (with the hidden metadata)
            field.fill = fill["grey"]
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

    for row, ind in enumerate(unit_indicators(targets, unit), FIRST_ROW):
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
            (whole if counts_whole(ind) else decimal).add(ws.cell(row, VALUE_COL))
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
    for sheet in (ws, meta):  # text from the plan is text: a name starting with "=" is never a live formula
        for cells in sheet.iter_rows():
            for cell in cells:
                if cell.data_type == "f":
                    cell.data_type = "s"
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
