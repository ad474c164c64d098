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
