"""JSON Schemas of the data files, for editors and other validators (DESIGN §3 `minzheng schema`).

The progress-report schema is built from the plan: every indicator id is a property of `values`, described by its
name, kind and unit of measure, with the shape its kind needs (a number — a whole number where the unit of
measure counts whole things —, a `{numerator, denominator}` object, or a milestone word); ids not in the plan are
refused, and so are ids the report's unit does not report. An editor with the YAML language server completes the
ids and explains them; `check-jsonschema` and the like can check a report's structure. `minzheng validate` stays
the authority: what a schema cannot say (a cumulative figure lower than last week's, numerator above denominator,
YAML 1.1 words, a date outside the plan) only `validate` checks.

The schemas declare JSON Schema draft-07: the YAML language server (VS Code's YAML extension) supports draft-07
fully and newer drafts only in part, and every keyword used here (`if`/`then`/`else`, `propertyNames`,
`format: date`) is draft-07's.

A YAML-1.2 reader (the YAML language server, check-jsonschema) types plain scalars itself, which minzheng never
does: so a note is allowed to be any scalar (`notes: {"3.1": 12}` is the text "12" to minzheng), and indicator
ids must be quoted in a report (`"3.10":`), as every example of the project writes them.

Pure: `write_schemas` is the only function that touches the file system.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from minzheng_cli.catalogue import Lang
from minzheng_cli.catalogue.schema import SchemaText
from minzheng_cli.catalogue.words import Kind, Words, word
from minzheng_cli.files import write_text
from minzheng_cli.model.files import MILESTONE_WORDS, Breakdown, Indicator, Targets, counts_whole
from minzheng_cli.model.jsontext import json_text
from minzheng_cli.model.scalars import number_text

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SchemaName = Literal["targets", "progress", "breakdown"]
SCHEMA_NAMES: tuple[SchemaName, ...] = ("targets", "progress", "breakdown")
# The files `write_schemas` writes, by schema: what a data repository commits and points its editor at.
SCHEMA_FILES: dict[SchemaName, str] = {"progress": "progress.schema.json", "targets": "targets.schema.json"}


def progress_schema(targets: Targets, lang: Lang = "zh") -> dict[str, Any]:
    """The JSON Schema of `progress/<unit>/<date>.yaml` for this plan, its descriptions in `lang`."""
    sep = SchemaText.list_sep.render(lang)
    units = sep.join(SchemaText.unit_item.format(lang, id=u.id, name=u.name) for u in targets.units)
    date = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    document: dict[str, Any] = {
        "$schema": DRAFT_07,
        "title": SchemaText.report_title.format(lang, title=targets.plan.title),
        "description": SchemaText.report_description.render(lang),
        "type": "object",
        "additionalProperties": False,
        "required": ["unit", "as_of"],
        "properties": {
            "unit": {"description": SchemaText.unit.format(lang, units=units), "type": "string",
                     "enum": [u.id for u in targets.units]},
            "as_of": {"description": SchemaText.as_of.render(lang), **date},
            "submitted": {"description": SchemaText.submitted.render(lang), **date},
            "values": {
                "description": SchemaText.values.render(lang),
                "type": ["object", "null"],
                "properties": {ind.id: value_schema(ind, targets, lang) for ind in targets.indicators},
                "additionalProperties": False,
            },
            "notes": {
                "description": SchemaText.notes.render(lang),
                "type": ["object", "null"],
                "properties": {ind.id: {"description": SchemaText.note_of.format(lang, id=ind.id, name=ind.name),
                                        "type": ["string", "number", "boolean", "null"]}
                               for ind in targets.indicators},
                "additionalProperties": False,
            },
        },
    }
    districts = [u.id for u in targets.units if u.kind == "district"]
    if len(districts) == 1:  # the plan check insists on one; a broken plan just gets no reporter rule
        mine = {"district": _ids_of(targets, "district"), "townships": _ids_of(targets, "townships")}
        document["if"] = {"properties": {"unit": {"const": districts[0]}}, "required": ["unit"]}
        document["then"] = {"properties": {"values": mine["district"]}}
        document["else"] = {"properties": {"values": mine["townships"]}}
    return document


def _ids_of(targets: Targets, reported_by: str) -> dict[str, Any]:
    """A schema admitting only the value keys of indicators reported by `reported_by`."""
    ids = [ind.id for ind in targets.indicators if ind.reported_by == reported_by]
    return {"propertyNames": {"enum": ids}} if ids else {"maxProperties": 0}


def value_schema(ind: Indicator, targets: Targets, lang: Lang) -> dict[str, Any]:
    """The schema of one indicator's entry in `values`: its description and the shape its kind needs."""

    whole = counts_whole(ind)
    number_word = (SchemaText.whole_number if whole else SchemaText.plain_number).render(lang)
    number: dict[str, Any] = {"type": "integer" if whole else "number", "minimum": 0}
    shape: dict[str, Any]
    if ind.kind == "milestone":
        hint = SchemaText.hint_milestone.render(lang)
        shape = {"type": "string", "enum": list(MILESTONE_WORDS)}
    elif ind.measure == "ratio":
        factor = number_text(ind.factor) if ind.factor is not None else "1"
        hint = SchemaText.hint_ratio.format(lang, factor=factor)
        shape = {
            "type": "object",
            "required": ["numerator", "denominator"],
            "additionalProperties": False,
            "properties": {
                "numerator": {"description": SchemaText.numerator.format(lang, number=number_word), **number},
                "denominator": {"description": SchemaText.denominator.format(lang, number=number_word),
                                "type": number["type"], "exclusiveMinimum": 0},
            },
        }
    else:
        hint = {"cumulative": SchemaText.hint_cumulative, "level": SchemaText.hint_level,
                "cap": SchemaText.hint_cap}[ind.kind].format(lang, number=number_word)
        shape = number
    return {"title": ind.name, "description": describe(ind, targets, lang, hint), **shape}


