"""Diagnostic messages as data: an English template with named parameters, rendered in any language.

Like gettext, the English template is the key of the translation catalog (`messages_zh.ZH`); like
frictionless' errors, every diagnostic has a stable code and a message template with parameters. A message is
built where the problem is found, never as a finished sentence:

    msg("indicator '{id}' is not in targets.yaml{hint}", id=ind_id, hint=suggestion(hint))

and rendered when it is shown: `render("en")` formats the English template, `render("zh")` the Chinese one.
A parameter is text or a number shown as it is (ids, keys, figures, file names), a `Message` (a translatable
phrase nested in another, rendered in the same language), a `Quote` (the user's text, quoted the way each
language quotes) or a `OneOf` (a list of allowed words). Every template given to `msg` is a string literal, so
that a test can check that the catalog translates each one (tests/test_messages.py).
"""

from __future__ import annotations

import errno
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from minzheng_cli.i18n import Lang

_FORMATTER = string.Formatter()


def _needs_escape(text: str) -> bool:
    return text.strip() != text or not text or any(ch < " " or ch == "\x7f" for ch in text)


@dataclass(frozen=True)
class Quote:
    """Text from the file, quoted: 'x' in English (Python's repr when it has control characters or edge
    spaces), "x" in Chinese (control characters escaped). Build it with `quote`, which shortens long text."""

    text: str

    def render(self, lang: Lang) -> str:
        shown = self.text
        if lang == "en":
            return repr(shown) if _needs_escape(shown) else f"'{shown}'"
        escaped = "".join(repr(ch)[1:-1] if ch < " " or ch == "\x7f" else ch for ch in shown)
        return f'"{escaped}"'


def quote(text: str, limit: int = 40) -> Quote:
    """`text` quoted for a message, on one line, cut at `limit` characters."""
    return Quote(text if len(text) <= limit else text[:limit] + "…")


@dataclass(frozen=True)
class OneOf:
    """The allowed words: 'a', 'b' or 'c' in English (as pydantic writes them), a、b 或 c in Chinese."""

    choices: tuple[str, ...]

    def render(self, lang: Lang) -> str:
        items = list(self.choices) if lang != "en" else [f"'{c}'" for c in self.choices]
        if len(items) < 2:
            return "".join(items)
        if lang == "en":
            return ", ".join(items[:-1]) + " or " + items[-1]
        return "、".join(items[:-1]) + " 或 " + items[-1]


@dataclass(frozen=True)
class Message:
    """An English `template` (str.format fields) and its named `params`; `render(lang)` gives the text."""

    template: str
    params: Mapping[str, Param] = field(default_factory=dict, hash=False)

    def render(self, lang: Lang = "en") -> str:
        values = {key: _render(value, lang) for key, value in self.params.items()}
        if lang != "en":
            translated = catalog(lang).get(self.template)
            if translated is not None:
                try:
                    return translated.format_map(values)
                except (KeyError, IndexError, ValueError, AttributeError):
                    pass  # a broken translation (tests keep them sound): fall back to English
        return self.template.format_map(values)

    def __str__(self) -> str:
        return self.render("en")

    def templates(self) -> list[str]:
        """This template and those of the messages nested in its parameters."""
        found = [self.template]
        for value in self.params.values():
            if isinstance(value, Message):
                found.extend(value.templates())
        return found

    def as_data(self) -> dict[str, Any]:
        """JSON-ready form (for the report cache); `Message.from_data` reads it back."""
        return {"t": self.template, "p": {key: _encode(value) for key, value in self.params.items()}}

    @classmethod
    def from_data(cls, raw: Any) -> Message:
        """The message `as_data` wrote; TypeError or ValueError when `raw` is not one."""
        if not isinstance(raw, dict) or not isinstance(raw.get("t"), str) or not isinstance(raw.get("p"), dict):
            raise TypeError("not a message")
        params = {str(key): _decode(value) for key, value in raw["p"].items()}
        if set(params) != fields(raw["t"]):
            raise ValueError("parameters do not fit the template")
        return cls(raw["t"], params)


Param = str | int | Message | Quote | OneOf


def msg(template: str, /, **params: Param) -> Message:
    """A message: `template` must be a string literal (the catalog is checked against the source)."""
    return Message(template, params)


def suggestion(hint: str | None) -> Param:
    """The "; did you mean 'x'?" ending of a message, or nothing."""
    return msg("; did you mean '{x}'?", x=hint) if hint else ""


def os_reason(err: OSError) -> Param:
    """Why a file could not be read or written: the system's words (`strerror`), translated when they are the
    common ones (English exactly as the system says it; other reasons as they are)."""
    known = {
        errno.ENOENT: msg("No such file or directory"),
        errno.EACCES: msg("Permission denied"),
        errno.EPERM: msg("Operation not permitted"),
        errno.EISDIR: msg("Is a directory"),
        errno.ENOTDIR: msg("Not a directory"),
        errno.ENOSPC: msg("No space left on device"),
        errno.EROFS: msg("Read-only file system"),
        errno.ENAMETOOLONG: msg("File name too long"),
    }.get(err.errno or 0)
    if known is not None and known.template == err.strerror:
        return known
    return str(err.strerror or err)


def fields(template: str) -> set[str]:
    """The names of the fields of a str.format template."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name is not None}


def catalog(lang: Lang) -> Mapping[str, str]:
    """English template → template in `lang`."""
    if lang == "zh":
        from minzheng_cli.messages_zh import ZH

        return ZH
    return {}


def text(message: str | Message, lang: Lang = "en") -> str:
    """A message in `lang`; plain text (from code that builds no Message) is shown as it is."""
    return message.render(lang) if isinstance(message, Message) else message


def _render(value: Param, lang: Lang) -> str:
    if isinstance(value, Message | Quote | OneOf):
        return value.render(lang)
    return str(value)


def _encode(value: Param) -> Any:
    if isinstance(value, Message):
        return value.as_data()
    if isinstance(value, Quote):
        return {"q": value.text}
    if isinstance(value, OneOf):
        return {"one_of": list(value.choices)}
    return value


def _decode(raw: Any) -> Param:
    if isinstance(raw, str) or (isinstance(raw, int) and not isinstance(raw, bool)):
        return raw
    if isinstance(raw, dict) and isinstance(raw.get("q"), str) and len(raw) == 1:
        return Quote(raw["q"])
    if isinstance(raw, dict) and isinstance(raw.get("one_of"), list) and len(raw) == 1:
        if not all(isinstance(c, str) for c in raw["one_of"]):
            raise TypeError("choices are not text")
        return OneOf(tuple(raw["one_of"]))
    return Message.from_data(raw)
