"""Rules for targets.yaml as a whole (DESIGN §1.1): the plan period, lights, ids, tasks, each indicator's fields."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from minzheng_cli.catalogue import Param
from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import CheckMsg, suggestion
from minzheng_cli.checks import Context, Problem, Rule
from minzheng_cli.checks.values import NEGATIVE_VALUE
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.model.files import Indicator, Targets
from minzheng_cli.model.scalars import number_text
from minzheng_cli.read.yamldoc import Path

DUPLICATE_ID = Code("duplicate-id", "error", Meaning.duplicate_id)
UNKNOWN_TASK = Code("unknown-task", "error", Meaning.unknown_task)
ID_TASK_MISMATCH = Code("id-task-mismatch", "error", Meaning.id_task_mismatch)
TASK_NUMBERING = Code("task-numbering", "error", Meaning.task_numbering)
DISTRICT_UNIT = Code("district-unit", "error", Meaning.district_unit)
PLAN_PERIOD = Code("plan-period", "error", Meaning.plan_period)
LIGHTS_ORDER = Code("lights-order", "error", Meaning.lights_order)
UNKNOWN_PARENT = Code("unknown-parent", "error", Meaning.unknown_parent)
PARENT_UOM = Code("parent-uom", "error", Meaning.parent_uom)
MISSING_FIELD = Code("missing-field", "error", Meaning.missing_field)
UNEXPECTED_FIELD = Code("unexpected-field", "error", Meaning.unexpected_field)
DUE_OUTSIDE_PLAN = Code("due-outside-plan", "error", Meaning.due_outside_plan)
TARGET_NOT_POSITIVE = Code("target-not-positive", "error", Meaning.target_not_positive)
FACTOR_NOT_POSITIVE = Code("factor-not-positive", "error", Meaning.factor_not_positive)
CONTROL_CHARACTER = Code("control-character", "error", Meaning.control_character)


def check(targets: Targets, ctx: Context) -> Rule[None]:
    plan = targets.plan
    if plan.start > plan.end:
        yield Problem(("plan", "start"), PLAN_PERIOD, CheckMsg.plan_starts_after_ends(start=str(plan.start), end=str(plan.end)))
    if plan.timely_days < 0:
        yield Problem(("plan", "timely_days"), NEGATIVE_VALUE, CheckMsg.timely_days_counts_days(days=plan.timely_days))
    lights = plan.lights
    if not 0 <= lights.tolerance <= lights.red:
        yield Problem(
            ("plan", "lights"),
            LIGHTS_ORDER,
            CheckMsg.lights_need_tolerance_red(tolerance=number_text(lights.tolerance), red=number_text(lights.red)),
        )
    yield from _unique(((("units", i, "id"), u.id) for i, u in enumerate(targets.units)), "unit", ctx)
    yield from _unique(((("indicators", i, "id"), x.id) for i, x in enumerate(targets.indicators)), "indicator", ctx)
    districts = [i for i, u in enumerate(targets.units) if u.kind == "district"]
    if len(districts) != 1:
        where: Path = ("units", districts[1], "kind") if len(districts) > 1 else ("units",)
        yield Problem(where, DISTRICT_UNIT, CheckMsg.plan_needs_exactly_unit(n=len(districts)))
    for i, task in enumerate(targets.tasks):
        if task.number != i + 1:
            yield Problem(
                ("tasks", i, "number"), TASK_NUMBERING, CheckMsg.task_stands_place_number(number=task.number, place=i + 1)
            )
            break
    task_numbers = {t.number for t in targets.tasks}
    by_id: dict[str, Indicator] = {}
    for x in targets.indicators:
        by_id.setdefault(x.id, x)  # the first of duplicates: the others are reported as duplicate-id
    for i, ind in enumerate(targets.indicators):
        yield from _indicator_checks(targets, ind, ("indicators", i), task_numbers, by_id, ctx)
    yield from _control_characters(targets.model_dump(), ())


# C0 controls but tab and line breaks, DEL and C1 controls: they steer terminals (ESC, CSI), and Excel cannot
# hold them (openpyxl refuses them when `template` writes the plan's words into the workbook)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_characters(value: object, path: Path) -> Rule[None]:
    """Every text of the plan free of control characters (written as escapes in double quotes, such as ESC)."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        if found:
            yield Problem(path, CONTROL_CHARACTER, CheckMsg.control_character_in_text(char=f"U+{ord(found.group()):04X}"))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _control_characters(item, (*path, str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _control_characters(item, (*path, i))


def _numbers(numbers: set[int]) -> Param:
    ordered = sorted(numbers)
    if not ordered:
        return CheckMsg.there_none()
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


_FIELD_HINTS = {
    "measure": CheckMsg.measure_count_number_measure(),
    "factor": CheckMsg.factor_percentage_factor_per(),
    "target": CheckMsg.target_number_plan_sets(),
    "uom": CheckMsg.uom_unit_measure_figures(),
}


def _unique(items: Iterable[tuple[Path, str]], what: Literal["unit", "indicator"], ctx: Context) -> Rule[None]:
    seen: set[str] = set()
    for path, value in items:
        if value in seen:
            if what == "unit":
                yield Problem(path, DUPLICATE_ID, CheckMsg.unit_id_used_twice(id=value))
            else:
                yield Problem(path, DUPLICATE_ID, CheckMsg.indicator_id_used_twice(id=value))
        seen.add(value)


def _indicator_checks(
    targets: Targets, ind: Indicator, at: Path, task_numbers: set[int], by_id: dict[str, Indicator], ctx: Context
) -> Rule[None]:
    if ind.task not in task_numbers:
        yield Problem((*at, "task"), UNKNOWN_TASK, CheckMsg.task_does_exist_number(task=ind.task, numbers=_numbers(task_numbers)))
    prefix = ind.id.split(".", 1)[0]
    if prefix != str(ind.task) or not re.fullmatch(r"[1-9][0-9]*\.[1-9][0-9]*", ind.id):
        yield Problem((*at, "id"), ID_TASK_MISMATCH, CheckMsg.indicator_id_must_form(id=ind.id, task=ind.task))
    needs: dict[str, bool]
    if ind.kind == "milestone":
        needs = {"measure": False, "factor": False, "target": False, "uom": False}
    else:
        needs = {"measure": True, "target": True, "uom": True, "factor": ind.measure == "ratio"}
    for name, needed in needs.items():
        present = getattr(ind, name) is not None
        if needed and not present:
            yield Problem(
                at,
                MISSING_FIELD,
                CheckMsg.indicator_needs(
                    id=ind.id, kind=ind.kind, measure=ind.measure or CheckMsg.no_measure(), name=name, hint=_FIELD_HINTS[name]
                ),
            )
        elif present and not needed:
            counted = name == "factor" and ind.kind != "milestone"
            yield Problem(
                (*at, name),
                UNEXPECTED_FIELD,
                CheckMsg.indicator_remove(
                    id=ind.id, kind=ind.kind, counted=CheckMsg.counted_ratio() if counted else "", name=name
                ),
            )
    if ind.factor is not None and ind.factor <= 0:
        yield Problem((*at, "factor"), FACTOR_NOT_POSITIVE, CheckMsg.factor_must_above_percentage(factor=number_text(ind.factor)))
    if ind.target is not None and ind.target <= 0 and not (ind.kind == "cap" and ind.target == 0):
        yield Problem((*at, "target"), TARGET_NOT_POSITIVE, CheckMsg.target_must_above_only(target=number_text(ind.target)))
    if ind.due is not None and not targets.plan.start <= ind.due <= targets.plan.end:
        yield Problem(
            (*at, "due"),
            DUE_OUTSIDE_PLAN,
            CheckMsg.due_outside_plan_period(due=str(ind.due), start=str(targets.plan.start), end=str(targets.plan.end)),
        )
    if ind.parent is not None:
        parent = by_id.get(ind.parent)
        if parent is None or parent is ind:
            hint = ctx.closest(ind.parent, list(by_id))
            yield Problem(
                (*at, "parent"),
                UNKNOWN_PARENT,
                CheckMsg.parent_another_indicator(parent=ind.parent, hint=suggestion(hint if hint != ind.id else None)),
            )
        elif parent.uom != ind.uom and parent.uom is not None and ind.uom is not None:
            yield Problem(
                (*at, "uom"),
                PARENT_UOM,
                CheckMsg.indicator_counts_but_parent(id=ind.id, uom=ind.uom, parent=parent.id, parent_uom=parent.uom),
            )
