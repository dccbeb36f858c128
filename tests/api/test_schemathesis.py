"""Property-based tests of the API against its own OpenAPI document (schemathesis, in process).

For every operation, schemathesis generates valid and invalid requests (and
replays the documented examples), authenticated as a submitter or as a
reviewer, against a database that already holds a measure in review, so that
generated identifiers sometimes meet real objects. Every response must conform
to the documented status codes, media types and schemas, and no input may
produce a server error.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance
from schemathesis.config import SchemathesisConfig
from schemathesis.schemas import APIOperation, BaseSchema

from art52.config import Settings

MAX_EXAMPLES = 30
# Operations that assess a measure many times per request (an interview tries the answers to its
# questions, a what-if or diff assesses twice, remedies re-assess up to hundreds of variants, an
# impact analysis re-assesses stored measures) get fewer cases: the same checks, a smaller sample.
HEAVY = ("/v1/interviews", "/what-if", "/v1/assess", "/v1/impact-analyses", "/v1/rulebooks")
MAX_HEAVY_EXAMPLES = 8
# Schema-valid but refused on purpose: cursors are opaque tokens the server issued, and the
# measure contract has cross-field rules (and calendar dates) that its JSON Schema cannot state.
SEMANTIC = [positive_data_acceptance]


@pytest.fixture
def settings(settings_on_each_database: Settings) -> Settings:
    """Both databases: PostgreSQL refuses what SQLite lets through (NUL characters, out-of-range integers)."""
    return settings_on_each_database


@pytest.fixture
def seeded(flow: Any) -> dict[str, str]:
    measure_id, assessment_id, _ = flow.in_review()
    return {"measure_id": measure_id, "assessment_id": assessment_id}


@pytest.fixture(params=["submitter", "reviewer"])
def api_schema(request: pytest.FixtureRequest, app: FastAPI, callers: Any) -> BaseSchema:
    token = getattr(callers, request.param)["Authorization"].removeprefix("Bearer ")
    config = SchemathesisConfig.from_dict(
        {"generation": {"max-examples": MAX_EXAMPLES}, "auth": {"openapi": {"bearerToken": {"bearer": token}}}}
    )
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def operations(api_schema: BaseSchema) -> list[APIOperation]:
    return [result.ok() for result in api_schema.get_all_operations()]


def exercise(strategy: Any, seeded: dict[str, str], max_examples: int) -> None:
    """Send every generated case; about half of them aimed at the real measure and assessment."""

    @given(case=strategy, real_ids=st.booleans())
    @hypothesis_settings(
        max_examples=max_examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def run(case: Any, real_ids: bool) -> None:
        if real_ids and case.path_parameters:
            for name in set(seeded) & set(case.path_parameters):
                case.path_parameters[name] = seeded[name]
        case.call_and_validate(excluded_checks=SEMANTIC)

    try:
        run()
    except Unsatisfiable:  # a negative run of an operation with nothing that can be made invalid
        return


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_generated_requests_conform_to_the_openapi_document(
    api_schema: BaseSchema, seeded: dict[str, str], mode: GenerationMode
) -> None:
    for operation in operations(api_schema):
        examples = MAX_HEAVY_EXAMPLES if any(part in operation.path for part in HEAVY) else MAX_EXAMPLES
        exercise(operation.as_strategy(generation_mode=mode), seeded, examples)


def test_the_documented_examples_conform_and_never_fail(api_schema: BaseSchema, seeded: dict[str, str]) -> None:
    strategies = [s for operation in operations(api_schema) for s in api_schema.get_strategies_from_examples(operation)]
    assert strategies, "the measure operations carry the example measures"
    for strategy in strategies:
        exercise(strategy, seeded, 5)
