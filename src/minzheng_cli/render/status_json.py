"""`minzheng status --format json`: the document of DESIGN §3.1.

Numbers: an integral value is an int; otherwise a float. Fractions (completion, progress, pace) and the
target, actual and quota of ratio indicators are rounded to 4 decimals; counts keep every decimal they have.
Unknown values are null.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from minzheng_cli.engine.status import IndicatorResult, StatusResult, UnitResult
from minzheng_cli.model.files import Targets

DECIMALS = 4


def number(value: Fraction | None, decimals: int | None = None) -> int | float | None:
    """A JSON number: int when integral, else float (rounded to `decimals` when given); None stays None."""
    if value is None:
        return None
    if value.denominator == 1:
        return int(value)
    if decimals is None:
        return float(value)
    return round(float(value), decimals)


def fraction(value: Fraction | None) -> int | float | None:
    """A share (completion, progress, pace), rounded to 4 decimals."""
    return number(value, DECIMALS)


def _unit(result: UnitResult, decimals: int | None) -> dict[str, Any]:
    return {
        "unit": result.unit,
        "actual": number(result.actual, decimals),
        "quota": number(result.quota, decimals),
        "completion": fraction(result.completion),
        "progress": fraction(result.progress),
        "status": result.status,
        "light": result.light,
    }


def indicator_entry(result: IndicatorResult) -> dict[str, Any]:
    indicator = result.indicator
    decimals = DECIMALS if indicator.measure == "ratio" else None
    return {
        "id": indicator.id,
        "task": indicator.task,
        "name": indicator.name,
        "kind": indicator.kind,
        "uom": indicator.uom,
        "reported_by": indicator.reported_by,
        "target": number(result.target, decimals),
        "actual": number(result.actual, decimals),
        "completion": fraction(result.completion),
        "progress": fraction(result.progress),
        "pace": fraction(result.pace),
        "status": result.status,
        "light": result.light,
        "units": [_unit(u, decimals) for u in result.units],
    }


def status_document(targets: Targets, result: StatusResult) -> dict[str, Any]:
    """The §3.1 document for the indicators in `result` (already filtered by the caller, if at all)."""
    return {
        "plan": {"id": targets.plan.id, "title": targets.plan.title},
        "as_of": result.as_of.isoformat(),
        "indicators": [indicator_entry(r) for r in result.indicators],
        "summary": {
            "indicators": len(result.indicators),
            "by_status": result.by_status(),
            "by_light": result.by_light(),
        },
    }
