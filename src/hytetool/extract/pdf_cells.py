"""Cells of a PDF table from word positions: lines, paragraphs, the text of one cell.

The smallest pieces of the PDF reader, shared by ruled tables (pdf_layout.py) and
unruled ones (pdf_unruled.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hytetool.extract.settings import ExtractionSettings
from hytetool.textutil import is_finnish_word, join_lines

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
# A space is about this share of the font size; used to tell a wrapped line from a short one.
SPACE_SHARE = 0.3
# A line gap this much wider than the cell's tightest one is space after a paragraph.
PARAGRAPH_GAP_FACTOR = 1.15

@dataclass
class Cell:
    text: str
    soft_end: bool = False  # the cell's last line filled its width: text may go on
    bbox: Box | None = None
    fill: str | None = None  # the shading under the cell as RRGGBB (a traffic light by colour)


@dataclass
class Row:
    cells: list[Cell]
    page: int
    top: float
    header: bool = False

    @property
    def bbox(self) -> Box | None:
        boxes = [c.bbox for c in self.cells if c.bbox]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass
class TextLine:
    text: str
    page: int
    top: float
    bbox: Box
    size: float = 0.0  # the height of its tallest word: the font size, for headings


# ------------------------------------------------------------------ words and lines


def group_lines(words: list[dict], settings: ExtractionSettings) -> list[list[dict]]:
    """Words grouped into lines by their top, each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= settings.line_tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def line_text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def box_of(words: list[dict]) -> Box:
    return (min(w["x0"] for w in words), min(w["top"] for w in words),
            max(w["x1"] for w in words), max(w["bottom"] for w in words))


def cell_text(words: list[dict], right: float, left: float, settings: ExtractionSettings) -> Cell:
    """The words of one cell as text: wrapped lines joined, paragraph ends kept as newlines.

    Word and LibreOffice often put a little space after a paragraph: where a cell shows
    such larger gaps, they alone mark paragraph ends. Otherwise the room left on a line
    tells a wrap from an end (see _wrapped).
    """
    if not words:
        return Cell("")
    lines = group_lines(words, settings)
    pad = max(0.0, min(w["x0"] for w in words) - left)
    gaps = [b[0]["top"] - a[0]["top"] for a, b in zip(lines, lines[1:])]
    pitch = min(gaps) if gaps else 0.0
    spaced = any(g > pitch * PARAGRAPH_GAP_FACTOR for g in gaps)
    paragraphs: list[list[str]] = [[line_text(lines[0])]]
    for gap, previous, line in zip(gaps, lines, lines[1:]):
        if gap > pitch * PARAGRAPH_GAP_FACTOR:
            wrapped = False
        else:
            wrapped = spaced or _wrapped(previous, line, right - pad)
        if wrapped and _cut_word(previous, line, right - pad):
            paragraphs[-1][-1] += line_text(line)  # "sanomalehdess" / "ä": one word cut at the edge
        elif wrapped:
            paragraphs[-1].append(line_text(line))
        else:
            paragraphs.append([line_text(line)])
    last = lines[-1]
    soft = right - pad - last[-1]["x1"] < (last[-1]["bottom"] - last[-1]["top"]) * 3
    return Cell("\n".join(join_lines(p, hyphenated=False) for p in paragraphs), soft, box_of(words))


# A line whose last word ends closer to the cell's edge than this many font sizes is
# full: a word may have been cut there (see _cut_word). Half an em: narrower than
# any word that could have gone on this line.
CUT_ROOM = 0.5
# A line ending in one of these goes on in the next line whatever that starts with.
_RUNS_ON = re.compile(r"([,;:/(\-\u2013]|\b(ja|sekä|tai|eli|että|kuin|the|and|och))$", re.I)
_DASHES = ("-", "\u2013")


