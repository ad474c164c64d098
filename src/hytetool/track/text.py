"""How alike two texts are: normalisation, the score and the thresholds of the matcher.

Texts are compared after normalisation (casefold, one kind of dash, punctuation and
runs of whitespace to one space; letter-spacing splits are already repaired by the
extractor). The score is the larger of two rapidfuzz scores, each 0-100:

- `fuzz.ratio`: edit similarity of the whole strings. Catches typos, split compounds
  ("yritys ympäristö"), a doubled word ("sekä sekä") and a missing full stop.
- `fuzz.token_set_ratio`: compares the shared words with each side's remainder, so a
  row that gained a sentence in a later report ("... Käytämme selkokieltä tiedotteissa.
  Hyvin Sanottu ...") or dropped a few words ("Sujuva, turvallinen arki" for "Sujuva,
  turvallinen ja mutkaton arki") still scores high.

Candidates are only ever compared within the same strategic goal (and, for actions,
the same sector), and one document contributes at most one record per shared id (per
sector), so the thresholds below separate rows of one small table, not a whole corpus.
The figures in the comments were measured on the sample seeds; tests/test_track.py
measures precision and recall on the hand-labelled pairs in tests/fixtures/track_pairs.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

# The same city-strategy sentence printed again scores >= 91 (doubled "sekä", split
# "yritys ympäristö", dropped "ja mutkaton", a sentence cut short); two different
# sentences of one goal score <= 58. 85 leaves room on both sides.
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

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_PUNCTUATION = re.compile(r"[^\w\s-]")
_AROUND_HYPHEN = re.compile(r"\s*-\s*")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """'Kehitämme koulutustarjontaa ja –polkuja.' -> 'kehitämme koulutustarjontaa ja-polkuja'."""
    plain = unicodedata.normalize("NFKC", text).casefold()
    plain = _DASHES.sub("-", plain)
    plain = _PUNCTUATION.sub(" ", plain)
    plain = _AROUND_HYPHEN.sub("-", plain)
    return " ".join(plain.split()).strip("-")


# goal_key and sector_key are asked for every comparison the matcher makes (half a
# million times for a year of 300 municipalities) about a few hundred distinct names.
KEY_CACHE_SIZE = 4096


@lru_cache(maxsize=KEY_CACHE_SIZE)
def goal_key(name: str) -> str:
    """Strategic goals are compared casefolded with whitespace collapsed."""
    return " ".join(name.casefold().split())


@lru_cache(maxsize=KEY_CACHE_SIZE)
def sector_key(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


@lru_cache(maxsize=262144)
def similarity(a: str, b: str) -> tuple[float, float]:
    """(score, ratio) of two texts: score as described above; ratio breaks ties."""
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return (0.0, 0.0)
    ratio = fuzz.ratio(x, y)
    return (max(ratio, fuzz.token_set_ratio(x, y)), ratio)
