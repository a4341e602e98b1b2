"""`minzheng report`: the report rendered in the format asked for, from one `Weekly`.

Every format is one entry of `RENDERERS` (format name → function of the report's words, the computed week, the
language and the layout asked for), so that a new format is one function and one line here. A format in `BINARY`
is bytes (a file: never shown on a terminal); a format in `BRIEFS` also has the leader's version (`--brief`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from minzheng_cli.catalogue import Lang
from minzheng_cli.engine.weekly import Weekly
from minzheng_cli.render import report_html, report_json, report_text
from minzheng_cli.render.report_brief import Brief, brief_of
from minzheng_cli.render.report_words import Document, document


@dataclass(frozen=True)
class Layout:
    """How the words are laid out where a format leaves it open: `width`, the columns text lines are filled to;
    None for no line breaks but between paragraphs and items (a chat message wraps them itself)."""

    width: int | None = None


def _docx(doc: Document, weekly: Weekly, lang: Lang) -> bytes:
    from minzheng_cli.render import report_docx  # python-docx and lxml only for a Word report

    return report_docx.as_docx(doc, weekly, lang)


Renderer = Callable[[Document, Weekly, Lang, Layout], str | bytes]

RENDERERS: dict[str, Renderer] = {
    "text": lambda doc, weekly, lang, layout: report_text.as_text(doc, layout.width, report_text.names(weekly)),
    "markdown": lambda doc, weekly, lang, layout: report_text.as_markdown(doc),
    "html": lambda doc, weekly, lang, layout: report_html.as_html(doc, weekly, lang),
    "json": lambda doc, weekly, lang, layout: report_json.as_json(weekly, lang),
    "docx": lambda doc, weekly, lang, layout: _docx(doc, weekly, lang),
}
FORMATS = tuple(RENDERERS)
BINARY = frozenset({"docx"})

BriefRenderer = Callable[[Brief, Weekly, Layout], str]

BRIEFS: dict[str, BriefRenderer] = {
    "text": lambda short, weekly, layout: report_text.brief_text(short, layout.width, report_text.names(weekly)),
    "markdown": lambda short, weekly, layout: report_text.brief_markdown(short),
}


def render(weekly: Weekly, format: str, lang: Lang, layout: Layout = Layout(), brief: bool = False) -> str | bytes:
    """The whole report in one of FORMATS: text ending in a newline, or the bytes of a file (BINARY); with
    `brief`, the leader's version (`--brief`), in one of BRIEFS."""
    renderer = RENDERERS.get(format)
    if renderer is None:
        raise ValueError(f"unknown report format {format!r}; use one of {', '.join(FORMATS)}")
    doc = document(weekly, lang)
    if brief:
        brief_renderer = BRIEFS.get(format)
        if brief_renderer is None:
            raise ValueError(f"no brief report in {format!r}; use one of {', '.join(BRIEFS)}")
        return brief_renderer(brief_of(doc, weekly, lang), weekly, layout)
    return renderer(doc, weekly, lang, layout)
