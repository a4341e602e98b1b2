"""`minzheng report --format html`: one self-contained file that makes no network request, and that a real
headless browser (Debian's chromium) renders with its charts: on a phone (390 px) and a desktop (1280 px) with
nothing wider than the window, and printed on A4 with no chart split across pages.

The browser tests skip only where no chromium is installed (`.ci/run` installs it with apt-get). They keep their
screenshots and the printed PDF for a person to review, in the folder named by MINZHENG_TEST_ARTIFACTS
(default: tests/artifacts/, which git ignores).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from chromium import Page, needs_browser
from chromium import run as chromium
from conftest import TODAY, YEAR, YEAR_TODAY, DataDir, report
from minzheng_cli.cli import app

runner = CliRunner()
TITLE = "测试区2025年民政工作要点推进情况周报"
ARTIFACTS = Path(os.environ.get("MINZHENG_TEST_ARTIFACTS") or Path(__file__).resolve().parent / "artifacts")
A4 = (595.28, 841.89)  # points
URL_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "action", "formaction", "poster", "data", "background"}


@pytest.fixture
def page(data: DataDir, tmp_path: Path) -> Path:
    data.write_breakdown()
    data.write_report("nanxun", "2025-06-27", report(
        "nanxun", "2025-06-27", '  "1.1": 30\n  "1.2": 10\n  "2.1": {numerator: 88, denominator: 100}\n'
                                '  "3.3": done\n'))
    data.write_report("shuanglin", "2025-06-27", report("shuanglin", "2025-06-27", '  "1.1": 12\n  "3.3": in_progress\n'))
    data.write_report("district", "2025-06-27", report(
        "district", "2025-06-27", '  "2.3": 15000\n  "3.1": 4\n  "3.2": in_progress\n'))
    out = tmp_path / "周报 2025-W26.html"  # a name with CJK and a space: the file URL must be encoded
    result = runner.invoke(app, ["--data", str(data.root), "report", "--as-of", "2025-06-29", "--format", "html",
                                 "--output", str(out)], env={"MINZHENG_TODAY": TODAY.isoformat()})
    assert result.exit_code == 0, result.stderr
    return out


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


def test_self_contained(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>\n")
    assert '<meta charset="utf-8">' in html
    assert f"<title>{TITLE}</title>" in html
    parsed = Collector()
    parsed.feed(html)
    assert "script" not in parsed.tags and "<script" not in html.lower()
    assert not {"link", "img", "iframe", "object", "embed", "image", "use", "base"} & set(parsed.tags)
    for tag, name, value in parsed.attributes:
        assert name not in URL_ATTRIBUTES, f"<{tag} {name}={value!r}>"
        assert "http://" not in value and "https://" not in value and "//" not in value, f"<{tag} {name}={value!r}>"
        assert not name.startswith("on"), f"<{tag} {name}>: no event handlers"
    # the style sheet is inline and loads nothing
    assert parsed.style
    for css in (parsed.style, *(v for _, n, v in parsed.attributes if n == "style")):
        assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert "http" not in html  # no URL of any kind, not even an SVG namespace (inline SVG needs none)
    # Chinese text is left to the machine's own fonts
    assert 'font-family: "Microsoft YaHei", "PingFang SC"' in parsed.style
    assert "sans-serif" in parsed.style


def test_charts(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    # the indicators by part of the plan, one figure each, then the townships' figure
    captions = re.findall(r"<figcaption>([^<]+)", html)
    assert captions == ["(一)实施积极应对人口老龄化国家战略", "(二)兜牢基本民生底线", "(三)提升基本社会服务",
                        "各镇（街道）分解任务平均进度与序时进度"]
    # one bar per indicator of the tiny plan (8) and per township (3)
    assert html.count('<li class="bar"') == 8 + 3
    # 1.1: (30 + 12) / 150 = 28%, yellow, and said so in words; its pace tick at 2025-06-29, day 180 of 365
    bar = re.search(r'<li class="bar" title="1\.1 新增持证护理员: 欠进度">.*?</li>', html)
    assert bar is not None
    assert '<span class="fill yellow" style="width:28.0%">' in bar.group()
    assert '<span class="pace" style="left:49.3%">' in bar.group()
    assert '28.0% <span class="light yellow">黄灯</span> 欠进度' in bar.group()
    # every section, in order
    ids = re.findall(r'<section id="(\w+)">', html)
    assert ids == ["overview", "changes", "alerts", "due", "checks", "reporting", "ranking"]


def test_a_bar_at_zero_still_shows_its_light_by_word(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    # 1.2 has no report at all; 3.3 (a township milestone) is done in 1 of 3: both bars hold a light word
    for bar in re.findall(r'<li class="bar".*?</li>', html):
        if "no_data" not in bar and "无数据" not in bar:
            assert re.search(r'<span class="light (green|yellow|red)">(绿灯|黄灯|红灯)</span>', bar), bar


def test_tables_scroll_in_their_own_box(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert '<div class="scroll"><table>' in html
    assert re.search(r"\.scroll \{[^}]*overflow-x: auto", html)
    assert re.search(r"th, td \{[^}]*white-space: nowrap", html)


def test_prints_on_a4_with_each_chart_kept_with_its_caption(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert "@page { size: A4;" in html
    assert re.search(r"figure, figure\.bars \{ break-inside: avoid;", html)
    assert re.search(r"figcaption \{ break-after: avoid;", html)


@needs_browser
def test_renders_in_a_real_browser(page: Path, tmp_path: Path) -> None:
    dumped = chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    assert f"<title>{TITLE}</title>" in dom
    assert 'class="fill yellow"' in dom
    assert "七、单位排名" in dom

    shot = tmp_path / "page.png"
    taken = chromium(tmp_path / "profile", "--window-size=1000,1600", f"--screenshot={shot}", page.as_uri())
    assert taken.returncode == 0, taken.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1000, 1600)
    assert len(png) > 20_000  # text, bars and colours: far more than a blank page compresses to


def page_requests(profile: Path, log: Path, url: str) -> set[str]:
    """The URLs the page itself asked the network for, from Chromium's network log: requests made for the
    page's site (file://). The browser's own background requests (initiator "not an origin") are left out."""
    loaded = chromium(profile, f"--log-net-log={log}", "--dump-dom", url)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    netlog = json.loads(log.read_text(encoding="utf-8"))
    start_job = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return {event["params"]["url"] for event in netlog["events"]
            if event["type"] == start_job and "file://" in event["params"].get("network_isolation_key", "")}


@needs_browser
def test_no_network_request(page: Path, tmp_path: Path) -> None:
    assert page_requests(tmp_path / "profile", tmp_path / "netlog.json", page.as_uri()) == set()
    # the check sees a page's requests when there are some (the .invalid domain never resolves)
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><title>x</title><img src="http://example.invalid/a.png">', encoding="utf-8")
    assert page_requests(tmp_path / "profile", tmp_path / "bad.json", bad.as_uri()) == {"http://example.invalid/a.png"}


# ----------------------------------------------------------------------------------------------------
# the frozen year (56 indicators, 10 townships) on a phone, a desktop and A4 paper


@pytest.fixture(scope="module")
def year_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("year") / "周报 2025-W26.html"
    result = runner.invoke(app, ["--data", str(YEAR), "report", "--week", "2025-W26", "--format", "html",
                                 "--output", str(out)], env={"MINZHENG_TODAY": YEAR_TODAY})
    assert result.exit_code == 0, result.stderr
    return out


def artifact(name: str) -> Path:
    """Where a test keeps a file for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


