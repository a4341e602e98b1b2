"""Date helpers for the commands: clamp into the plan period, parse an ISO week. Pure: 'today' is passed in."""

from __future__ import annotations

import re
from datetime import date

from minzheng_cli.models import Plan


def clamp(plan: Plan, day: date) -> date:
    """`day` moved into the plan period [start, end]."""
    return min(max(day, plan.start), plan.end)


def parse_day(text: str) -> date:
    """A date YYYY-MM-DD from the command line; ValueError with a plain message otherwise."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2025-06-30")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a real calendar date") from None


def week_end(text: str) -> date:
    """The Sunday that ends ISO week 'YYYY-Www' (the report date of that week)."""
    m = re.fullmatch(r"(\d{4})-?W(\d{2})", text)
    if not m:
        raise ValueError(f"'{text}' is not an ISO week; write YYYY-Www, e.g. 2025-W27")
    year, week = int(m.group(1)), int(m.group(2))
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        raise ValueError(f"'{text}': year {year} has no week {week}") from None
