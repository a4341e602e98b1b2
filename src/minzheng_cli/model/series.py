"""Report values in the compact form the cache keeps and the engine looks up: per unit, its report dates and one
column per indicator (DESIGN §4).

A value is encoded as plain data — an int for a whole count, the text "n/d" for any other exact count, a
milestone's word, a ratio as a two-item list of its encoded parts — and decoded only when it is looked up, so that
a warm run over a province (1,300 units × 52 reports × 16 values) makes no number it does not use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import Any, NamedTuple

from minzheng_cli.model.files import MILESTONE_WORDS, Ratio, Report, Value

Encoded = Any  # int | str | list[int | str]; a decoded Value is accepted where an encoded one is


class UnitSeries(NamedTuple):
    """One unit's valid reports in `as_of` order: their dates, and per indicator its value in each (None: the
    report does not have it)."""

    dates: list[date]
    columns: dict[str, list[Encoded | None]]


def encode_number(number: Fraction | int) -> int | str:
    if number.denominator == 1:
        return int(number.numerator)
    return f"{number.numerator}/{number.denominator}"


def encode_value(value: Value) -> Encoded:
    if isinstance(value, Ratio):
        return [encode_number(value.numerator), encode_number(value.denominator)]
    if isinstance(value, str):
        return value
    return encode_number(value)


def _number(raw: Any) -> Fraction:
    if type(raw) is int:
        return Fraction(raw)
    if isinstance(raw, Fraction):
        return raw
    return Fraction(raw)  # "n/d": the cache checked its form when it was read


def decode_value(raw: Encoded) -> Value:
    """The Value an encoded one stands for (a decoded Value is returned as it is)."""
    kind = type(raw)
    if kind is int:
        return Fraction(raw)
    if kind is list:
        return Ratio(_number(raw[0]), _number(raw[1]))
    if kind is str:
        word = MILESTONE_WORDS.get(raw)
        return word if word is not None else Fraction(raw)
    return raw  # type: ignore[no-any-return]  # a Fraction, a Ratio or a milestone word already


def series_of(reports: list[Report]) -> dict[str, UnitSeries]:
    """The series of each unit, from its reports (for two reports of one unit and date, the later one wins)."""
    by_unit: dict[str, list[Report]] = {}
    for report in reports:
        by_unit.setdefault(report.unit, []).append(report)
    found: dict[str, UnitSeries] = {}
    for unit, unit_reports in by_unit.items():
        unit_reports.sort(key=_as_of)
        columns: dict[str, list[Encoded | None]] = {}
        for i, report in enumerate(unit_reports):
            for key, value in report.values.items():
                column = columns.get(key)
                if column is None:
                    column = columns[key] = [None] * len(unit_reports)
                column[i] = value
        found[unit] = UnitSeries([r.as_of for r in unit_reports], columns)
    return found


def _as_of(report: Report) -> date:
    return report.as_of


class ReportSet:
    """The valid reports of a data folder: a list, or made from the cache only when something asks for them —
    a warm `validate` needs only their number, a warm `status` only their values as series."""

    def __init__(self, reports: list[Report] | None = None, count: int | None = None,
                 make_reports: Callable[[], list[Report]] | None = None,
                 make_series: Callable[[], dict[str, UnitSeries]] | None = None) -> None:
        self._reports = reports
        self._count = len(reports) if reports is not None else count or 0
        self._make_reports = make_reports
        self._make_series = make_series
        self._series: dict[str, UnitSeries] | None = None

    def __len__(self) -> int:
        return self._count

    def reports(self) -> list[Report]:
        if self._reports is None:
            self._reports = self._make_reports() if self._make_reports is not None else []
        return self._reports

    def series(self) -> dict[str, UnitSeries]:
        if self._series is None:
            if self._make_series is not None and self._reports is None:
                self._series = self._make_series()
            else:
                self._series = series_of(self.reports())
        return self._series
