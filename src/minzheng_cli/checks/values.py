"""Rules for a report's values (DESIGN §1.3–1.4): each typed against its indicator, or refused."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from minzheng_cli.catalogue import Message, quote
from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import CheckMsg, WorkbookMsg, suggestion
from minzheng_cli.checks import Context, Problem, Rule
from minzheng_cli.checks.shape import MISSING_KEY, UNKNOWN_KEY
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model import scalars
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.model.files import MILESTONE_WORDS, Indicator, Ratio, Targets, Value, counts_whole
from minzheng_cli.model.scalars import WRONG_TYPE, number_text
from minzheng_cli.read.yamldoc import KEY, Path

UNKNOWN_INDICATOR = Code("unknown-indicator", "error", Meaning.unknown_indicator)
NOT_REPORTED_BY_UNIT = Code("not-reported-by-unit", "error", Meaning.not_reported_by_unit)
BAD_STATUS = Code("bad-status", "error", Meaning.bad_status)
NEGATIVE_VALUE = Code("negative-value", "error", Meaning.negative_value)
NUMERATOR_EXCEEDS_DENOMINATOR = Code("numerator-exceeds-denominator", "error", Meaning.numerator_exceeds_denominator)
ZERO_DENOMINATOR = Code("zero-denominator", "error", Meaning.zero_denominator)
NOT_WHOLE_NUMBER = Code("not-whole-number", "error", Meaning.not_whole_number)


def known_indicator(targets: Targets, ind_id: str, at: Path, ctx: Context) -> Rule[Indicator | None]:
    ind = targets.indicator(ind_id)
    if ind is None:
        hint = ctx.closest(ind_id, lambda: [i.id for i in targets.indicators])  # a 13,000-id plan: made only while shown
        yield Problem(at, UNKNOWN_INDICATOR, CheckMsg.indicator_targets_yaml(id=ind_id, hint=suggestion(hint)))
    return ind


def check(targets: Targets, unit_id: str, values: dict[str, Any], notes: dict[str, Any], ctx: Context) -> Rule[dict[str, Value]]:
    """Type each reported value against its indicator; values that fail are reported and left out."""
    typed: dict[str, Value] = {}
    unit = targets.unit(unit_id)
    indicators = targets.indicators_by_id
    for ind_id, raw in values.items():
        ind = indicators.get(ind_id)
        if ind is not None and unit is not None and targets.reports(unit, ind):
            fast = _plain(ind, raw)  # the usual value, typed without the rules' machinery
            if fast is not None:
                typed[ind_id] = fast
                continue
        at: Path = ("values", ind_id)
        ind = yield from known_indicator(targets, ind_id, (*at, KEY), ctx)
        if ind is None:
            continue
        if unit is not None and not targets.reports(unit, ind):
            who = CheckMsg.the_district_unit() if ind.reported_by == "district" else CheckMsg.the_townships()
            yield Problem(
                (*at, KEY),
                NOT_REPORTED_BY_UNIT,
                CheckMsg.indicator_reported_remove_report(id=ind_id, name=ind.name, who=who, unit=unit_id),
            )
            continue
        value = yield from _typed_value(ind, raw, at, ctx)
        if value is not None:
            typed[ind_id] = value
    for ind_id in notes:
        yield from known_indicator(targets, ind_id, ("notes", ind_id, KEY), ctx)
    return typed


def _plain(ind: Indicator, raw: Any) -> Value | None:
    """A count written as plain digits, or a ratio of two such parts that passes its checks; None for anything
    else (`_typed_value` judges it)."""
    if ind.measure == "count" and ind.kind != "milestone":
        whole = scalars.whole_number(raw)
        return None if whole is None else Fraction(whole)
    if ind.measure == "ratio" and raw.__class__ is dict and len(raw) == 2:
        numerator = scalars.whole_number(raw.get("numerator"))
        denominator = scalars.whole_number(raw.get("denominator"))
        if numerator is None or not denominator or (ind.factor == 100 and numerator > denominator):
            return None
        return Ratio(Fraction(numerator), Fraction(denominator))
    return None


def _typed_value(ind: Indicator, raw: Any, at: Path, ctx: Context) -> Rule[Value | None]:
    if ind.kind == "milestone":
        word = raw.strip() if isinstance(raw, str) else raw
        if isinstance(word, str) and word in MILESTONE_WORDS:
            return MILESTONE_WORDS[word]
        old = isinstance(word, str) and word.lower() in scalars.YAML11_WORDS
        yield Problem(
            at,
            BAD_STATUS,
            CheckMsg.milestone_status_started_progress(
                id=ind.id, found=scalars.describe(raw), old=CheckMsg.older_yaml_reads_true() if old else ""
            ),
        )
        return None
    if ind.measure == "ratio":
        return (yield from _ratio(ind, raw, at, ctx))
    if isinstance(raw, dict | list):
        yield Problem(
            at, WRONG_TYPE, CheckMsg.counted_number_found(id=ind.id, name=ind.name, uom=str(ind.uom), found=scalars.describe(raw))
        )
        return None
    number = yield from _number(ind, raw, at, "", ctx)
    return number


def _number(ind: Indicator, raw: Any, at: Path, part: str, ctx: Context) -> Rule[Fraction | None]:
    """`part`: "numerator" or "denominator" of a ratio, or "" for a count. A number written with a multiplier or
    unit word gets the number to write in the indicator's own unit of measure, never one of another magnitude
    (DESIGN §1.4); a fraction where whole things are counted is refused."""
    try:
        number = scalars.parse_number(raw)
    except MinzhengError as err:
        what = (CheckMsg.expects_number(id=ind.id, part=_part(part)) if part
                else CheckMsg.expects_number_2(id=ind.id, uom=str(ind.uom)))
        reason = _in_uom(ind, raw, part) or err.detail
        yield Problem(at, err.file_code(), CheckMsg.what_reason(what=what, reason=reason))
        return None
    if number < 0:
        if part:
            yield Problem(at, NEGATIVE_VALUE, CheckMsg.cannot_negative(id=ind.id, part=_part(part), number=number_text(number)))
        else:
            yield Problem(at, NEGATIVE_VALUE, CheckMsg.cannot_negative_2(id=ind.id, number=number_text(number)))
        return None
    if number.denominator != 1 and counts_whole(ind):
        shown = number_text(number)
        if part:
            message = CheckMsg.not_whole_part(id=ind.id, name=ind.name, part=_part(part), number=shown)
        else:
            message = CheckMsg.not_whole_count(id=ind.id, name=ind.name, uom=str(ind.uom), number=shown)
        yield Problem(at, NOT_WHOLE_NUMBER, message)
        return None
    return number


def _part(part: str) -> Message:
    """A ratio's part in the words of the message's language: 分子/分母 in Chinese, numerator/denominator."""
    return WorkbookMsg.the_numerator() if part == "numerator" else WorkbookMsg.the_denominator()


def _in_uom(ind: Indicator, raw: Any, part: str) -> Message | None:
    """The advice for a number written with a multiplier or unit word: the same amount in the indicator's unit."""
    if not isinstance(raw, str):
        return None
    found = scalars.in_uom(raw, None if part else ind.uom)
    if found is None:
        return None
    fixed, word = number_text(found[0]), found[1]
    text, shown = quote(raw), quote(word)
    if found[0].denominator != 1 and counts_whole(ind):
        return CheckMsg.number_in_uom_not_whole(text=text, word=shown, fixed=fixed, uom=str(ind.uom or ""))
    if part:
        return CheckMsg.number_in_part(text=text, word=shown, fixed=fixed)
    return CheckMsg.number_in_uom(text=text, word=shown, fixed=fixed, uom=str(ind.uom))


