"""周报: the week's report, computed once from the same engine as `status` (DESIGN §3, `report`).

Pure: a function of the loaded data and the report date; nothing here prints, writes or reads the clock.

- The report date D is the Sunday of the week asked for (`--week`), or the date asked for (`--as-of`), clamped
  into the plan period by `snapshot.take`. Every number of the report is the `status` of that date.
- 本周变化 compares D with the previous report date, D − 7 days (clamped into the plan period): an indicator
  moved when its district actual or its status changed; the units that moved it are those whose own value
  changed (for a district indicator, the district unit).
- 欠进度与预警: every indicator whose status is behind, missed or overdue, or whose light is red, with the
  townships furthest behind on it (`IndicatorResult.responsible`). Red first, then the larger gap.
- 临期事项: milestones not done whose due date is 0–30 days after D.
- 报送情况: the reporting period (the ISO week for weekly reporting, the month for monthly) that contains D:
  the units without a report whose `as_of` falls in it (up to D), and those whose report for it was late;
  with the year's completeness (§2.7).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from minzheng_cli.engine import snapshot
from minzheng_cli.engine import status as engine
from minzheng_cli.engine.completeness import Completeness, Period, Submission, period_of, submissions
from minzheng_cli.engine.pace import pace as pace_at
from minzheng_cli.engine.ranking import UnitRank
from minzheng_cli.engine.snapshot import Snapshot
from minzheng_cli.engine.status import IndicatorResult, UnitResult
from minzheng_cli.model.files import Targets

PREVIOUS_DAYS = 7
RESPONSIBLE = 3  # townships named per warning
ALERT_STATUSES: frozenset[str] = frozenset({"behind", "missed", "overdue"})
ON_TRACK_STATUSES: frozenset[str] = frozenset({"done", "ahead", "on_pace"})
FINAL_STATUSES: frozenset[str] = frozenset({"missed", "overdue", "over_cap"})  # nothing left to pace


@dataclass(frozen=True)
class UnitMove:
    """A unit whose own value of an indicator changed since the previous report date."""

    unit: str
    old: Fraction | None
    new: Fraction | None

    @property
    def delta(self) -> Fraction | None:
        """new − old, a missing old value counting as 0; None when the new value is missing."""
        if self.new is None:
            return None
        return self.new - (self.old if self.old is not None else Fraction(0))


@dataclass(frozen=True)
class Change:
    """An indicator that moved since the previous report date: old → new, and the units that moved it."""

    old: IndicatorResult
    new: IndicatorResult
    units: tuple[UnitMove, ...]  # biggest move first for counts; plan order otherwise

    @property
    def actual_changed(self) -> bool:
        return self.old.actual != self.new.actual

    @property
    def counted(self) -> bool:
        """The units' moves are counts that add up (a cumulative count): each has a delta, biggest first."""
        return _counted(self.new)

    @property
    def status_changed(self) -> bool:
        return self.old.status != self.new.status


@dataclass(frozen=True)
class Alert:
    """An item of 欠进度与预警: the indicator's result and the townships furthest behind on it."""

    result: IndicatorResult
    responsible: tuple[UnitResult, ...]  # at most RESPONSIBLE, worst first
    lagging: int  # how many townships lag in all (responsible() without a limit)
    days_past_due: int  # D − due: negative before the due date, 0 on it


@dataclass(frozen=True)
class DueSoon:
    result: IndicatorResult
    days_left: int  # due − D, 0–30


@dataclass(frozen=True)
class Reporting:
    period: Period  # the reporting period that contains D
    expected: tuple[str, ...]  # every unit, in plan order
    missing: tuple[str, ...]  # no report dated in the period (up to D)
    late: tuple[Submission, ...]  # reported, but later than period end + timely_days
    year: Completeness  # from plan start to D

    @property
    def reported(self) -> int:
        return len(self.expected) - len(self.missing)


