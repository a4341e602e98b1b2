"""The data-entry commands (DESIGN §3): `new`, `template` and `import`.

Like every command, each parses its options, calls the core (`entry`, `read.workbook`), and sets the exit code;
the shared options and helpers live in `cli.common`.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from minzheng_cli.catalogue import Message, one_line, text
from minzheng_cli.catalogue.diagnostics import CliMsg, CommonMsg, os_reason
from minzheng_cli.catalogue.help import Help
from minzheng_cli.catalogue.words import EngineMsg, Words
from minzheng_cli.cli.common import Common, DataOpt, LangOpt, app, day_option, fail, notice, open_project, options, today

if TYPE_CHECKING:
    from minzheng_cli.model.files import Report, Targets, Unit
    from minzheng_cli.model.folder import Loaded

UnitArg = Annotated[str, typer.Argument(metavar="UNIT", help=Help.unit_arg.id)]
ForceOpt = Annotated[bool, typer.Option("--force", help=Help.force.id)]


@app.command(help=Help.new.id)
def new(
    ctx: typer.Context,
    unit: UnitArg,
    as_of: Annotated[date, day_option("--as-of", Help.new_as_of.id)],
    submitted: Annotated[date | None, day_option("--submitted", Help.submitted.id)] = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write progress/UNIT/DATE.yaml: a report skeleton pre-filled with the unit's latest values."""
    from minzheng_cli.entry import prefill as entry

    opts = options(ctx, data, lang)
    loaded, targets, found = _entry_unit(opts, unit)
    day, handed = as_of, submitted
    now = today(opts.lang)
    problem = entry.date_problem(targets.plan, day, handed, now)
    if problem:
        fail(problem, 2, opts.lang)
    path = entry.report_path(opts.data, found.id, day)
    _entry_own_reports(opts, loaded, found.id, path)
    text = entry.skeleton(targets, loaded.reports, found, day, handed)
    written, diags = entry.check_text(targets, loaded.reports, path, found, text, now)
    for d in diags:
        typer.echo(d.as_text(opts.lang), err=True)
    if written is None:
        fail(CliMsg.internal_error_skeleton_does(path=path), 1, opts.lang)
    _entry_save(opts, targets, path, text, written, force, dry_run=False)


