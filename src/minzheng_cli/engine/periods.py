"""Date helpers for the commands: clamp into the plan period, parse an ISO week. Pure: 'today' is passed in."""

from __future__ import annotations

import re
from datetime import date

from minzheng_cli.catalogue import quote
from minzheng_cli.catalogue.words import EngineMsg
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.files import Plan
from minzheng_cli.read.scalars import parse_date


class DateProblem(MinzhengError, ValueError):
    """A date or week on the command line that cannot be read: the one error type (`err.text(lang)`), and a
    ValueError for the callers that catch one (MINZHENG_TODAY in cli.app.today)."""


def clamp(plan: Plan, day: date) -> date:
    """`day` moved into the plan period [start, end]."""
    return min(max(day, plan.start), plan.end)


def parse_day(text: str) -> date:
    """A date YYYY-MM-DD from the command line, read exactly as a date in a file (full-width digits, 2025/6/30 …
    get the same advice); DateProblem (a MinzhengError and a ValueError) otherwise."""
    try:
        return parse_date(text)
    except MinzhengError as err:
        raise DateProblem(err.detail) from None


def week_end(text: str) -> date:
    """The Sunday that ends ISO week 'YYYY-Www' (the report date of that week); DateProblem otherwise."""
    m = re.fullmatch(r"([0-9]{4})-?W([0-9]{2})", text)
    if not m:
        raise DateProblem(EngineMsg.not_an_iso_week(text=quote(text)))
    year, week = int(m.group(1)), int(m.group(2))
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        raise DateProblem(EngineMsg.no_such_week(text=quote(text), year=year, week=week)) from None
