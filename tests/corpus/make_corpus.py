"""Rebuild the corpus of documents in other municipalities' templates (issue 13).

    .venv/bin/python tests/corpus/make_corpus.py [--no-print]

Writes the Word files, workbooks and unruled PDFs into tests/corpus/, then prints the
listed Word files and every workbook to PDF with LibreOffice headless (Writer, Calc).
LibreOffice's PDFs are not byte-stable, so the tests read the committed files; rebuild
only when a document's content or layout is meant to change, and then re-read the
document and update its hand-typed expectations in expected/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_kit import OUT, print_with_libreoffice  # noqa: E402
from make_sheets_pdfs import UNRULED, WORKBOOKS  # noqa: E402
from make_word import BUILDERS, PRINTED  # noqa: E402
import make_heldout  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-print", action="store_true", help="skip the LibreOffice PDFs")
    args = parser.parse_args(argv)
    to_print = []
    for build in [*BUILDERS, *make_heldout.BUILDERS]:
        path = build(OUT)
        print(path.name)
        if path.name in PRINTED | make_heldout.PRINTED:
            to_print.append(path)
    for build in [*WORKBOOKS, *make_heldout.WORKBOOKS]:
        path = build(OUT)
        print(path.name)
        to_print.append(path)
    for build in UNRULED:
        print(build(OUT).name)
    if not args.no_print:
        for pdf in print_with_libreoffice(to_print):
            print(pdf.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