_RATIO_EXAMPLE = "{numerator: 40, denominator: 45}"


def _ratio(ind: Indicator, raw: Any, at: Path, ctx: Context) -> Rule[Ratio | None]:
    if not isinstance(raw, dict):
        yield Problem(
            at, WRONG_TYPE, CheckMsg.ratio_found(id=ind.id, name=ind.name, example=_RATIO_EXAMPLE, found=scalars.describe(raw))
        )
        return None
    ok = True
    for key in raw:
        if key not in ("numerator", "denominator"):
            hint = ctx.closest(key, ["numerator", "denominator"])
            yield Problem(
                (*at, key, KEY),
                UNKNOWN_KEY,
                CheckMsg.unknown_key_ratio_keys(key=key, hint=CheckMsg.did_you_mean_paren(x=hint) if hint else ""),
            )
            ok = False
    parts: dict[str, Fraction | None] = {}
    for key in ("numerator", "denominator"):
        if key not in raw:
            yield Problem(at, MISSING_KEY, CheckMsg.ratio_needs(id=ind.id, key=key, example=_RATIO_EXAMPLE))
            ok = False
            continue
        parts[key] = yield from _number(ind, raw[key], (*at, key), key, ctx)
    num, den = parts.get("numerator"), parts.get("denominator")
    if not ok or num is None or den is None:
        return None
    if den == 0:
        yield Problem((*at, "denominator"), ZERO_DENOMINATOR, CheckMsg.denominator_ratio_needs_denominator(id=ind.id))
        return None
    if ind.factor == 100 and num > den:
        yield Problem(
            (*at, "numerator"),
            NUMERATOR_EXCEEDS_DENOMINATOR,
            CheckMsg.percentage_numerator_cannot_exceed(id=ind.id, numerator=number_text(num), denominator=number_text(den)),
        )
        return None
    return Ratio(num, den)
