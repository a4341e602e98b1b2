"""序时进度 (pace): the share of an indicator's period that has elapsed by a date (DESIGN §2.3).

Pure: a function of the plan, the indicator's due date and the evaluation date, computed exactly.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from minzheng_cli.model.files import Plan

_ZERO = Fraction(0)
_ONE = Fraction(1)


def pace(plan: Plan, due: date, as_of: date) -> Fraction:
    """序时进度 at `as_of` of the period from `plan.start` to `due`, by `plan.pace`, in [0, 1]."""
    if plan.pace == "months":
        return months_pace(plan.start, due, as_of)
    return days_pace(plan.start, due, as_of)


def days_pace(start: date, due: date, as_of: date) -> Fraction:
    """(D − start + 1 day) / (due − start + 1 day), clamped to [0, 1]. 2025-06-30 in 2025 → 181/365."""
    total = (due - start).days + 1
    if total <= 0:  # an empty period (due before start): nothing to pace, all or nothing
        return _ONE if as_of >= due else _ZERO
    elapsed = (as_of - start).days + 1
    return min(_ONE, max(_ZERO, Fraction(elapsed, total)))


def month_ends(start: date, due: date) -> list[date]:
    """The end of each calendar month the period touches; the last month ends at `due`."""
    ends: list[date] = []
    year, month = start.year, start.month
    while (year, month) < (due.year, due.month):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        ends.append(date(year, month, 1) - timedelta(days=1))
    ends.append(due)
    return ends


def months_pace(start: date, due: date, as_of: date) -> Fraction:
    """Months ended by D (D on or after the month's end) ÷ months in the period.

    2025 plan: 2025-06-30 → 6/12, 2025-06-29 → 5/12; with due 2025-07-30: 2025-06-30 → 6/7, 2025-07-30 → 7/7.
    """
    if due < start:
        return _ONE if as_of >= due else _ZERO
    ends = month_ends(start, due)
    ended = sum(1 for end in ends if as_of >= end)
    return Fraction(ended, len(ends))
