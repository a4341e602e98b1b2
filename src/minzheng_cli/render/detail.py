"""`minzheng show ID` and `minzheng units`: rows built once, for plain text or rich."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from minzheng_cli.engine.completeness import Completeness, UnitCompleteness
from minzheng_cli.engine.ranking import UnitRank
from minzheng_cli.engine.status import IndicatorResult
from minzheng_cli.i18n import KIND, Lang, t, word
from minzheng_cli.model.files import Targets
from minzheng_cli.render import fmt

RIGHT, LEFT = "right", "left"


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    align: tuple[str, ...]
    note: str = ""


def indicator_facts(targets: Targets, result: IndicatorResult, lang: Lang) -> list[tuple[str, str]]:
    ind = result.indicator
    townships = len(targets.townships)
    facts = [
        (t("col.name", lang), f"{ind.id} {ind.name}"),
        (t("col.task", lang), f"{ind.task}. {next(x.title for x in targets.tasks if x.number == ind.task)}"),
        (t("col.kind", lang), word(KIND, ind.kind, lang)),
        (t("col.reported_by", lang), t(f"reported_by.{ind.reported_by}", lang)),
        (t("col.target", lang), fmt.target_text(result)),
        (t("col.actual", lang), fmt.actual_text(result, lang, townships)),
        (t("col.completion", lang), fmt.percent(result.completion)),
        (t("col.pace", lang), fmt.percent(result.pace)),
        (t("col.status", lang), f"{fmt.status_word(result.status, lang)} {fmt.light_word(result.light, lang)}"),
        (t("show.due", lang), result.due.isoformat()),
        (t("show.source", lang), ind.source.strip()),
    ]
    if ind.note:
        facts.append((t("show.note", lang), ind.note.strip()))
    return facts


def history_table(result: IndicatorResult, points: list[tuple[date, Fraction | None]], lang: Lang,
                  townships: int) -> Table:
    rows = [[day.isoformat(), fmt.value_text(result.indicator, value, lang, townships)] for day, value in points]
    spark = fmt.sparkline([v for _, v in points])
    return Table(f"{t('show.history', lang)} {spark}".strip(), [t("col.date", lang), t("col.actual", lang)],
                 rows, (LEFT, RIGHT))


def unit_table(targets: Targets, result: IndicatorResult, lang: Lang) -> Table:
    names = {u.id: u.name for u in targets.units}
    rows = [[names[u.unit], fmt.unit_actual_text(result, u, lang), fmt.with_uom(u.quota, result.indicator.uom),
             fmt.percent(u.completion), fmt.status_word(u.status, lang), fmt.light_word(u.light, lang)]
            for u in result.units]
    header = [t(f"col.{c}", lang) for c in ("unit", "actual", "quota", "completion", "status", "light")]
    return Table(t("show.units", lang), header, rows, (LEFT, RIGHT, RIGHT, RIGHT, LEFT, LEFT))


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
    header = [t(f"col.{c}", lang) for c in ("rank", "unit", "quota", "mean_progress", "expected", "reported",
                                             "on_time", "report_rate", "timely_rate")]
    note = t("units.overall", lang).format(expected=completeness.expected, reported=completeness.reported,
                                           on_time=completeness.on_time, rate=fmt.percent(completeness.rate),
                                           timely=fmt.percent(completeness.on_time_rate))
    return Table(t("units.title", lang).format(as_of=as_of.isoformat()), header, rows,
                 (RIGHT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT), note)
