"""报送情况: reporting completeness and timeliness of every unit (DESIGN §2.7).

Pure: a function of the plan, the reports and the evaluation date.

Expected reports: one per cadence period (ISO week Monday–Sunday for `weekly`, calendar month for `monthly`),
from the period that contains `plan.start` to the one that contains D (the current period counts as expected;
D is clamped to the plan period). A unit has reported for a period when one of its reports has an `as_of` in
it (reports after D are not counted); the period is on time when the earliest of those reports was submitted
(`submitted`, or `as_of` when absent) no later than period end + `plan.timely_days`. Rates are counts over
counts: reported ÷ expected and on time ÷ expected, per unit and overall (never a mean of rates).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from minzheng_cli.model.files import Plan, Report, Targets


@dataclass(frozen=True)
class Period:
    """One reporting period: `start` and `end` inclusive; `label` 2025-W27 (ISO week) or 2025-06 (month)."""

    start: date
    end: date
    label: str


@dataclass(frozen=True)
class UnitCompleteness:
    unit: str
    expected: int
    reported: int
    on_time: int
    missed: tuple[Period, ...]  # expected periods without any report
    late: tuple[Period, ...]  # periods reported, but not on time

    @property
    def rate(self) -> Fraction | None:
        """报送率: periods reported ÷ periods expected (None when nothing was expected yet)."""
        return _rate(self.reported, self.expected)

    @property
    def on_time_rate(self) -> Fraction | None:
        """按时报送率: periods reported on time ÷ periods expected."""
        return _rate(self.on_time, self.expected)


@dataclass(frozen=True)
class Completeness:
    as_of: date
    cadence: str
    periods: tuple[Period, ...]
    units: tuple[UnitCompleteness, ...]  # every unit of the plan, district included, in plan order

    @property
    def expected(self) -> int:
        return sum(u.expected for u in self.units)

    @property
    def reported(self) -> int:
        return sum(u.reported for u in self.units)

    @property
    def on_time(self) -> int:
        return sum(u.on_time for u in self.units)

    @property
    def rate(self) -> Fraction | None:
        return _rate(self.reported, self.expected)

    @property
    def on_time_rate(self) -> Fraction | None:
        return _rate(self.on_time, self.expected)

    def unit(self, unit_id: str) -> UnitCompleteness | None:
        return next((u for u in self.units if u.unit == unit_id), None)


def _rate(count: int, total: int) -> Fraction | None:
    return Fraction(count, total) if total else None


def period_start(cadence: str, day: date) -> date:
    """The first day of the period containing `day`: its ISO week's Monday, or its month's first day."""
    if cadence == "monthly":
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def period_of(cadence: str, day: date) -> Period:
    """The reporting period that contains `day`."""
    start = period_start(cadence, day)
    if cadence == "monthly":
        following = date(start.year + 1, 1, 1) if start.month == 12 else date(start.year, start.month + 1, 1)
        return Period(start, following - timedelta(days=1), f"{start.year:04d}-{start.month:02d}")
    year, week, _ = start.isocalendar()
    return Period(start, start + timedelta(days=6), f"{year:04d}-W{week:02d}")


def periods(plan: Plan, as_of: date) -> list[Period]:
    """The expected periods: from the one containing `plan.start` to the one containing D (clamped to the
    plan period)."""
    last = min(as_of, plan.end)
    if last < plan.start:
        return []
    found = [period_of(plan.cadence, plan.start)]
    while found[-1].end < last:
        found.append(period_of(plan.cadence, found[-1].end + timedelta(days=1)))
    return found


@dataclass(frozen=True)
class Submission:
    """A unit's report for a period: the earliest submission among its reports dated in the period."""

    unit: str
    as_of: date
    submitted: date


def submissions(plan: Plan, reports: Iterable[Report], as_of: date) -> dict[tuple[str, date], Submission]:
    """The earliest submission per (unit, period start), of the reports dated from plan start to `as_of`;
    `submitted` absent counts as submitted on `as_of`."""
    first: dict[tuple[str, date], Submission] = {}
    for report in reports:
        if not plan.start <= report.as_of <= as_of:
            continue
        key = (report.unit, period_start(plan.cadence, report.as_of))
        sent = report.submitted or report.as_of
        known = first.get(key)
        if known is None or sent < known.submitted:
            first[key] = Submission(report.unit, report.as_of, sent)
    return first


def completeness(targets: Targets, reports: Iterable[Report], as_of: date) -> Completeness:
    """Reporting completeness of every unit (district included) at `as_of`."""
    plan = targets.plan
    expected = periods(plan, as_of)
    first = {key: s.submitted for key, s in submissions(plan, reports, as_of).items()}
    grace = timedelta(days=plan.timely_days)
    units: list[UnitCompleteness] = []
    for unit in targets.units:
        missed: list[Period] = []
        late: list[Period] = []
        reported = on_time = 0
        for period in expected:
            first_sent = first.get((unit.id, period.start))
            if first_sent is None:
                missed.append(period)
                continue
            reported += 1
            if first_sent <= period.end + grace:
                on_time += 1
            else:
                late.append(period)
        units.append(UnitCompleteness(unit.id, len(expected), reported, on_time, tuple(missed), tuple(late)))
    return Completeness(as_of, plan.cadence, tuple(expected), tuple(units))
