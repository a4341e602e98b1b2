"""Rules across one unit's reports, after carry-forward (DESIGN §1.4): cumulative counts never fall, a part
never exceeds its whole."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from fractions import Fraction

from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import CheckMsg
from minzheng_cli.checks import Problem
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.model.files import Report, Targets
from minzheng_cli.model.scalars import number_text

DECREASING_CUMULATIVE = Code("decreasing-cumulative", "error", Meaning.decreasing_cumulative)
PART_EXCEEDS_WHOLE = Code("part-exceeds-whole", "error", Meaning.part_exceeds_whole)


def check(targets: Targets, reports: list[Report]) -> Iterator[tuple[Report, Problem]]:
    """Problems across each unit's reports, after carry-forward, each with the report it is placed in."""
    counts = [i for i in targets.indicators if i.measure == "count"]
    count_ids = {i.id for i in counts}
    parents = [(i, targets.indicator(i.parent)) for i in counts if i.parent]
    by_unit: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        by_unit[report.unit].append(report)
    for unit_reports in by_unit.values():
        unit_reports.sort(key=lambda r: r.as_of)
        latest: dict[str, tuple[Fraction, date]] = {}
        for report in unit_reports:
            for ind_id, value in report.values.items():
                if ind_id not in count_ids or not isinstance(value, Fraction):
                    continue
                ind = targets.indicator(ind_id)
                before = latest.get(ind_id)
                if ind is not None and ind.kind == "cumulative" and before is not None and value < before[0]:
                    yield (
                        report,
                        Problem(
                            ("values", ind_id),
                            DECREASING_CUMULATIVE,
                            CheckMsg.cumulative_year_lower_reported(
                                id=ind_id,
                                name=ind.name,
                                value=number_text(value),
                                before=number_text(before[0]),
                                date=str(before[1]),
                            ),
                        ),
                    )
                latest[ind_id] = (value, report.as_of)
            for child, parent in parents:
                if parent is None or (child.id not in report.values and parent.id not in report.values):
                    continue
                part, whole = latest.get(child.id), latest.get(parent.id)
                if part is not None and whole is None and part[0] > 0:
                    yield (
                        report,
                        Problem(
                            ("values", child.id),
                            PART_EXCEEDS_WHOLE,
                            CheckMsg.part_unit_reported_report(
                                id=child.id,
                                name=child.name,
                                part=number_text(part[0]),
                                parent=parent.id,
                                parent_name=parent.name,
                                date=str(report.as_of),
                            ),
                        ),
                    )
                elif part is not None and whole is not None and part[0] > whole[0]:
                    where = child.id if child.id in report.values else parent.id
                    yield (
                        report,
                        Problem(
                            ("values", where),
                            PART_EXCEEDS_WHOLE,
                            CheckMsg.part_but_larger_part(
                                id=child.id,
                                name=child.name,
                                part=number_text(part[0]),
                                parent=parent.id,
                                parent_name=parent.name,
                                whole=number_text(whole[0]),
                                uom=str(parent.uom),
                                date=str(report.as_of),
                            ),
                        ),
                    )
