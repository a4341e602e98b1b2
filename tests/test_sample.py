"""The illustrative sample year (docs/sample.md) as scripts/make_sample.py writes it: deterministic, valid,
labelled, and showing at 2025-06-30 the picture it is meant to show.

Every test but one runs the generator into a temporary folder from the real plan (data/targets.yaml: the plan,
not sample data, so it stays when the sample is cleared), and so runs the same with data/ cleared. The one
that checks the sample committed in data/ is up to date skips once it has been cleared; the generator's output
it would compare with is still checked here, in the temporary folder.
"""

from __future__ import annotations

import json
import os
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
PLAN = DATA / "targets.yaml"
SCRIPT = ROOT / "scripts" / "make_sample.py"
LABEL = "# 示例数据：虚构数字，仅供演示，非真实报送 / Illustrative sample data — not real figures"
TODAY = "2026-01-31"  # after the last sample submission (2026-01-09), so no report is "in the future"

runner = CliRunner()


def make_sample(folder: Path, *options: str, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    """Run the generator on `folder` (a data folder with the real plan copied in unless it already has one)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "targets.yaml").exists():
        (folder / "targets.yaml").write_bytes(PLAN.read_bytes())
    return subprocess.run([sys.executable, str(SCRIPT), "--data", str(folder), *options], capture_output=True,
                          text=True, check=False, env={**os.environ, "PYTHONHASHSEED": hash_seed})


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the real plan and the sample the generator writes for it."""
    folder = tmp_path_factory.mktemp("sample") / "data"
    done = make_sample(folder)
    assert done.returncode == 0, done.stderr[-3000:]
    return folder


def invoke(data: Path, *args: str) -> Any:
    return runner.invoke(app, ["--data", str(data), *args], env={"MINZHENG_TODAY": TODAY})


def sample_files(data: Path) -> list[Path]:
    return [data / "breakdown.yaml", *sorted(p for p in (data / "progress").rglob("*") if p.is_file())]


def contents(data: Path) -> dict[str, bytes]:
    return {p.relative_to(data).as_posix(): p.read_bytes() for p in sample_files(data)}


def test_data_holds_the_generators_sample_or_none_of_it() -> None:
    """data/ holds exactly what the generator writes, or, once cleared as the README says, no sample file at all:
    never a partly edited or partly cleared sample."""
    if not (DATA / "breakdown.yaml").exists():
        assert [p for p in sample_files(DATA) if p.exists()] == []
        return
    done = subprocess.run([sys.executable, str(SCRIPT), "--data", str(DATA), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]


def test_generator_is_deterministic(sample: Path, tmp_path: Path) -> None:
    again = tmp_path / "data"
    done = make_sample(again, hash_seed="1")  # another process with another string hash: the same bytes
    assert done.returncode == 0, done.stderr[-3000:]
    assert contents(again) == contents(sample)


def test_check_fails_when_a_file_drifts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "targets.yaml").write_bytes(PLAN.read_bytes())
    run = [sys.executable, str(SCRIPT), "--data", str(data)]
    assert subprocess.run(run, capture_output=True, check=False).returncode == 0
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 0
    report = next((data / "progress").rglob("*.yaml"))
    report.write_text(report.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert subprocess.run([*run, "--check"], capture_output=True, check=False).returncode == 1
    assert (data / "SAMPLE.md").is_file()  # the marker of illustrative data (DESIGN §1)
    assert subprocess.run([*run, "--clear"], capture_output=True, check=False).returncode == 0
    assert not (data / "breakdown.yaml").exists()
    assert not (data / "SAMPLE.md").exists()  # cleared with the sample
    assert not list((data / "progress").rglob("*"))
    assert (data / "targets.yaml").is_file()


def test_sample_validates(sample: Path) -> None:
    result = invoke(sample, "validate")
    assert result.exit_code == 0, result.stderr[-3000:]


def test_mid_year_picture(sample: Path) -> None:
    result = invoke(sample, "status", "--as-of", "2025-06-30", "--format", "json")
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


def test_year_end_most_targets_met(sample: Path) -> None:
    indicators = json.loads(invoke(sample, "status", "--as-of", "2025-12-31", "--format", "json").stdout)["indicators"]
    met = [i for i in indicators if i["status"] in ("done", "within_cap")]
    missed = [i for i in indicators if i["status"] in ("missed", "overdue")]
    assert 1 <= len(missed) <= 3
    assert len(met) + len(missed) == len(indicators)


def test_reporting_behaviour(sample: Path) -> None:
    from minzheng_cli.checks.linter import load_data
    from minzheng_cli.engine.completeness import completeness

    loaded = load_data(str(sample), date.fromisoformat(TODAY))
    assert loaded.targets is not None
    seen = completeness(loaded.targets, loaded.reports, loaded.targets.plan.end)
    rates = {u.unit: (u.reported, u.on_time, u.expected) for u in seen.units}
    late = [u for u, (reported, on_time, _) in rates.items() if on_time < reported]
    gappy = [u for u, (reported, _, expected) in rates.items() if reported < expected]
    assert late == ["qianjin"] and gappy == ["shicong"]
    reported, _, expected = rates["shicong"]
    assert 0.15 <= 1 - reported / expected <= 0.25  # about one week in five


def test_every_output_of_the_sample_says_it_is_illustrative(sample: Path) -> None:
    marker = (sample / "SAMPLE.md").read_text(encoding="utf-8")
    assert marker.splitlines()[0] == LABEL and "--clear" in marker
    assert json.loads(invoke(sample, "status", "--as-of", "2025-06-30", "--format", "json").stdout)["sample"] is True
    assert json.loads(invoke(sample, "report", "--as-of", "2025-06-30", "--format", "json").stdout)["sample"] is True
    assert invoke(sample, "report", "--as-of", "2025-06-30").stdout.startswith("【示例数据】")
    assert "示例数据" in invoke(sample, "status", "--as-of", "2025-06-30").stdout.splitlines()[0]
    html = invoke(sample, "report", "--as-of", "2025-06-30", "--format", "html").stdout
    assert '<p class="sample" role="note">示例数据' in html


def test_data_without_the_marker_are_not_called_a_sample(sample: Path, tmp_path: Path) -> None:
    import shutil

    real = tmp_path / "data"
    shutil.copytree(sample, real)
    (real / "SAMPLE.md").unlink()
    assert json.loads(invoke(real, "status", "--as-of", "2025-06-30", "--format", "json").stdout)["sample"] is False
    report = invoke(real, "report", "--as-of", "2025-06-30").stdout
    assert "示例数据" not in report


def test_every_sample_file_is_labelled(sample: Path) -> None:
    files = sample_files(sample)
    assert len(files) > 500
    unlabelled = [str(p) for p in files if p.read_text(encoding="utf-8").splitlines()[0] != LABEL]
    assert not unlabelled
    assert "示例任务分解（虚构，仅供演示）" in (sample / "breakdown.yaml").read_text(encoding="utf-8")
