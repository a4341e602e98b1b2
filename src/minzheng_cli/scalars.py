"""Typing of YAML scalars, with no YAML 1.1 guessing.

The YAML reader hands every scalar over as text (`str`, or `Quoted` when the file quoted it). These
functions give text a type only where the schema asks for one, and refuse the forms that YAML 1.1 or a
spreadsheet would silently turn into something else, with a message that says what to write instead.
Each raises `ScalarError(code, message)`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from fractions import Fraction


class Quoted(str):
    """A scalar the file wrote in quotes: text, never a number."""

    __slots__ = ()


class ScalarError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YAML11_WORDS = {"y", "yes", "n", "no", "true", "false", "on", "off"}


def _show(text: str, limit: int = 40) -> str:
    """The text quoted for a message: on one line, control characters escaped, long text shortened."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    if shown.strip() != shown or not shown or any(ch < " " or ch == "\x7f" for ch in shown):
        return repr(shown)
    return f"'{shown}'"


def _number_hint(text: str) -> str | None:
    """Why `text` is not a plain decimal number, in words, or None when no special reason applies."""
    t = text.strip()
    if not t:
        return "the value is empty; write a number"
    folded = unicodedata.normalize("NFKC", t)
    if folded != t:
        return _folded_hint(t, folded, _DECIMAL, _number_hint, "a plain decimal number such as 150 or 12.5")
    if t.lower() in _YAML11_WORDS:
        return f"{_show(t)} is a word, not a number (older YAML would read it as true/false); write a number"
    if t.lower() in {".nan", "nan", ".inf", "-.inf", "+.inf", "inf", "-inf", "infinity"}:
        return f"{_show(t)} is not a finite number; write a plain decimal number"
    if re.fullmatch(r"[-+]?0[0-9]+(\.[0-9]+)?", t):
        sign = "-" if t.startswith("-") else ""
        digits = t.lstrip("+-").lstrip("0")
        digits = "0" + digits if not digits or digits.startswith(".") else digits
        return f"{_show(t)} has a leading zero (older YAML reads it as octal); write {sign}{digits}"
    if re.fullmatch(r"[-+]?[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?", t):
        return f"{_show(t)} looks like a time (older YAML reads it as base 60); write a plain decimal number"
    if "_" in t and re.fullmatch(r"[-+]?[0-9_]+(\.[0-9_]+)?", t):
        return f"{_show(t)} has underscores; write the digits alone: {t.replace('_', '')}"
    if "," in t and re.fullmatch(r"[-+]?[0-9,]+(\.[0-9]+)?", t):
        return f"{_show(t)} has thousands separators; write the digits alone: {t.replace(',', '')}"
    if re.fullmatch(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+", t):
        return f"{_show(t)} is in exponent notation; write a plain decimal number"
    if t.startswith("+") and _DECIMAL.fullmatch(t[1:]):
        return f"{_show(t)} has a plus sign; write {t[1:]}"
    if re.fullmatch(r"0[xXoObB][0-9a-fA-F_]+", t):
        return f"{_show(t)} is a hexadecimal/octal/binary literal; write a plain decimal number"
    if t.endswith("%") and _DECIMAL.fullmatch(t[:-1].strip()):
        return f"{_show(t)} has a percent sign; report the count itself ({t[:-1].strip()}) without %"
    if t.endswith(".") and _DECIMAL.fullmatch(t[:-1]):
        return f"{_show(t)} ends with a dot; write {t[:-1]}"
    m = re.fullmatch(r"(-?[0-9]+(\.[0-9]+)?)\s*(\D+)", folded)
    if m:
        return f"{_show(t)} has text after the number; write the number alone ({m.group(1)}), without {_show(m.group(3))}"
    if re.fullmatch(r"-?\.[0-9]+", t):
        return f"{_show(t)} has no digit before the dot; write {t.replace('.', '0.', 1)}"
    return None


def _folded_hint(t: str, folded: str, form: re.Pattern[str], hint: Callable[[str], str | None], what: str) -> str:
    """Text that NFKC changes (full-width digits, ：, ，, ①, ²…): say so, and what the ASCII form needs."""
    wide = any("\uff00" <= ch <= "\uffef" for ch in t)
    kind = "full-width characters" if wide else "special characters (such as ① or ²)"
    if form.fullmatch(folded):
        return f"{_show(t)} uses {kind}; write it with ASCII characters: {folded}"
    more = hint(folded)
    return (f"{_show(t)} uses {kind}; write it with ASCII characters ({_show(folded)}), and "
            + (more if more else f"as {what}"))


def parse_number(raw: object) -> Fraction:
    """A plain decimal number (`150`, `12.5`, `-3`), exactly, as a Fraction."""
    if isinstance(raw, Fraction | int) and not isinstance(raw, bool):
        return Fraction(raw)
    if isinstance(raw, Quoted):
        if _DECIMAL.fullmatch(raw.strip()):
            raise ScalarError("quoted-number", f"{_show(raw)} is quoted, so it is text; "
                              f"write the number without quotes: {_show(raw.strip())[1:-1]}")
        raise ScalarError("bad-number", _number_hint(raw)
                          or f"{_show(raw)} is not a number; write a plain decimal number such as 150 or 12.5")
    if not isinstance(raw, str):
        raise ScalarError("wrong-type", f"expected a number, found {describe(raw)}")
    if _DECIMAL.fullmatch(raw):
        return _bounded(raw)
    hint = _number_hint(raw)
    raise ScalarError("bad-number", hint or f"{_show(raw)} is not a number; write a plain decimal number such as 150 or 12.5")


MAX_DIGITS = 15  # integer digits: beyond this no figure of a plan is meant, and floats lose exactness
MAX_DECIMALS = 10


def _bounded(text: str) -> Fraction:
    whole, _, decimals = text.lstrip("-").partition(".")
    if len(whole) > MAX_DIGITS:
        raise ScalarError("bad-number", f"{_show(text)} has {len(whole)} digits, more than any figure of a plan "
                          f"needs ({MAX_DIGITS}); check the figure and its unit of measure")
    if len(decimals) > MAX_DECIMALS:
        raise ScalarError("bad-number", f"{_show(text)} has more than {MAX_DECIMALS} decimal places; round it")
    return Fraction(text)


def parse_int(raw: object) -> int:
    value = parse_number(raw)
    if value.denominator != 1:
        raise ScalarError("bad-number", f"{_show(str(raw))} is not a whole number; write a whole number")
    return int(value)


def parse_date(raw: object) -> date:
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        raise ScalarError("bad-date", f"expected a date YYYY-MM-DD, found {describe(raw)}")
    t = raw.strip()
    if _DATE.fullmatch(t):
        try:
            return date.fromisoformat(t)
        except ValueError:
            raise ScalarError("bad-date", f"{_show(t)} is not a real calendar date; write a date YYYY-MM-DD") from None
    folded = unicodedata.normalize("NFKC", t)
    if folded != t:
        raise ScalarError("bad-date", _folded_hint(t, folded, _DATE, _date_hint, "a date YYYY-MM-DD"))
    hint = _date_hint(t)
    if hint:
        raise ScalarError("bad-date", hint)
    raise ScalarError("bad-date", f"{_show(t)} is not a date; write a date in the form YYYY-MM-DD")


def _date_hint(t: str) -> str | None:
    m = re.fullmatch(r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?", t)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return f"{_show(t)} is not in the form YYYY-MM-DD; write {y:04d}-{mo:02d}-{d:02d}"
    return None


def parse_text(raw: object) -> str:
    if isinstance(raw, str):
        return str(raw)
    raise ScalarError("wrong-type", f"expected text, found {describe(raw)}")


def describe(raw: object) -> str:
    if raw is None:
        return "nothing (an empty value)"
    if isinstance(raw, dict):
        return "a mapping (key: value pairs)"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, str):
        return f"the text {_show(raw)}"
    return type(raw).__name__


def closest(word: str, choices: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return found[0] if found else None
