"""Workflow actions: submit, take for review, decide, contest a finding.

Each answers with the measure's new ETag. Send the ETag you read in If-Match:
if someone acted first you get 412 instead of acting on a state you never saw.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Response, status

from art52.api.deps import Caller, ExpectedRevision, Services, known_id, set_etag
from art52.api.errors import PRECONDITION_REQUIRED, ProblemError, problems
from art52.api.schemas import ContestIn, ContestOut, DecisionIn, DecisionOut, DecisionResult, MeasureSummary
from art52.domain.records import MeasureRecord

ACTION_PROBLEMS = problems(400, 401, 403, 404, 409, 412, 413, 415, 422)
DECISION_PROBLEMS = problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428)
ASSESSMENT = "00000000-0000-4000-8000-000000000001"
DECISION_EXAMPLES = {
    "approve": {
        "summary": "Approve, with a condition the measure must adopt",
        "value": {
            "assessment_id": ASSESSMENT,
            "decision": "approve",
            "reason": "Targeted, judicially authorised and limited to 90 days.",
            "conditions": ["Report the number of preservation orders to Parliament every year"],
        },
    },
    "reject": {
        "summary": "Reject",
        "value": {
            "assessment_id": ASSESSMENT,
            "decision": "reject",
            "reason": "General retention of traffic data for crime in general.",
        },
    },
    "refuse": {
        "summary": "Refuse a notified order on a ground of Art. 12(1)",
        "value": {
            "assessment_id": ASSESSMENT,
            "decision": "refuse",
            "reason": "The journalist's traffic data are covered by the rules protecting journalistic sources.",
            "ground": "press_freedom",
        },
    },
    "return": {
        "summary": "Return for more information",
        "value": {
            "assessment_id": ASSESSMENT,
            "decision": "return",
            "reason": "State how long the data are kept and why.",
        },
    },
}


def summary_out(response: Response, record: MeasureRecord) -> MeasureSummary:
    """The measure's summary as answered, its revision in the ETag header."""
    set_etag(response, record)
    return MeasureSummary.from_record(record)


def router() -> APIRouter:
    api = APIRouter(tags=["review workflow"])

    @api.post(
        "/v1/measures/{measure_id}/submit",
        response_model=MeasureSummary,
        summary="Submit a draft for review (draft → submitted)",
        responses=ACTION_PROBLEMS,
    )
    def submit(
        measure_id: str, response: Response, caller: Caller, services: Services, expected: ExpectedRevision
    ) -> MeasureSummary:
        return summary_out(response, services.reviews.submit(caller, known_id(measure_id, "measure"), expected))

    @api.post(
        "/v1/measures/{measure_id}/review",
        response_model=MeasureSummary,
        summary="Take an assessed measure for review (assessed → in_review)",
        responses=ACTION_PROBLEMS,
    )
    def take_for_review(
        measure_id: str, response: Response, caller: Caller, services: Services, expected: ExpectedRevision
    ) -> MeasureSummary:
        return summary_out(response, services.reviews.take(caller, known_id(measure_id, "measure"), expected))

    @api.post(
        "/v1/measures/{measure_id}/decision",
        response_model=DecisionResult,
        summary="Decide on a measure in review: approve (optionally with conditions), reject or return",
        description="A written reason is required. The decision names the assessment it decides: "
        "`assessment_id` (the measure's `latest_assessment_id`; 409 if another assessment is now the latest) or, "
        "instead, `If-Match` with the measure's ETag (412 if it changed); with neither, 428. Four-eyes: nobody "
        "who wrote or submitted a version of the measure (told apart by token subject, not by name) may "
        "decide on it, returning included. Returning sends it back for more information; revising it makes it "
        "a draft again. On an "
        "order notified to the enforcing authority (a measure with `deadline_at`), the enforcing authority may "
        "also decide `no_objection`, `refuse` (with its `ground`) or `conditions` (with at least one condition).",
        responses=DECISION_PROBLEMS,
    )
    def decide(
        measure_id: str,
        body: Annotated[DecisionIn, Body(openapi_examples=DECISION_EXAMPLES)],
        response: Response,
        caller: Caller,
        services: Services,
        expected: ExpectedRevision,
    ) -> DecisionResult:
        if body.assessment_id is None and expected is None:
            raise ProblemError(
                PRECONDITION_REQUIRED,
                "name the assessment you decide: assessment_id in the body (the measure's latest_assessment_id), "
                'or If-Match with the measure\'s ETag (e.g. If-Match: "4")',
            )
        record, decision = services.reviews.decide(
            caller,
            known_id(measure_id, "measure"),
            body.decision,
            body.reason,
            body.conditions,
            expected,
            body.assessment_id,
            ground=body.ground,
        )
        return DecisionResult(measure=summary_out(response, record), decision=DecisionOut.from_record(decision))

    @api.post(
        "/v1/assessments/{assessment_id}/findings/{rule_id}/contest",
        status_code=status.HTTP_201_CREATED,
        response_model=ContestOut,
        summary="Contest one finding of a stored assessment, with a reason (shown in reports)",
        responses=problems(400, 401, 403, 404, 413, 415, 422),
    )
    def contest(assessment_id: str, rule_id: str, body: ContestIn, caller: Caller, services: Services) -> ContestOut:
        found = services.reviews.contest(caller, known_id(assessment_id, "assessment"), rule_id, body.reason)
        return ContestOut.from_record(found)

    return api
