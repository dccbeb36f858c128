"""The rulebook: rules, their versions, sources and documenting scenarios."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from art52.api.deps import Caller, Services
from art52.api.errors import problems
from art52.api.rule_schemas import RulebookOut, RuleDetailOut, RuleList, RuleSummary, SourceOut
from art52.api.schemas import IsoDate
from art52.domain.principles import Principle


def router() -> APIRouter:
    api = APIRouter(prefix="/v1", tags=["rules"])

    @api.get(
        "/rules",
        response_model=RuleList,
        summary="Rule versions, by id and version; filter by family, principle or date in force",
        responses=problems(401, 422, 503),
    )
    def list_rules(
        _caller: Caller,
        services: Services,
        family: Annotated[str | None, Query(max_length=64)] = None,
        principle: Principle | None = None,
        in_force_on: Annotated[IsoDate | None, Query(description="only the versions in force on this date")] = None,
    ) -> RuleList:
        rules = services.rules.rules(family, principle, in_force_on)
        return RuleList(items=[RuleSummary(**RuleSummary.fields_of(r)) for r in rules])

    @api.get(
        "/rules/{rule_id}",
        response_model=RuleDetailOut,
        summary="Every version of a rule: conditions, explanation, sources, and the scenarios documenting it",
        responses=problems(401, 404, 503),
    )
    def get_rule(rule_id: str, _caller: Caller, services: Services) -> RuleDetailOut:
        return RuleDetailOut.from_detail(services.rules.rule(rule_id))

    @api.get(
        "/sources/{source_id}",
        response_model=SourceOut,
        summary="A legal source of the register, and the rules citing it",
        responses=problems(401, 404, 503),
    )
    def get_source(source_id: str, _caller: Caller, services: Services) -> SourceOut:
        return SourceOut.from_detail(services.rules.source(source_id))

    @api.get(
        "/rulebook",
        response_model=RulebookOut,
        summary="The rulebook in force in the service: version hash and counts",
        responses=problems(401, 503),
    )
    def get_rulebook(_caller: Caller, services: Services) -> RulebookOut:
        return RulebookOut.from_summary(services.rules.summary())

    return api
