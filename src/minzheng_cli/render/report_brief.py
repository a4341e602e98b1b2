"""The leader's version of the report (`report --brief`): at most ten lines, one thing each.

    title（简报）
    period and 数据截至
    总体: the number of indicators, the lights, 序时进度
    红灯N项:            (or 红灯：无。)
    1. each red indicator, with what makes it red (the gap to pace, the due date, the completion, the cap) …
    报送: who has not reported (the first sentence of 报送情况)

Five red indicators at most are named; with more, four are and a last line says how many more there are. The words
are the full report's (its title, subtitle, the engine's statuses and lights), so the brief says nothing the report
does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from minzheng_cli.catalogue import Lang
from minzheng_cli.catalogue.report import Brief as Words
from minzheng_cli.catalogue.report import Report
from minzheng_cli.engine.weekly import Alert, Weekly
from minzheng_cli.render import fmt
from minzheng_cli.render.report_words import Document, Item, Writer, reporting

LINES = 10  # at most, title included
RED_LINES = LINES - 5  # title, period, overall, the red heading and reporting take five


@dataclass(frozen=True)
class Brief:
    lang: Lang
    title: str
    lines: tuple[Item, ...]  # the lines after the title; the red items numbered


def brief_of(doc: Document, weekly: Weekly, lang: Lang) -> Brief:
    w = Writer(weekly, lang)
    result = weekly.current.result
    lights = w.list_sep.join(w(Report.count_light, light=fmt.light_word(light, lang), n=n)
                             for light, n in result.by_light().items())
    pace = fmt.pace(weekly.plan_pace)
    n = len(result.indicators)
    overall = w(Words.overall, n=n, lights=lights, pace=pace) if lights else w(Words.overall_unlit, n=n, pace=pace)
    reds = [a for a in weekly.alerts if a.result.light == "red"]
    shown = reds if len(reds) <= RED_LINES else reds[:RED_LINES - 1]
    lines = [Item("", doc.subtitle), Item("", overall),
             Item("", w(Words.reds, n=len(reds)) if reds else w(Words.no_reds))]
    lines += [Item(f"{i}.", red(w, a)) for i, a in enumerate(shown, start=1)]
    if len(shown) < len(reds):
        lines.append(Item("", w(Words.more_reds, n=len(reds) - len(shown))))
    lines.append(Item("", reporting(w)[0]))
    return Brief(lang, w(Words.title, title=doc.title), tuple(lines))


def red(w: Writer, a: Alert) -> str:
    """One red indicator and what makes it red, in one sentence."""
    r = a.result
    name, status = w.name(r), w.result_status(r)
    if r.status == "over_cap":
        return w(Words.red_cap, name=name, status=status, actual=w.actual(r), target=fmt.target_text(r))
    if r.status == "overdue":
        return w(Words.red_overdue, name=name, status=status, due=w.day(r.due))
    if r.status == "missed" and r.completion is not None:
        return w(Words.red_missed, name=name, status=status, completion=fmt.percent(r.completion))
    if r.gap is not None and r.gap > 0:
        return w(Words.red_gap, name=name, status=status, gap=fmt.points(r.gap))
    return w(Words.red_other, name=name, status=status)
