"""The diagnostic codes: every code the loader can emit is listed in CODES, and docs/codes.md is current."""

from __future__ import annotations

import ast
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from cogapp import Cog

import minzheng_cli
from conftest import call_name
from minzheng_cli.model.diagnostics import CODES

SOURCE = Path(minzheng_cli.__file__).parent
ROOT = Path(__file__).resolve().parent.parent
LOADER = ["yamlread.py", "scalars.py", "checks.py", "loading.py", "diagnostics.py", "models.py", "importer.py"]

# where a code is the n-th positional argument of a call
CALLS = {"emit": 1, "YamlProblem": 0, "ScalarError": 0, "PydanticCustomError": 0, "make": 3}


def emitted_codes(source: str) -> set[str]:
    """Every literal code in `source`: arguments of the calls that raise or record a diagnostic, values
    assigned to `code`, and the code of each (report, id, code, message) tuple of the cross checks."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            index = CALLS.get(call_name(node.func) or "")
            if index is not None and len(node.args) > index:
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
            if call_name(node.func) == "append" and node.args and isinstance(node.args[0], ast.Tuple):
                elts = node.args[0].elts
                if len(elts) == 4 and isinstance(elts[2], ast.Constant):
                    found.add(elts[2].value)
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple):
            names = [t.id for t in node.targets[0].elts if isinstance(t, ast.Name)]
            if names[:1] == ["code"] and isinstance(node.value, ast.Tuple):
                first = node.value.elts[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    return found


def all_emitted() -> set[str]:
    codes: set[str] = set()
    for name in LOADER:
        codes |= emitted_codes((SOURCE / name).read_text(encoding="utf-8"))
    return codes


def test_scanner_finds_codes() -> None:
    sample = 'emit(at, "a-code", "m")\nraise YamlProblem("b", "m")\ncode, path = "c", loc\n' \
             'found.append((r, i, "d", "m"))\nDiagnostic.make(p, 1, 1, "e", "m")\n'
    assert emitted_codes(sample) == {"a-code", "b", "c", "d", "e"}


def test_every_emitted_code_is_listed() -> None:
    emitted = all_emitted()
    assert len(emitted) > 40
    assert emitted - set(CODES) == set()


def test_every_listed_code_is_emitted_somewhere() -> None:
    assert set(CODES) - all_emitted() == set()


def test_codes_are_stable_kebab_case_with_a_severity_and_meaning() -> None:
    for code, (severity, meaning) in CODES.items():
        assert code == code.lower() and " " not in code and "_" not in code
        assert severity in ("error", "warning")
        assert meaning


def test_codes_doc_is_current(tmp_path: Path) -> None:
    doc = ROOT / "docs" / "codes.md"
    text = doc.read_text(encoding="utf-8")
    for code, (severity, _) in CODES.items():
        assert f"| `{code}` | {severity} |" in text
    copy = tmp_path / "codes.md"
    shutil.copy(doc, copy)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = Cog().main(["cog", "--check", str(copy)])
    assert status == 0, f"docs/codes.md is stale: run `cog -r docs/codes.md`\n{out.getvalue()}{err.getvalue()}"
