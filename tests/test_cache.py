"""The report cache (DESIGN §4): a warm run trusts (size, mtime, ctime, inode) like git's index and reads no
unchanged file; the answer never depends on the cache — edited files, a corrupt, stale, poisoned or unusable
cache, a deleted folder, a folder others can write — and warm, cold, pooled and uncached runs agree."""

from __future__ import annotations

import array
import json
import os
import random
import shutil
import stat
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
import pytest
from typer.testing import CliRunner

from conftest import TODAY, YEAR, DataDir
from minzheng_cli.checks import linter as loading
from minzheng_cli.cli import app
from minzheng_cli.read import cache, yamldoc

runner = CliRunner()


def status_json(data: DataDir, *extra: str, today: str = TODAY.isoformat(),
                env: dict[str, str] | None = None) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["--data", str(data.root), *extra, "status", "--as-of", "2025-06-30", "-f", "json"],
                           env={"MINZHENG_TODAY": today, **(env or {})})
    return result.exit_code, json.loads(result.stdout), result.stderr


@pytest.fixture
def reported(data: DataDir) -> DataDir:
    data.write_report("nanxun", "2025-06-30", 'unit: nanxun\nas_of: 2025-06-30\nvalues:\n  "1.1": 60\n')
    data.write_report("shuanglin", "2025-06-27", 'unit: shuanglin\nas_of: 2025-06-27\nvalues:\n  "1.1": 15\n')
    return data


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled once the cache is written after them (no racy window): the
    tests run faster than any timestamp granularity would let git's rule trust them otherwise."""
    monkeypatch.setattr(cache, "RACY_NS", 0)


def cache_file(folder: Path) -> Path:
    (file,) = folder.glob("reports-*.msgpack")
    return file


def first_actual(doc: dict[str, Any]) -> Any:
    return doc["indicators"][0]["actual"]


def test_warm_run_gives_the_cold_answer(reported: DataDir, tmp_path: Path) -> None:
    cold = loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    warm = loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    assert warm.reports == cold.reports and warm.diagnostics == cold.diagnostics and len(warm.reports) == 2
    assert [r.marks for r in warm.reports] == [{"1.1": (4, 10)}] * 2  # value positions round-trip


