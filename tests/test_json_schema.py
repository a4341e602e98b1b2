"""`minzheng schema`'s documents (model/json_schema.py): the progress schema is built from the plan, and a real peer
tool, check-jsonschema, agrees with `minzheng validate` on good reports and on structurally bad ones.

The reports are tests/fixtures/schema/ (see its README), each placed at `progress/<unit>/<as_of>.yaml` of a temporary
data folder holding a copy of the real plan, data/targets.yaml.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from minzheng_cli.cli import app
from minzheng_cli.model.files import MILESTONE_WORDS, Targets, counts_whole
from minzheng_cli.model.json_schema import (
    DRAFT_07,
    breakdown_schema,
    progress_schema,
    schema_for,
    schema_text,
    targets_schema,
    write_schemas,
)

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "targets.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "schema"
GOOD = sorted((FIXTURES / "good").glob("*.yaml"))
BAD = sorted((FIXTURES / "bad").glob("*.yaml"))
TODAY = "2025-07-15"


def real_plan() -> Targets:
    """data/targets.yaml as the model reads it (every scalar text, typed by the model: no YAML guessing)."""
    return Targets.model_validate(yaml.load(PLAN.read_text(encoding="utf-8"), Loader=yaml.BaseLoader))


def data_folder(root: Path, reports: list[Path]) -> Path:
    """A data folder under `root`: the real plan and `reports`, each at progress/<unit>/<as_of>.yaml."""
    data = root / "data"
    (data / "progress").mkdir(parents=True)
    shutil.copyfile(PLAN, data / "targets.yaml")
    for report in reports:
        head = yaml.load(report.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        folder = data / "progress" / head["unit"]
        folder.mkdir(exist_ok=True)
        shutil.copyfile(report, folder / f"{head['as_of']}.yaml")
    return data


def validate(data: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--no-cache", "validate", "--data", str(data)],
                                env={"MINZHENG_DATA": None, "MINZHENG_TODAY": TODAY})
    return result.exit_code, result.output


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "progress.schema.json"
    path.write_text(schema_text(progress_schema(real_plan(), "zh")), encoding="utf-8")
    return path


# --- built from the plan ------------------------------------------------------------------------------------


def test_schema_of_the_real_plan_names_every_indicator_in_values_and_notes() -> None:
    plan = real_plan()
    schema = progress_schema(plan, "zh")
    ids = [ind.id for ind in plan.indicators]
    assert list(schema["properties"]["values"]["properties"]) == ids
    assert list(schema["properties"]["notes"]["properties"]) == ids
    assert schema["properties"]["values"]["additionalProperties"] is False
    assert schema["properties"]["notes"]["additionalProperties"] is False


def test_each_indicator_is_described_by_its_name_kind_and_unit_of_measure() -> None:
    plan = real_plan()
    values = progress_schema(plan, "zh")["properties"]["values"]["properties"]
    kinds = {"cumulative": "累计", "level": "水平", "cap": "上限", "milestone": "节点"}
    for ind in plan.indicators:
        description = values[ind.id]["description"]
        assert ind.name in description
        assert f"类型：{kinds[ind.kind]}" in description
        if ind.uom:
            assert f"计量单位：{ind.uom}" in description


def test_descriptions_follow_the_language() -> None:
    values = progress_schema(real_plan(), "en")["properties"]["values"]["properties"]
    assert "kind: cumulative" in values["3.1"]["description"]
    assert "unit of measure: 人" in values["3.1"]["description"]
    assert "类型" not in json.dumps(values, ensure_ascii=False)


def test_each_kind_gets_the_value_shape_it_needs() -> None:
    plan = real_plan()
    values = progress_schema(plan, "zh")["properties"]["values"]["properties"]
    for ind in plan.indicators:
        entry = values[ind.id]
        if ind.kind == "milestone":
            assert entry["enum"] == list(MILESTONE_WORDS) == ["not_started", "in_progress", "done", "未开始", "进行中",
                                                              "已完成"]
        elif ind.measure == "ratio":
            assert entry["type"] == "object"
            assert entry["required"] == ["numerator", "denominator"]
            assert entry["additionalProperties"] is False
        else:
            assert entry["type"] == ("integer" if counts_whole(ind) else "number")
    assert values["3.1"]["type"] == "integer"   # 人
    assert values["23.2"]["type"] == "number"   # 万元
    assert values["7.1"]["type"] == "number"    # 元/人/年


def test_unit_is_one_of_the_plans_units() -> None:
    plan = real_plan()
    assert progress_schema(plan, "zh")["properties"]["unit"]["enum"] == [u.id for u in plan.units]


def test_schemas_are_valid_draft_07_and_write_schemas_writes_both(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "schemas", real_plan(), "zh")
    assert [p.name for p in written] == ["progress.schema.json", "targets.schema.json"]
    for path in written:
        assert json.loads(path.read_text(encoding="utf-8"))["$schema"] == DRAFT_07
    breakdown = tmp_path / "breakdown.schema.json"
    breakdown.write_text(schema_text(breakdown_schema()), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--check-metaschema", *map(str, written),
                             str(breakdown)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_for_needs_the_plan_only_for_progress() -> None:
    assert schema_for("targets", None) == targets_schema()
    assert schema_for("breakdown", None) == breakdown_schema()
    with pytest.raises(ValueError):
        schema_for("progress", None)


def test_targets_and_breakdown_schemas_accept_the_real_plan_and_a_breakdown(tmp_path: Path) -> None:
    targets = tmp_path / "targets.schema.json"
    targets.write_text(schema_text(targets_schema()), encoding="utf-8")
    assert check_jsonschema(targets, PLAN).returncode == 0
    breakdown = tmp_path / "breakdown.schema.json"
    breakdown.write_text(schema_text(breakdown_schema()), encoding="utf-8")
    sample = tmp_path / "breakdown.yaml"
    sample.write_text('source: 任务分解表\nquotas:\n  "5.4": {nanxun: 2, shuanglin: 1}\nbaselines:\n  "5.2": 82.5\n',
                      encoding="utf-8")
    result = check_jsonschema(breakdown, sample)
    assert result.returncode == 0, result.stdout


# --- the schema and validate agree ------------------------------------------------------------------------------


def test_good_reports_pass_both_validate_and_the_schema(tmp_path: Path, schema_file: Path) -> None:
    data = data_folder(tmp_path, GOOD)
    code, output = validate(data)
    assert code == 0, output
    result = check_jsonschema(schema_file, *sorted((data / "progress").rglob("*.yaml")))
    assert result.returncode == 0, result.stdout + result.stderr


# Each bad report: the code `validate` gives it, and where check-jsonschema finds the fault (its JSON path).
REFUSED = {
    "district-indicator-from-township": ("not-reported-by-unit", "$.values: '3.2' is not one of"),
    "township-indicator-from-district": ("not-reported-by-unit", "$.values: '3.1' is not one of"),
    "list-for-count": ("wrong-type", "$.values['3.1']: [12, 3] is not of type 'integer'"),
    "number-for-ratio": ("wrong-type", "$.values['5.2']: 40 is not of type 'object'"),
    "text-for-count": ("bad-number", "$.values['3.1']: '150人' is not of type 'integer'"),
    "quoted-number": ("quoted-number", "$.values['3.1']: '150' is not of type 'integer'"),
    "negative-count": ("negative-value", "$.values['3.1']: -3 is less than the minimum of 0"),
    "milestone-word": ("bad-status", "$.values['3.2']: 'finished' is not one of"),
    "milestone-yaml11-no": ("bad-status", "$.values['3.2']: 'no' is not one of"),
    "ratio-missing-denominator": ("missing-key", "$.values['5.2']: 'denominator' is a required property"),
    "ratio-unknown-key": ("unknown-key", "$.values['5.2']: Additional properties are not allowed ('total'"),
    "ratio-zero-denominator": ("zero-denominator", "$.values['5.2'].denominator: 0 is less than or equal to"),
    "unknown-id": ("unknown-indicator", "$.values: Additional properties are not allowed ('3.9'"),
    "unknown-note-id": ("unknown-indicator", "$.notes: Additional properties are not allowed ('3.9'"),
    "unknown-key": ("unknown-key", "$: Additional properties are not allowed ('remarks'"),
    "unknown-unit": ("unknown-unit", "$.unit: 'xinshi' is not one of"),
}


def test_every_bad_fixture_says_why_it_is_refused() -> None:
    assert sorted(REFUSED) == [p.stem for p in BAD]


@pytest.mark.parametrize("report", BAD, ids=[p.stem for p in BAD])
def test_a_structurally_bad_report_is_refused_by_both(tmp_path: Path, schema_file: Path, report: Path) -> None:
    code, where = REFUSED[report.stem]
    exit_code, output = validate(data_folder(tmp_path, [report]))
    assert exit_code == 1, output
    assert f": {code} " in output
    result = check_jsonschema(schema_file, report)
    assert result.returncode == 1
    assert where in result.stdout, result.stdout


def test_a_fraction_of_people_is_refused_by_both(tmp_path: Path, schema_file: Path) -> None:
    report = FIXTURES / "gap" / "fraction-of-people.yaml"
    assert check_jsonschema(schema_file, report).returncode == 1
    code, output = validate(data_folder(tmp_path, [report]))
    assert code == 1, output


def test_the_fixtures_quote_every_indicator_id() -> None:
    # A YAML 1.2 reader (check-jsonschema, the editor) would read an unquoted 3.10 as the number 3.1.
    for path in GOOD + BAD:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("  ") and ":" in line and not line.lstrip().startswith("#"):
                assert line.lstrip().startswith('"'), (path.name, line)