@app.command(help=Help.template.id)
def template(
    ctx: typer.Context,
    unit: UnitArg,
    as_of: Annotated[date, day_option("--as-of", Help.template_as_of.id)],
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE.xlsx", help=Help.template_output.id)],
    force: Annotated[bool, typer.Option("--force", help=Help.template_force.id)] = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write a fill-in Excel workbook (报送表) for UNIT, pre-filled with its latest values; read back by import."""
    from minzheng_cli.entry import prefill as entry
    from minzheng_cli.entry import template as template_workbook
    from minzheng_cli.files import write_output

    opts = options(ctx, data, lang)
    if not output.lower().endswith(".xlsx"):
        fail(CliMsg.output_workbook_s_name(output=output), 2, opts.lang)
    loaded, targets, found = _entry_unit(opts, unit)
    day = as_of
    problem = entry.date_problem(targets.plan, day, None, None)  # a week not yet over is fine for a template
    if problem:
        fail(problem, 2, opts.lang)
    _entry_own_reports(opts, loaded, found.id, entry.report_path(opts.data, found.id, day))
    content = template_workbook.write_template(
        targets,
        found,
        day,
        entry.latest_values(targets, loaded.reports, found, day),
        entry.last_report_date(loaded.reports, found, day),
    )
    try:
        write_output(output, content, replace=force)
    except FileExistsError:
        fail(CliMsg.output_exists(path=output), 1, opts.lang)
    except OSError as err:
        fail(CliMsg.cannot_write(path=output, reason=os_reason(err)), 2, opts.lang)
    typer.echo(output)
    notice(Words.entry_wrote, opts.lang, path=output)


@app.command("import", help=Help.import_.id)
def import_workbook(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(metavar="FILE.xlsx…",
                                               help=Help.workbooks.id)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=Help.dry_run.id)] = False,
    force: ForceOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Check filled-in workbooks like reports, each on its own, and write progress/UNIT/DATE.yaml for each valid
    one; one summary line each (exit 1 if one was refused, 2 if one was no template at all)."""
    opts = options(ctx, data, lang)
    loaded, targets = _entry_data(opts)
    reports = list(loaded.reports)
    planned: dict[str, Report] = {}  # reports written (or, with --dry-run, passed) in this run, by path
    worst = 0
    for file in files:
        worst = max(worst, _import_one(opts, loaded, targets, reports, planned, file, dry_run, force, len(files) > 1))
    raise typer.Exit(worst)


def _import_one(
    opts: Common,
    loaded: Loaded,
    targets: Targets,
    reports: list[Report],
    planned: dict[str, Report],
    file: str,
    dry_run: bool,
    force: bool,
    several: bool,
) -> int:
    """One workbook judged on its own: its diagnostics, then one summary line; returns its exit code. A report
    written joins `reports`, so that the next workbook is checked against it too."""
    from minzheng_cli.entry import importer
    from minzheng_cli.entry import prefill as entry
    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.model.diagnostics import ValidationReport
    from minzheng_cli.read import workbook
    from minzheng_cli.render.diagnostics import summary_line

    def summary(line: str | Message) -> None:
        shown = text(line, opts.lang)
        typer.echo(one_line(CommonMsg.where_message(where=file, message=shown).render(opts.lang) if several else shown),
                   err=True)

    try:
        filled = workbook.read_workbook(file)
        found = importer.unit_of(filled, targets)
    except MinzhengError as err:
        summary(err.detail)
        return 2
    result = importer.import_report(filled, targets, found, reports, opts.data, today(opts.lang))
    for d in result.diagnostics:
        typer.echo(importer.diagnostic_line(d, filled.path, d.text(opts.lang)), err=True)
    if result.report is None or result.text is None:
        summary(summary_line(ValidationReport(result.diagnostics, files=1, reports=0), opts.lang))
        return 1
    path = entry.report_path(opts.data, found.id, result.report.as_of)
    broken = _own_broken(opts, loaded, found.id, path)
    if broken is not None:
        summary(broken)
        return 1
    if dry_run:
        typer.echo(result.text, nl=False)
    outcome, code = _save(opts, targets, path, result.text, result.report, force, dry_run, planned)
    summary(outcome)
    if code == 0:
        planned[path] = result.report
        reports[:] = [r for r in reports if (r.unit, r.as_of) != (result.report.unit, result.report.as_of)]
        reports.append(result.report)
    return code


def _entry_data(opts: Common) -> tuple[Loaded, Targets]:
    loaded = open_project(opts).loaded
    if loaded.targets is None:
        for d in loaded.diagnostics:
            typer.echo(d.as_text(opts.lang), err=True)
        fail(EngineMsg.targets_broken(path=opts.data), 2, opts.lang)
    return loaded, loaded.targets


def _entry_unit(opts: Common, unit: str) -> tuple[Loaded, Targets, Unit]:
    """The data and the unit named by its id, Chinese name or code (exit 2, listing the units, when none is)."""
    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.project import Project

    loaded, targets = _entry_data(opts)
    try:
        return loaded, targets, Project.unit(targets, unit)
    except MinzhengError as err:
        fail(err.detail, 2, opts.lang)


def _own_broken(opts: Common, loaded: Loaded, unit: str, replacing: str) -> Message | None:
    """Why nothing is written while one of the unit's reports, other than the one being replaced, has errors."""
    from minzheng_cli.entry.prefill import broken_reports

    broken = broken_reports(opts.data, loaded.excluded, unit, replacing)
    return Words.entry_own_broken(path=broken[0]) if broken else None


def _entry_own_reports(opts: Common, loaded: Loaded, unit: str, replacing: str) -> None:
    """Refuse (exit 1) while one of the unit's reports, other than the one being replaced, has errors."""
    broken = _own_broken(opts, loaded, unit, replacing)
    if broken is not None:
        fail(broken, 1, opts.lang)


def _entry_save(opts: Common, targets: Targets, path: str, text: str, written: Report, force: bool, dry_run: bool) -> None:
    """Write the report (see `_save`) and say so, or exit 1 when it was refused."""
    outcome, code = _save(opts, targets, path, text, written, force, dry_run, {})
    if code:
        fail(outcome, code, opts.lang)
    typer.echo(one_line(outcome.render(opts.lang)), err=True)


def _save(
    opts: Common, targets: Targets, path: str, text: str, written: Report, force: bool, dry_run: bool,
    planned: dict[str, Report],
) -> tuple[Message, int]:
    """Write the report unless the file already holds it; another report there only with --force. Nothing is
    written outside progress/<unit>/ nor through a link out of the data folder, and a file that appeared since
    it was looked at is never replaced. Returns what happened and the exit code (0 written or unchanged, 1
    refused, 2 the file system refused). The path written goes to stdout."""
    from minzheng_cli.entry import prefill as entry
    from minzheng_cli.files import write_bytes, write_new

    place = entry.place_problem(opts.data, path)
    if place is not None:
        return place, 1
    now = today(opts.lang)
    earlier = planned.get(path)
    if earlier is not None:
        state: entry.Existing = "same" if entry.same_report(earlier, written) else "different"
    else:
        state = entry.existing(path, written, targets, now)
    if state == "different" and not force:
        return Words.entry_exists(path=path), 1
    if dry_run:
        return Words.entry_dry_run(path=path), 0
    outcome = {"same": Words.entry_unchanged, "different": Words.entry_replaced, "absent": Words.entry_wrote}[state]
    if state != "same":
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if state == "absent":
                write_new(path, text.encode("utf-8"))
            else:
                write_bytes(path, text.encode("utf-8"))
        except FileExistsError:  # another run wrote it since: never replaced unseen
            if entry.existing(path, written, targets, now) != "same":
                return Words.entry_exists(path=path), 1
            outcome = Words.entry_unchanged
        except OSError as err:
            return CliMsg.cannot_write(path=path, reason=os_reason(err)), 2
    typer.echo(path)
    return outcome(path=path), 0
