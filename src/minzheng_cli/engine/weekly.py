"""周报: the week's report, computed once from the same engine as `status` (DESIGN §3, §3.2).

Pure: a function of the loaded data and the report date; nothing here prints, writes or reads the clock.

- The report date D is the Sunday of the week asked for (`--week`), or the date asked for (`--as-of`), clamped
  into the plan period by `snapshot.take`. Every figure of the report is the `status` of that date.
- The period reported is the last ISO week that has ended by D (a Monday reports the week just past; a Sunday
  its own week), within the plan; the plan's first week when none has ended yet.
- 本期变化 compares D with D − 7 days (clamped into the plan period): an indicator moved when its district
  actual, its milestone state or its status changed; the units that moved it are those whose own value changed
  (for a district indicator, the district unit). `pace_only` marks a change of status alone: time moved on.
- 欠进度与预警 (`alerts`): every indicator whose light is yellow or red and that is not 临期; 临期事项 (`due_soon`):
  the milestones 临期 (due in 1–30 days). Together they hold every yellow or red indicator, once.
- 数据核查 (`checks`): the plausibility warnings (DESIGN §1.4) on reports dated after the comparison date, up to D.
- 报送情况: the last reporting period (the plan's cadence) that has ended by D, each unit reported, late,
  退回 (a file refused for errors), 时限内 (deadline not passed) or 未报; with the year's completeness (§2.7).
- 单位排名: §2.6.

A 月报 or 季报 (`for_span`) has the same sections over a calendar month or quarter: D its last day (or earlier
while it runs), 本期变化 against the previous period's end, 报送情况 over the reporting periods that end inside it
(`span_reporting`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from minzheng_cli.catalogue.words import EngineMsg
from minzheng_cli.engine import snapshot
from minzheng_cli.engine import status as engine
from minzheng_cli.engine.completeness import (
    Completeness,
    Period,
    PeriodState,
    Submission,
    last_ended,
    period_of,
    period_start,
    period_state,
    submissions,
)
from minzheng_cli.engine.pace import pace as pace_at
from minzheng_cli.engine.ranking import UnitRank
from minzheng_cli.engine.snapshot import Snapshot
from minzheng_cli.engine.status import IndicatorResult, UnitResult
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.diagnostics import Diagnostic
from minzheng_cli.model.files import Targets

PREVIOUS_DAYS = 7
PROJECTION_DAYS = 28  # the run rate of a projection: the last four weeks
RESPONSIBLE = 3  # townships named per warning
LIT: frozenset[str | None] = frozenset({"yellow", "red"})
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
        return self.old.actual != self.new.actual or self.old.state != self.new.state

    @property
    def counted(self) -> bool:
        """The units' moves are counts that add up (a cumulative count): each has a delta, biggest first."""
        return _counted(self.new)

    @property
    def status_changed(self) -> bool:
        return self.old.status != self.new.status

    @property
    def pace_only(self) -> bool:
        """The status changed while the figures did not: only time (序时进度, a due date) moved on."""
        return not self.actual_changed and self.status_changed

    @property
    def every_township(self) -> bool:
        """Every township moved it (the report then says so instead of naming each one)."""
        return self.new.indicator.reported_by == "townships" and len(self.units) == len(self.new.units) > 1


@dataclass(frozen=True)
class Projection:
    """Where a cumulative indicator behind pace ends at its due date if the last four weeks' run rate holds."""

    value: Fraction
    completion: Fraction | None


@dataclass(frozen=True)
class Alert:
    """An item of 欠进度与预警: the indicator's result and the townships furthest behind on it."""

    result: IndicatorResult
    responsible: tuple[UnitResult, ...]  # at most RESPONSIBLE, worst first
    lagging: int  # how many townships lag in all (responsible() without a limit)
    days_past_due: int  # D − due: negative before the due date, 0 on it
    projection: Projection | None = None


@dataclass(frozen=True)
class DueSoon:
    result: IndicatorResult
    days_left: int  # due − D, 1–30


@dataclass(frozen=True)
class Check:
    """A plausibility warning (数据核查) on one report: the diagnostic, the report's unit and date, and its path
    relative to the data folder."""

    diagnostic: Diagnostic
    unit: str
    as_of: date
    path: str


@dataclass(frozen=True)
class Reporting:
    """报送情况 of one reporting period: what each unit did for it at D, and the year up to it."""

    period: Period  # the last reporting period (the plan's cadence) of the report that has ended by D
    owed: bool  # whether it has ended (else nothing in it is owed yet: every unit without a report is 时限内)
    expected: tuple[str, ...]  # every unit, in plan order
    missing: tuple[str, ...]  # 未报: no report, the deadline passed
    rejected: tuple[str, ...]  # 退回: a file for the period refused for errors, none valid
    late: tuple[Submission, ...]  # 迟报: reported later than period end + timely_days
    within_deadline: tuple[str, ...]  # 时限内: no report yet, the deadline not passed
    year: Completeness  # from the plan's first period to this one
    periods: tuple[Period, ...] = ()  # a month's or quarter's report: every reporting period it looks at
    late_times: tuple[int, ...] = ()  # a month's or quarter's report: per `late` unit, its late reports

    @property
    def reported(self) -> int:
        return len(self.expected) - len(self.missing) - len(self.rejected) - len(self.within_deadline)


