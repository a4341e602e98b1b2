"""The weekly report as one self-contained HTML file, for office machines without internet.

No script, no external style sheet, font or image, no URL at all: the style (report.css, beside this module) is
inline, the charts are HTML bars drawn by that style, and Chinese text is left to the browser's own fonts (a font
stack of the usual Windows, macOS and Linux CJK fonts, then the generic family). The words are the same `Document`
as the text report; the charts draw each indicator's progress against 序时进度 and each township's standing.

Laid out for where it is read (report.css):

- a phone (390 px) as well as a desktop: chart labels are text at the page's size, over their bar on a narrow
  screen; tables scroll sideways in their own box instead of wrapping a name one character a line; nothing is
  wider than the screen;
- print on A4: the indicator chart is one figure per part of the plan (the sections of its tasks, (一)(二)…), each
  kept whole on a page with its caption; headings and captions are kept with what follows them;
- lights by word and colour: every light is a word (绿灯, 黄灯, 红灯) in a chip of its colour, so that a bar at 0%,
  a grey printer or a colour-blind reader loses nothing.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from html import escape
from importlib import resources

from minzheng_cli.catalogue import Lang
from minzheng_cli.catalogue.report import Chart
from minzheng_cli.engine.ranking import UnitRank
from minzheng_cli.engine.status import IndicatorResult
from minzheng_cli.engine.weekly import Weekly
from minzheng_cli.render import fmt
from minzheng_cli.render.report_words import Document, Section
from minzheng_cli.render.table import Table

LIGHTS = ("green", "yellow", "red")


@cache
def style() -> str:
    """The style sheet, inlined into every page."""
    return resources.files("minzheng_cli.render").joinpath("report.css").read_text(encoding="utf-8")


def as_html(doc: Document, weekly: Weekly, lang: Lang) -> str:
    parts = ["<!doctype html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}">', "<head>",
             '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(doc.title)}</title>", f"<style>{style()}</style>", "</head>", "<body>",
             f"<h1>{escape(doc.title)}</h1>", f'<p class="subtitle">{escape(doc.subtitle)}</p>']
    if doc.sample:
        parts.append(f'<p class="sample" role="note">{escape(doc.sample)}</p>')
    for section in doc.sections:
        parts.append(f'<section id="{section.key}">')
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        if section.key == "overview":
            parts.append(_lights(weekly, lang))
        if section.key == "ranking":
            parts.append(units_chart(weekly.ranking, weekly, lang))
        parts.append(_table(section.table) if section.table is not None else _items(section))
        if section.note:
            parts.append(f'<p class="note">{escape(section.note)}</p>')
        if section.key == "overview":
            parts.append(indicator_chart(weekly, lang))
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _items(section: Section) -> str:
    if all(not item.number for item in section.items):
        return "".join(f"<p>{escape(item.text)}</p>" for item in section.items)
    rows = "".join(f'<li value="{escape(item.number.rstrip("."))}">{escape(item.text)}</li>'
                   for item in section.items)
    return f"<ol>{rows}</ol>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    body = "".join("<tr>" + "".join(f'<td{" class=n" if n else ""}>{escape(c)}</td>'
                                    for c, n in zip(row, table.numeric, strict=True)) + "</tr>"
                   for row in table.rows)
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _light_class(light: str | None) -> str:
    return light if light in LIGHTS else "none"


def _chip(light: str | None, lang: Lang, count: int | None = None) -> str:
    """A light as a word in a chip of its colour (绿灯, or 绿灯 47 with a count); nothing for no light."""
    if light is None:
        return ""
    text = fmt.light_word(light, lang) + ("" if count is None else f" {count}")
    return f'<span class="light {_light_class(light)}">{escape(text)}</span>'


def _lights(weekly: Weekly, lang: Lang) -> str:
    counts = weekly.current.result.by_light()
    chips = "".join(f"<li>{_chip(light, lang, n)}</li>" for light, n in counts.items())
    return f'<ul class="lights">{chips}</ul>'


def _clamped(share: Fraction) -> float:
    return max(0.0, min(1.0, float(share)))


def _position(share: Fraction) -> str:
    """A share as a CSS length along the bar, clamped to the bar."""
    return f"{_clamped(share) * 100:.1f}%"


def _legend(lang: Lang, progress: str) -> str:
    return (f'<ul class="legend"><li><span class="swatch"></span>{escape(progress)}</li>'
            f'<li><span class="tick"></span>{escape(Chart.pace.render(lang))}</li></ul>')


def _bar(label: str, title: str, share: Fraction | None, light: str | None, marker: Fraction | None,
         value: str) -> str:
    """One bar of a chart: its label (HTML), the bar filled to `share` in its light's colour with a tick at
    `marker` (序时进度), and its value (HTML) in words."""
    fill = "" if share is None else \
        f'<span class="fill {_light_class(light)}" style="width:{_position(share)}"></span>'
    tick = "" if marker is None else f'<span class="pace" style="left:{_position(marker)}"></span>'
    return (f'<li class="bar" title="{escape(title)}"><span class="label">{label}</span>'
            f'<span class="track" aria-hidden="true">{fill}{tick}</span><span class="value">{value}</span></li>')


def parts_of_plan(weekly: Weekly) -> list[tuple[str, list[IndicatorResult]]]:
    """The indicators in plan order, in runs of the same section of the plan ((一)实施积极应对人口老龄化国家战略 …)."""
    section_of = {task.number: task.section for task in weekly.targets.tasks}
    parts: list[tuple[str, list[IndicatorResult]]] = []
    for result in weekly.current.result.indicators:
        section = section_of.get(result.indicator.task, "")
        if not parts or parts[-1][0] != section:
            parts.append((section, []))
        parts[-1][1].append(result)
    return parts


def indicator_chart(weekly: Weekly, lang: Lang) -> str:
    """One bar per indicator: its progress (completion where it has no pace comparison), coloured by its light
    and named by it, with a tick at its 序时进度 where progress is compared with pace; one figure per part of
    the plan, so that each stays whole on a printed page."""
    caption = Chart.indicators.render(lang)
    out = [f'<div class="chart-head"><p class="chart-title">{escape(caption)}</p>'
           f"{_legend(lang, Chart.progress.render(lang))}</div>"]
    for section, results in parts_of_plan(weekly):
        bars = []
        for r in results:
            share = r.share
            status = fmt.result_status(r, lang)
            label = f'<span class="id">{escape(r.indicator.id)}</span>{escape(r.indicator.name)}'
            value = " ".join(x for x in (escape(fmt.percent(share)) if share is not None else "",
                                         _chip(r.light, lang), escape(status)) if x)
            bars.append(_bar(label, f"{r.indicator.id} {r.indicator.name}: {status}", share, r.light,
                             r.pace if r.paced else None, value))
        out.append(f'<figure class="bars"><figcaption>{escape(section)}</figcaption>'
                   f'<ul class="bars">{"".join(bars)}</ul></figure>')
    return f'<div class="chart" role="group" aria-label="{escape(caption)}">{"".join(out)}</div>'


def units_chart(ranking: tuple[UnitRank, ...], weekly: Weekly, lang: Lang) -> str:
    """One bar per township: its mean progress on quotas, coloured by its light and named by it, with the
    year's 序时进度 as the tick."""
    bars = []
    for entry in ranking:
        name = weekly.unit_name(entry.unit)
        label = f'<span class="id">{entry.rank}.</span>{escape(name)}'
        if entry.score is None:
            value = escape(Chart.no_quota.render(lang))
        else:
            value = " ".join(x for x in (escape(fmt.percent(entry.score)), _chip(entry.light, lang)) if x)
        bars.append(_bar(label, name, entry.score, entry.light, weekly.plan_pace, value))
    return (f'<figure class="bars"><figcaption>{escape(Chart.units.render(lang))}'
            f"{_legend(lang, Chart.mean.render(lang))}</figcaption>"
            f'<ul class="bars">{"".join(bars)}</ul></figure>')
