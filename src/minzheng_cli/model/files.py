"""The data model: pydantic schemas of the three kinds of file (DESIGN §1.1–1.3).

Every model is strict about keys (an unknown or misspelt key is an error) and types its scalars with the
functions in `scalars`, so nothing is guessed. Numbers are exact `Fraction`s; JSON Schema shows them as numbers.
Checks that need more than one field (plan-level checks, values against the plan) live in `checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from minzheng_cli.errors import MinzhengError
from minzheng_cli.model import scalars


def _pydantic(parse: Any) -> Any:
    def validate(raw: object) -> Any:
        try:
            return parse(raw)
        except MinzhengError as err:  # the English text as pydantic's message, the Message in the context
            raise PydanticCustomError(err.file_code().id, "{message}", {"message": err.message, "detail": err.detail}) from None

    return validate


def _none_to_empty(raw: object) -> object:
    return {} if raw is None else raw


Number = Annotated[
    Fraction,
    PlainValidator(_pydantic(scalars.parse_number)),
    PlainSerializer(float, return_type=float),
    WithJsonSchema({"type": "number"}),
]
Int = Annotated[int, PlainValidator(_pydantic(scalars.parse_int)), WithJsonSchema({"type": "integer"})]
Date = Annotated[
    date,
    PlainValidator(_pydantic(scalars.parse_date)),
    PlainSerializer(date.isoformat, return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
Text = Annotated[str, PlainValidator(_pydantic(scalars.parse_text)), WithJsonSchema({"type": "string"})]
Slug = Annotated[Text, Field(pattern=r"^[a-z][a-z0-9_-]*$")]

Kind = Literal["cumulative", "level", "cap", "milestone"]
Measure = Literal["count", "ratio"]
ReportedBy = Literal["townships", "district"]
UnitKind = Literal["town", "subdistrict", "district"]
Milestone = Literal["not_started", "in_progress", "done"]

MILESTONE_WORDS: dict[str, Milestone] = {
    "not_started": "not_started",
    "in_progress": "in_progress",
    "done": "done",
    "未开始": "not_started",
    "进行中": "in_progress",
    "已完成": "done",
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Lights(Strict):
    tolerance: Number = Fraction(10)
    red: Number = Fraction(30)


class Plan(Strict):
    id: Text
    title: Text
    document: Text
    issuer: Text
    issued: Date
    start: Date
    end: Date
    pace: Literal["days", "months"]
    cadence: Literal["weekly", "monthly"]
    timely_days: Int
    lights: Lights = Lights()


class Unit(Strict):
    id: Slug
    name: Text
    code: Text
    kind: UnitKind


class Task(Strict):
    number: Int
    title: Text
    section: Text


class Indicator(Strict):
    id: Text
    task: Int
    name: Text
    kind: Kind
    measure: Measure | None = None
    factor: Number | None = None
    target: Number | None = None
    uom: Text | None = None
    reported_by: ReportedBy
    source: Text
    due: Date | None = None
    parent: Text | None = None
    note: Text | None = None


class Targets(Strict):
    """`data/targets.yaml`: the plan, its units, tasks and indicators."""

    plan: Plan
    units: list[Unit]
    tasks: list[Task]
    indicators: list[Indicator]

    # Look-ups by id, built once per plan: a province-scale run asks them millions of times.
    @cached_property
    def indicators_by_id(self) -> dict[str, Indicator]:
        return {i.id: i for i in reversed(self.indicators)}  # reversed: the first of a duplicated id wins

    @cached_property
    def units_by_id(self) -> dict[str, Unit]:
        return {u.id: u for u in reversed(self.units)}

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self.indicators_by_id.get(indicator_id)

    def unit(self, unit_id: str) -> Unit | None:
        return self.units_by_id.get(unit_id)

    @cached_property
    def townships(self) -> list[Unit]:
        return [u for u in self.units if u.kind != "district"]

    @cached_property
    def district(self) -> Unit:
        return next(u for u in self.units if u.kind == "district")

    def reports(self, unit: Unit, indicator: Indicator) -> bool:
        """Whether `unit` reports `indicator`: the district unit its own, every township the townships'."""
        return (unit.kind == "district") == (indicator.reported_by == "district")

    def due(self, indicator: Indicator) -> date:
        return indicator.due or self.plan.end

    def reporters(self, indicator: Indicator) -> list[Unit]:
        """The units that report this indicator, in the order of `units`."""
        if indicator.reported_by == "district":
            return [self.district]
        return self.townships


class Breakdown(Strict):
    """`data/breakdown.yaml`: the bureau's 任务分解 — township quotas and baselines at plan start."""

    source: Text
    quotas: Annotated[dict[Text, Annotated[dict[Text, Number], BeforeValidator(_none_to_empty)]],
                      BeforeValidator(_none_to_empty)] = {}
    baselines: Annotated[dict[Text, Number], BeforeValidator(_none_to_empty)] = {}


class ReportFile(Strict):
    """A progress report as written: its values are typed against the plan afterwards (`checks`)."""

    unit: Text
    as_of: Date
    submitted: Date | None = None
    values: Annotated[dict[Text, Any], BeforeValidator(_none_to_empty)] = {}
    notes: Annotated[dict[Text, Text | None], BeforeValidator(_none_to_empty)] = {}


class Ratio(NamedTuple):
    """A ratio indicator's reported parts (DESIGN §1.3): a tuple, cheap to make for each of a province's values."""

    numerator: Fraction
    denominator: Fraction


Value = Fraction | Ratio | Milestone


@dataclass(frozen=True, slots=True)
class Report:
    """A valid report, its values typed: a count is a Fraction, a ratio a `Ratio`, a milestone its state.

    A plain dataclass, not a pydantic model: the checks typed every field already, and a province has 67,600
    reports to make (from files, or from the cache)."""

    path: str
    unit: str
    as_of: date
    values: dict[str, Value]
    submitted: date | None = None
    notes: dict[str, str] = field(default_factory=dict)
    # (line, column) of each value in its file, kept from the one parse, to place problems found across reports
    marks: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)


# units of measure that count whole things: a fraction of them is an error (DESIGN §1.4)
WHOLE_UOMS = frozenset({"人", "人次", "户", "个", "家", "名", "张", "次", "所", "处", "床", "间", "座", "项", "场", "期", "支"})


def unit_indicators(targets: Targets, unit: Unit) -> list[Indicator]:
    """The indicators `unit` reports, in the plan's order."""
    return [ind for ind in targets.indicators if targets.reports(unit, ind)]


def counts_whole(ind: Indicator) -> bool:
    """Whether the indicator's figures are whole numbers: a count in 人, 户, 个…; a ratio's parts always."""
    return ind.measure == "ratio" or (ind.measure == "count" and (ind.uom or "").split("/")[0] in WHOLE_UOMS)
