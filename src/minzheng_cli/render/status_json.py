"""`minzheng status --format json`: the document of DESIGN §3.1.

Numbers: an integral value is an int; otherwise a float. Fractions (completion, progress, pace) and the
target, actual and quota of ratio indicators are rounded to 4 decimals; counts keep every decimal they have.
Unknown values are null. A milestone and each of its unit rows carry `state`, the word as reported (§2.2); the
document carries `sample`, true when the data folder is marked illustrative (DESIGN §1).
"""

from __future__ import annotations

from typing import Any

from minzheng_cli.engine.status import IndicatorResult, StatusResult, UnitResult
from minzheng_cli.model.files import Targets
from minzheng_cli.render.fmt import DECIMALS, json_number, json_share


def _unit(result: UnitResult, decimals: int | None, milestone: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "unit": result.unit,
        "actual": json_number(result.actual, decimals),
        "quota": json_number(result.quota, decimals),
        "completion": json_share(result.completion),
        "progress": json_share(result.progress),
        "status": result.status,
        "light": result.light,
    }
    if milestone:
        entry["state"] = result.state
    return entry


def indicator_entry(result: IndicatorResult) -> dict[str, Any]:
    indicator = result.indicator
    decimals = DECIMALS if indicator.measure == "ratio" else None
    milestone = indicator.kind == "milestone"
    entry: dict[str, Any] = {
        "id": indicator.id,
        "task": indicator.task,
        "name": indicator.name,
        "kind": indicator.kind,
        "uom": indicator.uom,
        "reported_by": indicator.reported_by,
        "target": json_number(result.target, decimals),
        "actual": json_number(result.actual, decimals),
        "completion": json_share(result.completion),
        "progress": json_share(result.progress),
        "pace": json_share(result.pace),
        "status": result.status,
        "light": result.light,
    }
    if milestone:
        entry["state"] = result.state
    entry["units"] = [_unit(u, decimals, milestone) for u in result.units]
    return entry


def status_document(targets: Targets, result: StatusResult, sample: bool = False) -> dict[str, Any]:
    """The §3.1 document for the indicators in `result` (already filtered by the caller, if at all); `sample`
    when the data are illustrative."""
    return {
        "plan": {"id": targets.plan.id, "title": targets.plan.title},
        "sample": sample,
        "as_of": result.as_of.isoformat(),
        "indicators": [indicator_entry(r) for r in result.indicators],
        "summary": {
            "indicators": len(result.indicators),
            "by_status": result.by_status(),
            "by_light": result.by_light(),
        },
    }
