"""A data folder as read and checked: the valid parts every computation starts from, and what was wrong."""

from __future__ import annotations

from dataclasses import dataclass, field

from minzheng_cli.model.diagnostics import Diagnostic
from minzheng_cli.model.files import Breakdown, Report, Targets


@dataclass
class Loaded:
    """Everything read from a data folder: the valid parts, and what was wrong with the rest."""

    data_dir: str
    targets: Targets | None
    breakdown: Breakdown | None
    reports: list[Report]
    diagnostics: list[Diagnostic]
    files: int
    excluded: list[str] = field(default_factory=list)


