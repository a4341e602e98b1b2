"""One catalogue for every word the tool shows, in Chinese (the default) and English.

Each phrase is declared once, as a class attribute of a catalogue class, with both languages:

    class Diag(Catalogue):
        duplicate_key = Text("键 {key} 重复出现…", "the key '{key}' appears twice…")

Its id (`"Diag.duplicate_key"`) comes from where it is declared, so a misspelt id is a mypy error, and a phrase
without one of its languages cannot be written. A phrase is used two ways:

- `Diag.duplicate_key(key=k)` builds a `Message`: the phrase and its parameters, rendered in any language later
  (`message.render("zh")`); diagnostics carry one, so `validate --lang en` and the cache need no second pass.
- `Words.col_id.render(lang)` or `.format(lang, n=3)` gives the text at once, where the language is known.

A parameter is text or a number shown as it is (ids, keys, figures, file names), a `Message` (a phrase nested in
another, rendered in the same language), a `Quote` (the user's text, quoted the way each language quotes) or a
`OneOf` (a list of allowed words). tests/test_catalogue.py checks that every phrase has the same fields in both
languages and that every diagnostic code has a meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, NamedTuple

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_REGISTRY: dict[str, Text] = {}


def fields(template: str) -> set[str]:
    """The names of the fields of a str.format template."""
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@dataclass(frozen=True, eq=False)
class Text:
    """A phrase in Chinese and English; `{name}` fields are filled in when it is rendered."""

    zh: str
    en: str
    id: str = field(default="", compare=False)

    def __set_name__(self, owner: type, name: str) -> None:
        ident = f"{owner.__name__}.{name}"
        object.__setattr__(self, "id", ident)
        _REGISTRY[ident] = self

    def __call__(self, **params: Param) -> Message:
        return Message(self, params)

    def template(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def render(self, lang: Lang) -> str:
        """The phrase as it is (no fields to fill)."""
        return self.template(lang)

    def format(self, lang: Lang, /, **params: Param) -> str:
        """The phrase in `lang` with its fields filled in."""
        return Message(self, params).render(lang)


class Catalogue:
    """Base of the catalogue classes: a namespace of `Text` attributes, never instantiated."""

    section: ClassVar[str] = ""

    @classmethod
    def entries(cls) -> Iterator[Text]:
        for value in vars(cls).values():
            if isinstance(value, Text):
                yield value


# control characters: C0 (line breaks and tabs too), DEL and C1; shown escaped wherever a file's text is printed
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """`text` safe to print as (part of) one line: every control character escaped as Python writes it (\\n,
    \\x1b, \\x9b), so that a name or path from a file can neither break the line nor steer the terminal."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text) if _CONTROL.search(text) else text


def _needs_escape(text: str) -> bool:
    return text.strip() != text or not text or _CONTROL.search(text) is not None


class Quote(NamedTuple):
    """Text from the file, quoted: 'x' in English (Python's repr when it has control characters or edge
    spaces), "x" in Chinese (control characters escaped). Build it with `quote`, which shortens long text."""

    text: str

    def render(self, lang: Lang) -> str:
        shown = self.text
        if lang == "en":
            return repr(shown) if _needs_escape(shown) else f"'{shown}'"
        return f'"{one_line(shown)}"'


def quote(text: str, limit: int = 40) -> Quote:
    """`text` quoted for a message, on one line, cut at `limit` characters."""
    return Quote(text if len(text) <= limit else text[:limit] + "…")


class OneOf(NamedTuple):
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
    """A catalogue phrase and its parameters; `render(lang)` gives the text."""

    text: Text
    params: Mapping[str, Param] = field(default_factory=dict, hash=False)

    def render(self, lang: Lang = "en") -> str:
        values = {key: _render(value, lang) for key, value in self.params.items()}
        return self.text.template(lang).format_map(values)

    def __str__(self) -> str:
        return self.render("en")

    def texts(self) -> list[Text]:
        """This phrase and those of the messages nested in its parameters."""
        found = [self.text]
        for value in self.params.values():
            if isinstance(value, Message):
                found.extend(value.texts())
        return found

    def as_data(self) -> dict[str, Any]:
        """JSON-ready form (for the report cache); `Message.from_data` reads it back."""
        return {"t": self.text.id, "p": {key: _encode(value) for key, value in self.params.items()}}

    @classmethod
    def from_data(cls, raw: Any) -> Message:
        """The message `as_data` wrote; TypeError or ValueError when `raw` is not one."""
        if not isinstance(raw, dict) or not isinstance(raw.get("t"), str) or not isinstance(raw.get("p"), dict):
            raise TypeError("not a message")
        found = lookup(raw["t"])
        if found is None:
            raise ValueError("no such phrase")
        params = {str(key): _decode(value) for key, value in raw["p"].items()}
        if set(params) != fields(found.en):
            raise ValueError("parameters do not fit the phrase")
        return cls(found, params)


Param = str | int | Message | Quote | OneOf


def text(message: str | Message, lang: Lang = "en") -> str:
    """A message in `lang`; plain text (from the system or the user) is shown as it is."""
    return message.render(lang) if isinstance(message, Message) else message


def lookup(ident: str) -> Text | None:
    """The phrase declared with this id (every catalogue module imported first)."""
    _load_all()
    return _REGISTRY.get(ident)


def registry() -> Mapping[str, Text]:
    """Every phrase of the catalogue, by id."""
    _load_all()
    return dict(_REGISTRY)


_LOADED: list[bool] = []  # non-empty once every catalogue module is imported


def _load_all() -> None:
    """Import every catalogue module, once: a cache of diagnostics looks phrases up by the hundred thousand."""
    if _LOADED:
        return
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    _LOADED.append(True)


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
