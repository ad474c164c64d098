"""Extraction of documents in other municipalities' templates (issue 13), per document.

tests/corpus/ holds seventeen documents (a..l developed against, m..q held out) in
templates designed after real welfare-plan practice (column tables with other heading sets, action-first follow-up tables, a prose
plan, cards, lists in a cell, blank continuation cells, traffic lights, a Swedish report,
a key-figure table), as DOCX, LibreOffice prints, PDFs without rules, XLSX and Calc
prints; tests/corpus/expected/ their records, typed by hand from reading each document.
Scoring: tests/corpus_scoring.py; the table of all files: `make corpus-score`.

Each file is held to the bar it reached when the corpus was added (measured, rounded
down): the suite is green today and work on issue 13 can only raise the bars. A file at
0 is not expected to fail: issue 13 raises its bar.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus_scoring import (ACTION_FIELDS, CORPUS, corpus_files, expectation_files, load_expected,
                            score_file, score_kpi, score_records)

# Fewer documents than this and the corpus no longer covers the families of issue 13
# (twelve developed against, five held out).
MIN_DOCUMENTS = 17
# file -> (recall, field accuracy, record score) it reached on 2026-12-03 (commit of this
# test), rounded down to 0.01. Raise a bar when a change lifts the file; never lower one.
BARS: dict[str, tuple[float, float, float]] = {
    "a_harjula_plan.docx": (1.00, 1.00, 1.00),
    "a_harjula_plan.pdf": (1.00, 1.00, 1.00),
    "b_koskenlaakso_followup.docx": (1.00, 1.00, 1.00),
    "b_koskenlaakso_followup.pdf": (1.00, 1.00, 1.00),
    "c_lahdenpera_prose.docx": (1.00, 1.00, 1.00),
    "c_lahdenpera_prose.pdf": (1.00, 1.00, 1.00),
    "d_metsapuro_cards.docx": (1.00, 0.97, 0.98),
    "d_metsapuro_cards.pdf": (1.00, 0.97, 0.98),
    "e_rantala_cell_lists.docx": (1.00, 1.00, 1.00),
    "e_rantala_cell_lists.pdf": (1.00, 1.00, 1.00),
    "f_vaaranniemi_lights.xlsx": (1.00, 1.00, 1.00),
    "f_vaaranniemi_lights.pdf": (1.00, 1.00, 1.00),
    "g_sjoby_valfard.docx": (1.00, 1.00, 1.00),
    "g_sjoby_valfard.pdf": (1.00, 1.00, 1.00),
    "h_kivikumpu_kpi.xlsx": (1.00, 0.97, 0.97),
    "h_kivikumpu_kpi.pdf": (0.85, 1.00, 0.85),
    "i_louhela_unruled.pdf": (1.00, 1.00, 1.00),
    "j_ylavaara_blank_rows.docx": (1.00, 1.00, 1.00),
    "k_koskimaa_sheet.xlsx": (1.00, 1.00, 1.00),
    "k_koskimaa_sheet.pdf": (1.00, 0.86, 0.88),
    "l_peltosalmi_unruled.pdf": (1.00, 0.83, 0.85),
    # Held-out documents m..q, added after the extractor was developed on a..l, in templates
    # unlike theirs; bars as read on first sight (2026-12-03), rounded down.
    "m_honkavaara_objective_right.docx": (1.00, 1.00, 1.00),  # held-out: not tuned against
    "n_ahvenlahti_sector_sheets.xlsx": (1.00, 1.00, 1.00),  # held-out: not tuned against
    "n_ahvenlahti_sector_sheets.pdf": (1.00, 0.96, 0.97),  # held-out: not tuned against
    "o_kuusilahti_numbered_objectives.docx": (1.00, 1.00, 1.00),  # held-out: not tuned against
    "o_kuusilahti_numbered_objectives.pdf": (1.00, 1.00, 0.87),  # held-out: not tuned against
    "p_ekvik_kort.docx": (1.00, 1.00, 1.00),  # held-out: not tuned against
    "q_jarvimaa_county_report.docx": (1.00, 1.00, 1.00),  # held-out: not tuned against
}
# Files whose period (the year a follow-up reports) hyte read right on that day; the
# others (a report without a period, a target-year heading taken for it) issue 13 fixes.
PERIOD_READ_TODAY = {"f_vaaranniemi_lights.xlsx", "f_vaaranniemi_lights.pdf", "i_louhela_unruled.pdf",
                     "j_ylavaara_blank_rows.docx", "k_koskimaa_sheet.xlsx", "k_koskimaa_sheet.pdf",
                     "b_koskenlaakso_followup.docx", "b_koskenlaakso_followup.pdf", "d_metsapuro_cards.docx",
                     "d_metsapuro_cards.pdf", "g_sjoby_valfard.docx", "g_sjoby_valfard.pdf",
                     "p_ekvik_kort.docx", "q_jarvimaa_county_report.docx"}
FILES = corpus_files()
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".xlsx")


def test_corpus_has_enough_documents() -> None:
    documents = expectation_files()
    assert len(documents) >= MIN_DOCUMENTS, f"{len(documents)} documents in tests/corpus/expected/"
    assert len(FILES) >= MIN_DOCUMENTS
    missing = [path.name for path, _ in FILES if not path.is_file()]
    assert not missing, f"named in expected/ but not in tests/corpus/: {missing}"


def test_every_document_file_has_expectations_and_a_bar() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in DOCUMENT_SUFFIXES}
    named = {path.name for path, _ in FILES}
    assert on_disk == named, f"without expectations: {on_disk - named}; missing: {named - on_disk}"
    assert set(BARS) == named, f"without a bar: {named - set(BARS)}; stale bars: {set(BARS) - named}"


@pytest.mark.parametrize(("path", "expectation"), FILES, ids=[p.name for p, _ in FILES])
def test_document_reaches_its_bar(path: Path, expectation: Path) -> None:
    result = score_file(path, expectation)
    recall, accuracy, record = BARS[path.name]
    report = "\n".join([f"error: {result.error}" if result.error else "", "missed:", *result.misses,
                        "wrong fields:", *result.wrong])
    assert result.recall >= recall, f"recall {result.recall:.2f} < {recall}\n{report}"
    assert result.accuracy >= accuracy, f"field accuracy {result.accuracy:.2f} < {accuracy}\n{report}"
    assert result.record_score >= record, f"record score {result.record_score:.2f} < {record}\n{report}"


@pytest.mark.parametrize("name", sorted(PERIOD_READ_TODAY))
def test_period_stays_read(name: str) -> None:
    path, expectation = next((p, e) for p, e in FILES if p.name == name)
    want = load_expected(expectation)["period"]
    assert score_file(path, expectation).period == want


# ------------------------------------------------- the expectations and the scorer


def _squash(text: str) -> str:
    """Without whitespace and soft or hard dashes: a PDF may wrap a cell anywhere."""
    return re.sub(r"[\s\u00ad\-\u2010-\u2015\u2212]+", "", text).casefold()


def _words(text: str) -> list[str]:
    """Words as letters and digits only: "Tietohallinto," is the word "tietohallinto"."""
    return [w.casefold() for w in re.findall(r"\w+", text)]


def _document_text(path: Path) -> str:
    """The document's text read without hyte (python-docx, openpyxl, pdfplumber)."""
    if path.suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        return "\n".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _expected_texts(expected: dict) -> list[str]:
    texts = []
    for record in expected.get("actions", []):
        for name in ("text", *ACTION_FIELDS):
            value = record.get(name)
            if name != "status" and value is not None:
                texts.extend(value if isinstance(value, list) else [value])
    for row in expected.get("kpi", []):
        texts.extend(v for v in (row["label"], row.get("parent")) if v)
        texts.extend(_printed_number(v) for v in row["values"].values() if v is not None)
    return [str(t) for t in texts]


