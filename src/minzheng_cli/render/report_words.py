"""周报 in words: the `Weekly` core turned into a title and numbered sentences, in Chinese or English.

Built once and laid out three ways (text, Markdown, HTML), so that every output says the same thing. Every
number carries its unit: 项 for indicators, 个 for units, 份 for reports, % and 个百分点 for shares and gaps, and
the indicator's own unit of measure (人, 万元, %) for its figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from minzheng_cli.catalogue import Lang, Param, Text
from minzheng_cli.catalogue.report import Report, ReportPeriod
from minzheng_cli.catalogue.words import MONTHS, Words, word
from minzheng_cli.engine import status as engine
from minzheng_cli.engine.status import IndicatorResult, UnitResult
from minzheng_cli.engine.weekly import Alert, Change, Check, DueSoon, Weekly
from minzheng_cli.render import fmt
from minzheng_cli.render.table import Table

# 总体进展 names the statuses in the order a reader asks about them: done, ahead, on pace, behind, then the rest
# (a pending milestone by its state: 推进中, then 未开始)
STATUS_ORDER = ("done", "ahead", "on_pace", "behind", "missed", "overdue", "due_soon", "pending", "not_met",
                "within_cap", "over_cap", "no_data")
PENDING_ORDER = ("in_progress", "not_started")
PACE_BY: dict[str, Text] = {"days": Words.pace_days, "months": Words.pace_months}


@dataclass(frozen=True)
class Item:
    number: str  # "1." — or "" for a line that is not numbered (an empty section's one sentence)
    text: str


@dataclass(frozen=True)
class Section:
    key: str  # overview, changes, alerts, due, checks, reporting, ranking
    heading: str
    items: tuple[Item, ...]
    table: Table | None = None  # the same facts as a table, where a document wants one (the ranking)
    note: str = ""  # a sentence after the items (how the ranking is made)


@dataclass(frozen=True)
class Document:
    lang: Lang
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    sample: str = ""  # the 示例数据 notice when the data are illustrative (DESIGN §1), else empty


class Writer:
    """Phrase builder for one language: `w(Report.h_due, n=30)` is the phrase with its fields filled in."""

    def __init__(self, weekly: Weekly, lang: Lang) -> None:
        self.weekly = weekly
        self.lang = lang
        self.comma, self.semi, self.list_sep = (Words.comma.render(lang), Words.semicolon.render(lang),
                                                Words.list_sep.render(lang))
        self.colon, self.stop = Words.colon.render(lang), Report.stop.render(lang)
        self.townships = len(weekly.targets.townships)

    def __call__(self, phrase: Text, **params: Param) -> str:
        return phrase.format(self.lang, **params)

    def day(self, day: date) -> str:
        return fmt.day(day, self.lang, self.weekly.targets.plan.start.year)

    def status(self, status: str | None, state: str | None = None) -> str:
        return fmt.status_word(status, self.lang, state)

    def result_status(self, result: IndicatorResult) -> str:
        return fmt.result_status(result, self.lang)

    def name(self, result: IndicatorResult) -> str:
        return self(Report.indicator, name=result.indicator.name, id=result.indicator.id)

    def actual(self, result: IndicatorResult) -> str:
        return fmt.actual_text(result, self.lang, self.townships)

    def unit(self, unit_id: str) -> str:
        return self.weekly.unit_name(unit_id)

    def units(self, names: list[str], total: int | None = None) -> str:
        text = self.list_sep.join(names)
        if total is not None and total > len(names):
            text += self(Report.and_more, n=total)
        return text


def document(weekly: Weekly, lang: Lang) -> Document:
    w = Writer(weekly, lang)
    title = w(TITLES[weekly.kind], title=weekly.targets.plan.title)
    if weekly.sample:
        title = w(Report.sample) + title
    span = weekly.kind != "week"
    sections = (
        Section("overview", w(Report.h_overview), numbered(overview(w))),
        Section("changes", w(Report.h_changes_span if span else Report.h_changes, day=w.day(weekly.compared_with)),
                numbered(changes(w, weekly.changes), w(Report.changes_none_span if span else Report.changes_none))),
        Section("alerts", w(Report.h_alerts), numbered([alert(w, a) for a in weekly.alerts], w(Report.alerts_none))),
        Section("due", w(Report.h_due, n=engine.DUE_SOON_DAYS),
                numbered([due(w, d) for d in weekly.due_soon], w(Report.due_none, n=engine.DUE_SOON_DAYS))),
        Section("checks", w(Report.h_checks), numbered([check(w, c) for c in weekly.checks], w(Report.checks_none))),
        Section("reporting", w(Report.h_reporting), numbered(reporting(w))),
        Section("ranking", w(Report.h_ranking), ranking(w), ranking_table(w), w(Report.ranking_note)),
    )
    return Document(lang, title, subtitle(w), sections, w(Report.sample_note) if weekly.sample else "")


TITLES = {"week": Report.title, "month": Report.title_month, "quarter": Report.title_quarter}


def subtitle(w: Writer) -> str:
    """The period and the 数据截至 line under the title."""
    weekly, period = w.weekly, w.weekly.period
    days = {"start": w.day(period.start), "end": w.day(period.end), "as_of": w.day(weekly.as_of)}
    if weekly.kind == "month":
        return w(Report.subtitle_month, year=period.start.year, month=MONTHS[period.start.month - 1].render(w.lang),
                 **days)
    if weekly.kind == "quarter":
        return w(Report.subtitle_quarter, year=period.start.year, quarter=(period.start.month - 1) // 3 + 1, **days)
    iso_year, iso_week, _ = period.start.isocalendar()
    return w(Report.subtitle, year=iso_year, week=iso_week, **days)


def numbered(texts: list[str], empty: str | None = None) -> tuple[Item, ...]:
    if not texts and empty is not None:
        return (Item("", empty),)
    return tuple(Item(f"{i}.", text) for i, text in enumerate(texts, start=1))


# ----------------------------------------------------------------------------------------------------
# sections


def overview(w: Writer) -> list[str]:
    weekly = w.weekly
    result = weekly.current.result
    by_word, by_light = result.by_word(), result.by_light()
    order = [(s, state) for s in STATUS_ORDER for state in (PENDING_ORDER if s == "pending" else (None,))]
    order += [key for key in by_word if key not in order]
    statuses = w.list_sep.join(w(Report.count_status, status=w.status(*key), n=by_word[key])
                               for key in order if key in by_word)
    lights = w.list_sep.join(w(Report.count_light, light=fmt.light_word(k, w.lang), n=n) for k, n in by_light.items())
    by = PACE_BY[weekly.targets.plan.pace].render(w.lang)
    pace = fmt.pace(weekly.plan_pace)
    return [
        w(Report.overview_statuses, n=len(result.indicators), statuses=statuses),
        w(Report.overview_lights, lights=lights) if lights else w(Report.overview_no_lights),
        w(Report.overview_pace, pace=pace, by=by, lit=weekly.lit, alerts=len(weekly.alerts), due=len(weekly.due_soon))
        if weekly.lit else w(Report.overview_pace_unlit, pace=pace, by=by),
    ]


def changes(w: Writer, found: tuple[Change, ...]) -> list[str]:
    """One item per indicator whose figures moved; those whose status alone changed (time moved on) in one
    item after them."""
    items = [change(w, c) for c in found if not c.pace_only]
    paced = [w(Report.change_pace_item, name=w.name(c.new), old=w.result_status(c.old), new=w.result_status(c.new))
             for c in found if c.pace_only]
    if paced:
        items.append(w(Report.changes_pace, n=len(paced), items=w.list_sep.join(paced)) + w.stop)
    return items


def change(w: Writer, c: Change) -> str:
    old, new = c.old, c.new
    ind = new.indicator
    move: str | None
    if ind.kind == "milestone" and ind.reported_by == "district":
        move = None  # 已完成 or not: the status says it
    elif not c.actual_changed:
        move = w(Report.change_same, actual=w.actual(new))
    elif old.actual is None:
        move = w(Report.change_first, actual=w.actual(new))
    elif new.actual is not None and new.actual < old.actual:
        move = w(Report.change_down, old=w.actual(old), new=w.actual(new))
    else:
        move = w(Report.change_up, old=w.actual(old), new=w.actual(new))
    state = w.result_status(new)
    if c.status_changed or old.state != new.state:
        state = w(Report.change_status, old=w.result_status(old), new=state)
    text = w.name(new) + w.colon + (move + w.comma if move else "") + state
    if c.every_township:
        text += w.semi + w(Report.change_units, units=w(Report.every_township, n=len(c.units)))
    elif c.units:
        names = [w(Report.unit_delta, unit=w.unit(m.unit), delta=fmt.signed(m.delta, ind.uom)) if c.counted
                 else w.unit(m.unit) for m in c.units]
        text += w.semi + w(Report.change_units, units=w.units(names))
    return text + w.stop


def _unit_figure(w: Writer, result: IndicatorResult, unit: UnitResult) -> str:
    if unit.actual is None:
        return w(Report.unit_no_report, unit=w.unit(unit.unit))
    figure = fmt.unit_actual_text(result, unit, w.lang)
    if unit.quota is not None:
        figure += "/" + fmt.with_uom(unit.quota, result.indicator.uom)
    return w(Report.unit_figure, unit=w.unit(unit.unit), figure=figure)


def alert(w: Writer, a: Alert) -> str:
    r = a.result
    status = r.status
    gap = fmt.points(r.gap)
    if status == "over_cap":
        detail = w(Report.alert_over_cap, actual=w.actual(r), target=fmt.target_text(r))
    elif status == "overdue":
        if r.indicator.reported_by == "townships":
            detail = w(Report.alert_overdue_townships, due=w.day(r.due), done=fmt.number(r.actual or Fraction(0)),
                       n=w.townships)
        elif a.days_past_due:
            detail = w(Report.alert_overdue, due=w.day(r.due), days=a.days_past_due)
        else:
            detail = w(Report.alert_due_today, due=w.day(r.due))
    elif status == "missed":
        detail = w(Report.alert_missed, due=w.day(r.due), actual=w.actual(r), target=fmt.target_text(r),
                   completion=fmt.percent(r.completion))
    elif status == "not_met":
        detail = w(Report.alert_not_met, actual=w.actual(r), target=fmt.target_text(r),
                   completion=fmt.percent(r.completion))
    else:
        label = w(Report.word_progress) if r.judged_on == "progress" else w(Report.word_completion)
        share = fmt.percent(r.share)
        if r.distinct_progress is not None and r.completion is not None:
            share += w(Report.alert_completion, completion=fmt.percent(r.completion))
        detail = w(Report.alert_behind, actual=w.actual(r), label=label, share=share, pace=fmt.pace(r.pace))
        if r.gap is not None:
            detail += w.comma + w(Report.alert_gap, gap=gap)
    if a.projection is not None:
        detail += w.comma + w(Report.alert_projection, value=fmt.with_uom(a.projection.value, r.indicator.uom),
                              completion=fmt.percent(a.projection.completion))
    tag = w(Report.tag, light=fmt.light_word(r.light, w.lang))
    text = tag + w.name(r) + w.colon + detail
    if a.responsible:
        if r.indicator.kind == "milestone":
            names = [w.unit(u.unit) for u in a.responsible]
            text += w.semi + w(Report.alert_not_done, units=w.units(names, a.lagging))
        else:
            figures = [_unit_figure(w, r, u) for u in a.responsible]
            text += w.semi + w(Report.alert_lagging, units=w.units(figures, a.lagging))
    return text + w.stop


def due(w: Writer, d: DueSoon) -> str:
    r = d.result
    if r.actual is None:
        state = w(Report.due_no_report)
    elif r.indicator.reported_by == "townships":
        state = w(Report.due_townships, done=fmt.number(r.actual), n=w.townships)
    else:
        state = w(Report.due_state, state=w.actual(r))
    when = w(Report.due_days, days=d.days_left)
    return w.name(r) + w.colon + w(Report.due_when, due=w.day(r.due), when=when) + w.comma + state + w.stop


def check(w: Writer, c: Check) -> str:
    return w(Report.check_item, unit=w.unit(c.unit), day=w.day(c.as_of), message=c.diagnostic.text(w.lang)) + w.stop


def _period_name(w: Writer) -> str:
    rep = w.weekly.reporting
    monthly = w.weekly.targets.plan.cadence == "monthly"
    if rep.periods and not monthly:  # a month's or a quarter's report: the weeks that end inside it
        return w(ReportPeriod.weeks_of, n=len(rep.periods))
    if len(rep.periods) > 1:  # a quarter's report on a monthly plan
        return w(ReportPeriod.months_of, n=len(rep.periods))
    if monthly:
        return w(ReportPeriod.monthly, month=MONTHS[rep.period.start.month - 1].render(w.lang))
    return word(ReportPeriod, "weekly", w.lang)


def reporting(w: Writer) -> list[str]:
    rep = w.weekly.reporting
    period = _period_name(w)
    n = len(rep.expected)
    if rep.reported == n:
        first = w(Report.reporting_all, period=period, n=n)
    else:
        first = w(Report.reporting_head, period=period, n=n, k=rep.reported)
        for phrase, units in ((Report.reporting_missing, rep.missing), (Report.reporting_rejected, rep.rejected),
                              (Report.reporting_within, rep.within_deadline)):
            if units:
                first += w(phrase, m=len(units), units=w.units([w.unit(u) for u in units]))
        first += w.stop
    if rep.late:
        if rep.late_times:  # a month's or a quarter's report: each unit once, with how many were late
            late = [w(Report.reporting_late_times, unit=w.unit(s.unit), k=k, day=w.day(s.submitted))
                    for s, k in zip(rep.late, rep.late_times, strict=True)]
        else:
            late = [w(Report.reporting_late_one, unit=w.unit(s.unit), day=w.day(s.submitted)) for s in rep.late]
        second = w(Report.reporting_late, m=len(rep.late), units=w.units(late))
    else:
        second = w(Report.reporting_no_late)
    year = rep.year
    if year.periods:
        third = w(Report.reporting_year, end=w.day(year.periods[-1].end), rate=fmt.percent(year.rate),
                  expected=year.expected, reported=year.reported, on_time=fmt.percent(year.on_time_rate))
    else:
        third = w(Report.reporting_year_none)
    return [first, second, third]


def ranking(w: Writer) -> tuple[Item, ...]:
    items = []
    for entry in w.weekly.ranking:
        rate, timely = fmt.percent(entry.reporting_rate), fmt.percent(entry.on_time_rate)
        if entry.score is None:
            text = w(Report.ranking_no_quota, unit=w.unit(entry.unit), rate=rate, timely=timely)
        else:
            text = w(Report.ranking_entry, unit=w.unit(entry.unit), score=fmt.percent(entry.score), rate=rate,
                     timely=timely)
        items.append(Item(f"{entry.rank}.", text))
    return tuple(items)


def ranking_table(w: Writer) -> Table:
    header = (w(Words.col_rank), w(Words.col_unit), w(Report.col_quotas), w(Words.col_mean_progress),
              w(Words.col_report_rate), w(Words.col_timely_rate))
    rows = []
    for entry in w.weekly.ranking:
        rows.append((str(entry.rank), w.unit(entry.unit), str(entry.quotas), fmt.percent(entry.score),
                     fmt.percent(entry.reporting_rate), fmt.percent(entry.on_time_rate)))
    return Table.of(header, rows, (True, False, True, True, True, True))
