"""The review workflow: submit, take for review, decide, contest a finding.

Every action checks the role, the organisation, the workflow state and —
when the caller sends one — the revision it read (If-Match). The write itself
is conditional on that revision, so of two concurrent decisions exactly one
is recorded and the other is refused with a conflict; nothing is overwritten.

Four-eyes: nobody who wrote or submitted any version of a measure may decide on
it: approve, reject or return it, or any other decision. People are told apart
by their stable principal id (a token's subject), never by display name: "Anna
Berg", "Anna  Berg" and "Аnna Berg" (Cyrillic А) are one person if their tokens
share a subject, and the names are never compared.
A decision names the assessment it decides; if that is no longer the latest
one, it is refused rather than attached to a verdict the reviewer never saw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from art52.documents.pointer import json_pointer
from art52.domain.access import Permission, Principal
from art52.domain.assessment import Assessment
from art52.domain.records import Contest, Decision, MeasureRecord
from art52.domain.workflow import Action, DecisionKind, RefusalGroundKind, transition
from art52.errors import ConflictError, FieldIssue, NotFoundError, PermissionDeniedError, RequestError
from art52.services.audit import record
from art52.services.guards import Expected, measure_at_revision, require
from art52.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from art52.services.stored_assessments import visible_assessment

MAX_REASON = 10_000
MAX_CONDITIONS = 50


def _text(value: str, field: str) -> str:
    cleaned = value.strip()
    if not cleaned:
        raise RequestError([FieldIssue(json_pointer([field]), "a written reason is required")])
    if len(cleaned) > MAX_REASON:
        raise RequestError([FieldIssue(json_pointer([field]), f"at most {MAX_REASON} characters")])
    if "\x00" in cleaned:
        raise RequestError([FieldIssue(json_pointer([field]), "must not contain NUL characters")])
    return cleaned


class ReviewService:
    """The workflow actions on stored measures."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, new_id: Callable[[], str]) -> None:
        self._uow = uow
        self._clock = clock
        self._new_id = new_id

    def submit(self, principal: Principal, measure_id: str, expected_revision: Expected = None) -> MeasureRecord:
        """A draft goes to review; the submitter is remembered for the four-eyes rule."""
        require(principal, Permission.SUBMIT, "submit measures")
        with self._uow() as uow:
            current = measure_at_revision(uow, principal, measure_id, expected_revision)
            status = transition(current.status, Action.SUBMIT)
            submitted = replace(current.involving(principal.identity), submitted_by=principal.name, reviewer=None)
            changed = self._move(uow, current, replace(submitted, status=status))
            self._event(uow, principal, "measure.submitted", changed, {"version": changed.version})
            uow.commit()
        return changed

    def take(self, principal: Principal, measure_id: str, expected_revision: Expected = None) -> MeasureRecord:
        """A reviewer takes an assessed measure for review."""
        require(principal, Permission.REVIEW, "review measures")
        with self._uow() as uow:
            current = measure_at_revision(uow, principal, measure_id, expected_revision)
            status = transition(current.status, Action.TAKE_FOR_REVIEW)
            changed = self._move(uow, current, replace(current, status=status, reviewer=principal.name))
            self._event(uow, principal, "measure.taken_for_review", changed, {"reviewer": principal.name})
            uow.commit()
        return changed

    def decide(
        self,
        principal: Principal,
        measure_id: str,
        kind: DecisionKind,
        reason: str,
        conditions: Sequence[str] = (),
        expected_revision: Expected = None,
        assessment_id: str | None = None,
        ground: RefusalGroundKind | None = None,
    ) -> tuple[MeasureRecord, Decision]:
        """Approve (optionally with conditions), reject or return a measure in review, with a reason.

        ``assessment_id`` names the assessment decided; ConflictError if it is not the measure's latest.
        A notified order (one with a review deadline) may instead get the enforcing authority's
        decisions: no objection, a refusal naming its ground, or conditions.
        """
        require(principal, Permission.REVIEW, "decide on measures")
        reason = _text(reason, "reason")
        kept = tuple(c.strip() for c in conditions)
        issues = [
            FieldIssue(json_pointer(["conditions", i]), "a condition cannot be empty")
            for i, c in enumerate(kept)
            if not c
        ]
        issues += [
            FieldIssue(json_pointer(["conditions", i]), "must not contain NUL characters")
            for i, c in enumerate(kept)
            if "\x00" in c
        ]
        if kept and not kind.takes_conditions:
            issues.append(
                FieldIssue(json_pointer(["conditions"]), "conditions can only be attached to an approval or conditions")
            )
        if kind is DecisionKind.CONDITIONS and not kept:
            issues.append(FieldIssue(json_pointer(["conditions"]), "a decision of conditions states at least one"))
        if kind is DecisionKind.REFUSE and ground is None:
            issues.append(
                FieldIssue(json_pointer(["ground"]), "a refusal names its ground (Reg. 2023/1543, Art. 12(1))")
            )
        if ground is not None and kind is not DecisionKind.REFUSE:
            issues.append(FieldIssue(json_pointer(["ground"]), "only a refusal has a ground"))
        if len(kept) > MAX_CONDITIONS:
            issues.append(FieldIssue(json_pointer(["conditions"]), f"at most {MAX_CONDITIONS} conditions"))
        issues += [
            FieldIssue(json_pointer(["conditions", i]), f"at most {MAX_REASON} characters")
            for i, c in enumerate(kept)
            if len(c) > MAX_REASON
        ]
        if issues:
            raise RequestError(issues)
        with self._uow() as uow:
            current = measure_at_revision(uow, principal, measure_id, expected_revision)
            if kind.enforcing and current.deadline_at is None:
                raise RequestError(
                    [
                        FieldIssue(
                            json_pointer(["decision"]),
                            f"{kind.value} is a decision on an order notified to the enforcing authority; "
                            "this measure states no notification",
                        )
                    ]
                )
            status = transition(current.status, kind.action)
            if _involved(current, principal):
                raise PermissionDeniedError(
                    f"four-eyes rule: {principal.name} wrote or submitted a version of this measure and cannot "
                    f"{kind.value} it; another reviewer must decide"
                )
            if assessment_id is not None and assessment_id != current.latest_assessment_id:
                raise ConflictError(
                    f"assessment {assessment_id} is not the measure's latest assessment "
                    f"({current.latest_assessment_id or 'none'}); read the measure again and decide on its latest one"
                )
            decision = Decision(
                id=self._new_id(),
                measure_id=measure_id,
                measure_version=current.version,
                assessment_id=current.latest_assessment_id,
                kind=kind,
                reason=reason,
                conditions=kept,
                decided_by=principal.name,
                decided_at=self._clock.now(),
                ground=ground,
            )
            changed = self._move(uow, current, replace(current, status=status))
            uow.decisions.add(decision)
            data: dict[str, object] = {
                "decision_id": decision.id,
                "decision": kind.value,
                "reason": reason,
                "conditions": list(kept),
                "assessment_id": decision.assessment_id,
            }
            if ground is not None:
                data["ground"] = ground.value
            self._event(uow, principal, "measure.decided", changed, data)
            uow.commit()
        return changed, decision

    def contest(self, principal: Principal, assessment_id: str, rule_id: str, reason: str) -> Contest:
        """Object to one finding of a stored assessment; the contest is kept and shown in reports."""
        require(principal, Permission.REVIEW, "contest findings")
        reason = _text(reason, "reason")
        with self._uow() as uow:
            stored = visible_assessment(uow, principal, assessment_id)
            findings = {f.rule_id for f in Assessment.model_validate_json(stored.result).findings}
            if rule_id not in findings:
                raise NotFoundError(f"assessment {assessment_id} has no finding of rule {rule_id}")
            contest = Contest(
                id=self._new_id(),
                assessment_id=assessment_id,
                rule_id=rule_id,
                reason=reason,
                contested_by=principal.name,
                contested_at=self._clock.now(),
            )
            uow.assessments.add_contest(contest)
            record(
                uow,
                self._clock,
                "finding.contested",
                principal.name,
                stored.organisation,
                stored.measure_id,
                {"assessment_id": assessment_id, "rule_id": rule_id, "contest_id": contest.id, "reason": reason},
            )
            uow.commit()
        return contest

    def _move(self, uow: UnitOfWork, current: MeasureRecord, target: MeasureRecord) -> MeasureRecord:
        """Write ``target`` as the next revision of ``current`` (ConflictError if someone was faster)."""
        changed = replace(target, revision=current.revision + 1, updated_at=self._clock.now())
        uow.measures.update(changed, expected_revision=current.revision)
        return changed

    def _event(
        self, uow: UnitOfWork, principal: Principal, kind: str, measure: MeasureRecord, data: dict[str, object]
    ) -> None:
        data = {**data, "status": measure.status.value}
        record(uow, self._clock, kind, principal.name, measure.organisation, measure.id, data)


def _involved(measure: MeasureRecord, principal: Principal) -> bool:
    """Whether the principal wrote or submitted a version of the measure.

    Measures stored before principals were recorded have no list: there the submitter's name is compared.
    """
    if measure.involved:
        return principal.identity in measure.involved
    return measure.submitted_by is not None and measure.submitted_by.casefold() == principal.name.casefold()
