"""The small Finnish text parsers: hyphenation, letter spacing, periods, responsible cells."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hytetool.normalize.cells import parse_responsible, parse_sdg
from hytetool.textutil import clean_ws, join_lines, repair_letter_spacing, slugify
from hytetool.periods import Period, PeriodError, canonical_period, parse_period


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Kehitämme koulutustarjontaa ja -", "polkuja, mahdollistamme"], "Kehitämme koulutustarjontaa ja -polkuja, mahdollistamme"),
        (["sovellus liikunta-", "aktivointiin"], "sovellus liikunta-aktivointiin"),
        (["vapaa-", "aikapalvelujen"], "vapaa-aikapalvelujen"),
        (["muiden hyte-", "toimijoiden välillä"], "muiden hyte-toimijoiden välillä"),
        (["MS-", "officen käyttöönotto"], "MS-officen käyttöönotto"),
        (["vetovoimainen ja elinkeino-", "rakenteeltaan"], "vetovoimainen ja elinkeinorakenteeltaan"),
        (["Karjalahden asemakaava lainvoimai-", "nen:"], "Karjalahden asemakaava lainvoimainen:"),
        (["suunnitelma välille Pertajärvi-", "Vallitunsaari."], "suunnitelma välille Pertajärvi-Vallitunsaari."),
        (["Master plan Kemi -", "hanke 2021 - 2023."], "Master plan Kemi -hanke 2021 - 2023."),
        (["(2010-", "2020) ja ennakkotieto"], "(2010-2020) ja ennakkotieto"),
        (["vuosille 2022\u2013", "2025"], "vuosille 2022\u20132025"),
        (["  Tuemme ja edistämme  ", " kuntalaisten\u00a0terveyttä "], "Tuemme ja edistämme kuntalaisten terveyttä"),
    ],
)
def test_wrapped_lines_join_with_finnish_hyphenation(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["kaikille \u2013", "ei jätetä ketään yksin"], "kaikille \u2013 ei jätetä ketään yksin"),
        (["Ikävihreä Pruntsi ja Hyvikki \u2013", "hankkeiden kanssa"], "Ikävihreä Pruntsi ja Hyvikki \u2013hankkeiden kanssa"),
        (["Pyydä apua \u2013", "nappi."], "Pyydä apua \u2013nappi."),
        (["palvelut -", "välittäminen"], "palvelut - välittäminen"),
    ],
)
def test_spaced_dash_at_a_line_end_of_unhyphenated_text(lines: list[str], joined: str) -> None:
    """Word and LibreOffice never hyphenate: a spaced en dash ending a line joins the next
    word as the authors write it ("apua \u2013nappi"), unless that word starts a clause."""
    assert join_lines(lines, hyphenated=False) == joined


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("Vihreä ja kestävä Kemi l isää vetovoimaamme", "Vihreä ja kestävä Kemi lisää vetovoimaamme"),
        ("torjuu i lmastonmuutosta.", "torjuu ilmastonmuutosta."),
        ("As iakasmäärät, Sähköinen perhekeskus", "Asiakasmäärät, Sähköinen perhekeskus"),
        ("Kevyen li ikenteen verkon", "Kevyen liikenteen verkon"),
        ("Hiil idioksidi (CO2) päästöjen", "Hiilidioksidi (CO2) päästöjen"),
        ("yks i lökohtaisia kriisejä", "yksilökohtaisia kriisejä"),
        ("Es ihenkilöt oppisopimuskoulutuksessa", "Esihenkilöt oppisopimuskoulutuksessa"),
    ],
)
def test_letter_spacing_splits_are_repaired(broken: str, repaired: str) -> None:
    assert repair_letter_spacing(broken) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "Päiväkodeista kaksi auditoitu, jäljellä kuusi",
        "Ympäristöjohtaja ja kaupunginarkkitehti / jatkuva",
        "Kaikki koulut on auditoitu vuoden 2022 loppuun mennessä",
        "Yhteistyö hyvinvointialueen yhdyspinnoilla",
        "Sosiaalisen pääoman kysely ja ikä ihmisille",
    ],
)
def test_clean_text_is_left_alone(clean: str) -> None:
    assert repair_letter_spacing(clean) == clean


FINNISH_WORD = st.sampled_from(
    ["hyvinvointi", "kuntalaisten", "terveyttä", "ja", "toimenpiteet", "lisää", "päiväkodeille",
     "auditoitu", "vastuu", "aikataulu", "Kemi", "ympäristö", "2023", "kpl"]
)


@given(st.lists(FINNISH_WORD, min_size=1, max_size=12))
def test_joining_unwrapped_words_never_loses_a_word(words: list[str]) -> None:
    half = len(words) // 2
    joined = join_lines([" ".join(words[:half]) + " ", " ".join(words[half:])])
    assert joined.split(" ") == words


@pytest.mark.parametrize(
    ("text", "units", "schedule"),
    [
        ("Ympäristöjohtaja/2022-2023", ["Ympäristöjohtaja"], "2022-2023"),
        ("Varhaiskasvatuspäällikkö 2023", ["Varhaiskasvatuspäällikkö"], "2023"),
        ("Hyvinvointijohtaja, tulosaluepäälliköt, lähihenkilöt, hyte-koordinaattori 2023-",
         ["Hyvinvointijohtaja", "tulosaluepäälliköt", "lähihenkilöt", "hyte-koordinaattori"], "2023-"),
        ("Hallinto- ja kehitysjohtaja / viestintätiimi\nJatkuvaa toimintaa",
         ["Hallinto- ja kehitysjohtaja", "viestintätiimi"], "Jatkuvaa toimintaa"),
        ("Hoiva- ja hoitotyön päällikkö 2022 alkaen", ["Hoiva- ja hoitotyön päällikkö"], "2022 alkaen"),
        ("Kivalo-opiston rehtori/\nv.2021-2025", ["Kivalo-opiston rehtori"], "v.2021-2025"),
        ("Ympäristöjohtaja/2022 Ympäristöjohtaja/2022", ["Ympäristöjohtaja"], "2022"),
        ("Hyvinvointialue (perhekeskus, neuvola); sivistystoimi",
         ["Hyvinvointialue (perhekeskus, neuvola)", "sivistystoimi"], None),
        ("Tekninen toimi (liikuntapaikat ja viheralueet) ja järjestöt",
         ["Tekninen toimi (liikuntapaikat ja viheralueet)", "järjestöt"], None),
    ],
)
def test_responsible_cell_gives_units_and_schedule(text: str, units: list[str], schedule: str) -> None:
    assert parse_responsible(text) == (units, schedule)


def test_sdg_stack_gives_numbers_once() -> None:
    stack = [" 3 TERVEYTTÄ JA HYVINVOINTIA", "6 PUHDAS VESI JA SANITAATIO", "3 TERVEYTTÄ", "19 EI OLE", "SDG"]
    assert parse_sdg(stack) == [3, 6]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [("1–6/2022", "1-6/2022"), ("1-12/2023", "1-12/2023"), ("2023", "2023"), ("2022–25", "2022-2025"), ("2022-2025", "2022-2025"),
     ("2026", "2026"), (" 1 - 6 / 2022 ", "1-6/2022")],
)
def test_periods_with_dash_or_hyphen_read_alike(text: str, canonical: str) -> None:
    assert canonical_period(text) == canonical


@pytest.mark.parametrize("text", ["6-1/2022", "2025-2022", "kevät 2022", "13-14/2022", ""])
def test_bad_periods_are_rejected_with_a_hint(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


@given(st.integers(1, 12), st.integers(1, 12), st.integers(1990, 2100), st.sampled_from(["-", "\u2013"]))
def test_any_month_span_round_trips(first: int, last: int, year: int, dash: str) -> None:
    first, last = min(first, last), max(first, last)
    period = parse_period(f"{first}{dash}{last}/{year}")
    assert period == Period(year, first, year, last)
    assert parse_period(str(period)) == period


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_slug_is_always_a_valid_id(text: str) -> None:
    slug = slugify(text)
    assert slug and len(slug) <= 60
    assert all(part.isalnum() and part.isascii() and part == part.lower() for part in slug.split("-"))


def test_slug_keeps_readable_words() -> None:
    assert slugify("Ympäristösertifiointi laajenee päiväkodeille") == "ymparistosertifiointi-laajenee-paivakodeille"
    assert clean_ws(" a \u00a0 b ") == "a b"


def test_a_numbered_list_in_an_action_cell_is_one_action_per_item() -> None:
    """Issue 13: "1. …", "2. …" in one cell beside shared cells; numbering stripped, a
    wrapped item stays whole, and a single numbered line is not a list."""
    from hytetool.docmodel import Line
    from hytetool.normalize.cells import Para, list_items

    cell = Para((Line(5, "1. Nuorisovaltuuston toiminta"), Line(5, "2. Kouluille osallisuusraati,"),
                 Line(5, "joka kokoontuu kahdesti"), Line(5, "• Kerhot")))
    assert [p.text for p in list_items([cell])] == [
        "Nuorisovaltuuston toiminta", "Kouluille osallisuusraati, joka kokoontuu kahdesti", "Kerhot"]
    assert list_items([Para((Line(1, "Liikuntaa 2 kertaa viikossa"),))]) == []


@pytest.mark.parametrize(("cell", "is_time"), [
    ("syksy 2024", True), ("2024–2025", True), ("2025 alkaen", True), ("keväisin 2025–2028", True), ("jatkuva", True),
    ("Kouluterveyskysely 2023", False), ("Toiminta alkoi 2024", False), ("Vårdcentralen", False), ("Talviuinti", False)])
def test_a_schedule_cell_is_a_time_and_nothing_else(cell: str, is_time: bool) -> None:
    """Review finding: any short cell with a year, or a word starting 'vår'/'talvi', made a
    column a schedule by content."""
    from hytetool.normalize.column_roles import _is_schedule

    assert _is_schedule(cell) is is_time
