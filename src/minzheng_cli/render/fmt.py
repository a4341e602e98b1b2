"""How numbers look, to a reader and to a program: 150人, 53.3%, 6月30日, 绿灯; 0.5333 in JSON and CSV.

The one module of number-to-text functions, shared by every renderer.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from minzheng_cli.catalogue import Lang
from minzheng_cli.catalogue.words import MONTHS, Light, Milestone, Pending, Status, Words, word
from minzheng_cli.engine.status import IndicatorResult, UnitResult
from minzheng_cli.model.files import Indicator

DASH = "—"
DECIMALS = 4  # JSON and CSV: shares, and the figures of ratio indicators


# ----------------------------------------------------------------------------------------------------
# for programs (JSON, CSV)


def json_number(value: Fraction | None, decimals: int | None = None) -> int | float | None:
    """A JSON number: int when integral, else float (rounded to `decimals` when given); None stays None."""
    if value is None:
        return None
    if value.denominator == 1:
        return int(value)
    if decimals is None:
        return float(value)
    return round(float(value), decimals)


def json_share(value: Fraction | None) -> int | float | None:
    """A share (completion, progress, pace) as a JSON number, rounded to 4 decimals."""
    return json_number(value, DECIMALS)


# ----------------------------------------------------------------------------------------------------
# for readers


def number(value: Fraction | None, decimals: int = 2) -> str:
    """150, 12.5, 87.33: integral values without decimals, others to at most `decimals` places."""
    if value is None:
        return DASH
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.{decimals}f}".rstrip("0").rstrip(".")
    return text


def with_uom(value: Fraction | None, uom: str | None) -> str:
    """150人, 12.5万元, 87.3%: a value in a percentage unit has one decimal like every percentage (89.0%), none
    when whole (a target of 90%)."""
    if value is None:
        return DASH
    if uom == "%" and value.denominator != 1:
        return f"{float(value):.1f}%"
    return f"{number(value)}{uom or ''}"


def percent(share: Fraction | None) -> str:
    """A share as a percentage with one decimal: 0.5333 → 53.3%."""
    if share is None:
        return DASH
    return f"{float(share) * 100:.1f}%"


def pace(share: Fraction | None) -> str:
    """序时进度: a whole percentage without decimals, as a 周报 writes it (6/12 → 50%), else as `percent` (58.3%)."""
    if share is not None and (share * 100).denominator == 1:
        return f"{share * 100}%"
    return percent(share)


def points(gap: Fraction | None) -> str:
    """A gap in percentage points, one decimal: 12.5 → 12.5个百分点 is left to the caller's words."""
    return DASH if gap is None else f"{float(gap):.1f}"


def signed(delta: Fraction | None, uom: str | None) -> str:
    """A change with its sign and unit: +12人, -3个; — when unknown."""
    if delta is None:
        return DASH
    return ("+" if delta >= 0 else "-") + with_uom(abs(delta), uom)


def day(value: date, lang: Lang, year: int) -> str:
    """A date in running text: 6月30日 / 30 Jun, with its year only when it is not `year` (the plan's)."""
    month = MONTHS[value.month - 1].render(lang)
    if value.year == year:
        return Words.day.format(lang, month=month, day=value.day)
    return Words.day_with_year.format(lang, year=value.year, month=month, day=value.day)


def status_word(status: str | None, lang: Lang, state: str | None = None) -> str:
    """The status word; a pending milestone's follows its state (未开始 / 推进中, DESIGN §2.5)."""
    if status == "pending" and state in ("not_started", "in_progress"):
        return word(Pending, state, lang)
    return word(Status, status, lang)


def result_status(result: IndicatorResult, lang: Lang) -> str:
    """An indicator's status word, as `status_word` with its milestone state."""
    return status_word(result.status, lang, result.state)


def state_word(state: str | None, lang: Lang) -> str:
    """A milestone's state as reported: 未开始, 进行中, 已完成 (— without a value)."""
    return word(Milestone, state, lang)


def light_word(light: str | None, lang: Lang) -> str:
    return word(Light, light, lang)


def target_text(result: IndicatorResult) -> str:
    """The target in running text: 150人; a cap's as its number (the phrase says 上限: 上限3个)."""
    ind = result.indicator
    if ind.kind == "milestone":
        return DASH
    return with_uom(result.target, ind.uom)


CAP = "≤"  # before a cap's target in a table cell: ≤3个


def target_cell(result: IndicatorResult, target: Fraction | None = None) -> str:
    """The target in a table cell: 150人, ≤3个 for a cap, — for a milestone; `target` instead of the
    indicator's (a township's quota)."""
    ind = result.indicator
    if ind.kind == "milestone":
        return DASH
    shown = with_uom(result.target if target is None else target, ind.uom)
    return CAP + shown if ind.kind == "cap" and shown != DASH else shown


def value_text(indicator: Indicator, value: Fraction | None, lang: Lang, townships: int | None = None,
               state: str | None = None) -> str:
    """A value as a reader wants it: 80人, 87.33%, 3/10 for a district total of a township milestone
    (`townships` given), and a single unit's milestone as reported (`state`: 未开始, 进行中, 已完成)."""
    if value is None:
        return DASH
    if indicator.kind == "milestone":
        if townships is not None and indicator.reported_by == "townships":
            return f"{number(value)}/{townships}"
        return state_word(state or ("done" if value == 1 else "in_progress"), lang)
    return with_uom(value, indicator.uom)


def actual_text(result: IndicatorResult, lang: Lang, townships: int) -> str:
    """The district actual: 80人, 87.33%, 未开始 / 进行中 / 已完成, 3/10."""
    return value_text(result.indicator, result.actual, lang, townships, result.state)


def unit_actual_text(result: IndicatorResult, unit: UnitResult, lang: Lang) -> str:
    return value_text(result.indicator, unit.actual, lang, state=unit.state)


def bar(share: Fraction | None, width: int = 10) -> str:
    """A small horizontal bar for a share (clamped to 0–1): ██████░░░░."""
    if share is None:
        return " " * width
    filled = round(max(0.0, min(1.0, float(share))) * width)
    return "█" * filled + "░" * (width - filled)


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[Fraction | None]) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        elif span == 0:
            out.append(SPARKS[-1] if high else SPARKS[0])
        else:
            out.append(SPARKS[int((v - low) / span * (len(SPARKS) - 1))])
    return "".join(out)
