"""Markdown is written one way (`render.markdown`): a name holding Markdown's own characters is shown the same,
as itself, in `status --format markdown` and in `report --format markdown`."""

from __future__ import annotations

from typer.testing import CliRunner

from conftest import PLAN, TODAY, DataDir, report
from minzheng_cli.cli import app
from minzheng_cli.render.markdown import escape

NAME = "新增*持证*护理员_[试点]<A>#1|`x`\\"


def test_markdown_characters_are_escaped() -> None:
    assert escape(NAME) == "新增\\*持证\\*护理员\\_\\[试点\\]\\<A\\>\\#1\\|\\`x\\`\\\\"


def test_a_name_is_escaped_the_same_in_status_and_report(data: DataDir) -> None:
    quoted = NAME.replace("\\", "\\\\")
    data.write_targets(PLAN.replace("name: 新增持证护理员\n", f'name: "{quoted}"\n', 1))
    data.write_report("nanxun", "2025-06-27", report("nanxun", "2025-06-27", '  "1.1": 60\n'))
    env = {"MINZHENG_TODAY": TODAY.isoformat()}
    runner = CliRunner()
    status = runner.invoke(app, ["--data", str(data.root), "status", "--as-of", "2025-06-30", "-f", "markdown"], env=env)
    weekly = runner.invoke(app, ["--data", str(data.root), "report", "--as-of", "2025-06-30", "-f", "markdown"], env=env)
    assert status.exit_code == 0 and weekly.exit_code == 0, status.stderr + weekly.stderr
    shown = escape(NAME)
    assert f"| 1.1 | {shown} |" in status.stdout  # the status table's row
    assert f"{shown}（1.1）" in weekly.stdout  # the report's 本周变化
    assert NAME not in status.stdout and NAME not in weekly.stdout
