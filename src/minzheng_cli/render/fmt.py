"""How numbers and words look to a reader: 150人, 53.3%, 绿灯. Shared by every human-facing renderer."""

from __future__ import annotations

from fractions import Fraction

from minzheng_cli.engine.status import IndicatorResult, UnitResult
from minzheng_cli.i18n import LIGHT, MILESTONE, STATUS, Lang, word
from minzheng_cli.model.files import Indicator

DASH = "—"


def number(value: Fraction | None, decimals: int = 2) -> str:
    """150, 12.5, 87.33: integral values without decimals, others to at most `decimals` places."""
    if value is None:
        return DASH
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.{decimals}f}".rstrip("0").rstrip(".")
    return text


def with_uom(value: Fraction | None, uom: str | None) -> str:
    if value is None:
        return DASH
    return f"{number(value)}{uom or ''}"


def percent(share: Fraction | None) -> str:
    """A share as a percentage with one decimal: 0.5333 → 53.3%."""
    if share is None:
        return DASH
    return f"{float(share) * 100:.1f}%"


def points(gap: Fraction | None) -> str:
    """A gap in percentage points, one decimal: 12.5 → 12.5个百分点 is left to the caller's words."""
    return DASH if gap is None else f"{float(gap):.1f}"


def status_word(status: str | None, lang: Lang) -> str:
    return word(STATUS, status, lang)


def light_word(light: str | None, lang: Lang) -> str:
    return word(LIGHT, light, lang)


def target_text(result: IndicatorResult) -> str:
    ind = result.indicator
    if ind.kind == "milestone":
        return DASH
    return with_uom(result.target, ind.uom)


def value_text(indicator: Indicator, value: Fraction | None, lang: Lang, townships: int | None = None) -> str:
    """A value as a reader wants it: 80人, 87.33%, 已完成, or 3/10 for a district total of a township
    milestone (`townships` given); a single unit's milestone value (1 or 0) is 已完成 or 进行中."""
    if value is None:
        return DASH
    if indicator.kind == "milestone":
        if townships is not None and indicator.reported_by == "townships":
            return f"{number(value)}/{townships}"
        return word(MILESTONE, "done" if value == 1 else "in_progress", lang)
    return with_uom(value, indicator.uom)


def actual_text(result: IndicatorResult, lang: Lang, townships: int) -> str:
    """The district actual: 80人, 87.33%, 已完成, 3/10."""
    return value_text(result.indicator, result.actual, lang, townships)


def unit_actual_text(result: IndicatorResult, unit: UnitResult, lang: Lang) -> str:
    return value_text(result.indicator, unit.actual, lang)


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
