"""Finnish welfare-plan vocabulary: column headings, sectors, officials, captions.

This is domain knowledge shared by every municipality (how the THL-style tables are
headed, what sectors are called, which titles answer for what), not configuration of
any one file. Patterns are matched against whitespace-cleaned, dash-unified text.
"""

from __future__ import annotations

import re
from enum import Enum


class Column(str, Enum):
    """The roles a welfare-plan table column can play."""

    objective = "objective"  # Tavoite / Kaupunkistrategia
    priority = "priority"  # Painopisteet / Hyvinvointisuunnitelma
    action = "action"  # Toimenpiteet / toimenpide
    responsible = "responsible"  # Vastuu ja aikataulu / Kuka vastaa
    indicators = "indicators"  # Mittarit, arviointi
    outcome = "outcome"  # Toteuma / toteutuneet toimenpiteet
    sdg = "sdg"  # SDG
    schedule = "schedule"  # Aikataulu, when it has a column of its own
    other = "other"  # a column no label names: its cells are kept as unplaced, never guessed


# A line that is exactly one column label, as in column-wise exports ("Toimenpiteet").
COLUMN_LABELS: list[tuple[re.Pattern[str], Column]] = [
    (re.compile(r"^(tavoite|tavoitteet|kehittämistavoite|kehittämistavoitteet)$", re.I), Column.objective),
    (re.compile(r"^painopiste(et|alue|alueet)?\b.*$", re.I), Column.priority),
    (re.compile(r"^(toimenpiteet|toimenpide|toimet|keinot|toimenpiteet ja keinot)$", re.I), Column.action),
    (re.compile(r"^(vastuu ja aikataulu|vastuu|vastuutaho(t)?|vastuuhenkilö(t)?|vastuuyksikkö|toteuttaja(t)?"
                r"|kuka vastaa.*)$", re.I), Column.responsible),
    (re.compile(r"^(aikataulu|ajankohta|milloin\??)$", re.I), Column.schedule),
    (re.compile(r"^(mittarit, arviointi|mittarit|mittari|arviointi|seurantamittari(t)?|indikaattori(t)?"
                r"|arviointimittari(t)?|seuranta|arviointi ja seuranta|seuranta ja arviointi)$", re.I),
     Column.indicators),
    (re.compile(r"^(toteuma|toteutuminen)\b.*$", re.I), Column.outcome),
    # short labels only ("Tilanne 31.12.2023"): prose starts with these words too
    (re.compile(r"^(toteutunut|tilanne|tulokset|arvio toteutumisesta)(\s+\S+)?$", re.I), Column.outcome),
    (re.compile(r"^(sdg|agenda 2030)$", re.I), Column.sdg),
]

# Words in a one-line header that announce each column ("Tavoite Toimenpiteet Vastuu ...").
HEADER_WORDS: list[tuple[re.Pattern[str], Column]] = [
    (re.compile(r"\b(tavoite|tavoitteet|kehittämistavoite|kehittämistavoitteet)\b", re.I), Column.objective),
    (re.compile(r"\bpainopiste(et|alue|alueet)?\b", re.I), Column.priority),
    (re.compile(r"\btoimenpiteet\b|\btoimenpide\b", re.I), Column.action),
    (re.compile(r"\bvastuu|\bkuka vastaa|\btoteuttaja", re.I), Column.responsible),
    (re.compile(r"(?<!vastuu ja )\baikataulu\b", re.I), Column.schedule),  # not the "Vastuu ja aikataulu" column
    (re.compile(r"\bmittari|\barviointi\b|\bindikaattori", re.I), Column.indicators),
    (re.compile(r"\btoteuma\b|toteutuneet toimenpiteet|\btoteutuminen\b|\btilanne\b", re.I), Column.outcome),
    (re.compile(r"\bSDG\b"), Column.sdg),
]
# A header line names at least this many columns; fewer is ordinary prose.
MIN_HEADER_COLUMNS = 3
# A one-line header starts with one of these (some templates put the priority first:
# "Painopistealue | Tavoite | Toimenpiteet | ...").
FIRST_COLUMNS = (Column.objective, Column.priority)

# Markers of the column-wise 2022-25 layout: city-strategy objectives, then plan priorities.
OBJECTIVES_MARKER = re.compile(r"^kaupunkistrategia\b.*:\s*$", re.I)
PRIORITIES_MARKER = re.compile(r"^hyvinvointisuunnitelma\b.*:\s*$", re.I)

# "STRATEGINEN PÄÄMÄÄRÄ HYVINVOIVAT KUNTALAISET", "Strateginen päämäärä : Viisas Kemi",
# "Strateginen päämäärä: SUJUVA ARKI, hyvinvointi" (goal, then the sector it is for);
# other templates: "Päämäärä: Viisas Kemi", "Strateginen tavoite: Viisas Kemi" (with the
# colon: "Päämäärä on ..." is prose).
GOAL_CAPTION = re.compile(
    r"^(?:strateginen\s+päämäärä\s*:?|(?:strateginen\s+tavoite|päämäärä)\s*:)"
    r"\s+(?P<goal>[^,]+?)\s*(?:,\s*(?P<sector>.+?))?\s*$", re.I)

