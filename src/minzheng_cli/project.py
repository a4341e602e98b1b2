"""The façade the commands call: a data folder read and checked once, then evaluated at any date.

    project = Project.open("data", today=date(2025, 7, 1), cache=Path("~/.cache/minzheng"))
    project.validate(strict=False)      # the ValidationReport (data: the CLI renders it)
    snap = project.snapshot(as_of)      # the engine's evaluation at a date clamped into the plan
    project.status(snap, unit=…, task=…, only=…)   # unit: id, Chinese name or code; only: code or word
    project.report(snap)                # the weekly report's data (§3.2)
    project.report(snap, ("month", Project.span("month", day)))  # the 月报 of the month holding `day`

Pure like the core: `today` and the cache folder come in; nothing here prints, exits or reads the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from minzheng_cli.checks.linter import load_data
from minzheng_cli.model.diagnostics import ValidationReport, sorted_diagnostics
from minzheng_cli.model.files import Targets, Unit
from minzheng_cli.model.folder import Loaded

if TYPE_CHECKING:  # the engine is imported by the methods that evaluate: `validate` needs none of it
    from minzheng_cli.engine import status as engine
    from minzheng_cli.engine import weekly
    from minzheng_cli.engine.completeness import Period
    from minzheng_cli.engine.snapshot import Snapshot
    from minzheng_cli.engine.status import IndicatorResult, StatusResult


@dataclass(frozen=True)
class Project:
    loaded: Loaded
    today: date

    @classmethod
    def open(cls, data: str, today: date, cache: Path | None = None,
             progress: Callable[[int, int], None] | None = None) -> Project:
        """Read and check the data folder (MinzhengError when there is none, or no targets file); `progress(done,
        total)` hears of the report files checked."""
        return cls(load_data(data, today, cache, progress), today)

    @property
    def targets(self) -> Targets | None:
        """The plan, or None when targets.yaml has errors (`validate` says which)."""
        return self.loaded.targets

    @property
    def excluded(self) -> list[str]:
        """The files left out of every computation for their errors."""
        return self.loaded.excluded

    def validate(self, strict: bool = False) -> ValidationReport:
        loaded = self.loaded
        return ValidationReport(sorted_diagnostics(loaded.diagnostics), files=loaded.files, reports=loaded.report_count,
                                strict=strict)

    def snapshot(self, as_of: date) -> Snapshot:
        """The data evaluated at `as_of` clamped into the plan (MinzhengError when the plan itself is broken)."""
        from minzheng_cli.engine import snapshot

        return snapshot.take(self.loaded, as_of)

    @staticmethod
    def status(snap: Snapshot, unit: str | None = None, task: int | None = None, only: str | None = None) -> StatusResult:
        """The indicators that match the filters (MinzhengError when a filter names nothing)."""
        from minzheng_cli.engine import snapshot

        return snapshot.select(snap, unit, task, only)

    @staticmethod
    def unit(targets: Targets, given: str) -> Unit:
        """The unit named by its id, Chinese name or code (MinzhengError when none is, listing the units)."""
        from minzheng_cli.engine import snapshot

        return snapshot.find_unit(targets, given)

    @staticmethod
    def indicator(snap: Snapshot, ident: str) -> tuple[IndicatorResult, list[engine.HistoryPoint]] | None:
        """One indicator at the snapshot's date and its history over time, or None when there is no such id."""
        from minzheng_cli.engine import status as engine

        result = snap.result.indicator(ident)
        if result is None:
            return None
        return result, engine.history(snap.targets, snap.index, ident, snap.as_of)

    @staticmethod
    def span(kind: str, day: date) -> Period:
        """The month (`kind` month) or quarter (quarter) holding `day`: the period of a 月报 or 季报."""
        from minzheng_cli.engine import weekly

        return weekly.month(day) if kind == "month" else weekly.quarter(day)

    def check_span(self, span: Period) -> None:
        """MinzhengError when a month or quarter asked for lies wholly outside the plan period (nothing to
        report on it); the plan must be readable."""
        from minzheng_cli.engine import weekly

        assert self.targets is not None
        weekly.check_span(self.targets, span)

    @staticmethod
    def report(snap: Snapshot, span: tuple[str, Period] | None = None) -> weekly.Weekly:
        """The report's data: the weekly report for the week that ends at the snapshot's date, or with `span`
        (`month` or `quarter`, and its period) the 月报 or 季报 (MinzhengError when it lies outside the plan)."""
        from minzheng_cli.engine import weekly

        if span is None:
            return weekly.from_snapshot(snap)
        return weekly.for_span(snap, *span)
