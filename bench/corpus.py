"""Benchmark inputs, built from the repository's own fixtures and seeds.

- an extraction corpus: copies of tests/fixtures/generated/*.pdf and of the corpus of
  other municipalities' templates (tests/corpus/*.pdf) up to about `pdf_pages` pages,
  plus copies of the Word fixtures and the text seeds, plus in each copy files that
  cannot be read (a truncated PDF, a web page named .pdf, a text file named .docx), so
  the warm run of (c) shows that failures come from the cache too. Each copy gets its
  own file name (c01_plan_2026.pdf, ...) so every file has its own output YAML and cache
  entry, and many files let `--jobs` share the work out;
- one long PDF (the fixtures concatenated to `pages` pages) for the memory figure;
- a "year" of normalized YAML: `municipalities` documents built from the seed
  interim report with varied texts, `actions_per_doc` actions each, for `hyte render`.
"""

from __future__ import annotations

import math
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "generated"
CORPUS_PDFS = ROOT / "tests" / "corpus"  # other municipalities' templates (issue 13)
SEEDS = ROOT / "data" / "raw"
STRATEGY = ROOT / "hyte-profile.yaml"
# The seed whose goals and actions each generated municipality's report copies: the
# interim report 1-6/2022 has the most actions (88) and outcomes of the seeds.
YEAR_SEED = "004_"
YEAR = 2022
# Words mixed into the generated action texts so that no two municipalities' texts
# are equal (the report dedupes and the tracker matches equal texts cheaply).
VARIATION_WORDS = (
    "kirjasto", "nuorisotila", "liikuntapaikka", "koulu", "päiväkoti", "kylätalo", "terveysasema",
    "uimahalli", "järjestö", "seurakunta", "yritys", "asukasyhdistys", "vanhusneuvosto", "nuorisovaltuusto",
    "hyvinvointialue", "työllisyyspalvelut", "kulttuuritoimi", "sivistystoimi", "tekninen toimi", "kaavoitus",
)


@dataclass
class Corpus:
    pdfs: list[Path]
    others: list[Path]  # .docx and .txt
    pages: int  # PDF pages in `pdfs`
    broken: list[Path] = field(default_factory=list)  # files that cannot be read, in their own folder

    @property
    def files(self) -> list[Path]:
        return self.pdfs + self.others + self.broken


class MissingInputs(RuntimeError):
    """A bench input the repository should hold is not there: the bench stops."""


def pdf_pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def fixture_pdfs(names: list[str] | None = None) -> list[Path]:
    """The generated fixture PDFs (all, or those named)."""
    return _found(sorted(FIXTURES.glob("*.pdf")), names, FIXTURES)


def bench_pdfs(names: list[str] | None = None) -> list[Path]:
    """The PDFs of (a): the fixtures and the corpus of other municipalities' templates."""
    found = sorted(FIXTURES.glob("*.pdf")) + sorted(CORPUS_PDFS.glob("*.pdf"))
    if names is None and not list(CORPUS_PDFS.glob("*.pdf")):
        raise MissingInputs(f"no PDF in {CORPUS_PDFS}: the corpus is part of the bench (make corpus)")
    return _found(found, names, FIXTURES)


def _found(pdfs: list[Path], names: list[str] | None, where: Path) -> list[Path]:
    """`pdfs` (or those named, every one of them): never an empty bench."""
    chosen = [p for p in pdfs if names is None or p.name in names]
    missing = sorted(set(names or []) - {p.name for p in chosen})
    if missing or not chosen:
        raise MissingInputs(f"bench inputs missing: {', '.join(missing) or f'no PDF in {where}'}")
    return chosen


def build_corpus(folder: Path, pdf_pages_wanted: int, pdfs: list[Path], others: list[Path]) -> Corpus:
    """Copies of `pdfs` (and as many of `others`, and of the unreadable files) until about
    `pdf_pages_wanted` pages: folders pdf/, other/ and broken/ under `folder`."""
    if folder.exists():
        shutil.rmtree(folder)
    for part in ("pdf", "other", "broken"):
        (folder / part).mkdir(parents=True)
    per_set = sum(pdf_pages(p) for p in pdfs)
    copies = max(1, round(pdf_pages_wanted / per_set))
    corpus = Corpus([], [], per_set * copies)
    for copy in range(1, copies + 1):
        for source in pdfs:
            corpus.pdfs.append(_copy(source, folder / "pdf" / f"c{copy:02d}_{source.name}"))
        for source in others:
            corpus.others.append(_copy(source, folder / "other" / f"c{copy:02d}_{source.name}"))
        corpus.broken += unreadable_files(folder / "broken", f"c{copy:02d}_", pdfs[0])
    return corpus


