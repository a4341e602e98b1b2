"""What townships send cannot hurt the numbers, the files or the machine (DESIGN §1.4, §3; issue 10).

Each test is one thing a careless or dishonest sender, or a shared machine, could do: a workbook whose face
disagrees with its hidden metadata, a symlink out of the data folder, a FIFO where a report belongs, a workbook
bomb, a name holding terminal escapes or rich markup, a closed stdout. None may produce a traceback, a hang, a
write outside progress/<unit>/, or a number changed without a diagnostic.
"""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import TODAY, DataDir, report
from minzheng_cli.cli import app

runner = CliRunner()
ENV = {"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY.isoformat()}
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def run(data: DataDir, *args: str, lang: str = "en") -> Result:
    return runner.invoke(app, ["--data", str(data.root), "--lang", lang, *args], env=ENV)


@contextmanager
def deadline(seconds: int = 10) -> Iterator[None]:
    """Fail instead of hanging (a FIFO opened to read waits for a writer)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def codes(data: DataDir) -> list[tuple[str, str]]:
    """(path under progress/, code) of every diagnostic of the folder."""
    return [(d.path.split("/progress/")[-1] if "/progress/" in d.path else d.path.rsplit("/", 1)[-1], d.code)
            for d in data.diagnostics()]


# --- files under the data folder: links and special files ----------------------------------------------------


def test_a_unit_folder_linked_from_inside_the_data_folder_is_read(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 12\n'))
    kept = data.root / "kept" / "xunxi"
    kept.mkdir(parents=True)
    (kept / "2025-06-30.yaml").write_text(report("xunxi", "2025-06-30", '  "1.1": 7\n'), encoding="utf-8")
    (data.root / "progress" / "xunxi").symlink_to(Path("..") / "kept" / "xunxi")
    loaded = data.load()
    assert loaded.diagnostics == []
    assert sorted(r.unit for r in loaded.reports) == ["nanxun", "xunxi"]
    result = run(data, "status", "--as-of", "2025-06-30", "--format", "json")
    assert '"actual": 19' in result.stdout


def test_a_unit_folder_linked_from_outside_is_an_error_and_never_read(data: DataDir, tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "xunxi"
    outside.mkdir(parents=True)
    (outside / "2025-06-30.yaml").write_text(report("xunxi", "2025-06-30", '  "1.1": 7\n'), encoding="utf-8")
    (data.root / "progress" / "xunxi").symlink_to(outside)
    loaded = data.load()
    d = data.only()
    assert (d.code, d.path) == ("link-outside", str(data.root / "progress" / "xunxi"))
    assert str(outside) in d.message
    assert loaded.reports == [] and loaded.excluded == [str(data.root / "progress" / "xunxi")]


def test_a_report_linked_to_a_secret_file_never_shows_its_content(data: DataDir, tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$SECRET-HASH:19000:0:99999:7:::\n", encoding="utf-8")
    data.report_path("nanxun", "2025-06-30").parent.mkdir(parents=True)
    data.report_path("nanxun", "2025-06-30").symlink_to(secret)
    result = run(data, "validate")
    assert result.exit_code == 1
    assert "SECRET" not in result.output
    assert "link-outside" in result.output and "2025-06-30.yaml" in result.output


def test_etc_shadow_linked_as_a_report_is_named_not_read(data: DataDir) -> None:
    data.report_path("nanxun", "2025-06-30").parent.mkdir(parents=True)
    data.report_path("nanxun", "2025-06-30").symlink_to("/etc/shadow")
    result = run(data, "validate")
    assert result.exit_code == 1
    assert "link-outside" in result.output and "root:" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_like_a_report_is_an_error_at_once(data: DataDir) -> None:
    path = data.report_path("nanxun", "2025-06-30")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    with deadline():
        assert codes(data) == [("nanxun/2025-06-30.yaml", "not-regular-file")]
        assert "named pipe" in data.only().message


@pytest.mark.skipif(not ROOT, reason="making a device node needs root")
def test_a_device_node_in_the_data_folder_is_an_error(data: DataDir) -> None:
    path = data.report_path("nanxun", "2025-06-30")
    path.parent.mkdir(parents=True)
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero's numbers: reading it never ends
    with deadline():
        assert codes(data) == [("nanxun/2025-06-30.yaml", "not-regular-file")]
        assert "device" in data.only().message


def test_a_report_linked_to_dev_zero_is_refused_at_once(data: DataDir) -> None:
    path = data.report_path("nanxun", "2025-06-30")
    path.parent.mkdir(parents=True)
    path.symlink_to("/dev/zero")
    with deadline():
        assert codes(data) == [("nanxun/2025-06-30.yaml", "link-outside")]


def test_a_folder_named_like_a_report_is_not_skipped_silently(data: DataDir) -> None:
    data.report_path("nanxun", "2025-07-06").mkdir(parents=True)
    assert codes(data) == [("nanxun/2025-07-06.yaml", "not-regular-file")]


def test_a_temporary_file_left_by_a_killed_write_is_named(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 12\n'))
    data.write_bytes("nanxun", ".2025-07-06.yaml.k3j2h1.tmp", b"unit: nan")
    assert codes(data) == [("nanxun/.2025-07-06.yaml.k3j2h1.tmp", "interrupted-write")]
    assert len(data.load().reports) == 1  # a warning: the valid report still counts


def test_a_link_loop_is_named_and_the_walk_ends(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 12\n'))
    (data.root / "progress" / "nanxun" / "up").symlink_to("..")
    (data.root / "progress" / "nanxun" / "self.yaml").symlink_to("self.yaml")
    with deadline():
        assert codes(data) == [("nanxun/self.yaml", "broken-link"), ("nanxun/up", "broken-link")]


def test_a_targets_file_linked_from_outside_is_not_read(data: DataDir, tmp_path: Path) -> None:
    elsewhere = tmp_path / "targets.yaml"
    data.targets.rename(elsewhere)
    data.targets.symlink_to(elsewhere)
    result = run(data, "status")
    assert result.exit_code == 2
    assert "link-outside" in result.stderr and "Traceback" not in result.output
    assert "targets.yaml" in result.stderr


def test_a_data_folder_reached_through_a_link_is_read(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 12\n'))
    alias = tmp_path / "alias"
    alias.symlink_to(data.root)
    result = runner.invoke(app, ["--data", str(alias), "--lang", "en", "validate"], env=ENV)
    assert result.exit_code == 0, result.output
