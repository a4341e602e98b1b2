"""`minzheng report`: the weekly report (周报) as data, then in the format asked (DESIGN §3, §3.2).

Text goes to a chat without line breaks of its own (stdout not a terminal), to a terminal filled to its width, or
to `--width N` columns. A Word document is bytes: written with `-o FILE.docx` or into a pipe, never onto a
terminal. `--brief` is the leader's version, in the formats that have one (text, Markdown)."""

from __future__ import annotations

import shutil
from enum import StrEnum
from functools import partial
from typing import Annotated

import typer

from minzheng_cli.catalogue.diagnostics import CliMsg, os_reason
from minzheng_cli.catalogue.help import Help
from minzheng_cli.cli.common import (
    AsOfOpt,
    DataOpt,
    LangOpt,
    MonthOpt,
    QuarterOpt,
    WeekOpt,
    app,
    evaluate,
    fail,
    is_terminal,
    options,
    today,
)


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    docx = "docx"


BINARY = frozenset({ReportFormat.docx})  # render.report.BINARY, known here without importing the renderers
BRIEF = frozenset({ReportFormat.text, ReportFormat.markdown})  # render.report.BRIEFS


@app.command(help=Help.report.id)
def report(
    ctx: typer.Context,
    week: WeekOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    as_of: AsOfOpt = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help=Help.format.id)] = ReportFormat.text,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                               help=Help.report_output.id)] = None,
    width: Annotated[int | None, typer.Option("--width", metavar="N", min=20, help=Help.report_width.id)] = None,
    brief: Annotated[bool, typer.Option("--brief", help=Help.brief.id)] = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """The weekly report (周报), or the monthly (月报) or quarterly (季报) one: progress, changes, warnings, items
    due, reporting and ranking."""
    from minzheng_cli.files import write_output
    from minzheng_cli.project import Project
    from minzheng_cli.render.report import Layout, render

    opts = options(ctx, data, lang)
    if sum(given is not None for given in (week, month, quarter, as_of)) > 1:
        fail(CliMsg.give_one_period(), 2, opts.lang)
    span = check = None
    requested = week or as_of
    for kind, day in (("month", month), ("quarter", quarter)):
        if day is not None:
            span = (kind, Project.span(kind, day))
            requested = min(span[1].end, today(opts.lang))  # a period still running: as of today
            check = partial(Project.check_span, span=span[1])  # a period outside the plan: exit 2, no notice
    if brief and format not in BRIEF:
        fail(CliMsg.no_brief(format=format.value, formats=", ".join(sorted(BRIEF))), 2, opts.lang)
    terminal = output is None and is_terminal()
    if format in BINARY and terminal:
        fail(CliMsg.binary_needs_output(format=format.value), 2, opts.lang)
    if width is None and terminal:
        width = shutil.get_terminal_size().columns
    project, snap, code = evaluate(opts, requested, check)
    content = render(project.report(snap, span), format.value, opts.lang, Layout(width), brief)
    if output is None:
        typer.echo(content, nl=False)  # bytes (a Word document) go to the binary stream: a pipe or a file
    else:
        try:
            write_output(output, content.encode("utf-8") if isinstance(content, str) else content)
        except OSError as err:
            fail(CliMsg.cannot_write(path=output, reason=os_reason(err)), 2, opts.lang)
    raise typer.Exit(code)
