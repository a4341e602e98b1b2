"""`minzheng show ID` and `minzheng units` as views (`render.view`): built once, written in any format.

`show`: the indicator's facts (its source sentence among them), the district value over time, every unit's
figures. `units`: the townships ranked, the district unranked after them, the overall reporting rates; columns
leave a narrow terminal in this order: 按时, 已报, 应报, 分解任务 (both rates always stay).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from minzheng_cli.catalogue import Lang, Text
from minzheng_cli.catalogue.words import Kind, Words, word
from minzheng_cli.engine.completeness import Completeness, UnitCompleteness
from minzheng_cli.engine.ranking import UnitRank
from minzheng_cli.engine.status import HistoryPoint, IndicatorResult
from minzheng_cli.model.files import Targets
from minzheng_cli.render import fmt
from minzheng_cli.render.status_json import indicator_entry
from minzheng_cli.render.table import Figure, Table, Value
from minzheng_cli.render.view import View

REPORTED_BY: dict[str, Text] = {"townships": Words.reported_by_townships, "district": Words.reported_by_district}


def _plan(targets: Targets) -> dict[str, str]:
    return {"id": targets.plan.id, "title": targets.plan.title}


def _banner(sample: bool, lang: Lang) -> str:
    return Words.sample_banner.render(lang) if sample else ""


def indicator_facts(targets: Targets, result: IndicatorResult, lang: Lang) -> list[tuple[str, str]]:
    ind = result.indicator
    townships = len(targets.townships)
    target = fmt.target_text(result)
    if ind.kind == "cap":
        target = Words.cap_target.format(lang, target=target)
    facts = [
        (Words.col_name.render(lang), f"{ind.id} {ind.name}"),
        (Words.col_task.render(lang), f"{ind.task}. {next(x.title for x in targets.tasks if x.number == ind.task)}"),
        (Words.col_kind.render(lang), word(Kind, ind.kind, lang)),
        (Words.col_reported_by.render(lang), REPORTED_BY[ind.reported_by].render(lang)),
        (Words.col_target.render(lang), target),
        (Words.col_actual.render(lang), fmt.actual_text(result, lang, townships)),
        (Words.col_completion.render(lang), fmt.percent(result.completion)),
        # the figure the light was judged on, beside 序时进度, where it differs from 完成率
        *([(Words.col_progress.render(lang), fmt.percent(result.distinct_progress))]
          if result.distinct_progress is not None else []),
        (Words.col_pace.render(lang), fmt.pace(result.pace)),
        (Words.col_status.render(lang), f"{fmt.result_status(result, lang)} {fmt.light_word(result.light, lang)}"),
        (Words.show_due.render(lang), result.due.isoformat()),
        (Words.show_source.render(lang), ind.source.strip()),
    ]
    if ind.note:
        facts.append((Words.show_note.render(lang), ind.note.strip()))
    return facts


def _history_value(result: IndicatorResult, point: HistoryPoint, townships: int) -> Value:
    ind = result.indicator
    if point.actual is None:
        return None
    if ind.kind != "milestone":
        return Figure(point.actual, ind.uom)
    if ind.reported_by == "townships":
        return Figure(point.actual, f"/{townships}")
    return None  # a district milestone's state: its word (the display text)


def history_table(result: IndicatorResult, points: Sequence[HistoryPoint], lang: Lang, townships: int) -> Table:
    texts, values = [], []
    for point in points:
        shown = fmt.value_text(result.indicator, point.actual, lang, townships, point.state)
        value = _history_value(result, point, townships)
        texts.append([point.day.isoformat(), shown])
        values.append([point.day, value if value is not None or point.actual is None else shown])
    spark = fmt.sparkline([p.actual for p in points])
    columns = [(Words.col_date.render(lang), "date", 0), (Words.col_actual.render(lang), "figure", 0)]
    return Table.build(columns, texts, values, title=f"{Words.show_history.render(lang)} {spark}".strip(),
                       sheet=Words.show_history.render(lang))


def unit_table(targets: Targets, result: IndicatorResult, lang: Lang) -> Table:
    names = {u.id: u.name for u in targets.units}
    ind = result.indicator
    texts, values = [], []
    for u in result.units:
        actual = fmt.unit_actual_text(result, u, lang)
        texts.append([names[u.unit], actual, fmt.target_cell(result, u.quota) if u.quota is not None else fmt.DASH,
                      fmt.percent(u.completion), fmt.status_word(u.status, lang, u.state),
                      fmt.light_word(u.light, lang)])
        typed_actual: Value = actual if ind.kind == "milestone" else (
            None if u.actual is None else Figure(u.actual, ind.uom))
        values.append([names[u.unit], typed_actual, None if u.quota is None else Figure(u.quota, ind.uom),
                       u.completion, texts[-1][4], u.light])
    columns = [(Words.col_unit.render(lang), "name", 0), (Words.col_actual.render(lang), "figure", 0),
               (Words.col_quota.render(lang), "figure", 0), (Words.col_completion.render(lang), "share", 0),
               (Words.col_status.render(lang), "word", 0), (Words.col_light.render(lang), "light", 0)]
    return Table.build(columns, texts, values, [u.light for u in result.units], title=Words.show_units.render(lang),
                       sheet=Words.show_units.render(lang))


def show_document(targets: Targets, result: IndicatorResult, points: Sequence[HistoryPoint], as_of: date,
                  sample: bool) -> dict[str, Any]:
    """`show --format json`: the indicator as in `status --format json` (with its due date, source and note),
    and its district value at each report date."""
    entry = indicator_entry(result)
    entry.update(due=result.due.isoformat(), source=result.indicator.source.strip(), note=result.indicator.note)
    decimals = fmt.DECIMALS if result.indicator.measure == "ratio" else None
    history = []
    for point in points:
        item: dict[str, Any] = {"as_of": point.day.isoformat(), "actual": fmt.json_number(point.actual, decimals)}
        if result.indicator.kind == "milestone":
            item["state"] = point.state
        history.append(item)
    return {"plan": _plan(targets), "sample": sample, "as_of": as_of.isoformat(), "indicator": entry,
            "history": history}


def show_view(targets: Targets, result: IndicatorResult, points: Sequence[HistoryPoint], as_of: date, lang: Lang,
              sample: bool = False) -> View:
    """Everything `show ID` shows, in every format."""
    townships = len(targets.townships)
    tables = [history_table(result, points, lang, townships)]
    if result.units:
        tables.append(unit_table(targets, result, lang))
    title = Words.show_title.format(lang, id=result.indicator.id, name=result.indicator.name, as_of=as_of.isoformat())
    return View(title=title, tables=tuple(tables), document=show_document(targets, result, points, as_of, sample),
                facts=tuple(indicator_facts(targets, result, lang)), banner=_banner(sample, lang), lang=lang)


RANKING: tuple[tuple[Text, str, int], ...] = (
    (Words.col_rank, "count", 0), (Words.col_unit, "name", 0), (Words.col_quota, "count", 4),
    (Words.col_mean_progress, "share", 0), (Words.col_expected, "count", 3), (Words.col_reported, "count", 2),
    (Words.col_on_time, "count", 1), (Words.col_report_rate, "share", 0), (Words.col_timely_rate, "share", 0))


def ranking_table(targets: Targets, ranking: list[UnitRank], completeness: Completeness, as_of: date,
                  lang: Lang) -> Table:
    """Townships ranked (§2.6), then the district unit unranked, then the overall reporting rates (§2.7)."""
    names = {u.id: u.name for u in targets.units}
    entries: list[tuple[int | None, str, int | None, Any, UnitCompleteness | None, str | None]] = [
        (e.rank, e.unit, e.quotas, e.score, e.completeness, e.light) for e in ranking]
    district = targets.district.id
    entries.append((None, district, None, None, completeness.unit(district), None))
    texts, values, lights = [], [], []
    for rank, unit, quotas, score, c, light in entries:
        typed: list[Value] = [rank, names[unit], quotas, score, c.expected if c else None, c.reported if c else None,
                              c.on_time if c else None, c.rate if c else None, c.on_time_rate if c else None]
        texts.append([fmt.DASH if rank is None else str(rank), names[unit], fmt.DASH if quotas is None else str(quotas),
                      fmt.percent(score), *(fmt.DASH if v is None else str(v) for v in typed[4:7]),
                      fmt.percent(c.rate if c else None), fmt.percent(c.on_time_rate if c else None)])
        values.append(typed)
        lights.append(light)
    note = Words.units_overall.format(lang, expected=completeness.expected, reported=completeness.reported,
                                      on_time=completeness.on_time, rate=fmt.percent(completeness.rate),
                                      timely=fmt.percent(completeness.on_time_rate))
    columns = [(header.render(lang), kind, drop) for header, kind, drop in RANKING]
    return Table.build(columns, texts, values, lights, note=note, sheet=Words.sheet_ranking.render(lang))


def _rates(c: UnitCompleteness | Completeness | None) -> dict[str, Any]:
    if c is None:
        return {"expected": None, "reported": None, "on_time": None, "reporting_rate": None, "on_time_rate": None}
    return {"expected": c.expected, "reported": c.reported, "on_time": c.on_time,
            "reporting_rate": fmt.json_share(c.rate), "on_time_rate": fmt.json_share(c.on_time_rate)}


def units_document(targets: Targets, ranking: list[UnitRank], completeness: Completeness, as_of: date,
                   sample: bool) -> dict[str, Any]:
    """`units --format json`: the ranking with both rates (as `report --format json` names them), the district
    unit's own reporting, and the overall rates."""
    entries = [{"rank": e.rank, "unit": e.unit, "quotas": e.quotas, "score": fmt.json_share(e.score),
                "light": e.light, **_rates(e.completeness)} for e in ranking]
    district = targets.district.id
    return {"plan": _plan(targets), "sample": sample, "as_of": as_of.isoformat(), "ranking": entries,
            "district": {"unit": district, **_rates(completeness.unit(district))}, "reporting": _rates(completeness)}


def units_view(targets: Targets, ranking: list[UnitRank], completeness: Completeness, as_of: date, lang: Lang,
               sample: bool = False) -> View:
    """Everything `units` shows, in every format."""
    table = ranking_table(targets, ranking, completeness, as_of, lang)
    return View(title=Words.units_title.format(lang, as_of=as_of.isoformat()), tables=(table,),
                document=units_document(targets, ranking, completeness, as_of, sample),
                banner=_banner(sample, lang), lang=lang)
