"""The weekly report as a Word document laid out as a 公文-style report (DESIGN §3, `report --format docx`).

The layout follows 《党政机关公文格式》(GB/T 9704-2012) as district bureaus practise it for a 周报:

- A4 (210 × 297 mm); margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 × 225 mm text block);
- the title in 二号 (22 pt) 小标宋, centred; under it the period and 数据截至 line in 三号 楷体, centred;
- the 示例数据 notice, when the data are illustrative, in a red box under it, where no reader can miss it;
- section headings (一、二、…) in 三号 黑体, not bold, indented two characters, kept with what follows;
- the body in 三号 (16 pt) 仿宋, first line indented two characters, at a fixed line spacing of 28.95 pt, which
  gives the 22 lines a page of the standard; numbered items as the document numbers them (1. 2. …, ties in the
  ranking share a number), written out rather than left to Word's list numbering, so every program shows them alike;
- the ranking as a table in 四号 (14 pt), its header row in 黑体 and repeated on every page, rows never split;
- the page number at the foot, centred, as "— 1 —".

Fonts. The 公文 fonts (方正小标宋简体, 仿宋_GB2312 …) are installed in most Chinese offices and rarely
elsewhere. Each run names its font in every slot of `w:rFonts`, the East Asian one (`w:eastAsia`) included: the
Latin slots alone (all that python-docx's `font.name` sets) leave Chinese text to the theme's East Asian font.
Each font is declared in the font table with its fall-backs as the standard provides (`w:altName`, a
comma-separated list), its character set (GB2312) and its family, so that Word and WPS substitute a font of the
same kind where the first is missing. LibreOffice ignores `w:altName` and substitutes by itself (on a Linux
machine, the CJK font fontconfig prefers for Chinese); the text is never shown as boxes.

Everything shown comes from the report's `Document`: this module lays it out and decides nothing.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import quoteattr

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from minzheng_cli.catalogue import Lang
from minzheng_cli.engine.weekly import Weekly
from minzheng_cli.render.report_words import Document, Section
from minzheng_cli.render.table import Table
from minzheng_cli.render.width import cells

# Each font with its fall-backs, the first the 公文 font an office has, the last one any Linux machine with
# fonts-noto-cjk has.
TITLE_FONTS = ("方正小标宋简体", "华文中宋", "宋体", "Noto Serif CJK SC")
SUBTITLE_FONTS = ("楷体", "楷体_GB2312", "Noto Serif CJK SC")
HEADING_FONTS = ("黑体", "Noto Sans CJK SC")
BODY_FONTS = ("仿宋", "仿宋_GB2312", "Noto Serif CJK SC")
FOOTER_FONTS = ("宋体", "Noto Serif CJK SC")
# font-table family and pitch of each first font: serif faces are "roman", 黑体 and 仿宋 "modern" (fixed pitch)
FAMILIES = {"方正小标宋简体": ("roman", "variable"), "楷体": ("modern", "fixed"), "黑体": ("modern", "fixed"),
            "仿宋": ("modern", "fixed"), "宋体": ("auto", "variable")}
GB2312 = "86"  # the font table's character set of simplified Chinese

TITLE_SIZE, BODY_SIZE, TABLE_SIZE, FOOTER_SIZE = Pt(22), Pt(16), Pt(14), Pt(14)  # 二号, 三号, 四号, 四号
LINE = Pt(28.95)  # fixed line spacing: 22 lines in the 225 mm text block
TITLE_LINE = Pt(36)
TABLE_LINE = Pt(22)
INDENT = Pt(32)  # two characters of 三号
TEXT_WIDTH = Mm(210 - 28 - 26)  # the text block: 156 mm
RED = RGBColor(0xC0, 0x00, 0x00)

# the children of w:pPr in the order of the schema (ECMA-376 CT_PPr)
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")

STYLE_TITLE, STYLE_SUBTITLE, STYLE_HEADING = "Report Title", "Report Subtitle", "Report Heading"
STYLE_BODY, STYLE_TABLE, STYLE_BANNER = "Report Body", "Report Table", "Report Sample"


def as_docx(doc: Document, weekly: Weekly, lang: Lang) -> bytes:
    """The report as the bytes of a .docx file."""
    word = new_docx()
    _page(word)
    _defaults(word, doc.lang)
    _styles(word)
    _fonts(word)
    _properties(word, doc)

    word.add_paragraph(doc.title, STYLE_TITLE)
    word.add_paragraph(doc.subtitle, STYLE_SUBTITLE)
    if doc.sample:
        word.add_paragraph(doc.sample, STYLE_BANNER)
    for section in doc.sections:
        _section(word, section, doc.lang)
    _footer(word)

    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------------------------------
# content


def _section(word: DocxDocument, section: Section, lang: Lang) -> None:
    word.add_paragraph(section.heading, STYLE_HEADING)
    if section.table is not None:
        _table(word, section.table)
    else:
        space = " " if lang == "en" else ""  # 公文 writes 1.加强…; English 1. Strengthen…
        for item in section.items:
            word.add_paragraph(f"{item.number}{space}{item.text}" if item.number else item.text, STYLE_BODY)
    if section.note:
        word.add_paragraph(section.note, STYLE_BODY)


def _table(word: DocxDocument, table: Table) -> None:
    grid = word.add_table(rows=1 + len(table.rows), cols=len(table.header))
    grid.style = word.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, size in zip(grid.columns, _column_widths(table), strict=True):
        column.width = size
        for cell in column.cells:
            cell.width = size
    for r, texts in enumerate((table.header, *table.rows)):
        row = grid.rows[r]
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if r == 0:
            properties.append(OxmlElement("w:tblHeader"))  # repeated at the top of every page
        for c, text in enumerate(texts):
            paragraph = row.cells[c].paragraphs[0]
            paragraph.style = word.styles[STYLE_TABLE]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(text)
            if r == 0:
                _set_fonts(run.element.get_or_add_rPr(), HEADING_FONTS[0])


def _column_widths(table: Table) -> list[Length]:
    """The text block's width shared among the columns by their widest cell (header included), so that a
    header such as 分解任务数 stays on one line where the columns allow it."""
    widest = [max(cells(text) for text in column) + 2 for column in zip(table.header, *table.rows, strict=True)]
    return [Emu(int(TEXT_WIDTH * size / sum(widest))) for size in widest]


def _footer(word: DocxDocument) -> None:
    """The page number, centred: — 1 —."""
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    field = parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    paragraph._p.append(field)
    paragraph.add_run(" —")
    for run in paragraph._p.iter(qn("w:r")):
        properties = run.get_or_add_rPr()
        _set_fonts(properties, FOOTER_FONTS[0])
        _size(properties, FOOTER_SIZE)


# ----------------------------------------------------------------------------------------------------
# page, styles, fonts


def _page(word: DocxDocument) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(25)


def _defaults(word: DocxDocument, lang: Lang) -> None:
    """Every run's defaults: the body font in every slot, and the language (Chinese line breaking, and the
    East Asian language a program uses to choose a substitute font)."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(run, BODY_FONTS[0])
    _size(run, BODY_SIZE)
    language = run.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run.append(language)
    language.set(qn("w:val"), "zh-CN" if lang == "zh" else "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    settings = word.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), "en-US")
    theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _paragraph_style(word: DocxDocument, name: str, fonts: tuple[str, ...], size: Length, line: Length) -> ParagraphStyle:
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = word.styles["Normal"]
    style.quick_style = True
    _set_fonts(style.element.get_or_add_rPr(), fonts[0])
    style.font.size = size
    style.font.color.rgb = RGBColor(0, 0, 0)
    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = line
    layout.space_before = layout.space_after = Pt(0)
    layout.widow_control = True
    return style


def _styles(word: DocxDocument) -> None:
    title = _paragraph_style(word, STYLE_TITLE, TITLE_FONTS, TITLE_SIZE, TITLE_LINE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.keep_with_next = True
    title.paragraph_format.space_after = LINE  # one blank line of the body under the title block

    subtitle = _paragraph_style(word, STYLE_SUBTITLE, SUBTITLE_FONTS, BODY_SIZE, LINE)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.keep_with_next = True
    subtitle.paragraph_format.space_after = LINE

    banner = _paragraph_style(word, STYLE_BANNER, HEADING_FONTS, BODY_SIZE, LINE)
    banner.font.color.rgb = RED
    banner.paragraph_format.space_after = Pt(14)
    _paragraph_property(banner, f'<w:pBdr {nsdecls("w")}>' + "".join(
        f'<w:{side} w:val="single" w:sz="12" w:space="4" w:color="C00000"/>' for side in ("top", "left", "bottom", "right"))
        + "</w:pBdr>")

    heading = _paragraph_style(word, STYLE_HEADING, HEADING_FONTS, BODY_SIZE, LINE)
    heading.paragraph_format.first_line_indent = INDENT
    heading.paragraph_format.keep_with_next = True
    _paragraph_property(heading, f'<w:outlineLvl {nsdecls("w")} w:val="0"/>')  # in Word's navigation pane

    body = _paragraph_style(word, STYLE_BODY, BODY_FONTS, BODY_SIZE, LINE)
    body.paragraph_format.first_line_indent = INDENT
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    _paragraph_style(word, STYLE_TABLE, BODY_FONTS, TABLE_SIZE, TABLE_LINE)


def _paragraph_property(style: ParagraphStyle, xml: str) -> None:
    """A paragraph property of `style`, put where the schema's order wants it (Word refuses a file otherwise)."""
    element = parse_xml(xml)
    tag = element.tag.split("}")[1]
    later = PPR_ORDER[PPR_ORDER.index(tag) + 1:]
    style.element.get_or_add_pPr().insert_element_before(element, *(f"w:{name}" for name in later))


def _set_fonts(properties: BaseOxmlElement, font: str) -> None:
    """`font` in every slot of a run's or style's `w:rFonts` (East Asian included), replacing theme fonts."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
    fonts.set(qn("w:hint"), "eastAsia")


def _size(properties: BaseOxmlElement, size: Length) -> None:
    for tag in ("w:sz", "w:szCs"):
        found = properties.find(qn(tag))
        if found is None:
            found = OxmlElement(tag)
            properties.append(found)
        found.set(qn("w:val"), str(int(size.pt * 2)))


def _fonts(word: DocxDocument) -> None:
    """The font table: each font the document names, with its fall-backs (`w:altName`), character set and family;
    the template's own entries (Japanese and Latin theme fonts the document no longer uses) are left out."""
    entries = []
    for chain in (TITLE_FONTS, SUBTITLE_FONTS, HEADING_FONTS, BODY_FONTS, FOOTER_FONTS):
        first, rest = chain[0], chain[1:]
        family, pitch = FAMILIES.get(first, ("auto", "variable"))
        entries.append(f"<w:font w:name={quoteattr(first)}><w:altName w:val={quoteattr(','.join(rest))}/>"
                       f'<w:charset w:val="{GB2312}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {nsdecls("w")}>'
           + "".join(entries) + "</w:fonts>")
    main = word.part
    for rel_id, rel in list(main.rels.items()):
        if rel.reltype == RT.FONT_TABLE:
            main.drop_rel(rel_id)
    part = Part(PackURI("/word/fontTable.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
                xml.encode("utf-8"), main.package)
    main.relate_to(part, RT.FONT_TABLE)


def _properties(word: DocxDocument, doc: Document) -> None:
    """The file's properties: its title and language; no author or comment of the library that wrote it, and
    no thumbnail of the template's first page."""
    core = word.core_properties
    core.title = doc.title
    core.author = core.comments = core.last_modified_by = ""
    core.language = "zh-CN" if doc.lang == "zh" else "en-US"
    package = word.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
