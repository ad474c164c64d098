"""Finnish text repair: joining wrapped lines, hyphens, letter-spacing splits, slugs.

The rules follow Finnish orthography rather than the look of one document:
a compound keeps its hyphen when the same vowel meets across the joint ("vapaa-aika",
"liikunta-aktivointiin"), when a part is an abbreviation ("hyte-", "MS-") or a proper
name, and "ja -polkuja" style hanging hyphens keep theirs; other line-final hyphens
are word wraps ("elinkeino-" + "rakenteeltaan").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_WORD_RE = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+")
VOWELS = set("aeiouyäöå")
# After a hyphen, these words show a suspended compound ("Hoiva- ja hoitotyön").
SUSPENDED_JOINERS = frozenset({"ja", "tai", "sekä", "eli", "och", "and"})
# A spaced en dash ending a line mostly joins the next word in these tables ("apua –"
# + "nappi", "Hyvikki –" + "hankkeiden", as the authors write it); before a word that
# starts a clause it is a dash between clauses ("kaikille –" + "ei jätetä").
CLAUSE_STARTERS = frozenset({
    "ei", "eikä", "ja", "joka", "jotka", "jossa", "joissa", "jolla", "mikä", "mitä", "mutta", "vaan",
    "sekä", "tai", "kun", "jos", "että", "eli", "kuten", "koska", "sillä", "myös", "niin", "se", "ne",
})
# A first part this short before a line-final hyphen is an abbreviation ("hyte-", "MS-").
ABBREVIATION_MAX_LEN = 4
# Letters that pdf text extraction splits off most often (narrow glyphs get wide gaps).
NARROW_SPLIT_LETTERS = {"l", "i", "s", "t", "j", "f", "r"}
# Word-initial consonant pairs that Finnish loanwords do have; other pairs mean a split.
LOAN_INITIAL_PAIRS = {
    "bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "ph", "pl",
    "pr", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sv", "th", "tr", "ts", "wh",
}


def clean_ws(text: str) -> str:
    """Collapse whitespace (incl. no-break spaces) into single spaces and trim.

    str.split() breaks at exactly the characters regex `\\s` matches (no-break space
    included), so this is `re.sub(r"\\s+", " ", text).strip()` at a fifth of the cost:
    it runs on every line and cell several times (tests/test_fast_matchers.py pins it)."""
    return " ".join(text.split())


def _keeps_hyphen(head: str, tail: str) -> bool:
    """Whether 'head-' at a line end + 'tail' on the next line is a real compound hyphen."""
    first_word = tail.split(" ", 1)[0]
    if not first_word or not first_word[0].isalpha() or not first_word[0].islower():
        return True  # "Pertajärvi-" + "Vallitunsaari", "2021-" + "2025"
    part = re.split(r"[\s/(]", head)[-1]
    if not part:
        return True  # a hanging hyphen: "ja -" + "polkuja"
    if len(part) <= ABBREVIATION_MAX_LEN or part.isupper():
        return True  # "hyte-" + "toimijoiden", "MS-" + "officen"
    last, first = part[-1].lower(), first_word[0].lower()
    return last in VOWELS and last == first  # "vapaa-" + "aika", "liikunta-" + "aktivointiin"


def _hanging_hyphen(out: str, line: str) -> bool:
    """In text that was never hyphenated, ' -' at a line end attaches to the next word
    after a conjunction ("ja -polkuja") or a name ("Oulu -hanke"); otherwise it is a
    dash between clauses ("palvelut - välittäminen") and keeps its spaces. (In text
    exports of hyphenated PDFs the first reading is by far the common one.)"""
    words = out[:-2].split(" ")
    before = words[-1] if words else ""
    if not line[:1].isalpha():
        return False
    return before.lower() in SUSPENDED_JOINERS or before[:1].isupper()


def join_lines(lines: Iterable[str], hyphenated: bool = True) -> str:
    """Join the wrapped lines of one paragraph into one line of text.

    `hyphenated=False` is for text whose writer never hyphenates (Word and LibreOffice
    by default): a hyphen at a line end is then always part of the text ("Eduhouse-"
    + "koulutukset" -> "Eduhouse-koulutukset").
    """
    out = ""
    for raw in lines:
        line = clean_ws(raw)
        if not line:
            continue
        if not out:
            out = line
        elif not hyphenated and out.endswith(" \u2013") and line.split(" ", 1)[0].lower() in CLAUSE_STARTERS:
            out = out + " " + line  # "kaikille –" + "ei jätetä": a dash between clauses
        elif out.endswith(("-", "\u2013")) and not out.endswith(" -"):
            head = out[:-1]
            if not hyphenated and line.split(" ", 1)[0] in SUSPENDED_JOINERS:
                out = out + " " + line  # "Hoiva-" + "ja hoitotyön" -> "Hoiva- ja hoitotyön"
            elif out.endswith("\u2013") or not hyphenated or _keeps_hyphen(head, line):
                out = out + line
            else:
                out = head + line
        elif out.endswith(" -"):
            attach = _hanging_hyphen(out, line) if not hyphenated else line[:1].isalpha()
            out = out + ("" if attach else " ") + line
        else:
            out = out + " " + line
    return out


def word_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in _WORD_RE.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts


def _impossible_start(fragment: str) -> bool:
    """A fragment no Finnish word starts like: two consonants not seen in loanwords."""
    low = fragment.lower()
    if len(low) < 2 or not low[:2].isalpha():
        return False
    a, b = low[0], low[1]
    return a not in VOWELS and b not in VOWELS and low[:2] not in LOAN_INITIAL_PAIRS


def repair_letter_spacing(text: str, lexicon: dict[str, int] | None = None) -> str:
    """Join words that PDF letter-spacing split in two ("l isää" -> "lisää").

    Runs until nothing changes, so three-piece splits ("yks i lökohtaisia") heal too.
    """
    previous = None
    while text != previous:
        previous = text
        out: list[str] = []
        for token in text.split(" "):
            if out and _should_join(out[-1], token, lexicon or {}):
                out[-1] = out[-1] + token
            else:
                out.append(token)
        text = " ".join(out)
    return text


def letter_spacing_evidence(text: str) -> int:
    """How many lone narrow letters stand before a lowercase word (" l isää")."""
    return len(_LONE_LETTER_RE.findall(text))


_LONE_LETTER_RE = re.compile(r"(?<![\w.])[lis] [a-zåäö]")


def _should_join(left: str, right: str, lexicon: dict[str, int]) -> bool:
    """Whether two tokens are one word split by letter spacing (see module doc)."""
    lw_all, rw_all = _WORD_RE.findall(left), _WORD_RE.findall(right)
    if not lw_all or not rw_all or not left[-1].isalpha() or not right[0].isalpha():
        return False
    lw, rw = lw_all[-1], rw_all[0]
    if not rw[0].islower():
        return False
    if len(lw) == 1 and lw in NARROW_SPLIT_LETTERS:
        return True
    joined = (lw + rw).lower()
    if lexicon.get(joined, 0) > 0 or _known(joined):
        return not _known(lw) or not _known(rw) or lexicon.get(joined, 0) > 0 and (
            lexicon.get(rw.lower(), 0) == 0
        )
    if _known(rw) or _frequency(lw) >= COMMON_WORD_ZIPF:
        return False
    return rw[0].lower() in NARROW_SPLIT_LETTERS and len(lw) <= SPLIT_FRAGMENT_MAX_LEN


# A left fragment as frequent as this is a word of its own ("ja", "on"), never a split piece.
COMMON_WORD_ZIPF = 5.0
# Letter-spacing leaves short pieces in front ("Es ihenkilöt", "Verta istapaamiset").
SPLIT_FRAGMENT_MAX_LEN = 5


@lru_cache(maxsize=65536)
def _frequency(word: str) -> float:
    """Zipf frequency of a Finnish word (wordfreq); 0 for words it has never seen."""
    from wordfreq import zipf_frequency  # here: a fully cached run never loads it

    return zipf_frequency(word.lower(), "fi")


def _known(word: str) -> bool:
    return _frequency(word) > 0


def is_finnish_word(word: str) -> bool:
    """Whether wordfreq has seen the word in Finnish text."""
    return _known(word)


def slugify(text: str, max_words: int = 6, max_len: int = 60) -> str:
    """A readable id from text: 'Ympäristösertifiointi laajenee' -> 'ymparistosertifiointi-laajenee'."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    slug = ""
    for word in re.findall(r"[a-z0-9]+", plain)[:max_words]:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    return slug or "x"


class SlugRegistry:
    """Hands out unique slugs within one document: repeats get -2, -3 in order."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, text: str, prefix: str = "") -> str:
        base = slugify(text)
        if prefix:
            base = f"{prefix}-{base}"[:70].strip("-")
        n = self._seen.get(base, 0) + 1
        self._seen[base] = n
        return base if n == 1 else f"{base}-{n}"
