"""What-if: compare two measures (or one on two legal dates), or a stored measure with a patch of its facts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query
from pydantic import TypeAdapter

from art52.api.deps import Caller, Document, Services, known_id
from art52.api.errors import UNSUPPORTED_MEDIA, ProblemError, problems
from art52.api.openapi import MEASURE_REF, example_measures
from art52.api.schemas import IsoDate
from art52.config import Settings
from art52.domain.diff import AssessmentDiff
from art52.errors import FieldIssue, RequestError

MERGE_PATCH = "application/merge-patch+json"
DIFF_KEYS = {"old", "new", "old_as_of", "new_as_of"}
_DATE: TypeAdapter[dt.date] = TypeAdapter(IsoDate)
FULL = Query(description="add the full old and new assessments (`old_assessment`, `new_assessment`)")


def router(settings: Settings) -> APIRouter:
    examples = example_measures(settings.examples_dir)
    api = APIRouter(tags=["what-if"])

    @api.post(
        "/v1/assess/diff",
        response_model=AssessmentDiff,
        summary="What changes between two measures, or one measure on two legal dates; nothing is stored",
        description="Both measures are assessed and compared: the verdict and its range, each principle whose "
        "outcome differs, the findings added, removed or changed (matched by rule), and the questions opened or "
        "closed. Without `new` the old measure is compared with itself on `new_as_of`. An invalid measure is a 422 "
        "whose pointers start with /old or /new.",
        openapi_extra=_diff_body(examples),
        responses=problems(400, 401, 403, 413, 415, 422, 503),
    )
    def diff(
        caller: Caller, services: Services, document: Document, full: Annotated[bool, FULL] = False
    ) -> AssessmentDiff:
        old, new, old_as_of, new_as_of = _diff_request(document)
        return services.what_if.diff(caller, old, new, old_as_of, new_as_of, full)

    @api.post(
        "/v1/measures/{measure_id}/what-if",
        response_model=AssessmentDiff,
        summary="Assess the measure with a JSON Merge Patch of its facts, store nothing, and show what would change",
        description="The body is a JSON Merge Patch (RFC 7396) of the measure document, sent as "
        f"`{MERGE_PATCH}`: members replace those of the current version, `null` removes one, objects merge. "
        "The patched measure is assessed in memory (no version, assessment or event is stored) and compared with "
        "the measure's current assessment: the latest stored one of its current version, or, when there is none, "
        "the current version assessed now. A patched measure that breaks the contract is a 422 with pointers.",
        openapi_extra=_patch_body(),
        responses=problems(400, 401, 403, 404, 413, 415, 422, 503),
    )
    def what_if(
        measure_id: str,
        caller: Caller,
        services: Services,
        document: Document,
        content_type: Annotated[str | None, Header(include_in_schema=False)] = None,
        full: Annotated[bool, FULL] = False,
    ) -> AssessmentDiff:
        if (content_type or "").split(";", 1)[0].strip().lower() != MERGE_PATCH:
            raise ProblemError(UNSUPPORTED_MEDIA, f"send the patch as {MERGE_PATCH} (RFC 7396)")
        if not isinstance(document, dict):
            raise RequestError([FieldIssue("", "a merge patch of a measure must be a JSON object")])
        return services.what_if.what_if(caller, known_id(measure_id, "measure"), document, full)

    return api


def _diff_request(document: Any) -> tuple[Any, Any, dt.date | None, dt.date | None]:
    if not isinstance(document, dict):
        raise RequestError([FieldIssue("", "a JSON object with old (and new) measures is required")])
    issues = [FieldIssue(f"/{key}", "unknown field") for key in sorted(set(document) - DIFF_KEYS)]
    if "old" not in document:
        issues.append(FieldIssue("/old", "the old measure is required"))
    # An absent date defaults to the measure's own; null is not a date (the schema says a string).
    dates = {key: _date(document[key], key, issues) if key in document else None for key in ("old_as_of", "new_as_of")}
    if issues:
        raise RequestError(issues)
    new = document["new"] if "new" in document else document["old"]
    return document["old"], new, dates["old_as_of"], dates["new_as_of"]


def _date(value: Any, key: str, issues: list[FieldIssue]) -> dt.date | None:
    try:
        parsed: dt.date = _DATE.validate_python(value)
    except ValueError:
        issues.append(FieldIssue(f"/{key}", "a date is written YYYY-MM-DD"))
        return None
    return parsed


def _diff_body(examples: dict[str, dict[str, Any]]) -> dict[str, Any]:
    date = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    schema = {
        "type": "object",
        "required": ["old"],
        "additionalProperties": False,
        "properties": {
            "old": {"$ref": MEASURE_REF},
            "new": {"$ref": MEASURE_REF},
            "old_as_of": {**date, "description": "legal date for the old measure (default: from the measure)"},
            "new_as_of": {**date, "description": "legal date for the new measure (default: from the measure)"},
        },
    }
    media: dict[str, Any] = {"schema": schema}
    pairs = [("ex07", "ex05"), ("ex06", "ex05")]
    found = {
        f"{old}-to-{new}": {
            "summary": f"{old} against {new}",
            "value": {"old": examples[old]["value"], "new": examples[new]["value"]},
        }
        for old, new in pairs
        if old in examples and new in examples
    }
    if "ex04" in examples:
        found["ex04-two-dates"] = {
            "summary": "ex04 on two legal dates",
            "value": {"old": examples["ex04"]["value"], "old_as_of": "2014-01-01", "new_as_of": "2025-06-01"},
        }
    if found:
        media["examples"] = found
    return {
        "requestBody": {
            "required": True,
            "description": "two measures, or one with two legal dates",
            "content": {"application/json": media},
        }
    }


def _patch_body() -> dict[str, Any]:
    media = {
        "schema": {"type": "object", "description": "a JSON Merge Patch (RFC 7396) of the measure document"},
        "examples": {
            "court-authorisation": {
                "summary": "prior review by a court, binding",
                "value": {"authorisation": {"prior_review_by": "court", "binding": True}},
            },
            "drop-a-fact": {
                "summary": "remove the retention period (null removes)",
                "value": {"retention": {"period_days": None}},
            },
        },
    }
    return {
        "requestBody": {"required": True, "description": "a JSON Merge Patch of facts", "content": {MERGE_PATCH: media}}
    }
