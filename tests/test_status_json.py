"""`status --format json` (DESIGN §3.1): the document's shape, its numbers and their rounding."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from typing import Any

from minzheng_cli.engine.status import evaluate
from minzheng_cli.model.files import Breakdown, Ratio, Report, Targets
from minzheng_cli.render.fmt import json_number as number
from minzheng_cli.render.status_json import status_document

D = date(2025, 6, 30)  # pace: days → 181/365 = 0.49589… → 0.4959


def indicator(id: str, kind: str, **fields: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": id,
        "task": id.split(".")[0],
        "name": f"指标{id}",
        "kind": kind,
        "reported_by": "townships",
        "source": "原文。",
    }
    entry.update(fields)
    return entry


TARGETS = Targets.model_validate(
    {
        "plan": {
            "id": "nanxun-2025",
            "title": "2025年全区民政工作要点",
            "document": "湖浔民〔2025〕1号",
            "issuer": "南浔区民政局",
            "issued": "2025-02-01",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "pace": "days",
            "cadence": "weekly",
            "timely_days": "3",
        },
        "units": [
            {"id": "qu", "name": "区民政局", "code": "330503", "kind": "district"},
            {"id": "nanxun", "name": "南浔镇", "code": "330503100", "kind": "town"},
            {"id": "shuanglin", "name": "双林镇", "code": "330503101", "kind": "town"},
        ],
        "tasks": [{"number": str(n), "title": f"任务{n}", "section": "(一)"} for n in range(1, 6)],
        "indicators": [
            indicator("3.1", "cumulative", measure="count", target="150", uom="人"),
            indicator("5.1", "level", measure="ratio", factor="100", target="90", uom="%"),
            indicator("4.1", "cumulative", measure="count", target="12.5", uom="万元", reported_by="district"),
            indicator("2.1", "milestone", reported_by="district"),
        ],
    }
)
BREAKDOWN = Breakdown.model_validate({"source": "示例分解", "quotas": {"3.1": {"shuanglin": "15"}}})
REPORTS = [
    Report(
        path="data/progress/shuanglin/2025-06-27.yaml",
        unit="shuanglin",
        as_of=date(2025, 6, 27),
        values={"3.1": Fraction(12), "5.1": Ratio(numerator=Fraction(50), denominator=Fraction(100))},
    ),
    Report(
        path="data/progress/nanxun/2025-06-30.yaml",
        unit="nanxun",
        as_of=D,
        values={"3.1": Fraction(68), "5.1": Ratio(numerator=Fraction(9), denominator=Fraction(10))},
    ),
    Report(path="data/progress/qu/2025-06-30.yaml", unit="qu", as_of=D, values={"4.1": Fraction("3.25")}),
]


def document() -> dict[str, Any]:
    return status_document(TARGETS, evaluate(TARGETS, BREAKDOWN, REPORTS, D))


def test_shape() -> None:
    doc = document()
    assert list(doc) == ["plan", "sample", "as_of", "indicators", "summary"]
    assert doc["sample"] is False  # the data folder has no sample marker
    assert doc["plan"] == {"id": "nanxun-2025", "title": "2025年全区民政工作要点"}
    assert doc["as_of"] == "2025-06-30"
    assert [i["id"] for i in doc["indicators"]] == ["3.1", "5.1", "4.1", "2.1"]  # plan order
    for entry in doc["indicators"]:
        state = ["state"] if entry["kind"] == "milestone" else []  # a milestone's state as reported (§2.2)
        assert list(entry) == [
            "id", "task", "name", "kind", "uom", "reported_by", "target", "actual", "completion", "progress",
            "pace", "status", "light", *state, "units",
        ]  # fmt: skip
        for unit in entry["units"]:
            assert list(unit) == ["unit", "actual", "quota", "completion", "progress", "status", "light", *state]
    # it is plain JSON
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc


def test_the_design_example() -> None:
    first = document()["indicators"][0]
    # 68 + 12 = 80 of 150: 0.5333…; pace 181/365 = 0.4959; gap 49.59 − 53.33 < 0 → ahead
    assert first == {
        "id": "3.1",
        "task": 3,
        "name": "指标3.1",
        "kind": "cumulative",
        "uom": "人",
        "reported_by": "townships",
        "target": 150,
        "actual": 80,
        "completion": 0.5333,
        "progress": 0.5333,
        "pace": 0.4959,
        "status": "ahead",
        "light": "green",
        "units": [
            # every reporting unit; null where the unit has no quota
            {"unit": "nanxun", "actual": 68, "quota": None, "completion": None, "progress": None,
             "status": None, "light": None},
            # 12 / 15 = 0.8 against pace 0.4959 → ahead
            {"unit": "shuanglin", "actual": 12, "quota": 15, "completion": 0.8, "progress": 0.8,
             "status": "ahead", "light": "green"},
        ],
    }  # fmt: skip
    assert type(first["target"]) is int and type(first["actual"]) is int
    assert type(first["units"][1]["quota"]) is int


def test_ratio_rounding() -> None:
    ratio = document()["indicators"][1]
    # 100 × (9 + 50) / (10 + 100) = 590/11 = 53.6363… → 53.6364; completion 59/99 = 0.59595… → 0.596
    assert ratio["target"] == 90 and type(ratio["target"]) is int
    assert ratio["actual"] == 53.6364
    assert ratio["completion"] == 0.596
    assert ratio["progress"] is None  # a level without baseline
    assert (ratio["status"], ratio["light"]) == ("not_met", "yellow")
    assert [(u["unit"], u["actual"]) for u in ratio["units"]] == [("nanxun", 90), ("shuanglin", 50)]


def test_district_count_with_decimals_and_no_data() -> None:
    money, milestone = document()["indicators"][2:]
    # 3.25 of 12.5 万元 = 0.26; gap 49.59 − 26 = 23.59 → behind (tolerance 10, red 30) → yellow
    assert (money["target"], money["actual"], money["completion"], money["progress"]) == (12.5, 3.25, 0.26, 0.26)
    assert type(money["target"]) is float
    assert (money["status"], money["light"]) == ("behind", "yellow")
    assert money["units"] == []  # a district indicator
    # no report: nulls, but a pace all the same
    assert milestone["target"] is None and milestone["actual"] is None
    assert (milestone["completion"], milestone["progress"], milestone["pace"]) == (None, None, 0.4959)
    assert (milestone["status"], milestone["light"], milestone["state"]) == ("no_data", None, None)
    assert milestone["units"] == []


def test_summary_leaves_out_zero_counts() -> None:
    assert document()["summary"] == {
        "indicators": 4,
        "by_status": {"no_data": 1, "not_met": 1, "ahead": 1, "behind": 1},
        "by_light": {"green": 1, "yellow": 2},
    }


def test_numbers() -> None:
    assert number(None) is None
    assert number(Fraction(150)) == 150 and type(number(Fraction(150))) is int
    assert number(Fraction(0)) == 0 and type(number(Fraction(0))) is int
    assert number(Fraction("12.345678")) == 12.345678  # a count keeps its decimals
    assert number(Fraction(2, 3), 4) == 0.6667
    assert number(Fraction(-1, 5), 4) == -0.2
    # pace 1 at the end of the plan is the integer 1
    doc = status_document(TARGETS, evaluate(TARGETS, BREAKDOWN, REPORTS, date(2025, 12, 31)))
    assert doc["indicators"][0]["pace"] == 1 and type(doc["indicators"][0]["pace"]) is int


def test_a_milestone_and_its_unit_rows_carry_the_state_reported() -> None:
    targets = Targets.model_validate({"plan": TARGETS.plan, "units": TARGETS.units, "tasks": TARGETS.tasks,
                                      "indicators": [indicator("3.2", "milestone"),
                                                     indicator("3.3", "milestone", reported_by="district")]})
    reports = [
        Report(path="data/progress/nanxun/2025-06-30.yaml", unit="nanxun", as_of=D, values={"3.2": "not_started"}),
        Report(path="data/progress/shuanglin/2025-06-30.yaml", unit="shuanglin", as_of=D,
               values={"3.2": "in_progress"}),
        Report(path="data/progress/qu/2025-06-30.yaml", unit="qu", as_of=D, values={"3.3": "not_started"}),
    ]
    township, district = status_document(targets, evaluate(targets, None, reports, D))["indicators"]
    assert [(u["unit"], u["state"]) for u in township["units"]] == [("nanxun", "not_started"),
                                                                    ("shuanglin", "in_progress")]
    assert (township["state"], township["status"]) == ("in_progress", "pending")
    assert (district["state"], district["status"], district["actual"]) == ("not_started", "pending", 0)


def test_sample_data_say_so() -> None:
    assert status_document(TARGETS, evaluate(TARGETS, BREAKDOWN, REPORTS, D), sample=True)["sample"] is True
