"""The numbers (DESIGN §2): the plan evaluated at a date.

Pure functions of (targets, breakdown or None, reports, as_of): no clock, no files, no terminal. Everything is
computed with `Fraction`, so that pace 0.75 against progress 0.70 is exactly 5 points.

Reports are indexed once (`ValueIndex`: per unit and indicator, the values in date order) and looked up by
bisection, so a province (1,300 units × 52 reports × 20 indicators) evaluates in a fraction of a second. Every
function that takes reports also takes a prebuilt `ValueIndex`, to evaluate several dates from one index.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import cached_property
from typing import Literal, NamedTuple, get_args

from minzheng_cli.engine.pace import pace as pace_at
from minzheng_cli.model.files import (
    Breakdown,
    Indicator,
    Kind,
    Lights,
    Milestone,
    Ratio,
    Report,
    Targets,
    Unit,
    Value,
)
from minzheng_cli.model.series import UnitSeries, decode_value, series_of

Status = Literal[
    "no_data",
    "within_cap",
    "over_cap",
    "done",
    "overdue",
    "due_soon",
    "pending",
    "missed",
    "not_met",
    "ahead",
    "on_pace",
    "behind",
]
Light = Literal["green", "yellow", "red"]
Basis = Literal["progress", "completion", "cap"]

STATUSES: tuple[Status, ...] = get_args(Status)
LIGHTS: tuple[Light, ...] = get_args(Light)

DUE_SOON_DAYS = 30
_ZERO = Fraction(0)
_ONE = Fraction(1)
_HUNDRED = Fraction(100)


# ----------------------------------------------------------------------------------------------------
# §2.1 carry forward


class ValueIndex:
    """Every unit's reports in `as_of` order; the value at D is found by bisection on the unit's dates.

    Held as columns (`model.series`: per unit its dates, per indicator its values), built from reports or taken
    as the cache keeps them, values decoded only when looked up; a look-up bisects the unit's report dates and
    steps back to the latest report ≤ D that has the indicator — usually the first one it looks at.
    """

    __slots__ = ("_units",)

    def __init__(self, reports: Iterable[Report] | Mapping[str, UnitSeries]) -> None:
        self._units: Mapping[str, UnitSeries] = reports if isinstance(reports, Mapping) else series_of(list(reports))

    def at(self, unit_id: str, indicator_id: str, as_of: date) -> Value | None:
        """The value of the latest report with `as_of` ≤ D that has the indicator, or None."""
        series = self._units.get(unit_id)
        if series is None:
            return None
        column = series.columns.get(indicator_id)
        if column is None:
            return None
        for i in range(bisect.bisect_right(series.dates, as_of) - 1, -1, -1):
            value = column[i]
            if value is not None:
                return decode_value(value)
        return None

    def indicator_dates(self, unit_ids: Iterable[str], indicator_id: str, as_of: date) -> list[date]:
        """The distinct `as_of` dates ≤ D of the reports of these units that hold the indicator, in order."""
        days: set[date] = set()
        for unit_id in unit_ids:
            series = self._units.get(unit_id)
            column = series.columns.get(indicator_id) if series is not None else None
            if series is not None and column is not None:
                dates = series.dates
                days.update(d for d, v in zip(dates[: bisect.bisect_right(dates, as_of)], column, strict=False)
                            if v is not None)
        return sorted(days)

    def report_dates(self, unit_ids: Iterable[str], as_of: date) -> list[date]:
        """The distinct `as_of` dates ≤ D of the reports of these units, in order."""
        days: set[date] = set()
        for unit_id in unit_ids:
            series = self._units.get(unit_id)
            if series is not None:
                days.update(series.dates[: bisect.bisect_right(series.dates, as_of)])
        return sorted(days)


def index_reports(reports: Iterable[Report] | Mapping[str, UnitSeries] | ValueIndex) -> ValueIndex:
    return reports if isinstance(reports, ValueIndex) else ValueIndex(reports)


# ----------------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class UnitResult:
    """One township's figures for a township-reported indicator (§2.6).

    `actual` is the unit's own value (a ratio: factor × its numerator / its denominator; a milestone: 1 when
    done, else 0). `quota`, `completion`, `progress`, `status` and `light` are None unless the breakdown gives
    the unit a quota; a level's unit progress is always None (no per-unit baseline). `state` is a milestone's
    word as the unit reported it (§2.2), None for other kinds and without a value.
    """

    unit: str
    actual: Fraction | None
    quota: Fraction | None
    completion: Fraction | None
    progress: Fraction | None
    status: Status | None
    light: Light | None
    state: Milestone | None = None


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator at D (§2.2–2.6), with what its light was judged on.

    `judged_on` names the figure behind the status and light, so that no renderer has to work it out:
    - "completion": a cumulative indicator (its progress is its completion, compared with pace) or a level
      without baseline (completion against the target: done or not met, no pace comparison);
    - "progress": a level with a baseline (progress from the baseline, compared with pace) or a milestone (done,
      or the share of townships done);
    - "cap": a cap, its actual against the cap.
    `share` is that figure (for a cap, actual ÷ cap); `paced` says whether it was compared with 序时进度.

    `state` is a milestone's state as reported (§2.2): the district unit's own word; for a township milestone
    `done` when every township is done, `not_started` while every township with a value reports not started,
    else `in_progress`. None for other kinds and without data. Every output shows it as reported.
    """

    indicator: Indicator
    due: date
    target: Fraction | None  # None for milestones
    actual: Fraction | None  # None when no unit has a value
    completion: Fraction | None  # 完成率: cumulative and level only
    progress: Fraction | None  # compared with pace; None for cap and level without baseline
    baseline: Fraction | None  # a level's value at plan start (breakdown.yaml); None otherwise
    judged_on: Basis
    pace: Fraction  # 序时进度
    gap: Fraction | None  # (pace − progress) × 100, in points; None without progress
    status: Status
    light: Light | None
    units: tuple[UnitResult, ...]  # every township for township indicators, in plan order; () for district
    state: Milestone | None = None

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def distinct_progress(self) -> Fraction | None:
        """The progress to show beside 完成率 (进度), where it says something 完成率 does not: a level with a
        baseline, a township milestone (the share of townships done). None where it equals 完成率 (cumulative),
        where there is none (cap, level without baseline, no data) and for a district milestone (its state
        says it)."""
        ind = self.indicator
        if self.progress is None or self.progress == self.completion:
            return None
        if ind.kind == "milestone" and ind.reported_by == "district":
            return None
        return self.progress

    @property
    def share(self) -> Fraction | None:
        """The share the light was judged on (`judged_on`); None without data."""
        if self.judged_on == "progress":
            return self.progress
        if self.judged_on == "completion":
            return self.completion
        return _ratio_of(self.actual, self.target)

    @property
    def paced(self) -> bool:
        """Whether the light compares progress with 序时进度 (cumulative, level with baseline, milestone; with data)."""
        return self.progress is not None

    def unit(self, unit_id: str) -> UnitResult | None:
        return self._by_unit.get(unit_id)

    @cached_property
    def _by_unit(self) -> dict[str, UnitResult]:
        return {u.unit: u for u in self.units}

    def responsible(self, limit: int | None = 3) -> tuple[UnitResult, ...]:
        """The townships furthest behind on this indicator, worst first (for 欠进度与预警).

        - milestone: the townships not done (no value counts as not done), in plan order;
        - with quotas: the units with a quota whose status is behind, missed, not_met or no_data, by progress
          (completion for a level), no value first;
        - without quotas: every township by its actual, lowest first (a cap: highest first), no value first.
        """
        kind = self.indicator.kind
        if kind == "milestone":
            chosen = [u for u in self.units if u.actual != _ONE]
            return tuple(chosen[:limit])
        with_quota = [u for u in self.units if u.quota is not None]
        if with_quota:
            lagging = [u for u in with_quota if u.status in _LAGGING]
            lagging.sort(key=_unit_shortfall)
            return tuple(lagging[:limit])
        reported = [u for u in self.units if u.actual is not None]
        reported.sort(key=_unit_actual_key, reverse=kind == "cap")
        missing = [u for u in self.units if u.actual is None]
        return tuple((missing + reported)[:limit])


