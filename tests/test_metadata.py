"""Document metadata from titles other municipalities write (kind, period, plan period)."""

from __future__ import annotations

import pytest

from hytetool.normalize.metadata import read_metadata


@pytest.mark.parametrize(
    ("title", "kind", "period", "plan_period"),
    [
        ("Hyvinvointisuunnitelman toimenpiteet vuodelle 2026", "plan", "2026", None),
        ("Hyvinvointitoimialan tavoitteet ja toteuma 1-12/2023", "annual_report", "1-12/2023", None),
        ("Hyvinvointikertomus 2023", "annual_report", "2023", None),
        ("Laaja hyvinvointikertomus 2021–2024", "annual_report", "2021-2024", None),
        ("Hyvinvointisuunnitelman toteutuminen 2023", "annual_report", "2023", None),
        ("Toimintakertomus 2023: hyvinvoinnin edistäminen", "annual_report", "2023", None),
        ("Osavuosikatsaus 1.1.–30.6.2022", "interim_report", "1-6/2022", None),
        ("Osavuosiraportti 1-6/2022", "interim_report", "1-6/2022", None),
        ("Hyvinvointisuunnitelma 2023–2025, perusturvatoimiala", "plan", None, "2023-2025"),
    ],
)
def test_kind_and_period_from_the_title(title: str, kind: str, period: str | None, plan_period: str | None) -> None:
    meta = read_metadata([title], [], [])
    assert (meta.kind.value, meta.period, meta.plan_period) == (kind, period, plan_period)


def test_a_title_without_welfare_words_says_nothing() -> None:
    meta = read_metadata(["Kemin kaupunki 2023"], [], [])
    assert (meta.kind.value, meta.period) == ("plan", None)