@dataclass(frozen=True)
class Weekly:
    current: Snapshot
    previous: Snapshot
    period: Period  # the ISO week reported: the last that has ended by D
    plan_pace: Fraction  # 序时进度 of the whole plan period at D
    changes: tuple[Change, ...]
    alerts: tuple[Alert, ...]
    due_soon: tuple[DueSoon, ...]
    checks: tuple[Check, ...]
    reporting: Reporting
    ranking: tuple[UnitRank, ...]
    kind: str = "week"  # `period.kind` of DESIGN §3.2: week, month or quarter

    @property
    def as_of(self) -> date:
        return self.current.as_of

    @property
    def compared_with(self) -> date:
        return self.previous.as_of

    @property
    def targets(self) -> Targets:
        return self.current.targets

    @property
    def sample(self) -> bool:
        return self.current.sample

    @property
    def lit(self) -> int:
        """Indicators with a yellow or red light: exactly those of 欠进度与预警 and 临期事项."""
        return len(self.alerts) + len(self.due_soon)

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
        period=last_ended(targets.plan, current.owed_by, "weekly"),
        plan_pace=pace_at(targets.plan, targets.plan.end, current.as_of),
        changes=changes(previous, current),
        alerts=alerts(current),
        due_soon=due_soon(current),
        checks=checks(current, previous.as_of),
        reporting=reporting(current),
        ranking=tuple(current.ranking()),
    )


def month(day: date) -> Period:
    """The calendar month holding `day` as a report's period (月报), labelled 2025-06."""
    return period_of("monthly", day)


def quarter(day: date) -> Period:
    """The calendar quarter holding `day` as a report's period (季报), labelled 2025-Q2."""
    number = (day.month - 1) // 3 + 1
    first, last = month(date(day.year, 3 * number - 2, 1)), month(date(day.year, 3 * number, 1))
    return Period(first.start, last.end, f"{day.year:04d}-Q{number}")


def check_span(targets: Targets, span: Period) -> None:
    """MinzhengError when the month or quarter lies wholly outside the plan period."""
    plan = targets.plan
    if span.end < plan.start or span.start > plan.end:
        raise MinzhengError(EngineMsg.span_outside_plan(period=span.label, start=plan.start.isoformat(),
                                                        end=plan.end.isoformat()))


def for_span(current: Snapshot, kind: str, span: Period) -> Weekly:
    """The report of a month or a quarter (`kind`: month, quarter) at a snapshot taken at the span's end, or
    earlier while it runs: 本期变化 against the previous span's end (clamped into the plan), 数据核查 on the reports
    dated after it, 报送情况 over the reporting periods that end inside the span (`span_reporting`).

    MinzhengError when the span does not overlap the plan period."""
    plan = current.targets.plan
    check_span(current.targets, span)
    previous = snapshot.take(current.loaded, span.start - timedelta(days=1), current.index)
    return Weekly(
        current=current,
        previous=previous,
        period=span,
        plan_pace=pace_at(plan, plan.end, current.as_of),
        changes=changes(previous, current),
        alerts=alerts(current),
        due_soon=due_soon(current),
        checks=checks(current, previous.as_of),
        reporting=span_reporting(current, span),
        ranking=tuple(current.ranking()),
        kind=kind,
    )


def changes(previous: Snapshot, current: Snapshot) -> tuple[Change, ...]:
    """Indicators whose district actual, milestone state or status differ between the two snapshots, in plan
    order."""
    found: list[Change] = []
    district = current.targets.district.id
    for old, new in zip(previous.result.indicators, current.result.indicators, strict=True):
        if old.actual == new.actual and old.state == new.state and old.status == new.status:
            continue
        if new.indicator.reported_by == "district":
            moved = old.actual != new.actual or old.state != new.state
            moves = [UnitMove(district, old.actual, new.actual)] if moved else []
        else:
            moves = [UnitMove(n.unit, o.actual, n.actual) for o, n in zip(old.units, new.units, strict=True)
                     if o.actual != n.actual or o.state != n.state]
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
    """Every yellow or red indicator that is not 临期: red first, then the finished-and-failed, then the larger
    gap, then plan order."""
    chosen = [(i, r) for i, r in enumerate(current.result.indicators)
              if r.light in LIT and r.status != "due_soon"]
    chosen.sort(key=_alert_key)
    return tuple(Alert(r, r.responsible(RESPONSIBLE), len(r.responsible(None)), (current.as_of - r.due).days,
                       projection(current, r))
                 for _, r in chosen)