@dataclass(frozen=True)
class Weekly:
    current: Snapshot
    previous: Snapshot
    week: Period  # the ISO week that contains D (the report's week)
    plan_pace: Fraction  # 序时进度 of the whole plan period at D
    changes: tuple[Change, ...]
    alerts: tuple[Alert, ...]
    due_soon: tuple[DueSoon, ...]
    reporting: Reporting
    ranking: tuple[UnitRank, ...]

    @property
    def as_of(self) -> date:
        return self.current.as_of

    @property
    def targets(self) -> Targets:
        return self.current.targets

    @property
    def on_track(self) -> int:
        """Indicators done, ahead or on pace (总体进展)."""
        return sum(1 for r in self.current.result.indicators if r.status in ON_TRACK_STATUSES)

    @property
    def lagging(self) -> int:
        """Indicators behind, missed or overdue (总体进展)."""
        return sum(1 for r in self.current.result.indicators if r.status in ALERT_STATUSES)

    def unit_name(self, unit_id: str) -> str:
        unit = self.targets.unit(unit_id)
        return unit.name if unit is not None else unit_id


def from_snapshot(current: Snapshot) -> Weekly:
    """The weekly report for a snapshot already taken (so that a command evaluates its date once)."""
    targets = current.targets
    previous = snapshot.take(current.loaded, current.as_of - timedelta(days=PREVIOUS_DAYS), current.index)
    return Weekly(
        current=current,
        previous=previous,
        week=period_of("weekly", current.as_of),
        plan_pace=pace_at(targets.plan, targets.plan.end, current.as_of),
        changes=changes(previous, current),
        alerts=alerts(current),
        due_soon=due_soon(current),
        reporting=reporting(current),
        ranking=tuple(current.ranking()),
    )


def changes(previous: Snapshot, current: Snapshot) -> tuple[Change, ...]:
    """Indicators whose district actual or status differ between the two snapshots, in plan order."""
    found: list[Change] = []
    district = current.targets.district.id
    for old, new in zip(previous.result.indicators, current.result.indicators, strict=True):
        if old.actual == new.actual and old.status == new.status:
            continue
        if new.indicator.reported_by == "district":
            moves = [UnitMove(district, old.actual, new.actual)] if old.actual != new.actual else []
        else:
            moves = [UnitMove(n.unit, o.actual, n.actual)
                     for o, n in zip(old.units, new.units, strict=True) if o.actual != n.actual]
            if _counted(new):
                moves.sort(key=_size)  # stable: ties keep plan order
        found.append(Change(old, new, tuple(moves)))
    return tuple(found)


def _counted(result: IndicatorResult) -> bool:
    return result.indicator.kind == "cumulative" and result.indicator.measure == "count"


def _size(move: UnitMove) -> Fraction:
    """Sort key, biggest move first."""
    return -abs(move.delta) if move.delta is not None else Fraction(0)


def _alert_key(item: tuple[int, IndicatorResult]) -> tuple[bool, bool, Fraction, int]:
    position, result = item
    gap = result.gap if result.gap is not None else Fraction(0)
    return (result.light != "red", result.status not in FINAL_STATUSES, -gap, position)


def alerts(current: Snapshot) -> tuple[Alert, ...]:
    """Behind, missed, overdue or red: red first, then the finished-and-failed, then the larger gap."""
    chosen = [(i, r) for i, r in enumerate(current.result.indicators)
              if r.status in ALERT_STATUSES or r.light == "red"]
    chosen.sort(key=_alert_key)
    return tuple(Alert(r, r.responsible(RESPONSIBLE), len(r.responsible(None)), (current.as_of - r.due).days)
                 for _, r in chosen)


def due_soon(current: Snapshot) -> tuple[DueSoon, ...]:
    """Milestones not done, due in 0–30 days, soonest first (ties in plan order)."""
    found = []
    for result in current.result.indicators:
        left = (result.due - current.as_of).days
        if result.indicator.kind == "milestone" and result.status != "done" \
                and 0 <= left <= engine.DUE_SOON_DAYS:
            found.append(DueSoon(result, left))
    found.sort(key=lambda d: d.days_left)
    return tuple(found)


def reporting(current: Snapshot) -> Reporting:
    """报送情况 for the period containing D, and for the year (the snapshot's completeness)."""
    targets = current.targets
    period = period_of(targets.plan.cadence, current.as_of)
    year = current.completeness
    first = {unit: s for (unit, start), s in submissions(targets.plan, current.loaded.reports, current.as_of).items()
             if start == period.start}
    late_periods = {u.unit: u.late for u in year.units}
    expected = tuple(u.id for u in targets.units)
    missing = tuple(u for u in expected if u not in first)
    late = tuple(first[u] for u in expected
                 if u in first and any(p.start == period.start for p in late_periods.get(u, ())))
    return Reporting(period, expected, missing, late, year)
