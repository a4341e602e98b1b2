"""Files → models, with diagnostics (DESIGN §1). Nothing here prints, exits or reads the clock."""

from __future__ import annotations

import os
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from minzheng_cli.checks import rules as checks
from minzheng_cli.i18n import Lang
from minzheng_cli.messages import Message, OneOf, Param, msg, os_reason, suggestion
from minzheng_cli.model.diagnostics import MAX_PER_FILE, Diagnostic, capped, sorted_diagnostics
from minzheng_cli.model.files import Breakdown, Report, ReportFile, Targets
from minzheng_cli.read import scalars
from minzheng_cli.read.cache import ReportCache, digest
from minzheng_cli.read.yamldoc import KEY, Document, Path, YamlProblem, decode, parse, read_bytes

M = TypeVar("M", bound=BaseModel)
YAML_SUFFIXES = (".yaml", ".yml")


class DataNotFound(Exception):
    """The data folder or its targets file is missing: nothing to check (exit 2 at the CLI).

    `str(err)` is English; `err.text(lang)` the message in `lang`."""

    def __init__(self, message: str | Message) -> None:
        super().__init__(str(message))
        self.detail = message

    def text(self, lang: Lang = "en") -> str:
        return self.detail.render(lang) if isinstance(self.detail, Message) else self.detail


@dataclass
class Loaded:
    """Everything read from a data folder: the valid parts, and what was wrong with the rest."""

    data_dir: str
    targets: Targets | None
    breakdown: Breakdown | None
    reports: list[Report]
    diagnostics: list[Diagnostic]
    files: int
    excluded: list[str] = field(default_factory=list)


def read_document(path: str, display: str, raw: bytes | None = None) -> Document | Diagnostic:
    """The file at `path` (or its bytes `raw`, already read) parsed, or the diagnostic that stops it."""
    try:
        return parse(decode(read_bytes(path) if raw is None else raw))
    except YamlProblem as err:
        return Diagnostic.make(display, err.line, err.column, err.code, err.detail)
    except OSError as err:
        return Diagnostic.make(display, 1, 1, "unreadable", msg("the file cannot be read: {reason}",
                                                                reason=os_reason(err)))


def validate_model(model: type[M], doc: Document, display: str, what: Param) -> tuple[M | None, list[Diagnostic]]:
    """`what`: the file's name or kind, for a message ("targets.yaml", msg("a progress report"))."""
    if not isinstance(doc.data, dict):
        found = (msg("empty") if doc.data is None
                 else msg("{found}, not key: value lines", found=scalars.describe(doc.data)))
        return None, [Diagnostic.make(display, 1, 1, "not-a-mapping",
                                      msg("the file is {found}; {what} is a mapping of keys such as {keys}",
                                          found=found, what=what, keys=", ".join(list(model.model_fields)[:4])))]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        errors = err.errors(include_url=False)
        # only as many as will be shown: each may look for a close match (difflib), slow on a huge broken file
        shown = [_from_pydantic(e, model, doc, display) for e in errors[:MAX_PER_FILE]]
        return None, capped(shown, display, total=len(errors))


