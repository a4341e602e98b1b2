"""A data folder evaluated at one date: what every computing command starts from. Pure: 'today' comes in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from minzheng_cli.catalogue import LANGS, OneOf
from minzheng_cli.catalogue.diagnostics import suggestion
from minzheng_cli.catalogue.words import EngineMsg, Light, Status
from minzheng_cli.engine import status as engine
from minzheng_cli.engine.completeness import Completeness, completeness
from minzheng_cli.engine.ranking import UnitRank, rank_units
from minzheng_cli.engine.status import StatusResult
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.files import Plan, Targets, Unit
from minzheng_cli.model.folder import Loaded
from minzheng_cli.model.scalars import closest

FILTER_WORDS: frozenset[str] = frozenset((*engine.STATUSES, *engine.LIGHTS))


def _filter_words() -> dict[str, str]:
    """Every word `--only` takes, to its code: the code itself, and the status or light word in each language
    (红灯, 欠进度, behind, "on pace")."""
    words: dict[str, str] = {}
    for table, codes in ((Status, engine.STATUSES), (Light, engine.LIGHTS)):
        for code in codes:
            words[code] = code
            phrase = getattr(table, code)
            for lang in LANGS:
                words.setdefault(phrase.render(lang), code)
    return words


ONLY_WORDS: dict[str, str] = _filter_words()


@dataclass(frozen=True)
class Snapshot:
    loaded: Loaded
    targets: Targets
    requested: date
    as_of: date
    result: StatusResult
    index: engine.ValueIndex  # the reports sorted for look-ups, shared by every evaluation of this data

    @cached_property
    def completeness(self) -> Completeness:
        """报送情况 (§2.7) of the periods ended by `owed_by`, the refused files counted as 退回."""
        return completeness(self.targets, self.loaded.reports, self.owed_by, self.loaded.rejected())

    @property
    def owed_by(self) -> date:
        """The day that decides which reporting periods have ended: the date asked for, even after the plan
        (so the plan's last, partial week is owed once it is over); the plan's start for a date before it."""
        return max(self.requested, self.as_of)

    @property
    def sample(self) -> bool:
        """The data folder is marked illustrative (DESIGN §1): every output says 示例数据."""
        return self.loaded.sample

    @property
    def clamped(self) -> bool:
        return self.requested != self.as_of

    def ranking(self) -> list[UnitRank]:
        return rank_units(self.targets, self.result, self.completeness)


def clamp(plan: Plan, day: date) -> date:
    """`day` moved into the plan period [start, end]."""
    return min(max(day, plan.start), plan.end)


def take(loaded: Loaded, requested: date, index: engine.ValueIndex | None = None) -> Snapshot:
    """The data evaluated at `requested` clamped into the plan; `index` from an earlier snapshot of the same data.

    MinzhengError when the targets file itself is broken."""
    if loaded.targets is None:
        raise MinzhengError(EngineMsg.targets_broken(path=loaded.data_dir))
    targets = loaded.targets
    as_of = clamp(targets.plan, requested)
    index = index or engine.index_reports(loaded.series())
    result = engine.evaluate(targets, loaded.breakdown, index, as_of)
    return Snapshot(loaded, targets, requested, as_of, result, index)


def find_unit(targets: Targets, given: str) -> Unit:
    """The unit named by its id (shuanglin, in any case), its Chinese name (双林镇) or its statistics code
    (330503101). MinzhengError when none is, listing every unit by name and id."""
    text = given.strip()
    for unit in targets.units:
        if text in (unit.id, unit.name, unit.code) or text.lower() == unit.id.lower():
            return unit
    forms = [form for u in targets.units for form in (u.id, u.name, u.code)]
    hint = closest(text, forms)
    raise MinzhengError(EngineMsg.unknown_unit(unit=given, hint=suggestion(hint),
                                               units=OneOf(tuple(f"{u.name}/{u.id}" for u in targets.units))))


def filter_code(given: str) -> str:
    """The status or light code `--only` names by its code or its word in either language (红灯 = red,
    欠进度 = behind). MinzhengError when it names none, listing every choice by word and code."""
    found = ONLY_WORDS.get(given.strip()) or ONLY_WORDS.get(given.strip().lower())
    if found is None:
        choices = [f"{getattr(table, code).render('zh')}/{code}"
                   for table, codes in ((Status, engine.STATUSES), (Light, engine.LIGHTS)) for code in codes]
        raise MinzhengError(EngineMsg.unknown_filter(only=given, words=OneOf(tuple(choices))))
    return found


def select(snap: Snapshot, unit: str | None = None, task: int | None = None,
           only: str | None = None) -> StatusResult:
    """The indicators that match the filters: a unit's own (with that unit's figures; the unit named by id, name
    or code), a task, a status or light (by code or word).

    MinzhengError when a filter names nothing (an unknown unit, task, status or light)."""
    targets = snap.targets
    chosen = list(snap.result.indicators)
    if unit is not None:
        found = find_unit(targets, unit)
        chosen = [r for r in chosen if targets.reports(found, r.indicator)]
        chosen = [replace(r, units=tuple(u for u in r.units if u.unit == found.id)) for r in chosen]
    if task is not None:
        if task not in {t.number for t in targets.tasks}:
            raise MinzhengError(EngineMsg.unknown_task(task=task, n=len(targets.tasks)))
        chosen = [r for r in chosen if r.indicator.task == task]
    if only is not None:
        code = filter_code(only)
        chosen = [r for r in chosen if code in (r.status, r.light)]
    return StatusResult(snap.result.as_of, tuple(chosen))
