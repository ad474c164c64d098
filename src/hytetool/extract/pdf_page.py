"""One PDF page as hytetool reads it: characters and drawings as plain dicts.

Whatever reads the file (pdfium by default, pdfplumber behind `--pdf-source` for
comparison) hands the layout code this one kind of page. The dicts carry pdfplumber's
keys (`x0`, `top`, `x1`, `bottom` in points from the top-left of the displayed page;
`text`, `fontname`, `size`, `upright`, `matrix` for characters; `fill`,
`non_stroking_color` for rectangles; `pts` for curves), so that pdfplumber's table
finder and word grouper, which only do geometry on such dicts, work on pages from
either source: they are the part of pdfplumber worth keeping, its parser is not.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from pdfplumber.table import TableFinder, TableSettings
from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

from hytetool.extract.pdf_words import words_from_chars

# The kinds of objects a page holds (pdfplumber's names).
KINDS = ("char", "rect", "line", "curve")


class PageObjects:
    """A page's objects by kind, with the page's displayed width and height.

    Turning a sideways page or removing overprinted characters makes a new
    PageObjects (`derived`); nothing is parsed twice."""

    def __init__(self, width: float, height: float, objects: dict[str, list[dict]]) -> None:
        self.width = float(width)
        self.height = float(height)
        self.objects = objects
        self._edges: list[dict] | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    @property
    def chars(self) -> list[dict]:
        return self.objects.get("char", [])

    @property
    def rects(self) -> list[dict]:
        return self.objects.get("rect", [])

    @property
    def lines(self) -> list[dict]:
        return self.objects.get("line", [])

    @property
    def curves(self) -> list[dict]:
        return self.objects.get("curve", [])

    @property
    def edges(self) -> list[dict]:
        """Every drawn line, rectangle side and curve segment: what ruled tables are made of."""
        if self._edges is None:
            self._edges = [line_to_edge(line) for line in self.lines] + list(
                chain.from_iterable(map(rect_to_edges, self.rects))) + list(
                chain.from_iterable(map(curve_to_edges, self.curves)))
        return self._edges

    def derived(self, objects: dict[str, list[dict]], width: float | None = None,
                height: float | None = None) -> PageObjects:
        """The same page with other objects (and, when turned, another size)."""
        return PageObjects(self.width if width is None else width, self.height if height is None else height, objects)

    def extract_words(self, x_tolerance: float, y_tolerance: float, keep_blank_chars: bool = False,
                      return_chars: bool = False) -> list[dict]:
        """pdfplumber's words from these characters (its `utils.extract_words`, made fast)."""
        return words_from_chars(self.chars, x_tolerance, y_tolerance, keep_blank_chars, return_chars)

    def find_tables(self, settings: dict[str, Any]) -> list:
        """Ruled tables from the drawn lines: pdfplumber's TableFinder on these edges."""
        return TableFinder(self, TableSettings.resolve(settings)).tables

    def close(self) -> None:
        """Drop the objects at once (a page's dicts are most of a run's memory)."""
        self.objects = {}
        self._edges = None
