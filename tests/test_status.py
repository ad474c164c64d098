"""Status rules over outcome sentences taken from the Kemi seeds."""

from __future__ import annotations

import pytest

from hytetool.model import Action, Status
from hytetool.status import derive_status, effective_status, with_derived_status

SEED_SENTENCES = [
    ("Päiväkodeista kaksi auditoitu, jäljellä kuusi", Status.in_progress),
    ("Päiväkodeista auditoitu 5, auditointimatta 3", Status.in_progress),
    ("Kaikki koulut auditoitu", Status.done),
    ("Kaikki koulut on auditoitu", Status.done),
    ("Palveluverkkotyöryhmä perustettu 6/2022", Status.done),
    ("Rakennusvalvonnan digi-palvelut käytössä.", Status.done),
    ("Valtuusto hyväksynyt.", Status.done),
    ("Henkilökohtainen palvelu toteutunut", Status.done),
    ("Ei toteutunut", Status.not_done),
    ("Ei kartoitusta, hyvinvointitoimiala solmii kumppanuussopimukset.", Status.not_done),
    ("Ei ole hankittu.", Status.not_done),
    ("Inventointia ei aloitettu. Kaupunkikuvatyöryhmä toiminut aktiivisesti", Status.in_progress),
    ("Kyselyä ei ole tehty, satunnaisesti erilaisia työkaluja käytössä", Status.in_progress),
    ("Hallin kilpailutus käynnissä.", Status.in_progress),
    ("Master plan -työ vielä kesken.", Status.in_progress),
    ("Teatterin muuttaminen yhdistysmuotoiseksi meneillään.", Status.in_progress),
    ("Kumppanuussopimus asiakirja suunnitteilla", Status.in_progress),
    ("Satamakankaan kaavoitus aloitettu.", Status.in_progress),
    ("Sivuja päivitetään.", Status.in_progress),
    ("Uusien kulttuuriyritysten määrää ei ole tiedossa.", Status.unknown),
    ("Uusia 6 kpl", Status.unknown),
    ("", Status.unknown),
]


@pytest.mark.parametrize(("outcome", "status"), SEED_SENTENCES)
def test_outcome_sentences_of_the_seeds(outcome: str, status: Status) -> None:
    assert derive_status(outcome) is status


def test_no_outcome_is_no_information() -> None:
    assert derive_status(None) is Status.unknown


def test_hand_set_status_wins_over_the_outcome_text() -> None:
    action = Action(id="a", text="t", outcome="Ei toteutunut", status=Status.done)
    assert effective_status(action) is Status.done
    assert with_derived_status(action) is action


def test_derived_status_is_marked_as_derived() -> None:
    action = with_derived_status(Action(id="a", text="t", outcome="Hallin kilpailutus käynnissä."))
    assert (action.status, action.status_derived) == (Status.in_progress, True)


def test_extraction_stores_derived_status_for_actions_with_an_outcome() -> None:
    from pathlib import Path

    from hytetool.pipeline import extract_file

    doc = extract_file(next(Path(__file__).resolve().parents[1].glob("data/raw/003_*.txt"))).document
    cert = next(a for g in doc.goals for a in g.actions if a.text.startswith("Ympäristösertifiointi"))
    assert (cert.status, cert.status_derived) == (Status.in_progress, True)


@pytest.mark.parametrize(
    ("cell", "status"),
    [("Toteutunut", "done"), ("toteutunut.", "done"), ("Osittain toteutunut", "partial"), ("Kesken", "in_progress"),
     ("Ei toteutunut", "not_done"), ("delvis genomförd", "partial"), ("Pågår", "in_progress"),
     ("inte genomförd", "not_done"), ("vihreä", "done"), ("Keltainen", "partial"), ("punainen", "not_done"),
     ("in_progress", "in_progress"), ("Kysely tehtiin keväällä", None), ("", None)],
)
def test_a_status_cell_is_read_as_the_document_states_it(cell: str, status: str | None) -> None:
    from hytetool.status import read_status

    assert (read_status(cell).value if read_status(cell) else None) == status


@pytest.mark.parametrize(
    ("outcome", "status"),
    [("Toteutunut. Kohtaamispaikka avattiin 2/2025.", "done"), ("Ei toteutunut: rahoitusta ei saatu", "not_done"),
     ("Osittain toteutunut – ryhmä kokoontui keväällä", "partial"), ("Kesken\nJatkuu 2025", "in_progress"),
     ("Valmis malli otetaan käyttöön syksyllä", None), ("Toteutuneet kerhot: 12", None)],
)
def test_an_outcome_opening_with_a_status_word_states_its_status(outcome: str, status: str | None) -> None:
    from hytetool.status import leading_status

    found = leading_status(outcome)
    assert (found.value if found else None) == status


@pytest.mark.parametrize(
    ("fill", "status"),
    [("00B050", "done"), ("92D050", "done"), ("FFC000", "partial"), ("FFFF00", "partial"), ("FF0000", "not_done"),
     ("C00000", "not_done"), ("FFFFFF", None), ("D9D9D9", None), ("000000", None), ("4472C4", None), (None, None)],
)
def test_a_traffic_light_is_read_from_the_cell_colour(fill: str | None, status: str | None) -> None:
    from hytetool.status import fill_status

    found = fill_status(fill)
    assert (found.value if found else None) == status


def test_hand_edited_yaml_may_write_the_status_in_the_documents_words() -> None:
    from hytetool.model import Action

    assert Action(id="a", text="Kerho", status="osittain toteutunut").status.value == "partial"
    assert Action(id="a", text="Kerho", status="pågår").status.value == "in_progress"


@pytest.mark.parametrize(("outcome", "status"), [("Arbetet pågår fortfarande", "in_progress"),
                                                 ("Inte genomförd: simhallen var stängd", "not_done"),
                                                 ("Genomförd i maj med 40 deltagare", "done")])
def test_swedish_outcomes_are_derived_like_finnish_ones(outcome: str, status: str) -> None:
    assert derive_status(outcome).value == status
