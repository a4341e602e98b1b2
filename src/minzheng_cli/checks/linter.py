"""Files → models, with diagnostics (DESIGN §1). Nothing here prints, exits or reads the clock."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath
from typing import Any, TypeVar

from pydantic import BaseModel

from minzheng_cli.catalogue import Message
from minzheng_cli.catalogue.diagnostics import CheckMsg, os_reason
from minzheng_cli.checks import Context, Problem, breakdown, files, history, place, plan, plausibility, run, values
from minzheng_cli.checks.shape import validate_model
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model.diagnostics import Code, Diagnostic, capped, sorted_diagnostics
from minzheng_cli.model.files import Breakdown, Report, ReportFile, Targets
from minzheng_cli.model.folder import SAMPLE_MARKER, Loaded
from minzheng_cli.read.cache import ReportCache, digest
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


def load_breakdown(path: str, display: str, targets: Targets) -> tuple[Breakdown | None, list[Diagnostic]]:
    doc = read_document(path, display)
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


def load_data(data_dir: str, today: date, cache_folder: FsPath | None = None) -> Loaded:
    """Read and check the whole data folder. Raises MinzhengError when there is nothing to check.

    With `cache_folder`, reports validated before (same bytes, same place, same targets file, same
    program version) are taken from the cache instead of being parsed again (DESIGN §4)."""
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
        loaded.breakdown, more = load_breakdown(str(breakdown_path), str(breakdown_path), targets)
        if loaded.breakdown is None:  # its quotas and baselines would change the figures: say so
            loaded.excluded.append(str(breakdown_path))
        loaded.diagnostics.extend(more)
    store = None
    if cache_folder is not None and raw_targets is not None:  # valid targets were read from raw_targets
        store = ReportCache(cache_folder, data_dir, digest(raw_targets))
    progress = root / "progress"
    problem = entry_problem(progress, real_root)
    if problem is not None:
        loaded.diagnostics.append(Diagnostic.make(str(progress), 1, 1, *problem))
        loaded.excluded.append(str(progress))
    else:
        _load_reports(progress, real_root, targets, today, loaded, store)
    if store is not None:
        store.save()
    return loaded


def _load_reports(
    progress: FsPath, root: str, targets: Targets, today: date, loaded: Loaded, store: ReportCache | None = None
) -> None:
    reports: list[Report] = []
    for entry in sorted(_walk(progress, root)):
        path = entry.path
        display = str(path)
        if entry.problem is not None:
            code, message = entry.problem
            loaded.diagnostics.append(Diagnostic.make(display, 1, 1, code, message))
            if code.severity == "error":
                loaded.excluded.append(display)
            continue
        rel = path.relative_to(progress).parts
        if not path.name.lower().endswith(YAML_SUFFIXES):
            loaded.diagnostics.append(Diagnostic.make(display, 1, 1, files.NOT_YAML, CheckMsg.yaml_yml_file_read()))
            continue
        loaded.files += 1
        if len(rel) != 2:
            loaded.diagnostics.append(
                Diagnostic.make(display, 1, 1, files.MISPLACED_FILE, CheckMsg.report_belongs_progress_unit())
            )
            loaded.excluded.append(display)
            continue
        report, diags = _load_report_cached(path, display, "/".join(rel), targets, today, store)
        loaded.diagnostics.extend(diags)
        if report is None:
            loaded.excluded.append(display)
        else:
            reports.append(report)
    flagged: set[str] = set()
    seen: dict[tuple[str, date], Report] = {}
    for report in reports:
        first = seen.setdefault((report.unit, report.as_of), report)
        if first is not report:
            for one, other in ((first, report), (report, first)):
                loaded.diagnostics.append(
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
        loaded.diagnostics.append(report_diagnostic(report, problem))
        flagged.add(report.path)
    loaded.reports = [r for r in reports if r.path not in flagged]
    for report, problem in plausibility.check(targets, loaded.breakdown, loaded.reports):
        warning = report_diagnostic(report, problem)  # a warning: the report stays
        loaded.diagnostics.append(warning)
        loaded.plausibility.append(warning)
    loaded.excluded.extend(sorted(flagged))
    if not reports and not flagged and not loaded.excluded:
        loaded.diagnostics.append(Diagnostic.make(str(progress), 1, 1, files.NO_REPORTS, CheckMsg.progress_reports_yet_under()))


def report_diagnostic(report: Report, problem: Problem) -> Diagnostic:
    """A cross-report problem placed on the report's value, from the marks the report kept when it was parsed."""
    key = problem.path[1] if len(problem.path) > 1 else None
    line, column = report.marks.get(str(key), (1, 1))
    return Diagnostic.make(report.path, line, column, problem.code, problem.message)


def _load_report_cached(
    path: FsPath, display: str, key: str, targets: Targets, today: date, store: ReportCache | None
) -> tuple[Report | None, list[Diagnostic]]:
    """load_report, through the cache when there is one. Only valid reports are stored: a failure is
    checked again every time (it is rare, and may depend on the day)."""
    unit_folder = key.split("/", 1)[0]
    if store is None:
        return load_report(str(path), display, unit_folder, targets, today)
    try:
        raw = read_bytes(str(path))
    except (OSError, MinzhengError):
        return load_report(str(path), display, unit_folder, targets, today)
    content = digest(raw)
    hit = store.get(key, content, today, display)
    if hit is not None:
        return hit
    report, diags = load_report(str(path), display, unit_folder, targets, today, raw)
    if report is not None:
        latest = max(report.as_of, report.submitted or report.as_of)
        store.put(key, content, report, diags, latest)
    return report, diags


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
