"""`minzheng report --format docx`: a Word document laid out as a 公文-style report (DESIGN §3, `report`).

Read back with python-docx for its layout (A4, 公文 margins, fonts named for East Asian text with their
fall-backs, 三号 仿宋 at a fixed line spacing, numbered items, the ranking as a table), and converted by the real
LibreOffice (`soffice --headless --convert-to pdf`, installed by `.ci/run`) to check that it opens and prints on
A4 with every section heading. The converted PDF is kept for review in the folder named by
MINZHENG_TEST_ARTIFACTS (default: tests/artifacts/, which git ignores).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from docx.document import Document as Docx
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import YEAR, YEAR_TODAY, DataDir, report
from minzheng_cli.cli import app
from minzheng_cli.cli import report as report_command
from minzheng_cli.model.folder import SAMPLE_MARKER
from minzheng_cli.render.report_docx import PPR_ORDER

runner = CliRunner()
SOFFICE = shutil.which("soffice")
needs_office = pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice (apt-get install libreoffice-writer-nogui)")
ARTIFACTS = Path(os.environ.get("MINZHENG_TEST_ARTIFACTS") or Path(__file__).resolve().parent / "artifacts")
A4 = (595.28, 841.89)  # points


def invoke(*args: str, data: Path = YEAR, today: str = YEAR_TODAY) -> Any:
    return runner.invoke(app, ["--data", str(data), "report", *args], env={"MINZHENG_TODAY": today})


@pytest.fixture(scope="module")
def year_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "周报.docx"
    result = invoke("--week", "2025-W26", "--format", "docx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def word(year_docx: Path) -> Docx:
    return open_docx(str(year_docx))


@pytest.fixture(scope="module")
def markdown() -> str:
    result = invoke("--week", "2025-W26", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def headings(markdown: str) -> list[str]:
    return [line.removeprefix("## ").replace("\\", "") for line in markdown.splitlines() if line.startswith("## ")]


def fonts(element: Any) -> dict[str, str]:
    """The font of each slot (ascii, hAnsi, eastAsia, cs) of an element's w:rFonts."""
    found = element.find(qn("w:rPr")).find(qn("w:rFonts")) if element.find(qn("w:rPr")) is not None else None
    assert found is not None
    return {slot: found.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")}


# ----------------------------------------------------------------------------------------------------
# layout, read back


def test_the_page_is_a4_with_the_margins_of_a_gongwen(word: Docx) -> None:
    (section,) = word.sections
    mm = [round(length.mm, 1) for length in (section.page_width, section.page_height, section.top_margin,
                                             section.bottom_margin, section.left_margin, section.right_margin)]
    assert mm == [210, 297, 37, 35, 28, 26]  # A4; top, bottom, left, right (stored in twips: to 0.1 mm)


def test_title_headings_and_body_name_their_chinese_fonts_in_every_slot(word: Docx) -> None:
    styles = {name: word.styles[name] for name in ("Report Title", "Report Heading", "Report Body", "Report Subtitle")}
    expected = {"Report Title": "方正小标宋简体", "Report Heading": "黑体", "Report Body": "仿宋", "Report Subtitle": "楷体"}
    for name, style in styles.items():
        assert set(fonts(style.element).values()) == {expected[name]}, name
    assert styles["Report Title"].font.size == Pt(22)  # 二号
    for name in ("Report Heading", "Report Body", "Report Subtitle"):
        assert styles[name].font.size == Pt(16)  # 三号
    # every run without a style of its own is 仿宋 too, and Chinese
    defaults = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert set(fonts(defaults).values()) == {"仿宋"}
    assert defaults.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_each_font_is_declared_with_its_fall_backs(year_docx: Path) -> None:
    table = zipfile.ZipFile(year_docx).read("word/fontTable.xml").decode("utf-8")
    declared = dict(re.findall(r'<w:font w:name="([^"]+)"><w:altName w:val="([^"]+)"/>', table))
    assert declared["方正小标宋简体"] == "华文中宋,宋体,Noto Serif CJK SC"
    assert declared["仿宋"] == "仿宋_GB2312,Noto Serif CJK SC"
    assert declared["黑体"] == "Noto Sans CJK SC"
    assert table.count('<w:charset w:val="86"/>') == len(declared)  # GB2312: substitutes are Chinese fonts
    assert "ＭＳ" not in table and "Cambria" not in table  # none of the template's Japanese or Latin fonts


def test_paragraph_properties_are_in_the_schema_order_word_requires(year_docx: Path) -> None:
    package = zipfile.ZipFile(year_docx)
    for part in ("word/styles.xml", "word/document.xml", "word/footer1.xml"):
        root = etree.fromstring(package.read(part))
        for properties in root.iter(qn("w:pPr")):
            order = [PPR_ORDER.index(etree.QName(child).localname) for child in properties]
            assert order == sorted(order), f"{part}: {[etree.QName(c).localname for c in properties]}"


def test_body_is_sanshao_fangsong_at_a_fixed_line_spacing(word: Docx) -> None:
    body = word.styles["Report Body"].paragraph_format
    assert body.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert Pt(28) <= body.line_spacing <= Pt(29)
    assert body.first_line_indent == Pt(32)  # two characters


def test_title_period_sections_and_numbered_items_follow_the_report(word: Docx, markdown: str) -> None:
    paragraphs = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    lines = markdown.splitlines()
    assert paragraphs[0] == ("Report Title", lines[0].removeprefix("# "))
    assert paragraphs[1] == ("Report Subtitle", lines[2])
    assert paragraphs[1][1].endswith("数据截至6月29日")
    assert [text for style, text in paragraphs if style == "Report Heading"] == headings(markdown)
    assert len(headings(markdown)) >= 6
    # the numbered items of Markdown, as 公文 writes them: 1.加强…
    items = [re.sub(r"^(\d+)\. ", r"\1.", line).replace("\\", "") for line in lines if re.match(r"\d+\. ", line)]
    assert [text for style, text in paragraphs if style == "Report Body" and re.match(r"\d+\.", text)] == items


def test_the_ranking_is_a_table_with_its_header_on_every_page(word: Docx, markdown: str) -> None:
    (table,) = word.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    ranking = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert rows == [[cell.strip() for cell in line.strip("|").split("|")] for line in ranking]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_illustrative_data_carry_the_sample_banner(data: DataDir, tmp_path: Path) -> None:
    data.write_report("nanxun", "2025-06-27", report("nanxun", "2025-06-27", '  "1.1": 30\n'))
    out = tmp_path / "周报.docx"
    assert invoke("--as-of", "2025-06-29", "--format", "docx", "-o", str(out), data=data.root,
                  today="2025-07-15").exit_code == 0
    assert not [p for p in open_docx(str(out)).paragraphs if p.style.name == "Report Sample"]
    (data.root / SAMPLE_MARKER).write_text("示例数据\n", encoding="utf-8")
    assert invoke("--as-of", "2025-06-29", "--format", "docx", "-o", str(out), data=data.root,
                  today="2025-07-15").exit_code == 0
    banners = [p.text for p in open_docx(str(out)).paragraphs if p.style.name == "Report Sample"]
    assert len(banners) == 1 and "示例数据" in banners[0]


# ----------------------------------------------------------------------------------------------------
# bytes: to a file or a pipe, never onto a terminal


def test_docx_goes_into_a_pipe_as_bytes() -> None:
    result = invoke("--week", "2025-W26", "--format", "docx")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes[:2] == b"PK"
    assert open_docx(io.BytesIO(result.stdout_bytes)).paragraphs[0].text.endswith("周报")


def test_docx_is_refused_on_a_terminal_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_command, "is_terminal", lambda: True)
    result = invoke("--week", "2025-W26", "--format", "docx")
    assert result.exit_code == 2
    assert result.stdout_bytes == b""
    assert len(result.stderr.strip().splitlines()) == 1 and "-o" in result.stderr


