"""The floor: what pdfplumber alone costs to read the tables of the same pages.

Run as a separate process, like `hyte extract`, so both figures include starting
Python and importing their libraries. Pages are closed as `hyte extract` closes them.
"""

from __future__ import annotations

import sys

import pdfplumber


def main(paths: list[str]) -> int:
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for index in range(len(pdf.pages)):
                page = pdf.pages[index]
                page.extract_tables()
                page.close()
                pages += 1
    print(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
