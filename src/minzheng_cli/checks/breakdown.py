"""Rules for breakdown.yaml against the plan (DESIGN §1.2): quotas and baselines."""

from __future__ import annotations

from fractions import Fraction

from minzheng_cli.catalogue.codes import Meaning
from minzheng_cli.catalogue.diagnostics import CheckMsg, suggestion
from minzheng_cli.checks import Context, Problem, Rule
from minzheng_cli.checks.files import UNKNOWN_UNIT
from minzheng_cli.checks.values import NEGATIVE_VALUE, known_indicator
from minzheng_cli.model.diagnostics import Code
from minzheng_cli.model.files import Breakdown, Targets
from minzheng_cli.model.scalars import number_text
from minzheng_cli.read.yamldoc import KEY, Path

QUOTA_NOT_ALLOWED = Code("quota-not-allowed", "error", Meaning.quota_not_allowed)
QUOTA_NOT_POSITIVE = Code("quota-not-positive", "error", Meaning.quota_not_positive)
QUOTA_SUM_SHORT = Code("quota-sum-short", "error", Meaning.quota_sum_short)
BASELINE_NOT_ALLOWED = Code("baseline-not-allowed", "error", Meaning.baseline_not_allowed)
BASELINE_NOT_BELOW_TARGET = Code("baseline-not-below-target", "error", Meaning.baseline_not_below_target)


def check(targets: Targets, breakdown: Breakdown, ctx: Context) -> Rule[None]:
    township_ids = [u.id for u in targets.townships]
    for ind_id, quotas in breakdown.quotas.items():
        at: Path = ("quotas", ind_id)
        ind = yield from known_indicator(targets, ind_id, (*at, KEY), ctx)
        if ind is None:
            continue
        if ind.reported_by != "townships" or ind.kind not in ("cumulative", "level"):
            yield Problem(
                (*at, KEY),
                QUOTA_NOT_ALLOWED,
                CheckMsg.indicator_reported_quotas_only(id=ind_id, kind=ind.kind, reported_by=ind.reported_by),
            )
            continue
        for unit_id, quota in quotas.items():
            if unit_id not in township_ids:
                hint = ctx.closest(unit_id, township_ids)
                yield Problem((*at, unit_id, KEY), UNKNOWN_UNIT, CheckMsg.township_unit_plan(unit=unit_id, hint=suggestion(hint)))
            if quota <= 0:
                yield Problem(
                    (*at, unit_id), QUOTA_NOT_POSITIVE, CheckMsg.quota_must_above_leave(quota=number_text(quota), unit=unit_id)
                )
        total = sum((q for u, q in quotas.items() if u in township_ids and q > 0), Fraction(0))
        if ind.measure == "count" and ind.target is not None and total < ind.target:
            yield Problem(
                (*at, KEY),
                QUOTA_SUM_SHORT,
                CheckMsg.quotas_up_less_target(
                    id=ind_id, total=number_text(total), target=number_text(ind.target), uom=str(ind.uom)
                ),
            )
    for ind_id, baseline in breakdown.baselines.items():
        at = ("baselines", ind_id)
        ind = yield from known_indicator(targets, ind_id, (*at, KEY), ctx)
        if ind is None:
            continue
        if ind.kind != "level":
            yield Problem(
                (*at, KEY), BASELINE_NOT_ALLOWED, CheckMsg.indicator_baselines_level_indicators(id=ind_id, kind=ind.kind)
            )
        elif baseline < 0:
            yield Problem(at, NEGATIVE_VALUE, CheckMsg.baseline_cannot_negative(baseline=number_text(baseline), id=ind_id))
        elif ind.target is not None and baseline >= ind.target:
            yield Problem(
                at,
                BASELINE_NOT_BELOW_TARGET,
                CheckMsg.baseline_must_below_target(
                    baseline=number_text(baseline), target=number_text(ind.target), uom=str(ind.uom)
                ),
            )