def _wrapped(previous: list[dict], line: list[dict], limit: float) -> bool:
    """Whether the writer wrapped `previous` (the next word would not have fit) rather
    than ending a paragraph. A long word after a short line fits both readings: a capital
    or a digit after a line that is not nearly full and does not run on starts a new
    paragraph ("Vuosikello" / "Kouluterveyskysely"). Measured on the fixtures, also
    joining nearly full lines before a capital cost more paragraphs than it saved.
    A line ending in a dash before a lower-case word goes on whatever the room: no
    paragraph ends in a dash, and the room is only known to the cell's padding."""
    first = line[0]["text"][:1]
    if first.islower() and previous[-1]["text"][-1:] in _DASHES:
        return True
    room = limit - previous[-1]["x1"]
    if room >= (line[0]["x1"] - line[0]["x0"]) + _space(previous + line):
        return False
    return first.islower() or not (first.isupper() or first.isdigit()) or bool(_RUNS_ON.search(line_text(previous)))


def _cut_word(previous: list[dict], line: list[dict], limit: float) -> bool:
    """Whether a word too long for its column was cut at the edge and goes on in the next
    line (Word, LibreOffice and Excel break such a word anywhere): the line reaches the
    edge, the next starts in lower case, and either it starts with a lone letter or the
    two pieces make a Finnish word that the first piece alone is not."""
    last, first = previous[-1], line[0]
    if limit - last["x1"] > CUT_ROOM * (last["bottom"] - last["top"]) or not first["text"][:1].islower():
        return False
    head = re.search(r"[^\W\d_]+$", last["text"])
    tail = re.match(r"[^\W\d_]+", first["text"])
    if not head or not tail:
        return False
    if len(tail[0]) == 1:  # a lone letter starting a line after a full one: no Finnish word is that
        return True
    return is_finnish_word(head[0] + tail[0]) and not is_finnish_word(head[0])


def _space(words: list[dict]) -> float:
    """How wide a space between words is here: the middle gap between the words of the
    lines (letter-spaced text has wide ones), or a share of the font size."""
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(words, words[1:]) if b["x0"] > a["x1"] and a["top"] == b["top"])
    if gaps:
        return gaps[len(gaps) // 2]
    return SPACE_SHARE * (words[0]["bottom"] - words[0]["top"])


# ------------------------------------------------------------------ cell shading

# White and near-white fills are the page, not shading.
WHITE_LEVEL = 0.95


def filled_rects(page) -> list[tuple[Box, str]]:  # noqa: ANN001 - a pdfplumber page
    """The page's filled rectangles and their colours (RRGGBB), white left out."""
    out = []
    for rect in page.rects:
        colour = _rgb(rect.get("non_stroking_color")) if rect.get("fill") else None
        if colour is not None:
            out.append(((rect["x0"], rect["top"], rect["x1"], rect["bottom"]), colour))
    return out


def fill_of(box: Box, fills: list[tuple[Box, str]]) -> str | None:
    """The colour of the smallest filled rectangle under the cell's centre."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    under = [(r, c) for r, c in fills if r[0] <= x <= r[2] and r[1] <= y <= r[3]]
    return min(under, key=lambda f: (f[0][2] - f[0][0]) * (f[0][3] - f[0][1]))[1] if under else None


def _rgb(colour) -> str | None:  # noqa: ANN001 - a number or a tuple of 1, 3 or 4 floats
    """A PDF fill colour (grey, RGB or CMYK) as RRGGBB; None for white or unknown."""
    if isinstance(colour, (int, float)):  # pdfminer gives DeviceGray as a bare number
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(isinstance(v, (int, float)) for v in colour):
        return None
    if len(colour) == 1:
        red = green = blue = colour[0]
    elif len(colour) == 3:
        red, green, blue = colour
    elif len(colour) == 4:
        c, m, y, k = colour
        red, green, blue = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    if min(red, green, blue) >= WHITE_LEVEL:
        return None
    return "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in (red, green, blue))
