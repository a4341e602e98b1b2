"""`minzheng report --format json`: the weekly report as data, the document of DESIGN §3.2.

Built from the same `Weekly` the text, Markdown and HTML reports are written from, and holding nothing they do
not say. Numbers as in `status --format json`: shares (gap, completion, rates, scores) rounded to 4 decimals,
figures of ratio indicators too; counts keep every decimal they have; unknown values are null. Codes, never
words, except the messages of `checks`, which are in the language asked for.

Beyond the keys of §3.2: a milestone's change carries `state_from` and `state_to` (its state as reported, as a
milestone carries `state` in §3.1), and a ranking entry its `rank` (equal keys share one, as the text shows).
"""

from __future__ import annotations

from typing import Any

from minzheng_cli.catalogue import Lang
from minzheng_cli.engine.status import IndicatorResult
from minzheng_cli.engine.weekly import Alert, Change, Check, DueSoon, Projection, Weekly
from minzheng_cli.model.jsontext import json_text
from minzheng_cli.render.fmt import DECIMALS, json_number, json_share


def _decimals(result: IndicatorResult) -> int | None:
    return DECIMALS if result.indicator.measure == "ratio" else None


def change_entry(change: Change) -> dict[str, Any]:
    old, new = change.old, change.new
    decimals = _decimals(new)
    entry: dict[str, Any] = {
        "id": new.id,
        "from": json_number(old.actual, decimals),
        "to": json_number(new.actual, decimals),
        "status_from": old.status,
        "status_to": new.status,
    }
    if new.indicator.kind == "milestone":
        entry["state_from"], entry["state_to"] = old.state, new.state
    # a unit's delta where the report shows one (a cumulative count), else null
    entry["units"] = [{"unit": m.unit, "delta": json_number(m.delta, decimals) if change.counted else None}
                      for m in change.units]
    return entry


def _projection(projection: Projection | None) -> dict[str, Any] | None:
    if projection is None:
        return None
    return {"value": json_number(projection.value, DECIMALS), "completion": json_share(projection.completion)}


def warning_entry(alert: Alert) -> dict[str, Any]:
    r = alert.result
    return {
        "id": r.id,
        "status": r.status,
        "light": r.light,
        "gap": json_share(r.gap / 100) if r.gap is not None else None,
        "units": [u.unit for u in alert.responsible],
        "projection": _projection(alert.projection),
    }


def due_entry(item: DueSoon) -> dict[str, Any]:
    return {"id": item.result.id, "due": item.result.due.isoformat(), "days": item.days_left,
            "state": item.result.state}


def check_entry(check: Check, lang: Lang) -> dict[str, Any]:
    return {"path": check.path, "code": check.diagnostic.code, "message": check.diagnostic.text(lang)}


def report_document(weekly: Weekly, lang: Lang) -> dict[str, Any]:
    """The §3.2 document of one weekly report."""
    plan = weekly.targets.plan
    result = weekly.current.result
    period = weekly.period
    rep = weekly.reporting
    year = rep.year
    return {
        "plan": {"id": plan.id, "title": plan.title},
        "sample": weekly.sample,
        "period": {"kind": weekly.kind, "label": period.label, "start": period.start.isoformat(),
                   "end": period.end.isoformat()},
        "as_of": weekly.as_of.isoformat(),
        "compared_with": weekly.compared_with.isoformat(),
        "summary": {"indicators": len(result.indicators), "by_status": result.by_status(),
                    "by_light": result.by_light()},
        "changes": [change_entry(c) for c in weekly.changes],
        "warnings": [warning_entry(a) for a in weekly.alerts],
        "due_soon": [due_entry(d) for d in weekly.due_soon],
        "checks": [check_entry(c, lang) for c in weekly.checks],
        "reporting": {
            "expected": len(rep.expected),
            "reported": rep.reported,
            "missing": list(rep.missing),
            "rejected": list(rep.rejected),
            "late": [s.unit for s in rep.late],
            "within_deadline": list(rep.within_deadline),
            "year": {"expected": year.expected, "reported": year.reported, "on_time": year.on_time},
        },
        "ranking": [{"unit": e.unit, "rank": e.rank, "score": json_share(e.score),
                     "reporting_rate": json_share(e.reporting_rate), "on_time_rate": json_share(e.on_time_rate)}
                    for e in weekly.ranking],
    }


def as_json(weekly: Weekly, lang: Lang) -> str:
    return json_text(report_document(weekly, lang))
