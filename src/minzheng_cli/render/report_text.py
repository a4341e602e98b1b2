"""The weekly report as plain text (ready to paste into a message) and as Markdown (for documents and wikis).

Text lines are at most 80 display columns, counted by the one width rule of `render.width` (a CJK character
is 2 columns; East Asian ambiguous characters “ ” — … 2 as well by default). Lines break between
Chinese characters or at spaces, never inside a number with its unit (95人, 12.5%), never before closing
punctuation (，。、）) nor after opening punctuation (（“); a numbered item's continuation lines are indented
under its text.
"""

from __future__ import annotations

from minzheng_cli.render import markdown as md
from minzheng_cli.render.report_words import Document, Item
from minzheng_cli.render.width import WIDTH as WIDTH
from minzheng_cli.render.width import cells as width
from minzheng_cli.render.width import wrap


def _item_lines(item: Item, spaces_only: bool) -> list[str]:
    if not item.number:
        return wrap(item.text, spaces_only=spaces_only)
    first = f"{item.number} "
    return wrap(item.text, first, " " * width(first), spaces_only=spaces_only)


def as_text(doc: Document) -> str:
    """Plain text: title, subtitle (and the 示例数据 notice), then each section's heading, its numbered lines and
    its note; a blank line between."""
    english = doc.lang == "en"
    lines = [*wrap(doc.title, spaces_only=english), *wrap(doc.subtitle, spaces_only=english)]
    if doc.sample:
        lines += wrap(doc.sample, spaces_only=english)
    for section in doc.sections:
        lines += ["", *wrap(section.heading, spaces_only=english)]
        for item in section.items:
            lines += _item_lines(item, english)
        if section.note:
            lines += wrap(section.note, spaces_only=english)
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
