"""How far an action got, read from its outcome text (toteuma) by Finnish rules.

The rules, in the order they are tried (the first group that matches decides):

1. mixed: the outcome says something was done AND something was not
   ("Harrastetointa on kaikilla kouluilla. Chat-palvelua ei ole kokeiltu") -> in progress;
2. not done: "ei toteutunut", "ei ole tehty", "ei ole kokeiltu", "ei kartoitusta",
   "toteutumatta", "ei aloitettu", "ei ole hankittu", "ei tehty", ... -> not_done;
3. partial: "osittain", "delvis" (osittain toteutunut) -> partial;
   in progress: "käynnissä", "kesken", "meneillään", "valmistelussa", "suunnitteilla",
   "työn alla", "aloitettu", "jatkuu", "edennyt", "jäljellä" (some left),
   "-matta" ("auditointimatta 3": some not yet), and verbs in the present
   passive ("päivitetään", "kehitetään": the work goes on) -> in_progress;
4. done: "toteutunut", "tehty", "käytössä", "valmis", "toteutettu", "hyväksytty",
   "auditoitu", "perustettu", "otettu käyttöön", and past participles ("vahvistettu",
   "hyväksynyt", "kokoontunut": the thing happened) -> done;
5. an outcome that matches none of these -> unknown ("no information" in the report);
   no outcome at all -> unknown.

A status written by hand in the YAML always wins: extraction stores the derived status
with `status_derived: true` (for actions that have an outcome), and the report derives
one only where the YAML has none. Extraction also stores `status_derived_from`, a
fingerprint of the outcome it read; when an analyst edits the outcome and leaves the
derived status, the status is derived again (`hyte render` warns, `hyte check` lists
it). To keep a status by hand, set `status_derived: false`.
"""

from __future__ import annotations

import colorsys
import hashlib
import re

from hytetool.model import Action, Status
from hytetool.vocabulary import status_value, status_word_table

FINGERPRINT_HEX = 12  # of sha256: enough to tell an edited outcome, short in a hand-edited file

_NOT_DONE = re.compile(
    r"\bei (ole )?(toteutunut|toteutettu|tehty|kokeiltu|aloitettu|hankittu|käynnistynyt|valmistunut)\b"
    r"|\bei kartoitusta\b|\btoteutumatta\b|\bei seurantaa\b|\bei ole ollut\b|\bei tehty\b|\bjäi toteutumatta\b",
    re.I,
)
_PARTIAL = re.compile(r"\bosittain\b|\bdelvis\b", re.I)
# Swedish outcomes of bilingual municipalities, read by the same rules.
_SV_NOT_DONE = re.compile(r"\b(inte|ej) (genomförd|genomfört|påbörjad|påbörjat|gjord|gjort)\b", re.I)
_SV_IN_PROGRESS = re.compile(r"\bpågår\b|\bpågående\b|\bfortsätter\b|\bhar påbörjats\b|\bunder arbete\b", re.I)
_SV_DONE = re.compile(r"\bgenomförd\b|\bgenomfört\b|\bgenomfördes\b|\bklar\b|\bslutförd\b|\binförd\b|\btogs i bruk\b", re.I)
_IN_PROGRESS = re.compile(
    r"\bkäynnissä\b|\bkesken\b|\bmeneillään\b|\bvalmistelussa\b|\bvalmisteilla\b|\bsuunnitteilla\b"
    r"|\btyön alla\b|\baloitettu\b|\bkäynnistynyt\b|\bkäynnistetään\b|\bjatkuu\b|\bjatkettu\b"
    r"|\bjäljellä\b|\b(?!toteutumatta)\w+matta\b|\bedennyt\b|\btoteutuksessa\b|\blaadittavana\b|\bvalmistuu\b|\bmenossa\b|\bpilotoi|\bsuunnitelmissa\b"
    # present passive ("päivitetään", "kehitetään"): the work is going on
    r"|\b\w+(t|d)(aan|ään)\b",
    re.I,
)
_DONE = re.compile(
    r"\btoteutun(ut|eet)\b|\btoteutettu\b|\btehty\b|\btehtiin\b|\bkäytössä\b|\bvalmis\b|\bvalmiit\b|\bvalmistunut\b"
    r"|\bhyväksytty\b|\bauditoitu\b|\bperustettu\b|\botettu käyttöön\b|\bkäyttöön otettu\b|\bkäyttöönotettu\b"
    r"|\bpäätetty\b|\bjärjestetty\b|\bsolmittu\b|\bmyönnetty\b|\btoimii\b|\bvalmiina\b"
    # past participles ("vahvistettu", "hyväksynyt", "kokoontunut"): the thing was done
    r"|\b\w{3,}(ttu|tty|nut|nyt|ttiin)\b",
    re.I,
)


