"""A data folder as read and checked: the valid parts every computation starts from, and what was wrong."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from minzheng_cli.catalogue import Message
from minzheng_cli.model.diagnostics import Diagnostic
from minzheng_cli.model.files import Breakdown, Report, Targets
from minzheng_cli.model.series import ReportSet, UnitSeries

# The marker of illustrative data (DESIGN §1): a file of this name in the data folder says its reports and
# breakdown are a sample, so every output says 示例数据. scripts/make_sample.py writes it and --clear removes it.
SAMPLE_MARKER = "SAMPLE.md"


@dataclass
class Loaded:
    """Everything read from a data folder: the valid parts, and what was wrong with the rest."""

    data_dir: str
    targets: Targets | None
    breakdown: Breakdown | None
    source: ReportSet | list[Report]  # the valid reports: a list, or made from the cache only when asked for
    diagnostics: list[Diagnostic]
    files: int
    excluded: list[str] = field(default_factory=list)
    sample: bool = False  # the folder holds SAMPLE_MARKER: illustrative data
    plausibility: list[Diagnostic] = field(default_factory=list)  # the plausibility warnings (§1.4), on valid reports
    # what the CLI says once about how the folder was read: the cache not used, and why
    notices: list[Message] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.source, list):
            self.source = ReportSet(self.source)

    @property
    def reports(self) -> list[Report]:
        """The valid reports, in the order of their paths (made on first use when they come from the cache)."""
        assert isinstance(self.source, ReportSet)
        return self.source.reports()

    @property
    def report_count(self) -> int:
        assert isinstance(self.source, ReportSet)
        return len(self.source)

    def series(self) -> dict[str, UnitSeries]:
        """The valid reports' values as the engine looks them up (without making the reports, from the cache)."""
        assert isinstance(self.source, ReportSet)
        return self.source.series()

    def rejected(self) -> list[tuple[str, date]]:
        """The (unit, date) of each excluded file at progress/<unit>/<YYYY-MM-DD>.yaml (退回, DESIGN §2.7): a
        report received but refused for its errors. Files whose name is not such a date say no period."""
        progress = os.path.join(self.data_dir, "progress")
        found = []
        for path in self.excluded:
            parts = os.path.relpath(path, progress).split(os.sep)
            if len(parts) != 2 or parts[0].startswith(".."):
                continue
            stem = parts[1].rsplit(".", 1)[0]
            if len(stem) != 10 or stem[4] != "-" or stem[7] != "-":
                continue
            try:
                found.append((parts[0], date.fromisoformat(stem)))
            except ValueError:
                continue
        return found


