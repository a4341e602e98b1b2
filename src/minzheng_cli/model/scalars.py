"""Typing of YAML scalars, with no YAML 1.1 guessing.

The YAML reader hands every scalar over as text (`str`, or `Quoted` when the file quoted it). These
functions give text a type only where the schema asks for one, and refuse the forms that YAML 1.1 or a
spreadsheet would silently turn into something else, with a message that says what to write instead.
Each raises `MinzhengError(code, message)`, the message a translatable `messages.Message`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from fractions import Fraction

from minzheng_cli.catalogue import Message, Quote, quote
from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import ReadMsg
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.diagnostics import Code

BAD_NUMBER = Code("bad-number", "error", Meaning.bad_number)
QUOTED_NUMBER = Code("quoted-number", "error", Meaning.quoted_number)
BAD_DATE = Code("bad-date", "error", Meaning.bad_date)
WRONG_TYPE = Code("wrong-type", "error", Meaning.wrong_type)


class Quoted(str):
    """A scalar the file wrote in quotes: text, never a number."""

    __slots__ = ()


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
        return ReadMsg.value_empty_number()
    folded = unicodedata.normalize("NFKC", t)
    if folded != t:
        return _folded_hint(t, folded, _DECIMAL, _number_hint, ReadMsg.plain_decimal_number_such())
    if t.lower() in YAML11_WORDS:
        return ReadMsg.word_number_older_yaml(text=_show(t))
    if t.lower() in {".nan", "nan", ".inf", "-.inf", "+.inf", "inf", "-inf", "infinity"}:
        return ReadMsg.finite_number_plain_decimal(text=_show(t))
    if re.fullmatch(r"[-+]?0[0-9]+(\.[0-9]+)?", t):
        sign = "-" if t.startswith("-") else ""
        digits = t.lstrip("+-").lstrip("0")
        digits = "0" + digits if not digits or digits.startswith(".") else digits
        return ReadMsg.leading_zero_older_yaml(text=_show(t), fixed=sign + digits)
    if re.fullmatch(r"[-+]?[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?", t):
        return ReadMsg.looks_like_time_older(text=_show(t))
    if "_" in t and re.fullmatch(r"[-+]?[0-9_]+(\.[0-9_]+)?", t):
        return ReadMsg.underscores_digits_alone(text=_show(t), fixed=t.replace("_", ""))
    if "," in t and re.fullmatch(r"[-+]?[0-9,]+(\.[0-9]+)?", t):
        return ReadMsg.thousands_separators_digits_alone(text=_show(t), fixed=t.replace(",", ""))
    if re.fullmatch(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+", t):
        return ReadMsg.exponent_notation_plain_decimal(text=_show(t))
    if t.startswith("+") and _DECIMAL.fullmatch(t[1:]):
        return ReadMsg.plus_sign(text=_show(t), fixed=t[1:])
    if re.fullmatch(r"0[xXoObB][0-9a-fA-F_]+", t):
        return ReadMsg.hexadecimal_octal_binary_literal(text=_show(t))
    if t.endswith("%") and _DECIMAL.fullmatch(t[:-1].strip()):
        return ReadMsg.percent_sign_report_count(text=_show(t), fixed=t[:-1].strip())
    if t.endswith(".") and _DECIMAL.fullmatch(t[:-1]):
        return ReadMsg.ends_dot(text=_show(t), fixed=t[:-1])
    m = re.fullmatch(r"(-?[0-9]+(\.[0-9]+)?)\s*(\D+)", folded)
    if m:
        word = m.group(3).strip()
        if multiplier_in(word):  # never "write 1.5" for 1.5万: that would change the magnitude
            prefix = word[: len(word) - len(_multiplier(word)[1])]
            return ReadMsg.multiplier_in_number(text=_show(t), word=_show(prefix))
        return ReadMsg.text_after_number_number(text=_show(t), number=m.group(1), extra=_show(m.group(3)))
    if re.fullmatch(r"-?\.[0-9]+", t):
        return ReadMsg.digit_before_dot(text=_show(t), fixed=t.replace(".", "0.", 1))
    return None


def _folded_hint(t: str, folded: str, form: re.Pattern[str], hint: Callable[[str], Message | None], what: Message) -> Message:
    """Text that NFKC changes (full-width digits, ：, ，, ①, ²…): say so, and what the ASCII form needs."""
    wide = any("\uff00" <= ch <= "\uffef" for ch in t)
    kind = ReadMsg.full_width_characters() if wide else ReadMsg.special_characters_such()
    if form.fullmatch(folded):
        return ReadMsg.uses_ascii_characters_2(text=_show(t), kind=kind, fixed=folded)
    more = hint(folded)
    return ReadMsg.uses_ascii_characters(
        text=_show(t), kind=kind, ascii=_show(folded), more=more if more else ReadMsg.as_written(what=what)
    )


def parse_number(raw: object) -> Fraction:
    """A plain decimal number (`150`, `12.5`, `-3`), exactly, as a Fraction."""
    if isinstance(raw, Fraction | int) and not isinstance(raw, bool):
        return Fraction(raw)
    if isinstance(raw, Quoted):
        if _DECIMAL.fullmatch(raw.strip()):
            raise MinzhengError(ReadMsg.quoted_text_number_without(text=_show(raw), fixed=_cut(raw.strip())), QUOTED_NUMBER)
        raise MinzhengError(_number_hint(raw) or _not_a_number(raw), BAD_NUMBER)
    if not isinstance(raw, str):
        raise MinzhengError(ReadMsg.expected_number_found(found=describe(raw)), WRONG_TYPE)
    if _DECIMAL.fullmatch(raw):
        return _bounded(raw)
    raise MinzhengError(_number_hint(raw) or _not_a_number(raw), BAD_NUMBER)


def whole_number(raw: object) -> int | None:
    """The int that plain text of ASCII digits stands for (`150`), or None for anything else — a sign, a dot, a
    leading zero, too many digits, quoted text — which `parse_number` then reads with all its rules. The fast
    path of a province's million values: no regular expression, no Fraction."""
    if isinstance(raw, str) and raw.__class__ is str and raw.isdigit() and raw.isascii() and len(raw) <= MAX_DIGITS \
            and (raw[0] != "0" or len(raw) == 1):
        return int(raw)
    return None