# ----------------------------------------------------------------------------------------------------
# LibreOffice opens it and prints it on A4


def convert(docx: Path, out: Path) -> Path:
    """The PDF LibreOffice makes of `docx`, in `out` (a fresh LibreOffice profile each time)."""
    assert SOFFICE is not None
    profile = out / "profile"
    converted = subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                               capture_output=True, text=True, timeout=180, check=False)
    pdf = out / (docx.stem + ".pdf")
    assert converted.returncode == 0 and pdf.is_file(), converted.stderr[-2000:]
    return pdf


def pdf_text(pdf: Path) -> str:
    """The PDF's text without white space: poppler's pdftotext where installed (it reads Chinese back as the
    characters), else pypdf."""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              timeout=60, check=True).stdout
    else:
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@needs_office
def test_libreoffice_converts_it_to_an_a4_pdf_with_every_section(year_docx: Path, markdown: str,
                                                                tmp_path: Path) -> None:
    pdf = convert(year_docx, tmp_path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, ARTIFACTS / "report-docx.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - A4[0]) < 2 and abs(float(page.mediabox.height) - A4[1]) < 2
    text = pdf_text(pdf)
    for heading in headings(markdown):
        assert re.sub(r"\s+", "", unicodedata.normalize("NFKC", heading)) in text, heading
    assert "千金镇" in text  # the ranking table's cells are there too