def describe(ind: Indicator, targets: Targets, lang: Lang, hint: str) -> str:
    """`3.1 新增"双证"持证护理员（类型：累计；计量单位：人；目标：150；报送：各镇(街道)）。填…`"""

    details = [SchemaText.kind.format(lang, kind=word(Kind, ind.kind, lang))]
    if ind.uom:
        details.append(SchemaText.uom.format(lang, uom=ind.uom))
    if ind.target is not None:
        details.append(SchemaText.target.format(lang, target=number_text(ind.target)))
    who = Words.reported_by_district if ind.reported_by == "district" else Words.reported_by_townships
    details.append(SchemaText.reported_by.format(lang, who=who.render(lang)))
    if ind.due is not None:
        details.append(SchemaText.due.format(lang, date=ind.due.isoformat()))
    return SchemaText.indicator.format(lang, id=ind.id, name=ind.name,
                                      details=SchemaText.detail_sep.render(lang).join(details), hint=hint)


def targets_schema() -> dict[str, Any]:
    """The JSON Schema of `targets.yaml` (the plan), from its pydantic model."""
    return _with_draft(Targets.model_json_schema())


def breakdown_schema() -> dict[str, Any]:
    """The JSON Schema of `breakdown.yaml` (quotas and baselines), from its pydantic model."""
    return _with_draft(Breakdown.model_json_schema())


def _with_draft(document: dict[str, Any]) -> dict[str, Any]:
    # pydantic writes only keywords draft-07 has too (`$defs` is a plain JSON-pointer target there).
    return {"$schema": DRAFT_07, **document}


def schema_for(name: SchemaName, targets: Targets | None, lang: Lang = "zh") -> dict[str, Any]:
    """The schema called `name`; `targets` is needed (not None) for `progress` only."""
    if name == "progress":
        if targets is None:
            raise ValueError("the progress schema is built from the plan: targets are needed")
        return progress_schema(targets, lang)
    return targets_schema() if name == "targets" else breakdown_schema()


def schema_text(document: dict[str, Any]) -> str:
    """A schema as the file `write_schemas` writes and `minzheng schema` prints: indented JSON, UTF-8 text."""
    return json_text(document)


def write_schemas(folder: str | os.PathLike[str], targets: Targets, lang: Lang = "zh") -> list[Path]:
    """Write progress.schema.json and targets.schema.json into `folder` (created if missing), each atomically.

    Returns the paths written, in that order. Raises OSError when the folder cannot be made or written."""

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, filename in SCHEMA_FILES.items():
        path = target / filename
        write_text(path, schema_text(schema_for(name, targets, lang)))
        written.append(path)
    return written