_LAGGING: frozenset[Status | None] = frozenset({"behind", "missed", "not_met", "no_data"})


def _unit_shortfall(unit: UnitResult) -> tuple[int, Fraction]:
    score = unit.progress if unit.progress is not None else unit.completion
    return (0, _ZERO) if score is None else (1, score)


def _unit_actual_key(unit: UnitResult) -> Fraction:
    return unit.actual if unit.actual is not None else _ZERO


@dataclass(frozen=True)
class StatusResult:
    as_of: date
    indicators: tuple[IndicatorResult, ...]

    def by_status(self) -> dict[str, int]:
        """Indicators per status, in the order of the status table; statuses with no indicator left out."""
        counts = {s: 0 for s in STATUSES}
        for result in self.indicators:
            counts[result.status] += 1
        return {s: n for s, n in counts.items() if n}

    def by_word(self) -> dict[tuple[Status, Milestone | None], int]:
        """Indicators per status as a reader sees it: a pending milestone's by its state too (未开始 / 推进中),
        in the order of the status table; statuses with no indicator left out."""
        counts: dict[tuple[Status, Milestone | None], int] = {}
        for status in STATUSES:
            states: tuple[Milestone | None, ...] = ("not_started", "in_progress") if status == "pending" else (None,)
            counts.update(((status, state), 0) for state in states)
        for result in self.indicators:
            key = (result.status, result.state if result.status == "pending" else None)
            counts[key] = counts.get(key, 0) + 1
        return {key: n for key, n in counts.items() if n}

    def by_light(self) -> dict[str, int]:
        """Indicators per light (green, yellow, red); no light (no data) and zero counts left out."""
        counts = {light: 0 for light in LIGHTS}
        for result in self.indicators:
            if result.light is not None:
                counts[result.light] += 1
        return {light: n for light, n in counts.items() if n}

    def indicator(self, indicator_id: str) -> IndicatorResult | None:
        return next((r for r in self.indicators if r.indicator.id == indicator_id), None)