def _printed_number(value: float) -> str:
    """A number as a Finnish document prints it: 12480.5 -> "12 480,5" (sign aside)."""
    decimals = len(repr(float(value)).split(".")[1].rstrip("0"))
    return f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")


@pytest.mark.parametrize(("path", "expectation"), FILES, ids=[p.name for p, _ in FILES])
def test_every_expected_text_is_printed_in_the_document(path: Path, expectation: Path) -> None:
    """Guards the hand-typed expectations against typos: each text is in the document.

    Word and Excel cells are whole; a PDF's lines interleave the cells of a row, so
    there each word of the text must be among the PDF's words."""
    text = _document_text(path)
    expected = _expected_texts(load_expected(expectation))
    if path.suffix == ".pdf":
        words = set(_words(text))
        absent = [t for t in expected if any(w not in words for w in _words(t))]
    else:
        printed = _squash(text)
        absent = [t for t in expected if _squash(t) not in printed]
    assert not absent, f"{path.name} does not print: {absent}"


def test_scorer_gives_full_marks_to_the_expectations_themselves() -> None:
    expected = load_expected(next(p for _, p in FILES if "actions" in load_expected(p)))["actions"]
    result = score_records(expected, [dict(r) for r in expected], "text", ACTION_FIELDS)
    assert (result.recall, result.accuracy, result.record_score) == (1.0, 1.0, 1.0)


def test_scorer_counts_misses_wrong_fields_and_extra_records() -> None:
    want = [{"text": "Asukasillat kylissä", "responsible": ["Kunnanjohtaja"], "status": "done"},
            {"text": "Palautekanavan käyttöönotto", "schedule": "2024"}]
    got = [{"text": "Asukasillat kylissä", "responsible": ["Kunnanjohtaja", "hallitus"], "status": "done"},
           {"text": "Vastuu: Kunnanjohtaja"}]
    result = score_records(want, got, "text", ACTION_FIELDS)
    assert (result.matched, result.extra, result.fields, result.fields_right) == (1, 1, 2, 1)
    assert result.record_score == pytest.approx((1 + 1) / (1 + 2) / 3)
    assert result.misses == ["Palautekanavan käyttöönotto"]


def test_kpi_scorer_compares_parents_and_every_cell() -> None:
    want = [{"label": "Oppilaita", "parent": "Perusopetus", "values": {"TP 2023": 1234, "Ero %": 1.7}},
            {"label": "Kirjaston lainaukset", "parent": "Kulttuuri", "values": {"TP 2023": 98500, "Ero %": -8.8}}]
    got = [{"label": "Oppilaita", "parent": "Perusopetus", "values": {"tp2023": 1234.0, "ero%": 1.8}}]
    result = score_kpi(want, got)
    assert (result.matched, result.fields, result.fields_right) == (1, 3, 2)
    assert result.misses == ["Kirjaston lainaukset"]
