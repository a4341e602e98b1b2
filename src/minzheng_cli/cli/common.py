"""What every command shares: the app, the options accepted before or after the command, the DATE and WEEK
option types, and the few helpers that print and exit. Command modules import this one, never each other.

Heavy modules (pydantic, the engine, renderers) are imported inside the commands so that `minzheng --help`
imports only what help needs.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn, cast

import typer

from minzheng_cli import __version__
from minzheng_cli.catalogue import Lang, Message, Text, one_line, quote, text
from minzheng_cli.catalogue.help import Help
from minzheng_cli.cli.helptext import App, HelpGroup, env_lang

if TYPE_CHECKING:
    from minzheng_cli.engine.snapshot import Snapshot
    from minzheng_cli.project import Project
    from minzheng_cli.render.view import View

# The commands in the order `--help` lists them, each with the module that registers it on `app` and its help.
# A module is imported only when one of its commands is run or asked for help: `minzheng --help` lists them from
# this table and imports none of them (DESIGN §4). tests/test_views.py checks the table against the modules.
COMMANDS: dict[str, tuple[str, Text]] = {
    "validate": ("validate", Help.validate),
    "schema": ("validate", Help.schema),
    "status": ("status", Help.status),
    "show": ("status", Help.show),
    "units": ("status", Help.units),
    "report": ("report", Help.report),
    "new": ("entry", Help.new),
    "template": ("entry", Help.template),
    "import": ("entry", Help.import_),
}


class Commands(HelpGroup):
    """The app's group of commands, each loaded when it is named (click's lazily loaded subcommands)."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *(name for name in self.commands if name not in COMMANDS)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import importlib

            import typer.main

            importlib.import_module(f"{__package__}.{COMMANDS[cmd_name][0]}")
            for info in app.registered_commands:
                name = info.name or typer.main.get_command_name(info.callback.__name__)  # type: ignore[union-attr]
                if name not in self.commands:
                    self.commands[name] = typer.main.get_command_from_info(
                        info, pretty_exceptions_short=app.pretty_exceptions_short,
                        rich_markup_mode=app.rich_markup_mode)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        from typer._click.exceptions import UsageError  # typer vendors click: its errors are not re-exported

        try:
            return super().resolve_command(ctx, args)
        except UsageError:
            # a misspelt command: typer suggests the closest among those loaded, so load every one first
            if all(name in self.commands for name in COMMANDS):
                raise
            for name in COMMANDS:
                self.get_command(ctx, name)
            return super().resolve_command(ctx, args)

    def command_help(self, ctx: Any) -> list[tuple[str, str | None]]:
        """(name, help id) of every command, without loading one."""
        return [(name, COMMANDS[name][1].id if name in COMMANDS else self.commands[name].help)
                for name in self.list_commands(ctx)]


app = App(
    name="minzheng",
    cls=Commands,
    help=Help.app.id,  # help texts are catalogue ids, written in the user's language when shown (cli.helptext)
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class LangChoice(StrEnum):
    zh = "zh"
    en = "en"


def _lang_of(ctx: Any) -> Lang:
    """The language of the command being parsed: `--lang` is eager, so it is known before any other option."""
    while ctx is not None:
        chosen = ctx.params.get("lang")
        if chosen is not None:
            return cast("Lang", str(chosen.value if isinstance(chosen, LangChoice) else chosen))
        ctx = ctx.parent
    return env_lang() or "zh"


class OptionProblem(typer.BadParameter):
    """An option value refused at the edge: one line `--as-of: …` in the command's language, exit 2 (the
    parser attaches the context, which holds the eager --lang, before the problem is shown)."""

    def __init__(self, option: str, message: Message) -> None:
        from minzheng_cli.catalogue.diagnostics import CommonMsg

        super().__init__(str(message))
        self.detail = CommonMsg.where_message(where=option, message=message)

    def show(self, file: object = None) -> None:
        typer.echo(self.detail.render(_lang_of(self.ctx)), err=True)


def _day(option: str) -> Callable[[str], date]:
    """A parser for a DATE option: YYYY-MM-DD read exactly as a date in a file (full-width digits, 2025/6/30 …
    get the same advice as in a report)."""

    def parse(value: str) -> date:
        from minzheng_cli.errors import MinzhengError
        from minzheng_cli.model.scalars import parse_date

        try:
            return parse_date(value)
        except MinzhengError as err:
            raise OptionProblem(option, err.detail) from None

    return parse


def parse_week(value: str) -> date:
    """A WEEK option: ISO week YYYY-Www, given as the Sunday that ends it (the report date of that week)."""
    from minzheng_cli.catalogue.diagnostics import CliMsg
    m = re.fullmatch(r"([0-9]{4})-?W([0-9]{2})", value)
    if not m:
        raise OptionProblem("--week", CliMsg.not_an_iso_week(text=quote(value)))
    year, week = int(m.group(1)), int(m.group(2))
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        raise OptionProblem("--week", CliMsg.year_has_no_week(text=quote(value), year=year, week=week)) from None


def parse_month(value: str) -> date:
    """A MONTH option (月报): YYYY-MM, given as the month's first day."""
    from minzheng_cli.catalogue.diagnostics import CliMsg
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})", value)
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1:
        raise OptionProblem("--month", CliMsg.not_a_month(text=quote(value)))
    return date(int(m.group(1)), int(m.group(2)), 1)