# ----------------------------------------------------------------------------------------------------
# §2.2 actuals


def _factor(indicator: Indicator) -> Fraction:
    return indicator.factor if indicator.factor is not None else _ONE


def unit_actual(indicator: Indicator, value: Value | None) -> Fraction | None:
    """A unit's own actual: a count as is; a ratio factor × numerator / denominator; a milestone 1 or 0."""
    if value is None:
        return None
    if indicator.kind == "milestone":
        return _ONE if value == "done" else _ZERO
    if isinstance(value, Ratio):
        if value.denominator == 0:
            return None
        return _factor(indicator) * value.numerator / value.denominator
    if isinstance(value, Fraction):
        return value
    return None  # a milestone word for a number: refused by validation, no value here


def unit_state(indicator: Indicator, value: Value | None) -> Milestone | None:
    """A milestone's state as the unit reported it; None for other kinds and without a value."""
    if indicator.kind != "milestone" or not isinstance(value, str):
        return None
    return value


def township_state(values: Sequence[Value | None]) -> Milestone | None:
    """A township milestone's state (§2.2): done when every township is done; not started while every township
    with a value reports not started; else in progress. None when no township has a value."""
    present = [v for v in values if isinstance(v, str)]
    if not present:
        return None
    if len(present) == len(values) and all(v == "done" for v in present):
        return "done"
    if all(v == "not_started" for v in present):
        return "not_started"
    return "in_progress"


