"""The command line: each command parses its options, calls the core, renders, and sets the exit code.

Heavy modules (pydantic, the engine, renderers) are imported inside the commands so that
`minzheng --help` imports only what help needs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from minzheng_cli import __version__

if TYPE_CHECKING:
    from minzheng_cli.i18n import Lang
    from minzheng_cli.loading import Loaded

app = typer.Typer(
    name="minzheng",
    help="民政工作要点指标跟踪 — track a civil-affairs work plan's targets against township reports.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class LangChoice(str, Enum):
    zh = "zh"
    en = "en"


DataOpt = Annotated[
    str | None,
    typer.Option("--data", envvar="MINZHENG_DATA", show_envvar=True, metavar="DIR",
                 help="Data folder with targets.yaml and progress/ [default: ./data]"),
]
LangOpt = Annotated[LangChoice | None, typer.Option("--lang", help="Output language [default: zh]")]


class UsageProblem(Exception):
    """A problem with what the user asked for: one line on stderr, exit 2."""


@dataclass
class Common:
    data: str
    lang: Lang


def _common(ctx: typer.Context, data: str | None, lang: LangChoice | None) -> Common:
    """Options accepted both before and after the command: the command's own value wins."""
    parent = ctx.find_root().params
    chosen_lang = lang or parent.get("lang") or LangChoice.zh
    return Common(data=data or parent.get("data") or "data", lang=chosen_lang.value)  # type: ignore[arg-type]


def today() -> date:
    """Today, or MINZHENG_TODAY (YYYY-MM-DD) to reproduce a run as of another day."""
    fixed = os.environ.get("MINZHENG_TODAY")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise UsageProblem(f"MINZHENG_TODAY={fixed!r} is not a date YYYY-MM-DD") from None
    return date.today()


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"minzheng {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    data: DataOpt = None,
    lang: LangOpt = None,
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """民政工作要点指标跟踪 — track a civil-affairs work plan's targets against township reports."""


class ValidateFormat(str, Enum):
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
    from minzheng_cli.diagnostics import ValidationReport, sorted_diagnostics
    from minzheng_cli.render import diagnostics as render

    opts = _common(ctx, data, lang)
    loaded = _load(opts.data)
    report = ValidationReport(sorted_diagnostics(loaded.diagnostics), files=loaded.files,
                              reports=len(loaded.reports), strict=strict)
    if format is ValidateFormat.json:
        typer.echo(render.as_json(report))
    elif format is ValidateFormat.github:
        for line in render.as_github(report):
            typer.echo(line)
    else:
        for line in render.text_lines(report):
            typer.echo(line, err=True)
        typer.echo(render.summary_line(report, opts.lang), err=True)
    raise typer.Exit(0 if report.valid else 1)


class SchemaName(str, Enum):
    targets = "targets"
    progress = "progress"
    breakdown = "breakdown"


@app.command()
def schema(name: Annotated[SchemaName, typer.Argument(help="Which file")] = SchemaName.progress) -> None:
    """Print the JSON Schema of a data file, for editors and other validators."""
    import json

    from minzheng_cli.models import Breakdown, ReportFile, Targets

    model = {"targets": Targets, "progress": ReportFile, "breakdown": Breakdown}[name.value]
    document = model.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    typer.echo(json.dumps(document, ensure_ascii=False, indent=2))


def _load(data_dir: str) -> Loaded:
    from minzheng_cli.loading import DataNotFound, load_data

    try:
        return load_data(data_dir, today())
    except DataNotFound as err:
        fail(str(err), 2)


def main() -> None:
    try:
        app()
    except UsageProblem as err:
        typer.echo(str(err), err=True)
        sys.exit(2)