SECTORS = {
    "keskusvirasto": "Keskusvirasto",
    "elinvoima": "Elinvoimatoimiala",
    "hyvinvointi": "Hyvinvointitoimiala",
    "perusturva": "Perusturvatoimiala",
    "ympäristö": "Ympäristötoimiala",
}
# Lines that open a section of a sector's report; a table never goes on past one.
SECTOR_HEADING = re.compile(r"^(KESKUSVIRASTO|[A-ZÅÄÖ]+TOIMIALA)$")
KPI_TITLE = re.compile(r"^suoritteet\s*/\s*tunnusluvut\b", re.I)
AREA = re.compile(r"^tulosalue\s+(?P<name>\S.*)$", re.I)
PERSON = re.compile(r"^vastuuhenkilö\s+(?P<name>\S.*)$", re.I)
BUDGET_START = re.compile(r"^talousarvion toteutuminen", re.I)
SECTION_STARTS = (SECTOR_HEADING, KPI_TITLE, AREA, PERSON, BUDGET_START)
# A key-figure table's header line: "Suorite TP 2021 TA 2022 TOTEUMA 1-6/2022 ...".
KPI_HEADER = re.compile(r"^suorite\b", re.I)
SECTOR_WORD = re.compile(r"\b(keskusvirasto|elinvoima|hyvinvointi|perusturva|ympäristö)(toimiala[a-zäö]*)?\b", re.I)

# Titles of officials and the sector they work in (tulosalue -> toimiala). First match wins,
# so more specific titles come first.
OFFICIAL_SECTORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"ympäristö(johtaja|päällikkö)|kaupunginarkkitehti|rakennustarkastaja", re.I), "Ympäristötoimiala"),
    (re.compile(r"hallinto- ja kehitysjohtaja|kaupunginjohtaja|talouspäällikkö|henkilöstöpäällikkö"
                r"|kaupunginkanslia|kestävän kehityksen|viestintätiimi|tietohallinto|kaupunkitarkastaja", re.I),
     "Keskusvirasto"),
    (re.compile(r"varhaiskasvatus|rehtori(?<!opiston rehtori)|vapaa-aika|hyvinvointijohtaja|hyte-koordinaattori"
                r"|nuorisosihteeri", re.I), "Hyvinvointitoimiala"),
    (re.compile(r"perusturvajohtaja|hoiva- ja hoitotyön|sosiaalityön|johtava lääkäri", re.I), "Perusturvatoimiala"),
    (re.compile(r"elinkeino|työllisyys|kaupungingeodeetti|kivalo-opiston rehtori", re.I), "Elinvoimatoimiala"),
]

# When a table names no official that tells its sector, the services it talks about do.
SERVICE_SECTORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"perhekeskus|perhepalvel|sosiaali|terveysneuvon|hoiva|kotihoi|ikäihmi|vanhus|hyvinvointialue", re.I),
     "Perusturvatoimiala"),
    (re.compile(r"varhaiskasvat|päiväko|koulu|opetu|kirjasto|nuoriso|liikun|kulttuur|museo", re.I),
     "Hyvinvointitoimiala"),
    (re.compile(r"työllisyy|elinkeino|yrity|matkailu|kivalo|pointti|ohjaamo", re.I), "Elinvoimatoimiala"),
    (re.compile(r"kaavoi|katusuunnit|rakennusvalvon|ympäristöluv|jalkakäytäv", re.I), "Ympäristötoimiala"),
]

# Words that make a text a responsible unit or official rather than an action.
TITLE_RE = re.compile(
    r"\b[\wäöå-]*(johtaja|johtajat|päällikkö|päälliköt|koordinaattori|sihteeri|rehtori|tarkastaja|geodeetti"
    r"|arkkitehti|lääkäri|esihenkilöt|lähiesihenkilöt|kanslia|toimiala|toimialat|henkilöstö|viestintätiimi)\b",
    re.I,
)
UNIT_LINE = re.compile(
    r"^(kaikki toimialat|toimialat|keskusvirasto|kanslia|kaupunginkanslia|koko organisaatio\b.*"
    r"|[\wäöå-]*toimiala|[\wäöå /-]*(päällikkö|johtaja|koordinaattori|rehtori|sihteeri))$",
    re.I,
)
# Schedules written in the responsible cell: "/2022", "2022-2023", "jatkuva", "2022 alkaen".
SCHEDULE_RE = re.compile(
    r"(?:\bv\.\s?)?\b(?:19|20)\d{2}(?:\s*-\s*(?:(?:19|20)\d{2}|\d{2})?)?(?:\s+alkaen)?"
    r"|\bjatkuvaa toimintaa\b\.?|\bjatkuva\b|\bvuosittain\b.*|\bvuosittainen prosessi\b"
    r"|\bvuoden \d{4} loppuun mennessä\b|\bpuolivuosittain\b",
    re.I,
)

SDG_ITEM = re.compile(r"^\s*(\d{1,2})\s+[A-ZÅÄÖ]")

TITLE_HINTS = [
    (re.compile(r"toimenpiteet vuodelle|toimenpidesuunnitelma", re.I), "plan"),
    (re.compile(r"toteutuminen toimialoittain|\(KV\s+§\s*\)", re.I), "template"),
    (re.compile(r"toteutuneet toimenpiteet|toimenpiteet vuodelta|toteuma\s+1\s*-\s*12", re.I), "annual_report"),
    # other municipalities' report titles: "Hyvinvointikertomus 2023", "… toteutuminen 2023"
    (re.compile(r"hyvinvointikertomus|toimintakertomus|vuosikertomus|(?:toteuma|toteutuminen)\s+(?:vuonna\s+)?\d{4}",
                re.I), "annual_report"),
    (re.compile(r"toteuma\s+1\s*-\s*\d\b|osavuosi|puolivuosi", re.I), "interim_report"),
]

COUNCIL_DECISION = re.compile(r"\bKV\s+\d{1,2}\.\d{1,2}\.\d{2,4}\s*§\s*\d+")