def _aggregate(indicator: Indicator, values: Sequence[Value | None]) -> tuple[Fraction | None, int]:
    """The district actual over township values, and (milestones) the number of townships done."""
    if indicator.kind == "milestone":
        present = [v for v in values if v is not None]
        done = sum(1 for v in present if v == "done")
        return (Fraction(done) if present else None), done
    if indicator.measure == "ratio":
        numerator = denominator = _ZERO
        seen = False
        for value in values:
            if isinstance(value, Ratio):
                numerator += value.numerator
                denominator += value.denominator
                seen = True
        if not seen or denominator == 0:
            return None, 0
        return _factor(indicator) * numerator / denominator, 0
    counts = [v for v in values if isinstance(v, Fraction)]
    if not counts:
        return None, 0
    if all(v.denominator == 1 for v in counts):  # the common case, summed as integers: much faster
        return Fraction(sum(v.numerator for v in counts)), 0
    return sum(counts, _ZERO), 0


def _district_actual(
    targets: Targets, index: ValueIndex, indicator: Indicator, as_of: date
) -> tuple[Fraction | None, Value | None]:
    value = index.at(targets.district.id, indicator.id, as_of)
    return unit_actual(indicator, value), value


# ----------------------------------------------------------------------------------------------------
# §2.5 status and light


def judge(
    kind: Kind,
    actual: Fraction | None,
    target: Fraction | None,
    progress: Fraction | None,
    milestone_done: bool,
    pace: Fraction,
    due: date,
    as_of: date,
    lights: Lights,
) -> tuple[Status, Light | None]:
    """The status table of §2.5, in order, first match wins.

    `progress` None for a level means it has no baseline (§2.4); for a unit with a level quota it is always
    None.
    """
    if actual is None:
        return "no_data", None
    if kind == "cap":
        if target is None:
            return "no_data", None  # a cap without target: refused by validation
        return ("within_cap", "green") if actual <= target else ("over_cap", "red")
    if kind == "milestone":
        if milestone_done:
            return "done", "green"
        if as_of >= due:
            return "overdue", "red"
        if (due - as_of).days <= DUE_SOON_DAYS:
            return "due_soon", "yellow"
        return "pending", "green"
    if target is None:
        return "no_data", None  # cumulative/level without target: refused by validation
    if actual >= target:
        return "done", "green"
    if as_of >= due:
        return "missed", "red"
    if progress is None:
        return "not_met", "yellow"
    gap = (pace - progress) * _HUNDRED
    if gap < 0:
        return "ahead", "green"
    if gap <= lights.tolerance:
        return "on_pace", "green"
    return "behind", light_of_gap(gap, lights)


def light_of_gap(gap: Fraction, lights: Lights) -> Light:
    """红黄绿灯 of a gap behind pace, in points: green up to the tolerance (or ahead), red past `red`, else yellow."""
    if gap <= lights.tolerance:
        return "green"
    return "red" if gap > lights.red else "yellow"


# ----------------------------------------------------------------------------------------------------
# evaluate


def _ratio_of(numerator: Fraction | None, denominator: Fraction | None) -> Fraction | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def _quotas(breakdown: Breakdown | None, indicator: Indicator) -> dict[str, Fraction]:
    # Quotas count only for cumulative and level indicators (§1.2; validation refuses any other).
    if breakdown is None or indicator.kind not in ("cumulative", "level"):
        return {}
    return breakdown.quotas.get(indicator.id, {})


def _unit_result(
    indicator: Indicator,
    unit: Unit,
    value: Value | None,
    quota: Fraction | None,
    pace: Fraction,
    due: date,
    as_of: date,
    lights: Lights,
) -> UnitResult:
    actual = unit_actual(indicator, value)
    state = unit_state(indicator, value)
    if quota is None:
        return UnitResult(unit.id, actual, None, None, None, None, None, state)
    completion = _ratio_of(actual, quota)
    progress = completion if indicator.kind == "cumulative" else None
    status, light = judge(indicator.kind, actual, quota, progress, False, pace, due, as_of, lights)
    return UnitResult(unit.id, actual, quota, completion, progress, status, light, state)


