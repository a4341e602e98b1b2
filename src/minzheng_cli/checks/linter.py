"""Files → models, with diagnostics (DESIGN §1). Nothing here prints, exits or reads the clock."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath
from typing import Any, TypeVar

from pydantic import BaseModel

from minzheng_cli.catalogue import Message
from minzheng_cli.catalogue.diagnostics import CheckMsg, os_reason
from minzheng_cli.checks import Context, Problem, breakdown, files, history, place, plan, run, values
from minzheng_cli.checks.plausibility import check as plausibility_check
from minzheng_cli.checks.shape import validate_model
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.diagnostics import Code, Diagnostic, capped, sorted_diagnostics
from minzheng_cli.model.files import Breakdown, Report, ReportFile, Targets
from minzheng_cli.model.folder import SAMPLE_MARKER, Loaded
from minzheng_cli.model.series import ReportSet, UnitSeries
from minzheng_cli.read.cache import (
    Files,
    Payload,
    ReportCache,
    UnitBlock,
    bulk,
    decode_diagnostic,
    digest,
    encode_diagnostic,
    encode_payload,
    payload_of,
    payload_of_block,
    reports_of,
    same_file,
    series_of_payload,
    stat_key,
    storable,
)
from minzheng_cli.read.yamldoc import LOADER, UNREADABLE, Document, check_size, decode, parse, read_bytes

M = TypeVar("M", bound=BaseModel)
YAML_SUFFIXES = (".yaml", ".yml")


def read_document(path: str, display: str, raw: bytes | None = None, loader: Any = LOADER) -> Document | Diagnostic:
    """The file at `path` (or its bytes `raw`, already read) parsed, or the diagnostic that stops it."""
    try:
        return parse(decode(read_bytes(path) if raw is None else check_size(raw)), loader=loader)
    except MinzhengError as err:
        return Diagnostic.make(display, err.line, err.column, err.file_code(), err.detail)
    except OSError as err:
        return Diagnostic.make(display, 1, 1, UNREADABLE, CheckMsg.file_cannot_read(reason=os_reason(err)))


def load_targets(path: str, display: str, raw: bytes | None = None) -> tuple[Targets | None, list[Diagnostic]]:
    doc = read_document(path, display, raw)
    if isinstance(doc, Diagnostic):
        return None, [doc]
    targets, diags = validate_model(Targets, doc, display, "targets.yaml")
    if targets is not None:  # else diags holds the (already capped) shape problems
        place(plan.check(targets, Context()), doc, display, Context(), diags)
        diags = capped(sorted_diagnostics(diags), display)
    return (targets if not _errors(diags) else None), diags


def load_breakdown(
    path: str, display: str, targets: Targets, raw: bytes | None = None
) -> tuple[Breakdown | None, list[Diagnostic]]:
    doc = read_document(path, display, raw)
    if isinstance(doc, Diagnostic):
        return None, [doc]
    found, diags = validate_model(Breakdown, doc, display, "breakdown.yaml")
    if found is not None:
        ctx = Context()
        place(breakdown.check(targets, found, ctx), doc, display, ctx, diags)
        diags = capped(sorted_diagnostics(diags), display)
    return (found if not _errors(diags) else None), diags


def load_report(
    path: str, display: str, unit_folder: str, targets: Targets, today: date, raw: bytes | None = None, loader: Any = LOADER
) -> tuple[Report | None, list[Diagnostic]]:
    """One report file, checked on its own and against the plan (not yet against other reports)."""
    doc = read_document(path, display, raw, loader)
    if isinstance(doc, Diagnostic):
        return None, [doc]
    return check_report(doc, display, unit_folder, os.path.basename(path), targets, today)


def check_report(
    doc: Document, display: str, unit_folder: str, file_name: str | None, targets: Targets, today: date
) -> tuple[Report | None, list[Diagnostic]]:
    """A parsed report checked on its own and against the plan. `file_name` None: the report is not a file
    yet (a workbook being imported), so its name is not checked against `as_of`."""
    diags: list[Diagnostic] = []
    ctx = Context()
    place(files.unit_folder(targets, unit_folder, ctx), doc, display, ctx, diags)
    file_date = run(files.file_name(file_name), doc, display, ctx, diags)
    form, shape = validate_model(ReportFile, doc, display, CheckMsg.progress_report())
    diags.extend(shape)
    if form is None:  # a header problem: still check the values, so the clerk sees every problem at once
        data = doc.data if isinstance(doc.data, dict) else {}
        raw_values, raw_notes = data.get("values"), data.get("notes")
        if isinstance(raw_values, dict):
            notes = raw_notes if isinstance(raw_notes, dict) else {}
            run(values.check(targets, unit_folder, raw_values, notes, ctx), doc, display, ctx, diags)
        return None, capped(sorted_diagnostics(diags), display)
    place(files.header(form, unit_folder, file_date, targets, today), doc, display, ctx, diags)
    typed = run(values.check(targets, unit_folder, form.values, form.notes, ctx), doc, display, ctx, diags)
    place(files.not_empty(form, doc.data), doc, display, ctx, diags)
    if _errors(diags):
        return None, capped(sorted_diagnostics(diags), display)
    report = Report(
        path=display,
        unit=form.unit,
        as_of=form.as_of,
        submitted=form.submitted,
        values=typed,
        notes={k: v for k, v in form.notes.items() if v},
        marks={key: (mark.line, mark.column) for key, mark in doc.value_marks.items() if key in typed},
    )
    return report, capped(sorted_diagnostics(diags), display)


def _errors(diags: list[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diags)


def load_data(data_dir: str, today: date, cache_folder: FsPath | None = None, progress: Progress | None = None,
              pool: bool | None = None) -> Loaded:
    """Read and check the whole data folder. Raises MinzhengError when there is nothing to check.

    With `cache_folder`, report files unchanged since a run that checked them (same size, times and inode; same
    targets and breakdown files, same program) are taken from the cache instead of being read (DESIGN §4).
    `progress(done, total)` is told of the report files checked as they are; `pool` forces the process pool on
    (True) or off (False), else it is used for more than POOL_MIN_FILES files to parse on more than one core."""
    root = FsPath(data_dir)
    targets_path = root / "targets.yaml"
    if not root.is_dir():
        raise MinzhengError(CheckMsg.data_folder_run_inside(path=data_dir))
    real_root = os.path.realpath(root)
    problem = entry_problem(targets_path, real_root)
    if problem is not None:  # a link out of the data folder, a FIFO …: never read (DESIGN §1.4)
        return Loaded(data_dir, None, None, [], [Diagnostic.make(str(targets_path), 1, 1, *problem)], files=1)
    if not targets_path.is_file():
        raise MinzhengError(CheckMsg.targets_file_data_folder(path=str(targets_path)))
    try:
        raw_targets: bytes | None = read_bytes(str(targets_path))
    except (OSError, MinzhengError):
        raw_targets = None  # load_targets reads it again and says what is wrong
    targets, diags = load_targets(str(targets_path), str(targets_path), raw_targets)
    loaded = Loaded(data_dir, targets, None, [], list(diags), files=1)
    marker = root / SAMPLE_MARKER  # illustrative data (DESIGN §1): a regular file, never a link, marks it
    loaded.sample = marker.is_file() and not marker.is_symlink()
    raw_breakdown: bytes | None = None
    if targets is None:
        return loaded
    breakdown_path = root / "breakdown.yaml"
    problem = entry_problem(breakdown_path, real_root)
    if problem is not None:
        loaded.files += 1
        loaded.diagnostics.append(Diagnostic.make(str(breakdown_path), 1, 1, *problem))
        loaded.excluded.append(str(breakdown_path))
    elif breakdown_path.is_file():
        loaded.files += 1
        try:
            raw_breakdown = read_bytes(str(breakdown_path))
        except (OSError, MinzhengError):
            raw_breakdown = None
        loaded.breakdown, more = load_breakdown(str(breakdown_path), str(breakdown_path), targets, raw_breakdown)
        if loaded.breakdown is None:  # its quotas and baselines would change the figures: say so
            loaded.excluded.append(str(breakdown_path))
        loaded.diagnostics.extend(more)
    store = None
    folder = root / "progress"
    if cache_folder is not None and raw_targets is not None:  # valid targets were read from raw_targets
        # the breakdown's quotas judge reports across a unit (plausibility): its bytes are part of the key too
        breakdown_key = digest(raw_breakdown) if loaded.breakdown is not None and raw_breakdown else None
        store = ReportCache(cache_folder, data_dir, [digest(raw_targets), breakdown_key, str(folder)])
        if store.notice is not None:
            loaded.notices.append(store.notice)
    problem = entry_problem(folder, real_root)
    if problem is not None:
        loaded.diagnostics.append(Diagnostic.make(str(folder), 1, 1, *problem))
        loaded.excluded.append(str(folder))
    else:
        _load_reports(folder, real_root, targets, today, loaded, store, progress, pool)
    if store is not None:
        store.save()
    return loaded


Progress = Callable[[int, int], None]
POOL_MIN_FILES = 400  # below this many files to parse, starting processes costs more than it saves


Key = tuple[int, int, int, int]  # a file's size, mtime_ns, ctime_ns and inode, as the cache records them
Stats = tuple[list[int], list[int], list[int], list[int]]  # the same of several files, in columns


@dataclass
class _Group:
    """The report files of one unit folder under progress/: names in order, and their sizes, mtimes, ctimes and
    inodes in columns as the cache records them (`stats`: None when a file could not be stat-ed)."""

    unit: str
    prefix: str  # the folder's path as shown, ending in a separator: prefix + name is a report's path
    names: list[str] = field(default_factory=list)
    stats: Stats | None = None

    @property
    def files(self) -> list[tuple[str, Key | None]]:
        if self.stats is None:
            return [(name, None) for name in self.names]
        return list(zip(self.names, zip(*self.stats, strict=True), strict=True))


def _by_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _report_file(entry: os.DirEntry[str]) -> bool:
    name = entry.name
    return name[0] != "." and name.lower().endswith(YAML_SUFFIXES) and entry.is_file(follow_symlinks=False)


Listed = tuple[list[str], Stats]  # a unit folder's file names and their stats


def _listing(path: str) -> Listed | None:
    """A unit folder's files in name order with their stats; None when one is not a report file. Listed through a
    descriptor of the folder where the system allows it, each file is stat-ed by its name in it (fstatat), not by
    a path walked again from the root: a tenth less time."""
    handle = None
    if os.scandir in os.supports_fd:  # not on Windows
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        with os.scandir(path if handle is None else handle) as listing:
            found = sorted(listing, key=_by_name)
        if not all(map(_report_file, found)):
            return None
        stats = [item.stat(follow_symlinks=False) for item in found]
    finally:
        if handle is not None:
            os.close(handle)
    return ([item.name for item in found], ([i.st_size for i in stats], [i.st_mtime_ns for i in stats],
                                           [i.st_ctime_ns for i in stats], [i.st_ino for i in stats]))


SPLIT_MIN_UNITS = 200  # from this many unit folders, a second process lists half of them (Linux)


def _scan(folder: FsPath) -> list[_Group] | None:
    """The report files under progress/ when it holds only unit folders of plain .yaml/.yml files, each with its
    stat, read in one pass (os.scandir): the common shape, fast enough for a warm run over a province. None for
    anything else — a link, a special or hidden file, a file out of place — which `_walk` then names exactly."""
    base = str(folder)
    try:
        with os.scandir(base) as listing:
            units = sorted(listing, key=_by_name)
        if any(e.name.startswith(".") or e.is_symlink() or not e.is_dir(follow_symlinks=False) for e in units):
            return None
        paths = [entry.path for entry in units]
        split = len(paths) // 2 if len(paths) >= SPLIT_MIN_UNITS and _forks() else len(paths)
        child = _listed_in_child(paths[split:]) if split < len(paths) else None
        try:
            found = [_listing(path) for path in paths[:split]]
        finally:
            theirs = child() if child is not None else None
        found += theirs if theirs is not None else [_listing(path) for path in paths[split:]]
    except OSError:
        return None
    groups = []
    for entry, listed in zip(units, found, strict=True):
        if listed is None:
            return None
        groups.append(_Group(entry.name, os.path.join(base, entry.name, ""), *listed))
    return groups


def _forks() -> bool:
    """Whether a second process may list folders: on Linux, where fork is cheap, in a process of one thread (fork
    is safe there; the core is a library too), with more than one core."""
    threading = sys.modules.get("threading")
    alone = threading is None or threading.active_count() == 1
    return sys.platform.startswith("linux") and alone and _cores() > 1


def _listed_in_child(paths: list[str]) -> Callable[[], list[Listed | None] | None] | None:
    """Start a child process that lists `paths` (`_listing`) while this one lists the others; the function
    returned waits for its answer (None when the child failed: the caller lists them itself). Listing is stat-ing,
    a system call per file: at province scale 40% of a warm `validate`, nearly halved on two cores."""
    import msgspec

    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: list, write, leave at once (none of the parent's exit handlers run twice)
        code = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                out.write(msgspec.msgpack.encode([_listing(path) for path in paths]))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)

    def answer() -> list[Listed | None] | None:
        with os.fdopen(read_end, "rb") as stream:
            raw = stream.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            found = msgspec.msgpack.decode(raw, type=list[Listed | None])
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None
        return found if len(found) == len(paths) else None

    return answer


def _load_reports(
    folder: FsPath, root: str, targets: Targets, today: date, loaded: Loaded, store: ReportCache | None = None,
    progress: Progress | None = None, pool: bool | None = None,
) -> None:
    groups = _scan(folder)
    excluded: list[str] = []  # files refused on their own, sorted as the walk orders paths at the end
    if groups is None:
        groups = _groups_from_walk(folder, root, loaded, excluded)
    loaded.files += sum(len(g.names) for g in groups)
    outcomes = _check_units(groups, targets, loaded.breakdown, today, store, progress, pool)
    flagged: list[str] = []
    plausibility: list[Diagnostic] = []
    count = 0
    kept: list[tuple[_Group, _Outcome, frozenset[str]]] = []
    for group, outcome in zip(groups, outcomes, strict=True):
        loaded.diagnostics.extend(outcome.diagnostics)
        excluded.extend(outcome.excluded)
        flagged.extend(outcome.flagged)
        plausibility.extend(outcome.plausibility)
        loaded.diagnostics.extend(outcome.plausibility)  # warnings: validate lists them, the reports stay
        block = outcome.block
        skip = frozenset(block.flagged)
        count += len(block.files.names) - len(skip)
        kept.append((group, outcome, skip))
        if store is not None:
            store.keep(group.unit, block if outcome.cacheable else None)
            store.changed = store.changed or outcome.refreshed
    excluded.sort(key=lambda path: path.split(os.sep))
    loaded.excluded.extend(excluded)
    loaded.excluded.extend(sorted(flagged))
    loaded.plausibility.extend(plausibility)
    quotas = loaded.breakdown  # the closures below must not hold `loaded`, which holds them: no reference cycle

    def reread(group: _Group, outcome: _Outcome) -> Payload:
        """The unit's values read from its files again: the cache's record of them does not decode (the answer
        never depends on the cache)."""
        outcome.payload = check_unit(group, None, targets, quotas, today, 0).payload
        assert outcome.payload is not None
        return outcome.payload

    def payload(group: _Group, outcome: _Outcome) -> Payload:
        """The unit's values: as checked now, or from the cache."""
        if outcome.payload is None:
            outcome.payload = payload_of_block(outcome.block)
        return outcome.payload if outcome.payload is not None else reread(group, outcome)

    def reports(group: _Group, outcome: _Outcome, skip: frozenset[str]) -> list[Report]:
        found = reports_of(payload(group, outcome), group.unit, group.prefix, skip)
        if found is None:  # the cache's marks do not decode
            found = reports_of(reread(group, outcome), group.unit, group.prefix, skip)
        assert found is not None
        return found

    def make_reports() -> list[Report]:
        with bulk():
            return [r for group, outcome, skip in kept for r in reports(group, outcome, skip)]

    def make_series() -> dict[str, UnitSeries]:
        with bulk():
            return {group.unit: series_of_payload(payload(group, outcome), skip) for group, outcome, skip in kept
                    if len(outcome.block.files.names) > len(skip)}

    loaded.source = ReportSet(count=count, make_reports=make_reports, make_series=make_series)
    if not count and not flagged and not loaded.excluded:
        loaded.diagnostics.append(Diagnostic.make(str(folder), 1, 1, files.NO_REPORTS, CheckMsg.progress_reports_yet_under()))