MEASURE = """JSON.stringify({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  wider: [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5
                                                           && !e.closest(".scroll")).map(e => e.outerHTML.slice(0, 80)),
  smallest: Math.min(...[...document.querySelectorAll(".bar .label, .bar .value, td, th, li, p")]
                     .map(e => parseFloat(getComputedStyle(e).fontSize))),
})"""


def fits(measured: dict[str, Any], width: int) -> bool:
    """Nothing wider than the window: the page is as wide as the window (a phone widens the page to show what
    is too wide, so its width grows), and no element reaches past its right edge outside a scrolling box."""
    return measured["innerWidth"] == width and measured["scrollWidth"] <= width and not measured["wider"]


@needs_browser
@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_is_wider_than_the_window(year_page: Path, tmp_path: Path, width: int) -> None:
    with Page(tmp_path / "profile") as browser:
        browser.open(year_page.as_uri(), width)
        measured = json.loads(browser.evaluate(MEASURE))
        browser.screenshot(artifact(f"report-{width}px.png"))
    assert fits(measured, width), measured
    assert measured["smallest"] >= 12  # chart labels and table cells readable on a phone


@needs_browser
def test_the_measure_sees_a_page_wider_than_the_window(tmp_path: Path) -> None:
    wide = tmp_path / "wide.html"
    wide.write_text('<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">'
                    '<body><p style="width:600px">x</p></body>', encoding="utf-8")
    with Page(tmp_path / "profile") as browser:
        browser.open(wide.as_uri(), 390)
        measured = json.loads(browser.evaluate(MEASURE))
    assert not fits(measured, 390)


def flat(text: str) -> str:
    """Text as compared with a PDF's: NFKC (full-width punctuation as a PDF's text gives it), no white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pages_text(pdf: Path) -> list[str]:
    """The text of each page, by poppler's pdftotext (which reads Chinese back as the characters, where the
    font's map may name radicals such as ⽼ for 老)."""
    dumped = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                            timeout=60, check=True)
    return [flat(page) for page in dumped.stdout.split("\f")]


@needs_browser
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext (apt-get install poppler-utils)")
def test_prints_on_a4_and_no_chart_crosses_a_page(year_page: Path, tmp_path: Path) -> None:
    pdf = artifact("report-print.pdf")
    printed = chromium(tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", year_page.as_uri())
    assert printed.returncode == 0, printed.stderr[-2000:]
    reader = PdfReader(pdf)
    for sheet in reader.pages:
        box = sheet.mediabox
        assert abs(float(box.width) - A4[0]) < 2 and abs(float(box.height) - A4[1]) < 2, box
    pages = pages_text(pdf)
    html = year_page.read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="bars"><figcaption>([^<]+)</figcaption>(.*?)</figure>', html)
    assert len(figures) >= 6  # the parts of the plan that have indicators, and the townships
    for caption, bars in figures:
        # each bar by the start of its label (a long name may wrap in print): 1.1调整区老龄, 千金镇
        labels = [flat(title.split(": ")[0])[:8] for title in re.findall(r'<li class="bar" title="([^"]+)"', bars)]
        on = [i for i, text in enumerate(pages) if flat(caption) in text]
        assert len(on) == 1, f"{caption}: on pages {on}"
        # the caption's page holds the figure's first and last bar: the figure is whole on it
        for label in (labels[0], labels[-1]):
            assert label in pages[on[0]], f"{caption}: {label} is not on page {on[0] + 1}"
