"""The `minzheng-validate` pre-commit hook (.pre-commit-hooks.yaml), run by the real `pre-commit try-repo` in a
temporary data repository: it passes on a valid data folder and fails, naming the problem, on a broken one.

try-repo installs this repository, as committed at HEAD, into a fresh virtual environment (pip, from the package
index), so the hook file must be committed for a change to it to be tried here; each run takes a while.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "targets.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "schema"

pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the test extra)")

# Git identity and isolation for the temporary repositories, without touching the user's configuration.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "minzheng tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "minzheng tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def environment(tmp: Path) -> dict[str, str]:
    # The hook must run what try-repo installed: no PYTHONPATH or virtual environment of the test run leaks in.
    skip = ("MINZHENG_", "GIT_", "PRE_COMMIT", "PYTHONPATH", "VIRTUAL_ENV")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    return {**env, **GIT_ENV, "HOME": str(tmp / "home"), "MINZHENG_CACHE": str(tmp / "cache"),
            "PRE_COMMIT_HOME": str(tmp / "pre-commit-home")}


def git(repo: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def place(data: Path, report: Path) -> None:
    head = yaml.load(report.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    (data / "progress" / head["unit"]).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(report, data / "progress" / head["unit"] / f"{head['as_of']}.yaml")


def data_repository(tmp: Path, env: dict[str, str], *reports: Path) -> Path:
    """A git repository holding data/ (the real plan and `reports`), committed."""
    repo = tmp / "data-repo"
    (repo / "data" / "progress").mkdir(parents=True)
    shutil.copyfile(PLAN, repo / "data" / "targets.yaml")
    for report in reports:
        place(repo / "data", report)
    git(repo, env, "init", "-q")
    git(repo, env, "add", "data")
    git(repo, env, "commit", "-q", "-m", "data")
    return repo


def try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo <this repository> minzheng-validate --all-files`, at this repository's HEAD."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "minzheng-validate",
                           "--ref", head, "--all-files", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "home").mkdir()
    return environment(tmp_path)


def test_hook_passes_on_a_valid_data_folder(tmp_path: Path, env: dict[str, str]) -> None:
    repo = data_repository(tmp_path, env, *sorted((FIXTURES / "good").glob("*.yaml")))
    result = try_repo(repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "minzheng validate" in result.stdout
    assert "Passed" in result.stdout


def test_hook_fails_on_a_broken_report_and_names_it(tmp_path: Path, env: dict[str, str]) -> None:
    repo = data_repository(tmp_path, env, FIXTURES / "good" / "district-2025-06-27.yaml",
                           FIXTURES / "bad" / "text-for-count.yaml")
    result = try_repo(repo, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "data/progress/shuanglin/2025-06-27.yaml:4:10: bad-number" in result.stdout