def _not_a_number(raw: str) -> Message:
    return ReadMsg.number_plain_decimal_number(text=_show(raw))


MAX_DIGITS = 15  # integer digits: beyond this no figure of a plan is meant, and floats lose exactness
MAX_DECIMALS = 10


def _bounded(text: str) -> Fraction:
    whole, _, decimals = text.lstrip("-").partition(".")
    if len(whole) > MAX_DIGITS:
        raise MinzhengError(ReadMsg.digits_more_figure_plan(text=_show(text), n=len(whole), max=MAX_DIGITS), BAD_NUMBER)
    if len(decimals) > MAX_DECIMALS:
        raise MinzhengError(ReadMsg.more_decimal_places_round(text=_show(text), max=MAX_DECIMALS), BAD_NUMBER)
    return Fraction(text)


def parse_int(raw: object) -> int:
    value = parse_number(raw)
    if value.denominator != 1:
        raise MinzhengError(ReadMsg.whole_number_whole_number(text=_show(str(raw))), BAD_NUMBER)
    return int(value)


def parse_date(raw: object) -> date:
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        raise MinzhengError(ReadMsg.expected_date_yyyy_mm(found=describe(raw)), BAD_DATE)
    t = raw.strip()
    if _DATE.fullmatch(t):
        try:
            return date.fromisoformat(t)
        except ValueError:
            raise MinzhengError(ReadMsg.real_calendar_date_date(text=_show(t)), BAD_DATE) from None
    folded = unicodedata.normalize("NFKC", t)
    if folded != t:
        raise MinzhengError(_folded_hint(t, folded, _DATE, _date_hint, ReadMsg.date_yyyy_mm_dd()), BAD_DATE)
    hint = _date_hint(t)
    if hint:
        raise MinzhengError(hint, BAD_DATE)
    raise MinzhengError(ReadMsg.date_date_form_yyyy(text=_show(t)), BAD_DATE)


