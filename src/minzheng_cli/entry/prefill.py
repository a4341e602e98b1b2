"""Data entry (DESIGN §3): the report files the tool writes — the `new` skeleton and an imported workbook's
report — in one stable format, checked exactly as `validate` checks a report before anything is written.

The format: `unit`, `as_of`, (`submitted`), then `values` in the plan's order, one indicator a line with its name
and unit of measure as a trailing comment; a ratio as `{numerator: N, denominator: D}`; a milestone as its Chinese
status word; numbers as exact plain decimals. In a skeleton an indicator with no earlier value is a commented-out
line (`# "1.2":`), so that the file validates as written and the clerk sees what is still to fill in.

Pure: no clock (today is passed in), no printing; files are only read (an existing report, to compare).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePath
from typing import Literal

from wcwidth import wcswidth

from minzheng_cli.catalogue import Lang, Message
from minzheng_cli.catalogue.diagnostics import CheckMsg, CommonMsg, EntryMsg
from minzheng_cli.catalogue.entry import FILE_LANG, MILESTONE_WORDS, Skeleton, milestone_choices, milestone_word
from minzheng_cli.checks import history, linter
from minzheng_cli.checks.linter import load_report
from minzheng_cli.engine import status as engine
from minzheng_cli.model.diagnostics import Code, Diagnostic
from minzheng_cli.model.files import Indicator, Plan, Ratio, Report, Targets, Unit, Value, unit_indicators
from minzheng_cli.model.scalars import number_text

# Units of measure that count whole things: a figure in them is a whole number (checked on import).
MILESTONE_HINT = " | ".join(MILESTONE_WORDS)  # the comment of a milestone's line: the words it can hold


def latest_values(targets: Targets, reports: Iterable[Report], unit: Unit, as_of: date) -> dict[str, Value]:
    """The unit's latest value of each indicator it reports, from reports dated before `as_of` (carry forward)."""
    index = engine.ValueIndex(reports)
    before = as_of - timedelta(days=1)
    found = {ind.id: index.at(unit.id, ind.id, before) for ind in unit_indicators(targets, unit)}
    return {k: v for k, v in found.items() if v is not None}


def last_report_date(reports: Iterable[Report], unit: Unit, as_of: date) -> date | None:
    """The date of the unit's latest report before `as_of`."""
    days = [r.as_of for r in reports if r.unit == unit.id and r.as_of < as_of]
    return max(days, default=None)


def value_text(value: Value) -> str:
    if isinstance(value, Ratio):
        return f"{{numerator: {number_text(value.numerator)}, denominator: {number_text(value.denominator)}}}"
    if isinstance(value, str):
        return milestone_word(value)
    return number_text(value)


def describe(ind: Indicator, lang: Lang = FILE_LANG) -> str:
    """The trailing comment of an indicator's line: its name and unit of measure (status words for a milestone)."""
    if ind.kind == "milestone":
        what = MILESTONE_HINT
    elif ind.measure == "ratio":
        what = Skeleton.ratio_uom.format(lang, uom=str(ind.uom))
    else:
        what = str(ind.uom)
    return Skeleton.described.format(lang, name=ind.name, what=what)


def _text(text: str) -> str:
    """Text as a YAML double-quoted scalar (JSON's escapes are YAML's), line separators escaped too."""
    return (
        json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")
    )


def report_yaml(
    targets: Targets,
    unit: Unit,
    as_of: date,
    submitted: date | None,
    values: Mapping[str, Value],
    notes: Mapping[str, str],
    header: Sequence[str] = (),
    placeholders: bool = False,
    lang: Lang = FILE_LANG,
) -> str:
    """A report file's text in the stable format. `placeholders`: indicators without a value as commented lines;
    `lang`: the language of the comments (the values are written as the format says, whatever `lang` is)."""
    lines = [f"# {line}" for line in header]
    lines += [f"unit: {unit.id}   # {unit.name}", f"as_of: {as_of.isoformat()}"]
    if submitted is not None:
        lines.append(f"submitted: {submitted.isoformat()}")
    elif placeholders:
        lines.append(f"# submitted: YYYY-MM-DD   # {Skeleton.submitted_hint.render(lang)}")
    lines.append("values:")
    entries: list[tuple[str, str]] = []
    for ind in unit_indicators(targets, unit):
        value = values.get(ind.id)
        if value is not None:
            entries.append((f"  {_text(ind.id)}: {value_text(value)}", describe(ind, lang)))
        elif placeholders:
            blank = "{numerator: , denominator: }" if ind.measure == "ratio" else ""
            entries.append((f"  # {_text(ind.id)}: {blank}".rstrip(), Skeleton.no_figure.format(lang, what=describe(ind, lang))))
    width = max((wcswidth(code) for code, _ in entries), default=0)
    lines += [f"{code}{' ' * (width - wcswidth(code))}   # {comment}" for code, comment in entries]
    order = {ind.id: i for i, ind in enumerate(targets.indicators)}
    shown = sorted(((k, v) for k, v in notes.items() if v), key=lambda kv: order.get(kv[0], len(order)))
    if shown:
        lines.append("notes:")
        lines += [f"  {_text(k)}: {_text(v)}" for k, v in shown]
    elif placeholders and entries:
        example = _text(unit_indicators(targets, unit)[0].id)
        lines.append(f"notes:   # {Skeleton.notes_hint.format(lang, example=example)}")
    return "\n".join(lines) + "\n"


