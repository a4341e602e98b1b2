"""Date helpers for the commands: clamp into the plan period, parse an ISO week. Pure: 'today' is passed in."""

from __future__ import annotations

import re
from datetime import date

from minzheng_cli.messages import Message, msg, quote
from minzheng_cli.model.files import Plan
from minzheng_cli.read.scalars import ScalarError, parse_date


class DateProblem(ValueError):
    """A date or week on the command line that cannot be read: `str(err)` is English, `err.detail` the message
    (`err.detail.render(lang)`)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.detail = message


def clamp(plan: Plan, day: date) -> date:
    """`day` moved into the plan period [start, end]."""
    return min(max(day, plan.start), plan.end)


def parse_day(text: str) -> date:
    """A date YYYY-MM-DD from the command line, read exactly as a date in a file (full-width digits, 2025/6/30 …
    get the same advice); DateProblem (a ValueError) otherwise."""
    try:
        return parse_date(text)
    except ScalarError as err:
        raise DateProblem(err.detail) from None


def week_end(text: str) -> date:
    """The Sunday that ends ISO week 'YYYY-Www' (the report date of that week); DateProblem otherwise."""
    m = re.fullmatch(r"([0-9]{4})-?W([0-9]{2})", text)
    if not m:
        raise DateProblem(msg("{text} is not an ISO week; write YYYY-Www, e.g. 2025-W27", text=quote(text)))
    year, week = int(m.group(1)), int(m.group(2))
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        raise DateProblem(msg("{text}: year {year} has no week {week}", text=quote(text), year=year,
                              week=week)) from None
