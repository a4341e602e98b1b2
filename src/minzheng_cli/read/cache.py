"""A cache of validated reports, keyed by content (DESIGN §4).

One JSON file per data folder, in `MINZHENG_CACHE` or the user's cache folder. An entry holds what
`loading.load_report` returned for a file — the typed report, or None, and its diagnostics — under the
SHA-256 of the file's bytes, its place (unit folder and name), the targets file's hash and the program version.
Anything unexpected — a corrupt, stale or unreadable cache, a read-only or deleted folder — means a miss: the
answer never depends on the cache, only the time it takes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from minzheng_cli import __version__, files
from minzheng_cli.catalogue import Message
from minzheng_cli.model.diagnostics import Diagnostic
from minzheng_cli.model.files import Ratio, Report, Value

FORMAT = 4  # 4: catalogue ids for messages, and each value's (line, column);
# 2: each diagnostic keeps its message's template and parameters ("detail"), for --lang;
# 3: numbers as int or [numerator, denominator]


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class ReportCache:
    """Entries for one data folder and one targets file; `save()` writes them back atomically."""

    def __init__(self, folder: Path, data_dir: str, targets_digest: str) -> None:
        name = digest(os.path.abspath(data_dir).encode("utf-8"))[:32]
        self.file = folder / f"reports-{name}.json"
        self.stamp = {"format": FORMAT, "version": __version__, "targets": targets_digest}
        self.old: dict[str, Any] = self._read()
        self.new: dict[str, Any] = {}

    def _read(self) -> dict[str, Any]:
        try:
            with open(self.file, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError):
            return {}
        if not isinstance(document, dict) or document.get("stamp") != self.stamp:
            return {}
        entries = document.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str, content: str, today: date, display: str) -> tuple[Report | None, list[Diagnostic]] | None:
        """The stored result for the file at `key` (its path inside progress/) with this content, shown as
        `display`; None on a miss."""
        entry = self.old.get(key)
        if not isinstance(entry, dict) or entry.get("sha") != content:
            return None
        try:
            # a report checked against a later 'today' may now be in the future: check it again
            if date.fromisoformat(entry["latest"]) > today:
                return None
            found = _decode(entry, display)
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            return None
        self.new[key] = entry
        return found

    def put(self, key: str, content: str, report: Report | None, diagnostics: list[Diagnostic], latest: date) -> None:
        self.new[key] = {
            "sha": content,
            "latest": latest.isoformat(),
            "report": _encode_report(report),
            "diagnostics": [_encode_diagnostic(d) for d in diagnostics],
        }

    def save(self) -> None:
        if self.new == self.old:
            return
        document = {"stamp": self.stamp, "entries": self.new}
        with contextlib.suppress(OSError):  # an unwritable cache only costs time
            self.file.parent.mkdir(parents=True, exist_ok=True)
            files.write_text(self.file, json.dumps(document, ensure_ascii=False, separators=(",", ":")))


def _fraction(value: Fraction) -> int | list[int]:
    """An exact number as JSON: an int, or [numerator, denominator]; cheaper to read back than "n/d" text."""
    return value.numerator if value.denominator == 1 else [value.numerator, value.denominator]


def _number(raw: Any) -> Fraction:
    if type(raw) is int:
        return Fraction(raw)
    if type(raw) is list and len(raw) == 2 and type(raw[0]) is int and type(raw[1]) is int and raw[1] > 0:
        return Fraction(raw[0], raw[1])
    raise ValueError(raw)


def _encode_value(value: Value) -> Any:
    if isinstance(value, Fraction):
        return {"n": _fraction(value)}
    if isinstance(value, Ratio):
        return {"r": [_fraction(value.numerator), _fraction(value.denominator)]}
    return {"m": value}


def _decode_value(raw: Any) -> Value:
    if "n" in raw:
        return _number(raw["n"])
    if "r" in raw:
        numerator, denominator = raw["r"]
        return Ratio.model_construct(numerator=_number(numerator), denominator=_number(denominator))
    state = raw["m"]
    if state not in ("not_started", "in_progress", "done"):
        raise ValueError(state)
    return state  # type: ignore[no-any-return]


def _encode_report(report: Report | None) -> Any:
    if report is None:
        return None
    return {
        "unit": report.unit,
        "as_of": report.as_of.isoformat(),
        "submitted": report.submitted.isoformat() if report.submitted else None,
        "values": {k: _encode_value(v) for k, v in report.values.items()},
        "notes": report.notes,
        "marks": {k: list(v) for k, v in report.marks.items()},
    }


def _encode_diagnostic(d: Diagnostic) -> dict[str, Any]:
    """`as_dict()` (English), and the message's template and parameters to show it in another language."""
    return {**d.as_dict(), "detail": d.detail.as_data() if d.detail is not None else None}


def _decode_diagnostic(raw: dict[str, Any], display: str) -> Diagnostic:
    detail = raw.get("detail")
    fields = {k: v for k, v in raw.items() if k != "detail"}
    return Diagnostic(**{**fields, "path": display, "detail": Message.from_data(detail) if detail is not None else None})


def _decode(entry: dict[str, Any], display: str) -> tuple[Report | None, list[Diagnostic]]:
    raw = entry["report"]
    diagnostics = [_decode_diagnostic(d, display) for d in entry["diagnostics"]]
    if raw is None:
        return None, diagnostics
    report = Report.model_construct(
        path=display,
        unit=raw["unit"],
        as_of=date.fromisoformat(raw["as_of"]),
        submitted=date.fromisoformat(raw["submitted"]) if raw["submitted"] else None,
        values={k: _decode_value(v) for k, v in raw["values"].items()},
        notes=dict(raw["notes"]),
        marks={str(k): _position(v) for k, v in raw["marks"].items()},
    )
    return report, diagnostics


def _position(raw: Any) -> tuple[int, int]:
    if type(raw) is list and len(raw) == 2 and all(type(n) is int and n > 0 for n in raw):
        return raw[0], raw[1]
    raise ValueError(raw)
