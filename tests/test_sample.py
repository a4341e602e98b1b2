"""The illustrative sample year (docs/sample.md): committed as the generator writes it, valid, labelled, and
showing at 2025-06-30 the picture it is meant to show."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minzheng_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCRIPT = ROOT / "scripts" / "make_sample.py"
LABEL = "# 示例数据：虚构数字，仅供演示，非真实报送 / Illustrative sample data — not real figures"
TODAY = "2026-01-31"  # after the last sample submission (2026-01-09), so no report is "in the future"

runner = CliRunner()

# Once real reporting starts the sample is cleared (docs/sample.md): the tests of the committed sample skip then.
needs_sample = pytest.mark.skipif(not (DATA / "breakdown.yaml").is_file(), reason="the sample has been cleared")


def invoke(*args: str) -> Any:
    return runner.invoke(app, ["--data", str(DATA), *args], env={"MINZHENG_TODAY": TODAY})


def sample_files() -> list[Path]:
    return [DATA / "breakdown.yaml", *sorted(p for p in (DATA / "progress").rglob("*") if p.is_file())]


@needs_sample
def test_committed_sample_is_what_the_generator_writes() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--data", str(DATA), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]


def test_check_fails_when_a_file_drifts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "targets.yaml").write_bytes((DATA / "targets.yaml").read_bytes())
    run = [sys.executable, str(SCRIPT), "--data", str(data)]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0
    report = next((data / "progress").rglob("*.yaml"))
    report.write_text(report.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 1
    assert subprocess.run([*run, "--clear"], capture_output=True, check=False).returncode == 0
    assert not (data / "breakdown.yaml").exists()
    assert not list((data / "progress").rglob("*"))
    assert (data / "targets.yaml").is_file()


@needs_sample
def test_sample_validates() -> None:
    result = invoke("validate")
    assert result.exit_code == 0, result.stderr[-3000:]


@needs_sample
def test_mid_year_picture() -> None:
    result = invoke("status", "--as-of", "2025-06-30", "--format", "json")
    assert result.exit_code == 0, result.stderr
    indicators = json.loads(result.stdout)["indicators"]
    statuses = {i["status"] for i in indicators}
    assert {"green", "yellow", "red"} <= {i["light"] for i in indicators}
    assert len(statuses) >= 5
    assert {"within_cap", "done", "behind", "overdue", "ahead", "on_pace"} <= statuses
    behind = {i["light"] for i in indicators if i["status"] == "behind"}
    assert behind == {"yellow", "red"}  # some 10–30 points behind, a few more than 30
    caps = [i for i in indicators if i["kind"] == "cap"]
    assert caps and all(i["status"] == "within_cap" for i in caps)


@needs_sample
def test_year_end_most_targets_met() -> None:
    indicators = json.loads(invoke("status", "--as-of", "2025-12-31", "--format", "json").stdout)["indicators"]
    met = [i for i in indicators if i["status"] in ("done", "within_cap")]
    missed = [i for i in indicators if i["status"] in ("missed", "overdue")]
    assert 1 <= len(missed) <= 3
    assert len(met) + len(missed) == len(indicators)


@needs_sample
def test_reporting_behaviour() -> None:
    from minzheng_cli.checks.linter import load_data
    from minzheng_cli.engine.completeness import completeness

    loaded = load_data(str(DATA), date.fromisoformat(TODAY))
    assert loaded.targets is not None
    seen = completeness(loaded.targets, loaded.reports, loaded.targets.plan.end)
    rates = {u.unit: (u.reported, u.on_time, u.expected) for u in seen.units}
    late = [u for u, (reported, on_time, _) in rates.items() if on_time < reported]
    gappy = [u for u, (reported, _, expected) in rates.items() if reported < expected]
    assert late == ["qianjin"] and gappy == ["shicong"]
    reported, _, expected = rates["shicong"]
    assert 0.15 <= 1 - reported / expected <= 0.25  # about one week in five


@needs_sample
def test_every_sample_file_is_labelled() -> None:
    files = sample_files()
    assert len(files) > 500
    unlabelled = [str(p) for p in files if p.read_text(encoding="utf-8").splitlines()[0] != LABEL]
    assert not unlabelled
    assert "示例任务分解（虚构，仅供演示）" in (DATA / "breakdown.yaml").read_text(encoding="utf-8")