def test_a_warm_run_reads_no_unchanged_file(reported: DataDir, tmp_path: Path, settled: None,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cold = loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    read: list[str] = []
    real = yamldoc.read_regular
    monkeypatch.setattr(yamldoc, "read_regular", lambda path, limit: read.append(path) or real(path, limit))
    warm = loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    assert [p for p in read if "progress" in p] == []
    assert warm.reports == cold.reports


def test_a_file_dated_before_1970_costs_its_unit_the_cache_not_everyone(reported: DataDir, tmp_path: Path,
                                                                       settled: None,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    old = reported.report_path("shuanglin", "2025-06-27")
    os.utime(old, ns=(-86_400 * 10**9, -86_400 * 10**9))  # 31 December 1969: a time the cache cannot record
    cold = loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    read: list[str] = []
    real = yamldoc.read_regular
    monkeypatch.setattr(yamldoc, "read_regular", lambda path, limit: read.append(path) or real(path, limit))
    warm = loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    assert [p for p in read if "progress" in p] == [str(old)]
    assert warm.reports == cold.reports


def test_a_racily_clean_file_is_hashed_again(reported: DataDir, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    loading.load_data(str(reported.root), TODAY, tmp_path / "c")  # files written just now: within RACY_NS
    read: list[str] = []
    real = yamldoc.read_regular
    monkeypatch.setattr(yamldoc, "read_regular", lambda path, limit: read.append(path) or real(path, limit))
    loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    assert sum("progress" in p for p in read) == 2


def test_a_racily_clean_entry_whose_bytes_changed_is_read_again(reported: DataDir, tmp_path: Path) -> None:
    loading.load_data(str(reported.root), TODAY, tmp_path / "c")
    path = reported.report_path("nanxun", "2025-06-30")
    (group,) = [g for g in loading._scan(reported.root / "progress") or [] if g.unit == "nanxun"]
    read = msgspec.msgpack.decode(cache_file(tmp_path / "c").read_bytes(), type=cache.CacheFile)
    recorded = read.units["nanxun"]
    # the bytes change, the stat as recorded stays: only the racy rule (hash again) can see it
    path.write_text(path.read_text(encoding="utf-8").replace("60", "70"), encoding="utf-8")
    stats = ([recorded.files.sizes[0]], [recorded.files.mtimes[0]], [recorded.files.ctimes[0]],
             [recorded.files.inodes[0]])
    group = loading._Group(group.unit, group.prefix, [group.names[0]], stats)
    targets = reported.load().targets
    assert targets is not None
    racy = loading.check_unit(group, recorded, targets, None, TODAY, racy_ns=0)
    trusted = loading.check_unit(group, recorded, targets, None, TODAY, racy_ns=2**62)
    assert racy.payload is not None and trusted.payload is not None
    assert racy.payload.columns["1.1"] == [70] and trusted.payload.columns["1.1"] == [60]


def test_an_edit_keeping_size_and_mtime_is_seen(reported: DataDir, tmp_path: Path, settled: None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    path = reported.report_path("nanxun", "2025-06-30")
    before = os.stat(path)
    assert first_actual(status_json(reported)[1]) == 75
    path.write_text(path.read_text(encoding="utf-8").replace("60", "90"), encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same mtime: only ctime tells
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    assert first_actual(status_json(reported)[1]) == 105


def test_an_edited_file_is_read_again(reported: DataDir) -> None:
    assert first_actual(status_json(reported)[1]) == 75
    reported.write_report("nanxun", "2025-06-30", 'unit: nanxun\nas_of: 2025-06-30\nvalues:\n  "1.1": 70\n')
    assert first_actual(status_json(reported)[1]) == 85
    reported.write_report("nanxun", "2025-06-30", 'unit: nanxun\nas_of: 2025-06-30\nvalues:\n  "1.1": 7O\n')
    code, doc, err = status_json(reported)
    assert code == 1 and first_actual(doc) == 15 and "nanxun" in err


def test_a_removed_and_an_added_file_are_seen(reported: DataDir, settled: None) -> None:
    status_json(reported)
    reported.report_path("shuanglin", "2025-06-27").unlink()
    assert first_actual(status_json(reported)[1]) == 60
    reported.write_report("xunxi", "2025-06-20", 'unit: xunxi\nas_of: 2025-06-20\nvalues:\n  "1.1": 3\n')
    assert first_actual(status_json(reported)[1]) == 63


def test_an_edited_targets_file_invalidates_the_cache(reported: DataDir) -> None:
    status_json(reported)
    text = (reported.root / "targets.yaml").read_text(encoding="utf-8")
    reported.write_targets(text.replace("target: 150", "target: 300"))
    assert status_json(reported)[1]["indicators"][0]["completion"] == 0.25


@pytest.mark.parametrize("garbage", [b"", b"{not msgpack", b"\x90", b"\x92\x90\x80", b"\xc1" * 40])
def test_a_corrupt_cache_is_ignored(reported: DataDir, garbage: bytes, monkeypatch: pytest.MonkeyPatch,
                                    tmp_path: Path) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]
    cache_file(tmp_path / "c").write_bytes(garbage)
    assert status_json(reported)[1] == expected


def _tamper(folder: Path, change: Any) -> None:
    """Rewrite the cache with `change(units)` applied to its plain data (as a foreign writer would)."""
    file = cache_file(folder)
    document = msgspec.msgpack.decode(file.read_bytes())
    change(document[1])
    file.write_bytes(msgspec.msgpack.encode(document))


def _set_values(units: dict[str, Any], value: Any) -> None:
    for block in units.values():
        block[4][3]["1.1"] = [value] * len(block[4][0])


@pytest.mark.parametrize("value", [10**18, -5, "exploded", "1/0", [1], [1, 2, 3], {"n": 1}, 1.5])
def test_a_value_outside_the_loaders_limits_is_a_miss(reported: DataDir, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path, settled: None, value: Any) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]
    _tamper(tmp_path / "c", lambda units: _set_values(units, value))
    code, doc, err = status_json(reported)
    assert (code, doc) == (0, expected) and "Traceback" not in err


@pytest.mark.parametrize("latest", [0, -1, 10**12, "2025-06-30", None])
def test_a_tampered_date_is_a_miss(reported: DataDir, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   settled: None, latest: Any) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]

    def change(units: dict[str, Any]) -> None:
        for block in units.values():
            block[0][6] = [latest] * len(block[0][0])

    _tamper(tmp_path / "c", change)
    assert status_json(reported)[1] == expected


def test_a_tampered_diagnostic_is_a_miss_never_a_traceback(reported: DataDir, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path, settled: None) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]

    def change(units: dict[str, Any]) -> None:
        for block in units.values():
            block[0][7] = {0: [{"l": "x", "c": 1, "k": "?", "s": "error", "m": "", "d": None}]}

    _tamper(tmp_path / "c", change)
    code, doc, err = status_json(reported)
    assert (code, doc) == (0, expected) and "Traceback" not in err


def _negative(marks: bytes) -> bytes:
    return array.array(cache.MARKS, [-1] * len(array.array(cache.MARKS, marks))).tobytes()


def _line_without_column(marks: bytes) -> bytes:
    found = array.array(cache.MARKS, marks)
    found[1::2] = array.array(cache.MARKS, [0] * (len(found) // 2))
    return found.tobytes()


@pytest.mark.parametrize("tamper", [_negative, _line_without_column, lambda marks: marks[:-1], lambda marks: b""],
                         ids=["negative", "line-without-column", "short", "empty"])
def test_tampered_marks_are_a_miss_never_a_traceback(reported: DataDir, monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path, settled: None, tamper: Any) -> None:
    """Marks place the problems found across a unit's reports: tampered, the unit's files are read again."""
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    reported.write_report("nanxun", "2025-06-27", 'unit: nanxun\nas_of: 2025-06-27\nvalues:\n  "1.1": 50\n')
    runner.invoke(app, ["--data", str(reported.root), "validate"], env={"MINZHENG_TODAY": TODAY.isoformat()})

    def change(units: dict[str, Any]) -> None:
        units["nanxun"][4][6] = tamper(units["nanxun"][4][6])

    _tamper(tmp_path / "c", change)
    # 60 after 80 is a cumulative drop, placed on the value by the marks of the unchanged report of 06-30
    reported.write_report("nanxun", "2025-06-27", 'unit: nanxun\nas_of: 2025-06-27\nvalues:\n  "1.1": 80\n')
    args = ["--data", str(reported.root), "validate"]
    warm = runner.invoke(app, args, env={"MINZHENG_TODAY": TODAY.isoformat()})
    cold = runner.invoke(app, ["--no-cache", *args], env={"MINZHENG_TODAY": TODAY.isoformat()})
    assert (warm.exit_code, warm.stderr) == (cold.exit_code, cold.stderr) and "Traceback" not in warm.stderr


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


# --- a private cache ----------------------------------------------------------------------------------------

posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")


@posix_only
def test_the_cache_folder_is_created_private(reported: DataDir, monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "new" / "cache"))
    status_json(reported)
    assert stat.S_IMODE(os.stat(tmp_path / "new" / "cache").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(cache_file(tmp_path / "new" / "cache")).st_mode) == 0o600


@posix_only
def test_a_poisoned_cache_in_a_shared_sticky_folder_changes_nothing(reported: DataDir, tmp_path: Path,
                                                                    settled: None) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # like /tmp: anyone can write, the sticky bit keeps others' files theirs
    env = {"MINZHENG_CACHE": str(shared)}
    expected = status_json(reported, "--no-cache")[1]
    first = status_json(reported, env=env)
    assert first[1] == expected and "chmod 700" in first[2] and not list(shared.iterdir())  # nothing written there
    # another user plants a well-formed cache saying 1040 people where the files say 75
    os.chmod(shared, 0o700)
    status_json(reported, env=env)
    _tamper(shared, lambda units: _set_values(units, 520))
    os.chmod(shared, 0o1777)
    code, doc, err = status_json(reported, env=env)
    assert (code, doc) == (0, expected) and first_actual(doc) == 75
    assert err.count("chmod 700") == 1 and "其他用户可以写入" in err


@posix_only
def test_a_cache_file_others_can_write_is_not_read(reported: DataDir, tmp_path: Path, settled: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]
    _tamper(tmp_path / "c", lambda units: _set_values(units, 520))
    os.chmod(cache_file(tmp_path / "c"), 0o666)
    _, doc, err = status_json(reported, "--lang", "en")
    assert doc == expected and "other users can write" in err and "MINZHENG_CACHE" in err


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a file away needs root")
def test_a_cache_another_user_owns_is_not_read(reported: DataDir, tmp_path: Path, settled: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path / "c"))
    expected = status_json(reported)[1]
    _tamper(tmp_path / "c", lambda units: _set_values(units, 520))
    os.chown(cache_file(tmp_path / "c"), 4242, 4242)
    _, doc, err = status_json(reported, "--lang", "en")
    assert doc == expected and "belongs to another user" in err


# --- warm, cold, pooled and uncached runs agree --------------------------------------------------------------


def _random_folder(data: DataDir, seed: int) -> None:
    """A few units' reports, most valid, some broken in the ways the checks name, one duplicated date."""
    rng = random.Random(seed)
    for unit in ("nanxun", "shuanglin", "xunxi", "district", "nowhere"):
        total = 0
        for week in range(rng.randint(0, 6)):
            day = date(2025, 1, 3 + 7 * week) if week < 4 else date(2025, 2, 7 + 7 * (week - 4))
            total += rng.randint(-3, 20)
            lines = [f"unit: {unit}", f"as_of: {day}"]
            if rng.random() < 0.3:
                lines.append(f"submitted: {date(2025, day.month, max(1, day.day - 1))}")
            lines.append("values:")
            if unit == "district":
                lines += [f'  "2.3": {rng.choice(["15000", "14000.5", "1.4万", "0123"])}',
                          f'  "3.2": {rng.choice(["done", "in_progress", "进行中", "no"])}']
            else:
                lines += [f'  "1.1": {total}', f'  "1.2": {rng.randint(0, 30)}',
                          f'  "2.1": {{numerator: {rng.randint(0, 50)}, denominator: {rng.randint(0, 50)}}}']
                if rng.random() < 0.2:
                    lines.append('  "9.9": 1')
            if rng.random() < 0.2:
                lines.append('notes:\n  "1.1": 已组织')
            name = f"{day}.yaml" if rng.random() < 0.9 else f"{day}.yml"
            data.write_report(unit, name, "\n".join(lines) + "\n")
    if rng.random() < 0.5:
        data.write_report("nanxun", "2025-01-03.yml", 'unit: nanxun\nas_of: 2025-01-03\nvalues:\n  "1.1": 1\n')


def _answers(data: DataDir, *args: str, env: dict[str, str]) -> tuple[Any, ...]:
    status = runner.invoke(app, ["--data", str(data.root), *args, "status", "--as-of", "2025-06-30", "-f", "json"],
                           env={"MINZHENG_TODAY": TODAY.isoformat(), **env})
    checked = runner.invoke(app, ["--data", str(data.root), *args, "validate", "-f", "json"],
                            env={"MINZHENG_TODAY": TODAY.isoformat(), **env})
    return status.exit_code, status.stdout, status.stderr, checked.exit_code, checked.stdout


@pytest.mark.parametrize("seed", range(6))
def test_warm_cold_split_pooled_and_uncached_runs_agree(tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = DataDir(tmp_path / "data")
    _random_folder(data, seed)
    env = {"MINZHENG_CACHE": str(tmp_path / "c")}
    uncached = _answers(data, "--no-cache", env=env)
    cold = _answers(data, env=env)
    warm = _answers(data, env=env)
    monkeypatch.setattr(loading, "SPLIT_MIN_UNITS", 2)  # the unit folders listed by two processes
    monkeypatch.setattr(loading, "_forks", lambda: True)
    split = _answers(data, env=env)
    monkeypatch.setattr(loading, "POOL_MIN_FILES", 0)  # every run over the process pool
    pooled = _answers(data, "--no-cache", env=env)
    shutil.rmtree(tmp_path / "c")
    pooled_cold = _answers(data, env=env)
    assert uncached == cold == warm == split == pooled == pooled_cold


def test_a_pooled_load_equals_one_in_process(tmp_path: Path) -> None:
    data = str(YEAR)
    alone = loading.load_data(data, date(2026, 1, 1), pool=False)
    pooled = loading.load_data(data, date(2026, 1, 1), pool=True)
    assert pooled.reports == alone.reports and pooled.diagnostics == alone.diagnostics
    assert pooled.excluded == alone.excluded and len(alone.reports) > 500


def test_cache_hits_on_a_full_year(tmp_path: Path) -> None:
    data = str(YEAR)
    cold = loading.load_data(data, date(2026, 1, 1), tmp_path)
    warm = loading.load_data(data, date(2026, 1, 1), tmp_path)
    assert warm.reports == cold.reports and len(warm.reports) > 500
    assert warm.series().keys() == cold.series().keys()


# --- the pathological cases stay linear ----------------------------------------------------------------------


def test_close_match_suggestions_stop_once_a_file_has_more_problems_than_are_shown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 13,000-indicator plan and a report of thousands of unknown ids: each suggestion compares the id with
    every id of the plan, so they stop at MAX_PER_FILE per file (the rest are not shown anyway)."""
    from minzheng_cli.model import diagnostics, scalars

    data = DataDir(tmp_path / "data")
    plan = (data.root / "targets.yaml").read_text(encoding="utf-8")
    extra = "".join(f'  - {{id: "1.{n}", task: 1, name: 指标{n}, kind: cumulative, measure: count, target: 10, uom: 人, '
                    f"reported_by: townships, source: 原文}}\n" for n in range(100, 13100))
    data.write_targets(plan.replace("indicators:\n", "indicators:\n" + extra, 1))
    lines = "".join(f'  "x{n}": 1\n' for n in range(5000))
    data.write_report("nanxun", "2025-06-30", f"unit: nanxun\nas_of: 2025-06-30\nvalues:\n{lines}")
    calls: list[str] = []
    real = scalars.closest
    monkeypatch.setattr(scalars, "closest", lambda word, choices: calls.append(word) or real(word, choices))
    loaded = data.load()
    assert loaded.targets is not None and len(loaded.targets.indicators) > 13000
    assert len(calls) <= diagnostics.MAX_PER_FILE
    assert sum(d.code == "unknown-indicator" for d in loaded.diagnostics) >= diagnostics.MAX_PER_FILE


def test_a_context_past_the_shown_problems_does_not_even_list_the_choices() -> None:
    from minzheng_cli.checks import Context
    from minzheng_cli.model.diagnostics import MAX_PER_FILE

    made: list[int] = []
    ctx = Context()
    assert ctx.closest("3.l", lambda: made.append(1) or ["3.1", "99"]) == "3.1" and made == [1]
    ctx.found = MAX_PER_FILE
    assert ctx.closest("3.l", lambda: made.append(1) or ["3.1"]) is None and made == [1]


def _year_folder(tmp_path: Path, units: int) -> Path:
    """A data folder of `units` township folders of two reports each (the plan's townships, repeated)."""
    root = tmp_path / "data"
    shutil.copytree(YEAR, root)
    progress = root / "progress"
    for i in range(units):
        folder = progress / f"extra{i:03d}"
        folder.mkdir()
        for day in ("2025-06-27", "2025-06-30"):
            (folder / f"{day}.yaml").write_text(f"unit: extra{i:03d}\nas_of: {day}\nvalues:\n  \"1.1\": {i}\n",
                                                encoding="utf-8")
    return progress


def test_a_second_process_lists_half_the_unit_folders_as_this_one_would(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    progress = _year_folder(tmp_path, 30)
    alone = loading._scan(progress)
    monkeypatch.setattr(loading, "SPLIT_MIN_UNITS", 2)
    monkeypatch.setattr(loading, "_forks", lambda: True)
    forked: list[int] = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forked.append(1) or real_fork())
    listed_here: list[str] = []
    real_listing = loading._listing
    monkeypatch.setattr(loading, "_listing", lambda path: listed_here.append(path) or real_listing(path))
    assert loading._scan(progress) == alone and alone is not None and forked == [1]
    assert len(listed_here) == len(alone) // 2  # the other half came from the child


def test_no_second_process_is_forked_beside_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not loading._forks()


def test_a_failed_listing_process_is_made_good_by_this_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    progress = _year_folder(tmp_path, 30)
    alone = loading._scan(progress)
    monkeypatch.setattr(loading, "SPLIT_MIN_UNITS", 2)
    monkeypatch.setattr(loading, "_forks", lambda: True)
    parent, real_listing = os.getpid(), loading._listing

    def failing_in_child(path: str) -> Any:
        if os.getpid() != parent:
            raise OSError("the child fails")
        return real_listing(path)

    monkeypatch.setattr(loading, "_listing", failing_in_child)
    assert loading._scan(progress) == alone

    def no_fork() -> int:
        raise OSError("no fork")

    monkeypatch.setattr(os, "fork", no_fork)
    assert loading._scan(progress) == alone
