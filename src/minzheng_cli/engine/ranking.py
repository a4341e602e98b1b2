"""Ranking of the townships (DESIGN §2.6): by mean progress over their quotas, each capped at 100% so that one
over-achieved quota cannot hide a zero on another; ties by on-time rate, then reporting rate. Townships without
quotas come after, by reporting rate, then on-time rate."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from minzheng_cli.engine.completeness import Completeness, UnitCompleteness
from minzheng_cli.engine.pace import pace as pace_at
from minzheng_cli.engine.status import Light, StatusResult, light_of_gap
from minzheng_cli.model.files import Targets

_ZERO = Fraction(0)
_ONE = Fraction(1)
_HUNDRED = Fraction(100)


@dataclass(frozen=True)
class UnitRank:
    """A township's place: `rank` 1 is best; equal keys share a rank.

    `score` is the mean progress over the unit's quotas (completion where progress is null, 0 with no data), each
    capped at 1; None for a unit without any quota, ranked after those with quotas by its reporting completeness.
    `light` is the plan's light rule applied to that score against the whole plan's 序时进度 at D (None without
    a score).
    """

    rank: int
    unit: str
    quotas: int
    score: Fraction | None
    completeness: UnitCompleteness | None
    light: Light | None

    @property
    def reporting_rate(self) -> Fraction | None:
        return self.completeness.rate if self.completeness is not None else None

    @property
    def on_time_rate(self) -> Fraction | None:
        return self.completeness.on_time_rate if self.completeness is not None else None


def rank_units(targets: Targets, result: StatusResult, completeness: Completeness) -> list[UnitRank]:
    """Townships ranked (§2.6): by mean progress over their quotas (each capped at 100%), best first, ties by
    on-time rate then reporting rate; then those without quotas, by reporting rate then on-time rate. Equal keys
    keep plan order and share a rank."""
    scores: dict[str, list[Fraction]] = {u.id: [] for u in targets.townships}
    for indicator in result.indicators:
        for unit in indicator.units:
            if unit.quota is None or unit.unit not in scores:
                continue
            score = unit.progress if unit.progress is not None else unit.completion
            scores[unit.unit].append(min(score, _ONE) if score is not None else _ZERO)

    def rate_key(c: UnitCompleteness | None) -> tuple[Fraction, Fraction]:
        # higher is better; an unknown rate (nothing expected yet) sorts last
        if c is None:
            return (Fraction(-1), Fraction(-1))
        rate, on_time = c.rate, c.on_time_rate
        return (rate if rate is not None else Fraction(-1), on_time if on_time is not None else Fraction(-1))

    plan = targets.plan
    plan_pace = pace_at(plan, plan.end, result.as_of)
    entries: list[tuple[tuple[int, Fraction, Fraction, Fraction], UnitRank]] = []
    for township in targets.townships:
        own = scores[township.id]
        unit_completeness = completeness.unit(township.id)
        rate, on_time = rate_key(unit_completeness)
        mean = sum(own, _ZERO) / len(own) if own else None
        # sort key ascending: with quotas first, then higher score, then higher on-time and reporting rates;
        # without quotas, higher reporting then on-time rate
        key = (0, -mean, -on_time, -rate) if mean is not None else (1, _ZERO, -rate, -on_time)
        light = None if mean is None else light_of_gap((plan_pace - mean) * _HUNDRED, plan.lights)
        entries.append((key, UnitRank(0, township.id, len(own), mean, unit_completeness, light)))
    entries.sort(key=lambda e: e[0])  # stable: ties keep plan order

    ranked: list[UnitRank] = []
    previous: tuple[int, Fraction, Fraction, Fraction] | None = None
    rank = 0
    for position, (key, entry) in enumerate(entries, start=1):
        if key != previous:
            rank = position
            previous = key
        ranked.append(replace(entry, rank=rank))
    return ranked
