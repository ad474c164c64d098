"""Words from characters, with letter spacing told apart from word and cell breaks.

pdfplumber starts a new word at any gap wider than `x_tolerance` (3 pt). Text set with
character spacing (PDF `Tc`: spaced-out headings, character-justified lines) then falls
apart into letters or pieces ("l isää", "T o i m e n p i d e"). Widening the tolerance
is no cure: in a table printed from Excel the text of the next cell may start 4 pt after
this one's, with no space between them.

What tells them apart is the rhythm of the gaps. Where a page writes its spaces as
characters (Word, LibreOffice and reportlab do), a space character is a word break; a
gap without one is letter spacing only when a gap beside it is about as wide (the
letters of a spaced word are all spaced alike), and never wider than `letter_gap_em` of
the font size. A lone wide gap between ordinary glyphs is a break: the next cell.
"""

from __future__ import annotations

from itertools import groupby

from pdfplumber.utils import extract_words
from pdfplumber.utils.text import LIGATURES  # spelt out in words ("ﬁ" -> "fi"): the same table as pdfplumber's

from hytetool.extract.settings import ExtractionSettings

# A gap is letter spacing when a neighbouring gap is at least this share of it: spacing
# set with Tc is the same after every glyph; kerning and rounding move it by a tenth.
LETTER_GAP_LIKENESS = 0.6
# Points a space character may stand outside the gap it makes (rounding of positions).
BLANK_SLACK = 0.5


def page_words(page, settings: ExtractionSettings) -> list[dict]:
    """The page's words in pdfplumber's form and order, letter-spaced ones made whole.

    Most pages have no gap to judge (every narrow gap between words holds a space), and
    pdfplumber's words are taken as they are: the rhythm is read only where needed."""
    words = page.extract_words(**settings.word_options())
    if not settings.spaces_are_chars(page.chars) or not _gaps_without_space(words, page.chars, settings):
        return words
    pieces = page.extract_words(x_tolerance=settings.x_tolerance, y_tolerance=settings.y_tolerance,
                                keep_blank_chars=True, return_chars=True)
    words: list[dict] = []
    for run in _runs(pieces, settings):
        words += _split_at_blanks(run)
    return words


def _gaps_without_space(words: list[dict], chars: list[dict], settings: ExtractionSettings) -> bool:
    """Whether two neighbouring words of a line stand closer than letter_gap_em with no
    space character between them: letter spacing, or the next cell."""
    blanks: dict[int, list[float]] = {}
    for char in chars:
        if char["text"].isspace():
            blanks.setdefault(round(char["top"]), []).append(char["x0"])
    for a, b in zip(words, words[1:]):
        gap = b["x0"] - a["x1"]
        if abs(a["top"] - b["top"]) > settings.y_tolerance or not 0 <= gap <= settings.letter_gap_em * a["height"]:
            continue
        line = blanks.get(round(a["top"]), []) + blanks.get(round(a["top"]) - 1, []) + blanks.get(round(a["top"]) + 1, [])
        if not any(a["x1"] - BLANK_SLACK <= x <= b["x0"] + BLANK_SLACK for x in line):
            return True
    return False


def _runs(pieces: list[dict], settings: ExtractionSettings) -> list[list[dict]]:
    """The pieces' characters, pieces joined across letter-spacing gaps."""
    chars = [piece["chars"] for piece in pieces]
    gaps = [_gap(a, b, settings) for a, b in zip(chars, chars[1:])]
    runs: list[list[dict]] = [list(chars[0])] if chars else []
    for i, gap in enumerate(gaps):
        if _joins(chars[i][-1], chars[i + 1][0], gap, settings) and _spaced_alike(chars, gaps, i):
            runs[-1] += chars[i + 1]
        else:
            runs.append(list(chars[i + 1]))
    return runs


def _gap(left: list[dict], right: list[dict], settings: ExtractionSettings) -> float | None:
    """The gap between two pieces, if they stand side by side on one line."""
    a, b = left[-1], right[0]
    if abs(a["top"] - b["top"]) > settings.y_tolerance or b["x0"] < a["x1"]:
        return None  # another line, or the next piece starts further left
    return b["x0"] - a["x1"]


def _joins(a: dict, b: dict, gap: float | None, settings: ExtractionSettings) -> bool:
    """A gap that may be letter spacing: between glyphs (a space is a word break), upright,
    and narrower than letter_gap_em of the font size."""
    if gap is None or a["text"].isspace() or b["text"].isspace() or not (a["upright"] and b["upright"]):
        return False
    return gap <= settings.letter_gap_em * a["size"]


def _spaced_alike(chars: list[list[dict]], gaps: list[float | None], i: int) -> bool:
    """Whether the gap after piece i is like the gaps beside it: inside the pieces where
    they have two characters at that end, else the gap beyond a one-character piece.
    (Spaces count here: with letter spacing they are spaced like the letters.)"""
    left, right = chars[i], chars[i + 1]
    beside = [
        left[-1]["x0"] - left[-2]["x1"] if len(left) > 1 else (gaps[i - 1] if i > 0 else None),
        right[1]["x0"] - right[0]["x1"] if len(right) > 1 else (gaps[i + 1] if i + 1 < len(gaps) else None),
    ]
    return any(g is not None and g >= LETTER_GAP_LIKENESS * gaps[i] for g in beside)


