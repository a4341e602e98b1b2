"""序时进度 (DESIGN §2.3): both methods, at a month's end and mid-month, and the DESIGN examples."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from minzheng_cli.engine.pace import days_pace, month_ends, months_pace, pace
from minzheng_cli.model.files import Plan


def make_plan(method: str, start: str = "2025-01-01", end: str = "2025-12-31") -> Plan:
    return Plan.model_validate(
        {
            "id": "p",
            "title": "t",
            "document": "d",
            "issuer": "i",
            "issued": "2025-01-01",
            "start": start,
            "end": end,
            "pace": method,
            "cadence": "weekly",
            "timely_days": "3",
        }
    )


START = date(2025, 1, 1)
END = date(2025, 12, 31)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # DESIGN: 2025-06-30 → (31+28+31+30+31+30 = 181 days elapsed) / 365
        (date(2025, 6, 30), Fraction(181, 365)),
        # mid-month: 2025-06-15 is day 151 + 15 = 166
        (date(2025, 6, 15), Fraction(166, 365)),
        # the first day already counts: (D − start + 1) = 1
        (date(2025, 1, 1), Fraction(1, 365)),
        # the last day: 365/365
        (date(2025, 12, 31), Fraction(1)),
        # clamped: before the period (0/365) and after it (366/365 → 1)
        (date(2024, 12, 31), Fraction(0)),
        (date(2024, 6, 1), Fraction(0)),
        (date(2026, 1, 1), Fraction(1)),
    ],
)
def test_days(as_of: date, expected: Fraction) -> None:
    assert days_pace(START, END, as_of) == expected
    assert pace(make_plan("days"), END, as_of) == expected


def test_days_with_own_due() -> None:
    # due 2025-07-30: the period is 181 + 30 = 211 days; 2025-06-30 is day 181
    due = date(2025, 7, 30)
    assert pace(make_plan("days"), due, date(2025, 6, 30)) == Fraction(181, 211)
    assert pace(make_plan("days"), due, due) == 1
    assert pace(make_plan("days"), due, date(2025, 9, 1)) == 1


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # DESIGN: 2025-06-30 ends June → 6 of 12 months
        (date(2025, 6, 30), Fraction(6, 12)),
        # DESIGN: 2025-06-29 → June not ended yet → 5/12
        (date(2025, 6, 29), Fraction(5, 12)),
        # mid-month: only January–May have ended
        (date(2025, 6, 15), Fraction(5, 12)),
        # February ends on the 28th in 2025
        (date(2025, 2, 27), Fraction(1, 12)),
        (date(2025, 2, 28), Fraction(2, 12)),
        # no month ended in the first month
        (date(2025, 1, 1), Fraction(0)),
        (date(2025, 1, 30), Fraction(0)),
        (date(2025, 1, 31), Fraction(1, 12)),
        (date(2025, 12, 30), Fraction(11, 12)),
        (date(2025, 12, 31), Fraction(1)),
        # outside the period
        (date(2024, 12, 31), Fraction(0)),
        (date(2026, 3, 1), Fraction(1)),
    ],
)
def test_months(as_of: date, expected: Fraction) -> None:
    assert months_pace(START, END, as_of) == expected
    assert pace(make_plan("months"), END, as_of) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # DESIGN: due 2025-07-30 → 7 months (Jan–Jul), July ending at the due date
        (date(2025, 6, 30), Fraction(6, 7)),
        (date(2025, 7, 29), Fraction(6, 7)),
        (date(2025, 7, 30), Fraction(7, 7)),
        (date(2025, 7, 31), Fraction(7, 7)),
    ],
)
def test_months_with_own_due(as_of: date, expected: Fraction) -> None:
    assert pace(make_plan("months"), date(2025, 7, 30), as_of) == expected


def test_months_of_a_period_starting_mid_month() -> None:
    # 2025-03-15 … 2025-12-31 touches March to December: 10 months; March ends on the 31st as usual
    plan = make_plan("months", start="2025-03-15")
    assert month_ends(plan.start, END)[0] == date(2025, 3, 31)
    assert len(month_ends(plan.start, END)) == 10
    assert pace(plan, END, date(2025, 3, 30)) == 0
    assert pace(plan, END, date(2025, 3, 31)) == Fraction(1, 10)
    # across a year end: 2024-11-10 … 2025-02-10 touches Nov, Dec, Jan, Feb
    assert month_ends(date(2024, 11, 10), date(2025, 2, 10)) == [
        date(2024, 11, 30),
        date(2024, 12, 31),
        date(2025, 1, 31),
        date(2025, 2, 10),
    ]
    assert months_pace(date(2024, 11, 10), date(2025, 2, 10), date(2024, 12, 31)) == Fraction(2, 4)


def test_single_month_period() -> None:
    # a period within one month is one month, ending at due
    assert months_pace(date(2025, 9, 1), date(2025, 9, 20), date(2025, 9, 19)) == 0
    assert months_pace(date(2025, 9, 1), date(2025, 9, 20), date(2025, 9, 20)) == 1