def skeleton(
    targets: Targets, reports: Sequence[Report], unit: Unit, as_of: date, submitted: date | None, lang: Lang = FILE_LANG
) -> str:
    """The `new` skeleton: every indicator the unit reports, pre-filled with its latest value before `as_of`."""
    values = latest_values(targets, reports, unit, as_of)
    last = last_report_date(reports, unit, as_of)
    header = [
        Skeleton.new_header.format(lang, unit=unit.name, as_of=str(as_of)),
        (Skeleton.prefilled.format(lang, last=str(last), as_of=str(as_of)) if last else Skeleton.no_earlier.render(lang)),
        Skeleton.how_to_fill.format(lang, states=milestone_choices()),
    ]
    if len(values) < len(unit_indicators(targets, unit)):
        header.append(Skeleton.commented_out.render(lang))
    return report_yaml(targets, unit, as_of, submitted, values, {}, header, placeholders=True, lang=lang)


@dataclass(frozen=True)
class CrossProblem:
    """A problem across the unit's reports that a new report would cause (on it, or on a later report)."""

    indicator: str
    code: Code
    message: Message
    later: str | None  # the path of the later report it shows up on, or None when on the new report
    place: tuple[int, int] = (1, 1)  # line and column in the later report


def cross_problems(targets: Targets, reports: Sequence[Report], new: Report) -> list[CrossProblem]:
    """The cross checks over the unit's valid reports with `new` in place of any report of the same date. A
    problem the new report has is not repeated for the later reports it carries forward into: each is said once,
    and a later one at its own file, line and column."""
    mine = [r for r in reports if r.unit == new.unit and r.as_of != new.as_of] + [new]
    found = list(history.check(targets, mine))
    own = {_cross_key(problem.code, problem.message) for report, problem in found if report is new}
    return [
        CrossProblem(str(problem.path[-1]), problem.code, problem.message, None if report is new else report.path,
                     report.marks.get(str(problem.path[-1]), (1, 1)))
        for report, problem in found
        if report is new or _cross_key(problem.code, problem.message) not in own
    ]


def _cross_key(code: Code, message: Message) -> tuple[str, str]:
    """What makes two cross problems one: the code and the indicator it is about (a part, for a part and whole)."""
    return code.id, str(message.params.get("id", ""))


def cross_message(problem: CrossProblem) -> Message:
    """The problem's message, saying which later report it shows up on when not on the new report."""
    if problem.later is None:
        return problem.message
    return EntryMsg.later_report_new_would(problem=problem.message)


def check_text(
    targets: Targets, reports: Sequence[Report], path: str, unit: Unit, text: str, today: date
) -> tuple[Report | None, list[Diagnostic]]:
    """`text` checked as the report file `path` of `unit` would be by `validate`: alone and across reports."""
    raw = text.encode("utf-8")
    report, diags = load_report(path, path, unit.id, targets, today, raw)
    if report is None:
        return None, diags
    for problem in cross_problems(targets, reports, report):
        if problem.later is None:
            line, column = report.marks.get(problem.indicator, (1, 1))
            diags.append(Diagnostic.make(path, line, column, problem.code, problem.message))
        else:  # said at the later report, a file that exists
            diags.append(Diagnostic.make(problem.later, *problem.place, problem.code, cross_message(problem)))
    return (None if any(d.severity == "error" for d in diags) else report), diags


Existing = Literal["absent", "same", "different"]


def same_report(a: Report, b: Report) -> bool:
    return (a.unit, a.as_of, a.submitted, a.values, a.notes) == (b.unit, b.as_of, b.submitted, b.values, b.notes)


def existing(path: str, report: Report, targets: Targets, today: date) -> Existing:
    """Whether a file at `path` already holds this report: the same figures (whatever its layout and comments)
    are "same"; a different or unreadable file is "different"."""
    if not os.path.lexists(path):
        return "absent"
    old, _ = load_report(path, path, report.unit, targets, today)
    return "same" if old is not None and same_report(old, report) else "different"


def date_problem(plan: Plan, as_of: date, submitted: date | None, today: date | None) -> Message | None:
    """Why a report cannot carry these dates (one line), or None. `today` None: a date still ahead is fine."""
    if not plan.start <= as_of <= plan.end:
        return EntryMsg.outside_plan_period(as_of=str(as_of), start=str(plan.start), end=str(plan.end))
    for option, when in (("--as-of", as_of), ("--submitted", submitted)):
        if today is not None and when is not None and when > today:
            return EntryMsg.after_today_report_states(option=option, when=str(when), today=str(today))
    return None


def broken_reports(data_dir: str, excluded: Iterable[str], unit_id: str, replacing: str) -> list[str]:
    """The unit's reports that were excluded for errors (`loading.Loaded.excluded`), but the one being replaced."""
    folder = str(PurePath(data_dir) / "progress" / unit_id) + os.sep
    return [p for p in excluded if p.startswith(folder) and p != replacing]


def place_problem(data_dir: str, path: str) -> Message | None:
    """Why the report file `path` cannot be written where it belongs: progress/, the unit's folder or the file
    is a link out of the data folder, a broken link, a FIFO or device (DESIGN §1.4: `validate` would never read
    what is written there), or the file is a folder. None when the place is fine."""
    real_root = os.path.realpath(data_dir)
    folder = PurePath(path).parent
    for step in (folder.parent, folder, PurePath(path)):
        problem = linter.entry_problem(Path(step), real_root)
        if problem is not None:
            return CommonMsg.where_message(where=str(step), message=problem[1])
    if os.path.isdir(path):
        return CommonMsg.where_message(where=path, message=CheckMsg.folder_named_like_report())
    return None


def report_path(data_dir: str, unit_id: str, as_of: date) -> str:
    """Where the report goes, spelt as `loading` spells the paths it names (so that they compare equal)."""
    return str(PurePath(data_dir) / "progress" / unit_id / f"{as_of.isoformat()}.yaml")
