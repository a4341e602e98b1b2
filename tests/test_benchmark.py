"""The benchmark (DESIGN §4) runs end to end at a tiny scale; its numbers are read by people, not asserted."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench" / "benchmark.py"


def test_benchmark_runs_and_reports_ratios_to_floors(capsys: pytest.CaptureFixture[str]) -> None:
    module = runpy.run_path(str(BENCH))
    assert module["main"](["--units", "3", "--weeks", "2", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "3 units × 2 weeks = 6 report files" in out
    for name in ("validate cold", "validate warm", "status cold", "status warm", "--help"):
        line = next(line for line in out.splitlines() if line.startswith(name))
        assert "× libyaml parse" in line or "× import typer" in line
