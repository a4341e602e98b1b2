"""`minzheng status`, `show` and `units`: the analyst's views of one date (DESIGN §3)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from minzheng_cli.catalogue.diagnostics import CliMsg, suggestion
from minzheng_cli.cli.common import AsOfOpt, DataOpt, LangOpt, app, evaluate, fail, is_terminal, options

if TYPE_CHECKING:
    from minzheng_cli.catalogue import Lang
    from minzheng_cli.render.table import Table


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@app.command()
def status(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit's indicators and figures")] = None,
    task: Annotated[int | None, typer.Option("--task", help="Only this task's indicators")] = None,
    only: Annotated[str | None, typer.Option("--only", metavar="STATUS|LIGHT",
                                             help="Only indicators with this status or light")] = None,
    format: Annotated[StatusFormat, typer.Option("--format", "-f", help="Output format")] = StatusFormat.table,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """One row per indicator: target, actual, 完成率, 序时进度, status and light."""
    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.render import status_json, status_table

    opts = options(ctx, data, lang)
    project, snap, code = evaluate(opts, as_of)
    try:
        result = project.status(snap, unit, task, only)
    except MinzhengError as err:
        fail(err.detail, 2, opts.lang)
    if format is StatusFormat.json:
        import json

        typer.echo(json.dumps(status_json.status_document(snap.targets, result, snap.sample), ensure_ascii=False, indent=2))
    else:
        rows = status_table.status_rows(snap.targets, result, opts.lang, unit)
        heading = status_table.title(snap.targets, result, opts.lang, unit)
        if format is StatusFormat.csv:
            sys.stdout.write(status_table.as_csv(rows))
        elif format is StatusFormat.markdown:
            typer.echo(status_table.as_markdown(heading, rows, result, opts.lang))
        elif is_terminal():
            from rich.console import Console

            console = Console()
            console.print(status_table.rich_table(rows, opts.lang, heading, console.width))
            console.print(status_table.summary(result, opts.lang))
        else:
            typer.echo(f"{heading}\n\n{status_table.plain(rows, opts.lang)}\n\n"
                       f"{status_table.summary(result, opts.lang)}")
    raise typer.Exit(code)


@app.command()
def show(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(metavar="ID", help="Indicator id, e.g. 3.1")],
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """One indicator: its source sentence, the district value over time, and every unit's figures."""
    from minzheng_cli.model.scalars import closest
    from minzheng_cli.render import detail

    opts = options(ctx, data, lang)
    project, snap, code = evaluate(opts, as_of)
    found = project.indicator(snap, indicator)
    if found is None:
        hint = closest(indicator, [i.id for i in snap.targets.indicators])
        fail(CliMsg.no_indicator(id=indicator, hint=suggestion(hint)), 2, opts.lang)
    result, points = found
    facts = detail.indicator_facts(snap.targets, result, opts.lang)
    tables = [detail.history_table(result, points, opts.lang, len(snap.targets.townships))]
    if result.units:
        tables.append(detail.unit_table(snap.targets, result, opts.lang))
    _print_detail(facts, tables, opts.lang)
    raise typer.Exit(code)


@app.command()
def units(ctx: typer.Context, as_of: AsOfOpt = None, data: DataOpt = None, lang: LangOpt = None) -> None:
    """Townships ranked by progress on their quotas, with reporting completeness (报送情况)."""
    from minzheng_cli.render import detail

    opts = options(ctx, data, lang)
    _, snap, code = evaluate(opts, as_of)
    _print_detail([], [detail.ranking_table(snap.targets, snap.ranking(), snap.completeness, snap.as_of, opts.lang)],
                  opts.lang)
    raise typer.Exit(code)


def _print_detail(facts: list[tuple[str, str]], tables: list[Table], lang: Lang) -> None:
    """Facts (label: value) and tables: rich in a terminal, plain text when piped."""
    from minzheng_cli.catalogue.words import Words
    from minzheng_cli.render import textual

    if is_terminal():
        from rich.console import Console
        from rich.table import Table as RichTable

        grid = RichTable.grid(padding=(0, 2))
        for label, value in facts:
            grid.add_row(f"[bold]{label}[/bold]", value)
        console = Console()
        console.print(grid)
        for tb in tables:
            console.print(textual.rich_table(tb.header, tb.rows, tb.title, tb.align))
            if tb.note:
                console.print(tb.note)
        return
    lines = [f"{label}{Words.colon.render(lang)}{value}" for label, value in facts]
    for tb in tables:
        lines += ["", tb.title, "", textual.plain_table(tb.header, tb.rows, tb.align)]
        if tb.note:
            lines += ["", tb.note]
    typer.echo("\n".join(lines).lstrip("\n"))
