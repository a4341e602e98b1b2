"""Golden files: `minzheng report` of the frozen year (conftest's YEAR, tests/fixtures/year/) at fixed weeks, in
text (as for a chat: no line breaks of its own; and filled to `--width 80`), Markdown, HTML and the leader's
version (`--brief`), and a 月报 (`--month`), compared byte for byte with tests/golden/report-<period>.<lang>[.<form>].<suffix>.

When the report's wording, layout or figures change on purpose, rewrite every golden file from the current
output and review the diff before committing it:

    python -m pytest tests/test_report_golden.py --update-golden

The year is frozen: the goldens change only when the report does, never when the sample in data/ is regenerated
or cleared.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import YEAR, YEAR_TODAY
from minzheng_cli.cli import app

GOLDEN = Path(__file__).resolve().parent / "golden"

W80 = ("--width", "80")
BRIEF = ("--brief",)
GOLDENS = [
    ("2025-W14", "zh", "text", (), "txt"),  # 清明 due on the report date; the first quarter's laggards
    ("2025-W27", "zh", "text", (), "txt"),  # the week after the mid-year review, as pasted into a chat
    ("2025-W27", "zh", "text", W80, "w80.txt"),  # the same in 80 columns: names and figures never split
    ("2025-W27", "en", "text", (), "txt"),
    ("2025-W27", "en", "text", W80, "w80.txt"),
    ("2025-W27", "zh", "html", (), "html"),  # the charts, the lights' colours, the escaping
    ("2025-W27", "zh", "text", BRIEF, "brief.txt"),  # the leader's ten lines
    ("2025-W27", "en", "text", BRIEF, "brief.txt"),
    ("2025-W27", "zh", "markdown", BRIEF, "brief.md"),
    ("2025-W40", "zh", "markdown", (), "md"),  # 敬老月 due within 30 days
    ("2025-W40", "en", "markdown", (), "md"),
    ("2025-06", "zh", "text", (), "txt"),  # a 月报: June's changes against 5月31日, the five weeks ending in June
]


def period_option(label: str) -> str:
    """The option that asks for the period `label` names: --week 2025-W27, --month 2025-06, --quarter 2025-Q2."""
    return "--week" if "-W" in label else "--quarter" if "-Q" in label else "--month"


@pytest.mark.parametrize(("week", "lang", "format", "options", "suffix"), GOLDENS)
def test_report_matches_its_golden_file(week: str, lang: str, format: str, options: tuple[str, ...], suffix: str,
                                        update_golden: bool) -> None:
    result = CliRunner().invoke(app, ["--data", str(YEAR), "report", period_option(week), week, "--lang", lang,
                                      "--format", format, *options], env={"MINZHENG_TODAY": YEAR_TODAY})
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / f"report-{week}.{lang}.{suffix}"
    if update_golden:
        path.parent.mkdir(exist_ok=True)
        path.write_text(result.stdout, encoding="utf-8")
    assert path.is_file(), f"{path} is missing; run python -m pytest {__file__} --update-golden"
    assert result.stdout == path.read_text(encoding="utf-8"), f"{path.name} differs; see the module docstring"
