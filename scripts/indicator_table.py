"""Print every indicator of data/targets.yaml as a Markdown table (used by docs/indicators.md through cog).

The file is read with PyYAML's BaseLoader, which keeps every scalar as text: the same no-guessing rule as the
program itself (DESIGN §1), so "3.10" stays "3.10" and targets are shown exactly as written.

    python scripts/indicator_table.py [path/to/targets.yaml]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

DEFAULT_TARGETS = Path(__file__).resolve().parent.parent / "data" / "targets.yaml"

KIND_WORDS = {"cumulative": "累计", "level": "水平", "cap": "上限", "milestone": "节点"}
REPORTER_WORDS = {"townships": "各镇(街道)", "district": "区本级"}
HEADER = ("编号", "任务", "指标", "目标", "计量单位", "类型", "报送单位", "截止日期")


def load_targets(path: str | Path = DEFAULT_TARGETS) -> dict[str, Any]:
    """The targets file as plain Python data, every scalar text (BaseLoader)."""
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=yaml.BaseLoader)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise ValueError(f"{path}: not a targets file (no 'indicators' list)")
    return data


def _cell(text: object) -> str:
    """A Markdown table cell: pipes escaped, line breaks flattened."""
    return " ".join(str(text).split()).replace("|", "\\|")


def indicator_rows(data: dict[str, Any]) -> list[tuple[str, ...]]:
    """One row per indicator, in file order, with the words of HEADER."""
    rows: list[tuple[str, ...]] = []
    for ind in data["indicators"]:
        name = ind["name"]
        if ind.get("parent"):
            name = f"{name}（属 {ind['parent']}）"
        rows.append(
            (
                ind["id"],
                ind["task"],
                name,
                ind.get("target", "—"),
                ind.get("uom", "—"),
                KIND_WORDS.get(ind["kind"], ind["kind"]),
                REPORTER_WORDS.get(ind["reported_by"], ind["reported_by"]),
                ind.get("due", "—"),
            )
        )
    return rows


def indicator_table(path_or_data: str | Path | dict[str, Any] = DEFAULT_TARGETS) -> str:
    """The Markdown table of every indicator, then a count by kind and the tasks that have no indicator."""
    data = path_or_data if isinstance(path_or_data, dict) else load_targets(path_or_data)
    rows = indicator_rows(data)
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "| " + " | ".join("---" for _ in HEADER) + " |",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    counts = {word: 0 for word in KIND_WORDS.values()}
    for ind in data["indicators"]:
        word = KIND_WORDS.get(ind["kind"], ind["kind"])
        counts[word] = counts.get(word, 0) + 1
    summary = "，".join(f"{word} {n}" for word, n in counts.items())
    lines += ["", f"共 {len(rows)} 项指标：{summary}。"]
    with_indicators = {str(ind["task"]) for ind in data["indicators"]}
    bare = [str(t["number"]) for t in data.get("tasks", []) if str(t["number"]) not in with_indicators]
    if bare:
        lines.append(f"未设指标的任务（原文无数字目标或具体交付物）：第 {'、'.join(bare)} 项。")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    sys.stdout.write(indicator_table(args[0] if args else DEFAULT_TARGETS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
