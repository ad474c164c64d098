"""The floors of (a): the least that reading the same PDF pages can cost, per library.

    python bench/floor.py FILES            pdfplumber: page.extract_tables() on every page
    python bench/floor.py --pdfium FILES   pdfium: every character's unicode and loose box

Each runs as a separate process, like `hyte extract`, so every figure includes starting
Python and importing its library. Pages are closed as they are done, as hyte closes them.
Prints the number of pages read (and, with --pdfium, of characters).

Why two floors (issue 17):

- **pdfplumber's `extract_tables()`** is what a table extractor built on pdfplumber pays
  at the least: pdfminer parses the page into Python objects, pdfplumber finds the ruling
  lines and cells. It was the floor of the earlier reader and stays the yardstick of the
  target (hyte per page <= 0.35x of it).
- **pdfium's bare character read** is the floor of the new design, where hyte reads pages
  through pypdfium2 and builds its words, lines and tables from the characters itself.
  Whatever else that reader does, it must at least open the document, load each page and
  its text page, and get every character and its box out of pdfium through ctypes: the
  text in one `FPDFText_GetText` call, the boxes one `FPDFText_GetLooseCharBox` call per
  character (pdfium has no call that returns all boxes at once). That is all this floor
  does; it builds no Python object per character beyond the box tuple, so the gap between
  hyte and it is what hyte's own code costs (fonts, rules, words, layouts, normalizing,
  the YAML).
"""

from __future__ import annotations

import ctypes
import sys


def pdfplumber_floor(paths: list[str]) -> str:
    """Pages read by pdfplumber's extract_tables(), closing each page."""
    import pdfplumber

    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for index in range(len(pdf.pages)):
                page = pdf.pages[index]
                page.extract_tables()
                page.close()
                pages += 1
    return str(pages)


def pdfium_floor(paths: list[str]) -> str:
    """Pages and characters read through pypdfium2's raw API: text and loose boxes."""
    import pypdfium2.raw as pdfium
    from pypdfium2 import PdfDocument  # importing pypdfium2 initialises the library

    pages = chars = 0
    box = pdfium.FS_RECTF()
    for path in paths:
        document = PdfDocument(path)
        try:
            for index in range(len(document)):
                page = pdfium.FPDF_LoadPage(document.raw, index)
                if not page:
                    raise RuntimeError(f"{path}: pdfium cannot load page {index + 1}")
                text_page = pdfium.FPDFText_LoadPage(page)
                count = pdfium.FPDFText_CountChars(text_page)
                buffer = ctypes.create_string_buffer((count + 1) * 2)  # UTF-16, with the final NUL
                written = pdfium.FPDFText_GetText(text_page, 0, count,
                                                  ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
                text = buffer.raw[:max(0, written - 1) * 2].decode("utf-16-le", errors="surrogatepass")
                boxes = []
                for char in range(count):
                    pdfium.FPDFText_GetLooseCharBox(text_page, char, box)
                    boxes.append((box.left, box.bottom, box.right, box.top))
                pdfium.FPDFText_ClosePage(text_page)
                pdfium.FPDF_ClosePage(page)
                pages += 1
                chars += len(text)
        finally:
            document.close()
    return f"{pages} {chars}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--pdfium"]:
        print(pdfium_floor(argv[1:]))
    else:
        print(pdfplumber_floor(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
