"""The data-entry commands (DESIGN §3): `new`, `template` and `import`.

Like every command, each parses its options, calls the core (`entry`, `read.workbook`), and sets the exit code;
the shared options and helpers live in `cli.common`.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from minzheng_cli.catalogue.diagnostics import CliMsg, os_reason, suggestion
from minzheng_cli.catalogue.words import EngineMsg, Words
from minzheng_cli.cli.common import Common, DataOpt, LangOpt, app, day_option, fail, notice, open_project, options, today

if TYPE_CHECKING:
    from minzheng_cli.model.files import Report, Targets, Unit
    from minzheng_cli.model.folder import Loaded

UnitArg = Annotated[str, typer.Argument(metavar="UNIT", help="Unit id (folder name under progress/), e.g. shuanglin")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing report that holds other figures")]


@app.command()
def new(
    ctx: typer.Context,
    unit: UnitArg,
    as_of: Annotated[date, day_option("--as-of", "Report date YYYY-MM-DD (not after today)")],
    submitted: Annotated[date | None, day_option("--submitted", "Date handed in, for timeliness [default: none]")] = None,
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


@app.command()
def template(
    ctx: typer.Context,
    unit: UnitArg,
    as_of: Annotated[date, day_option("--as-of", "Report date YYYY-MM-DD")],
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE.xlsx", help="The workbook to write")],
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write a fill-in Excel workbook (报送表) for UNIT, pre-filled with its latest values; read back by import."""
    from minzheng_cli.entry import prefill as entry
    from minzheng_cli.entry import template as template_workbook
    from minzheng_cli.files import write_bytes

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
        write_bytes(output, content)
    except OSError as err:
        fail(CliMsg.cannot_write(path=output, reason=os_reason(err)), 2, opts.lang)
    typer.echo(output)
    notice(Words.entry_wrote, opts.lang, path=output)


@app.command("import")
def import_workbook(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE.xlsx", help="A workbook made by `minzheng template`, filled in")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and print the report's YAML; write nothing")] = False,
    force: ForceOpt = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Check a filled-in workbook like a report and write progress/UNIT/DATE.yaml (exit 1 invalid, 2 not a template)."""
    from minzheng_cli.entry import importer
    from minzheng_cli.entry import prefill as entry
    from minzheng_cli.errors import MinzhengError
    from minzheng_cli.model.diagnostics import ValidationReport
    from minzheng_cli.read import workbook
    from minzheng_cli.render.diagnostics import summary_line

    opts = options(ctx, data, lang)
    loaded, targets = _entry_data(opts)
    try:
        filled = workbook.read_workbook(file)
        found = importer.unit_of(filled, targets)
    except MinzhengError as err:
        fail(err.detail, 2, opts.lang)
    result = importer.import_report(filled, targets, found, loaded.reports, opts.data, today(opts.lang))
    for d in result.diagnostics:
        typer.echo(importer.diagnostic_line(d, filled.path, d.text(opts.lang)), err=True)
    if result.report is None or result.text is None:
        summary = ValidationReport(result.diagnostics, files=1, reports=0)
        fail(summary_line(summary, opts.lang), 1, opts.lang)
    path = entry.report_path(opts.data, found.id, result.report.as_of)
    _entry_own_reports(opts, loaded, found.id, path)
    if dry_run:
        typer.echo(result.text, nl=False)
    _entry_save(opts, targets, path, result.text, result.report, force, dry_run)


def _entry_data(opts: Common) -> tuple[Loaded, Targets]:
    loaded = open_project(opts).loaded
    if loaded.targets is None:
        for d in loaded.diagnostics:
            typer.echo(d.as_text(opts.lang), err=True)
        fail(EngineMsg.targets_broken(path=opts.data), 2, opts.lang)
    return loaded, loaded.targets


def _entry_unit(opts: Common, unit: str) -> tuple[Loaded, Targets, Unit]:
    loaded, targets = _entry_data(opts)
    found = targets.unit(unit)
    if found is None:
        from minzheng_cli.model.scalars import closest

        hint = closest(unit, [u.id for u in targets.units])
        fail(
            EngineMsg.unknown_unit(unit=unit, hint=suggestion(hint), units=", ".join(u.id for u in targets.units)),
            2,
            opts.lang,
        )
    return loaded, targets, found


def _entry_own_reports(opts: Common, loaded: Loaded, unit: str, replacing: str) -> None:
    """Refuse (exit 1) while one of the unit's reports, other than the one being replaced, has errors."""
    from minzheng_cli.entry.prefill import broken_reports

    broken = broken_reports(opts.data, loaded.excluded, unit, replacing)
    if broken:
        fail(Words.entry_own_broken.format(opts.lang, path=broken[0]), 1, opts.lang)


def _entry_save(opts: Common, targets: Targets, path: str, text: str, written: Report, force: bool, dry_run: bool) -> None:
    """Write the report unless the file already holds it; another report there only with --force."""
    from minzheng_cli.entry import prefill as entry
    from minzheng_cli.files import write_text

    state = entry.existing(path, written, targets, today(opts.lang))
    if state == "different" and not force:
        fail(Words.entry_exists.format(opts.lang, path=path), 1, opts.lang)
    outcome = {"same": Words.entry_unchanged, "different": Words.entry_replaced, "absent": Words.entry_wrote}[state]
    if dry_run:
        notice(Words.entry_dry_run, opts.lang, path=path)
        return
    if state != "same":
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_text(path, text)
        except OSError as err:
            fail(CliMsg.cannot_write(path=path, reason=os_reason(err)), 2, opts.lang)
    typer.echo(path)
    notice(outcome, opts.lang, path=path)