def _groups_from_walk(folder: FsPath, root: str, loaded: Loaded, excluded: list[str]) -> list[_Group]:
    """The unit folders' report files as `_walk` finds them, each problem it names said (DESIGN §1.4)."""
    groups: dict[str, _Group] = {}
    for entry in sorted(_walk(folder, root)):
        path = entry.path
        display = str(path)
        if entry.problem is not None:
            code, message = entry.problem
            loaded.diagnostics.append(Diagnostic.make(display, 1, 1, code, message))
            if code.severity == "error":
                excluded.append(display)
            continue
        rel = path.relative_to(folder).parts
        if not path.name.lower().endswith(YAML_SUFFIXES):
            loaded.diagnostics.append(Diagnostic.make(display, 1, 1, files.NOT_YAML, CheckMsg.yaml_yml_file_read()))
            continue
        if len(rel) != 2:
            loaded.files += 1
            loaded.diagnostics.append(
                Diagnostic.make(display, 1, 1, files.MISPLACED_FILE, CheckMsg.report_belongs_progress_unit())
            )
            excluded.append(display)
            continue
        group = groups.get(rel[0])
        if group is None:
            group = groups[rel[0]] = _Group(rel[0], os.path.join(str(folder), rel[0], ""), stats=([], [], [], []))
        group.names.append(rel[1])
        try:
            key = stat_key(os.stat(path))
        except OSError:  # read_bytes says what is wrong; the unit's files are all read, none cached
            group.stats = None
            continue
        if group.stats is not None:
            for column, value in zip(group.stats, key, strict=True):
                column.append(value)
    return list(groups.values())


