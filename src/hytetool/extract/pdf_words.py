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
