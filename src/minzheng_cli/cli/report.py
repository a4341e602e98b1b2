"""`minzheng report`: the weekly report (周报) as data, then in the format asked (DESIGN §3, §3.2)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from minzheng_cli.catalogue.diagnostics import CliMsg, os_reason
from minzheng_cli.catalogue.help import Help
from minzheng_cli.cli.common import AsOfOpt, DataOpt, LangOpt, WeekOpt, app, evaluate, fail, options


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


@app.command(help=Help.report.id)
def report(
    ctx: typer.Context,
    week: WeekOpt = None,
    as_of: AsOfOpt = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help=Help.format.id)] = ReportFormat.text,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                               help=Help.report_output.id)] = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """The weekly report (周报): progress, changes, warnings, items due, reporting and ranking."""
    from minzheng_cli.files import write_output
    from minzheng_cli.render.report import render

    opts = options(ctx, data, lang)
    if week is not None and as_of is not None:
        fail(CliMsg.give_week_both(), 2, opts.lang)
    project, snap, code = evaluate(opts, week or as_of)
    text = render(project.report(snap), format.value, opts.lang)
    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            write_output(output, text.encode("utf-8"))
        except OSError as err:
            fail(CliMsg.cannot_write(path=output, reason=os_reason(err)), 2, opts.lang)
    raise typer.Exit(code)
