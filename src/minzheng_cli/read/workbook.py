"""The fill-in workbook (报送表) of `minzheng template` and `minzheng import`: its layout, and reading it back.

One visible sheet, 报送表: a few header rows (unit, as_of, submitted, plan), then one row per indicator the unit
reports. Only the yellow cells are unlocked; the sheet is protected without a password, so that nobody edits an
id by accident, and the workbook's structure is locked so that the sheets keep their names. A very hidden sheet,
_minzheng, holds what import checks: the format and its version, the plan id and the unit id.

`entry.template` writes it; reading gives plain cell values with their sheet row and column (`Cell`);
turning them into a report is `entry.importer`'s job. openpyxl is imported inside the functions, so that
importing this module costs nothing.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any

from minzheng_cli.catalogue import Param, Text
from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import WorkbookMsg, os_reason
from minzheng_cli.catalogue.entry import Template
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.read.yamldoc import read_regular

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
MIB = 1024 * 1024
MAX_BYTES = 10 * MIB  # the file
MAX_PART = 8 * MIB  # one part of the zip, uncompressed (a note may be long; the report it makes is under 2 MiB)
MAX_INFLATED = 32 * MIB  # all parts together, uncompressed
MAX_PARTS = 500
MAX_CELLS = 100_000  # <c> elements in one sheet: a template has about ten a row
MAX_ROW_ELEMENTS = 20_000
MAX_STRINGS = 100_000  # shared strings

WORKBOOK_MISMATCH = Code("workbook-mismatch", "error", Meaning.workbook_mismatch)
GREY_CELL = Code("grey-cell", "error", Meaning.grey_cell)
FORMULA_NO_VALUE = Code("formula-no-value", "error", Meaning.formula_no_value)
READ_BACK = Code("import-read-back", "error", Meaning.import_read_back)

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
    made_as_of: str  # the date the workbook was made for (its hidden metadata), to compare with its face


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_workbook(path: str) -> Filled:
    """The cells of a workbook made by `template`, or MinzhengError (one line) when it is not one.

    Only a regular file is opened (a FIFO or `/dev/zero` is refused at once), and only after its zip directory
    and a streaming count of its XML show it is no bigger than a report workbook can be: a small file that
    inflates to millions of cells is refused in a moment, with little memory (DESIGN §1.4)."""
    try:
        raw = read_regular(path, MAX_BYTES + 1)
    except MinzhengError:
        raise MinzhengError(WorkbookMsg.not_a_regular_file(path=path)) from None
    except OSError as err:
        raise MinzhengError(WorkbookMsg.cannot_read_file(path=path, reason=os_reason(err))) from None
    if len(raw) > MAX_BYTES:
        raise MinzhengError(
            WorkbookMsg.mib_larger_report_workbook(path=path, size=len(raw) // MIB, max=MAX_BYTES // MIB)
        )
    bounded(path, raw)
    meta, values = _read(path, raw, data_only=True)
    _, cells = _read(path, raw, data_only=False)
    if meta.get("format") != FORMAT:
        raise MinzhengError(WorkbookMsg.made_minzheng_template_sheet(path=path, sheet=META_SHEET))
    if meta.get("version") != VERSION:
        raise MinzhengError(
            WorkbookMsg.made_another_version_minzheng(path=path, found=repr(meta.get("version")), version=repr(VERSION))
        )
    if not meta.get("plan") or not meta.get("unit") or not meta.get("as_of"):
        raise MinzhengError(WorkbookMsg.sheet_lacks_plan_unit(path=path, sheet=META_SHEET))

    def cell(row: int, column: int) -> Cell:
        text = cells.get((row, column))
        value = values.get((row, column))
        formula = isinstance(text, str) and text.startswith("=") and value is None
        return Cell(row, column, value, formula)

    last = max((r for r, _ in cells), default=FIRST_ROW)
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
        meta["as_of"],
    )


def bounded(path: str, raw: bytes) -> None:
    """Refuse (MinzhengError) a workbook bigger than any report workbook, before openpyxl parses it: each part's
    uncompressed size and their total from the zip directory (reading a part never yields more than the size the
    directory states), then the rows, cells and strings counted while streaming each sheet's XML, which may
    declare no DTD or entity."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise MinzhengError(WorkbookMsg.cannot_read_excel_workbook(path=path, reason=_reason(err))) from None
    with archive:
        parts = archive.infolist()
        total = sum(info.file_size for info in parts)
        if len(parts) > MAX_PARTS or total > MAX_INFLATED:
            raise MinzhengError(WorkbookMsg.too_many_parts(path=path, size=_mib(total), parts=len(parts)))
        for info in parts:
            if info.file_size > MAX_PART:
                raise MinzhengError(
                    WorkbookMsg.part_too_large(path=path, part=info.filename, size=_mib(info.file_size), max=MAX_PART // MIB)
                )
        for info in parts:
            name = info.filename.lower()
            if name.endswith((".xml", ".rels", ".vml")):
                _count(path, archive, info)


# what one part may hold: (tag, limit, the word for it); a template has a few hundred of each
_COUNTED: dict[str, tuple[int, Text]] = {
    "c": (MAX_CELLS, WorkbookMsg.what_cells),
    "row": (MAX_ROW_ELEMENTS, WorkbookMsg.what_rows),
    "si": (MAX_STRINGS, WorkbookMsg.what_strings),
}


def _count(path: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Stream one XML part through expat, counting what `_COUNTED` bounds; no DTD, no entity declaration."""
    from xml.parsers import expat

    counts = dict.fromkeys(_COUNTED, 0)

    def start(name: str, attrs: object) -> None:
        tag = name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]
        if tag in counts:
            counts[tag] += 1
            limit, what = _COUNTED[tag]
            if counts[tag] > limit:
                raise MinzhengError(WorkbookMsg.too_many_cells(path=path, part=info.filename, max=limit, what=what()))

    def declaration(*args: object) -> None:
        raise MinzhengError(WorkbookMsg.xml_declarations(path=path, part=info.filename))

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as err:
        raise MinzhengError(WorkbookMsg.broken_xml(path=path, part=info.filename, reason=str(err)[:200])) from None
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError, NotImplementedError) as err:
        raise MinzhengError(WorkbookMsg.cannot_read_excel_workbook(path=path, reason=_reason(err))) from None


def _mib(size: int) -> str:
    return f"{size / MIB:.1f}"


def _read(path: str, raw: bytes, data_only: bool) -> tuple[dict[str, str], dict[tuple[int, int], Any]]:
    """The metadata (key → text) and the non-blank cells of the report sheet (bounded in size). openpyxl's own
    warnings (an extension it drops, a missing default style) are not the clerk's business: they are silenced."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=data_only)
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
