"""`minzheng status` as a table: rows are built once (`status_rows`) and sent to rich, plain text,
Markdown or CSV. JSON is `status_json`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from minzheng_cli.engine import IndicatorResult, StatusResult
from minzheng_cli.i18n import Lang, t
from minzheng_cli.models import Targets
from minzheng_cli.render import fmt
from minzheng_cli.render.status_json import indicator_entry

COLUMNS = ("id", "name", "target", "actual", "completion", "pace", "status", "light")
LIGHT_STYLE = {"green": "green", "yellow": "yellow", "red": "red"}


@dataclass(frozen=True)
class StatusRow:
    result: IndicatorResult
    cells: dict[str, str]  # display text per column of COLUMNS


def status_rows(targets: Targets, result: StatusResult, lang: Lang) -> list[StatusRow]:
    townships = len(targets.townships)
    rows = []
    for r in result.indicators:
        cells = {
            "id": r.indicator.id,
            "name": r.indicator.name,
            "target": fmt.target_text(r),
            "actual": fmt.actual_text(r, lang, townships),
            "completion": fmt.percent(r.completion),
            "pace": fmt.percent(r.pace),
            "status": fmt.status_word(r.status, lang),
            "light": fmt.light_word(r.light, lang),
        }
        rows.append(StatusRow(r, cells))
    return rows


def headers(lang: Lang) -> list[str]:
    return [t(f"col.{c}", lang) for c in COLUMNS]


def title(targets: Targets, result: StatusResult, lang: Lang) -> str:
    return t("status.title", lang).format(title=targets.plan.title, as_of=result.as_of.isoformat(),
                                          pace=t(f"pace.{targets.plan.pace}", lang))


def summary(result: StatusResult, lang: Lang) -> str:
    """共 32 项指标：已完成 3，超进度 5；绿灯 20，黄灯 4 — the counts behind the table."""
    comma, semi, colon = ("，", "；", "：") if lang == "zh" else (", ", "; ", ": ")
    statuses = comma.join(f"{fmt.status_word(s, lang)} {n}" for s, n in result.by_status().items())
    lights = comma.join(f"{fmt.light_word(light, lang)} {n}" for light, n in result.by_light().items())
    text = t("summary", lang).format(n=len(result.indicators)) + colon + statuses
    return text + (semi + lights if lights else "")


def plain(rows: list[StatusRow], lang: Lang) -> str:
    """Aligned plain text for pipes and files: tabulate with wide-character widths."""
    import tabulate as tabulate_module

    tabulate_module.WIDE_CHARS_MODE = True
    table = [[row.cells[c] for c in COLUMNS] for row in rows]
    return tabulate_module.tabulate(table, headers=headers(lang), tablefmt="simple", disable_numparse=True,
                                    colalign=("left", "left", "right", "right", "right", "right", "left", "left"))


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
        writer.writerow(["" if entry[f] is None else entry[f] for f in CSV_FIELDS])
    return "\ufeff" + out.getvalue()


def rich_table(rows: list[StatusRow], lang: Lang, heading: str) -> Any:
    """A rich Table with bars for 完成率 and 序时进度 and the light in colour."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=heading, header_style="bold", show_lines=False)
    for c in COLUMNS:
        table.add_column(t(f"col.{c}", lang), justify="right" if c in ("target", "actual") else "left",
                         no_wrap=c != "name")
    for row in rows:
        r = row.result
        style = LIGHT_STYLE.get(r.light or "", "dim")
        cells: list[Any] = [row.cells["id"], row.cells["name"], row.cells["target"], row.cells["actual"],
                            Text(f"{fmt.bar(r.completion, 8)} {row.cells['completion']:>6}"),
                            Text(f"{fmt.bar(r.pace, 8)} {row.cells['pace']:>6}", style="dim"),
                            Text(row.cells["status"], style=style),
                            Text(f"● {row.cells['light']}" if r.light else row.cells["light"], style=style)]
        table.add_row(*cells)
    return table
