"""`minzheng validate` and `minzheng schema`: the checks of DESIGN §1 for CI, and the files' JSON Schemas."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from minzheng_cli.catalogue.diagnostics import CliMsg, os_reason
from minzheng_cli.catalogue.help import Help
from minzheng_cli.catalogue.words import EngineMsg, Words
from minzheng_cli.cli.common import DataOpt, LangOpt, app, fail, notice, open_project, options


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command(help=Help.validate.id)
def validate(
    ctx: typer.Context,
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help=Help.format.id)] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=Help.strict.id)] = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Check the targets, the breakdown and every progress report (exit 0 valid, 1 problems, 2 nothing to check)."""
    from minzheng_cli.render import diagnostics as render

    opts = options(ctx, data, lang)
    report = open_project(opts).validate(strict)
    if format is ValidateFormat.json:
        typer.echo(render.as_json(report, opts.lang))
    elif format is ValidateFormat.github:
        for line in render.as_github(report, opts.lang):
            typer.echo(line)
    else:
        for line in render.text_lines(report, opts.lang):
            typer.echo(line, err=True)
        typer.echo(render.summary_line(report, opts.lang), err=True)
    raise typer.Exit(0 if report.valid else 1)


class SchemaName(StrEnum):
    targets = "targets"
    progress = "progress"
    breakdown = "breakdown"


@app.command(help=Help.schema.id)
def schema(
    ctx: typer.Context,
    name: Annotated[SchemaName, typer.Argument(help=Help.schema_name.id)] = SchemaName.progress,
    write: Annotated[str | None, typer.Option("--write", metavar="DIR",
                                              help=Help.schema_write.id)] = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Print the JSON Schema of a data file, for editors and other validators (progress: built from the plan)."""
    from minzheng_cli.model import json_schema

    opts = options(ctx, data, lang)
    targets = None
    if write is not None or name is SchemaName.progress:
        targets = open_project(opts).targets
        if targets is None:
            fail(EngineMsg.targets_broken(path=opts.data), 2, opts.lang)
    if write is not None:
        assert targets is not None
        try:
            written = json_schema.write_schemas(write, targets, opts.lang)
        except OSError as err:
            fail(CliMsg.cannot_write(path=write, reason=os_reason(err)), 2, opts.lang)
        for path in written:
            typer.echo(str(path))
            notice(Words.entry_wrote, opts.lang, path=str(path))
        return
    typer.echo(json_schema.schema_text(json_schema.schema_for(name.value, targets, opts.lang)), nl=False)
