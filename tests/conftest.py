"""Shared fixtures: a tiny hand-written plan in a temporary data folder, and helpers to write reports.

The plan has three township-level units (two towns, one subdistrict) and the district unit, three tasks,
and indicators of every kind and measure, including a part (`parent`):

    1.1  cumulative count, townships, 150 人           (the whole)
    1.2  cumulative count, townships, 50 人, parent 1.1 (a part)
    2.1  level ratio, factor 100, townships, 90 %
    2.2  level ratio, factor 10000, district, 60 张     (per 10,000: the numerator may exceed the denominator)
    2.3  level count, district, 15000 元/人/年
    3.1  cap count, district, 3 个
    3.2  milestone, district, due 2025-04-05
    3.3  milestone, townships

and a frozen year, `YEAR` (tests/fixtures/year/): the real plan's targets.yaml copied, with a breakdown and a
full year of weekly reports from all 11 units written once by `python scripts/make_sample.py --data
tests/fixtures/year` and committed. It is the tests' own copy of the illustrative sample, so the tests run the
same with `data/` cleared; no test rewrites it. The golden reports (tests/golden/) are made from it: after an
intended change, regenerate them with `python -m pytest tests/test_report_golden.py --update-golden`.
"""

from __future__ import annotations

import ast
import textwrap
from datetime import date
from pathlib import Path

import pytest

from minzheng_cli.checks.linter import load_data
from minzheng_cli.model.diagnostics import Diagnostic
from minzheng_cli.model.folder import Loaded

TODAY = date(2025, 7, 15)
YEAR = Path(__file__).resolve().parent / "fixtures" / "year"
YEAR_TODAY = "2026-01-31"  # after the year's last submission (2026-01-09), so no report is "in the future"

PLAN = """\
plan:
  id: test-2025
  title: 测试区2025年民政工作要点
  document: 测民〔2025〕1号
  issuer: 测试区民政局
  issued: 2025-02-10
  start: 2025-01-01
  end: 2025-12-31
  pace: days
  cadence: monthly
  timely_days: 5
  lights:
    tolerance: 10
    red: 30
units:
  - {id: nanxun, name: 南浔镇, code: "330503100", kind: town}
  - {id: shuanglin, name: 双林镇, code: "330503101", kind: town}
  - {id: xunxi, name: 浔溪街道, code: "330503001", kind: subdistrict}
  - {id: district, name: 区民政局, code: "330503", kind: district}
tasks:
  - number: 1
    title: 加强养老服务人才队伍建设
    section: (一)实施积极应对人口老龄化国家战略
  - number: 2
    title: 提升社会救助水平
    section: (二)兜牢基本民生底线
  - number: 3
    title: 推进殡葬改革
    section: (三)提升基本社会服务
indicators:
  - id: "1.1"
    task: 1
    name: 新增持证护理员
    kind: cumulative
    measure: count
    target: 150
    uom: 人
    reported_by: townships
    source: 新增持证护理员150人。
  - id: "1.2"
    task: 1
    name: 其中"双证"护理员
    kind: cumulative
    measure: count
    target: 50
    uom: 人
    reported_by: townships
    parent: "1.1"
    source: 其中"双证"护理员50人。
  - id: "2.1"
    task: 2
    name: 低保对象入户核查率
    kind: level
    measure: ratio
    factor: 100
    target: 90
    uom: "%"
    reported_by: townships
    source: 低保对象入户核查率达到90%。
  - id: "2.2"
    task: 2
    name: 每万名老年人拥有持证护理员
    kind: level
    measure: ratio
    factor: 10000
    target: 60
    uom: 张
    reported_by: district
    source: 每万名老年人拥有持证护理员达到60张。
  - id: "2.3"
    task: 2
    name: 城乡低保标准
    kind: level
    measure: count
    target: 15000
    uom: 元/人/年
    reported_by: district
    source: 城乡低保标准提高到15000元/人/年。
  - id: "3.1"
    task: 3
    name: 供养机构总数
    kind: cap
    measure: count
    target: 3
    uom: 个
    reported_by: district
    source: 供养机构总数控制在3个以内。
  - id: "3.2"
    task: 3
    name: 清明祭扫工作方案
    kind: milestone
    reported_by: district
    due: 2025-04-05
    note: 清明前完成
    source: 做好清明祭扫工作。
  - id: "3.3"
    task: 3
    name: 建成村级公益性公墓
    kind: milestone
    reported_by: townships
    source: 每个镇建成村级公益性公墓。
"""

