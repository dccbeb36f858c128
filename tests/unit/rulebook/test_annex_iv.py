"""The contract's Annex IV categories are exactly those of the law table rules/law/annex_iv_offences.yaml."""

from __future__ import annotations

from typing import get_args

from art52.domain.measure.vocabulary import AnnexIvCategory
from art52.rulebook.catalog import Rulebook

NOT_LISTED = "not_listed"


def test_the_contract_offers_every_annex_iv_category_and_no_other(rulebook: Rulebook) -> None:
    table = [entry.id for entry in rulebook.law.annex_iv_offences]
    assert table, "rules/law/annex_iv_offences.yaml lists no category"
    assert sorted(get_args(AnnexIvCategory)) == sorted([*table, NOT_LISTED])


def test_the_review_periods_are_law_data(rulebook: Rulebook) -> None:
    assert rulebook.law.value("enforcing_review_days") == 10
    assert rulebook.law.value("enforcing_review_emergency_hours") == 96
