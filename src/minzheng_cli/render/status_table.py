"""`minzheng status` as a table: rows are built once (`status_rows`) and sent to rich, plain text,
Markdown or CSV. JSON is `status_json`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from minzheng_cli.catalogue import Lang, Text
from minzheng_cli.catalogue.words import Words
from minzheng_cli.engine.status import IndicatorResult, StatusResult
from minzheng_cli.model.files import Targets
from minzheng_cli.render import fmt
from minzheng_cli.render import markdown as md
from minzheng_cli.render.status_json import indicator_entry
from minzheng_cli.render.table import Table
from minzheng_cli.render.textual import plain_table

COLUMNS = ("id", "name", "target", "actual", "completion", "pace", "status", "light")
HEADERS: dict[str, Text] = {"id": Words.col_id, "name": Words.col_name, "target": Words.col_target,
                            "actual": Words.col_actual, "completion": Words.col_completion, "pace": Words.col_pace,
                            "status": Words.col_status, "light": Words.col_light}
NUMERIC = frozenset({"target", "actual", "completion", "pace"})  # right-aligned figures
PACE_BY: dict[str, Text] = {"days": Words.pace_days, "months": Words.pace_months}
LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "red"}


@dataclass(frozen=True)
class Figures:
    """The numbers one row shows: the district's, or with `--unit` a township's own (its quota as target)."""

    target: Fraction | None
    actual: Fraction | None
    completion: Fraction | None
    progress: Fraction | None
    status: str | None
    light: str | None


@dataclass(frozen=True)
class StatusRow:
    result: IndicatorResult
    figures: Figures
    cells: dict[str, str]  # display text per column of COLUMNS


def figures(result: IndicatorResult, unit: str | None) -> Figures:
    own = result.unit(unit) if unit is not None else None
    if own is None:  # district figures (also a district indicator seen by the district unit itself)
        return Figures(result.target, result.actual, result.completion, result.progress, result.status, result.light)
    return Figures(own.quota, own.actual, own.completion, own.progress, own.status, own.light)


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
            "target": fmt.DASH if ind.kind == "milestone" else fmt.with_uom(f.target, ind.uom),
            "actual": fmt.value_text(ind, f.actual, lang, None if own else townships),
            "completion": fmt.percent(f.completion),
            "pace": fmt.percent(r.pace),
            "status": fmt.status_word(f.status, lang),
            "light": fmt.light_word(f.light, lang),
        }
        rows.append(StatusRow(r, f, cells))
    return rows


def headers(lang: Lang) -> list[str]:
    return [HEADERS[c].render(lang) for c in COLUMNS]


def as_table(rows: list[StatusRow], lang: Lang) -> Table:
    """The rows as the shared `Table`: one column per COLUMNS, figures right-aligned."""
    return Table.of(headers(lang), [[row.cells[c] for c in COLUMNS] for row in rows], [c in NUMERIC for c in COLUMNS])


def title(targets: Targets, result: StatusResult, lang: Lang, unit: str | None = None) -> str:
    heading = Words.status_title.format(lang, title=targets.plan.title, as_of=result.as_of.isoformat(),
                                        pace=PACE_BY[targets.plan.pace].render(lang))
    found = targets.unit(unit) if unit else None
    return f"{heading} — {found.name}" if found else heading


def summary(result: StatusResult, lang: Lang) -> str:
    """共 32 项指标：已完成 3，超进度 5；绿灯 20，黄灯 4 — the counts behind the table."""
    comma, semi, colon = Words.comma.render(lang), Words.semicolon.render(lang), Words.colon.render(lang)
    statuses = comma.join(f"{fmt.status_word(s, lang)} {n}" for s, n in result.by_status().items())
    lights = comma.join(f"{fmt.light_word(light, lang)} {n}" for light, n in result.by_light().items())
    text = Words.summary.format(lang, n=len(result.indicators))
    if not statuses:
        return text
    return text + colon + statuses + (semi + lights if lights else "")


def plain(rows: list[StatusRow], lang: Lang) -> str:
    """Aligned plain text for pipes and files: tabulate with wide-character widths."""
    tb = as_table(rows, lang)
    return plain_table(tb.header, tb.rows, tb.align)


def markdown(rows: list[StatusRow], lang: Lang) -> str:
    """A Markdown pipe table, escaped as every Markdown output is (`render.markdown`)."""
    return "\n".join(md.table(as_table(rows, lang)))


def as_markdown(heading: str, rows: list[StatusRow], result: StatusResult, lang: Lang) -> str:
    """`status --format markdown`: the title in bold, the table, the counts; every text escaped alike."""
    return f"**{md.escape(heading)}**\n\n{markdown(rows, lang)}\n\n{md.escape(summary(result, lang))}"


CSV_FIELDS = ("id", "task", "name", "kind", "uom", "reported_by", "target", "actual", "completion", "progress",
              "pace", "status", "light")


def as_csv(rows: list[StatusRow]) -> str:
    """Machine-readable numbers (as in JSON), one row per indicator; opens in Excel (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in rows:
        entry: dict[str, Any] = indicator_entry(row.result)
        f = row.figures
        decimals = fmt.DECIMALS if row.result.indicator.measure == "ratio" else None
        entry.update(target=fmt.json_number(f.target, decimals), actual=fmt.json_number(f.actual, decimals),
                     completion=fmt.json_share(f.completion), progress=fmt.json_share(f.progress), status=f.status,
                     light=f.light)
        writer.writerow(["" if entry[f] is None else entry[f] for f in CSV_FIELDS])
    return "\ufeff" + out.getvalue()


def rich_table(rows: list[StatusRow], lang: Lang, heading: str, width: int = 120) -> Any:
    """A rich Table with bars for 完成率 and 序时进度 (when the terminal is wide enough) and the light in colour."""
    from rich.markup import escape
    from rich.table import Table as RichTable
    from rich.text import Text as RichText

    table = RichTable(title=escape(heading), header_style="bold", show_lines=False)
    for c in COLUMNS:
        table.add_column(HEADERS[c].render(lang), justify="right" if c in ("target", "actual") else "left",
                         no_wrap=c != "name", min_width=8 if c == "name" else None, overflow="fold")
    bar_width = 8 if width >= 120 else 4 if width >= 96 else 0
    for row in rows:
        r, f = row.result, row.figures
        style = LIGHT_STYLE.get(f.light or "", "dim")
        cells: list[Any] = [RichText(row.cells["id"]), RichText(row.cells["name"]), RichText(row.cells["target"]),
                            RichText(row.cells["actual"]),
                            RichText(f"{fmt.bar(f.completion, bar_width)} {row.cells['completion']:>6}".strip()),
                            RichText(f"{fmt.bar(r.pace, bar_width)} {row.cells['pace']:>6}".strip(), style="dim"),
                            RichText(row.cells["status"], style=style),
                            RichText(f"● {row.cells['light']}" if f.light else row.cells["light"], style=style)]
        table.add_row(*cells)
    return table
