"""What townships send cannot hurt the numbers, the files or the machine (DESIGN §1.4, §3; issue 10).

Each test is one thing a careless or dishonest sender, or a shared machine, could do: a workbook whose face
disagrees with its hidden metadata, a symlink out of the data folder, a FIFO where a report belongs, a workbook
bomb, a name holding terminal escapes or rich markup, a closed stdout. None may produce a traceback, a hang, a
write outside progress/<unit>/, or a number changed without a diagnostic.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from conftest import TODAY, DataDir, report
from minzheng_cli.cli import app
from minzheng_cli.project import Project

runner = CliRunner()
ENV = {"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY.isoformat()}
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def run(data: DataDir, *args: str, lang: str = "en", today: date = TODAY) -> Result:
    return runner.invoke(app, ["--data", str(data.root), "--lang", lang, *args],
                         env={**ENV, "MINZHENG_TODAY": today.isoformat()})


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


def cli(data: DataDir, *args: str, stdout: int | None = subprocess.PIPE, shell_tail: str = "") -> CompletedProcess[str]:
    """minzheng run in a process of its own (for what only a real process shows: warnings printed by Python, a
    closed or full stdout). `shell_tail` is added to a shell command line (`>&-`)."""
    command = [sys.executable, "-m", "minzheng_cli", "--no-cache", "--data", str(data.root), "--lang", "en", *args]
    env = {**os.environ, "MINZHENG_TODAY": TODAY.isoformat()}
    if shell_tail:
        return subprocess.run(f"{shlex.join(command)} {shell_tail}", shell=True, stderr=subprocess.PIPE, text=True,
                              env=env, timeout=60)
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env, timeout=60)


def no_traceback(result: Result) -> bool:
    """The command ended by its own exit, not by an exception."""
    return result.exception is None or isinstance(result.exception, SystemExit)


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
    snap = Project.open(str(data.root), TODAY).snapshot(date(2025, 6, 30))
    found = snap.result.indicator("1.1")
    assert found is not None and found.actual == 19  # the district total counts the linked folder's 7


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
    assert data.load().targets is None
    result = run(data, "validate")
    assert result.exit_code == 1 and result.stderr.startswith(f"{data.targets}:1:1: link-outside ")


def test_a_data_folder_reached_through_a_link_is_read(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 12\n'))
    alias = tmp_path / "alias"
    alias.symlink_to(data.root)
    result = runner.invoke(app, ["--data", str(alias), "--lang", "en", "validate"], env=ENV)
    assert result.exit_code == 0, result.output


# --- the workbook's face is the truth --------------------------------------------------------------------------

AS_OF = "2025-07-14"
COLUMN = {"value": "G", "numerator": "H", "denominator": "I", "note": "J"}


def template(data: DataDir, book: Path, unit: str = "nanxun", as_of: str = AS_OF, today: date = TODAY) -> Path:
    result = run(data, "template", unit, "--as-of", as_of, "-o", str(book), today=today)
    assert result.exit_code == 0, result.output
    return book


def fill(book: Path, cells: dict[tuple[str, str], object], out: Path | None = None, **face: object) -> Path:
    """Cells set as a clerk (or a forger) would: {(indicator id, column): value}; face: C2=…, C3=… by address."""
    import openpyxl

    from minzheng_cli.read import workbook

    wb = openpyxl.load_workbook(book)
    ws = wb[workbook.SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(workbook.FIRST_ROW, ws.max_row + 1)}
    for (ind_id, column), value in cells.items():
        ws[f"{COLUMN[column]}{rows[ind_id]}"] = value
    for ref, value in face.items():
        ws[ref] = value
    target = out or book.with_name("filled.xlsx")
    wb.save(target)
    return target


def test_a_form_whose_unit_was_edited_is_refused(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5}, C2="双林镇（shuanglin）")
    result = run(data, "import", str(book))
    assert result.exit_code == 1
    assert f"{book}:2:3: workbook-mismatch 报送表!C2: the unit on the form (C2) is '双林镇（shuanglin）', but the form " \
           "was made for 南浔镇（nanxun）" in result.stderr
    assert not data.report_path("nanxun", AS_OF).exists() and not data.report_path("shuanglin", AS_OF).exists()


def test_a_form_naming_no_unit_of_the_plan_is_refused(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5}, C2=None)
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and "workbook-mismatch 报送表!C2:" in result.stderr


def test_a_form_whose_date_was_edited_is_refused_not_filed_as_a_second_report(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5}, C3=datetime(2025, 7, 11))
    result = run(data, "import", str(book))
    assert result.exit_code == 1
    assert f"{book}:3:3: workbook-mismatch 报送表!C3: the date on the form (C3) is 2025-07-11, but the form was made " \
           "for 2025-07-14" in result.stderr
    assert not (data.root / "progress" / "nanxun").exists()


def test_the_date_and_unit_on_the_face_are_locked_in_the_template(data: DataDir, tmp_path: Path) -> None:
    import openpyxl

    ws = openpyxl.load_workbook(template(data, tmp_path / "nanxun.xlsx"))["报送表"]
    assert ws["C2"].protection.locked and ws["C3"].protection.locked and not ws["C4"].protection.locked


def test_a_number_in_the_grey_value_cell_of_a_ratio_is_an_error(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"),
                {("2.1", "value"): 95, ("2.1", "numerator"): 40, ("2.1", "denominator"): 45})
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and not data.report_path("nanxun", AS_OF).exists()
    assert f"{book}:11:7: grey-cell 报送表!G11: 2.1 (低保对象入户核查率) is a ratio: this grey cell is not read" in result.stderr


def test_a_number_alone_in_the_grey_value_cell_of_a_ratio_is_not_dropped(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("2.1", "value"): 95, ("1.1", "value"): 5})
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and "grey-cell 报送表!G11:" in result.stderr


def test_a_number_in_a_grey_part_cell_of_a_count_is_an_error(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5, ("1.1", "denominator"): 7})
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and "9:9: grey-cell 报送表!I9: 1.1 (新增持证护理员) is not a ratio" in result.stderr


# --- files written: -o, template, new reports ----------------------------------------------------------------


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    from minzheng_cli.files import write_output

    real = tmp_path / "reports" / "week.md"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    write_output(link, "周报".encode())
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "周报"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_output_into_a_fifo_writes_into_it_and_keeps_the_fifo(tmp_path: Path) -> None:
    import threading

    from minzheng_cli.files import write_output

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    with deadline():
        write_output(fifo, b"report text")
    reader.join(5)
    assert got == [b"report text"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_to_dev_null_leaves_dev_null_a_device() -> None:
    from minzheng_cli.files import write_output

    write_output("/dev/null", b"x" * 100)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_report_output_to_dev_null_through_the_cli(data: DataDir) -> None:
    result = run(data, "report", "--as-of", "2025-07-14", "-o", "/dev/null")
    assert no_traceback(result) and result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_output_replacing_a_regular_file_keeps_its_permissions(tmp_path: Path) -> None:
    from minzheng_cli.files import write_output

    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    write_output(out, b"new")
    assert out.read_bytes() == b"new" and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


def test_template_never_replaces_an_existing_file_without_force(data: DataDir, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(b"the clerk's work")
    refused = run(data, "template", "nanxun", "--as-of", AS_OF, "-o", str(filled))
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr == f"{filled} already exists (it may be a filled-in form); nothing written: add --force to " \
                             "replace it\n"
    assert filled.read_bytes() == b"the clerk's work"
    forced = run(data, "template", "nanxun", "--as-of", AS_OF, "-o", str(filled), "--force")
    assert forced.exit_code == 0 and filled.read_bytes().startswith(b"PK")


def test_template_does_not_replace_a_filled_form_through_a_link_either(data: DataDir, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(b"the clerk's work")
    link = tmp_path / "link.xlsx"
    link.symlink_to(filled)
    assert run(data, "template", "nanxun", "--as-of", AS_OF, "-o", str(link)).exit_code == 1
    assert filled.read_bytes() == b"the clerk's work"


def test_a_new_file_never_replaces_one_that_appeared_meanwhile(tmp_path: Path) -> None:
    from minzheng_cli.files import write_new

    target = tmp_path / "2025-07-14.yaml"
    target.write_text("written by the other run", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_new(target, b"mine")
    assert target.read_text(encoding="utf-8") == "written by the other run"
    assert [p.name for p in tmp_path.iterdir()] == ["2025-07-14.yaml"]


def test_two_imports_racing_for_one_report_do_not_both_say_wrote(
        data: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from minzheng_cli.entry import prefill

    first = fill(template(data, tmp_path / "a.xlsx"), {("1.1", "value"): 5}, out=tmp_path / "first.xlsx")
    second = fill(template(data, tmp_path / "b.xlsx"), {("1.1", "value"): 6}, out=tmp_path / "second.xlsx")
    assert run(data, "import", str(first)).exit_code == 0
    looked = prefill.existing
    calls: list[str] = []

    def before_the_other_wrote(path: str, *args: object) -> prefill.Existing:
        calls.append(path)
        return "absent" if len(calls) == 1 else looked(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(prefill, "existing", before_the_other_wrote)
    result = run(data, "import", str(second))
    assert result.exit_code == 1 and "already exists with other figures" in result.stderr
    assert '"1.1": 5' in data.report_path("nanxun", AS_OF).read_text(encoding="utf-8")


def test_import_into_a_unit_folder_linked_out_of_the_data_folder_writes_nothing(data: DataDir, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (data.root / "progress" / "nanxun").symlink_to(outside)
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5})
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and "link-outside" not in result.stdout
    assert "outside the data folder" in result.stderr
    assert list(outside.iterdir()) == []
    new = run(data, "new", "nanxun", "--as-of", AS_OF)
    assert new.exit_code == 1 and "outside the data folder" in new.stderr and list(outside.iterdir()) == []


# --- workbook bombs: bounded before parsing ------------------------------------------------------------------


def _column(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def bomb(book: Path, out: Path, cells: int, per_row: int, compact: bool = False) -> Path:
    """The template `book` with `cells` more cells in its report sheet, `per_row` a row, from row 100 on (within
    the rows import reads): `<c r="AB123"><v>7</v></c>` each, or `<c/>` when `compact`."""
    import random
    import zipfile

    rng = random.Random(10)
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                refs = [_column(i) for i in range(per_row)]
                rows = ("<row>" + "<c/>" * per_row + "</row>" if compact else
                        f'<row r="{r}">' + "".join(f'<c r="{ref}{r}"><v>{rng.randrange(10)}</v></c>' for ref in refs)
                        + "</row>" for r in range(100, 100 + cells // per_row))
                part = part.replace(b"</sheetData>", "".join(rows).encode() + b"</sheetData>")
            dst.writestr(info.filename, part, zipfile.ZIP_DEFLATED)
    return out


def test_a_small_workbook_inflating_to_a_million_and_a_half_cells_is_refused_quickly(
        data: DataDir, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    book = bomb(template(data, tmp_path / "nanxun.xlsx"), tmp_path / "bomb.xlsx", 1_500_000, per_row=750)
    assert 2 * 2**20 < book.stat().st_size < 6 * 2**20  # a few MB on the disk
    measure = (
        "import json, resource, subprocess, sys, time\n"
        "start = time.monotonic()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(json.dumps({'seconds': time.monotonic() - start, 'code': done.returncode, 'stderr': done.stderr,\n"
        "                  'kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    command = [sys.executable, "-m", "minzheng_cli", "--no-cache", "--data", str(data.root), "--lang", "en",
               "import", str(book), "--dry-run"]
    env = {**os.environ, "MINZHENG_TODAY": TODAY.isoformat()}
    found = json.loads(subprocess.run([sys.executable, "-c", measure, *command], capture_output=True, text=True,
                                      env=env, check=True, timeout=120).stdout)
    assert found["code"] == 2 and "far more than any report workbook" in found["stderr"], found
    assert "Traceback" not in found["stderr"]
    assert found["seconds"] < 5, found  # about half a second here; parsing it took 19 s before
    assert found["kib"] < 300 * 1024, found


def test_compact_cells_under_the_size_limit_are_counted_while_streaming(data: DataDir, tmp_path: Path) -> None:
    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.read import workbook

    book = bomb(template(data, tmp_path / "nanxun.xlsx"), tmp_path / "compact.xlsx", 2_000_000, per_row=1000,
                compact=True)
    assert book.stat().st_size < 100_000
    with pytest.raises(MinzhengError) as info:
        workbook.read_workbook(str(book))
    assert f"holds more than {workbook.MAX_CELLS} cells" in info.value.message


def test_a_workbook_declaring_entities_is_refused(data: DataDir, tmp_path: Path) -> None:
    import zipfile

    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.read import workbook

    book = template(data, tmp_path / "nanxun.xlsx")
    laughs = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(laughs, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                part = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + part
            dst.writestr(info.filename, part)
    with pytest.raises(MinzhengError) as info:
        workbook.read_workbook(str(laughs))
    assert "DTD or entity declarations" in info.value.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_importing_a_fifo_is_refused_at_once(data: DataDir, tmp_path: Path) -> None:
    fifo = tmp_path / "filled.xlsx"
    os.mkfifo(fifo)
    with deadline():
        result = run(data, "import", str(fifo))
    assert result.exit_code == 2 and "is not a regular file" in result.stderr


def test_importing_a_workbook_linked_to_dev_zero_is_refused_at_once(data: DataDir, tmp_path: Path) -> None:
    link = tmp_path / "filled.xlsx"
    link.symlink_to("/dev/zero")
    with deadline():
        result = run(data, "import", str(link))
    assert result.exit_code == 2 and "is not a regular file" in result.stderr


def test_openpyxl_warnings_do_not_reach_stderr(data: DataDir, tmp_path: Path) -> None:
    import zipfile

    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5})
    odd = tmp_path / "odd.xlsx"  # a data validation extension openpyxl drops with a UserWarning
    ext = (b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
           b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0"/>'
           b"</ext></extLst></worksheet>")
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(odd, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = part.replace(b"</worksheet>", ext)
            dst.writestr(info.filename, part)
    result = cli(data, "import", str(odd), "--dry-run")  # its own process: pytest would catch the warning
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"dry run: valid, {data.report_path('nanxun', AS_OF)} not written\n"


# --- import enforces exactly what validate enforces ----------------------------------------------------------


def test_a_note_too_large_for_a_report_file_is_refused_by_import(data: DataDir, tmp_path: Path) -> None:
    import zipfile

    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5, ("1.1", "note"): "PLACEHOLDER"})
    big = tmp_path / "big.xlsx"  # Excel keeps 32,767 characters a cell; the XML itself has no limit
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info).replace(b"PLACEHOLDER", ("说明" * 600_000).encode()))
    book = big
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and not data.report_path("nanxun", AS_OF).exists()
    assert f"{book}:9:10: file-too-large 报送表!J9: " in result.stderr  # on the note that made it too large


def test_a_tiny_float_gets_the_advice_a_report_gets_not_a_dot(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5, ("2.1", "numerator"): 1e-300,
                                                           ("2.1", "denominator"): 45})
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and "ends with a dot" not in result.stderr
    assert "11:8: " in result.stderr and "decimal places" in result.stderr


def test_a_problem_across_reports_is_found_in_the_first_round(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-07-07", report("nanxun", "2025-07-07", '  "1.1": 20\n  "1.2": 10\n'))
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): "二十", ("1.2", "value"): 30})
    result = run(data, "import", str(book))
    codes_seen = [line.split(" ")[1] for line in result.stderr.splitlines()[:-1]]
    assert codes_seen == ["bad-number", "part-exceeds-whole"], result.stderr  # not only after 1.1 is fixed


def test_a_problem_in_a_later_report_is_said_once_at_that_file(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-07-07", report("nanxun", "2025-07-07", '  "1.1": 20\n  "1.2": 10\n'))
    later = data.write_report("nanxun", "2025-07-21", report("nanxun", "2025-07-21", '  "1.1": 25\n'))
    after = date(2025, 7, 25)
    book = fill(template(data, tmp_path / "nanxun.xlsx", today=after), {("1.2", "value"): 30})
    result = run(data, "import", str(book), today=after)
    lines = result.stderr.splitlines()
    assert [line.split(" ")[1] for line in lines[:-1]] == ["part-exceeds-whole"], result.stderr  # not twice
    book2 = fill(template(data, tmp_path / "b.xlsx", today=after), {("1.1", "value"): 30}, out=tmp_path / "b2.xlsx")
    result = run(data, "import", str(book2), today=after)
    assert result.stderr.splitlines()[0].startswith(f"{later}:4:10: decreasing-cumulative "), result.stderr
    assert later.exists()


# what a clerk may type in a cell: numbers of every size, text, words, dates, blanks
_ILLEGAL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")  # openpyxl (and Excel) cannot store them
_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=_ILLEGAL), max_size=20)
_CELL = st.one_of(
    st.none(), st.integers(-5, 10**17), st.floats(allow_nan=False, allow_infinity=False), _TEXT,
    st.sampled_from(["已完成", "进行中", "未开始", "done", "150人", "１５０", "1,000", "12.50", " 7 ", "1e3", "0.1"]),
    st.booleans(), st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 1, 1)),
)
_ROWS = ("1.1", "1.2", "2.1", "3.3")
_FILLED = st.fixed_dictionaries({(ind, column): _CELL for ind in _ROWS for column in COLUMN if column != "note"}
                                | {(ind, "note"): st.one_of(st.none(), _TEXT) for ind in _ROWS})


@given(cells=_FILLED, submitted=st.one_of(st.none(), st.dates(date(2025, 7, 1), date(2025, 7, 20)), _TEXT))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
def test_whatever_import_accepts_validate_accepts(
        tmp_path_factory: pytest.TempPathFactory, cells: dict[tuple[str, str], object], submitted: object) -> None:
    from minzheng_cli.checks.linter import load_data
    from minzheng_cli.entry import importer
    from minzheng_cli.entry import prefill as entry
    from minzheng_cli.read import workbook

    data = DataDir(tmp_path_factory.mktemp("prop") / "data")
    data.write_report("nanxun", "2025-07-07", report("nanxun", "2025-07-07", '  "1.1": 20\n  "1.2": 10\n'))
    book = fill(template(data, data.root.parent / "nanxun.xlsx"), cells, C4=submitted)
    loaded = data.load()
    assert loaded.targets is not None
    filled = workbook.read_workbook(str(book))
    unit = importer.unit_of(filled, loaded.targets)
    result = importer.import_report(filled, loaded.targets, unit, loaded.reports, str(data.root), TODAY)
    if result.report is None or result.text is None:
        return
    path = data.report_path("nanxun", AS_OF)
    path.write_text(result.text, encoding="utf-8")
    again = load_data(str(data.root), TODAY)
    assert [d for d in again.diagnostics if d.severity == "error"] == [], result.text
    written = next(r for r in again.reports if r.path == str(path))
    assert entry.same_report(written, result.report)


# --- several workbooks at once --------------------------------------------------------------------------------


def test_several_workbooks_are_each_judged_on_their_own_with_one_summary_line_each(
        data: DataDir, tmp_path: Path) -> None:
    good = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5}, out=tmp_path / "good.xlsx")
    bad = fill(template(data, tmp_path / "shuanglin.xlsx", unit="shuanglin"), {("1.1", "value"): "五"},
               out=tmp_path / "bad.xlsx")
    other = fill(template(data, tmp_path / "xunxi.xlsx", unit="xunxi"), {("1.1", "value"): 3}, out=tmp_path / "x.xlsx")
    result = run(data, "import", str(good), str(bad), str(other))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"{good}: wrote {data.report_path('nanxun', AS_OF)}"
    assert lines[1].startswith(f"{bad}:9:7: bad-number ")
    assert lines[2] == f"{bad}: problems found: 1 files (0 reports), 1 errors, 0 warnings"
    assert lines[3] == f"{other}: wrote {data.report_path('xunxi', AS_OF)}"
    assert len(lines) == 4
    assert result.stdout.splitlines() == [str(data.report_path("nanxun", AS_OF)), str(data.report_path("xunxi", AS_OF))]
    assert not data.report_path("shuanglin", AS_OF).exists()


def test_a_file_that_is_no_workbook_among_several_does_not_stop_the_others(data: DataDir, tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    good = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5})
    result = run(data, "import", str(text), str(good))
    assert result.exit_code == 2 and data.report_path("nanxun", AS_OF).exists()
    assert result.stderr.splitlines()[0].startswith(f"{text}: cannot read {text}")


def test_two_workbooks_for_one_report_in_one_run_do_not_both_write(data: DataDir, tmp_path: Path) -> None:
    book = template(data, tmp_path / "nanxun.xlsx")
    first = fill(book, {("1.1", "value"): 5}, out=tmp_path / "first.xlsx")
    second = fill(book, {("1.1", "value"): 6}, out=tmp_path / "second.xlsx")
    result = run(data, "import", str(first), str(second), "--dry-run")
    assert result.exit_code == 1 and "already exists with other figures" in result.stderr.splitlines()[-1]
    result = run(data, "import", str(first), str(second))
    assert result.exit_code == 1 and '"1.1": 5' in data.report_path("nanxun", AS_OF).read_text(encoding="utf-8")


# --- no tracebacks: closed and full output -------------------------------------------------------------------


def _sample(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 12\n'))


@pytest.mark.parametrize("args", [["report"], ["status"], ["status", "--format", "csv"], ["validate", "--format", "json"],
                                  ["units"], ["show", "1.1"]])
def test_a_closed_stdout_is_a_one_line_error_and_a_failure(data: DataDir, args: list[str]) -> None:
    _sample(data)
    result = cli(data, *args, shell_tail=">&-")
    assert result.returncode == 2, result.stderr
    assert result.stderr == "cannot write the output (standard output): Bad file descriptor; the output is incomplete\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["report"], ["status", "--format", "csv"], ["status", "--format", "json"]])
def test_a_full_disk_is_a_one_line_error_and_a_failure(data: DataDir, args: list[str]) -> None:
    _sample(data)
    with open("/dev/full", "w") as full:
        result = cli(data, *args, stdout=full.fileno())
    assert result.returncode == 2, result.stderr
    assert result.stderr == "cannot write the output (standard output): No space left on device; the output is incomplete\n"


def test_a_closed_stdout_in_chinese(data: DataDir) -> None:
    _sample(data)
    command = [sys.executable, "-m", "minzheng_cli", "--no-cache", "--data", str(data.root), "report"]
    result = subprocess.run(f"{shlex.join(command)} >&-", shell=True, stderr=subprocess.PIPE, text=True, timeout=60,
                            env={**os.environ, "MINZHENG_TODAY": TODAY.isoformat()})
    assert result.returncode == 2 and result.stderr == "无法写出结果（标准输出）：输出已关闭（文件描述符无效）；结果不完整\n"


def test_writing_a_report_file_needs_no_stdout(data: DataDir, tmp_path: Path) -> None:
    _sample(data)
    out = tmp_path / "week.md"
    result = cli(data, "report", "--format", "markdown", "-o", str(out), shell_tail=">&-")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("#")


# --- what came from files is shown as text -----------------------------------------------------------------


def test_a_control_character_in_plan_text_is_refused_by_validate(data: DataDir) -> None:
    from conftest import PLAN, at

    text = PLAN.replace("name: 新增持证护理员", 'name: "新增\\e]0;pwned\\a持证护理员"')
    data.write_targets(text)
    d = data.only()
    assert (d.code, d.line, d.column) == ("control-character", *at(text, '"新增'))
    assert "U+001B" in d.message


def test_template_of_a_plan_with_a_control_character_is_a_clean_refusal(data: DataDir, tmp_path: Path) -> None:
    from conftest import PLAN

    data.write_targets(PLAN.replace("name: 南浔镇", 'name: "南浔\\x01镇"'))
    result = run(data, "template", "nanxun", "--as-of", AS_OF, "-o", str(tmp_path / "t.xlsx"))
    assert no_traceback(result) and result.exit_code == 2
    assert "control-character" in result.stderr and not (tmp_path / "t.xlsx").exists()


def test_a_c1_control_in_plan_text_is_refused_too(data: DataDir) -> None:
    from conftest import PLAN

    data.write_targets(PLAN.replace("title: 加强养老服务人才队伍建设", 'title: "加强\\x9b2J养老"'))
    assert data.only().code == "control-character"


def test_a_plan_name_starting_with_equals_is_text_in_the_template(data: DataDir, tmp_path: Path) -> None:
    import openpyxl

    from conftest import PLAN

    data.write_targets(PLAN.replace("name: 新增持证护理员", 'name: "=HYPERLINK(\\"http://evil.example\\",\\"点我\\")"')
                       .replace("name: 南浔镇", 'name: "=1+1"'))
    book = template(data, tmp_path / "nanxun.xlsx")
    ws = openpyxl.load_workbook(book)["报送表"]
    assert ws["C9"].value == '=HYPERLINK("http://evil.example","点我")' and ws["C9"].data_type == "s"
    assert ws["C2"].data_type == "s"
    filled = fill(book, {("1.1", "value"): 5})
    assert run(data, "import", str(filled)).exit_code == 0  # the face still names the unit


EVIL = "evil\x1b]0;owned\x07\x1b[2J\x9b31m\n::warning file=x.yaml::forged"  # OSC title, clear screen, C1 CSI, a line


def _evil_folder(data: DataDir) -> None:
    data.write_report("nanxun", "2025-06-30", report("nanxun", "2025-06-30", '  "1.1": 12\n'))
    folder = data.root / "progress" / EVIL
    folder.mkdir()
    (folder / "2025-06-30.yaml").write_text(report("nanxun", "2025-06-30", '  "1.1": 1\n'), encoding="utf-8")


def _clean(text: str) -> bool:
    """No control character but line breaks, and no line a forged workflow command."""
    return not any((ch < " " and ch != "\n") or "\x7f" <= ch <= "\x9f" for ch in text) and \
        not any(line.startswith("::warning file=x.yaml") for line in text.splitlines())


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_escape_sequences_in_a_folder_name_never_reach_the_terminal(data: DataDir, fmt: str) -> None:
    _evil_folder(data)
    result = run(data, "validate", "--format", fmt)
    assert result.exit_code == 1
    assert _clean(result.stdout) and _clean(result.stderr), result.output
    if fmt == "text":
        assert "evil\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\n::warning file=x.yaml::forged" in result.stderr


def test_an_excluded_path_is_named_escaped(data: DataDir) -> None:
    _evil_folder(data)
    result = run(data, "units", "--as-of", "2025-06-30")
    assert no_traceback(result) and result.exit_code == 1
    assert _clean(result.stderr) and "evil\\x1b" in result.stderr


def test_a_workbook_path_with_escapes_is_named_escaped(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): "五"}, out=tmp_path / "a\x1b[2Jb.xlsx")
    result = run(data, "import", str(book))
    assert result.exit_code == 1 and _clean(result.stderr) and "a\\x1b[2Jb.xlsx" in result.stderr


def test_chinese_messages_on_workbook_cells_leave_no_english(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"),
                {("1.1", "value"): datetime(2025, 7, 1), ("1.2", "value"): True}, C4="昨天")
    result = run(data, "import", str(book), lang="zh")
    assert result.exit_code == 1
    for english in ("datetime", "bool", "submitted：", "found"):
        assert english not in result.stderr, result.stderr
    assert "报送日期（submitted）：" in result.stderr and "现在是日期 2025-07-01" in result.stderr
    assert "现在是逻辑值 TRUE" in result.stderr


def test_a_ratio_part_is_named_in_chinese_in_a_chinese_message(data: DataDir, tmp_path: Path) -> None:
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("2.1", "numerator"): -3, ("2.1", "denominator"): 45})
    result = run(data, "import", str(book), lang="zh")
    assert result.exit_code == 1 and "2.1 的 分子 为 -3" in result.stderr
    assert "numerator" not in result.stderr and "denominator" not in result.stderr


MARKUP = "新增护理员[/注1][link=https://evil.example]点我[/link][bold]粗[/bold]"


def in_terminal(data: DataDir, *args: str) -> tuple[int, str]:
    """minzheng run with its stdout a pseudo-terminal (rich output, colours, links): exit code and what it shows."""
    import pty  # noqa: F401  (only where pseudo-terminals exist)

    leader, follower = os.openpty()
    command = [sys.executable, "-m", "minzheng_cli", "--no-cache", "--data", str(data.root), "--lang", "en", *args]
    env = {**os.environ, "MINZHENG_TODAY": TODAY.isoformat(), "COLUMNS": "120", "TERM": "xterm-256color"}
    done = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, env=env, timeout=60)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return done.returncode, shown.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals")
@pytest.mark.parametrize("args", [["status"], ["units"], ["show", "1.1"]])
def test_names_holding_rich_markup_are_shown_as_text_in_a_terminal(data: DataDir, args: list[str]) -> None:
    from conftest import PLAN

    data.write_targets(PLAN.replace("name: 新增持证护理员", f'name: "{MARKUP}"').replace("name: 南浔镇", 'name: "南浔[/x]镇"'))
    _sample(data)
    code, shown = in_terminal(data, *args, "--as-of", "2025-06-30", "--width", "300")
    assert code == 0 and "Traceback" not in shown and "MarkupError" not in shown, shown
    assert "\x1b]8;" not in shown  # no hyperlink escape: [link=…] is not interpreted
    flat = "".join(re.sub(r"\x1b\[[0-9;]*m", "", shown).split())  # colours off, wrapped names joined
    assert ("南浔[/x]镇" in flat) if args == ["units"] else ("[/注1][link=https://evil.example]点我[/link]" in flat), flat


def test_markdown_shows_a_name_as_itself(data: DataDir) -> None:
    from conftest import PLAN

    data.write_targets(PLAN.replace("name: 新增持证护理员", 'name: "~~新增~~ &lt;b&gt; *护理员*"'))
    _sample(data)
    result = run(data, "status", "--as-of", "2025-06-30", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "\\~\\~新增\\~\\~ \\&lt;b\\&gt; \\*护理员\\*" in result.stdout


def test_a_line_break_in_a_name_keeps_a_markdown_table_whole(data: DataDir) -> None:
    from conftest import PLAN

    data.write_targets(PLAN.replace("name: 新增持证护理员", 'name: "新增\\n| x | y |"'))
    _sample(data)
    result = run(data, "status", "--as-of", "2025-06-30", "--format", "markdown")
    rows = [line for line in result.stdout.splitlines() if line.startswith("| 1.1 ")]
    assert len(rows) == 1 and "新增 \\| x \\| y \\|" in rows[0], result.stdout


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_from_files_never_start_a_formula(data: DataDir, start: str) -> None:
    import csv
    import io

    from conftest import PLAN

    data.write_targets(PLAN.replace("name: 新增持证护理员", f'name: "{start}HYPERLINK(1)"')
                       .replace("uom: 元/人/年", f'uom: "{start}元/人/年"'))
    _sample(data)
    result = run(data, "status", "--as-of", "2025-06-30", "--format", "csv")
    assert result.exit_code == 0, result.output
    cells = [cell for row in csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))) for cell in row]
    assert f"'{start}HYPERLINK(1)" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells), cells
    assert not any(cell.startswith("-") and not re.fullmatch(r"-[0-9.]+", cell) for cell in cells), cells


def test_an_excel_export_holds_a_name_starting_with_equals_as_text(data: DataDir, tmp_path: Path) -> None:
    import openpyxl

    from conftest import PLAN

    data.write_targets(PLAN.replace("name: 南浔镇", 'name: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"'))
    _sample(data)
    out = tmp_path / "units.xlsx"
    assert run(data, "units", "--as-of", "2025-06-30", "--format", "xlsx", "-o", str(out)).exit_code == 0
    cells = [c for ws in openpyxl.load_workbook(out) for row in ws.iter_rows() for c in row]
    assert any(c.value == '=HYPERLINK("http://evil.example","x")' for c in cells)
    assert not any(c.data_type == "f" for c in cells)


def test_import_into_a_unit_folder_linked_inside_the_data_folder_writes_where_validate_reads(
        data: DataDir, tmp_path: Path) -> None:
    kept = data.root / "kept" / "nanxun"
    kept.mkdir(parents=True)
    (data.root / "progress" / "nanxun").symlink_to(Path("..") / "kept" / "nanxun")
    book = fill(template(data, tmp_path / "nanxun.xlsx"), {("1.1", "value"): 5})
    assert run(data, "import", str(book)).exit_code == 0
    assert (kept / f"{AS_OF}.yaml").is_file()
    assert [r.unit for r in data.load().reports] == ["nanxun"]
