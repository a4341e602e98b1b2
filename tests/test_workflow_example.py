"""examples/github/validate.yml, the GitHub Actions workflow offered to data repositories: its `minzheng` command
lines run as written, in the workflow's environment, in a checkout holding a valid data folder, and succeed; the
report they write is the file the workflow uploads."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / "examples" / "github" / "validate.yml"
PLAN = ROOT / "data" / "targets.yaml"
GOOD = sorted((Path(__file__).resolve().parent / "fixtures" / "schema" / "good").glob("*.yaml"))


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def steps() -> list[dict[str, Any]]:
    (job,) = workflow()["jobs"].values()
    found: list[dict[str, Any]] = job["steps"]
    return found


def minzheng_lines() -> list[tuple[list[str], dict[str, str]]]:
    """Each `minzheng …` line of the steps' scripts, split as the shell would, with its step's environment."""
    (job,) = workflow()["jobs"].values()
    found = []
    for step in steps():
        env = {**workflow().get("env", {}), **job.get("env", {}), **step.get("env", {})}
        for line in str(step.get("run", "")).splitlines():
            if line.strip().startswith("minzheng"):
                found.append((shlex.split(line), {k: str(v) for k, v in env.items()}))
    return found


def checkout(root: Path) -> Path:
    """A data repository's checkout: the real plan and the good fixture reports in data/."""
    progress = root / "data" / "progress"
    progress.mkdir(parents=True)
    shutil.copyfile(PLAN, root / "data" / "targets.yaml")
    for report in GOOD:
        head = yaml.load(report.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        (progress / head["unit"]).mkdir(exist_ok=True)
        shutil.copyfile(report, progress / head["unit"] / f"{head['as_of']}.yaml")
    return root


def test_workflow_sets_up_python_311_installs_minzheng_and_uploads_the_report() -> None:
    uses = {str(step.get("uses", "")).partition("@")[0]: step for step in steps()}
    assert {"actions/checkout", "actions/setup-python", "actions/upload-artifact"} <= set(uses)
    assert str(uses["actions/setup-python"]["with"]["python-version"]) == "3.11"
    assert any("pip install" in str(step.get("run", "")) for step in steps())
    commands = [args for args, _ in minzheng_lines()]
    assert ["minzheng", "validate", "--format", "github"] in commands
    report = next(args for args in commands if args[1] == "report")
    assert report[report.index("-o") + 1] == uses["actions/upload-artifact"]["with"]["path"]


def test_workflow_runs_when_data_changes() -> None:
    loaded = workflow()
    triggers = loaded["on"] if "on" in loaded else loaded[True]  # PyYAML reads the key `on` as YAML 1.1's true
    assert "data/**" in triggers["push"]["paths"]
    assert "data/**" in triggers["pull_request"]["paths"]


def test_workflow_minzheng_lines_succeed_on_a_valid_data_folder(tmp_path: Path) -> None:
    repo = checkout(tmp_path / "repo")
    base = {k: v for k, v in os.environ.items() if not k.startswith("MINZHENG_")}
    base["MINZHENG_CACHE"] = str(tmp_path / "cache")
    lines = minzheng_lines()
    assert len(lines) >= 2
    for args, env in lines:
        result = subprocess.run([sys.executable, "-m", "minzheng_cli", *args[1:]], cwd=repo, env={**base, **env},
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        if args[1] == "validate":
            assert "::error" not in result.stdout
    html = repo / "周报.html"
    assert html.is_file()
    assert "<html" in html.read_text(encoding="utf-8").lower()
