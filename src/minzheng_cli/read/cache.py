"""A private cache of checked reports, one file per data folder (DESIGN §4).

A warm run works like git's index: a report file whose (size, mtime_ns, ctime_ns, inode) are those recorded is
taken as checked before without being read. A file whose timestamps are within `RACY_NS` of the cache's own write
is "racily clean" — it may have changed again within the timestamp's granularity after it was read — and is
hashed again. Only new or changed files are parsed. Per unit folder the cache keeps each valid report's entry, the
diagnostics found across the unit's reports, and the reports' values in columns (`model.series`), so that a warm
`validate` reads no value at all and a warm `status` decodes columns, not 67,600 reports.

The file is MessagePack read by msgspec into typed structures whose limits are the loader's own (counts of at
most 15 digits, dates of the calendar, milestone words, positions from 1): anything that does not decode into
them is a miss, never an answer or a traceback. (Measured by `bench/benchmark.py --formats`: msgspec's
MessagePack decodes this cache 2–3× faster than the standard library's JSON, and SQLite or pickle of plain tuples
are no faster; pickle would also run code from the file.) The answer never depends on the cache: a corrupt, stale
or unreadable cache, a read-only or deleted folder only cost time.

Only the user's own cache is read: a folder or file that another user owns or can write is ignored (with one
notice saying why and how to fix it), and nothing is written there.
"""

from __future__ import annotations

import array
import contextlib
import gc
import hashlib
import itertools
import os
import stat
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import msgspec

from minzheng_cli import __version__
from minzheng_cli.catalogue import Message
from minzheng_cli.catalogue.diagnostics import ReadMsg
from minzheng_cli.model.diagnostics import Diagnostic, is_declared
from minzheng_cli.model.files import Report
from minzheng_cli.model.scalars import MAX_DECIMALS, MAX_DIGITS
from minzheng_cli.model.series import UnitSeries, decode_value, encode_value

FORMAT = 6  # 5: stat-keyed entries per unit folder, values in columns, MessagePack; 6: sparse notes, marks array
MARKS = "i"  # the array type of `Payload.marks`: 4 bytes on every platform Python runs on
RACY_NS = 3_000_000_000  # wider than any file system's timestamp granularity (FAT: 2 s)

# The loader's own limits, so that a value outside them is a miss: a count has at most MAX_DIGITS digits before
# the point and MAX_DECIMALS after it (as "n/d", its denominator at most 10**MAX_DECIMALS).
Count = Annotated[int, msgspec.Meta(ge=0, lt=10**MAX_DIGITS)]
Exact = Annotated[str, msgspec.Meta(pattern=rf"^(not_started|in_progress|done|[0-9]{{1,{MAX_DIGITS + MAX_DECIMALS}}}"
                                            rf"/[1-9][0-9]{{0,{MAX_DECIMALS}}})$")]
Part = Count | Exact
Encoded = Count | Exact | Annotated[list[Part], msgspec.Meta(min_length=2, max_length=2)] | None
Day = Annotated[int, msgspec.Meta(ge=1, le=date.max.toordinal())]
Position = Annotated[int, msgspec.Meta(ge=0, lt=2**31)]
STAMP_MAX = 2**63 - 1
Stamp = Annotated[int, msgspec.Meta(ge=0, le=STAMP_MAX)]


class Files(msgspec.Struct, array_like=True):
    """A unit folder's valid report files as they were when checked, in columns (one list per field, compared
    with the folder's listing list against list), and each file's own diagnostics (warnings)."""

    names: list[str]
    sizes: list[Stamp]
    mtimes: list[Stamp]
    ctimes: list[Stamp]
    inodes: list[Stamp]
    digests: list[bytes]
    latest: list[Day]  # max(as_of, submitted): checked again once 'today' is before it (date-in-future)
    diagnostics: dict[Position, list[Any]]  # by position, for the files that have any