BREAKDOWN = """\
source: 测试区民政重点工作任务分解表（示例）
quotas:
  "1.1": {nanxun: 60, shuanglin: 50, xunxi: 40}
  "2.1": {nanxun: 90, shuanglin: 90}
baselines:
  "2.1": 82.5
"""


def at(text: str, needle: str, nth: int = 1, after: str = "") -> tuple[int, int]:
    """1-based (line, column in characters) of the nth occurrence of `needle` in `text` (after `after`)."""
    offset = text.index(after) - 1 if after else -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def where(diag: Diagnostic) -> tuple[str, int, int]:
    return diag.code, diag.line, diag.column


class DataDir:
    """A data folder in tmp_path with the tiny plan; write files into it, load it, look at the diagnostics."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "progress").mkdir(exist_ok=True)
        self.targets = self.write_targets(PLAN)

    def write_targets(self, text: str) -> Path:
        path = self.root / "targets.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    def write_breakdown(self, text: str = BREAKDOWN) -> Path:
        path = self.root / "breakdown.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    def report_path(self, unit: str, name: str) -> Path:
        if "." not in name:
            name += ".yaml"
        return self.root / "progress" / unit / name

    def write_report(self, unit: str, name: str, text: str) -> Path:
        """Write `progress/<unit>/<name>` (name without suffix gets .yaml) from dedented text."""
        path = self.report_path(unit, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_bytes(self, unit: str, name: str, raw: bytes) -> Path:
        path = self.report_path(unit, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
        return path

    def load(self, today: date = TODAY) -> Loaded:
        return load_data(str(self.root), today)

    def diagnostics(self, today: date = TODAY) -> list[Diagnostic]:
        return self.load(today).diagnostics

    def only(self, today: date = TODAY) -> Diagnostic:
        """The single diagnostic of the folder (fails, listing them, when there is not exactly one)."""
        found = self.diagnostics(today)
        assert len(found) == 1, "\n".join(d.as_text() for d in found)
        return found[0]


@pytest.fixture
def data(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


def report(unit: str, as_of: str, values: str = "", *, submitted: str | None = None) -> str:
    """The text of a report with the given `values:` block (already indented by two spaces)."""
    lines = [f"unit: {unit}", f"as_of: {as_of}"]
    if submitted:
        lines.append(f"submitted: {submitted}")
    lines.append("values:")
    return "\n".join(lines) + "\n" + values


def write_march_week(data: DataDir) -> None:
    """A breakdown and the reports of the week to 2025-03-15 that the weekly-report tests share: carried-forward
    figures, a ratio, milestones in progress, a late submission."""
    data.write_breakdown()
    data.write_report("xunxi", "2025-01-31", report("xunxi", "2025-01-31", '  "1.1": 1\n'))
    data.write_report("shuanglin", "2025-02-28", report("shuanglin", "2025-02-28", '  "1.1": 2\n'))
    data.write_report("district", "2025-03-01", report(
        "district", "2025-03-01", '  "2.3": 14000\n  "3.1": 4\n  "3.2": in_progress\n'))
    data.write_report("nanxun", "2025-03-07", report(
        "nanxun", "2025-03-07",
        '  "1.1": 4\n  "1.2": 2\n  "2.1": {numerator: 85, denominator: 100}\n  "3.3": in_progress\n'))
    data.write_report("shuanglin", "2025-03-10", report("shuanglin", "2025-03-10", '  "1.1": 3\n',
                                                        submitted="2025-04-07"))
    data.write_report("district", "2025-03-12", report(
        "district", "2025-03-12", '  "2.2": {numerator: 90, denominator: 20000}\n'))
    data.write_report("nanxun", "2025-03-14", report("nanxun", "2025-03-14", '  "1.1": 6\n'))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files in tests/golden/ from the current output instead of comparing")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True under --update-golden: golden tests write their file instead of comparing with it."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own empty report cache, never the user's."""
    monkeypatch.setenv("MINZHENG_CACHE", str(tmp_path_factory.mktemp("cache")))


def call_name(func: ast.expr) -> str | None:
    """The name a call is made by (`f` in f(...), `g` in x.g(...)), for the tests that scan the source."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None
