"""Rules for a report as a file in progress/ (DESIGN §1.3): its folder, its name, its dates, its neighbours."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from typing import Any

from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import CheckMsg, suggestion
from minzheng_cli.checks import Context, Problem, Rule
from minzheng_cli.errors import MinzhengError
from minzheng_cli.model import scalars
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.model.files import ReportFile, Targets

MISPLACED_FILE = Code("misplaced-file", "error", Meaning.misplaced_file)
DUPLICATE_REPORT = Code("duplicate-report", "error", Meaning.duplicate_report)
UNKNOWN_UNIT = Code("unknown-unit", "error", Meaning.unknown_unit)
UNIT_MISMATCH = Code("unit-mismatch", "error", Meaning.unit_mismatch)
BAD_FILE_NAME = Code("bad-file-name", "error", Meaning.bad_file_name)
DATE_MISMATCH = Code("date-mismatch", "error", Meaning.date_mismatch)
DATE_OUTSIDE_PLAN = Code("date-outside-plan", "error", Meaning.date_outside_plan)
DATE_IN_FUTURE = Code("date-in-future", "error", Meaning.date_in_future)
EMPTY_REPORT = Code("empty-report", "warning", Meaning.empty_report)
NOT_YAML = Code("not-yaml", "warning", Meaning.not_yaml)
SUBMITTED_BEFORE_AS_OF = Code("submitted-before-as-of", "warning", Meaning.submitted_before_as_of)
NO_REPORTS = Code("no-reports", "warning", Meaning.no_reports)
LINK_OUTSIDE = Code("link-outside", "error", Meaning.link_outside)
BROKEN_LINK = Code("broken-link", "error", Meaning.broken_link)
NOT_REGULAR_FILE = Code("not-regular-file", "error", Meaning.not_regular_file)
INTERRUPTED_WRITE = Code("interrupted-write", "warning", Meaning.interrupted_write)


def unit_folder(targets: Targets, folder: str, ctx: Context) -> Iterator[Problem]:
    """The folder a report is in names a unit of the plan."""
    if targets.unit(folder) is None:
        hint = ctx.closest(folder, [u.id for u in targets.units])
        listed = CheckMsg.units_list(units=", ".join(u.id for u in targets.units))
        yield Problem((), UNKNOWN_UNIT, CheckMsg.folder_unit_plan(folder=folder, hint=suggestion(hint) if hint else listed))


def file_name(name: str | None) -> Rule[date | None]:
    """The file is named YYYY-MM-DD.yaml; returns that date. `name` None: not a file yet (a workbook)."""
    if name is None:
        return None
    stem = os.path.splitext(name)[0]
    try:
        return scalars.parse_date(stem)
    except MinzhengError:
        yield Problem((), BAD_FILE_NAME, CheckMsg.file_name_must_report(name=name))
        return None


def header(form: ReportFile, folder: str, file_date: date | None, targets: Targets, today: date) -> Iterator[Problem]:
    """unit, as_of and submitted: the folder's unit, the file's date, inside the plan, not after today."""
    if form.unit != folder:
        yield Problem(("unit",), UNIT_MISMATCH, CheckMsg.unit_differs_folder_move(unit=form.unit, folder=folder))
    if file_date is not None and form.as_of != file_date:
        yield Problem(("as_of",), DATE_MISMATCH, CheckMsg.differs_file_name_rename(as_of=str(form.as_of), stem=str(file_date)))
    plan = targets.plan
    if not plan.start <= form.as_of <= plan.end:
        yield Problem(
            ("as_of",),
            DATE_OUTSIDE_PLAN,
            CheckMsg.outside_plan_period_report(as_of=str(form.as_of), start=str(plan.start), end=str(plan.end)),
        )
    for key, when in (("as_of", form.as_of), ("submitted", form.submitted)):
        if when is not None and when > today:
            yield Problem((key,), DATE_IN_FUTURE, CheckMsg.after_today_report_states(key=key, date=str(when), today=str(today)))
    if form.submitted is not None and form.submitted < form.as_of:
        yield Problem(
            ("submitted",),
            SUBMITTED_BEFORE_AS_OF,
            CheckMsg.submitted_before_check_both(submitted=str(form.submitted), as_of=str(form.as_of)),
        )


def not_empty(form: ReportFile, data: dict[str, Any]) -> Iterator[Problem]:
    if not form.values:
        yield Problem(("values",) if "values" in data else (), EMPTY_REPORT, CheckMsg.report_values_figures_under())
