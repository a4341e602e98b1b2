"""`minzheng schema` at the command line: the progress schema is built from the data folder's plan, `--lang` and
`--data` are accepted like every command, and `--write DIR` writes both schemas for a repository to commit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from minzheng_cli.cli import app

YEAR = Path(__file__).resolve().parent / "fixtures" / "year"


def _plan_only(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(YEAR / "targets.yaml", data / "targets.yaml")
    return data


def test_progress_schema_names_the_plans_indicators(tmp_path: Path) -> None:
    data = _plan_only(tmp_path)
    result = CliRunner().invoke(app, ["schema", "progress", "--data", str(data)])
    assert result.exit_code == 0, result.output
    values = json.loads(result.stdout)["properties"]["values"]
    assert "3.1" in values["properties"] and values["additionalProperties"] is False


def test_schema_takes_lang_like_every_command(tmp_path: Path) -> None:
    data = _plan_only(tmp_path)
    zh = CliRunner().invoke(app, ["schema", "--data", str(data)])
    en = CliRunner().invoke(app, ["schema", "--data", str(data), "--lang", "en"])
    assert zh.exit_code == en.exit_code == 0
    assert json.loads(zh.stdout)["description"] != json.loads(en.stdout)["description"]


def test_targets_schema_needs_no_data_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "targets", "--data", str(tmp_path / "none")])
    assert result.exit_code == 0 and "indicators" in json.loads(result.stdout)["properties"]


def test_write_puts_both_schemas_in_the_folder(tmp_path: Path) -> None:
    data = _plan_only(tmp_path)
    out = tmp_path / "schemas"
    result = CliRunner().invoke(app, ["schema", "--write", str(out), "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["progress.schema.json", "targets.schema.json"]
    assert result.stdout.split() == [str(out / "progress.schema.json"), str(out / "targets.schema.json")]


def test_progress_schema_without_a_data_folder_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "progress", "--data", str(tmp_path / "none")])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
