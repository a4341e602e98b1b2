"""Checks that need more than one field: the plan (DESIGN §1.1), the breakdown (§1.2), report values
against the plan and across reports (§1.3–1.4). Each returns diagnostics placed on the offending node."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from typing import Any

from minzheng_cli import scalars
from minzheng_cli.diagnostics import MAX_PER_FILE, Diagnostic
from minzheng_cli.models import MILESTONE_WORDS, Breakdown, Indicator, Ratio, Report, Targets, Value
from minzheng_cli.yamlread import KEY, Document, Path


class Emitter:
    """Places each diagnostic on the node at `path` and adds it to `out`."""

    def __init__(self, doc: Document, display: str, out: list[Diagnostic]) -> None:
        self.doc, self.display, self.out = doc, display, out

    def __call__(self, path: Path, code: str, message: str) -> None:
        mark = self.doc.mark(path)
        self.out.append(Diagnostic.make(self.display, mark.line, mark.column, code, message))

    @property
    def crowded(self) -> bool:
        """Enough diagnostics for this file that no more will be shown: skip costly suggestions (difflib)."""
        return len(self.out) >= MAX_PER_FILE


Emit = Emitter


def emitter(doc: Document, display: str, out: list[Diagnostic]) -> Emitter:
    return Emitter(doc, display, out)


def _closest(word: str, choices: list[str], emit: Emit) -> str | None:
    return None if emit.crowded else scalars.closest(word, choices)


def _fmt(number: Fraction) -> str:
    return str(number.numerator) if number.denominator == 1 else f"{float(number):g}"


def plan_checks(targets: Targets, emit: Emit) -> None:
    plan = targets.plan
    if plan.start > plan.end:
        emit(("plan", "start"), "plan-period", f"the plan starts ({plan.start}) after it ends ({plan.end})")
    lights = plan.lights
    if not 0 <= lights.tolerance <= lights.red:
        emit(("plan", "lights"), "lights-order",
             f"lights need 0 ≤ tolerance ≤ red; found tolerance {_fmt(lights.tolerance)}, red {_fmt(lights.red)}")
    _unique(((("units", i, "id"), u.id) for i, u in enumerate(targets.units)), "unit", emit)
    _unique(((("indicators", i, "id"), x.id) for i, x in enumerate(targets.indicators)), "indicator", emit)
    districts = [i for i, u in enumerate(targets.units) if u.kind == "district"]
    if len(districts) != 1:
        where: Path = ("units", districts[1], "kind") if len(districts) > 1 else ("units",)
        emit(where, "district-unit", f"the plan needs exactly one unit of kind district; found {len(districts)}")
    for i, task in enumerate(targets.tasks):
        if task.number != i + 1:
            emit(("tasks", i, "number"), "task-numbering",
                 f"task {task.number} stands in place {i + 1}; number the tasks 1, 2, 3 … in order, "
                 "without gaps or repeats")
            break
    task_numbers = {t.number for t in targets.tasks}
    by_id: dict[str, Indicator] = {}
    for x in targets.indicators:
        by_id.setdefault(x.id, x)  # the first of duplicates: the others are reported as duplicate-id
    for i, ind in enumerate(targets.indicators):
        _indicator_checks(targets, ind, ("indicators", i), task_numbers, by_id, emit)


def _numbers(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    if not ordered:
        return "there are none"
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


_FIELD_HINTS = {
    "measure": "`measure: count` (one number) or `measure: ratio` (numerator and denominator)",
    "factor": "`factor: 100` for a percentage or `factor: 10000` for per 10,000",
    "target": "`target:` with the number the plan sets",
    "uom": "`uom:` with the unit of measure the figures count in (人, 户, 万元, %…)",
}


def _unique(items: Iterable[tuple[Path, str]], what: str, emit: Emit) -> None:
    seen: set[str] = set()
    for path, value in items:
        if value in seen:
            emit(path, "duplicate-id", f"{what} id '{value}' is used twice; give each {what} its own id")
        seen.add(value)


def _indicator_checks(targets: Targets, ind: Indicator, at: Path, task_numbers: set[int],
                      by_id: dict[str, Indicator], emit: Emit) -> None:
    if ind.task not in task_numbers:
        emit((*at, "task"), "unknown-task",
             f"task {ind.task} does not exist; write the number of a task listed under `tasks` ({_numbers(task_numbers)})")
    prefix = ind.id.split(".", 1)[0]
    if prefix != str(ind.task) or "." not in ind.id:
        emit((*at, "id"), "id-task-mismatch",
             f"indicator id '{ind.id}' must have the form <task>.<n> with <task> = {ind.task}, e.g. '{ind.task}.1'")
    needs: dict[str, bool]
    if ind.kind == "milestone":
        needs = {"measure": False, "factor": False, "target": False, "uom": False}
    else:
        needs = {"measure": True, "target": True, "uom": True, "factor": ind.measure == "ratio"}
    for name, needed in needs.items():
        present = getattr(ind, name) is not None
        if needed and not present:
            emit(at, "missing-field", f"indicator {ind.id} ({ind.kind}, {ind.measure or 'no measure'}) needs `{name}`: "
                 f"add {_FIELD_HINTS[name]}")
        elif present and not needed:
            emit((*at, name), "unexpected-field",
                 f"indicator {ind.id} is a {ind.kind}"
                 f"{' counted, not a ratio' if name == 'factor' and ind.kind != 'milestone' else ''}; "
                 f"remove `{name}`")
    if ind.target is not None and ind.target <= 0 and not (ind.kind == "cap" and ind.target == 0):
        emit((*at, "target"), "target-not-positive",
             f"target {_fmt(ind.target)} must be above 0 (only a cap may be 0)")
    if ind.due is not None and not targets.plan.start <= ind.due <= targets.plan.end:
        emit((*at, "due"), "due-outside-plan",
             f"due {ind.due} is outside the plan period {targets.plan.start} – {targets.plan.end}")
    if ind.parent is not None:
        parent = by_id.get(ind.parent)
        if parent is None or parent is ind:
            hint = _closest(ind.parent, list(by_id), emit)
            emit((*at, "parent"), "unknown-parent", f"parent '{ind.parent}' is not another indicator"
                 + (f"; did you mean '{hint}'?" if hint and hint != ind.id else ""))
        elif parent.uom != ind.uom and parent.uom is not None and ind.uom is not None:
            emit((*at, "uom"), "parent-uom",
                 f"indicator {ind.id} counts in {ind.uom} but its parent {parent.id} in {parent.uom}; "
                 "a part must have its whole's unit of measure")


def breakdown_checks(targets: Targets, breakdown: Breakdown, emit: Emit) -> None:
    township_ids = [u.id for u in targets.townships]
    for ind_id, quotas in breakdown.quotas.items():
        at: Path = ("quotas", ind_id)
        ind = _known_indicator(targets, ind_id, (*at, KEY), emit)
        if ind is None:
            continue
        if ind.reported_by != "townships" or ind.kind not in ("cumulative", "level"):
            emit((*at, KEY), "quota-not-allowed",
                 f"indicator {ind_id} is a {ind.kind} reported by {ind.reported_by}; quotas are only for "
                 "township-reported cumulative or level indicators")
            continue
        for unit_id, quota in quotas.items():
            if unit_id not in township_ids:
                hint = _closest(unit_id, township_ids, emit)
                emit((*at, unit_id, KEY), "unknown-unit", f"'{unit_id}' is not a township unit of the plan"
                     + (f"; did you mean '{hint}'?" if hint else ""))
            if quota <= 0:
                emit((*at, unit_id), "quota-not-positive",
                     f"quota {_fmt(quota)} for {unit_id} must be above 0; leave the unit out if it has no quota")
        total = sum(quotas.values(), Fraction(0))
        if ind.measure == "count" and ind.target is not None and total < ind.target:
            emit((*at, KEY), "quota-sum-short",
                 f"the quotas of {ind_id} add up to {_fmt(total)}, less than the target {_fmt(ind.target)} {ind.uom}; "
                 "raise them so that they cover the target")
    for ind_id, baseline in breakdown.baselines.items():
        at = ("baselines", ind_id)
        ind = _known_indicator(targets, ind_id, (*at, KEY), emit)
        if ind is None:
            continue
        if ind.kind != "level":
            emit((*at, KEY), "baseline-not-allowed", f"indicator {ind_id} is a {ind.kind}; baselines are for level "
                 "indicators only: remove this entry")
        elif baseline < 0:
            emit(at, "negative-value", f"baseline {_fmt(baseline)} of {ind_id} cannot be negative")
        elif ind.target is not None and baseline >= ind.target:
            emit(at, "baseline-not-below-target",
                 f"baseline {_fmt(baseline)} must be below the target {_fmt(ind.target)} {ind.uom} "
                 "(the level where the plan period starts); check the figure")


def _known_indicator(targets: Targets, ind_id: str, at: Path, emit: Emit) -> Indicator | None:
    ind = targets.indicator(ind_id)
    if ind is None:
        hint = _closest(ind_id, [i.id for i in targets.indicators], emit)
        emit(at, "unknown-indicator", f"indicator '{ind_id}' is not in targets.yaml"
             + (f"; did you mean '{hint}'?" if hint else ""))
    return ind


def report_values(targets: Targets, unit_id: str, values: dict[str, Any], notes: dict[str, Any],
                  emit: Emit) -> dict[str, Value]:
    """Type each reported value against its indicator; values that fail are reported and left out."""
    typed: dict[str, Value] = {}
    unit = targets.unit(unit_id)
    for ind_id, raw in values.items():
        at: Path = ("values", ind_id)
        ind = _known_indicator(targets, ind_id, (*at, KEY), emit)
        if ind is None:
            continue
        if unit is not None and unit not in targets.reporters(ind):
            who = "the district unit" if ind.reported_by == "district" else "the townships"
            emit((*at, KEY), "not-reported-by-unit",
                 f"indicator {ind_id} ({ind.name}) is reported by {who}, not by {unit_id}; remove it from this report")
            continue
        value = _typed_value(ind, raw, at, emit)
        if value is not None:
            typed[ind_id] = value
    for ind_id in notes:
        _known_indicator(targets, ind_id, ("notes", ind_id, KEY), emit)
    return typed


def _typed_value(ind: Indicator, raw: Any, at: Path, emit: Emit) -> Value | None:
    if ind.kind == "milestone":
        word = raw.strip() if isinstance(raw, str) else raw
        if isinstance(word, str) and word in MILESTONE_WORDS:
            return MILESTONE_WORDS[word]
        shown = scalars.describe(raw)
        old = " (older YAML reads it as true/false)" if isinstance(word, str) and word.lower() in {
            "yes", "no", "on", "off", "true", "false", "y", "n"} else ""
        emit(at, "bad-status", f"{ind.id} is a milestone; {shown}{old} is not a status: write one of "
             "not_started, in_progress, done (or 未开始, 进行中, 已完成)")
        return None
    if ind.measure == "ratio":
        return _ratio(ind, raw, at, emit)
    if isinstance(raw, dict | list):
        emit(at, "wrong-type", f"{ind.id} ({ind.name}) is counted: write one number in {ind.uom}, "
             f"found {scalars.describe(raw)}")
        return None
    number = _number(ind, raw, at, "", emit)
    return number


def _number(ind: Indicator, raw: Any, at: Path, part: str, emit: Emit) -> Fraction | None:
    try:
        number = scalars.parse_number(raw)
    except scalars.ScalarError as err:
        what = f"{ind.id}{' ' + part if part else ''} expects a number{'' if part else f' in {ind.uom}'}"
        emit(at, err.code, f"{what}: {err.message}")
        return None
    if number < 0:
        emit(at, "negative-value", f"{ind.id}{' ' + part if part else ''} is {_fmt(number)}; it cannot be negative")
        return None
    return number


def _ratio(ind: Indicator, raw: Any, at: Path, emit: Emit) -> Ratio | None:
    example = "{numerator: 40, denominator: 45}"
    if not isinstance(raw, dict):
        emit(at, "wrong-type", f"{ind.id} ({ind.name}) is a ratio: write {example}, found {scalars.describe(raw)}")
        return None
    ok = True
    for key in raw:
        if key not in ("numerator", "denominator"):
            hint = _closest(key, ["numerator", "denominator"], emit)
            emit((*at, key, KEY), "unknown-key", f"unknown key '{key}' in a ratio; keys are numerator and denominator"
                 + (f" (did you mean '{hint}'?)" if hint else ""))
            ok = False
    parts: dict[str, Fraction | None] = {}
    for key in ("numerator", "denominator"):
        if key not in raw:
            emit(at, "missing-key", f"{ind.id} is a ratio and needs `{key}`: write {example}")
            ok = False
            continue
        parts[key] = _number(ind, raw[key], (*at, key), key, emit)
    num, den = parts.get("numerator"), parts.get("denominator")
    if not ok or num is None or den is None:
        return None
    if den == 0:
        emit((*at, "denominator"), "zero-denominator", f"{ind.id} has denominator 0; a ratio needs a denominator above 0")
        return None
    if ind.factor == 100 and num > den:
        emit((*at, "numerator"), "numerator-exceeds-denominator",
             f"{ind.id} is a percentage, so numerator {_fmt(num)} cannot exceed denominator {_fmt(den)}")
        return None
    return Ratio(numerator=num, denominator=den)


def cross_checks(targets: Targets, reports: list[Report]) -> list[tuple[Report, str, str, str]]:
    """Problems across one unit's reports, after carry-forward: (report, indicator id, code, message)."""
    found: list[tuple[Report, str, str, str]] = []
    counts = [i for i in targets.indicators if i.measure == "count"]
    count_ids = {i.id for i in counts}
    parents = [(i, targets.indicator(i.parent)) for i in counts if i.parent]
    by_unit: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_unit[report.unit].append(report)
    for unit_reports in by_unit.values():
        unit_reports.sort(key=lambda r: r.as_of)
        latest: dict[str, tuple[Fraction, date]] = {}
        for report in unit_reports:
            for ind_id, value in report.values.items():
                if ind_id not in count_ids or not isinstance(value, Fraction):
                    continue
                ind = targets.indicator(ind_id)
                before = latest.get(ind_id)
                if ind is not None and ind.kind == "cumulative" and before is not None and value < before[0]:
                    found.append((report, ind_id, "decreasing-cumulative",
                                  f"{ind_id} ({ind.name}) is cumulative for the year: {_fmt(value)} is lower than "
                                  f"{_fmt(before[0])} reported as of {before[1]}; report the year-to-date total"))
                latest[ind_id] = (value, report.as_of)
            for child, parent in parents:
                if parent is None or (child.id not in report.values and parent.id not in report.values):
                    continue
                part, whole = latest.get(child.id), latest.get(parent.id)
                if part is not None and whole is not None and part[0] > whole[0]:
                    where = child.id if child.id in report.values else parent.id
                    found.append((report, where, "part-exceeds-whole",
                                  f"{child.id} ({child.name}) {_fmt(part[0])} is part of {parent.id} ({parent.name}) "
                                  f"but larger than it ({_fmt(whole[0])} {parent.uom}) as of {report.as_of}; "
                                  "a part cannot exceed its whole: correct one of the two"))
    return found