def projection(current: Snapshot, result: IndicatorResult) -> Projection | None:
    """A cumulative indicator behind pace, with at least two reports that hold it: its value at the due date if
    the run rate of the last four weeks (from D − 28 days, or its first report if later) continues; None
    otherwise."""
    ind = result.indicator
    if ind.kind != "cumulative" or result.status != "behind" or result.actual is None:
        return None
    targets, as_of = current.targets, current.as_of
    days = current.index.indicator_dates((u.id for u in targets.reporters(ind)), ind.id, as_of)
    if len(days) < 2:
        return None
    start = max(as_of - timedelta(days=PROJECTION_DAYS), days[0])
    if start >= as_of:
        return None
    then = engine.district_actual(targets, current.index, ind, start) or Fraction(0)
    rate = (result.actual - then) / (as_of - start).days
    value = result.actual + rate * max((result.due - as_of).days, 0)
    completion = value / result.target if result.target else None
    return Projection(value, completion)


def due_soon(current: Snapshot) -> tuple[DueSoon, ...]:
    """Milestones 临期 (not done, due in 1–30 days), soonest first (ties in plan order). A milestone due today is
    逾期, among the alerts."""
    found = [DueSoon(r, (r.due - current.as_of).days) for r in current.result.indicators if r.status == "due_soon"]
    found.sort(key=lambda d: d.days_left)
    return tuple(found)


def checks(current: Snapshot, since: date) -> tuple[Check, ...]:
    """The plausibility warnings on the reports dated after `since` (the comparison date), up to D: what this
    report adds to the previous one. In path order."""
    loaded = current.loaded
    reports = {r.path: r for r in loaded.reports}
    found = []
    for diagnostic in loaded.plausibility:
        report = reports.get(diagnostic.path)
        if report is None or not since < report.as_of <= current.as_of:
            continue
        path = os.path.relpath(diagnostic.path, loaded.data_dir).replace(os.sep, "/")
        found.append(Check(diagnostic, report.unit, report.as_of, path))
    found.sort(key=lambda c: (c.path, c.diagnostic.line, c.diagnostic.column, c.diagnostic.code))
    return tuple(found)


def reporting(current: Snapshot) -> Reporting:
    """报送情况 for the last reporting period ended by D, and for the year (the snapshot's completeness)."""
    targets = current.targets
    plan = targets.plan
    day = current.owed_by
    year = current.completeness
    period = last_ended(plan, day)
    owed = bool(year.periods) and year.periods[-1] == period
    sent = {unit: s for (unit, start), s in submissions(plan, current.loaded.reports, day).items()
            if start == period.start}
    refused = {unit for unit, when in current.loaded.rejected()
               if when <= day and period_start(plan.cadence, when) == period.start}
    states: dict[str, PeriodState] = {}
    for unit in targets.units:
        first = sent.get(unit.id)
        state = period_state(plan, period, first.submitted if first else None, unit.id in refused, day)
        states[unit.id] = state  # a period not ended yet: its deadline is ahead, so nothing is 未报
    ids = tuple(u.id for u in targets.units)
    return Reporting(
        period=period,
        owed=owed,
        expected=ids,
        missing=tuple(u for u in ids if states[u] == "missed"),
        rejected=tuple(u for u in ids if states[u] == "rejected"),
        late=tuple(sent[u] for u in ids if states[u] == "late"),
        within_deadline=tuple(u for u in ids if states[u] == "within_deadline"),
        year=year,
    )


STATE_ORDER: tuple[PeriodState, ...] = ("missed", "rejected", "within_deadline", "late", "on_time")


def span_reporting(current: Snapshot, span: Period) -> Reporting:
    """报送情况 of a month or quarter: the reporting periods of the plan's cadence that end inside the span and
    have ended by D (a weekly plan: the ISO weeks that end in the month; a monthly plan: its months), or, when
    none has ended yet, the first of them (owed by no one yet). A unit counts by its worst period: 未报 when it
    missed any, else 退回, else 时限内; a unit that sent any report late is listed once, with its last late
    report and how many were late."""
    targets = current.targets
    plan = targets.plan
    day = current.owed_by
    year = current.completeness
    inside = tuple(p for p in year.periods if span.start <= p.end <= span.end)
    owed = bool(inside)
    if not owed:
        inside = (period_of(plan.cadence, max(span.start, plan.start)),)
    sent = submissions(plan, current.loaded.reports, day)
    rejected = current.loaded.rejected()
    worst: dict[str, PeriodState] = {}
    late: dict[str, list[Submission]] = {}
    for unit in targets.units:
        states = []
        for period in inside:
            first = sent.get((unit.id, period.start))
            refused = any(u == unit.id and when <= day and period_start(plan.cadence, when) == period.start
                          for u, when in rejected)
            state = period_state(plan, period, first.submitted if first else None, refused, day)
            if state == "late" and first is not None:
                late.setdefault(unit.id, []).append(first)
            states.append(state)
        worst[unit.id] = min(states, key=STATE_ORDER.index)
    ids = tuple(u.id for u in targets.units)
    return Reporting(
        period=inside[-1],
        owed=owed,
        expected=ids,
        missing=tuple(u for u in ids if worst[u] == "missed"),
        rejected=tuple(u for u in ids if worst[u] == "rejected"),
        late=tuple(sent_late[-1] for sent_late in late.values()),
        within_deadline=tuple(u for u in ids if worst[u] == "within_deadline"),
        year=year,
        periods=inside,
        late_times=tuple(len(sent_late) for sent_late in late.values()),
    )
