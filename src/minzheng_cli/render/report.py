"""`minzheng report`: the weekly report rendered in the format asked for, from one `Weekly`.

Every format is one entry of `RENDERERS` (format name → function of the report's words, the computed week and
the language), so that a new format is one function and one line here."""

from __future__ import annotations

from collections.abc import Callable

from minzheng_cli.catalogue import Lang
from minzheng_cli.engine.weekly import Weekly
from minzheng_cli.render import report_html, report_json, report_text
from minzheng_cli.render.report_words import Document, document

Renderer = Callable[[Document, Weekly, Lang], str]

RENDERERS: dict[str, Renderer] = {
    "text": lambda doc, weekly, lang: report_text.as_text(doc),
    "markdown": lambda doc, weekly, lang: report_text.as_markdown(doc),
    "html": report_html.as_html,
    "json": lambda doc, weekly, lang: report_json.as_json(weekly, lang),
}
FORMATS = tuple(RENDERERS)


def render(weekly: Weekly, format: str, lang: Lang) -> str:
    """The whole report as one string ending in a newline, in one of FORMATS."""
    renderer = RENDERERS.get(format)
    if renderer is None:
        raise ValueError(f"unknown report format {format!r}; use one of {', '.join(FORMATS)}")
    return renderer(document(weekly, lang), weekly, lang)
