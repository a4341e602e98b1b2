"""The one display-width rule of every human format, and line filling by it.

A character takes the columns wcwidth gives it (a CJK character 2, a combining mark 0), except East Asian
*ambiguous* characters (“ ” — … × ≤ ●, box drawing): wcwidth counts them 1, but a terminal set up for Chinese
(and a CJK font) draws them 2 wide. They count `ambiguous()` columns: 2 by default, 1 when the environment says
the terminal draws them narrow (`MINZHENG_AMBIGUOUS_WIDTH=1`, read by the command line and set here with
`set_ambiguous`). Every table, wrapped text and column width of the tool is measured with `cells`, so rows line
up in the terminal as they do in the text report and in a spreadsheet.

Fast path: printable ASCII and the classes East Asian Width settles (wide, full-width, narrow, half-width,
ambiguous) never import wcwidth, so `minzheng --help` stays fast; other characters (combining marks, format and
control characters, emoji) ask wcwidth.

Lines are filled by `wrap`: they break between Chinese characters or at spaces, never inside a number with its
unit (95人, 12.5%), never before closing punctuation (，。、）) nor after opening punctuation (（“).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WIDTH = 80  # the default line length of the text report
NO_START = set("，。、；：？！）】》」』”’%,.;:?!)]/+-−") | {"个", "项", "份", "天"}  # + - −: a unit's change stays with its name
NO_END = set("（【《「『“‘([")
_TOKEN = re.compile(r"\s+|[\x21-\x7e]+|.")
_ZERO_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Cs"})

_ambiguous = 2


def ambiguous() -> int:
    """How many columns an East Asian ambiguous character takes: 2 (the default) or 1."""
    return _ambiguous


def set_ambiguous(columns: int) -> None:
    """Count East Asian ambiguous characters as `columns` (1 or 2) wide from now on."""
    global _ambiguous
    if columns not in (1, 2):
        raise ValueError(columns)
    if columns != _ambiguous:
        _ambiguous = columns
        _char.cache_clear()


def ambiguous_from(setting: str | None) -> int:
    """The ambiguous width an environment setting asks for: "1" narrow, anything else (or nothing) 2."""
    return 1 if (setting or "").strip() == "1" else 2


@lru_cache(maxsize=4096)
def _char(char: str) -> int:
    if " " <= char <= "~":
        return 1
    east = unicodedata.east_asian_width(char)
    if unicodedata.category(char) not in _ZERO_CATEGORIES:
        if east in ("W", "F"):
            return 2
        if east == "A":
            return _ambiguous
        if east in ("Na", "H"):
            return 1
    from wcwidth import wcwidth

    measured = wcwidth(char)
    if measured > 0 and east == "A":
        return _ambiguous
    return max(measured, 0)


def cells(text: str) -> int:
    """Display columns of `text` by the rule above."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(_char(char) for char in text)


@lru_cache(maxsize=16)
def _names(keep: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for names that must stay whole, the longest first (南浔镇 before 南浔)."""
    return re.compile("|".join(re.escape(name) for name in sorted(keep, key=len, reverse=True)))


def _tokens(text: str, keep: tuple[str, ...]) -> list[str]:
    """`text` in tokens: each name of `keep` one token, the rest by characters, ASCII runs and white space."""
    names = tuple(name for name in keep if name and not name.isspace())
    if not names:
        return _TOKEN.findall(text)
    tokens: list[str] = []
    done = 0
    for found in _names(names).finditer(text):
        tokens += _TOKEN.findall(text[done:found.start()])
        tokens.append(found.group())
        done = found.end()
    return tokens + _TOKEN.findall(text[done:])


def _clusters(text: str, spaces_only: bool, keep: tuple[str, ...] = ()) -> list[str]:
    """Pieces that must stay on one line: a word or number glued to the punctuation and unit around it, and each
    name of `keep` (a unit's or an indicator's name).

    With `spaces_only` (English), every run between spaces is one piece, Chinese names included."""
    pieces: list[str] = []
    for token in _tokens(text, keep):
        if pieces and not pieces[-1].isspace() and not token.isspace() and (
            spaces_only or token[0] in NO_START or pieces[-1][-1] in NO_END or _number_unit(pieces[-1], token)
        ):
            pieces[-1] += token
        else:
            pieces.append(token)
    return pieces


def _number_unit(before: str, token: str) -> bool:
    """95 + 人, 12.5 + 个百分点: a number and the wide unit right after it stay together."""
    return before[-1].isdigit() and cells(token) == 2


def widest_piece(text: str, spaces_only: bool = False) -> int:
    """The width of the longest piece of `text` that `wrap` never breaks: the narrowest it can be filled."""
    return max((cells(p) for p in _clusters(text, spaces_only) if not p.isspace()), default=0)


def wrap(text: str, first: str = "", rest: str = "", limit: int = WIDTH, spaces_only: bool = False,
         keep: tuple[str, ...] = ()) -> list[str]:
    """`text` filled into lines of at most `limit` columns, the first after `first`, the others after `rest`;
    `spaces_only` breaks lines at spaces only (English), else between Chinese characters too; a name of `keep`
    is never split. A piece wider than a whole line (a long word) is cut by characters: the only case where a
    piece is split."""
    lines: list[str] = []
    line, room = first, limit - cells(first)
    fresh = True  # nothing of the text on this line yet
    for piece in _clusters(text, spaces_only, keep):
        size = cells(piece)
        if piece.isspace():
            if not fresh and size <= room:
                line, room = line + piece, room - size
            continue
        while size > room and not fresh:
            lines.append(line.rstrip())
            line, room, fresh = rest, limit - cells(rest), True
        while size > room:  # a piece wider than a whole line: cut it by characters
            cut = _fit(piece, room)
            lines.append(line + piece[:cut])
            piece = piece[cut:]
            size = cells(piece)
            line, room = rest, limit - cells(rest)
        line, room, fresh = line + piece, room - size, False
    lines.append(line.rstrip())
    return lines


def _fit(piece: str, room: int) -> int:
    used = 0
    for i, char in enumerate(piece):
        used += cells(char)
        if used > room:
            return max(i, 1)
    return len(piece)


def pad(text: str, size: int, right: bool = False) -> str:
    """`text` padded with spaces to `size` columns, on the left when `right` (figures) else on the right."""
    gap = " " * max(size - cells(text), 0)
    return gap + text if right else text + gap


def truncate(text: str, size: int) -> str:
    """`text` cut to at most `size` columns, ending in … when cut (for a one-line summary, never a figure)."""
    if cells(text) <= size:
        return text
    room = size - cells("…")
    out, used = "", 0
    for char in text:
        used += cells(char)
        if used > room:
            break
        out += char
    return out.rstrip() + "…"