def evaluate_indicator(
    targets: Targets,
    breakdown: Breakdown | None,
    index: ValueIndex,
    indicator: Indicator,
    as_of: date,
) -> IndicatorResult:
    """One indicator at D: §2.2–2.6."""
    plan = targets.plan
    due = targets.due(indicator)
    pace = pace_at(plan, due, as_of)
    kind = indicator.kind
    units: tuple[UnitResult, ...] = ()
    if indicator.reported_by == "district":
        actual, value = _district_actual(targets, index, indicator, as_of)
        milestone_done = value == "done"
        milestone_progress = actual
        state = unit_state(indicator, value)
    else:
        townships = targets.townships
        values = [index.at(u.id, indicator.id, as_of) for u in townships]
        actual, done_count = _aggregate(indicator, values)
        milestone_done = bool(townships) and done_count == len(townships)
        milestone_progress = Fraction(done_count, len(townships)) if actual is not None else None
        state = township_state(values) if kind == "milestone" else None
        quotas = _quotas(breakdown, indicator)
        units = tuple(
            _unit_result(indicator, u, v, quotas.get(u.id), pace, due, as_of, plan.lights)
            for u, v in zip(townships, values, strict=True)
        )

    target = None if kind == "milestone" else indicator.target
    completion: Fraction | None = None
    progress: Fraction | None = None
    baseline: Fraction | None = None
    judged_on: Basis = "completion"
    if kind in ("cumulative", "level"):
        completion = _ratio_of(actual, target)
    if kind == "cumulative":
        progress = completion
    elif kind == "level":
        baseline = breakdown.baselines.get(indicator.id) if breakdown is not None else None
        if baseline is not None:
            judged_on = "progress"
            if actual is not None and target is not None:
                progress = _ratio_of(actual - baseline, target - baseline)
    elif kind == "milestone":
        progress = milestone_progress
        judged_on = "progress"
    else:
        judged_on = "cap"
    gap = None if progress is None else (pace - progress) * _HUNDRED
    status, light = judge(kind, actual, target, progress, milestone_done, pace, due, as_of, plan.lights)
    return IndicatorResult(
        indicator=indicator,
        due=due,
        target=target,
        actual=actual,
        completion=completion,
        progress=progress,
        baseline=baseline,
        judged_on=judged_on,
        pace=pace,
        gap=gap,
        status=status,
        light=light,
        units=units,
        state=state,
    )


def evaluate(
    targets: Targets,
    breakdown: Breakdown | None,
    reports: Iterable[Report] | ValueIndex,
    as_of: date,
) -> StatusResult:
    """Every indicator of the plan at D, in plan order."""
    index = index_reports(reports)
    return StatusResult(
        as_of=as_of,
        indicators=tuple(evaluate_indicator(targets, breakdown, index, i, as_of) for i in targets.indicators),
    )


# ----------------------------------------------------------------------------------------------------
# history


class HistoryPoint(NamedTuple):
    """The district actual of an indicator at one report date, and a milestone's state then (§2.2)."""

    day: date
    actual: Fraction | None
    state: Milestone | None = None


def district_actual(
    targets: Targets, index: ValueIndex, indicator: Indicator, as_of: date
) -> Fraction | None:
    """§2.2: the district actual of one indicator at D."""
    return _district_point(targets, index, indicator, as_of).actual


def _district_point(targets: Targets, index: ValueIndex, indicator: Indicator, as_of: date) -> HistoryPoint:
    if indicator.reported_by == "district":
        actual, value = _district_actual(targets, index, indicator, as_of)
        return HistoryPoint(as_of, actual, unit_state(indicator, value))
    values = [index.at(u.id, indicator.id, as_of) for u in targets.townships]
    state = township_state(values) if indicator.kind == "milestone" else None
    return HistoryPoint(as_of, _aggregate(indicator, values)[0], state)


def history(
    targets: Targets, reports: Iterable[Report] | ValueIndex, indicator_id: str, as_of: date
) -> list[HistoryPoint]:
    """The district actual (and a milestone's state) at each distinct `as_of` (≤ D) of the reports of the
    indicator's reporting units.

    Raises KeyError for an indicator id the plan does not have.
    """
    indicator = targets.indicator(indicator_id)
    if indicator is None:
        raise KeyError(indicator_id)
    index = index_reports(reports)
    days = index.report_dates((u.id for u in targets.reporters(indicator)), as_of)
    return [_district_point(targets, index, indicator, day) for day in days]
