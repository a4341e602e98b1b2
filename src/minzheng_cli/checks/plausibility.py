"""Plausibility warnings across one unit's reports (DESIGN §1.4), as DHIS2's validation rules: figures that are
possible but suspect, so that a clerk looks again. They never exclude a report; `--strict` fails on them, and the
weekly report lists them under 数据核查.

Each value is compared with the same unit's previous report that holds the indicator (carry-forward):
- `denominator-jump`: a ratio's denominator more than 20% away from the previous one (31 villages, then 100);
- `level-drop`: a level that falls by more than half (13080 元/人/年, then 1.308);
- `magnitude-jump`: a count 1,000 times or more away from the previous one (万元 written as 元, or the reverse);
- `cumulative-jump`: a cumulative count that grows in one report by more than the unit's whole quota, or than
  the whole target where the unit has no quota; the first report of the year counts from zero.
A value that jumps by 1,000 times is said once, as `magnitude-jump`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from fractions import Fraction

from minzheng_cli.catalogue import Message
from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import CheckMsg
from minzheng_cli.checks import Problem
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.model.files import Breakdown, Indicator, Ratio, Report, Targets, Value
from minzheng_cli.model.scalars import number_text

DENOMINATOR_JUMP = Code("denominator-jump", "warning", Meaning.denominator_jump)
LEVEL_DROP = Code("level-drop", "warning", Meaning.level_drop)
MAGNITUDE_JUMP = Code("magnitude-jump", "warning", Meaning.magnitude_jump)
CUMULATIVE_JUMP = Code("cumulative-jump", "warning", Meaning.cumulative_jump)
CODES = (DENOMINATOR_JUMP, LEVEL_DROP, MAGNITUDE_JUMP, CUMULATIVE_JUMP)

DENOMINATOR_CHANGE = Fraction(1, 5)  # more than 20%
LEVEL_FALL = Fraction(1, 2)  # by more than half
MAGNITUDE = 1000  # 1,000 times or more


def check(targets: Targets, breakdown: Breakdown | None, reports: list[Report]) -> Iterator[tuple[Report, Problem]]:
    """The plausibility warnings of every unit's reports (valid ones), each with the report it is placed in; in
    the order of the units' reports by date."""
    by_unit: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_unit[report.unit].append(report)
    quotas = breakdown.quotas if breakdown is not None else {}
    for unit, unit_reports in by_unit.items():
        unit_reports.sort(key=lambda r: r.as_of)
        latest: dict[str, tuple[Value, date]] = {}
        for report in unit_reports:
            for ind_id, value in report.values.items():
                ind = targets.indicator(ind_id)
                if ind is None:
                    continue
                before = latest.get(ind_id)
                quota = quotas.get(ind_id, {}).get(unit)
                for problem in _rules(ind, value, before, quota):
                    yield report, problem
                latest[ind_id] = (value, report.as_of)


def _rules(ind: Indicator, value: Value, before: tuple[Value, date] | None, quota: Fraction | None) -> Iterator[Problem]:
    at = ("values", ind.id)
    if isinstance(value, Ratio):
        if before is not None and isinstance(before[0], Ratio):
            yield from _denominator(ind, value, before[0], before[1], at)
        old = _rate(ind, before[0]) if before is not None else None
        if ind.kind == "level" and old is not None and before is not None:
            yield from _level(ind, _rate(ind, value), old, before[1], at)
        return
    if not isinstance(value, Fraction):
        return  # a milestone's word
    old_count = before[0] if before is not None and isinstance(before[0], Fraction) else None
    since = before[1] if before is not None else None
    if old_count is not None and since is not None and _magnitude(value, old_count):
        yield Problem(at, MAGNITUDE_JUMP, CheckMsg.magnitude_jump(id=ind.id, name=ind.name, old=number_text(old_count),
                                                                  new=number_text(value), date=str(since)))
        return
    if ind.kind == "level" and old_count is not None and since is not None:
        yield from _level(ind, value, old_count, since, at)
    if ind.kind == "cumulative":
        yield from _cumulative(ind, value, old_count, since, quota, at)


def _rate(ind: Indicator, value: Value) -> Fraction | None:
    if not isinstance(value, Ratio) or value.denominator == 0:
        return None
    factor = ind.factor if ind.factor is not None else Fraction(1)
    return factor * value.numerator / value.denominator


def _denominator(ind: Indicator, value: Ratio, old: Ratio, since: date, at: tuple[str, ...]) -> Iterator[Problem]:
    if old.denominator > 0 and abs(value.denominator - old.denominator) > DENOMINATOR_CHANGE * old.denominator:
        yield Problem((*at, "denominator"), DENOMINATOR_JUMP, CheckMsg.denominator_jump(
            id=ind.id, name=ind.name, old=number_text(old.denominator), new=number_text(value.denominator),
            date=str(since)))


def _level(ind: Indicator, new: Fraction | None, old: Fraction, since: date, at: tuple[str, ...]) -> Iterator[Problem]:
    if new is not None and old > 0 and new < old * LEVEL_FALL:
        yield Problem(at, LEVEL_DROP, CheckMsg.level_drop(id=ind.id, name=ind.name, old=_shown(old), new=_shown(new),
                                                          uom=str(ind.uom or ""), date=str(since)))


def _magnitude(new: Fraction, old: Fraction) -> bool:
    return old > 0 and new > 0 and (new >= old * MAGNITUDE or new * MAGNITUDE <= old)


def _cumulative(ind: Indicator, value: Fraction, old: Fraction | None, since: date | None, quota: Fraction | None,
                at: tuple[str, ...]) -> Iterator[Problem]:
    limit = quota if quota is not None else ind.target
    if limit is None or value - (old or 0) <= limit:
        return
    when: Message = CheckMsg.since_report(date=str(since)) if since is not None else CheckMsg.since_start()
    whole: Message = (CheckMsg.the_units_quota(limit=number_text(limit), uom=str(ind.uom or "")) if quota is not None
                      else CheckMsg.the_whole_target(limit=number_text(limit), uom=str(ind.uom or "")))
    yield Problem(at, CUMULATIVE_JUMP, CheckMsg.cumulative_jump(
        id=ind.id, name=ind.name, since=when, delta=number_text(value - (old or 0)), uom=str(ind.uom or ""),
        whole=whole))


def _shown(value: Fraction) -> str:
    """A level as a reader compares it: at most 2 decimals (a rate of 87.3333… is 87.33)."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".rstrip("0").rstrip(".")
