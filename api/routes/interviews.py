"""Guided interviews: one decisive question at a time, from a partial measure to a verdict and a draft."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from art52.api.deps import Caller, Document, Services, known_id
from art52.api.errors import problems
from art52.api.openapi import MEASURE_REF
from art52.api.routes.measures import measure_out
from art52.api.schemas import IsoDate, MeasureOut
from art52.domain.assessment import Change, VerdictRange
from art52.domain.fields import measure_fields
from art52.domain.principles import Outcome, Principle, Verdict
from art52.services.interviews import InterviewView

AnswerValue = bool | int | float | str | list[str] | list[dict[str, Any]] | None


class ChoiceOut(BaseModel):
    value: bool | str
    label: str = Field(description="the answer in the contract's words (contract/labels.yaml)")


class RuleOut(BaseModel):
    rule_id: str
    title: str


class ConsequenceOut(BaseModel):
    answer: AnswerValue
    verdict: Verdict = Field(description="the verdict this answer would give (with the answers in `together`)")
    principles: dict[Principle, Outcome] = Field(description="the principles whose outcome this answer would move")
    opens: bool = Field(description="true when the answer moves nothing yet but settles or opens other questions")
    together: dict[str, AnswerValue] = Field(
        default_factory=dict,
        description="the further answers (field: value) with which this one decides a rule; empty when it "
        "matters alone",
    )


class WhyOut(BaseModel):
    rules: list[RuleOut] = Field(description="the rules waiting on the answer")
    changes: Change = Field(description="what the assessment says the answer could change")
    principles: list[Principle]
    answers_that_matter: list[ConsequenceOut] = Field(
        description="the answers, tried by assessing the measure with each, that would change something"
    )


class QuestionOut(BaseModel):
    field: str = Field(description="the field's dotted path in the measure contract")
    pointer: str = Field(description="the field as a JSON pointer into the measure document")
    text: str
    kind: str = Field(description="boolean, enum, enum_list (answer a list), integer, string, …")
    options: list[ChoiceOut] = Field(description="the allowed answers with their labels (yes/no and enum fields)")
    why: WhyOut


class InterviewOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    created_at: dt.datetime
    expires_at: dt.datetime
    finished: bool = Field(description="true when no answer to any remaining question could change anything")
    verdict: Verdict = Field(description="the verdict on the answers so far")
    verdict_range: VerdictRange
    principles: dict[Principle, Outcome]
    answers: int = Field(description="how many answers were given")
    question: QuestionOut | None = Field(description="the next question; null when the interview is finished")
    measure: dict[str, Any] = Field(description="the measure document built so far")
    measure_id: str | None = Field(description="the draft measure the interview was saved as")

    @classmethod
    def of(cls, view: InterviewView) -> InterviewOut:
        record, assessment = view.record, view.step.assessment
        return cls(
            id=record.id,
            created_at=record.created_at,
            expires_at=record.expires_at,
            finished=view.finished,
            verdict=assessment.verdict,
            verdict_range=assessment.verdict_range,
            principles={p: r.outcome for p, r in assessment.principles.items()},
            answers=len(record.answers),
            question=_question(view),
            measure=record.document,
            measure_id=record.measure_id,
        )


def _question(view: InterviewView) -> QuestionOut | None:
    asked = view.question
    if asked is None:
        return None
    titles = view.rule_titles or {}
    return QuestionOut(
        field=asked.path,
        pointer="/" + asked.path.replace(".", "/"),
        text=asked.question,
        kind=measure_fields()[asked.path].kind,
        options=[ChoiceOut(value=c.value, label=c.label) for c in view.choices],
        why=WhyOut(
            rules=[RuleOut(rule_id=r, title=titles.get(r, r)) for r in asked.rules],
            changes=asked.changes,
            principles=list(asked.principles),
            answers_that_matter=[
                ConsequenceOut(
                    answer=c.answer, verdict=c.verdict, principles=c.principles, opens=c.opens, together=c.together
                )
                for c in view.step.consequences
            ],
        ),
    )


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: str | None = Field(
        default=None, max_length=200, description="the field answered (dotted path); default: the question asked now"
    )
    value: AnswerValue = Field(
        description="the answer, of the field's kind (true/false, an enum value, a list of them, a number, a text); "
        'null for "not known": the question is passed and not asked again. A value the field does not admit is a '
        "422 naming /value."
    )


START_EXAMPLES = {
    "type-and-title": {
        "summary": "only a type and a title",
        "value": {"title": "Court-ordered quick freeze of traffic data", "measure_type": "expedited_preservation"},
    }
}
ANSWER_EXAMPLES = {
    "yes": {"summary": "answer the question asked now", "value": {"value": True}},
    "named-field": {"summary": "answer a named field", "value": {"field": "jurisdiction", "value": "NL"}},
    "not-known": {"summary": "not known: pass the question", "value": {"value": None}},
}


def router() -> APIRouter:
    api = APIRouter(prefix="/v1/interviews", tags=["interviews"])

    @api.post(
        "",
        status_code=status.HTTP_201_CREATED,
        response_model=InterviewOut,
        summary="Start a guided interview from a partial measure (a title and a type are enough)",
        description="The interview asks only questions whose answer could still change the verdict or a "
        "principle, most decisive first; each is checked by assessing the measure with the allowed answers. "
        "It belongs to the caller's organisation and expires (setting `interview_ttl_minutes`).",
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "a partial measure document, valid under the measure contract",
                "content": {"application/json": {"schema": {"$ref": MEASURE_REF}, "examples": START_EXAMPLES}},
            }
        },
        responses=problems(400, 401, 403, 413, 415, 422, 503),
    )
    def start(
        request: Request,
        response: Response,
        caller: Caller,
        services: Services,
        document: Document,
        as_of: Annotated[IsoDate | None, Query(description="legal date (default: from the measure, or today)")] = None,
    ) -> InterviewOut:
        view = services.interviews.start(caller, document, as_of)
        response.headers["Location"] = str(request.url_for("get_interview", interview_id=view.record.id))
        return InterviewOut.of(view)

    @api.get(
        "/{interview_id}",
        response_model=InterviewOut,
        summary="The interview: its next question (with why it is asked) and the verdict range so far",
        responses=problems(401, 403, 404, 503),
    )
    def get_interview(interview_id: str, caller: Caller, services: Services) -> InterviewOut:
        return InterviewOut.of(services.interviews.get(caller, known_id(interview_id, "interview")))

    @api.post(
        "/{interview_id}/answers",
        response_model=InterviewOut,
        summary="Record an answer and get the next question",
        openapi_extra={"requestBody": {"content": {"application/json": {"examples": ANSWER_EXAMPLES}}}},
        responses=problems(400, 401, 403, 404, 409, 413, 415, 422, 503),
    )
    def answer(interview_id: str, body: AnswerIn, caller: Caller, services: Services) -> InterviewOut:
        view = services.interviews.answer(caller, known_id(interview_id, "interview"), body.field, body.value)
        return InterviewOut.of(view)

    @api.post(
        "/{interview_id}/measure",
        status_code=status.HTTP_201_CREATED,
        response_model=MeasureOut,
        summary="Save the measure built so far as a draft measure (once)",
        responses=problems(401, 403, 404, 409, 422, 503),
    )
    def save(interview_id: str, request: Request, response: Response, caller: Caller, services: Services) -> MeasureOut:
        detail = services.interviews.save(caller, known_id(interview_id, "interview"))
        response.headers["Location"] = str(request.url_for("get_measure", measure_id=detail.record.id))
        return measure_out(response, detail)

    return api