def _from_pydantic(error: Any, model: type[BaseModel], doc: Document, display: str) -> Diagnostic:
    loc: Path = tuple(KEY if part == "[key]" else part for part in error["loc"])
    kind: str = error["type"]
    raw = error.get("input")
    message: Message
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        hint = scalars.closest(key, allowed)
        code, path = "unknown-key", (*loc, KEY)
        message = msg("unknown key '{key}'{hint} (allowed here: {allowed})", key=key, hint=suggestion(hint),
                      allowed=", ".join(allowed))
    elif kind == "missing":
        code, path = "missing-key", loc[:-1]
        message = msg("missing key '{key}'; add a line `{key}: …`", key=str(loc[-1]))
    elif kind == "literal_error":
        code, path = "bad-choice", loc
        message = msg("{found} is not allowed here; write one of {choices}", found=scalars.describe(raw),
                      choices=_choices(str(error["ctx"]["expected"])))
    elif kind == "string_pattern_mismatch":
        code, path = "bad-id", loc
        message = msg("{found} is not a valid id: use lowercase ASCII letters, digits, - or _ (pinyin)",
                      found=scalars.describe(raw))
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        code, path = "wrong-type", loc
        message = msg("expected a mapping (key: value lines), found {found}", found=scalars.describe(raw))
    elif kind == "list_type":
        code, path = "wrong-type", loc
        message = msg("expected a list (lines starting with '- '), found {found}", found=scalars.describe(raw))
    elif kind in checks_codes():  # a ScalarError, carried through pydantic (models._pydantic)
        code, path = kind, loc
        detail = (error.get("ctx") or {}).get("detail")
        message = detail if isinstance(detail, Message) else msg("{problem}", problem=str(error["msg"]))
    else:  # no such error is known to happen: pydantic's own words
        code, path = "wrong-type", loc
        message = msg("{problem}, found {found}", problem=str(error["msg"]), found=scalars.describe(raw))
    where = _dotted(loc[:-1] if kind == "missing" else loc)
    if where and code not in ("unknown-key",):
        message = msg("{where}: {message}", where=where, message=message)
    mark = doc.mark(path)
    return Diagnostic.make(display, mark.line, mark.column, code, message)


def _choices(expected: str) -> Param:
    """pydantic's "'a', 'b' or 'c'" as a OneOf (rendered in each language); as it is when it is not one."""
    choices = OneOf(tuple(re.findall(r"'([^']*)'", expected)))
    return choices if choices.choices and choices.render("en") == expected else expected


def checks_codes() -> frozenset[str]:
    from minzheng_cli.model.diagnostics import CODES

    return frozenset(CODES)


