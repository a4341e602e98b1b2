"""`minzheng report`: the weekly report rendered in the format asked for, from one `Weekly`."""

from __future__ import annotations

from minzheng_cli.engine.weekly import Weekly
from minzheng_cli.i18n import Lang
from minzheng_cli.render import report_html, report_text
from minzheng_cli.render.report_words import document

FORMATS = ("text", "markdown", "html")


def render(weekly: Weekly, format: str, lang: Lang) -> str:
    """The whole report as one string ending in a newline: `text`, `markdown` or `html`."""
    doc = document(weekly, lang)
    if format == "html":
        return report_html.as_html(doc, weekly, lang)
    if format == "markdown":
        return report_text.as_markdown(doc)
    if format == "text":
        return report_text.as_text(doc)
    raise ValueError(f"unknown report format {format!r}; use one of {', '.join(FORMATS)}")
