"""A data folder evaluated at one date: what every computing command starts from. Pure: 'today' comes in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from minzheng_cli.catalogue.diagnostics import suggestion
from minzheng_cli.catalogue.words import EngineMsg
from minzheng_cli.engine import status as engine
from minzheng_cli.engine.completeness import Completeness, completeness
from minzheng_cli.engine.ranking import UnitRank, rank_units
from minzheng_cli.engine.status import StatusResult
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.files import Plan, Targets
from minzheng_cli.model.folder import Loaded
from minzheng_cli.model.scalars import closest

FILTER_WORDS: frozenset[str] = frozenset((*engine.STATUSES, *engine.LIGHTS))


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
    index = index or engine.index_reports(loaded.reports)
    result = engine.evaluate(targets, loaded.breakdown, index, as_of)
    return Snapshot(loaded, targets, requested, as_of, result, index)


def select(snap: Snapshot, unit: str | None = None, task: int | None = None,
           only: str | None = None) -> StatusResult:
    """The indicators that match the filters: a unit's own (with that unit's figures), a task, a status or light.

    MinzhengError when a filter names nothing (an unknown unit, task, status or light)."""
    targets = snap.targets
    chosen = list(snap.result.indicators)
    if unit is not None:
        found = targets.unit(unit)
        if found is None:
            ids = [u.id for u in targets.units]
            raise MinzhengError(EngineMsg.unknown_unit(unit=unit, hint=suggestion(closest(unit, ids)),
                                                         units=", ".join(ids)))
        chosen = [r for r in chosen if targets.reports(found, r.indicator)]
        chosen = [replace(r, units=tuple(u for u in r.units if u.unit == unit)) for r in chosen]
    if task is not None:
        if task not in {t.number for t in targets.tasks}:
            raise MinzhengError(EngineMsg.unknown_task(task=task, n=len(targets.tasks)))
        chosen = [r for r in chosen if r.indicator.task == task]
    if only is not None:
        if only not in FILTER_WORDS:
            words = ", ".join([*engine.STATUSES, *engine.LIGHTS])
            raise MinzhengError(EngineMsg.unknown_filter(only=only, words=words))
        chosen = [r for r in chosen if only in (r.status, r.light)]
    return StatusResult(snap.result.as_of, tuple(chosen))
