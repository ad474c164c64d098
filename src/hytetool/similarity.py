"""How alike two texts are: the one place hytetool compares texts, with its thresholds.

Texts are compared after normalisation (casefold, one kind of dash, punctuation and
runs of whitespace to one space; letter-spacing splits are already repaired by the
extractor). The score is the larger of two rapidfuzz scores, each 0-100:

- `fuzz.ratio`: edit similarity of the whole strings. Catches typos, split compounds
  ("yritys ympäristö"), a doubled word ("sekä sekä") and a missing full stop.
- `fuzz.token_set_ratio`: compares the shared words with each side's remainder, so a
  row that gained a sentence in a later report ("... Käytämme selkokieltä tiedotteissa.
  Hyvin Sanottu ...") or dropped a few words ("Sujuva, turvallinen arki" for "Sujuva,
  turvallinen ja mutkaton arki") still scores high.

Users: the extractor recognises a strategy objective in a cell (`prefix_score`,
city_strategy.py), `hyte track` links records across years (`similarity`,
track/matcher.py), the report shows a retyped objective once (`same_text`) and marks a
reworded action (`edit_ratio`), and `hyte validate` suggests the name meant by a typo
(`closest_name`), and a column-wise export's paragraphs are matched to the rows they
read most like (`stem_overlap`, normalize/align.py). The track thresholds separate rows of one small table (candidates
are only compared within one strategic goal and sector), not a whole corpus; the
figures in the comments were measured on the sample seeds, and tests/test_track.py
measures precision and recall on the hand-labelled pairs in tests/fixtures/track_pairs.yaml.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

# The same city-strategy sentence printed again scores >= 91 (doubled "sekä", split
# "yritys ympäristö", dropped "ja mutkaton", a sentence cut short); two different
# sentences of one goal score <= 58. 85 leaves room on both sides. It also accepts a
# cell that starts with a strategy objective and rejects a different sentence that
# happens to start alike ("Tuemme ja osallistumme ..." vs "Tuemme ja edistämme ...").
OBJECTIVE_MIN = 85.0
# An action anywhere in its goal and sector: rows reported again with typos, split
# compounds or an added sentence score >= 83; different rows of one sector's table
# score <= 45. 80 keeps well clear of the different rows.
ACTION_MIN = 80.0
# An action under the SAME objective (same shared objective id) in the same sector:
# this is the same row of the same table, so less textual evidence is needed. Rows
# reworded between years ("Uuden tila- ja ajanvarausjärjestelmän hankkiminen" ->
# "... käyttöönotto", "Palveluverkko tarkastelu" -> "Palveluverkko konkretisoituu
# asteittain") score 70-80; a different action put in the same row scores <= 40.
ACTION_SAME_OBJECTIVE_MIN = 60.0
# Objective and priority texts that differ only by a typo or a dropped word are shown
# once in the report ("sekä sekä torjuu"); 90 keeps genuinely different sentences apart.
SAME_TEXT_MIN = 90.0
# A continued action whose wording changed this much (edit ratio below 90 of 100) was
# reworded, not just retyped; the report's changes section shows its earlier wording too.
REWORDED_BELOW = 90.0
# A prefix comparison needs at least this many characters, so a two-word fragment
# never matches a strategy objective.
PREFIX_MIN_CHARS = 20
# The word-set comparison needs this many words; on fewer, shared "ja" and "me" decide.
WORD_SET_MIN_WORDS = 6
# A field or id name counts as the one meant by a typo from this difflib ratio (0-1)
# on: "objectve" -> "objective", "hyvinvoivat-asukaat" -> "hyvinvoivat-asukkaat".
CLOSE_NAME_CUTOFF = 0.6
# Finnish inflects by suffix; five letters keep the stem of most content words.
STEM_LENGTH = 5
# Words shorter than this are mostly function words ("ja", "on", "sekä").
MIN_WORD_LENGTH = 4

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_PUNCTUATION = re.compile(r"[^\w\s-]")
_AROUND_HYPHEN = re.compile(r"\s*-\s*")
_WORD = re.compile(r"[a-zåäö0-9]+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """'Kehitämme koulutustarjontaa ja –polkuja.' -> 'kehitämme koulutustarjontaa ja-polkuja'."""
    plain = unicodedata.normalize("NFKC", text).casefold()
    plain = _DASHES.sub("-", plain)
    plain = _PUNCTUATION.sub(" ", plain)
    plain = _AROUND_HYPHEN.sub("-", plain)
    return " ".join(plain.split()).strip("-")


@lru_cache(maxsize=262144)
def similarity(a: str, b: str) -> tuple[float, float]:
    """(score, ratio) of two texts after `normalise`: score as described above; the
    edit ratio breaks ties."""
    from rapidfuzz import fuzz  # here: a fully cached run never loads it
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return (0.0, 0.0)
    ratio = fuzz.ratio(x, y)
    return (max(ratio, fuzz.token_set_ratio(x, y)), ratio)


def edit_ratio(a: str, b: str) -> float:
    """Edit similarity (0-100) of two normalised texts: how much the wording changed."""
    return similarity(a, b)[1]


def is_reworded(before: str, after: str) -> bool:
    """The same record's text changed more than a retyping does."""
    return edit_ratio(before, after) < REWORDED_BELOW


def same_text(a: str, b: str) -> bool:
    """Two texts are one sentence printed twice (a typo, a dropped word): edit ratio
    of the casefolded texts from SAME_TEXT_MIN on."""
    from rapidfuzz import fuzz  # here: a fully cached run never loads it
    return fuzz.ratio(a.casefold(), b.casefold()) >= SAME_TEXT_MIN


def prefix_score(text: str, reference: str) -> float:
    """Similarity of the start of `text` to `reference`, or of their word sets, 0-100;
    both already normalised by the caller.

    The prefix ratio finds a cell that holds the reference sentence and more; the
    word-set ratio finds one with a clause dropped ("Sujuva, turvallinen arki synnyttää ...").
    """
    from rapidfuzz import fuzz  # here: a fully cached run never loads it
    length = min(len(text), len(reference))
    if length < PREFIX_MIN_CHARS:
        return 0.0
    prefix = fuzz.ratio(text[:length], reference[:length])
    if len(text.split()) < WORD_SET_MIN_WORDS:
        return prefix
    return max(prefix, fuzz.token_set_ratio(text, reference))


def closest_name(name: str, names: list[str]) -> str | None:
    """The name in `names` that `name` is most likely a typo of, if any is close enough."""
    close = difflib.get_close_matches(name, names, n=1, cutoff=CLOSE_NAME_CUTOFF)
    return close[0] if close else None


@lru_cache(maxsize=4096)
def stems(text: str) -> frozenset[str]:
    """The content words' stems: the first STEM_LENGTH letters of words of MIN_WORD_LENGTH or more."""
    return frozenset(w[:STEM_LENGTH] for w in _WORD.findall(text.lower()) if len(w) >= MIN_WORD_LENGTH)


def stem_overlap(text: str, reference: str, weight: dict[str, float] | None = None) -> float:
    """Weighted share of the text's stems that also occur in the reference (0..1):
    survives Finnish inflection ("liikuntahallin" ~ "Liikunnan"), where an edit ratio
    would not."""
    mine = stems(text)
    if not mine:
        return 0.0
    w = weight or {}
    total = sum(w.get(s, 1.0) for s in mine)
    return sum(w.get(s, 1.0) for s in mine & stems(reference)) / total