def derive_status(outcome: str | None) -> Status:
    """The status the outcome text implies (see the module docstring for the rules)."""
    if not outcome or not outcome.strip():
        return Status.unknown
    text = " ".join(outcome.split())
    not_done = bool(_NOT_DONE.search(text) or _SV_NOT_DONE.search(text))
    done = bool(_DONE.search(_NOT_DONE.sub(" ", text)) or _SV_DONE.search(_SV_NOT_DONE.sub(" ", text)))
    if not_done and done:
        return Status.in_progress
    if not_done:
        return Status.not_done
    if _PARTIAL.search(text):
        return Status.partial
    if _IN_PROGRESS.search(text) or _SV_IN_PROGRESS.search(text):
        return Status.in_progress
    if done:
        return Status.done
    return Status.unknown


def outcome_fingerprint(outcome: str | None) -> str:
    """What `status_derived_from` stores: the outcome text, whitespace folded, hashed."""
    text = " ".join((outcome or "").split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_HEX]


def with_derived_status(action: Action) -> Action:
    """Fill in a derived status where none was set (a hand-set status always wins)."""
    if action.status is not None:
        return action
    return action.model_copy(update={"status": derive_status(action.outcome), "status_derived": True,
                                     "status_derived_from": outcome_fingerprint(action.outcome)})


def is_stale(action: Action) -> bool:
    """A derived status whose outcome was edited after it was derived.

    With `status_derived_from` the fingerprints are compared; a file written before that
    field existed is stale when the rules now give another status."""
    if action.status is None or not action.status_derived:
        return False
    if action.status_derived_from is not None:
        return action.status_derived_from != outcome_fingerprint(action.outcome)
    return derive_status(action.outcome) != action.status


def effective_status(action: Action) -> Status:
    """The stored status, unless it is missing or a derived one gone stale: then derived again."""
    if action.status is not None and not is_stale(action):
        return action.status
    return derive_status(action.outcome)


# ---------------------------------------------------------------- read from the document

# Hue ranges (degrees) of a traffic light's fill colour (liikennevalo): red wraps round 0.
TRAFFIC_LIGHT_HUES: tuple[tuple[float, float, Status], ...] = (
    (0, 20, Status.not_done), (340, 360, Status.not_done),
    (35, 70, Status.partial),  # yellow and amber
    (75, 170, Status.done),
)
# Below this saturation or outside this lightness a fill is grey, white or black: no light.
MIN_LIGHT_SATURATION = 0.35
LIGHTNESS_RANGE = (0.2, 0.9)
# What may follow a leading status word: "Toteutunut. …", "Kesken: …", "Osittain – …".
_AFTER_WORD = ".:;,–-!\n"


def read_status(text: str | None) -> Status | None:
    """A cell that is just a status or traffic-light word ("Toteutunut", "vihreä",
    "delvis genomförd"), or a schema value ("in_progress"); None for anything else."""
    value = status_value(text)
    return Status(value) if value else None


def leading_status(text: str | None) -> Status | None:
    """The status an outcome opens with ("Toteutunut. Kohtaamispaikka avattiin 2/2025.")."""
    plain = (text or "").casefold().lstrip()
    for word, status in status_word_table():
        if plain.startswith(word):
            rest = plain[len(word) :]
            if not rest.strip() or rest[0] in _AFTER_WORD or rest.lstrip(" ")[:1] in "–-":
                return Status(status)
    return None


def fill_status(rgb: str | None) -> Status | None:
    """The traffic light a cell's fill colour shows (RRGGBB), or None for no light."""
    if not rgb or len(rgb) != 6:
        return None
    try:
        red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if saturation < MIN_LIGHT_SATURATION or not LIGHTNESS_RANGE[0] <= lightness <= LIGHTNESS_RANGE[1]:
        return None
    degrees = hue * 360
    return next((status for low, high, status in TRAFFIC_LIGHT_HUES if low <= degrees <= high), None)
