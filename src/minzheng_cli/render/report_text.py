"""The weekly report as plain text (ready to paste into a message) and as Markdown (for documents and wikis).

Text for a chat has no line breaks of its own: each title, heading and item is one line, and the chat window wraps
it to the phone's width (`width` None, what `report` writes when its output is not a terminal). Given a width (a
terminal's, or `--width N`), lines are filled to at most that many display columns, counted by the one width rule
of `render.width` (a CJK character is 2 columns; East Asian ambiguous characters “ ” — … 2 as well by default).
Lines break between Chinese characters or at spaces, never inside a number with its unit (95人, 12.5%), never
inside the name of a unit or an indicator (`names`), never before closing punctuation (，。、）) nor after opening
punctuation (（“); a numbered item's continuation lines are indented under its text.

The leader's version (`--brief`, render/report_brief.py) is laid out the same way, in text and in Markdown.
"""

from __future__ import annotations

from minzheng_cli.engine.weekly import Weekly
from minzheng_cli.render import markdown as md
from minzheng_cli.render.report_brief import Brief
from minzheng_cli.render.report_words import Document, Item
from minzheng_cli.render.width import WIDTH as WIDTH
from minzheng_cli.render.width import cells as width
from minzheng_cli.render.width import wrap


def names(weekly: Weekly) -> tuple[str, ...]:
    """The names a line never breaks inside: every unit's and every indicator's."""
    targets = weekly.targets
    return (*(unit.name for unit in targets.units), *(indicator.name for indicator in targets.indicators))


class _Filler:
    """Lines of a text in one language, filled to `limit` columns, or one line each when `limit` is None."""

    def __init__(self, lang: str, limit: int | None, keep: tuple[str, ...]) -> None:
        self.english, self.limit, self.keep = lang == "en", limit, keep

    def __call__(self, text: str, first: str = "", rest: str = "") -> list[str]:
        if self.limit is None:
            return [first + text]
        return wrap(text, first, rest, self.limit, spaces_only=self.english, keep=self.keep)

    def item(self, item: Item) -> list[str]:
        if not item.number:
            return self(item.text)
        first = f"{item.number} "
        return self(item.text, first, " " * width(first))


def as_text(doc: Document, limit: int | None = None, keep: tuple[str, ...] = ()) -> str:
    """Plain text: title, subtitle (and the 示例数据 notice), then each section's heading, its numbered lines and
    its note; a blank line between. Lines filled to `limit` columns, or none broken (a chat message); never
    inside a name of `keep`."""
    fill = _Filler(doc.lang, limit, keep)
    lines = [*fill(doc.title), *fill(doc.subtitle)]
    if doc.sample:
        lines += fill(doc.sample)
    for section in doc.sections:
        lines += ["", *fill(section.heading)]
        for item in section.items:
            lines += fill.item(item)
        if section.note:
            lines += fill(section.note)
    return "\n".join(lines) + "\n"


def brief_text(brief: Brief, limit: int | None = None, keep: tuple[str, ...] = ()) -> str:
    """The leader's version as text: its title, then one line each (filled to `limit` when given)."""
    fill = _Filler(brief.lang, limit, keep)
    lines = fill(brief.title)
    for item in brief.lines:
        lines += fill.item(item)
    return "\n".join(lines) + "\n"


def brief_markdown(brief: Brief) -> str:
    """The leader's version as Markdown: the title in bold, each line a paragraph, the red items a list."""
    escape = md.escape
    lines = [f"**{escape(brief.title)}**"]
    numbered = False
    for item in brief.lines:
        if item.number:
            lines += ([] if numbered else [""]) + [f"{item.number} {escape(item.text)}"]
        else:
            lines += ["", escape(item.text)]
        numbered = bool(item.number)
    return "\n".join(lines) + "\n"


def as_markdown(doc: Document) -> str:
    """Markdown: a level-1 title, the subtitle as its first paragraph, a level-2 heading per section, and
    ordered lists (the ranking as a table, numbered by rank, so that ties share a number)."""
    escape = md.escape
    lines = [f"# {escape(doc.title)}", "", escape(doc.subtitle)]
    if doc.sample:
        lines += ["", f"> **{escape(doc.sample)}**"]
    for section in doc.sections:
        lines += ["", f"## {escape(section.heading)}", ""]
        if section.table is not None:
            lines += md.table(section.table)
        else:
            for item in section.items:
                if item.number:
                    lines.append(f"{item.number} {escape(item.text)}")
                else:
                    lines.append(escape(item.text))
        if section.note:
            lines += ["", escape(section.note)]
    return "\n".join(lines) + "\n"
