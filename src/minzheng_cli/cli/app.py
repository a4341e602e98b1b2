"""The command line: each command parses its options, calls the core, renders, and sets the exit code.

Heavy modules (pydantic, the engine, renderers) are imported inside the commands so that
`minzheng --help` imports only what help needs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar, cast

import typer

from minzheng_cli import __version__
from minzheng_cli.catalogue import Message, text
from minzheng_cli.catalogue.diagnostics import CliMsg, CommonMsg, os_reason, suggestion

if TYPE_CHECKING:
    from minzheng_cli.checks.linter import Loaded
    from minzheng_cli.engine.snapshot import Snapshot
    from minzheng_cli.i18n import Lang
    from minzheng_cli.render.detail import Table

app = typer.Typer(
    name="minzheng",
    help="民政工作要点指标跟踪 — track a civil-affairs work plan's targets against township reports.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class LangChoice(StrEnum):
    zh = "zh"
    en = "en"


DataOpt = Annotated[
    str | None,
    typer.Option("--data", envvar="MINZHENG_DATA", show_envvar=True, metavar="DIR",
                 help="Data folder with targets.yaml and progress/ [default: ./data]"),
]
LangOpt = Annotated[LangChoice | None, typer.Option("--lang", help="Output language [default: zh]")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Parse every report again; neither read nor write the cache "
                                          "(MINZHENG_CACHE, default: the user's cache folder)")]


@dataclass
class Common:
    data: str
    lang: Lang
    cache: bool


def _common(ctx: typer.Context, data: str | None, lang: LangChoice | None) -> Common:
    """Options accepted both before and after the command: the command's own value wins."""
    root = ctx.find_root()
    parent = root.params
    source = ctx.get_parameter_source("data")
    if (source is None or source.name != "COMMANDLINE") and parent.get("data"):
        data = None  # `--data` given before the command beats MINZHENG_DATA, which fills both
    chosen_lang = lang or parent.get("lang") or LangChoice.zh
    return Common(data=data or parent.get("data") or "data", lang=cast("Lang", chosen_lang.value),
                  cache=not parent.get("no_cache"))


def today(lang: Lang) -> date:
    """Today, or MINZHENG_TODAY (YYYY-MM-DD) to reproduce a run as of another day (exit 2 when it is no date)."""
    fixed = os.environ.get("MINZHENG_TODAY")
    if fixed:
        from minzheng_cli.engine.periods import parse_day

        try:
            return parse_day(fixed)
        except ValueError as err:
            fail(CliMsg.minzheng_today(problem=getattr(err, "detail", str(err))), 2, lang)
    return date.today()


def cache_folder() -> Path:
    """MINZHENG_CACHE, or the user's cache folder (read here: the core never looks at the environment)."""
    configured = os.environ.get("MINZHENG_CACHE")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "minzheng" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "minzheng"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "minzheng"


def fail(message: str | Message, code: int, lang: Lang) -> NoReturn:
    """One line on stderr, `message` in `lang` (text already in `lang` as it is), and exit `code`."""
    typer.echo(text(message, lang), err=True)
    raise typer.Exit(code)


def _notice(key: str, lang: Lang, **params: object) -> str:
    """A fixed phrase of `i18n.TEXT` in `lang`, its fields filled in."""
    from minzheng_cli.i18n import t

    return t(key, lang).format(**params)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"minzheng {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    data: DataOpt = None,
    lang: LangOpt = None,
    no_cache: NoCacheOpt = False,
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """民政工作要点指标跟踪 — track a civil-affairs work plan's targets against township reports."""


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
    from minzheng_cli.model.diagnostics import ValidationReport, sorted_diagnostics
    from minzheng_cli.render import diagnostics as render

    opts = _common(ctx, data, lang)
    loaded = _load(opts)
    report = ValidationReport(sorted_diagnostics(loaded.diagnostics), files=loaded.files,
                              reports=len(loaded.reports), strict=strict)
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
    model = models[name.value]
    document = model.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    typer.echo(json.dumps(document, ensure_ascii=False, indent=2))


AsOfOpt = Annotated[str | None, typer.Option("--as-of", metavar="DATE",
                                            help="Report date YYYY-MM-DD [default: today, clamped into the plan]")]


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
    from minzheng_cli.engine import snapshot as snapshots
    from minzheng_cli.render import status_json, status_table

    opts = _common(ctx, data, lang)
    snap, code = _snapshot(opts, as_of)
    result = _guard(lambda: snapshots.select(snap, unit, task, only), opts.lang)
    if format is StatusFormat.json:
        import json

        typer.echo(json.dumps(status_json.status_document(snap.targets, result), ensure_ascii=False, indent=2))
    else:
        rows = status_table.status_rows(snap.targets, result, opts.lang, unit)
        heading = status_table.title(snap.targets, result, opts.lang, unit)
        if format is StatusFormat.csv:
            sys.stdout.write(status_table.as_csv(rows))
        elif format is StatusFormat.markdown:
            typer.echo(f"**{heading}**\n\n{status_table.markdown(rows, opts.lang)}\n\n"
                       f"{status_table.summary(result, opts.lang)}")
        elif _is_terminal():
            from rich.console import Console

            width = Console().width
            _rich_print(status_table.rich_table(rows, opts.lang, heading, width), status_table.summary(result, opts.lang))
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
    from minzheng_cli.engine import status as engine
    from minzheng_cli.render import detail

    opts = _common(ctx, data, lang)
    snap, code = _snapshot(opts, as_of)
    result = snap.result.indicator(indicator)
    if result is None:
        from minzheng_cli.read.scalars import closest

        hint = closest(indicator, [i.id for i in snap.targets.indicators])
        fail(CliMsg.no_indicator(id=indicator, hint=suggestion(hint)), 2, opts.lang)
    points = engine.history(snap.targets, snap.index, indicator, snap.as_of)
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

    opts = _common(ctx, data, lang)
    snap, code = _snapshot(opts, as_of)
    _print_detail([], [detail.ranking_table(snap.targets, snap.ranking(), snap.completeness, snap.as_of, opts.lang)],
                  opts.lang)
    raise typer.Exit(code)


class ReportFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"


@app.command()
def report(
    ctx: typer.Context,
    week: Annotated[str | None, typer.Option("--week", metavar="YYYY-Www",
                                             help="ISO week, e.g. 2025-W27 (reported as of its Sunday)")] = None,
    as_of: AsOfOpt = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format")] = ReportFormat.text,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE",
                                               help="Write to FILE (atomically) instead of stdout")] = None,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """The weekly report (周报): progress, changes, warnings, items due, reporting and ranking."""
    from minzheng_cli.engine import periods as dates
    from minzheng_cli.engine import weekly
    from minzheng_cli.files import write_text
    from minzheng_cli.render.report import render

    opts = _common(ctx, data, lang)
    if week is not None and as_of is not None:
        fail(CliMsg.give_week_both(), 2, opts.lang)
    try:
        day = dates.week_end(week).isoformat() if week is not None else as_of
    except dates.DateProblem as err:
        fail(CommonMsg.where_message(where="--week", message=err.detail), 2, opts.lang)
    snap, code = _snapshot(opts, day)
    text = render(weekly.from_snapshot(snap), format.value, opts.lang)
    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            write_text(output, text)
        except OSError as err:
            fail(CliMsg.cannot_write(path=output, reason=os_reason(err)), 2, opts.lang)
    raise typer.Exit(code)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def _rich_print(*items: object) -> None:
    from rich.console import Console

    console = Console()
    for item in items:
        console.print(item)


def _print_detail(facts: list[tuple[str, str]], tables: list[Table], lang: Lang) -> None:
    from minzheng_cli.i18n import t
    from minzheng_cli.render import textual

    if _is_terminal():
        from rich.table import Table as RichTable

        grid = RichTable.grid(padding=(0, 2))
        for label, value in facts:
            grid.add_row(f"[bold]{label}[/bold]", value)
        items: list[object] = [grid]
        for tb in tables:
            items.append(textual.rich_table(tb.header, tb.rows, tb.title, tb.align))
            if tb.note:
                items.append(tb.note)
        _rich_print(*items)
        return
    lines = [f"{label}{t('colon', lang)}{value}" for label, value in facts]
    for tb in tables:
        lines += ["", tb.title, "", textual.plain_table(tb.header, tb.rows, tb.align)]
        if tb.note:
            lines += ["", tb.note]
    typer.echo("\n".join(lines).lstrip("\n"))


T = TypeVar("T")


def _guard(compute: Callable[[], T], lang: Lang) -> T:
    """Run a core computation; its domain problem becomes one line on stderr (in `lang`) and exit 2."""
    from minzheng_cli.engine.snapshot import SnapshotProblem

    try:
        return compute()
    except SnapshotProblem as err:
        fail(err.detail, 2, lang)


def _snapshot(opts: Common, as_of: str | None) -> tuple[Snapshot, int]:
    """Load, evaluate at the date asked (clamped into the plan, with a notice), name every excluded file.

    Returns the snapshot and the exit code the command ends with: 1 when files were left out."""
    from minzheng_cli.engine import periods as dates
    from minzheng_cli.engine import snapshot
    from minzheng_cli.i18n import t

    try:
        requested = dates.parse_day(as_of) if as_of else today(opts.lang)
    except dates.DateProblem as err:
        fail(CommonMsg.where_message(where="--as-of", message=err.detail), 2, opts.lang)
    loaded = _load(opts)
    if loaded.targets is None:
        for d in loaded.diagnostics:
            typer.echo(d.as_text(opts.lang), err=True)
    snap = _guard(lambda: snapshot.take(loaded, requested), opts.lang)
    if snap.clamped:
        typer.echo(t("clamped", opts.lang).format(given=requested, used=snap.as_of), err=True)
    for path in loaded.excluded:
        typer.echo(t("excluded", opts.lang).format(path=path), err=True)
    return snap, 1 if loaded.excluded else 0


def _load(opts: Common) -> Loaded:
    from minzheng_cli.checks.linter import DataNotFound, load_data

    try:
        loaded = load_data(opts.data, today(opts.lang), cache_folder() if opts.cache else None)
    except DataNotFound as err:
        fail(err.text(opts.lang), 2, opts.lang)
    import gc

    gc.freeze()  # the loaded reports live until exit: spare the collector from rescanning them
    return loaded


def main() -> None:
    app()
