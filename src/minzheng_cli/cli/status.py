"""`minzheng status`, `show` and `units`: the analyst's views of one date (DESIGN §3).

Each builds its view (`render.view.View`) and hands it to the one output path, `common.emit`, with the shared
`--format`, `-o` and `--width` options."""

from __future__ import annotations

from typing import Annotated

import typer

from minzheng_cli.catalogue.diagnostics import CliMsg, suggestion
from minzheng_cli.catalogue.help import Help
from minzheng_cli.cli.common import (
    AsOfOpt,
    DataOpt,
    FormatOpt,
    LangOpt,
    OutputFormat,
    OutputOpt,
    WidthOpt,
    app,
    emit,
    evaluate,
    fail,
    options,
)


@app.command(help=Help.status.id)
def status(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    unit: Annotated[str | None, typer.Option("--unit", metavar="UNIT",
                                             help=Help.unit.id)] = None,
    task: Annotated[int | None, typer.Option("--task", help=Help.task.id)] = None,
    only: Annotated[str | None, typer.Option("--only", metavar="STATUS|LIGHT", help=Help.only.id)] = None,
    format: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """One row per indicator: target, actual, 完成率, 序时进度, status and light."""
    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.render import status_table

    opts = options(ctx, data, lang)
    project, snap, code = evaluate(opts, as_of)
    try:
        unit_id = project.unit(snap.targets, unit).id if unit is not None else None
        result = project.status(snap, unit_id, task, only)
    except MinzhengError as err:
        fail(err.detail, 2, opts.lang)
    emit(opts, status_table.status_view(snap.targets, result, opts.lang, unit_id, snap.sample), format, output, width)
    raise typer.Exit(code)


@app.command(help=Help.show.id)
def show(
    ctx: typer.Context,
    indicator: Annotated[str, typer.Argument(metavar="ID", help=Help.indicator.id)],
    as_of: AsOfOpt = None,
    format: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
    width: WidthOpt = None,
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
    emit(opts, detail.show_view(snap.targets, result, points, snap.as_of, opts.lang, snap.sample), format, output,
         width)
    raise typer.Exit(code)


@app.command(help=Help.units.id)
def units(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    format: FormatOpt = OutputFormat.table,
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Townships ranked by progress on their quotas, with reporting completeness (报送情况)."""
    from minzheng_cli.render import detail

    opts = options(ctx, data, lang)
    _, snap, code = evaluate(opts, as_of)
    emit(opts, detail.units_view(snap.targets, snap.ranking(), snap.completeness, snap.as_of, opts.lang, snap.sample),
         format, output, width)
    raise typer.Exit(code)
