"""报送情况: reporting completeness and timeliness of every unit (DESIGN §2.7).

Pure: a function of the plan, the reports, the files refused for errors and the evaluation date D.

Expected reports: one per cadence period (ISO week Monday–Sunday for `weekly`, calendar month for `monthly`),
from the period that contains `plan.start` to the last one that has ended by D (end ≤ D): the period still
running at D is not owed yet and counts in no rate. A unit has reported for a period when one of its valid
reports has an `as_of` in it (reports after D are not counted); the period is on time when the earliest of those
reports was submitted (`submitted`, or `as_of` when absent) no later than period end + `plan.timely_days`.

A period without a valid report is, for that unit, one of:
- 退回 (`rejected`): a file of the unit dated in the period was excluded for errors: received, not counted;
- 时限内 (`within_deadline`): nothing yet, but its deadline (end + `timely_days`) is D or later;
- 未报 (`missed`): nothing, and the deadline has passed.

Rates are counts over counts: reported ÷ expected and on time ÷ expected, per unit and overall (never a mean of
rates). A period rejected or within its deadline is expected and not reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import cached_property
from typing import Literal

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
    missed: tuple[Period, ...]  # 未报: expected periods without any report, their deadline passed
    late: tuple[Period, ...]  # 迟报: periods reported, but not on time
    rejected: tuple[Period, ...] = ()  # 退回: a file for the period was excluded for errors, none valid
    within_deadline: tuple[Period, ...] = ()  # 时限内: nothing yet, the deadline still ahead (or today)

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
        return self._by_unit.get(unit_id)

    @cached_property
    def _by_unit(self) -> dict[str, UnitCompleteness]:
        return {u.unit: u for u in self.units}


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


def periods(plan: Plan, as_of: date, cadence: str | None = None) -> list[Period]:
    """The expected periods: from the one containing `plan.start` to the last that has ended by D and still
    touches the plan period (so the period holding `plan.end` is owed once it has ended, even after the plan).
    `cadence` another than the plan's (`weekly`, `monthly`): the weeks of a weekly report."""
    cadence = cadence or plan.cadence
    found: list[Period] = []
    period = period_of(cadence, plan.start)
    while period.end <= as_of and period.start <= plan.end:
        found.append(period)
        period = period_of(cadence, period.end + timedelta(days=1))
    return found


def last_ended(plan: Plan, as_of: date, cadence: str | None = None) -> Period:
    """The period a report for D is about: the last one that has ended by D (a Monday: the week just past),
    within the plan; the plan's first period when none has ended yet."""
    owed = periods(plan, as_of, cadence)
    return owed[-1] if owed else period_of(cadence or plan.cadence, plan.start)


def deadline(plan: Plan, period: Period) -> date:
    """The last day a report for the period is on time: its end + `timely_days`."""
    return period.end + timedelta(days=plan.timely_days)


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


PeriodState = Literal["on_time", "late", "rejected", "within_deadline", "missed"]


def period_state(plan: Plan, period: Period, sent: date | None, rejected: bool, as_of: date) -> PeriodState:
    """What one unit did for one period, at D: `sent` the earliest submission of its valid reports dated in the
    period (None: none), `rejected` whether a file of it dated in the period was excluded for errors."""
    if sent is not None:
        return "on_time" if sent <= deadline(plan, period) else "late"
    if rejected:
        return "rejected"
    return "within_deadline" if deadline(plan, period) >= as_of else "missed"


def completeness(targets: Targets, reports: Iterable[Report], as_of: date,
                 rejected: Iterable[tuple[str, date]] = ()) -> Completeness:
    """Reporting completeness of every unit (district included) at `as_of`; `rejected` the (unit, as_of) of the
    files excluded for errors (`Loaded.rejected`)."""
    plan = targets.plan
    expected = periods(plan, as_of)
    first = {key: s.submitted for key, s in submissions(plan, reports, as_of).items()}
    refused = {(unit, period_start(plan.cadence, day)) for unit, day in rejected if day <= as_of}
    units: list[UnitCompleteness] = []
    for unit in targets.units:
        missed: list[Period] = []
        late: list[Period] = []
        back: list[Period] = []
        within: list[Period] = []
        reported = on_time = 0
        for period in expected:
            key = (unit.id, period.start)
            state = period_state(plan, period, first.get(key), key in refused, as_of)
            reported += state in ("on_time", "late")
            on_time += state == "on_time"
            if state == "late":
                late.append(period)
            elif state == "rejected":
                back.append(period)
            elif state == "within_deadline":
                within.append(period)
            elif state == "missed":
                missed.append(period)
        units.append(UnitCompleteness(unit.id, len(expected), reported, on_time, tuple(missed), tuple(late),
                                      tuple(back), tuple(within)))
    return Completeness(as_of, plan.cadence, tuple(expected), tuple(units))