def unreadable_files(folder: Path, prefix: str, pdf: Path) -> list[Path]:
    """Files every reader refuses, each with its one-line message (and exit code 1):
    the first third of `pdf`, a web page named .pdf, a text file named .docx."""
    data = pdf.read_bytes()
    files = {f"{prefix}truncated_{pdf.name}": data[: len(data) // 3],
             f"{prefix}web_page.pdf": b"<!DOCTYPE html><html><body>Sivua ei loytynyt</body></html>\n",
             f"{prefix}not_a_word_file.docx": "Tämä ei ole Word-tiedosto.\n".encode()}
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return [folder / name for name in files]


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def long_pdf(target: Path, pages: int, sources: list[Path]) -> Path:
    """The sources' pages one after the other, repeated, until `pages` pages (pypdfium2)."""
    import pypdfium2

    target.parent.mkdir(parents=True, exist_ok=True)
    out = pypdfium2.PdfDocument.new()
    count = 0
    while count < pages:
        for source in sources:
            document = pypdfium2.PdfDocument(str(source))
            take = min(len(document), pages - count)
            out.import_pages(document, list(range(take)))
            document.close()
            count += take
            if count >= pages:
                break
    out.save(str(target))
    out.close()
    return target


# ------------------------------------------------------------------ a year of municipalities


def build_year(folder: Path, municipalities: int, actions_per_doc: int) -> int:
    """Write `municipalities` normalized YAML reports of YEAR; returns the action count.

    Writing 300 documents through ruamel takes about a minute, so it runs on every CPU
    and a folder already built with the same parameters and code is kept.
    """
    from concurrent.futures import ProcessPoolExecutor

    from hytetool.cache import code_fingerprint
    from hytetool.pipeline import extract_file, load_profile

    stamp = folder / ".bench-stamp"
    wanted = f"{municipalities} {actions_per_doc} {code_fingerprint()}"
    if stamp.is_file() and stamp.read_text().split("\n")[0] == wanted:
        return int(stamp.read_text().split("\n")[1])
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    seed = next(SEEDS.glob(f"{YEAR_SEED}*.txt"))
    base = extract_file(seed, load_profile(STRATEGY)).document
    numbers = range(1, municipalities + 1)
    with ProcessPoolExecutor(initializer=_set_base, initargs=(base, folder, actions_per_doc)) as pool:
        total = sum(pool.map(_write_municipality, numbers, chunksize=8))
    stamp.write_text(f"{wanted}\n{total}\n")
    return total


_BASE: tuple = ()


def _set_base(base, folder: Path, actions_per_doc: int) -> None:
    global _BASE
    _BASE = (base, folder, actions_per_doc)


def _write_municipality(number: int) -> int:
    from hytetool.yamlio import write_document

    base, folder, actions_per_doc = _BASE
    doc = _municipality(base, number, actions_per_doc)
    write_document(doc, folder / f"{doc.id}.yaml", force=True)
    return sum(len(g.actions) for g in doc.goals)


def _municipality(base, number: int, actions_per_doc: int):
    """A copy of `base` for municipality `number`: its own name, id and action texts."""
    rng = random.Random(number)  # fixed per municipality: the same bench input every run
    doc = base.model_copy(deep=True)
    name = f"Kunta {number:03d}"
    doc.id, doc.municipality, doc.kpi_tables, doc.unplaced = f"kunta-{number:03d}", name, [], []
    doc.source.file = f"kunta_{number:03d}.txt"
    actions = [(goal, action) for goal in doc.goals for action in goal.actions]
    repeats = math.ceil(actions_per_doc / max(1, len(actions)))
    taken = {action.id for _, action in actions}
    for goal in doc.goals:
        originals, goal.actions = goal.actions, []
        for action in originals:
            for copy in range(repeats):
                clone = action.model_copy(deep=True)
                clone.id = action.id if copy == 0 else _unique(f"{action.id[:70]}-copy{copy}", taken)
                clone.text = _vary(action.text.replace("Kemi", name), rng)
                if clone.outcome:
                    clone.outcome = _vary(clone.outcome, rng)
                goal.actions.append(clone)
    _trim(doc, actions_per_doc)
    return doc


def _unique(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def _vary(text: str, rng: random.Random) -> str:
    words = text.split()
    cut = rng.randrange(len(words) + 1)
    extra = rng.sample(VARIATION_WORDS, 2)
    return " ".join(words[:cut] + [extra[0]] + words[cut:] + ["(" + extra[1] + ")"])


def _trim(doc, wanted: int) -> None:
    """Drop the last clones until the document has `wanted` actions."""
    excess = sum(len(g.actions) for g in doc.goals) - wanted
    for goal in reversed(doc.goals):
        while excess > 0 and len(goal.actions) > 1:
            goal.actions.pop()
            excess -= 1
