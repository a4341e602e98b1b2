"""`minzheng status` as a view (`render.view`): rows are built once (`status_rows`) and written as the terminal
table, plain text, Markdown, CSV or the Excel 台账. JSON is `status_json`.

The table's columns and the order in which they leave a narrow terminal (`Table.drop`; README "status"):
序时进度 first, then 进度, 完成率, 目标, 状态; 编号, 指标, 实际 and 灯 always stay. The CSV and the
workbook's first sheet hold every figure of an indicator (task, kind, unit of measure, progress too); the
workbook's second sheet is the township × indicator 汇总表 (actual, quota, completion and light of each).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from minzheng_cli.catalogue import Lang, Text
from minzheng_cli.catalogue.words import Kind, Words, word
from minzheng_cli.engine.status import IndicatorResult, StatusResult
from minzheng_cli.model.files import Targets
from minzheng_cli.render import fmt
from minzheng_cli.render.status_json import status_document
from minzheng_cli.render.table import Figure, Table, Value
from minzheng_cli.render.view import View

# key: (header, kind, drop) — the terminal table
COLUMNS: dict[str, tuple[Text, str, int]] = {
    "id": (Words.col_id, "id", 0),
    "name": (Words.col_name, "name", 0),
    "target": (Words.col_target, "figure", 4),
    "actual": (Words.col_actual, "figure", 0),
    "completion": (Words.col_completion, "share", 3),
    "progress": (Words.col_progress, "share", 2),  # what the light was judged on, where it differs from 完成率
    "pace": (Words.col_pace, "pace", 1),
    "status": (Words.col_status, "word", 5),
    "light": (Words.col_light, "light", 0),
}
# the CSV and the workbook's indicator sheet: every figure, one column each
FULL: dict[str, tuple[Text, str]] = {
    "id": (Words.col_id, "id"),
    "task": (Words.col_task, "count"),
    "name": (Words.col_name, "name"),
    "kind": (Words.col_kind, "id"),
    "reported_by": (Words.col_reported_by, "id"),
    "uom": (Words.col_uom, "id"),
    "target": (Words.col_target, "figure"),
    "actual": (Words.col_actual, "figure"),
    "completion": (Words.col_completion, "share"),
    "progress": (Words.col_progress, "share"),
    "pace": (Words.col_pace, "pace"),
    "status": (Words.col_status, "word"),
    "light": (Words.col_light, "light"),
}
# the township sheet: four columns per township indicator
PER_UNIT: tuple[tuple[Text, str], ...] = ((Words.col_actual, "figure"), (Words.col_quota, "figure"),
                                          (Words.col_completion, "share"), (Words.col_light, "light"))
PACE_BY: dict[str, Text] = {"days": Words.pace_days, "months": Words.pace_months}
REPORTED_BY: dict[str, Text] = {"townships": Words.reported_by_townships, "district": Words.reported_by_district}


@dataclass(frozen=True)
class Figures:
    """The numbers one row shows: the district's, or with `--unit` a township's own (its quota as target)."""

    target: Fraction | None
    actual: Fraction | None
    completion: Fraction | None
    progress: Fraction | None
    status: str | None
    light: str | None
    state: str | None  # a milestone's state as reported


@dataclass(frozen=True)
class StatusRow:
    result: IndicatorResult
    figures: Figures
    own: bool  # a township's own figures (`--unit`), not the district's
    cells: dict[str, str]  # display text per column of COLUMNS


def figures(result: IndicatorResult, unit: str | None) -> Figures:
    own = result.unit(unit) if unit is not None else None
    if own is None:  # district figures (also a district indicator seen by the district unit itself)
        return Figures(result.target, result.actual, result.completion, result.progress, result.status, result.light,
                       result.state)
    return Figures(own.quota, own.actual, own.completion, own.progress, own.status, own.light, own.state)


def status_rows(targets: Targets, result: StatusResult, lang: Lang, unit: str | None = None) -> list[StatusRow]:
    """One row per indicator; with `unit`, a township indicator shows that unit's own figures."""
    townships = len(targets.townships)
    rows = []
    for r in result.indicators:
        f = figures(r, unit)
        own = unit is not None and r.unit(unit) is not None
        ind = r.indicator
        cells = {
            "id": ind.id,
            "name": ind.name,
            "target": fmt.target_cell(r, f.target),
            "actual": fmt.value_text(ind, f.actual, lang, None if own else townships, f.state),
            "completion": fmt.percent(f.completion),
            "progress": "" if own or r.distinct_progress is None else fmt.percent(r.distinct_progress),
            "pace": fmt.pace(r.pace),
            "status": fmt.status_word(f.status, lang, f.state),
            "light": fmt.light_word(f.light, lang),
        }
        rows.append(StatusRow(r, f, own, cells))
    return rows


def _actual_value(row: StatusRow, townships: int, uom: str | None) -> Value:
    """The actual as a spreadsheet holds it: a number, a township milestone's count of townships done (3/10),
    or a district milestone's word."""
    ind, actual = row.result.indicator, row.figures.actual
    if actual is None:
        return None
    if ind.kind == "milestone":
        if ind.reported_by == "townships" and not row.own:
            return Figure(actual, f"/{townships}")
        return row.cells["actual"]
    return Figure(actual, uom)


