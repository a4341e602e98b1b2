"""Typing of YAML scalars, with no YAML 1.1 guessing.

The YAML reader hands every scalar over as text (`str`, or `Quoted` when the file quoted it). These
functions give text a type only where the schema asks for one, and refuse the forms that YAML 1.1 or a
spreadsheet would silently turn into something else, with a message that says what to write instead.
Each raises `ScalarError(code, message)`, the message a translatable `messages.Message`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from fractions import Fraction

from minzheng_cli.messages import Message, Quote, msg, quote


class Quoted(str):
    """A scalar the file wrote in quotes: text, never a number."""

    __slots__ = ()


class ScalarError(ValueError):
    """`message` is the English text; `detail` the Message it was rendered from."""

    def __init__(self, code: str, message: Message) -> None:
        super().__init__(str(message))
        self.code = code
        self.message = str(message)
        self.detail = message


_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
YAML11_WORDS = {"y", "yes", "n", "no", "true", "false", "on", "off"}


def _show(text: str) -> Quote:
    """The text quoted for a message: on one line, control characters escaped, long text shortened."""
    return quote(text)


def _cut(text: str, limit: int = 40) -> str:
    """Digits to write, shortened like quoted text (they passed a pattern: no control characters)."""
    return text if len(text) <= limit else text[:limit] + "…"


def _number_hint(text: str) -> Message | None:
    """Why `text` is not a plain decimal number, in words, or None when no special reason applies."""
    t = text.strip()
    if not t:
        return msg("the value is empty; write a number")
    folded = unicodedata.normalize("NFKC", t)
    if folded != t:
        return _folded_hint(t, folded, _DECIMAL, _number_hint, msg("a plain decimal number such as 150 or 12.5"))
    if t.lower() in YAML11_WORDS:
        return msg("{text} is a word, not a number (older YAML would read it as true/false); write a number",
                   text=_show(t))
    if t.lower() in {".nan", "nan", ".inf", "-.inf", "+.inf", "inf", "-inf", "infinity"}:
        return msg("{text} is not a finite number; write a plain decimal number", text=_show(t))
    if re.fullmatch(r"[-+]?0[0-9]+(\.[0-9]+)?", t):
        sign = "-" if t.startswith("-") else ""
        digits = t.lstrip("+-").lstrip("0")
        digits = "0" + digits if not digits or digits.startswith(".") else digits
        return msg("{text} has a leading zero (older YAML reads it as octal); write {fixed}", text=_show(t),
                   fixed=sign + digits)
    if re.fullmatch(r"[-+]?[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?", t):
        return msg("{text} looks like a time (older YAML reads it as base 60); write a plain decimal number",
                   text=_show(t))
    if "_" in t and re.fullmatch(r"[-+]?[0-9_]+(\.[0-9_]+)?", t):
        return msg("{text} has underscores; write the digits alone: {fixed}", text=_show(t), fixed=t.replace("_", ""))
    if "," in t and re.fullmatch(r"[-+]?[0-9,]+(\.[0-9]+)?", t):
        return msg("{text} has thousands separators; write the digits alone: {fixed}", text=_show(t),
                   fixed=t.replace(",", ""))
    if re.fullmatch(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+", t):
        return msg("{text} is in exponent notation; write a plain decimal number", text=_show(t))
    if t.startswith("+") and _DECIMAL.fullmatch(t[1:]):
        return msg("{text} has a plus sign; write {fixed}", text=_show(t), fixed=t[1:])
    if re.fullmatch(r"0[xXoObB][0-9a-fA-F_]+", t):
        return msg("{text} is a hexadecimal/octal/binary literal; write a plain decimal number", text=_show(t))
    if t.endswith("%") and _DECIMAL.fullmatch(t[:-1].strip()):
        return msg("{text} has a percent sign; report the count itself ({fixed}) without %", text=_show(t),
                   fixed=t[:-1].strip())
    if t.endswith(".") and _DECIMAL.fullmatch(t[:-1]):
        return msg("{text} ends with a dot; write {fixed}", text=_show(t), fixed=t[:-1])
    m = re.fullmatch(r"(-?[0-9]+(\.[0-9]+)?)\s*(\D+)", folded)
    if m:
        return msg("{text} has text after the number; write the number alone ({number}), without {extra}",
                   text=_show(t), number=m.group(1), extra=_show(m.group(3)))
    if re.fullmatch(r"-?\.[0-9]+", t):
        return msg("{text} has no digit before the dot; write {fixed}", text=_show(t), fixed=t.replace(".", "0.", 1))
    return None


def _folded_hint(t: str, folded: str, form: re.Pattern[str], hint: Callable[[str], Message | None],
                 what: Message) -> Message:
    """Text that NFKC changes (full-width digits, ：, ，, ①, ²…): say so, and what the ASCII form needs."""
    wide = any("\uff00" <= ch <= "\uffef" for ch in t)
    kind = msg("full-width characters") if wide else msg("special characters (such as ① or ²)")
    if form.fullmatch(folded):
        return msg("{text} uses {kind}; write it with ASCII characters: {fixed}", text=_show(t), kind=kind,
                   fixed=folded)
    more = hint(folded)
    return msg("{text} uses {kind}; write it with ASCII characters ({ascii}), and {more}", text=_show(t), kind=kind,
               ascii=_show(folded), more=more if more else msg("as {what}", what=what))


def parse_number(raw: object) -> Fraction:
    """A plain decimal number (`150`, `12.5`, `-3`), exactly, as a Fraction."""
    if isinstance(raw, Fraction | int) and not isinstance(raw, bool):
        return Fraction(raw)
    if isinstance(raw, Quoted):
        if _DECIMAL.fullmatch(raw.strip()):
            raise ScalarError("quoted-number", msg("{text} is quoted, so it is text; write the number without "
                                                   "quotes: {fixed}", text=_show(raw), fixed=_cut(raw.strip())))
        raise ScalarError("bad-number", _number_hint(raw) or _not_a_number(raw))
    if not isinstance(raw, str):
        raise ScalarError("wrong-type", msg("expected a number, found {found}", found=describe(raw)))
    if _DECIMAL.fullmatch(raw):
        return _bounded(raw)
    raise ScalarError("bad-number", _number_hint(raw) or _not_a_number(raw))


def _not_a_number(raw: str) -> Message:
    return msg("{text} is not a number; write a plain decimal number such as 150 or 12.5", text=_show(raw))


MAX_DIGITS = 15  # integer digits: beyond this no figure of a plan is meant, and floats lose exactness
MAX_DECIMALS = 10


def _bounded(text: str) -> Fraction:
    whole, _, decimals = text.lstrip("-").partition(".")
    if len(whole) > MAX_DIGITS:
        raise ScalarError("bad-number", msg("{text} has {n} digits, more than any figure of a plan needs ({max}); "
                                            "check the figure and its unit of measure", text=_show(text),
                                            n=len(whole), max=MAX_DIGITS))
    if len(decimals) > MAX_DECIMALS:
        raise ScalarError("bad-number", msg("{text} has more than {max} decimal places; round it", text=_show(text),
                                            max=MAX_DECIMALS))
    return Fraction(text)


def parse_int(raw: object) -> int:
    value = parse_number(raw)
    if value.denominator != 1:
        raise ScalarError("bad-number", msg("{text} is not a whole number; write a whole number", text=_show(str(raw))))
    return int(value)


def parse_date(raw: object) -> date:
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        raise ScalarError("bad-date", msg("expected a date YYYY-MM-DD, found {found}", found=describe(raw)))
    t = raw.strip()
    if _DATE.fullmatch(t):
        try:
            return date.fromisoformat(t)
        except ValueError:
            raise ScalarError("bad-date", msg("{text} is not a real calendar date; write a date YYYY-MM-DD",
                                              text=_show(t))) from None
    folded = unicodedata.normalize("NFKC", t)
    if folded != t:
        raise ScalarError("bad-date", _folded_hint(t, folded, _DATE, _date_hint, msg("a date YYYY-MM-DD")))
    hint = _date_hint(t)
    if hint:
        raise ScalarError("bad-date", hint)
    raise ScalarError("bad-date", msg("{text} is not a date; write a date in the form YYYY-MM-DD", text=_show(t)))


def _date_hint(t: str) -> Message | None:
    m = re.fullmatch(r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?", t)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return msg("{text} is not in the form YYYY-MM-DD; write {fixed}", text=_show(t),
                   fixed=f"{y:04d}-{mo:02d}-{d:02d}")
    return None


def parse_text(raw: object) -> str:
    if isinstance(raw, str):
        return str(raw)
    raise ScalarError("wrong-type", msg("expected text, found {found}", found=describe(raw)))


def describe(raw: object) -> Message | str:
    """What `raw` is, for a message ("found …"): a phrase, or the name of an unexpected type."""
    if raw is None:
        return msg("nothing (an empty value)")
    if isinstance(raw, dict):
        return msg("a mapping (key: value pairs)")
    if isinstance(raw, list):
        return msg("a list")
    if isinstance(raw, str):
        return msg("the text {text}", text=_show(raw))
    return type(raw).__name__


def closest(word: str, choices: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return found[0] if found else None


def number_text(number: Fraction) -> str:
    """A number as an exact plain decimal (12, 12.5, -0.25): what a report file holds."""
    if number.denominator == 1:
        return str(number.numerator)
    for places in range(1, 40):
        scaled = number * 10**places
        if scaled.denominator == 1:
            digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
            return ("-" if number < 0 else "") + digits[:-places] + "." + digits[-places:]
    return f"{float(number):.10f}".rstrip("0")  # not a finite decimal: never read from a file