def _split_at_blanks(chars: list[dict]) -> list[dict]:
    words, current = [], []
    for char in chars:
        if char["text"].isspace():
            if current:
                words.append(_word(current))
            current = []
        else:
            current.append(char)
    if current:
        words.append(_word(current))
    return words


def _word(chars: list[dict]) -> dict:
    """A word dict as pdfplumber's extract_words() gives it (without its chars)."""
    x0, x1 = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
    top, bottom = min(c["top"] for c in chars), max(c["bottom"] for c in chars)
    return {"text": "".join(c["text"] for c in chars), "x0": x0, "x1": x1, "top": top,
            "doctop": min(c["doctop"] for c in chars), "bottom": bottom, "upright": chars[0]["upright"],
            "height": bottom - top, "width": x1 - x0, "direction": "ltr"}


# ------------------------------------------------------------------ grouping into words

def words_from_chars(chars: list[dict], x_tolerance: float, y_tolerance: float,
                     keep_blank_chars: bool = False, return_chars: bool = False) -> list[dict]:
    """pdfplumber's `extract_words` (default directions, no text flow), made fast for the
    upright text that is nearly all of a page.

    The same words in the same order: chars are taken in runs of one uprightness; an
    upright run's lines are clusters of `top` (sorted values chained within
    y_tolerance), each read by x0; a word ends at a blank (unless kept), where the next
    char starts left of the last one's start or more than x_tolerance after its end, or
    where its top moves more than y_tolerance. pdfplumber's generic extractor spent a
    sixth of a page's time in generators and per-char method calls for this; runs of
    turned text still go to it (tests/test_pdf_words.py compares the two).
    """
    words: list[dict] = []
    for upright, run in groupby(chars, key=_UPRIGHT):
        if upright:
            words += _upright_words(list(run), x_tolerance, y_tolerance, keep_blank_chars, return_chars)
        else:
            words += extract_words(list(run), x_tolerance=x_tolerance, y_tolerance=y_tolerance,
                                   keep_blank_chars=keep_blank_chars, return_chars=return_chars)
    return words


def _UPRIGHT(char: dict) -> bool:  # noqa: N802 - a key function, named like itemgetter's
    return char["upright"]


def _upright_words(chars: list[dict], x_tolerance: float, y_tolerance: float, keep_blank: bool,
                   return_chars: bool) -> list[dict]:
    line_of = _clusters({c["top"] for c in chars}, y_tolerance)
    keyed = sorted([(line_of[c["top"]], c["x0"], i) for i, c in enumerate(chars)])  # a stable sort by line, x0
    words: list[dict] = []
    current: list[dict] = []
    line = None
    previous: dict = {}
    for char_line, _, i in keyed:
        char = chars[i]
        text = char["text"]
        if char_line != line:  # a new line: a word never runs over the line's end
            line = char_line
            if current:
                words.append(_merged(current, return_chars))
            current = []
        if not keep_blank and text.isspace():
            if current:
                words.append(_merged(current, return_chars))
            current = []
            continue
        if text == "":  # pdfplumber's split_at_punctuation="" matches only the empty text
            if current:
                words.append(_merged(current, return_chars))
            words.append(_merged([char], return_chars))
            current = []
            continue
        if current and (char["x0"] < previous["x0"] or char["x0"] > previous["x1"] + x_tolerance
                        or abs(char["top"] - previous["top"]) > y_tolerance):
            words.append(_merged(current, return_chars))
            current = [char]
        else:
            current.append(char)
        previous = char
    if current:
        words.append(_merged(current, return_chars))
    return words


def _clusters(values: set[float], tolerance: float) -> dict[float, int]:
    """Each value's cluster: sorted values chained while each is within the tolerance of
    the previous (pdfplumber's cluster_list)."""
    cluster: dict[float, int] = {}
    index, last = -1, None
    for value in sorted(values):
        if last is None or value > last + tolerance:
            index += 1
        cluster[value] = index
        last = value
    return cluster


def _merged(chars: list[dict], return_chars: bool) -> dict:
    """One word from its chars, as pdfplumber's merge_chars builds it (one pass: this runs
    for every word of every page)."""
    first = chars[0]
    x0, x1, top, bottom = first["x0"], first["x1"], first["top"], first["bottom"]
    for c in chars:
        if c["x0"] < x0:
            x0 = c["x0"]
        if c["x1"] > x1:
            x1 = c["x1"]
        if c["top"] < top:
            top = c["top"]
        if c["bottom"] > bottom:
            bottom = c["bottom"]
    text = "".join([LIGATURES.get(c["text"], c["text"]) for c in chars])
    word = {"text": text, "x0": x0, "x1": x1, "top": top, "doctop": top + first["doctop"] - first["top"],
            "bottom": bottom, "upright": first["upright"], "height": bottom - top, "width": x1 - x0,
            "direction": "ltr"}
    if return_chars:
        word["chars"] = chars
    return word