def parse_quarter(value: str) -> date:
    """A QUARTER option (季报): YYYY-Qn, n 1–4 (q in either case), given as the quarter's first day."""
    from minzheng_cli.catalogue.diagnostics import CliMsg
    m = re.fullmatch(r"([0-9]{4})-[Qq]([1-4])", value)
    if not m or int(m.group(1)) < 1:
        raise OptionProblem("--quarter", CliMsg.not_a_quarter(text=quote(value)))
    return date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)


DataOpt = Annotated[
    str | None,
    typer.Option("--data", envvar="MINZHENG_DATA", show_envvar=True, metavar="DIR",
                 help=Help.data.id),
]
LangOpt = Annotated[LangChoice | None, typer.Option("--lang", envvar="MINZHENG_LANG", show_envvar=True, is_eager=True,
                                                    help=Help.lang.id)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help=Help.no_cache.id)]
AsOfOpt = Annotated[date | None, typer.Option("--as-of", metavar="DATE", parser=_day("--as-of"), help=Help.as_of.id)]
WeekOpt = Annotated[date | None, typer.Option("--week", metavar="YYYY-Www", parser=parse_week, help=Help.week.id)]
MonthOpt = Annotated[date | None, typer.Option("--month", metavar="YYYY-MM", parser=parse_month, help=Help.month.id)]
QuarterOpt = Annotated[date | None, typer.Option("--quarter", metavar="YYYY-Qn", parser=parse_quarter,
                                                 help=Help.quarter.id)]


class OutputFormat(StrEnum):
    """The formats of the analyst's views (`status`, `show`, `units`): one option, one output path (`emit`)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help=Help.format.id)]
OutputOpt = Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help=Help.output.id)]
WidthOpt = Annotated[int | None, typer.Option("--width", metavar="N", min=20, help=Help.width.id)]


def day_option(option: str, help: str) -> typer.models.OptionInfo:
    """A required or optional DATE option of another name (`new --submitted`); `help` a catalogue id."""
    return cast("typer.models.OptionInfo", typer.Option(option, metavar="DATE", parser=_day(option), help=help))


class Common(NamedTuple):
    """The options every command takes, as given before or after it."""

    data: str
    lang: Lang
    cache: bool


def options(ctx: typer.Context, data: str | None, lang: LangChoice | None) -> Common:
    """Options accepted both before and after the command: the command's own value wins."""
    parent = ctx.find_root().params
    source = ctx.get_parameter_source("data")
    if (source is None or source.name != "COMMANDLINE") and parent.get("data"):
        data = None  # `--data` given before the command beats MINZHENG_DATA, which fills both
    source = ctx.get_parameter_source("lang")
    if (source is None or source.name != "COMMANDLINE") and parent.get("lang"):
        lang = None  # likewise `--lang` before the command beats MINZHENG_LANG
    chosen_lang = lang or parent.get("lang") or LangChoice.zh
    _measure_ambiguous()
    return Common(data=data or parent.get("data") or "data", lang=cast("Lang", chosen_lang.value),
                  cache=not parent.get("no_cache"))


def _measure_ambiguous() -> None:
    """East Asian ambiguous characters count 2 columns, or 1 with MINZHENG_AMBIGUOUS_WIDTH=1 (a terminal that
    draws them narrow): read here, where the environment is read, for the one width rule of `render.width`."""
    from minzheng_cli.render import width

    width.set_ambiguous(width.ambiguous_from(os.environ.get("MINZHENG_AMBIGUOUS_WIDTH")))


def today(lang: Lang) -> date:
    """Today, or MINZHENG_TODAY (YYYY-MM-DD) to reproduce a run as of another day (exit 2 when it is no date)."""
    from minzheng_cli.catalogue.diagnostics import CliMsg
    fixed = os.environ.get("MINZHENG_TODAY")
    if fixed:
        from minzheng_cli.errors import MinzhengError
        from minzheng_cli.model.scalars import parse_date

        try:
            return parse_date(fixed)
        except MinzhengError as err:
            fail(CliMsg.minzheng_today(problem=err.detail), 2, lang)
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
    """One line on stderr, `message` in `lang` (text already in `lang` as it is), and exit `code`. A path or name
    in it is shown escaped (control characters), so that it stays one line and never steers the terminal."""
    typer.echo(one_line(text(message, lang)), err=True)
    raise typer.Exit(code)


