"""`--help` in the user's language: help pages written from the catalogue when they are shown.

typer wants help texts when a command is defined, before any option is parsed. So commands and options name
their help by a catalogue id (`help=Help.status.id`), and the command classes here write the whole page
(usage, description, arguments, options, commands) from the catalogue at format time, in the language of
`--lang` (looked for among the arguments before they are parsed, since `--help` may come first) or of
MINZHENG_LANG, Chinese by default. Lines are filled by the one width rule (`render.width`), so Chinese help
wraps at the terminal's width like English.

Only the catalogue and the width rule are imported: `minzheng --help` stays as fast as typer itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, cast

import typer
from typer.core import TyperCommand, TyperGroup

from minzheng_cli.catalogue import Lang
from minzheng_cli.catalogue.help import Help, HelpPage, help_text

LANG_KEY = "minzheng.lang"
COLUMN_MAX = 30  # the widest an option's name column gets; a longer name has its help on the next line


def argv_lang(args: Sequence[str]) -> Lang | None:
    """The language `--lang zh|en` (or `--lang=en`) asks for among arguments not yet parsed, or None."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in ("zh", "en"):
            return cast("Lang", value)
    return None


def env_lang() -> Lang | None:
    """MINZHENG_LANG, when it names a language."""
    value = os.environ.get("MINZHENG_LANG", "").strip()
    return cast("Lang", value) if value in ("zh", "en") else None


def page_lang(ctx: Any) -> Lang:
    """The language of a help page: the command line's --lang, else MINZHENG_LANG, else Chinese."""
    found = ctx.meta.get(LANG_KEY) if ctx is not None else None
    return cast("Lang", found) if found in ("zh", "en") else env_lang() or "zh"


def _remember_lang(ctx: Any, args: Sequence[str]) -> None:
    found = argv_lang(args)
    if found is not None:
        ctx.meta[LANG_KEY] = found


def _wrap(text: str, width: int, lang: Lang, first: str = "", rest: str = "") -> list[str]:
    """`text` filled into `width` columns: English breaks at spaces only, Chinese between characters too."""
    from minzheng_cli.render.width import wrap

    return wrap(text, first, rest, limit=width, spaces_only=lang == "en")


def _cells(text: str) -> int:
    from minzheng_cli.render.width import cells

    return cells(text)


def _usage(command: Any, ctx: Any, lang: Lang) -> str:
    pieces = []
    for piece in command.collect_usage_pieces(ctx):
        if piece == "[OPTIONS]":
            piece = HelpPage.options_metavar.render(lang)
        elif piece == "COMMAND [ARGS]...":
            piece = HelpPage.command_metavar.render(lang)
        pieces.append(piece)
    return f"{HelpPage.usage.render(lang)}{ctx.command_path} {' '.join(pieces)}".rstrip()


def _extras(param: Any, lang: Lang) -> str:
    """[环境变量：…；默认：…；必填] after a parameter's help."""
    items = []
    if getattr(param, "show_envvar", False) and param.envvar:
        names = param.envvar if isinstance(param.envvar, str) else ", ".join(param.envvar)
        items.append(HelpPage.env_var.format(lang, name=names))
    default = param.default
    if isinstance(default, Enum):
        default = default.value
    shown = getattr(param, "show_default", None) is not False
    if shown and default is not None and not isinstance(default, bool) and not callable(default) and \
            not getattr(param, "is_flag", False):
        items.append(HelpPage.default.format(lang, value=str(default)))
    if param.required:
        items.append(HelpPage.required.render(lang))
    if not items:
        return ""
    return HelpPage.extra.format(lang, items=HelpPage.extra_sep.render(lang).join(items))


def _records(command: Any, ctx: Any, lang: Lang) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, help) of the arguments and of the options."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        name = record[0]
        described = help_text(Help.help.id if "--help" in param.opts else param.help, lang)
        extra = _extras(param, lang)
        described = f"{described}  {extra}" if described and extra else described or extra
        (arguments if param.param_type_name == "argument" else options).append((name, described))
    return arguments, options


def _definitions(rows: list[tuple[str, str]], width: int, lang: Lang) -> list[str]:
    """A two-column list, the help wrapped by display width under its column."""
    first = min(max(_cells(name) for name, _ in rows), COLUMN_MAX) + 2
    lines = []
    for name, described in rows:
        head = "  " + name
        if _cells(name) > COLUMN_MAX:
            lines.append(head)
            if described:
                lines += _wrap(described, width, lang, " " * (first + 2), " " * (first + 2))
            continue
        lead = head + " " * (first + 2 - _cells(head))
        lines += _wrap(described, width, lang, lead, " " * (first + 2)) if described else [head]
    return lines


def _summary(text: str, width: int) -> str:
    """A command's help on one line of `width` columns: whole when it fits, else up to its first full stop or
    parenthesis, else cut with …."""
    from minzheng_cli.render.width import truncate

    if _cells(text) <= width:
        return text
    ends = [text.index(end) for end in ("。", "（", " (", ". ") if end in text]
    if ends and min(ends) >= 4:
        text = text[: min(ends)].rstrip("：:，, ")
    return truncate(text, width)


def format_page(command: Any, ctx: Any, formatter: Any) -> None:
    """The whole help page of `command`, written into `formatter` in the page's language."""
    lang = page_lang(ctx)
    width = formatter.width
    lines = [_usage(command, ctx, lang), ""]
    described = help_text(command.help, lang)
    if described:
        lines += [*_wrap(described, width, lang, "  ", "  "), ""]
    arguments, options = _records(command, ctx, lang)
    for title, rows in ((HelpPage.arguments, arguments), (HelpPage.options, options)):
        if rows:
            lines += [title.render(lang), *_definitions(rows, width, lang), ""]
    shown = command.command_help(ctx) if isinstance(command, HelpGroup) else []
    if shown:
        room = width - max(_cells(name) for name, _ in shown) - 6
        rows = [(name, _summary(help_text(help_id, lang), room)) for name, help_id in shown]
        lines += [HelpPage.commands.render(lang), *_definitions(rows, width, lang), ""]
    formatter.write("\n".join(lines).rstrip("\n") + "\n")


class _CatalogueHelp:
    """What the app and each command share: the language taken from the command line, the help page and the usage
    line written from the catalogue in that language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _remember_lang(ctx, args)
        return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_page(self, ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(_usage(self, ctx, page_lang(ctx)) + "\n")


class HelpCommand(_CatalogueHelp, TyperCommand):
    """A command whose help page is written from the catalogue in the user's language."""


class HelpGroup(_CatalogueHelp, TyperGroup):
    """The app: its help page, and the language of its command's help, from the catalogue."""

    def command_help(self, ctx: Any) -> list[tuple[str, str | None]]:
        """(name, help id) of each command the help page lists."""
        return [(name, cmd.help) for name, cmd in self.commands.items() if not cmd.hidden]


class App(typer.Typer):
    """typer's app, whose commands write their help pages from the catalogue (`HelpCommand`)."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Callable[[Any], Any]:
        return super().command(name, cls=cls or HelpCommand, **kwargs)
