"""`minzheng validate` and `minzheng schema`: the checks of DESIGN §1 for CI, and the files' JSON Schemas."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from minzheng_cli.cli.common import DataOpt, LangOpt, app, open_project, options


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    ctx: typer.Context,
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help="Output format")] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too")] = False,
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


@app.command()
def schema(name: Annotated[SchemaName, typer.Argument(help="Which file")] = SchemaName.progress) -> None:
    """Print the JSON Schema of a data file, for editors and other validators."""
    import json

    from pydantic import BaseModel

    from minzheng_cli.model.files import Breakdown, ReportFile, Targets

    models: dict[str, type[BaseModel]] = {"targets": Targets, "progress": ReportFile, "breakdown": Breakdown}
    document = models[name.value].model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
