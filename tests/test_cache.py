"""The report cache (DESIGN §4): the answer never depends on it — edited files, a corrupt, stale or
unusable cache, a deleted folder — and a warm run really takes reports from it."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TODAY, YEAR, DataDir
from minzheng_cli.checks import linter as loading
from minzheng_cli.cli import app
from minzheng_cli.read.cache import ReportCache, digest

runner = CliRunner()


def status_json(data: DataDir, *extra: str, today: str = TODAY.isoformat()) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(app, ["--data", str(data.root), *extra, "status", "--as-of", "2025-06-30", "-f", "json"],
                           env={"MINZHENG_TODAY": today})
    return result.exit_code, json.loads(result.stdout), result.stderr


@pytest.fixture
def reported(data: DataDir) -> DataDir:
    data.write_report("nanxun", "2025-06-30", 'unit: nanxun\nas_of: 2025-06-30\nvalues:\n  "1.1": 60\n')
    data.write_report("shuanglin", "2025-06-27", 'unit: shuanglin\nas_of: 2025-06-27\nvalues:\n  "1.1": 15\n')
    return data


def first_actual(doc: dict[str, object]) -> object:
    return doc["indicators"][0]["actual"]  # type: ignore[index]


def test_warm_run_uses_the_cache_and_gives_the_same_answer(reported: DataDir, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    cold = loading.load_data(str(reported.root), TODAY, folder)
    targets = (reported.root / "targets.yaml").read_bytes()
    store = ReportCache(folder, str(reported.root), digest(targets))
    assert len(store.old) == 2  # both valid reports were stored
    warm = loading.load_data(str(reported.root), TODAY, folder)
    assert warm.reports == cold.reports and warm.diagnostics == cold.diagnostics


def test_a_hit_is_counted(reported: DataDir, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    loading.load_data(str(reported.root), TODAY, folder)
    store = ReportCache(folder, str(reported.root), digest((reported.root / "targets.yaml").read_bytes()))
    path = reported.report_path("nanxun", "2025-06-30")
    assert store.get("nanxun/2025-06-30.yaml", digest(path.read_bytes()), TODAY, str(path)) is not None
    assert store.get("nanxun/2025-06-30.yaml", digest(b"other bytes"), TODAY, str(path)) is None


def test_an_edited_file_is_read_again(reported: DataDir) -> None:
    assert first_actual(status_json(reported)[1]) == 75
    reported.write_report("nanxun", "2025-06-30", 'unit: nanxun\nas_of: 2025-06-30\nvalues:\n  "1.1": 70\n')
    assert first_actual(status_json(reported)[1]) == 85
    reported.write_report("nanxun", "2025-06-30", 'unit: nanxun\nas_of: 2025-06-30\nvalues:\n  "1.1": 7O\n')
    code, doc, err = status_json(reported)
    assert code == 1 and first_actual(doc) == 15 and "nanxun" in err


def test_an_edited_targets_file_invalidates_the_cache(reported: DataDir) -> None:
    status_json(reported)
    text = (reported.root / "targets.yaml").read_text(encoding="utf-8")
    reported.write_targets(text.replace("target: 150", "target: 300"))
    assert status_json(reported)[1]["indicators"][0]["completion"] == 0.25  # type: ignore[index]


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"[]", b'{"stamp": 1, "entries": {}}',
                                     b'{"stamp": null, "entries": {"nanxun/2025-06-30.yaml": {"sha": 5}}}'])
def test_a_corrupt_cache_is_ignored(reported: DataDir, garbage: bytes, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]
    for file in (tmp_path / "c").iterdir():
        file.write_bytes(garbage)
    assert status_json(reported)[1] == expected


@pytest.mark.parametrize("latest", ["2025-13-01", 20250630, None])
def test_a_tampered_date_is_a_miss(reported: DataDir, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   latest: object) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]
    (file,) = (tmp_path / "c").iterdir()
    document = json.loads(file.read_text(encoding="utf-8"))
    for entry in document["entries"].values():
        entry["latest"] = latest
    file.write_text(json.dumps(document), encoding="utf-8")
    assert status_json(reported)[1] == expected


def test_a_tampered_entry_is_ignored(reported: DataDir, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]
    (file,) = (tmp_path / "c").iterdir()
    document = json.loads(file.read_text(encoding="utf-8"))
    for entry in document["entries"].values():
        entry["report"]["values"] = {"1.1": {"m": "exploded"}}
    file.write_text(json.dumps(document), encoding="utf-8")
    assert status_json(reported)[1] == expected


def test_an_unusable_or_deleted_cache_folder_changes_nothing(reported: DataDir, monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    expected = status_json(reported, "--no-cache")[1]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MINZHENG_CACHE", str(blocker / "cache"))  # cannot be created: its parent is a file
    assert status_json(reported)[1] == expected
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "gone"))
    status_json(reported)
    shutil.rmtree(tmp_path / "gone")
    assert status_json(reported)[1] == expected


def test_no_cache_writes_nothing(reported: DataDir, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    status_json(reported, "--no-cache")
    assert not (tmp_path / "c").exists()


def test_a_report_cached_yesterday_is_in_the_future_for_an_earlier_today(reported: DataDir) -> None:
    assert status_json(reported)[0] == 0
    code, _, err = status_json(reported, today="2025-06-28")
    assert code == 1 and "2025-06-30.yaml" in err


def test_cache_hits_on_a_full_year(tmp_path: Path) -> None:
    data = str(YEAR)
    cold = loading.load_data(data, date(2026, 1, 1), tmp_path)
    warm = loading.load_data(data, date(2026, 1, 1), tmp_path)
    assert warm.reports == cold.reports and len(warm.reports) > 500