class Payload(msgspec.Struct, array_like=True):
    """A unit's valid reports (file-name order), their values in columns: what `status` needs."""

    names: list[str]
    as_of: list[Day]
    submitted: list[Day | None]
    columns: dict[str, list[Encoded]]
    notes: dict[Position, dict[str, str]]  # by position, for the reports that have any
    mark_keys: list[str]
    # per report, the line and column of each of mark_keys (0, 0: the report lacks it), as one array of 32-bit
    # integers (`MARKS`): a province's marks as millions of numbers would cost more to decode than its values
    marks: bytes


class UnitBlock(msgspec.Struct, array_like=True):
    """One unit folder: its valid files, the problems found across its reports (placed by file name), the files
    those problems exclude, and the reports' values."""

    files: Files
    checks: list[Any]
    flagged: list[str]
    plausibility: list[Any]
    payload: msgspec.Raw  # a Payload, decoded only when the values are needed (`payload_of_block`)


class CacheFile(msgspec.Struct, array_like=True):
    stamp: list[Any]
    units: dict[str, UnitBlock]


@contextlib.contextmanager
def bulk() -> Iterator[None]:
    """The cyclic garbage collector paused while many small objects are made (a cache decoded, every unit's
    values): none of them is garbage, and each collection would walk them all again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def code_stamp() -> str:
    """The program's version and the size and time of each of its modules: a changed program is a new cache."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__]
    for folder, _, names in sorted(os.walk(package)):
        for name in sorted(names):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                parts.append(f"{folder[len(str(package)):]}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def foreign(info: os.stat_result) -> bool:
    """Whether another user owns this file or folder, or can write it (POSIX; Windows has no such modes)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return False
    return info.st_uid != getuid() or bool(info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


class ReportCache:
    """The cache of one data folder: read when trusted (`blocks`), written back by `save()` when it changed."""

    def __init__(self, folder: Path, data_dir: str, stamp: list[Any]) -> None:
        name = hashlib.sha256(os.path.abspath(data_dir).encode("utf-8")).hexdigest()[:32]
        self.folder = folder
        self.file = folder / f"reports-{name}.msgpack"
        self.stamp = [FORMAT, code_stamp(), *stamp]
        self.notice: Message | None = None  # why the cache was not used, for the CLI to say once
        self.trusted = True
        self.racy_ns = 0  # files with a timestamp at or after this are hashed again
        self.blocks: dict[str, UnitBlock] = self._read()
        self.new: dict[str, UnitBlock] = {}
        self.changed = False

    def _distrust(self, path: Path, info: os.stat_result) -> None:
        self.trusted = False
        owner_is_other = info.st_uid != getattr(os, "getuid", lambda: info.st_uid)()
        why = ReadMsg.cache_owned_by_other(path=str(path)) if owner_is_other else ReadMsg.cache_writable_by_others(
            path=str(path))
        self.notice = ReadMsg.cache_not_used(why=why, folder=str(self.folder))

    def _read(self) -> dict[str, UnitBlock]:
        try:
            folder_info = os.stat(self.folder)
        except OSError:
            return {}
        if foreign(folder_info):
            self._distrust(self.folder, folder_info)
            return {}
        try:
            handle = os.open(self.file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
        except OSError:
            return {}
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                return {}
            if foreign(info):
                self._distrust(self.file, info)
                return {}
            with os.fdopen(os.dup(handle), "rb") as stream:
                raw = stream.read()
        except OSError:
            return {}
        finally:
            os.close(handle)
        try:
            with bulk():
                found = _DECODER.decode(raw)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, OverflowError):
            return {}
        if found.stamp != self.stamp or not all(_consistent(block.files) for block in found.units.values()):
            return {}
        self.racy_ns = info.st_mtime_ns - RACY_NS
        return found.units

    def keep(self, unit: str, block: UnitBlock | None) -> None:
        """Record the unit's block for the next run (None: nothing to keep); `save` writes it if anything changed."""
        if block is None:
            self.changed = self.changed or unit in self.blocks
            return
        self.new[unit] = block
        self.changed = self.changed or self.blocks.get(unit) is not block

    def save(self) -> None:
        if not self.trusted or (not self.changed and self.new.keys() == self.blocks.keys()):
            return
        content = msgspec.msgpack.encode(CacheFile(self.stamp, self.new))
        with contextlib.suppress(OSError):  # an unwritable cache only costs time
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if foreign(os.stat(self.folder)):
                return
            handle, temp = tempfile.mkstemp(prefix=f".{self.file.name}.", suffix=".tmp", dir=self.folder)  # 0600
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(content)
                os.replace(temp, self.file)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(temp)


_DECODER = msgspec.msgpack.Decoder(CacheFile)


def _consistent(files: Files) -> bool:
    n = len(files.names)
    return (len(files.sizes) == len(files.mtimes) == len(files.ctimes) == len(files.inodes) == len(files.digests)
            == len(files.latest) == n and all(at < n for at in files.diagnostics))


_PAYLOAD = msgspec.msgpack.Decoder(Payload)


def payload_of_block(block: UnitBlock) -> Payload | None:
    """The block's payload, or None when it does not decode into the loader's limits or does not fit its files
    (a miss: the unit's files are read again)."""
    try:
        payload = _PAYLOAD.decode(block.payload)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, OverflowError):
        return None
    n = len(payload.names)
    if (len(payload.as_of) == n == len(payload.submitted) and all(at < n for at in payload.notes)
            and all(len(column) == n for column in payload.columns.values())
            and len(payload.marks) == n * len(payload.mark_keys) * 2 * array.array(MARKS).itemsize
            and payload.names == block.files.names):
        return payload
    return None


