"""The weekly report as one self-contained HTML file, for office machines without internet.

No script, no external style sheet, font or image, no URL at all: the style is inline, the charts are inline
SVG, and Chinese text is left to the browser's own fonts (a font stack of the usual Windows, macOS and Linux
CJK fonts, then the generic family). The words are the same `Document` as the text report; the charts draw
each indicator's progress against 序时进度 and each township's standing.
"""

from __future__ import annotations

from fractions import Fraction
from html import escape

from minzheng_cli.catalogue import Lang, Text
from minzheng_cli.catalogue.report import Chart
from minzheng_cli.engine.ranking import UnitRank
from minzheng_cli.engine.status import IndicatorResult
from minzheng_cli.engine.weekly import Weekly
from minzheng_cli.render import fmt
from minzheng_cli.render.report_words import Document, Section
from minzheng_cli.render.table import Table

FONTS = '"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", ' \
        '"WenQuanYi Micro Hei", sans-serif'
COLOURS = {"green": "#2e7d32", "yellow": "#e0a100", "red": "#c62828", None: "#9e9e9e"}
STYLE = f"""
body {{ font-family: {FONTS}; color: #222; background: #fff; margin: 0 auto; max-width: 60em;
       padding: 1.5em 1.5em 3em; line-height: 1.6; font-size: 15px; }}
h1 {{ font-size: 1.5em; margin: 0.2em 0; }}
h2 {{ font-size: 1.15em; border-bottom: 2px solid #b71c1c; padding-bottom: 0.15em; margin-top: 1.6em; }}
.subtitle {{ color: #555; margin: 0 0 1em; }}
.sample {{ border: 2px solid #c62828; background: #fff3e0; color: #b71c1c; font-weight: bold; padding: 0.5em 0.8em;
          margin: 0.5em 0 1em; }}
.note {{ color: #555; font-size: 0.9em; }}
ol {{ padding-left: 2.2em; }} li {{ margin: 0.25em 0; }}
.lights {{ display: flex; gap: 0.8em; flex-wrap: wrap; margin: 0.6em 0; }}
.light {{ border-radius: 4px; color: #fff; padding: 0.2em 0.8em; font-weight: bold; }}
figure {{ margin: 1em 0; }} figcaption {{ font-weight: bold; margin-bottom: 0.3em; }}
svg {{ width: 100%; height: auto; font-family: {FONTS}; }}
svg text {{ font-size: 12px; fill: #333; }}
table {{ border-collapse: collapse; margin: 0.5em 0; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.7em; }} th {{ background: #f3f3f3; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
@media print {{ body {{ max-width: none; padding: 0; }} h2 {{ break-after: avoid; }} figure {{ break-inside: avoid; }} }}
"""
WIDTH, LABEL, BAR, ROW = 800, 290, 330, 22


def as_html(doc: Document, weekly: Weekly, lang: Lang) -> str:
    parts = ["<!doctype html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}">', "<head>",
             '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(doc.title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
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
            parts.append(indicator_chart(weekly.current.result.indicators, lang))
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
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _lights(weekly: Weekly, lang: Lang) -> str:
    counts = weekly.current.result.by_light()
    chips = "".join(f'<span class="light" style="background:{COLOURS[light]}">'
                    f"{escape(fmt.light_word(light, lang))} {n}</span>" for light, n in counts.items())
    return f'<div class="lights">{chips}</div>'


def _short(text: str, limit: int = 19) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clamped(share: Fraction) -> float:
    return max(0.0, min(1.0, float(share)))


def _legend(y: int, lang: Lang, label: Text = Chart.progress) -> str:
    x, pace_x = LABEL, LABEL + BAR + 8
    return "".join([f'<rect x="{x}" y="{y - 9}" width="14" height="10" fill="{COLOURS["green"]}"/>',
                    f'<text x="{x + 18}" y="{y}">{escape(label.render(lang))}</text>',
                    f'<line x1="{pace_x}" y1="{y - 11}" x2="{pace_x}" y2="{y + 2}" stroke="#1a237e" '
                    'stroke-width="2"/>', f'<text x="{pace_x + 6}" y="{y}">{escape(Chart.pace.render(lang))}</text>'])


def _grid(top: int, bottom: int) -> str:
    out = []
    for tick in (0, 25, 50, 75, 100):
        x = LABEL + BAR * tick / 100
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle">{tick}%</text>')
    return "".join(out)


def _bar_row(y: int, label: str, full: str, share: Fraction | None, colour: str, value: str,
             marker: Fraction | None) -> str:
    out = [f"<g><title>{escape(full)}</title>",
           f'<text x="{LABEL - 8}" y="{y + 14}" text-anchor="end">{escape(label)}</text>',
           f'<rect x="{LABEL}" y="{y + 4}" width="{BAR}" height="13" fill="#f1f1f1"/>']
    if share is not None:
        out.append(f'<rect x="{LABEL}" y="{y + 4}" width="{BAR * _clamped(share):.1f}" height="13" '
                   f'fill="{colour}"/>')
    # the light as a dot at the bar's start, so that a bar of 0% (or no bar) still shows its colour
    out.append(f'<circle cx="{LABEL - 3}" cy="{y + 10.5}" r="3.5" fill="{colour}"/>')
    if marker is not None:
        x = LABEL + BAR * _clamped(marker)
        out.append(f'<line x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + 20}" stroke="#1a237e" '
                   'stroke-width="2"/>')
    out.append(f'<text x="{LABEL + BAR + 8}" y="{y + 14}">{escape(value)}</text></g>')
    return "".join(out)


def _svg(caption: str, height: int, body: str) -> str:
    return (f"<figure><figcaption>{escape(caption)}</figcaption>"
            f'<svg viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-label="{escape(caption)}">{body}</svg></figure>')


def indicator_chart(results: tuple[IndicatorResult, ...], lang: Lang) -> str:
    """One bar per indicator: its progress (completion where it has no pace comparison), coloured by its
    light, with a marker at its 序时进度 where progress is compared with pace."""
    top = 24
    rows = [_legend(14, lang)]
    for i, r in enumerate(results):
        share = r.share
        label = f"{r.indicator.id} {_short(r.indicator.name)}"
        status = fmt.result_status(r, lang)
        light = fmt.light_word(r.light, lang) if r.light else ""
        full = f"{r.indicator.id} {r.indicator.name}: {status}"
        value = " ".join(x for x in (fmt.percent(share) if share is not None else "", status, light) if x)
        marker = r.pace if r.paced else None
        rows.append(_bar_row(top + i * ROW, label, full, share, COLOURS[r.light], value, marker))
    bottom = top + len(results) * ROW
    return _svg(Chart.indicators.render(lang), bottom + 24, _grid(top, bottom) + "".join(rows))


def units_chart(ranking: tuple[UnitRank, ...], weekly: Weekly, lang: Lang) -> str:
    """One bar per township: its mean progress on quotas, with the year's 序时进度 as the marker."""
    top = 24
    rows = [_legend(14, lang, Chart.mean)]
    for i, entry in enumerate(ranking):
        name = weekly.unit_name(entry.unit)
        label = f"{entry.rank}. {name}"
        value = Chart.no_quota.render(lang) if entry.score is None else fmt.percent(entry.score)
        colour = COLOURS[entry.light]
        rows.append(_bar_row(top + i * ROW, label, name, entry.score, colour, value, weekly.plan_pace))
    bottom = top + len(ranking) * ROW
    return _svg(Chart.units.render(lang), bottom + 24, _grid(top, bottom) + "".join(rows))