@dataclass
class _Outcome:
    """One unit folder checked: what was wrong (each file's problems in order, then those across its reports),
    and its valid reports, as the cache keeps them."""

    diagnostics: list[Diagnostic]
    excluded: list[str]
    flagged: list[str]
    plausibility: list[Diagnostic]
    block: UnitBlock
    cacheable: bool  # every file could be keyed by its stat
    refreshed: bool = False  # racily clean entries were hashed and found unchanged: write the cache again
    payload: Payload | None = None  # the block's payload, decoded (or made now)


def _check_units(groups: list[_Group], targets: Targets, quotas: Breakdown | None, today: date, store: ReportCache | None,
                 progress: Progress | None, pool: bool | None) -> list[_Outcome]:
    """Each unit folder checked: taken whole from the cache when nothing in it changed, else checked again —
    over a process pool when there are many files to parse."""
    blocks = store.blocks if store is not None else {}
    racy_ns = store.racy_ns if store is not None else 0
    outcomes: list[_Outcome | None] = []
    jobs: list[tuple[int, _Group, UnitBlock | None]] = []
    for i, group in enumerate(groups):
        block = blocks.get(group.unit)
        reused = _reuse(group, block, today, racy_ns) if block is not None else None
        outcomes.append(reused)
        if reused is None:
            jobs.append((i, group, block))
    total = sum(len(group.names) for _, group, _ in jobs)
    use_pool = pool if pool is not None else total > POOL_MIN_FILES and _cores() > 1
    done = 0
    results: Iterator[_Outcome]
    if use_pool and jobs:
        results = _pooled(jobs, targets, quotas, today, racy_ns)
    else:
        results = (check_unit(group, block, targets, quotas, today, racy_ns) for _, group, block in jobs)
    for (i, group, _), outcome in zip(jobs, results, strict=True):
        outcomes[i] = outcome
        done += len(group.names)
        if progress is not None:
            progress(done, total)
    return [o for o in outcomes if o is not None]


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _pooled(jobs: list[tuple[int, _Group, UnitBlock | None]], targets: Targets, quotas: Breakdown | None, today: date,
            racy_ns: int) -> Iterator[_Outcome]:
    """check_unit over a process pool, in order; in this process when a pool cannot be had."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(_cores(), len(jobs))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    try:
        executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                       initializer=_init_worker, initargs=(targets, quotas, today, racy_ns))
    except (OSError, ValueError, NotImplementedError):
        yield from (check_unit(group, block, targets, quotas, today, racy_ns) for _, group, block in jobs)
        return
    with executor:
        chunk = max(1, len(jobs) // (workers * 8))
        yield from executor.map(_worker_job, [(group, block) for _, group, block in jobs], chunksize=chunk)


_WORKER: tuple[Targets, Breakdown | None, date, int] | None = None


def _init_worker(targets: Targets, quotas: Breakdown | None, today: date, racy_ns: int) -> None:
    global _WORKER
    _WORKER = (targets, quotas, today, racy_ns)


def _worker_job(job: tuple[_Group, UnitBlock | None]) -> _Outcome:
    assert _WORKER is not None
    targets, quotas, today, racy_ns = _WORKER
    return check_unit(job[0], job[1], targets, quotas, today, racy_ns)


def _reuse(group: _Group, block: UnitBlock, today: date, racy_ns: int) -> _Outcome | None:
    """The unit's outcome from the cache when its folder holds exactly the files recorded, none changed, none
    racily clean and none dated after today; else None. The lists are compared whole, as git compares its index."""
    files, stats = block.files, group.stats
    if stats is None or not files.names:
        return None
    sizes, mtimes, ctimes, inodes = stats
    if (group.names != files.names or sizes != files.sizes or mtimes != files.mtimes or ctimes != files.ctimes
            or inodes != files.inodes or max(files.latest) > today.toordinal()
            or max(max(mtimes), max(ctimes)) >= racy_ns):
        return None
    diagnostics: list[Diagnostic] = []
    try:
        for at, raw in sorted(files.diagnostics.items()):
            diagnostics.extend(decode_diagnostic(d, group.prefix + files.names[at]) for d in raw)
        diagnostics.extend(decode_diagnostic(raw, group.prefix + raw["f"]) for raw in block.checks)
        plausibility = [decode_diagnostic(raw, group.prefix + raw["f"]) for raw in block.plausibility]
    except (KeyError, TypeError, ValueError):  # not what this program wrote: a miss
        return None
    return _Outcome(diagnostics, [], [group.prefix + name for name in block.flagged], plausibility, block,
                    cacheable=True)


def check_unit(group: _Group, block: UnitBlock | None, targets: Targets, quotas: Breakdown | None, today: date,
               racy_ns: int) -> _Outcome:
    """One unit folder: each file taken from `block` (the cache's record of the folder) when unchanged, else read
    and checked; then its reports checked together (DESIGN §1.4)."""
    recorded = {name: i for i, name in enumerate(block.files.names)} if block is not None else {}
    old_payload = payload_of_block(block) if block is not None else None
    old_reports: dict[str, Report] = {}
    if old_payload is not None:
        old = reports_of(old_payload, group.unit, group.prefix)
        old_reports = {os.path.basename(r.path): r for r in old or []}
    day = today.toordinal()
    diagnostics: list[Diagnostic] = []
    excluded: list[str] = []
    rows: list[tuple[str, Key, bytes, int, list[Any]]] = []
    reports: list[Report] = []
    cacheable, refreshed = True, False
    for name, key in group.files:
        display = group.prefix + name
        at = recorded.get(name)
        raw: bytes | None = None
        if block is not None and at is not None and key is not None and name in old_reports \
                and block.files.latest[at] <= day:
            same = same_file(block.files, at, key, racy_ns)
            if same is None:  # racily clean: the bytes decide
                try:
                    raw = read_bytes(display)
                except (OSError, MinzhengError):
                    raw = None
                same = raw is not None and digest(raw) == block.files.digests[at]
                refreshed = refreshed or same
            if same:
                old_diags = block.files.diagnostics.get(at, [])
                try:
                    diagnostics.extend([decode_diagnostic(d, display) for d in old_diags])
                except (KeyError, TypeError, ValueError):  # not what this program wrote: read the file
                    same = False
            if same:
                rows.append((name, key, block.files.digests[at], block.files.latest[at], old_diags))
                reports.append(old_reports[name])
                continue
        if raw is None:
            try:
                raw = read_bytes(display)
            except (OSError, MinzhengError):
                raw = None  # load_report reads it and says what is wrong
        report, diags = load_report(display, display, group.unit, targets, today, raw)
        diagnostics.extend(diags)
        if report is None:
            excluded.append(display)
            continue
        if key is None or raw is None or not storable(key):
            cacheable = False
        latest = max(report.as_of, report.submitted or report.as_of).toordinal()
        rows.append((name, key or (0, 0, 0, 0), digest(raw or b""), latest, [encode_diagnostic(d) for d in diags]))
        reports.append(report)
    checks, flagged, plausibility = _across(targets, quotas, reports)
    payload = payload_of([row[0] for row in rows], reports)
    new_block = UnitBlock(
        files=Files(
            names=[row[0] for row in rows],
            sizes=[row[1][0] for row in rows],
            mtimes=[row[1][1] for row in rows],
            ctimes=[row[1][2] for row in rows],
            inodes=[row[1][3] for row in rows],
            digests=[row[2] for row in rows],
            latest=[row[3] for row in rows],
            diagnostics={i: row[4] for i, row in enumerate(rows) if row[4]},
        ),
        checks=[encode_diagnostic(d, os.path.basename(d.path)) for d in checks],
        flagged=sorted(os.path.basename(path) for path in flagged),
        plausibility=[encode_diagnostic(d, os.path.basename(d.path)) for d in plausibility],
        payload=encode_payload(payload),
    )
    diagnostics.extend(checks)
    return _Outcome(diagnostics, excluded, sorted(flagged), plausibility, new_block, cacheable, refreshed, payload)


def _across(targets: Targets, quotas: Breakdown | None,
            reports: list[Report]) -> tuple[list[Diagnostic], set[str], list[Diagnostic]]:
    """Problems across one unit's valid reports: two reports for one date, the rules of `history`. Returns the
    diagnostics, the paths of the reports they exclude, and the plausibility warnings (`plausibility`, against the
    breakdown's quotas: its bytes are part of the cache's key) on the reports that stay."""
    diagnostics: list[Diagnostic] = []
    flagged: set[str] = set()
    seen: dict[tuple[str, date], Report] = {}
    for report in reports:
        first = seen.setdefault((report.unit, report.as_of), report)
        if first is not report:
            for one, other in ((first, report), (report, first)):
                diagnostics.append(
                    Diagnostic.make(
                        one.path,
                        1,
                        1,
                        files.DUPLICATE_REPORT,
                        CheckMsg.another_report_keep_file(other=other.path, unit=report.unit, date=str(report.as_of)),
                    )
                )
                flagged.add(one.path)
    for report, problem in history.check(targets, reports):
        diagnostics.append(report_diagnostic(report, problem))
        flagged.add(report.path)
    kept = [r for r in reports if r.path not in flagged]
    warnings = [report_diagnostic(report, problem) for report, problem in plausibility_check(targets, quotas, kept)]
    return diagnostics, flagged, warnings


def report_diagnostic(report: Report, problem: Problem) -> Diagnostic:
    """A cross-report problem placed on the report's value, from the marks the report kept when it was parsed."""
    key = problem.path[1] if len(problem.path) > 1 else None
    line, column = report.marks.get(str(key), (1, 1))
    return Diagnostic.make(report.path, line, column, problem.code, problem.message)


@dataclass(frozen=True, order=True)
class Found:
    """A file met while walking progress/: a regular file to read (`problem` None), or what is wrong with it."""

    path: FsPath
    problem: tuple[Code, Message] | None = field(default=None, compare=False)


def inside(real: str, root: str) -> bool:
    """Whether the resolved path `real` is the resolved folder `root` or under it."""
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _link_problem(path: FsPath, root: str) -> tuple[tuple[Code, Message] | None, str]:
    """For a symbolic link: what is wrong with following it (outside the data folder `root`, broken, a loop),
    and where it leads."""
    try:
        real = os.path.realpath(path, strict=True)
    except (OSError, RuntimeError):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return (files.BROKEN_LINK, CheckMsg.broken_link(target=target)), ""
    if not inside(real, root):
        return (files.LINK_OUTSIDE, CheckMsg.link_outside_data_folder(target=real)), real
    return None, real


def _special(mode: int) -> Message:
    """A file that is neither regular nor a folder, said for what it is."""
    if stat.S_ISFIFO(mode):
        kind = CheckMsg.kind_fifo()
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = CheckMsg.kind_device()
    elif stat.S_ISSOCK(mode):
        kind = CheckMsg.kind_socket()
    else:
        kind = CheckMsg.kind_other()
    return CheckMsg.not_regular_file(kind=kind)


def entry_problem(path: FsPath, root: str) -> tuple[Code, Message] | None:
    """What keeps a file the data folder names (targets.yaml, breakdown.yaml, progress/) from being read: a link
    out of the data folder `root` (resolved) or a broken one, or a FIFO or device (DESIGN §1.4); None when fine
    or absent."""
    if not os.path.lexists(path):
        return None
    if os.path.islink(path):
        problem, _ = _link_problem(path, root)
        if problem is not None:
            return problem
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return UNREADABLE, CheckMsg.file_cannot_read(reason=os_reason(err))
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return files.NOT_REGULAR_FILE, _special(mode)


def _walk(folder: FsPath, root: str) -> list[Found]:
    """Every file under `folder`, in order, each a report to read or a problem to name (DESIGN §1.4).

    Symbolic links inside the data folder (`root`, resolved) are followed, folders included, so that a unit
    folder kept elsewhere in the data folder is read; a link out of it, a broken link, a second path to a folder
    already read, a FIFO, a device and a folder named like a report are named, never followed or read. Hidden
    files are skipped (a hidden folder's reports are reports too), but for the temporary files an interrupted
    write leaves behind."""
    found: list[Found] = []
    try:
        real = os.path.realpath(folder, strict=True)
    except (OSError, RuntimeError):
        return found
    if not os.path.isdir(real):
        return found
    seen = {real}

    def visit(directory: FsPath) -> None:
        try:
            names = sorted(os.listdir(directory))
        except OSError as err:
            found.append(Found(directory, (UNREADABLE, CheckMsg.file_cannot_read(reason=os_reason(err)))))
            return
        for name in names:
            path = directory / name
            try:
                if os.path.islink(path):
                    problem, target = _link_problem(path, root)
                    if problem is not None:
                        found.append(Found(path, problem))
                        continue
                    mode = os.stat(target).st_mode
                else:
                    mode = os.lstat(path).st_mode
            except OSError as err:
                found.append(Found(path, (UNREADABLE, CheckMsg.file_cannot_read(reason=os_reason(err)))))
                continue
            if stat.S_ISDIR(mode):
                where = os.path.realpath(path)
                if where in seen:
                    found.append(Found(path, (files.BROKEN_LINK, CheckMsg.folder_reached_twice(target=where))))
                    continue
                seen.add(where)
                if name.lower().endswith(YAML_SUFFIXES):
                    found.append(Found(path, (files.NOT_REGULAR_FILE, CheckMsg.folder_named_like_report())))
                visit(path)
            elif not stat.S_ISREG(mode):
                found.append(Found(path, (files.NOT_REGULAR_FILE, _special(mode))))
            elif name.startswith(".") and name.endswith(".tmp"):
                found.append(Found(path, (files.INTERRUPTED_WRITE, CheckMsg.interrupted_write())))
            elif not name.startswith(".") or name.lower().endswith(YAML_SUFFIXES):
                found.append(Found(path))

    visit(folder)
    return found
