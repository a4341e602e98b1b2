"""`minzheng show ID` and `minzheng units`: rows built once, for plain text or rich."""

from __future__ import annotations

from datetime import date

from minzheng_cli.catalogue import Lang, Text
from minzheng_cli.catalogue.words import Kind, Words, word
from minzheng_cli.engine.completeness import Completeness, UnitCompleteness
from minzheng_cli.engine.ranking import UnitRank
from minzheng_cli.engine.status import HistoryPoint, IndicatorResult
from minzheng_cli.model.files import Targets
from minzheng_cli.render import fmt
from minzheng_cli.render.table import Table as Table  # re-exported: the type callers annotate with

REPORTED_BY: dict[str, Text] = {"townships": Words.reported_by_townships, "district": Words.reported_by_district}


def indicator_facts(targets: Targets, result: IndicatorResult, lang: Lang) -> list[tuple[str, str]]:
    ind = result.indicator
    townships = len(targets.townships)
    facts = [
        (Words.col_name.render(lang), f"{ind.id} {ind.name}"),
        (Words.col_task.render(lang), f"{ind.task}. {next(x.title for x in targets.tasks if x.number == ind.task)}"),
        (Words.col_kind.render(lang), word(Kind, ind.kind, lang)),
        (Words.col_reported_by.render(lang), REPORTED_BY[ind.reported_by].render(lang)),
        (Words.col_target.render(lang), fmt.target_text(result)),
        (Words.col_actual.render(lang), fmt.actual_text(result, lang, townships)),
        (Words.col_completion.render(lang), fmt.percent(result.completion)),
        (Words.col_pace.render(lang), fmt.percent(result.pace)),
        (Words.col_status.render(lang), f"{fmt.status_word(result.status, lang)} {fmt.light_word(result.light, lang)}"),
        (Words.show_due.render(lang), result.due.isoformat()),
        (Words.show_source.render(lang), ind.source.strip()),
    ]
    if ind.note:
        facts.append((Words.show_note.render(lang), ind.note.strip()))
    return facts


def history_table(result: IndicatorResult, points: list[HistoryPoint], lang: Lang, townships: int) -> Table:
    rows = [[p.day.isoformat(), fmt.value_text(result.indicator, p.actual, lang, townships, p.state)] for p in points]
    spark = fmt.sparkline([p.actual for p in points])
    return Table.of([Words.col_date.render(lang), Words.col_actual.render(lang)], rows, (False, True),
                    title=f"{Words.show_history.render(lang)} {spark}".strip())


def unit_table(targets: Targets, result: IndicatorResult, lang: Lang) -> Table:
    names = {u.id: u.name for u in targets.units}
    rows = [[names[u.unit], fmt.unit_actual_text(result, u, lang), fmt.with_uom(u.quota, result.indicator.uom),
             fmt.percent(u.completion), fmt.status_word(u.status, lang), fmt.light_word(u.light, lang)]
            for u in result.units]
    header = [c.render(lang) for c in (Words.col_unit, Words.col_actual, Words.col_quota, Words.col_completion,
                                       Words.col_status, Words.col_light)]
    return Table.of(header, rows, (False, True, True, True, False, False), title=Words.show_units.render(lang))


def ranking_table(targets: Targets, ranking: list[UnitRank], completeness: Completeness, as_of: date,
                  lang: Lang) -> Table:
    """Townships ranked (§2.6), then the district unit unranked, then the overall reporting rates (§2.7)."""
    names = {u.id: u.name for u in targets.units}
    rows = []
    entries: list[tuple[str, str, str, str, UnitCompleteness | None]] = [
        (str(e.rank), e.unit, str(e.quotas), fmt.percent(e.score), e.completeness) for e in ranking]
    district = targets.district.id
    entries.append((fmt.DASH, district, fmt.DASH, fmt.DASH, completeness.unit(district)))
    for rank, unit, quotas, score, c in entries:
        rows.append([rank, names[unit], quotas, score,
                     str(c.expected) if c else fmt.DASH, str(c.reported) if c else fmt.DASH,
                     str(c.on_time) if c else fmt.DASH, fmt.percent(c.rate if c else None),
                     fmt.percent(c.on_time_rate if c else None)])
    header = [c.render(lang) for c in (Words.col_rank, Words.col_unit, Words.col_quota, Words.col_mean_progress,
                                       Words.col_expected, Words.col_reported, Words.col_on_time,
                                       Words.col_report_rate, Words.col_timely_rate)]
    note = Words.units_overall.format(lang, expected=completeness.expected, reported=completeness.reported,
                                      on_time=completeness.on_time, rate=fmt.percent(completeness.rate),
                                      timely=fmt.percent(completeness.on_time_rate))
    return Table.of(header, rows, (True, False, True, True, True, True, True, True, True),
                    title=Words.units_title.format(lang, as_of=as_of.isoformat()), note=note)
