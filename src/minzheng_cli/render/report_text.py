"""The weekly report as plain text (ready to paste into a message) and as Markdown (for documents and wikis).

Text lines are at most 80 display columns. Widths are counted with wcwidth (a CJK character is 2 columns),
and East Asian ambiguous characters (“ ” — …) as 2 as well, as a CJK font shows them. Lines break between
Chinese characters or at spaces, never inside a number with its unit (95人, 12.5%), never before closing
punctuation (，。、）) nor after opening punctuation (（“); a numbered item's continuation lines are indented
under its text.
"""

from __future__ import annotations

import re
import unicodedata

from wcwidth import wcwidth

from minzheng_cli.render import markdown as md
from minzheng_cli.render.report_words import Document, Item

WIDTH = 80
NO_START = set("，。、；：？！）】》」』”’%,.;:?!)]/") | {"个", "项", "份", "天"}
NO_END = set("（【《「『“‘([")
_TOKEN = re.compile(r"\s+|[\x21-\x7e]+|.")


def width(text: str) -> int:
    """Display columns: wcwidth, with East Asian ambiguous characters counted as 2 (as in a CJK font)."""
    total = 0
    for char in text:
        if unicodedata.east_asian_width(char) == "A":
            total += 2
        else:
            total += max(wcwidth(char), 0)
    return total


def _clusters(text: str, spaces_only: bool) -> list[str]:
    """Pieces that must stay on one line: a word or number glued to the punctuation and unit around it.

    With `spaces_only` (English), every run between spaces is one piece, Chinese names included."""
    pieces: list[str] = []
    for token in _TOKEN.findall(text):
        if pieces and not pieces[-1].isspace() and not token.isspace() and (
            spaces_only or token[0] in NO_START or pieces[-1][-1] in NO_END or _number_unit(pieces[-1], token)
        ):
            pieces[-1] += token
        else:
            pieces.append(token)
    return pieces


def _number_unit(before: str, token: str) -> bool:
    """95 + 人, 12.5 + 个百分点: a number and the wide unit right after it stay together."""
    return before[-1].isdigit() and width(token) == 2


def wrap(text: str, first: str = "", rest: str = "", limit: int = WIDTH, spaces_only: bool = False) -> list[str]:
    """`text` filled into lines of at most `limit` columns, the first after `first`, the others after `rest`;
    `spaces_only` breaks lines at spaces only (English), else between Chinese characters too."""
    lines: list[str] = []
    line, room = first, limit - width(first)
    fresh = True  # nothing of the text on this line yet
    for piece in _clusters(text, spaces_only):
        size = width(piece)
        if piece.isspace():
            if not fresh and size <= room:
                line, room = line + piece, room - size
            continue
        while size > room and not fresh:
            lines.append(line.rstrip())
            line, room, fresh = rest, limit - width(rest), True
        while size > room:  # a piece wider than a whole line: cut it by characters
            cut = _fit(piece, room)
            lines.append(line + piece[:cut])
            piece = piece[cut:]
            size = width(piece)
            line, room = rest, limit - width(rest)
        line, room, fresh = line + piece, room - size, False
    lines.append(line.rstrip())
    return lines


def _fit(piece: str, room: int) -> int:
    used = 0
    for i, char in enumerate(piece):
        used += width(char)
        if used > room:
            return max(i, 1)
    return len(piece)


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
