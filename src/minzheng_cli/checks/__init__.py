"""Checks: one small module per family of rules, each rule a generator of problems (as yamllint's rules/).

- `shape`     the file against its pydantic model: keys, types, choices (codes declared there)
- `plan`      targets.yaml as a whole (DESIGN §1.1)
- `breakdown` breakdown.yaml against the plan (§1.2)
- `values`    a report's values typed against their indicators (§1.3–1.4)
- `files`     a report's place, name, dates and neighbours in progress/
- `history`   one unit's reports together, after carry-forward (§1.4)
- `plausibility` warnings across one unit's reports: figures possible but suspect (§1.4)
- `linter`    the pipeline: read each file, run the rules, place each problem on its node, cache the result

A rule yields `Problem(path, code, message)`; `path` is the place in the document (the linter turns it into a
line and column), `code` a `Code` declared at the top of the rule's module beside its rules.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from typing import NamedTuple, TypeVar

from minzheng_cli.catalogue import Message
from minzheng_cli.model import scalars
from minzheng_cli.model.diagnostics import MAX_PER_FILE, Code, Diagnostic, declared_codes
from minzheng_cli.read.yamldoc import Document, Path

R = TypeVar("R")


class Problem(NamedTuple):
    path: Path
    code: Code
    message: Message


Rule = Generator[Problem, None, R]


class Context:
    """What rules share while one file is checked: close-match suggestions stop once the file has more problems
    than will be shown (difflib is slow on a huge broken file)."""

    def __init__(self) -> None:
        self.found = 0

    def closest(self, word: str, choices: list[str] | Callable[[], list[str]]) -> str | None:
        """The closest of `choices` (a list, or what makes it: not made once suggestions stop), or None."""
        if self.found >= MAX_PER_FILE:
            return None
        return scalars.closest(word, choices() if callable(choices) else choices)


def place(problems: Iterable[Problem], doc: Document, display: str, ctx: Context, out: list[Diagnostic]) -> None:
    """Each problem as a diagnostic on its node's line and column, added to `out`."""
    for problem in problems:
        ctx.found += 1
        mark = doc.mark(problem.path)
        out.append(Diagnostic.make(display, mark.line, mark.column, problem.code, problem.message))


def run(rule: Rule[R], doc: Document, display: str, ctx: Context, out: list[Diagnostic]) -> R:
    """Drive a rule that also computes something (typed values): its problems into `out`, its result returned."""
    while True:
        try:
            problem = next(rule)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        place((problem,), doc, display, ctx, out)


# The modules that declare codes beside their rules, in the order docs/codes.md lists them.
CODE_MODULES = (
    "minzheng_cli.read.yamldoc",
    "minzheng_cli.model.scalars",
    "minzheng_cli.checks.shape",
    "minzheng_cli.checks.plan",
    "minzheng_cli.checks.breakdown",
    "minzheng_cli.checks.values",
    "minzheng_cli.checks.history",
    "minzheng_cli.checks.plausibility",
    "minzheng_cli.checks.files",
    "minzheng_cli.read.workbook",
)


def all_codes() -> dict[str, Code]:
    """Every code, from the modules that declare them, in the order of CODE_MODULES and of declaration."""
    import importlib

    for module in CODE_MODULES:
        importlib.import_module(module)
    order = {name: i for i, name in enumerate(CODE_MODULES)}
    found = declared_codes()
    ranked = sorted(range(len(found)), key=lambda i: (order.get(found[i][1], len(order)), i))
    return {found[i][0].id: found[i][0] for i in ranked}