def notice(phrase: Text, lang: Lang, **params: str) -> None:
    """A catalogue phrase on stderr: what happened, beside the data on stdout (one line, as `fail`)."""
    typer.echo(one_line(phrase.format(lang, **params)), err=True)


def open_project(opts: Common) -> Project:
    """The data folder read and checked (exit 2 when there is none)."""
    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.project import Project

    bar = ProgressBar()
    try:
        project = Project.open(opts.data, today(opts.lang), cache_folder() if opts.cache else None, progress=bar)
    except MinzhengError as err:
        fail(err.detail, 2, opts.lang)
    finally:
        bar.close()
    for message in project.loaded.notices:  # e.g. a cache others can write, not read: once, on stderr
        typer.echo(message.render(opts.lang), err=True)
    return project


class ProgressBar:
    """The core's progress callback (files checked of those to check), shown as a rich bar on stderr when stderr
    is a terminal and the run has taken more than `delay` seconds: a cold run over many files, never a warm one."""

    def __init__(self, delay: float = 1.0) -> None:
        import time

        self._clock = time.monotonic
        self._started = self._clock()
        self._delay = delay
        self._bar: Any = None
        self._task: Any = None
        self._shown = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self._shown or total <= 0:
            return
        if self._bar is None:
            if self._clock() - self._started < self._delay or done >= total:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self._bar = Progress(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True)
            self._task = self._bar.add_task("", total=total)
            self._bar.start()
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def is_terminal() -> bool:
    return sys.stdout.isatty()


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
                                          help=Help.version.id)] = False,
) -> None:
    """民政工作要点指标跟踪 — track a civil-affairs work plan's targets against township reports."""


def evaluate(opts: Common, as_of: date | None,
             check: Callable[[Project], None] | None = None) -> tuple[Project, Snapshot, int]:
    """Load, evaluate at the date asked (clamped into the plan, with a notice), name every excluded file.
    `check(project)` refuses what the command asks for before anything is evaluated (a MinzhengError: exit 2).

    Returns the project, its snapshot and the exit code the command ends with: 1 when files were left out."""
    from minzheng_cli.catalogue.words import Words
    from minzheng_cli.errors import MinzhengError

    requested = as_of or today(opts.lang)
    project = open_project(opts)
    if project.targets is None:
        for d in project.loaded.diagnostics:
            typer.echo(d.as_text(opts.lang), err=True)
    try:
        if check is not None and project.targets is not None:
            check(project)
        snap = project.snapshot(requested)
    except MinzhengError as err:
        fail(err.detail, 2, opts.lang)
    if snap.clamped:
        notice(Words.clamped, opts.lang, given=str(requested), used=str(snap.as_of))
    for path in project.excluded:
        notice(Words.excluded, opts.lang, path=path)
    return project, snap, 1 if project.excluded else 0


def emit(opts: Common, view: View, format: OutputFormat, output: str | None, width: int | None) -> None:
    """The one output path of `status`, `show` and `units`: the view in `format`, to `output` or stdout.

    A table goes to a terminal in colour, fitted to its width (or `--width`); piped or written to a file it is
    plain text, fitted to `--width` when given, else one line per row. An Excel workbook is never shown on a
    terminal: it needs `-o FILE` there."""
    from minzheng_cli.catalogue.diagnostics import CliMsg
    from minzheng_cli.render import textual

    content: str | bytes
    if format is OutputFormat.xlsx:
        from minzheng_cli.render import xlsx

        if output is None and is_terminal():
            fail(CliMsg.xlsx_needs_output(), 2, opts.lang)
        content = xlsx.workbook(view)
    elif format is OutputFormat.json:
        from minzheng_cli.model.jsontext import json_text

        content = json_text(view.document)
    elif format is OutputFormat.csv:
        from minzheng_cli.render import sheet

        content = sheet.as_csv(view)
    elif format is OutputFormat.markdown:
        from minzheng_cli.render import markdown

        content = markdown.view(view) + "\n"
    elif output is None and is_terminal():
        from rich.console import Console

        console = Console(highlight=False)
        textual.print_rich(textual.view_lines(view, width or console.width, bars=True), console)
        return
    else:
        content = textual.plain(textual.view_lines(view, width)) + "\n"
    _write(opts, content, output)


def _write(opts: Common, content: str | bytes, output: str | None) -> None:
    """`content` to the file the user named (replaced atomically, a link written through) or to stdout."""
    from minzheng_cli.catalogue.diagnostics import CliMsg
    from minzheng_cli.files import write_output

    raw = content.encode("utf-8") if isinstance(content, str) else content
    if output is not None:
        try:
            write_output(output, raw)
        except OSError as err:
            from minzheng_cli.catalogue.diagnostics import os_reason

            fail(CliMsg.cannot_write(path=output, reason=os_reason(err)), 2, opts.lang)
        return
    if isinstance(content, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        typer.echo(content, nl=False)
