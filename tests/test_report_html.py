"""`minzheng report --format html`: one self-contained file that makes no network request, and that a real
headless browser (Debian's chromium) renders with its charts.

The browser tests skip only where no chromium is installed (`.ci/run` installs it with apt-get).
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TODAY, DataDir, report
from minzheng_cli.cli import app

runner = CliRunner()
TITLE = "测试区2025年民政工作要点推进情况周报"
CHROMIUM = shutil.which("chromium")
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install chromium)")
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
    assert html.count("<svg") == 2  # each indicator against 序时进度; each township's standing
    # one bar group per indicator of the tiny plan (8) and per township (3)
    assert html.count("<g><title>") == 8 + 3
    # 1.1: (30 + 12) / 150 = 28%; its pace marker at 2025-06-29, day 180 of 365
    assert "1.1 新增持证护理员: 欠进度" in html
    assert ">28.0% 欠进度 黄灯<" in html  # the light by word as well as colour
    assert 'x1="452.7"' in html  # 290 + 330 × 180/365 = 452.74
    # every section, in order
    ids = re.findall(r'<section id="(\w+)">', html)
    assert ids == ["overview", "changes", "alerts", "due", "checks", "reporting", "ranking"]


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=60, check=False)


@needs_browser
def test_renders_in_a_real_browser(page: Path, tmp_path: Path) -> None:
    dumped = chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    assert f"<title>{TITLE}</title>" in dom
    assert "<svg" in dom and "<rect" in dom
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
