"""Candidate rulebooks, impact analyses over the stored measures, and adoption of a rulebook (rule_admin)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request, Response, status

from art52.api.deps import Caller, Services, known_id
from art52.api.errors import NOT_ACCEPTABLE, ProblemError, problems
from art52.api.impact_schemas import ImpactAnalysisIn, ImpactAnalysisOut, RulebookIn, RulebookOut
from art52.api.negotiation import negotiate
from art52.errors import ConflictError, FieldIssue, RequestError, RulebookError
from art52.services.impact_report import impact_csv, impact_json

RESULT_TYPES = ("application/json", "text/csv")


def router() -> APIRouter:
    api = APIRouter(prefix="/v1", tags=["impact analysis"])

    @api.post(
        "/rulebooks",
        status_code=status.HTTP_201_CREATED,
        response_model=RulebookOut,
        summary="Load a candidate rulebook (validated; not in force until adopted)",
        responses=problems(400, 401, 403, 413, 415, 422),
    )
    def load_rulebook(
        request: Request, response: Response, body: RulebookIn, caller: Caller, services: Services
    ) -> RulebookOut:
        try:
            loaded = services.impact.load_as(caller, body.files, body.source)
        except RulebookError as error:
            issues = [FieldIssue(_pointer(i.file, body.files), str(i)) for i in error.issues[:50]]
            raise RequestError(issues) from None
        response.headers["Location"] = str(request.url_for("get_rulebook", rulebook_id=loaded.id))
        return RulebookOut.from_record(loaded)

    @api.get(
        "/rulebooks/{rulebook_id}",
        response_model=RulebookOut,
        summary="A loaded rulebook: its hash, source and adoption",
        responses=problems(401, 403, 404),
    )
    def get_rulebook(rulebook_id: str, caller: Caller, services: Services) -> RulebookOut:
        return RulebookOut.from_record(services.impact.rulebook(caller, known_id(rulebook_id, "rulebook")))

    @api.post(
        "/rulebooks/{rulebook_id}/adoption",
        response_model=RulebookOut,
        summary="Adopt a loaded rulebook as the law of record (an audit event)",
        responses=problems(401, 403, 404),
    )
    def adopt_rulebook(rulebook_id: str, caller: Caller, services: Services) -> RulebookOut:
        return RulebookOut.from_record(services.impact.adopt(caller, known_id(rulebook_id, "rulebook")))

    @api.post(
        "/impact-analyses",
        status_code=status.HTTP_202_ACCEPTED,
        response_model=ImpactAnalysisOut,
        summary="Re-assess your organisation's stored measures under a loaded rulebook",
        description="Nothing is stored as an assessment of record. Poll the Location, or follow the event feed "
        "for `impact_analysis.finished`.",
        responses=problems(400, 401, 403, 404, 413, 415, 422),
    )
    def start_analysis(
        request: Request, response: Response, body: ImpactAnalysisIn, caller: Caller, services: Services
    ) -> ImpactAnalysisOut:
        analysis = services.impact.start_as(caller, body.rulebook_id, None, body.status, body.as_of)
        response.headers["Location"] = str(request.url_for("get_analysis", analysis_id=analysis.id))
        return ImpactAnalysisOut.model_validate(impact_json(services.impact.report(caller, analysis.id)))

    @api.get(
        "/impact-analyses/{analysis_id}",
        response_model=ImpactAnalysisOut,
        summary="Progress of an impact analysis, then its results (JSON, or CSV with Accept: text/csv)",
        responses={
            200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
            **problems(401, 403, 404, 406, 409),
        },
    )
    def get_analysis(
        analysis_id: str,
        caller: Caller,
        services: Services,
        accept: Annotated[str | None, Header(description="application/json (default) or text/csv")] = None,
    ) -> Response:
        media = negotiate(accept, RESULT_TYPES)
        if media is None:
            raise ProblemError(NOT_ACCEPTABLE, f"the results are available as {' or '.join(RESULT_TYPES)}")
        report = services.impact.report(caller, known_id(analysis_id, "impact analysis"))
        if media == "text/csv":
            if not report.finished:
                raise ConflictError("the analysis is still running; its CSV exists once it has finished")
            return Response(impact_csv(report), media_type="text/csv; charset=utf-8", headers={"Vary": "Accept"})
        body = ImpactAnalysisOut.model_validate(impact_json(report)).model_dump_json(exclude_none=False)
        return Response(body, media_type=media, headers={"Vary": "Accept"})

    return api


def _pointer(where: str, files: dict[str, str]) -> str:
    """The JSON pointer of the uploaded file a loader issue is about (it names a temporary copy)."""
    name = next((name for name in files if where.endswith(name)), "")
    return "/files/" + name.replace("~", "~0").replace("/", "~1")