def _dotted(loc: Path) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else str(p) for p in loc if p != KEY]
    return ".".join(parts).replace(".[", "[")


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """The keys allowed in the mapping at `loc` of `model`, for suggestions."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return []
            current = info.annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp


def load_targets(path: str, display: str, raw: bytes | None = None) -> tuple[Targets | None, list[Diagnostic]]:
    doc = read_document(path, display, raw)
    if isinstance(doc, Diagnostic):
        return None, [doc]
    targets, diags = validate_model(Targets, doc, display, "targets.yaml")
    if targets is not None:  # else diags holds the (already capped) shape problems
        checks.plan_checks(targets, checks.emitter(doc, display, diags))
        diags = capped(sorted_diagnostics(diags), display)
    return (targets if not any(d.severity == "error" for d in diags) else None), diags


def load_breakdown(path: str, display: str, targets: Targets) -> tuple[Breakdown | None, list[Diagnostic]]:
    doc = read_document(path, display)
    if isinstance(doc, Diagnostic):
        return None, [doc]
    breakdown, diags = validate_model(Breakdown, doc, display, "breakdown.yaml")
    if breakdown is not None:
        checks.breakdown_checks(targets, breakdown, checks.emitter(doc, display, diags))
        diags = capped(sorted_diagnostics(diags), display)
    return (breakdown if not any(d.severity == "error" for d in diags) else None), diags


def load_report(path: str, display: str, unit_folder: str, targets: Targets,
                today: date, raw: bytes | None = None) -> tuple[Report | None, list[Diagnostic]]:
    """One report file, checked on its own and against the plan (not yet against other reports)."""
    doc = read_document(path, display, raw)
    if isinstance(doc, Diagnostic):
        return None, [doc]
    return check_report(doc, display, unit_folder, os.path.basename(path), targets, today)


def check_report(doc: Document, display: str, unit_folder: str, file_name: str | None, targets: Targets,
                 today: date) -> tuple[Report | None, list[Diagnostic]]:
    """A parsed report checked on its own and against the plan. `file_name` None: the report is not a file
    yet (a workbook being imported), so its name is not checked against `as_of`."""
    diags: list[Diagnostic] = []
    emit = checks.emitter(doc, display, diags)
    if targets.unit(unit_folder) is None:
        hint = scalars.closest(unit_folder, [u.id for u in targets.units])
        emit((), "unknown-unit", "folder '{folder}' is not a unit of the plan{hint}", folder=unit_folder,
             hint=suggestion(hint) if hint else msg("; units: {units}", units=", ".join(u.id for u in targets.units)))
    stem = os.path.splitext(file_name or "")[0]
    try:
        file_date: date | None = scalars.parse_date(stem) if file_name is not None else None
    except scalars.ScalarError:
        file_date = None
        emit((), "bad-file-name", "the file name '{name}' must be the report date: YYYY-MM-DD.yaml, equal to its as_of",
             name=str(file_name))
    form, shape = validate_model(ReportFile, doc, display, msg("a progress report"))
    diags.extend(shape)
    if form is None:  # a header problem: still check the values, so the clerk sees every problem at once
        data = doc.data if isinstance(doc.data, dict) else {}
        values, notes = data.get("values"), data.get("notes")
        if isinstance(values, dict):
            checks.report_values(targets, unit_folder, values, notes if isinstance(notes, dict) else {}, emit)
        return None, capped(sorted_diagnostics(diags), display)
    if form.unit != unit_folder:
        emit(("unit",), "unit-mismatch", "unit '{unit}' differs from the folder '{folder}'; "
             "move the file into progress/{unit}/ or correct `unit`", unit=form.unit, folder=unit_folder)
    if file_date is not None and form.as_of != file_date:
        emit(("as_of",), "date-mismatch", "as_of {as_of} differs from the file name {stem}; "
             "rename the file or correct as_of", as_of=str(form.as_of), stem=stem)
    plan = targets.plan
    if not plan.start <= form.as_of <= plan.end:
        emit(("as_of",), "date-outside-plan", "as_of {as_of} is outside the plan period {start} – {end}; "
             "a report gives figures as of a date within it",
             as_of=str(form.as_of), start=str(plan.start), end=str(plan.end))
    for key, when in (("as_of", form.as_of), ("submitted", form.submitted)):
        if when is not None and when > today:
            emit((key,), "date-in-future", "{key} {date} is after today ({today}); a report states what is known: "
                 "date it today or earlier", key=key, date=str(when), today=str(today))
    if form.submitted is not None and form.submitted < form.as_of:
        emit(("submitted",), "submitted-before-as-of",
             "submitted {submitted} is before as_of {as_of}; check both dates",
             submitted=str(form.submitted), as_of=str(form.as_of))
    values = checks.report_values(targets, unit_folder, form.values, form.notes, emit)
    if not form.values:
        emit(("values",) if "values" in doc.data else (), "empty-report",
             "the report has no values; add the figures under `values:` (or delete the file)")
    errors = any(d.severity == "error" for d in diags)
    report = None if errors else Report(path=display, unit=form.unit, as_of=form.as_of, submitted=form.submitted,
                                        values=values, notes={k: v for k, v in form.notes.items() if v})
    return report, capped(sorted_diagnostics(diags), display)


def load_data(data_dir: str, today: date, cache_folder: FsPath | None = None) -> Loaded:
    """Read and check the whole data folder. Raises DataNotFound when there is nothing to check.

    With `cache_folder`, reports validated before (same bytes, same place, same targets file, same
    program version) are taken from the cache instead of being parsed again (DESIGN §4)."""
    root = FsPath(data_dir)
    targets_path = root / "targets.yaml"
    if not root.is_dir():
        raise DataNotFound(msg("no data folder at '{path}'; run inside a project with ./data, "
                               "or point to one with --data DIR or MINZHENG_DATA", path=data_dir))
    if not targets_path.is_file():
        raise DataNotFound(msg("no targets file at '{path}'; the data folder needs targets.yaml "
                               "(point elsewhere with --data DIR or MINZHENG_DATA)", path=str(targets_path)))
    try:
        raw_targets: bytes | None = read_bytes(str(targets_path))
    except (OSError, YamlProblem):
        raw_targets = None  # load_targets reads it again and says what is wrong
    targets, diags = load_targets(str(targets_path), str(targets_path), raw_targets)
    loaded = Loaded(data_dir, targets, None, [], list(diags), files=1)
    if targets is None:
        return loaded
    breakdown_path = root / "breakdown.yaml"
    if breakdown_path.is_file():
        loaded.files += 1
        loaded.breakdown, more = load_breakdown(str(breakdown_path), str(breakdown_path), targets)
        if loaded.breakdown is None:  # its quotas and baselines would change the figures: say so
            loaded.excluded.append(str(breakdown_path))
        loaded.diagnostics.extend(more)
    store = None
    if cache_folder is not None and raw_targets is not None:  # valid targets were read from raw_targets
        store = ReportCache(cache_folder, data_dir, digest(raw_targets))
    _load_reports(root / "progress", targets, today, loaded, store)
    if store is not None:
        store.save()
    return loaded


def _load_reports(progress: FsPath, targets: Targets, today: date, loaded: Loaded,
                  store: ReportCache | None = None) -> None:
    reports: list[Report] = []
    for path in sorted(_walk(progress)):
        display = str(path)
        rel = path.relative_to(progress).parts
        if not path.name.lower().endswith(YAML_SUFFIXES):
            loaded.diagnostics.append(Diagnostic.make(display, 1, 1, "not-yaml",
                                                      msg("not a .yaml/.yml file, so not read as a report; if it "
                                                          "holds figures, write them as a .yaml report, else move "
                                                          "it out")))
            continue
        loaded.files += 1
        if len(rel) != 2:
            loaded.diagnostics.append(Diagnostic.make(
                display, 1, 1, "misplaced-file", msg("a report belongs at progress/<unit>/<YYYY-MM-DD>.yaml; move it")))
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
                loaded.diagnostics.append(Diagnostic.make(
                    one.path, 1, 1, "duplicate-report",
                    msg("{other} is another report of {unit} as of {date}; keep one file per unit and date",
                        other=other.path, unit=report.unit, date=str(report.as_of))))
                flagged.add(one.path)
    for report, ind_id, code, message in checks.cross_check_messages(targets, reports):
        doc = read_document(report.path, report.path)
        mark = doc.mark(("values", ind_id)) if isinstance(doc, Document) else None
        line, column = (mark.line, mark.column) if mark else (1, 1)
        loaded.diagnostics.append(Diagnostic.make(report.path, line, column, code, message))
        flagged.add(report.path)
    loaded.reports = [r for r in reports if r.path not in flagged]
    loaded.excluded.extend(sorted(flagged))
    if not reports and not flagged and not loaded.excluded:
        loaded.diagnostics.append(Diagnostic.make(str(progress), 1, 1, "no-reports",
                                                  msg("no progress reports yet under this folder; each unit adds "
                                                      "progress/<unit>/<YYYY-MM-DD>.yaml")))


def _load_report_cached(path: FsPath, display: str, key: str, targets: Targets, today: date,
                        store: ReportCache | None) -> tuple[Report | None, list[Diagnostic]]:
    """load_report, through the cache when there is one. Only valid reports are stored: a failure is
    checked again every time (it is rare, and may depend on the day)."""
    unit_folder = key.split("/", 1)[0]
    if store is None:
        return load_report(str(path), display, unit_folder, targets, today)
    try:
        raw = read_bytes(str(path))
    except (OSError, YamlProblem):
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


def _walk(folder: FsPath) -> list[FsPath]:
    found: list[FsPath] = []
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(dirnames)  # a hidden folder's reports are reports too (DESIGN §1.3): never skip them
        found.extend(FsPath(dirpath) / name for name in filenames
                     if not name.startswith(".") or name.lower().endswith(YAML_SUFFIXES))
    return found