def _date_hint(t: str) -> Message | None:
    m = re.fullmatch(r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?", t)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return ReadMsg.form_yyyy_mm_dd(text=_show(t), fixed=f"{y:04d}-{mo:02d}-{d:02d}")
    return None


def parse_text(raw: object) -> str:
    if isinstance(raw, str):
        return str(raw)
    raise MinzhengError(ReadMsg.expected_text_found(found=describe(raw)), WRONG_TYPE)


def describe(raw: object) -> Message | str:
    """What `raw` is, for a message ("found …"): a phrase, or the name of an unexpected type."""
    if raw is None:
        return ReadMsg.nothing_empty_value()
    if isinstance(raw, dict):
        return ReadMsg.a_mapping()
    if isinstance(raw, list):
        return ReadMsg.a_list()
    if isinstance(raw, str):
        return ReadMsg.a_text(text=_show(raw))
    if isinstance(raw, bool):  # a workbook's TRUE/FALSE cell
        return ReadMsg.a_truth_value(value="TRUE" if raw else "FALSE")
    if isinstance(raw, date):  # a workbook's date cell (a datetime too)
        return ReadMsg.a_date(date=raw.isoformat()[:10])
    if isinstance(raw, int | float):
        return ReadMsg.a_number(number=str(raw))
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


# Chinese multipliers, longest first so that 千万 is read before 万 (DESIGN §1.4: advice never changes magnitude)
MULTIPLIERS: tuple[tuple[str, int], ...] = (("十万", 10**5), ("百万", 10**6), ("千万", 10**7), ("亿", 10**8),
                                            ("万", 10**4), ("千", 10**3), ("百", 10**2), ("十", 10))
_WITH_WORD = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)\s*([^\s0-9].*)")


def _multiplier(word: str) -> tuple[int, str]:
    """万元 → (10000, "元"); 人 → (1, "人"): the multiplier a word starts with, and the rest of it."""
    for prefix, factor in MULTIPLIERS:
        if word.startswith(prefix):
            return factor, word[len(prefix):]
    return 1, word


def in_uom(text: str, uom: str | None) -> tuple[Fraction, str] | None:
    """A number written with a multiplier or unit word (`1.374万`, `238.2万元`, `2382000元`, `0.37万人`), as the
    number to write in `uom`, the indicator's own unit of measure, without changing its magnitude: 1.374万 in
    元/人/年 is 13740, 238.2万 in 万元 is 238.2, 2382000元 in 万元 is 238.2. Returns (number, the word that was
    written after the digits), or None when the text is no such number, when no multiplier is involved (150人 for
    人: the usual advice, write 150, says it), or when its unit word is not `uom`'s (1.5万户 for 人, or any word
    for a percentage: no conversion is safe). `uom` None (a ratio's numerator or denominator): the multiplier
    alone counts, whatever it multiplies (3.1万人 is 31000)."""
    found = _WITH_WORD.fullmatch(unicodedata.normalize("NFKC", text.strip()))
    if found is None or (uom is not None and "%" in uom):
        return None
    digits, word = found.group(1), found.group(2).strip()
    factor, rest = _multiplier(word)
    own = (uom or "").split("/")[0]  # 元 of 元/人/年, 万元, 人次, 张 …
    own_factor, own_base = _multiplier(own)
    if factor == own_factor == 1 or (uom is not None and rest and rest not in (own_base, uom, own)):
        return None
    return Fraction(digits) * factor / own_factor, word


def multiplier_in(word: str) -> bool:
    """Whether a word written after a number starts with a Chinese multiplier (万, 千, 亿 …)."""
    return _multiplier(word)[0] != 1
