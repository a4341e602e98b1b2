"""`minzheng status` as a table: rows are built once (`status_rows`) and sent to rich, plain text,
Markdown or CSV. JSON is `status_json`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from minzheng_cli.engine.status import IndicatorResult, StatusResult
from minzheng_cli.i18n import Lang, t
from minzheng_cli.model.files import Targets
from minzheng_cli.render import fmt
from minzheng_cli.render.status_json import DECIMALS, fraction, indicator_entry, number
from minzheng_cli.render.textual import plain_table

COLUMNS = ("id", "name", "target", "actual", "completion", "pace", "status", "light")
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
    return [t(f"col.{c}", lang) for c in COLUMNS]


def title(targets: Targets, result: StatusResult, lang: Lang, unit: str | None = None) -> str:
    heading = t("status.title", lang).format(title=targets.plan.title, as_of=result.as_of.isoformat(),
                                             pace=t(f"pace.{targets.plan.pace}", lang))
    found = targets.unit(unit) if unit else None
    return f"{heading} — {found.name}" if found else heading


def summary(result: StatusResult, lang: Lang) -> str:
    """共 32 项指标：已完成 3，超进度 5；绿灯 20，黄灯 4 — the counts behind the table."""
    comma, semi, colon = ("，", "；", "：") if lang == "zh" else (", ", "; ", ": ")
    statuses = comma.join(f"{fmt.status_word(s, lang)} {n}" for s, n in result.by_status().items())
    lights = comma.join(f"{fmt.light_word(light, lang)} {n}" for light, n in result.by_light().items())
    text = t("summary", lang).format(n=len(result.indicators))
    if not statuses:
        return text
    return text + colon + statuses + (semi + lights if lights else "")


def plain(rows: list[StatusRow], lang: Lang) -> str:
    """Aligned plain text for pipes and files: tabulate with wide-character widths."""
    table = [[row.cells[c] for c in COLUMNS] for row in rows]
    return plain_table(headers(lang), table, ("left", "left", "right", "right", "right", "right", "left", "left"))


def markdown(rows: list[StatusRow], lang: Lang) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    head = headers(lang)
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join("---:" if c in ("target", "actual", "completion", "pace") else "---" for c in COLUMNS)
             + "|"]
    lines += ["| " + " | ".join(cell(row.cells[c]) for c in COLUMNS) + " |" for row in rows]
    return "\n".join(lines)


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
        decimals = DECIMALS if row.result.indicator.measure == "ratio" else None
        entry.update(target=number(f.target, decimals), actual=number(f.actual, decimals),
                     completion=fraction(f.completion), progress=fraction(f.progress), status=f.status, light=f.light)
        writer.writerow(["" if entry[f] is None else entry[f] for f in CSV_FIELDS])
    return "\ufeff" + out.getvalue()


def rich_table(rows: list[StatusRow], lang: Lang, heading: str, width: int = 120) -> Any:
    """A rich Table with bars for 完成率 and 序时进度 (when the terminal is wide enough) and the light in colour."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=heading, header_style="bold", show_lines=False)
    for c in COLUMNS:
        table.add_column(t(f"col.{c}", lang), justify="right" if c in ("target", "actual") else "left",
                         no_wrap=c != "name", min_width=8 if c == "name" else None, overflow="fold")
    bar_width = 8 if width >= 120 else 4 if width >= 96 else 0
    for row in rows:
        r, f = row.result, row.figures
        style = LIGHT_STYLE.get(f.light or "", "dim")
        cells: list[Any] = [row.cells["id"], row.cells["name"], row.cells["target"], row.cells["actual"],
                            Text(f"{fmt.bar(f.completion, bar_width)} {row.cells['completion']:>6}".strip()),
                            Text(f"{fmt.bar(r.pace, bar_width)} {row.cells['pace']:>6}".strip(), style="dim"),
                            Text(row.cells["status"], style=style),
                            Text(f"● {row.cells['light']}" if f.light else row.cells["light"], style=style)]
        table.add_row(*cells)
    return table
