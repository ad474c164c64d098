"""Extraction of the five real Kemi documents, specified record by record.

Counts and exact records were written from reading the seeds (see DOMAIN.md); the
golden JSONL per seed pins the whole export so any change in extraction shows as a
reviewable diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from golden_helper import assert_golden
from hytetool.export import iter_records
from hytetool.profile import Profile
from hytetool.pipeline import DEFAULT_STRATEGY, extract_file

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEEDS = sorted(RAW.glob("*.txt"))
STRATEGY = Profile.load(ROOT / DEFAULT_STRATEGY)


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture(scope="module")
def docs():
    return {p.name[:3]: extract_file(p, STRATEGY).document for p in SEEDS}


def records(doc, kind: str | None = None) -> list[dict]:
    return [r for r in iter_records(doc) if kind is None or r["record"] == kind]


def counts(doc) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for goal in doc.goals:
        out[goal.name] = {
            "objective": len(goal.objectives),
            "priority": len(goal.priorities),
            "action": len(goal.actions),
            "outcome": len(goal.outcomes),
        }
    return out


def find(doc, kind: str, text_start: str) -> dict:
    hits = [r for r in records(doc, kind) if r["text"].startswith(text_start)]
    assert len(hits) == 1, f"expected one {kind} starting {text_start!r}, found {len(hits)}"
    return hits[0]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_whole_export_matches_golden(path: Path) -> None:
    doc = extract_file(path, STRATEGY).document
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in iter_records(doc))
    assert_golden(text, ROOT / "tests" / "golden" / "extract" / f"{path.stem}.jsonl")


def test_000_annual_report_metadata_and_counts(docs) -> None:
    doc = docs["000"]
    assert (doc.kind.value, doc.period, doc.plan_period, doc.year) == ("annual_report", "2023", "2022-2025", 2023)
    assert doc.sector == "Hyvinvointitoimiala"
    assert doc.council_decision == "KV 3.10.2022 § 77"
    assert counts(doc) == {
        "HYVINVOIVAT KUNTALAISET": {"objective": 4, "priority": 9, "action": 0, "outcome": 15},
        "SUJUVA ARKI": {"objective": 5, "priority": 8, "action": 0, "outcome": 4},
        "ELINVOIMAINEN KAUPUNKI": {"objective": 6, "priority": 7, "action": 0, "outcome": 7},
    }


def test_000_keeps_compound_hyphens_and_drops_wrap_hyphens(docs) -> None:
    doc = docs["000"]
    assert find(doc, "objective", "Kehitämme")["text"] == (
        "Kehitämme koulutustarjontaa ja -polkuja, mahdollistamme osaamisen kasvun."
    )
    assert "elinkeinorakenteeltaan monipuolinen" in find(doc, "objective", "Kaupunkimme")["text"]
    assert "sovellus liikunta-aktivointiin" in find(doc, "outcome", "Liikkuminen on Makiaa")["text"]
    assert find(doc, "outcome", "Kuntalais- ja henkilöstökuulemiset")["strategic_goal"] == "HYVINVOIVAT KUNTALAISET"


def test_001_template_has_no_outcomes_or_actions(docs) -> None:
    doc = docs["001"]
    assert doc.kind.value == "template" and doc.period is None and doc.plan_period == "2022-2025"
    assert all(c["action"] == 0 and c["outcome"] == 0 for c in counts(doc).values())
    assert [c["objective"] for c in counts(doc).values()] == [4, 5, 6]
    assert [c["priority"] for c in counts(doc).values()] == [9, 8, 7]
    last = [r for r in records(doc, "priority") if r["strategic_goal"] == "ELINVOIMAINEN KAUPUNKI"][-1]
    assert last["text"] == "Yhteistyö hyvinvointialueen yhdyspinnoilla", "a priority after an empty line stays a priority"
    assert not any("toimenpiteet 2022-25" in r["text"] for r in records(doc)), "running header leaked"


def test_002_plan_actions_under_footer_captions(docs) -> None:
    doc = docs["002"]
    assert (doc.kind.value, doc.period, doc.year) == ("plan", "2026", 2026)
    assert {g: c["action"] for g, c in counts(doc).items()} == {
        "Viisas Kemi": 18, "Välittävä Kemi": 13, "Vihreä Kemi": 9, "Viettelevä Kemi": 15,
    }
    budget = find(doc, "action", "Osallistava budjetointi")
    assert (budget["strategic_goal"], budget["objective"], budget["responsible"]) == (
        "Viisas Kemi", "Ideakulttuurin vahvistaminen ja rohkea uudistuminen", ["Kanslia"],
    )
    coffee = find(doc, "action", "Kaupunginjohtajan aamukahvit")
    assert coffee["objective"] == "Osallistava kehittäminen ja yhteisöllisyys"
    assert coffee["responsible"] == ["Kanslia", "Hyvinvointitoimiala"]
    food = find(doc, "action", "Hyvikkiruoan")
    assert (food["text"], food["objective"], food["responsible"]) == (
        "Hyvikkiruoan hyödyntäminen", "Kestävä arki osaksi jokapäiväistä elämää", ["Hyvinvointitoimiala"],
    )
    iso = find(doc, "action", "Jatkuva parantaminen")
    assert iso["responsible"] == ["Koko organisaatio / Kestävän kehityksen päällikkö", "Hyvinvointitoimiala"]
    hyte = find(doc, "action", "Hyvinvoinnin ja terveyden edistämisen neuvottelut")
    assert hyte["text"].endswith("kuntien ja muiden hyte-toimijoiden välillä")


def test_002_instruction_under_first_caption_is_kept_unplaced(docs) -> None:
    unplaced = docs["002"].unplaced
    assert [u.lines for u in unplaced] == [[82, 84]]
    assert unplaced[0].text.startswith("Jokainen toimiala täyttää")


def test_003_tabbed_and_columnwise_tables(docs) -> None:
    doc = docs["003"]
    assert (doc.kind.value, doc.period, doc.sector) == ("annual_report", "1-12/2023", "Hyvinvointitoimiala")
    assert {g: c["action"] for g, c in counts(doc).items()} == {
        "ELINVOIMAINEN KAUPUNKI": 6, "HYVINVOIVAT KUNTALAISET": 5, "SUJUVA ARKI": 5,
    }
    cert = find(doc, "action", "Ympäristösertifiointi laajenee")
    assert cert["responsible"] == ["Varhaiskasvatuspäällikkö"] and cert["schedule"] == "2023"
    assert cert["outcome"] == "Päiväkodeista auditoitu 5, auditointimatta 3"
    assert cert["sdg"] == [3, 6, 7, 8, 9, 11, 12, 13, 14, 15]
    hall = find(doc, "action", "Valmistaudutaan uuden liikuntahallin")
    assert hall["outcome"].startswith("Liikunnan väliaikaiset korvaavat tilajärjestelyt tehty.")
    assert "Omatoimikirjaston käyntimäärä 2622" in hall["outcome"], "a cell's two paragraphs stay in one row"
    youth = find(doc, "action", "Nuorisotyön, lasten")
    assert youth["outcome"].startswith("Kyselyihin (Kouluterveys")
    assert youth["indicators"][:2] == ["Vuosikello", "Kouluterveyskysely"]


def test_004_goal_tables_of_every_sector(docs) -> None:
    doc = docs["004"]
    assert (doc.kind.value, doc.period, doc.year, doc.sector) == ("interim_report", "1-6/2022", 2022, None)
    actions = records(doc, "action")
    assert len(actions) >= 75
    sectors = {r["sector"] for r in actions}
    assert {"Ympäristötoimiala", "Keskusvirasto", "Hyvinvointitoimiala", "Perusturvatoimiala",
            "Elinvoimatoimiala"} <= sectors
    cert = find(doc, "action", "Ympäristösertifiointi laajenee")
    assert (cert["strategic_goal"], cert["sector"], cert["responsible"], cert["schedule"]) == (
        "ELINVOIMAINEN KAUPUNKI", "Hyvinvointitoimiala", ["Varhaiskasvatuspäällikkö"], "2022",
    )
    assert cert["outcome"] == "Päiväkodeista kaksi auditoitu, jäljellä kuusi"
    assert cert["objective"] == "Vihreä ja kestävä Kemi lisää vetovoimaamme sekä torjuu ilmastonmuutosta."


def test_004_letter_spacing_is_repaired(docs) -> None:
    text = " ".join(r["text"] + " " + (r["outcome"] or "") + " " + " ".join(r["indicators"])
                    for r in records(docs["004"]))
    for broken in (" l isää", "i lmastonmuutosta", "As iakasmäärät", "li ikenteen"):
        assert broken not in text
    assert "Asiakasmäärät" in text and "liikenteen verkon" in text


def test_004_interleaved_responsible_line_is_split(docs) -> None:
    doc = docs["004"]
    culture = find(doc, "action", "Kulttuuriyrittäjyyden kehittäminen")
    assert culture["responsible"] == ["Vapaa-aikapäällikkö"]
    housing = find(doc, "action", "Nauskan, Myllyniemen")
    assert (housing["responsible"], housing["schedule"]) == (["Ympäristöjohtaja"], "2022-2023")
    assert "Nauskan kaava vahvistuu syksyllä 2022" in housing["outcome"]
    pruntsi = find(doc, "action", "Ikävihreä Pruntsin toimintamallin")
    assert pruntsi["responsible"] == ["Hoiva- ja hoitotyön päällikkö"] and pruntsi["schedule"] == "2022 alkaen"


def test_004_objective_carried_over_to_continued_table(docs) -> None:
    plots = find(docs["004"], "action", "Tonttitarjonta")
    assert plots["objective"].startswith("Kaupunkimme yritysympäristö on kilpailukykyinen")
    assert plots["sector"] == "Elinvoimatoimiala"


def test_004_key_figure_sections_are_kept_not_dropped(docs) -> None:
    """Key figures and budget changes are read into kpi_tables (tests/test_kpi.py checks
    every cell); none of their lines is left unplaced, the narratives stay budget notes."""
    doc = docs["004"]
    kept = " ".join(u.text for u in doc.unplaced)
    assert "Kirjanpitoviennit" not in kept and "Suoritteet/Tunnusluvut" not in kept
    first = doc.kpi_tables[0]
    assert (first.sector, first.area, first.columns) == (
        "Keskusvirasto", None, ["TP 2021", "TA 2022", "TOTEUMA 1-6/2022", "TP-ENNUSTE 2022"])
    assert first.rows[0].label == "Kirjanpitoviennit, kpl"
    assert list(first.rows[0].values.values()) == [714192, 600000, 326777, 600000]
    assert len(doc.kpi_tables) == 17 and sum(len(t.rows) for t in doc.kpi_tables) == 177
    assert [t.sector for t in doc.kpi_tables if t.area == "Talousarviomuutokset"] == [
        "Hyvinvointitoimiala", "Perusturvatoimiala"]
    assert any("Keskusviraston osalta taloudessa ei ole välitöntä ylitysuhkaa" in n.text for n in doc.budget_notes)
    assert [n.sector for n in doc.budget_notes] == ["Keskusvirasto", "Elinvoimatoimiala", "Hyvinvointitoimiala",
                                                   "Perusturvatoimiala", "Ympäristötoimiala"]


def test_every_record_has_provenance(docs) -> None:
    for doc in docs.values():
        for record in records(doc):
            assert record["lines"], f"{doc.source.file}: {record['record']} {record['id']} has no lines"
