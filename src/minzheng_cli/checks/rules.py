"""Checks that need more than one field: the plan (DESIGN §1.1), the breakdown (§1.2), report values
against the plan and across reports (§1.3–1.4). Each returns diagnostics placed on the offending node."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from typing import Any, Literal

from minzheng_cli.messages import Message, Param, msg, suggestion
from minzheng_cli.model.diagnostics import MAX_PER_FILE, Diagnostic
from minzheng_cli.model.files import MILESTONE_WORDS, Breakdown, Indicator, Ratio, Report, Targets, Value
from minzheng_cli.read import scalars
from minzheng_cli.read.yamldoc import KEY, Document, Path


class Emitter:
    """Places each diagnostic on the node at `path` and adds it to `out`.

    `emit(path, code, template, **params)` or `emit(path, code, message)`: the template is a string literal
    (English, translated through the catalog), the message a `messages.Message`."""

    def __init__(self, doc: Document, display: str, out: list[Diagnostic]) -> None:
        self.doc, self.display, self.out = doc, display, out

    def __call__(self, path: Path, code: str, message: str | Message, /, **params: Param) -> None:
        mark = self.doc.mark(path)
        detail = message if isinstance(message, Message) else Message(message, params)
        self.out.append(Diagnostic.make(self.display, mark.line, mark.column, code, detail))

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
    """A figure in a message exactly as a file would hold it: 1234567.5, never 1.23457e+06."""
    return scalars.number_text(number)


def plan_checks(targets: Targets, emit: Emit) -> None:
    plan = targets.plan
    if plan.start > plan.end:
        emit(("plan", "start"), "plan-period", "the plan starts ({start}) after it ends ({end})",
             start=str(plan.start), end=str(plan.end))
    if plan.timely_days < 0:
        emit(("plan", "timely_days"), "negative-value",
             "timely_days is {days}; it counts days after a period's end, so write 0 or more", days=plan.timely_days)
    lights = plan.lights
    if not 0 <= lights.tolerance <= lights.red:
        emit(("plan", "lights"), "lights-order",
             "lights need 0 ≤ tolerance ≤ red; found tolerance {tolerance}, red {red}",
             tolerance=_fmt(lights.tolerance), red=_fmt(lights.red))
    _unique(((("units", i, "id"), u.id) for i, u in enumerate(targets.units)), "unit", emit)
    _unique(((("indicators", i, "id"), x.id) for i, x in enumerate(targets.indicators)), "indicator", emit)
    districts = [i for i, u in enumerate(targets.units) if u.kind == "district"]
    if len(districts) != 1:
        where: Path = ("units", districts[1], "kind") if len(districts) > 1 else ("units",)
        emit(where, "district-unit", "the plan needs exactly one unit of kind district; found {n}", n=len(districts))
    for i, task in enumerate(targets.tasks):
        if task.number != i + 1:
            emit(("tasks", i, "number"), "task-numbering",
                 "task {number} stands in place {place}; number the tasks 1, 2, 3 … in order, without gaps or repeats",
                 number=task.number, place=i + 1)
            break
    task_numbers = {t.number for t in targets.tasks}
    by_id: dict[str, Indicator] = {}
    for x in targets.indicators:
        by_id.setdefault(x.id, x)  # the first of duplicates: the others are reported as duplicate-id
    for i, ind in enumerate(targets.indicators):
        _indicator_checks(targets, ind, ("indicators", i), task_numbers, by_id, emit)


def _numbers(numbers: set[int]) -> Param:
    ordered = sorted(numbers)
    if not ordered:
        return msg("there are none")
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


_FIELD_HINTS = {
    "measure": msg("`measure: count` (one number) or `measure: ratio` (numerator and denominator)"),
    "factor": msg("`factor: 100` for a percentage or `factor: 10000` for per 10,000"),
    "target": msg("`target:` with the number the plan sets"),
    "uom": msg("`uom:` with the unit of measure the figures count in (人, 户, 万元, %…)"),
}


def _unique(items: Iterable[tuple[Path, str]], what: Literal["unit", "indicator"], emit: Emit) -> None:
    seen: set[str] = set()
    for path, value in items:
        if value in seen:
            if what == "unit":
                emit(path, "duplicate-id", "unit id '{id}' is used twice; give each unit its own id", id=value)
            else:
                emit(path, "duplicate-id", "indicator id '{id}' is used twice; give each indicator its own id",
                     id=value)
        seen.add(value)


def _indicator_checks(targets: Targets, ind: Indicator, at: Path, task_numbers: set[int],
                      by_id: dict[str, Indicator], emit: Emit) -> None:
    if ind.task not in task_numbers:
        emit((*at, "task"), "unknown-task",
             "task {task} does not exist; write the number of a task listed under `tasks` ({numbers})",
             task=ind.task, numbers=_numbers(task_numbers))
    prefix = ind.id.split(".", 1)[0]
    if prefix != str(ind.task) or not re.fullmatch(r"[1-9][0-9]*\.[1-9][0-9]*", ind.id):
        emit((*at, "id"), "id-task-mismatch",
             "indicator id '{id}' must have the form <task>.<n> with <task> = {task}, e.g. '{task}.1'",
             id=ind.id, task=ind.task)
    needs: dict[str, bool]
    if ind.kind == "milestone":
        needs = {"measure": False, "factor": False, "target": False, "uom": False}
    else:
        needs = {"measure": True, "target": True, "uom": True, "factor": ind.measure == "ratio"}
    for name, needed in needs.items():
        present = getattr(ind, name) is not None
        if needed and not present:
            emit(at, "missing-field", "indicator {id} ({kind}, {measure}) needs `{name}`: add {hint}",
                 id=ind.id, kind=ind.kind, measure=ind.measure or msg("no measure"), name=name,
                 hint=_FIELD_HINTS[name])
        elif present and not needed:
            counted = name == "factor" and ind.kind != "milestone"
            emit((*at, name), "unexpected-field", "indicator {id} is a {kind}{counted}; remove `{name}`",
                 id=ind.id, kind=ind.kind, counted=msg(" counted, not a ratio") if counted else "", name=name)
    if ind.factor is not None and ind.factor <= 0:
        emit((*at, "factor"), "factor-not-positive",
             "factor {factor} must be above 0: 100 for a percentage, 10000 for a per-10,000 rate",
             factor=_fmt(ind.factor))
    if ind.target is not None and ind.target <= 0 and not (ind.kind == "cap" and ind.target == 0):
        emit((*at, "target"), "target-not-positive", "target {target} must be above 0 (only a cap may be 0)",
             target=_fmt(ind.target))
    if ind.due is not None and not targets.plan.start <= ind.due <= targets.plan.end:
        emit((*at, "due"), "due-outside-plan", "due {due} is outside the plan period {start} – {end}",
             due=str(ind.due), start=str(targets.plan.start), end=str(targets.plan.end))
    if ind.parent is not None:
        parent = by_id.get(ind.parent)
        if parent is None or parent is ind:
            hint = _closest(ind.parent, list(by_id), emit)
            emit((*at, "parent"), "unknown-parent", "parent '{parent}' is not another indicator{hint}",
                 parent=ind.parent, hint=suggestion(hint if hint != ind.id else None))
        elif parent.uom != ind.uom and parent.uom is not None and ind.uom is not None:
            emit((*at, "uom"), "parent-uom",
                 "indicator {id} counts in {uom} but its parent {parent} in {parent_uom}; "
                 "a part must have its whole's unit of measure",
                 id=ind.id, uom=ind.uom, parent=parent.id, parent_uom=parent.uom)


def breakdown_checks(targets: Targets, breakdown: Breakdown, emit: Emit) -> None:
    township_ids = [u.id for u in targets.townships]
    for ind_id, quotas in breakdown.quotas.items():
        at: Path = ("quotas", ind_id)
        ind = _known_indicator(targets, ind_id, (*at, KEY), emit)
        if ind is None:
            continue
        if ind.reported_by != "townships" or ind.kind not in ("cumulative", "level"):
            emit((*at, KEY), "quota-not-allowed",
                 "indicator {id} is a {kind} reported by {reported_by}; quotas are only for "
                 "township-reported cumulative or level indicators",
                 id=ind_id, kind=ind.kind, reported_by=ind.reported_by)
            continue
        for unit_id, quota in quotas.items():
            if unit_id not in township_ids:
                hint = _closest(unit_id, township_ids, emit)
                emit((*at, unit_id, KEY), "unknown-unit", "'{unit}' is not a township unit of the plan{hint}",
                     unit=unit_id, hint=suggestion(hint))
            if quota <= 0:
                emit((*at, unit_id), "quota-not-positive",
                     "quota {quota} for {unit} must be above 0; leave the unit out if it has no quota",
                     quota=_fmt(quota), unit=unit_id)
        total = sum((q for u, q in quotas.items() if u in township_ids and q > 0), Fraction(0))
        if ind.measure == "count" and ind.target is not None and total < ind.target:
            emit((*at, KEY), "quota-sum-short",
                 "the quotas of {id} add up to {total}, less than the target {target} {uom}; "
                 "raise them so that they cover the target",
                 id=ind_id, total=_fmt(total), target=_fmt(ind.target), uom=str(ind.uom))
    for ind_id, baseline in breakdown.baselines.items():
        at = ("baselines", ind_id)
        ind = _known_indicator(targets, ind_id, (*at, KEY), emit)
        if ind is None:
            continue
        if ind.kind != "level":
            emit((*at, KEY), "baseline-not-allowed",
                 "indicator {id} is a {kind}; baselines are for level indicators only: remove this entry",
                 id=ind_id, kind=ind.kind)
        elif baseline < 0:
            emit(at, "negative-value", "baseline {baseline} of {id} cannot be negative", baseline=_fmt(baseline),
                 id=ind_id)
        elif ind.target is not None and baseline >= ind.target:
            emit(at, "baseline-not-below-target",
                 "baseline {baseline} must be below the target {target} {uom} "
                 "(the level where the plan period starts); check the figure",
                 baseline=_fmt(baseline), target=_fmt(ind.target), uom=str(ind.uom))


def _known_indicator(targets: Targets, ind_id: str, at: Path, emit: Emit) -> Indicator | None:
    ind = targets.indicator(ind_id)
    if ind is None:
        hint = _closest(ind_id, [i.id for i in targets.indicators], emit)
        emit(at, "unknown-indicator", "indicator '{id}' is not in targets.yaml{hint}", id=ind_id,
             hint=suggestion(hint))
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
        if unit is not None and not targets.reports(unit, ind):
            who = msg("the district unit") if ind.reported_by == "district" else msg("the townships")
            emit((*at, KEY), "not-reported-by-unit",
                 "indicator {id} ({name}) is reported by {who}, not by {unit}; remove it from this report",
                 id=ind_id, name=ind.name, who=who, unit=unit_id)
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
        old = isinstance(word, str) and word.lower() in scalars.YAML11_WORDS
        emit(at, "bad-status", "{id} is a milestone; {found}{old} is not a status: write one of "
             "not_started, in_progress, done (or 未开始, 进行中, 已完成)",
             id=ind.id, found=scalars.describe(raw), old=msg(" (older YAML reads it as true/false)") if old else "")
        return None
    if ind.measure == "ratio":
        return _ratio(ind, raw, at, emit)
    if isinstance(raw, dict | list):
        emit(at, "wrong-type", "{id} ({name}) is counted: write one number in {uom}, found {found}",
             id=ind.id, name=ind.name, uom=str(ind.uom), found=scalars.describe(raw))
        return None
    number = _number(ind, raw, at, "", emit)
    return number


def _number(ind: Indicator, raw: Any, at: Path, part: str, emit: Emit) -> Fraction | None:
    """`part`: "numerator" or "denominator" of a ratio, or "" for a count."""
    try:
        number = scalars.parse_number(raw)
    except scalars.ScalarError as err:
        what = (msg("{id} {part} expects a number", id=ind.id, part=part) if part
                else msg("{id} expects a number in {uom}", id=ind.id, uom=str(ind.uom)))
        emit(at, err.code, "{what}: {reason}", what=what, reason=err.detail)
        return None
    if number < 0:
        if part:
            emit(at, "negative-value", "{id} {part} is {number}; it cannot be negative", id=ind.id, part=part,
                 number=_fmt(number))
        else:
            emit(at, "negative-value", "{id} is {number}; it cannot be negative", id=ind.id, number=_fmt(number))
        return None
    return number


_RATIO_EXAMPLE = "{numerator: 40, denominator: 45}"


def _ratio(ind: Indicator, raw: Any, at: Path, emit: Emit) -> Ratio | None:
    if not isinstance(raw, dict):
        emit(at, "wrong-type", "{id} ({name}) is a ratio: write {example}, found {found}",
             id=ind.id, name=ind.name, example=_RATIO_EXAMPLE, found=scalars.describe(raw))
        return None
    ok = True
    for key in raw:
        if key not in ("numerator", "denominator"):
            hint = _closest(key, ["numerator", "denominator"], emit)
            emit((*at, key, KEY), "unknown-key", "unknown key '{key}' in a ratio; keys are numerator and "
                 "denominator{hint}", key=key, hint=msg(" (did you mean '{x}'?)", x=hint) if hint else "")
            ok = False
    parts: dict[str, Fraction | None] = {}
    for key in ("numerator", "denominator"):
        if key not in raw:
            emit(at, "missing-key", "{id} is a ratio and needs `{key}`: write {example}", id=ind.id, key=key,
                 example=_RATIO_EXAMPLE)
            ok = False
            continue
        parts[key] = _number(ind, raw[key], (*at, key), key, emit)
    num, den = parts.get("numerator"), parts.get("denominator")
    if not ok or num is None or den is None:
        return None
    if den == 0:
        emit((*at, "denominator"), "zero-denominator", "{id} has denominator 0; a ratio needs a denominator above 0",
             id=ind.id)
        return None
    if ind.factor == 100 and num > den:
        emit((*at, "numerator"), "numerator-exceeds-denominator",
             "{id} is a percentage, so numerator {numerator} cannot exceed denominator {denominator}",
             id=ind.id, numerator=_fmt(num), denominator=_fmt(den))
        return None
    return Ratio(numerator=num, denominator=den)


def cross_check_messages(targets: Targets, reports: list[Report]) -> list[tuple[Report, str, str, Message]]:
    """Problems across one unit's reports, after carry-forward: (report, indicator id, code, message)."""
    found: list[tuple[Report, str, str, Message]] = []
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
                                  msg("{id} ({name}) is cumulative for the year: {value} is lower than {before} "
                                      "reported as of {date}; report the year-to-date total",
                                      id=ind_id, name=ind.name, value=_fmt(value), before=_fmt(before[0]),
                                      date=str(before[1]))))
                latest[ind_id] = (value, report.as_of)
            for child, parent in parents:
                if parent is None or (child.id not in report.values and parent.id not in report.values):
                    continue
                part, whole = latest.get(child.id), latest.get(parent.id)
                if part is not None and whole is None and part[0] > 0:
                    found.append((report, child.id, "part-exceeds-whole",
                                  msg("{id} ({name}) {part} is part of {parent} ({parent_name}), which this unit has "
                                      "not reported as of {date}; report the whole too (a part cannot exceed it)",
                                      id=child.id, name=child.name, part=_fmt(part[0]), parent=parent.id,
                                      parent_name=parent.name, date=str(report.as_of))))
                elif part is not None and whole is not None and part[0] > whole[0]:
                    where = child.id if child.id in report.values else parent.id
                    found.append((report, where, "part-exceeds-whole",
                                  msg("{id} ({name}) {part} is part of {parent} ({parent_name}) but larger than it "
                                      "({whole} {uom}) as of {date}; a part cannot exceed its whole: correct one of "
                                      "the two", id=child.id, name=child.name, part=_fmt(part[0]), parent=parent.id,
                                      parent_name=parent.name, whole=_fmt(whole[0]), uom=str(parent.uom),
                                      date=str(report.as_of))))
    return found
