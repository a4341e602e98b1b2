"""The real plan data: data/targets.yaml against the plan text in data/source/.

Every `source` quote must be found word for word in the plan text (white space and line breaks aside, as
DESIGN §1.1 allows), and the tasks, units and indicator ids must have the shape DESIGN §1.1 asks for. The file
is read with PyYAML's BaseLoader, which keeps every scalar as text: the program's no-guessing rule.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ROOT / "data" / "targets.yaml"
SOURCE = ROOT / "data" / "source" / "2025年全区民政工作要点.txt"


def squeeze(text: str) -> str:
    """The text without any white space (spaces, tabs, line breaks)."""
    return re.sub(r"\s+", "", text)


def misquoted(indicators: list[dict[str, Any]], plan_text: str) -> list[str]:
    """Ids of the indicators whose `source` is not a verbatim quote of the plan text (white space aside)."""
    haystack = squeeze(plan_text)
    return [ind["id"] for ind in indicators if not squeeze(ind.get("source", "")) or squeeze(ind["source"]) not in haystack]


@pytest.fixture(scope="module")
def targets() -> dict[str, Any]:
    with open(TARGETS, encoding="utf-8") as f:
        data = yaml.load(f, Loader=yaml.BaseLoader)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def plan_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def test_top_level_keys(targets: dict[str, Any]) -> None:
    assert list(targets) == ["plan", "units", "tasks", "indicators"]


def test_source_copy_is_the_plan(plan_text: str) -> None:
    assert "浔民发〔2025〕12号" in plan_text
    assert "2025年全区民政工作要点" in plan_text


def test_plan(targets: dict[str, Any]) -> None:
    plan = targets["plan"]
    assert plan["id"] == "nanxun-2025"
    assert plan["document"] == "浔民发〔2025〕12号"
    assert (plan["issued"], plan["start"], plan["end"]) == ("2025-03-19", "2025-01-01", "2025-12-31")
    assert plan["pace"] in {"days", "months"}
    assert plan["cadence"] in {"weekly", "monthly"}
    assert 0 <= Decimal(plan["lights"]["tolerance"]) <= Decimal(plan["lights"]["red"])


def test_nationwide_marriage_registration_is_due_when_the_revised_regulation_took_effect(
        targets: dict[str, Any]) -> None:
    # the document gives no date, but the revised 《婚姻登记条例》 (国务院令第804号) made 全国通办 take effect on
    # 2025-05-10: the note says so, and no longer that no deadline applies
    ind = next(i for i in targets["indicators"] if i["id"] == "16.1")
    assert ind["due"] == "2025-05-10"
    assert "国务院令第804号" in ind["note"] and "2025年5月10日" in ind["note"]
    assert "不设截止日期" not in ind["note"]


def test_the_header_names_cadence_and_timely_days_as_local_assumptions() -> None:
    header = TARGETS.read_text(encoding="utf-8").split("\nplan:", 1)[0]
    assert "plan.cadence, plan.timely_days: local assumptions, not the document" in header


def test_every_source_is_quoted_verbatim(targets: dict[str, Any], plan_text: str) -> None:
    assert misquoted(targets["indicators"], plan_text) == []


def test_the_verbatim_check_catches_a_one_character_change(targets: dict[str, Any], plan_text: str) -> None:
    original = next(ind for ind in targets["indicators"] if ind["id"] == "3.1")
    assert "150人" in original["source"]
    changed = {**original, "source": original["source"].replace("150人", "160人")}
    assert misquoted([original], plan_text) == []
    assert misquoted([changed], plan_text) == ["3.1"]
    # a dropped character, and punctuation: the document's commas are ASCII, a full-width one is a change
    dropped = {**original, "source": original["source"].replace("不少于", "不少")}
    fullwidth = {**original, "source": original["source"].replace(",", "，", 1)}
    assert misquoted([dropped, fullwidth], plan_text) == ["3.1", "3.1"]
    # a quote split over lines still matches: white space is ignored on both sides
    wrapped = {**original, "source": original["source"].replace("举办", "\n  举办")}
    assert misquoted([wrapped], plan_text) == []


def test_tasks_are_1_to_32_in_order(targets: dict[str, Any]) -> None:
    assert [t["number"] for t in targets["tasks"]] == [str(n) for n in range(1, 33)]


def test_task_titles_and_sections_are_the_documents(targets: dict[str, Any], plan_text: str) -> None:
    """Each title is the text between "N." and the first 。 of its line; each section is the heading above."""
    found: dict[str, tuple[str, str]] = {}
    section = ""
    for line in plan_text.splitlines():
        if re.match(r"\([一二三四五六七八九十]+\)", line):
            section = line.strip().removesuffix("。")
        elif m := re.match(r"(\d+)\.([^。]+)。", line):
            found[m.group(1)] = (m.group(2), section)
    assert {t["number"]: (t["title"], t["section"]) for t in targets["tasks"]} == found


def test_units(targets: dict[str, Any]) -> None:
    units = targets["units"]
    assert len(units) == 11
    assert [u["kind"] for u in units].count("district") == 1
    assert len({u["id"] for u in units}) == len(units)
    for u in units:
        assert re.fullmatch(r"[a-z][a-z0-9_-]*", u["id"]), u
        assert u["kind"] in {"town", "subdistrict", "district"}
        if u["kind"] == "district":
            assert (u["id"], u["name"], u["code"]) == ("district", "区民政局", "330503")
        else:
            assert re.fullmatch(r"330503\d{3}", u["code"]), u
    townships = [u for u in units if u["kind"] != "district"]
    assert [u["code"] for u in townships] == sorted(u["code"] for u in townships)
    assert sum(u["kind"] == "subdistrict" for u in units) == 2


def test_indicator_ids_are_unique_and_prefixed_by_their_task(targets: dict[str, Any]) -> None:
    ids = [ind["id"] for ind in targets["indicators"]]
    assert len(ids) == len(set(ids))
    tasks = {t["number"] for t in targets["tasks"]}
    for ind in targets["indicators"]:
        assert ind["task"] in tasks, ind["id"]
        task, _, n = ind["id"].partition(".")
        assert task == ind["task"] and re.fullmatch(r"[1-9]\d*", n), ind["id"]


def test_indicators_are_numbered_in_order_without_gaps(targets: dict[str, Any]) -> None:
    by_task: dict[str, list[int]] = {}
    for ind in targets["indicators"]:
        by_task.setdefault(ind["task"], []).append(int(ind["id"].partition(".")[2]))
    for task, numbers in by_task.items():
        assert numbers == list(range(1, len(numbers) + 1)), task
    assert [int(t) for t in by_task] == sorted(int(t) for t in by_task)


def test_indicator_fields_fit_their_kind(targets: dict[str, Any]) -> None:
    """The plan-level rules of DESIGN §1.1 that concern one indicator, and parents."""
    plan = targets["plan"]
    start, end = date.fromisoformat(plan["start"]), date.fromisoformat(plan["end"])
    by_id = {ind["id"]: ind for ind in targets["indicators"]}
    for ind in targets["indicators"]:
        where = ind["id"]
        assert ind["kind"] in {"cumulative", "level", "cap", "milestone"}, where
        assert ind["reported_by"] in {"townships", "district"}, where
        assert ind["name"].strip(), where
        if ind["kind"] == "milestone":
            assert not {"measure", "factor", "target", "uom"} & set(ind), where
        else:
            assert ind["measure"] in {"count", "ratio"}, where
            assert Decimal(ind["target"]) > 0, where
            assert ind["uom"].strip(), where
            if ind["measure"] == "ratio":
                assert ind["factor"] in {"100", "10000"}, where
                if ind["factor"] == "100":
                    assert ind["uom"] == "%", where
                else:
                    assert "万名" in ind["uom"], where
            else:
                assert "factor" not in ind, where
        if ind["kind"] == "cap":
            assert (ind["measure"], ind["reported_by"]) == ("count", "district"), where
        if "due" in ind:
            assert start <= date.fromisoformat(ind["due"]) <= end, where
            assert ind.get("note"), f"{where}: a due date must be explained in note"
        if "parent" in ind:
            parent = by_id[ind["parent"]]
            assert parent["uom"] == ind["uom"], where
            assert parent["reported_by"] == ind["reported_by"], where
            assert Decimal(ind["target"]) <= Decimal(parent["target"]), where


def test_targets_read_from_the_document(targets: dict[str, Any]) -> None:
    """Spot checks of the conversions a reader is most likely to get wrong."""
    by_name = {ind["name"]: ind for ind in targets["indicators"]}
    assert (by_name["低保标准"]["target"], by_name["低保标准"]["uom"]) == ("13740", "元/人/年")
    assert (by_name["养老服务“爱心卡”服务对象"]["target"], by_name["养老服务“爱心卡”服务对象"]["uom"]) == ("49000", "人")
    assert by_name["外来长者在浔康养旅居"]["target"] == "40000"
    assert by_name["特困人员供养机构总数"]["kind"] == "cap"


def test_the_model_accepts_the_file(targets: dict[str, Any]) -> None:
    models = pytest.importorskip("minzheng_cli.model.files")
    parsed = models.Targets.model_validate(targets)
    assert len(parsed.tasks) == 32
    assert parsed.district.id == "district"


def test_the_indicator_table_in_docs_is_current() -> None:
    pytest.importorskip("cogapp")
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "docs/indicators.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stdout + result.stderr + "\nrun: cog -r docs/indicators.md"
