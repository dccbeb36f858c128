"""The loaded rulebook: rules by id and date, sources, and a content hash.

The hash is the rulebook's version: it covers the meaning of every rule, source
and dated table of law (not formatting or comments), so a stored assessment
names exactly the law it was made under.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from art52.domain.citations import Citation
from art52.domain.perspective import Perspective
from art52.errors import NotFoundError
from art52.rulebook.conditions import to_data
from art52.rulebook.law_tables import LawTables
from art52.rulebook.schema import Rule
from art52.rulebook.sources import Source

LATER_FIELDS = ("perspective", "refusal_ground", "enforcing_role")
"""Rule fields added after the first release: hashed only when set, so older rules keep their hash."""


def _spec_data(rule: Rule) -> dict[str, object]:
    data = rule.spec.model_dump(mode="json", exclude={"applies_to", "when"})
    for name in LATER_FIELDS:
        if name not in rule.spec.model_fields_set:
            data.pop(name, None)
    return data


@dataclass(frozen=True)
class Rulebook:
    """A validated, immutable set of rule versions and the sources they cite."""

    rules: tuple[Rule, ...]
    sources: Mapping[str, Source] = field(default_factory=dict)
    law: LawTables = field(default_factory=LawTables)

    @cached_property
    def version(self) -> str:
        """Content hash of the rulebook, ``sha256:<hex>``."""
        payload = {
            "rules": sorted(
                (
                    {
                        **_spec_data(r),
                        "family": r.family,
                        "applies_to": to_data(r.scope),
                        "when": to_data(r.condition),
                        "otherwise": r.otherwise.model_dump(mode="json") if r.otherwise else None,
                    }
                    for r in self.rules
                ),
                key=lambda d: (str(d["id"]), int(d["version"])),
            ),
            "sources": [self.sources[k].model_dump(mode="json") for k in sorted(self.sources)],
            "law": self.law.model_dump(mode="json"),
        }
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def in_force(self, on: dt.date, perspective: Perspective | None = Perspective.ISSUING) -> tuple[Rule, ...]:
        """The rule versions that apply on the legal date ``on`` from ``perspective`` (None: all), ordered by id."""
        period = bisect.bisect_right(self._changes, on)
        found = self._in_force.get((period, perspective))
        if found is None:
            found = self._in_force[period, perspective] = tuple(
                sorted(
                    (r for r in self.rules if r.in_force(on) and (perspective is None or r.perspective is perspective)),
                    key=lambda r: r.id,
                )
            )
        return found

    @cached_property
    def _changes(self) -> list[dt.date]:
        """The days on which the rules in force change: between two of them, ``in_force`` is the same."""
        starts = {r.spec.valid_from for r in self.rules if r.spec.valid_from is not None}
        ends = {
            r.spec.valid_to + dt.timedelta(days=1)
            for r in self.rules
            if r.spec.valid_to is not None and r.spec.valid_to < dt.date.max
        }
        return sorted(starts | ends)

    @cached_property
    def _in_force(self) -> dict[tuple[int, Perspective | None], tuple[Rule, ...]]:
        # Every assessment asks twice; one entry per period between two changes (and perspective).
        return {}

    def rule_ids(self) -> tuple[str, ...]:
        return tuple(sorted({r.id for r in self.rules}))

    def versions(self, rule_id: str) -> tuple[Rule, ...]:
        """Every version of a rule, oldest first; NotFoundError if there is none."""
        found = tuple(sorted((r for r in self.rules if r.id == rule_id), key=lambda r: r.version))
        if not found:
            raise NotFoundError(f"no rule with id {rule_id}")
        return found

    def source(self, source_id: str) -> Source:
        try:
            return self.sources[source_id]
        except KeyError:
            raise NotFoundError(f"no source with id {source_id}") from None

    def citations(self, rule: Rule) -> tuple[Citation, ...]:
        """The rule's sources joined with the register; a pinpoint is verified only if marked so."""
        return self._citations[rule.key]

    def available_from(self, source_id: str) -> dt.date:
        """The first day a source can be relied on: an instrument's date of application, else its date."""
        return self.law.source_available_from(source_id) or self.sources[source_id].date

    def citations_on(self, rule: Rule, on: dt.date) -> tuple[tuple[Citation, ...], tuple[Citation, ...]]:
        """The rule's citations split by the legal date: those that existed on ``on``, and later ones.

        A finding rests only on the first; the second are later confirmations. A rule version in
        force before all its sources is reported by ``art52 rules check``; should one be loaded
        anyway, it cites all its sources rather than none.
        """
        cited = self.citations(rule)
        dates = self._citation_dates[rule.key]
        earlier = tuple(c for c, since in zip(cited, dates, strict=True) if since <= on)
        later = tuple(c for c, since in zip(cited, dates, strict=True) if since > on)
        return (earlier, later) if earlier else (cited, ())

    @cached_property
    def _citation_dates(self) -> dict[str, tuple[dt.date, ...]]:
        # Built once per rulebook, like the citations: the day each can be relied on.
        return {key: tuple(self.available_from(c.source_id) for c in cited) for key, cited in self._citations.items()}

    @cached_property
    def _citations(self) -> dict[str, tuple[Citation, ...]]:
        # Built once per rulebook: every finding of every assessment cites from here.
        return {
            rule.key: tuple(
                Citation(
                    source_id=c.ref,
                    short=self.sources[c.ref].short,
                    title=self.sources[c.ref].title,
                    identifier=self.sources[c.ref].identifier,
                    date=self.sources[c.ref].date,
                    url=self.sources[c.ref].url,
                    pinpoint=c.pinpoint,
                    verified=c.verified,
                )
                for c in rule.spec.sources
            )
            for rule in self.rules
        }