def display_table(rows: list[StatusRow], lang: Lang) -> Table:
    """The terminal, plain-text and Markdown table: one column per COLUMNS."""
    columns = [(header.render(lang), kind, drop) for header, kind, drop in COLUMNS.values()]
    values: list[list[Value]] = []
    for row in rows:
        f = row.figures
        typed: dict[str, Value] = dict(row.cells)
        typed.update(completion=f.completion, pace=row.result.pace, light=f.light,
                     progress=None if row.own else row.result.distinct_progress)
        values.append([typed[key] for key in COLUMNS])
    keys = list(COLUMNS)
    return Table.build(columns, [[row.cells[key] for key in COLUMNS] for row in rows], values,
                       [row.figures.light for row in rows], bars=(keys.index("completion"), keys.index("pace")))


def full_table(targets: Targets, rows: list[StatusRow], lang: Lang) -> Table:
    """Every figure of every indicator, for CSV and the workbook's indicator sheet (numbers without their unit
    of measure, which has a column of its own)."""
    townships = len(targets.townships)
    columns = [(header.render(lang), kind, 0) for header, kind in FULL.values()]
    texts, values = [], []
    for row in rows:
        r, f, ind = row.result, row.figures, row.result.indicator
        target = None if f.target is None else Figure(f.target, None, fmt.CAP if ind.kind == "cap" else "")
        cell: dict[str, tuple[str, Value]] = {
            "id": (ind.id, ind.id),
            "task": (str(ind.task), ind.task),
            "name": (ind.name, ind.name),
            "kind": (word(Kind, ind.kind, lang), word(Kind, ind.kind, lang)),
            "reported_by": (REPORTED_BY[ind.reported_by].render(lang), REPORTED_BY[ind.reported_by].render(lang)),
            "uom": (ind.uom or "", ind.uom or ""),
            "target": (row.cells["target"], target),
            "actual": (row.cells["actual"], _actual_value(row, townships, None)),
            "completion": (row.cells["completion"], f.completion),
            "progress": (fmt.percent(f.progress), f.progress),
            "pace": (row.cells["pace"], r.pace),
            "status": (row.cells["status"], row.cells["status"]),
            "light": (row.cells["light"], f.light),
        }
        texts.append([cell[key][0] for key in FULL])
        values.append([cell[key][1] for key in FULL])
    return Table.build(columns, texts, values, [row.figures.light for row in rows],
                       sheet=Words.sheet_indicators.render(lang))


def township_table(targets: Targets, result: StatusResult, lang: Lang) -> Table | None:
    """The 汇总表: one row per township, four columns (actual, quota, completion, light) per township
    indicator; None when no township indicator is shown."""
    shown = [r for r in result.indicators if r.units]
    if not shown:
        return None
    units = [u for u in targets.townships if any(r.unit(u.id) for r in shown)]
    columns = [(Words.col_unit.render(lang), "name", 0)]
    groups = [("", 1)]
    for r in shown:
        columns += [(header.render(lang), kind, 0) for header, kind in PER_UNIT]
        groups.append((f"{r.indicator.id} {r.indicator.name}", len(PER_UNIT)))
    texts, values = [], []
    for unit in units:
        text_row: list[str] = [unit.name]
        value_row: list[Value] = [unit.name]
        for r in shown:
            own = r.unit(unit.id)
            ind = r.indicator
            if own is None:
                text_row += [fmt.DASH] * len(PER_UNIT)
                value_row += [None] * len(PER_UNIT)
                continue
            actual: Value = None
            if own.actual is not None:
                actual = fmt.unit_actual_text(r, own, lang) if ind.kind == "milestone" else Figure(own.actual, ind.uom)
            text_row += [fmt.unit_actual_text(r, own, lang), fmt.with_uom(own.quota, ind.uom),
                         fmt.percent(own.completion), fmt.light_word(own.light, lang)]
            value_row += [actual, None if own.quota is None else Figure(own.quota, ind.uom), own.completion,
                          own.light]
        texts.append(text_row)
        values.append(value_row)
    return Table.build(columns, texts, values, sheet=Words.sheet_townships.render(lang), groups=groups)


def title(targets: Targets, result: StatusResult, lang: Lang, unit: str | None = None) -> str:
    heading = Words.status_title.format(lang, title=targets.plan.title, as_of=result.as_of.isoformat(),
                                        pace=PACE_BY[targets.plan.pace].render(lang))
    found = targets.unit(unit) if unit else None
    return f"{heading} — {found.name}" if found else heading


def summary(result: StatusResult, lang: Lang) -> str:
    """共 32 项指标：已完成 3，超进度 5；绿灯 20，黄灯 4 — the counts behind the table."""
    comma, semi, colon = Words.comma.render(lang), Words.semicolon.render(lang), Words.colon.render(lang)
    statuses = comma.join(f"{fmt.status_word(s, lang, state)} {n}" for (s, state), n in result.by_word().items())
    lights = comma.join(f"{fmt.light_word(light, lang)} {n}" for light, n in result.by_light().items())
    text = Words.summary.format(lang, n=len(result.indicators))
    if not statuses:
        return text
    return text + colon + statuses + (semi + lights if lights else "")


def status_view(targets: Targets, result: StatusResult, lang: Lang, unit: str | None = None,
                sample: bool = False) -> View:
    """Everything `status` shows, in every format."""
    rows = status_rows(targets, result, lang, unit)
    sheets = [full_table(targets, rows, lang)]
    townships = township_table(targets, result, lang)
    if townships is not None:
        sheets.append(townships)
    return View(title=title(targets, result, lang, unit), tables=(display_table(rows, lang),),
                document=status_document(targets, result, sample), summary=summary(result, lang),
                banner=Words.sample_banner.render(lang) if sample else "", sheets=tuple(sheets),
                csv=(sheets[0],), lang=lang)