def marks_of(payload: Payload) -> array.array[int] | None:
    """The payload's marks (line, column of each of `mark_keys`, report after report); None when one is not a
    mark the loader makes — both 0 (no such value) or both from 1 — which is a miss."""
    found = array.array(MARKS, payload.marks)
    if found and min(found) < 0:
        return None
    # a line and its column read together as one 64-bit integer are 0 only when both are: as many such pairs as
    # zero lines and as zero columns means that every 0 has its partner (counted in C: a province has millions)
    both = array.array("q", payload.marks).count(0) if len(payload.marks) % 8 == 0 else -1
    return found if found[0::2].count(0) == both == found[1::2].count(0) else None


def encode_payload(payload: Payload) -> msgspec.Raw:
    return msgspec.Raw(msgspec.msgpack.encode(payload))


def stat_key(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def storable(key: tuple[int, int, int, int]) -> bool:
    """Whether the cache can record a file with this stat: a time before 1970 or an inode of 2**63 or more
    cannot be, and its unit is then checked anew each run (rather than making the whole cache unreadable)."""
    return all(0 <= value <= STAMP_MAX for value in key)


def same_file(files: Files, i: int, key: tuple[int, int, int, int], racy_ns: int) -> bool | None:
    """True when the recorded file `i` stands for the file with this stat; None when it would, but the file's
    timestamps are too close to the cache's write to be trusted (hash it again); False when it changed."""
    size, mtime_ns, ctime_ns, inode = key
    if size != files.sizes[i] or mtime_ns != files.mtimes[i] or ctime_ns != files.ctimes[i] or inode != files.inodes[i]:
        return False
    return None if max(mtime_ns, ctime_ns) >= racy_ns else True


# ----------------------------------------------------------------------------------------------------
# reports ⇄ payload


def payload_of(names: list[str], reports: list[Report]) -> Payload:
    """The payload of a unit's valid reports, `names[i]` the file name of `reports[i]`."""
    n = len(reports)
    columns: dict[str, list[Any]] = {}
    mark_keys: dict[str, int] = {}
    marks = array.array(MARKS)
    for i, report in enumerate(reports):
        for key, value in report.values.items():
            column = columns.get(key)
            if column is None:
                column = columns[key] = [None] * n
            column[i] = encode_value(value)
        for key in report.marks:
            mark_keys.setdefault(key, len(mark_keys))
    for report in reports:
        row = [0] * (2 * len(mark_keys))
        for key, (line, column_no) in report.marks.items():
            at = 2 * mark_keys[key]
            row[at], row[at + 1] = line, column_no
        marks.extend(row)
    return Payload(
        names=names,
        as_of=[r.as_of.toordinal() for r in reports],
        submitted=[r.submitted.toordinal() if r.submitted else None for r in reports],
        columns=columns,
        notes={i: r.notes for i, r in enumerate(reports) if r.notes},
        mark_keys=list(mark_keys),
        marks=marks.tobytes(),
    )


def reports_of(payload: Payload, unit: str, prefix: str, skip: frozenset[str] = frozenset()) -> list[Report] | None:
    """The reports of a payload (but those named in `skip`), their paths `prefix` + file name; None when its
    marks are not what the loader would make (a miss)."""
    all_marks = marks_of(payload)
    if all_marks is None:
        return None
    found = []
    columns = list(payload.columns.items())
    width = 2 * len(payload.mark_keys)
    for i, name in enumerate(payload.names):
        if name in skip:
            continue
        row = all_marks[i * width:(i + 1) * width]
        marks = {key: (row[2 * k], row[2 * k + 1]) for k, key in enumerate(payload.mark_keys) if row[2 * k]}
        submitted = payload.submitted[i]
        found.append(Report(
            path=prefix + name,
            unit=unit,
            as_of=date.fromordinal(payload.as_of[i]),
            values={key: decode_value(column[i]) for key, column in columns if column[i] is not None},
            submitted=date.fromordinal(submitted) if submitted is not None else None,
            notes=dict(payload.notes.get(i, {})),
            marks=marks,
        ))
    return found


def series_of_payload(payload: Payload, skip: frozenset[str] = frozenset()) -> UnitSeries:
    """The unit's series straight from its payload: no report made, no value decoded."""
    order = [i for i in range(len(payload.names)) if payload.names[i] not in skip]
    as_of = payload.as_of
    if any(as_of[a] > as_of[b] for a, b in itertools.pairwise(order)):
        order.sort(key=as_of.__getitem__)  # stable: for one date, the later file wins, as from reports
    if len(order) == len(payload.names) and order == sorted(order):  # the usual case: columns as they are
        return UnitSeries([date.fromordinal(d) for d in as_of], payload.columns)
    return UnitSeries([date.fromordinal(as_of[i]) for i in order],
                      {key: [column[i] for i in order] for key, column in payload.columns.items()})


# ----------------------------------------------------------------------------------------------------
# diagnostics


def encode_diagnostic(d: Diagnostic, file: str | None = None) -> dict[str, Any]:
    """A diagnostic as data: where, what, and its message's template and parameters (shown in any language);
    `file` names the file of the unit it is on (problems across reports), else it is on the entry's own file."""
    found: dict[str, Any] = {"l": d.line, "c": d.column, "k": d.code, "s": d.severity, "m": d.message,
                             "d": d.detail.as_data() if d.detail is not None else None}
    if file is not None:
        found["f"] = file
    return found


def decode_diagnostic(raw: Any, path: str) -> Diagnostic:
    """The diagnostic `encode_diagnostic` wrote, on `path`; ValueError or TypeError when it is not one."""
    if not isinstance(raw, dict):
        raise TypeError("not a diagnostic")
    line, column, code, severity, message = raw["l"], raw["c"], raw["k"], raw["s"], raw["m"]
    if not (type(line) is int and type(column) is int and 0 < line < 2**31 and 0 < column < 2**31
            and type(code) is str and severity in ("error", "warning") and type(message) is str
            and is_declared(code)):
        raise ValueError("not a diagnostic")
    detail = Message.from_data(raw["d"]) if raw["d"] is not None else None
    return Diagnostic(path=path, line=line, column=column, code=code, message=message, severity=severity,
                      detail=detail)
