"""周报 in words: the `Weekly` core turned into a title and numbered sentences, in Chinese or English.

Built once and laid out three ways (text, Markdown, HTML), so that every output says the same thing. Every
number carries its unit: 项 for indicators, 个 for units, 份 for reports, % and 个百分点 for shares and gaps, and
the indicator's own unit of measure (人, 万元, %) for its figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from minzheng_cli.engine import status as engine
from minzheng_cli.engine.status import IndicatorResult, UnitResult
from minzheng_cli.engine.weekly import Alert, Change, DueSoon, UnitMove, Weekly
from minzheng_cli.i18n import Lang, t
from minzheng_cli.render import fmt
from minzheng_cli.render.report_phrases import WORDS

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# 总体进展 names the statuses in the order a reader asks about them: done, ahead, on pace, behind, then the rest
STATUS_ORDER = ("done", "ahead", "on_pace", "behind", "missed", "overdue", "due_soon", "pending", "not_met",
                "within_cap", "over_cap", "no_data")
OK_STATUSES = ("done", "ahead", "on_pace")
LAG_STATUSES = ("behind", "missed", "overdue")


@dataclass(frozen=True)
class Item:
    number: str  # "1." — or "" for a line that is not numbered (an empty section's one sentence)
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # per column: right-aligned figures


@dataclass(frozen=True)
class Section:
    key: str  # overview, changes, alerts, due, reporting, ranking
    heading: str
    items: tuple[Item, ...]
    table: Table | None = None  # the same facts as a table, where a document wants one (the ranking)


@dataclass(frozen=True)
class Document:
    lang: Lang
    title: str
    subtitle: str
    sections: tuple[Section, ...]


class Words:
    """Phrase builder for one language: `w("key", n=3)` is the phrase with its fields filled in."""

    def __init__(self, weekly: Weekly, lang: Lang) -> None:
        self.weekly = weekly
        self.lang = lang
        zh = lang == "zh"
        self.comma, self.semi, self.list_sep = ("，", "；", "、") if zh else (", ", "; ", ", ")
        self.townships = len(weekly.targets.townships)

    def __call__(self, key: str, **fields: object) -> str:
        zh, en = WORDS[key]
        return (zh if self.lang == "zh" else en).format(**fields)

    def day(self, day: date) -> str:
        same_year = day.year == self.weekly.targets.plan.start.year
        if self.lang == "zh":
            return f"{day.month}月{day.day}日" if same_year else f"{day.year}年{day.month}月{day.day}日"
        text = f"{day.day} {MONTHS_EN[day.month - 1]}"
        return text if same_year else f"{text} {day.year}"

    def status(self, status: str | None) -> str:
        return fmt.status_word(status, self.lang)

    def name(self, result: IndicatorResult) -> str:
        return self("indicator", name=result.indicator.name, id=result.indicator.id)

    def actual(self, result: IndicatorResult) -> str:
        return fmt.actual_text(result, self.lang, self.townships)

    def unit(self, unit_id: str) -> str:
        return self.weekly.unit_name(unit_id)

    def units(self, names: list[str], total: int | None = None) -> str:
        text = self.list_sep.join(names)
        if total is not None and total > len(names):
            text += self("and_more", n=total)
        return text


def document(weekly: Weekly, lang: Lang) -> Document:
    w = Words(weekly, lang)
    iso_year, iso_week, _ = weekly.week.start.isocalendar()
    title = w("title", title=weekly.targets.plan.title)
    subtitle = w("subtitle", year=iso_year, week=iso_week, start=w.day(weekly.week.start),
                 end=w.day(weekly.week.end), as_of=w.day(weekly.as_of))
    sections = (
        Section("overview", w("h.overview"), numbered(overview(w))),
        Section("changes", w("h.changes", day=w.day(weekly.previous.as_of)),
                numbered([change(w, c) for c in weekly.changes], w("changes.none"))),
        Section("alerts", w("h.alerts"), numbered([alert(w, a) for a in weekly.alerts], w("alerts.none"))),
        Section("due", w("h.due", n=engine.DUE_SOON_DAYS),
                numbered([due(w, d) for d in weekly.due_soon], w("due.none", n=engine.DUE_SOON_DAYS))),
        Section("reporting", w("h.reporting"), numbered(reporting(w))),
        Section("ranking", w("h.ranking"), ranking(w), ranking_table(w)),
    )
    return Document(lang, title, subtitle, sections)


def numbered(texts: list[str], empty: str | None = None) -> tuple[Item, ...]:
    if not texts and empty is not None:
        return (Item("", empty),)
    return tuple(Item(f"{i}.", text) for i, text in enumerate(texts, start=1))


# ----------------------------------------------------------------------------------------------------
# sections


def overview(w: Words) -> list[str]:
    result = w.weekly.current.result
    by_status, by_light = result.by_status(), result.by_light()
    order = [*STATUS_ORDER, *(s for s in by_status if s not in STATUS_ORDER)]
    statuses = w.list_sep.join(w("count.status", status=w.status(s), n=by_status[s])
                               for s in order if s in by_status)
    lights = w.list_sep.join(w("count.light", light=fmt.light_word(k, w.lang), n=n) for k, n in by_light.items())
    ok = sum(by_status.get(s, 0) for s in OK_STATUSES)
    lag = sum(by_status.get(s, 0) for s in LAG_STATUSES)
    plan = w.weekly.targets.plan
    return [
        w("overview.statuses", n=len(result.indicators), statuses=statuses),
        w("overview.lights", lights=lights) if lights else w("overview.no_lights"),
        w("overview.pace", pace=fmt.percent(w.weekly.plan_pace), by=t(f"pace.{plan.pace}", w.lang), ok=ok, lag=lag),
    ]


def _signed(move: UnitMove, uom: str | None) -> str:
    delta = move.delta
    if delta is None:
        return fmt.DASH
    return ("+" if delta >= 0 else "-") + fmt.with_uom(abs(delta), uom)


def change(w: Words, c: Change) -> str:
    old, new = c.old, c.new
    ind = new.indicator
    move: str | None
    if ind.kind == "milestone" and ind.reported_by == "district":
        move = None  # 已完成 or not: the status says it
    elif not c.actual_changed:
        move = w("change.same", actual=w.actual(new))
    elif old.actual is None:
        move = w("change.first", actual=w.actual(new))
    elif new.actual is not None and new.actual < old.actual:
        move = w("change.down", old=w.actual(old), new=w.actual(new))
    else:
        move = w("change.up", old=w.actual(old), new=w.actual(new))
    state = w.status(new.status)
    if c.status_changed:
        state = w("change.status", old=w.status(old.status), new=state)
    text = w.name(new) + w("colon") + (move + w.comma if move else "") + state
    if c.units:
        counted = ind.kind == "cumulative" and ind.measure == "count"
        names = [w("unit.delta", unit=w.unit(m.unit), delta=_signed(m, ind.uom)) if counted else w.unit(m.unit)
                 for m in c.units]
        text += w.semi + w("change.units", units=w.units(names))
    return text + w("stop")


def _unit_figure(w: Words, result: IndicatorResult, unit: UnitResult) -> str:
    if unit.actual is None:
        return w("unit.no_report", unit=w.unit(unit.unit))
    figure = fmt.unit_actual_text(result, unit, w.lang)
    if unit.quota is not None:
        figure += "/" + fmt.with_uom(unit.quota, result.indicator.uom)
    return w("unit.figure", unit=w.unit(unit.unit), figure=figure)


def alert(w: Words, a: Alert) -> str:
    r = a.result
    status = r.status
    gap = fmt.points(r.gap)
    if status == "over_cap":
        detail = w("alert.over_cap", actual=w.actual(r), target=fmt.target_text(r))
    elif status == "overdue":
        if r.indicator.reported_by == "townships":
            detail = w("alert.overdue.townships", due=w.day(r.due), done=fmt.number(r.actual or Fraction(0)),
                       n=w.townships)
        else:
            days = (w.weekly.as_of - r.due).days
            detail = w("alert.overdue", due=w.day(r.due), days=days) if days else w("alert.due_today", due=w.day(r.due))
    elif status == "missed":
        detail = w("alert.missed", due=w.day(r.due), actual=w.actual(r), target=fmt.target_text(r),
                   completion=fmt.percent(r.completion))
    else:
        by_progress = r.progress is not None and r.progress != r.completion  # a level with a baseline
        share = r.progress if by_progress else r.completion
        label = w("word.progress") if by_progress else w("word.completion")
        detail = w("alert.behind", actual=w.actual(r), label=label, share=fmt.percent(share),
                   pace=fmt.percent(r.pace))
        if r.gap is not None:
            detail += w.comma + w("alert.gap", gap=gap)
    tag = w("tag", light=fmt.light_word(r.light, w.lang))
    text = tag + w.name(r) + w("colon") + detail
    if a.responsible:
        if r.indicator.kind == "milestone":
            names = [w.unit(u.unit) for u in a.responsible]
            text += w.semi + w("alert.not_done", units=w.units(names, a.lagging))
        else:
            figures = [_unit_figure(w, r, u) for u in a.responsible]
            text += w.semi + w("alert.lagging", units=w.units(figures, a.lagging))
    return text + w("stop")


def due(w: Words, d: DueSoon) -> str:
    r = d.result
    if r.actual is None:
        state = w("due.no_report")
    elif r.indicator.reported_by == "townships":
        state = w("due.townships", done=fmt.number(r.actual), n=w.townships)
    else:
        state = w("due.state", state=w.actual(r))
    when = w("due.today") if d.days_left == 0 else w("due.days", days=d.days_left)
    return w.name(r) + w("colon") + w("due.when", due=w.day(r.due), when=when) + w.comma + state + w("stop")


def reporting(w: Words) -> list[str]:
    rep = w.weekly.reporting
    period = w(f"period.{w.weekly.targets.plan.cadence}")
    if rep.missing:
        first = w("reporting.missing", period=period, n=len(rep.expected), k=rep.reported, m=len(rep.missing),
                  units=w.units([w.unit(u) for u in rep.missing]))
    else:
        first = w("reporting.all", period=period, n=len(rep.expected))
    if rep.late:
        late = [w("reporting.late_one", unit=w.unit(s.unit), day=w.day(s.submitted)) for s in rep.late]
        second = w("reporting.late", m=len(rep.late), units=w.units(late))
    else:
        second = w("reporting.no_late")
    year = rep.year
    third = w("reporting.year", rate=fmt.percent(year.rate), expected=year.expected, reported=year.reported,
              on_time=fmt.percent(year.on_time_rate))
    return [first, second, third]


def ranking(w: Words) -> tuple[Item, ...]:
    items = []
    for entry in w.weekly.ranking:
        rate = fmt.percent(entry.reporting_rate)
        if entry.score is None:
            text = w("ranking.no_quota", unit=w.unit(entry.unit), rate=rate)
        else:
            text = w("ranking.entry", unit=w.unit(entry.unit), score=fmt.percent(entry.score), rate=rate)
        items.append(Item(f"{entry.rank}.", text))
    return tuple(items)


def ranking_table(w: Words) -> Table:
    header = (t("col.rank", w.lang), t("col.unit", w.lang), w("col.quotas"), t("col.mean_progress", w.lang),
              t("col.report_rate", w.lang), t("col.timely_rate", w.lang))
    rows = []
    for entry in w.weekly.ranking:
        c = entry.completeness
        rows.append((str(entry.rank), w.unit(entry.unit), str(entry.quotas), fmt.percent(entry.score),
                     fmt.percent(entry.reporting_rate), fmt.percent(c.on_time_rate if c else None)))
    return Table(header, tuple(rows), (True, False, True, True, True, True))
