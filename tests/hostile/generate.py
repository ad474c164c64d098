"""Hostile and broken inputs, generated at test time (nothing binary is committed).

Each case is a small folder: the hostile input, a good document beside it (the rest of
the batch must still be written), and the `hyte` command to run. A case says which exit
codes are right and a piece of the one line that must name the problem. Categories:
text encodings, Word and Excel bombs and damage, PDFs truncated, byte-flipped and
encrypted, hand-edited YAML (alias bombs, nesting, huge numbers, bad bytes), broken
templates, odd paths (FIFO, link loop, unreadable, a folder named like a file), and
output-name collisions.

Used by tests/hostile/test_hostile.py (the fast subset in `make test`) and by
tests/hostile/run_matrix.py (every case plus many byte-flipped PDFs: `make fuzz`).
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_TEXT = ROOT / "data" / "raw" / "000_fb6bcd1bb478527e.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "generated"
GOOD_DOCX = FIXTURES / "report_2023.docx"
GOOD_XLSX = FIXTURES / "report_2023_excel.xlsx"
GOOD_PDF = FIXTURES / "report_2023.pdf"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Case:
    """One hostile run: `args` of `hyte` (with {dir} for the case's folder)."""

    name: str
    make: Callable[[Path], None]
    args: list[str]
    exit_codes: tuple[int, ...] = (1,)
    says: str = ""  # a piece of the problem's line (names the file, says what)
    good_output: str | None = "good.yaml"  # a batch's good file: its YAML must be written
    fast: bool = True  # part of `make test` (else only `make fuzz`)
    outputs: list[str] = field(default_factory=list)  # further files that must exist after the run


def _extract(*inputs: str) -> list[str]:
    return ["extract", *[f"{{dir}}/{i}" for i in inputs], "--out", "{dir}/out", "--no-cache"]


def _good(folder: Path) -> None:
    shutil.copy(GOOD_TEXT, folder / "good.txt")


# ------------------------------------------------------------------ text


def _text(data: bytes, name: str = "bad.txt") -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        _good(folder)
        (folder / name).write_bytes(data)
    return make


PLAIN = GOOD_TEXT.read_text(encoding="utf-8")


def text_cases() -> list[Case]:
    cases = [Case(f"text-{enc}", _text(bom + PLAIN.encode(enc)), _extract("good.txt", "bad.txt"), (0,),
                  outputs=["bad.yaml"])
             for enc, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\0\0"),
                              ("utf-32-be", b"\0\0\xfe\xff"))]
    cases += [Case(f"text-{enc}-nobom", _text(PLAIN.encode(enc)), _extract("good.txt", "bad.txt"), (0,),
                   outputs=["bad.yaml"]) for enc in ("utf-16-le", "utf-16-be", "utf-32-le")]
    mixed = PLAIN.encode("utf-8").replace("edistämme".encode(), "edistämme".encode("latin-1"), 1)
    if mixed == PLAIN.encode("utf-8"):  # the seed lacks the word: break the first ä instead
        mixed = PLAIN.encode("utf-8").replace("ä".encode(), b"\xe4", 1)
    cases += [
        Case("text-utf8-one-latin1-byte", _text(mixed), _extract("good.txt", "bad.txt"), (0,),
             says="read as Windows-1252", outputs=["bad.yaml"]),
        Case("text-cp1252", _text(PLAIN.replace("\u2013", "-").encode("cp1252")), _extract("good.txt", "bad.txt"),
             (0,), outputs=["bad.yaml"]),
        Case("text-binary-junk", _text(random.Random(1).randbytes(5000)),
             _extract("good.txt", "bad.txt"), says="bad.txt: this is not a text file"),
        Case("text-empty", _text(b""), _extract("good.txt", "bad.txt"), says="bad.txt: the file is empty"),
        Case("text-one-long-line", _text(b"x" * 300_000), _extract("good.txt", "bad.txt"),
             says="over hytetool's limit"),
        # found by the independent matrix: 15 million short lines ran past 60 s
        Case("text-200000-short-lines", _text(b"a\n" * 200_000), _extract("good.txt", "bad.txt"),
             says="more than 100000 lines"),
        # found by the independent matrix: 100 lines of 199,000 characters ran past 120 s
        Case("text-9-million-characters", _text(("hyvinvointi " * 12_500 + "\n").encode() * 60),
             _extract("good.txt", "bad.txt"), says="more than 8000000 characters"),
        Case("text-pdf-renamed", lambda f: (_good(f), shutil.copy(GOOD_PDF, f / "bad.txt")),
             _extract("good.txt", "bad.txt"), says="bad.txt"),
    ]
    return cases


# ------------------------------------------------------------------ Word and Excel


def _rezip(source: Path, target: Path, edit: Callable[[str, bytes], bytes]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, edit(info.filename, zin.read(info.filename)))
    target.write_bytes(out.getvalue())


def _docx_span(folder: Path) -> None:
    _good(folder)

    def edit(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            return data.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="2000000000"/>', 1)
        return data
    _rezip(GOOD_DOCX, folder / "bad.docx", edit)


def _docx_grid(folder: Path) -> None:
    _good(folder)

    def edit(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            return data.replace(b"<w:tblGrid>", b"<w:tblGrid>" + b"<w:gridCol/>" * 200_000, 1)
        return data
    _rezip(GOOD_DOCX, folder / "bad.docx", edit)


def _docx_rows_grid_before(folder: Path) -> None:
    """20,000 rows each starting two billion columns in, in a table without a grid."""
    _good(folder)
    row = (b'<w:tr><w:trPr><w:gridBefore w:val="2000000000"/></w:trPr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>'
           b"</w:tc></w:tr>")
    _rezip(GOOD_DOCX, folder / "bad.docx", lambda name, data: data.replace(
        b"<w:body>", b"<w:body><w:tbl>" + row * 20_000 + b"</w:tbl>", 1) if name == "word/document.xml" else data)


def _zip_bomb(folder: Path, suffix: str) -> None:
    _good(folder)
    source = GOOD_DOCX if suffix == ".docx" else GOOD_XLSX

    def edit(name: str, data: bytes) -> bytes:
        return data
    _rezip(source, folder / f"bad{suffix}", edit)
    with zipfile.ZipFile(folder / f"bad{suffix}", "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("customXml/item9.xml", b" " * (300 * 1024 * 1024))


def _xlsx_far_cell(folder: Path) -> None:
    from openpyxl import Workbook
    _good(folder)
    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"] = "Tavoite", "Toimenpide"
    sheet["XFD1048576"] = "kaukana"
    book.save(folder / "bad.xlsx")


def _xlsx_merge(folder: Path) -> None:
    _good(folder)

    def edit(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
            data = re.sub(rb"<mergeCells[^>]*>.*?</mergeCells>", b"", data, flags=re.S)
            return data.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
                                                 b"</mergeCells>", 1)
        return data
    _rezip(GOOD_XLSX, folder / "bad.xlsx", edit)


def _truncated(source: Path, suffix: str, keep: float) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        _good(folder)
        data = source.read_bytes()
        (folder / f"bad{suffix}").write_bytes(data[: int(len(data) * keep)])
    return make


def _docx_bad_xml(folder: Path) -> None:
    _good(folder)
    _rezip(GOOD_DOCX, folder / "bad.docx",
           lambda name, data: data[: len(data) // 2] if name == "word/document.xml" else data)


def office_cases() -> list[Case]:
    return [
        Case("docx-gridspan-2e9", _docx_span, _extract("good.txt", "bad.docx"), (0, 1)),
        Case("docx-grid-200000-columns", _docx_grid, _extract("good.txt", "bad.docx"), says="over hytetool's limit"),
        Case("docx-rows-gridBefore-2e9", _docx_rows_grid_before, _extract("good.txt", "bad.docx"),
             says="over hytetool's limit"),
        Case("docx-zip-bomb", lambda f: _zip_bomb(f, ".docx"), _extract("good.txt", "bad.docx"), says="zip bomb",
             fast=False),
        Case("docx-truncated", _truncated(GOOD_DOCX, ".docx", 0.5), _extract("good.txt", "bad.docx"),
             says="bad.docx"),
        Case("docx-broken-xml", _docx_bad_xml, _extract("good.txt", "bad.docx"), says="bad.docx: the .docx is damaged"),
        Case("docx-lock-file", _text(b"\x00" * 162, "~$bad.docx"), _extract("good.txt", "~$bad.docx"),
             says="lock file"),
        Case("xlsx-cell-at-XFD1048576", _xlsx_far_cell, _extract("good.txt", "bad.xlsx"), (0,),
             outputs=["bad.yaml"]),
        Case("xlsx-merge-whole-sheet", _xlsx_merge, _extract("good.txt", "bad.xlsx"), says="merged cells"),
        Case("xlsx-zip-bomb", lambda f: _zip_bomb(f, ".xlsx"), _extract("good.txt", "bad.xlsx"), says="zip bomb",
             fast=False),
        Case("xlsx-truncated", _truncated(GOOD_XLSX, ".xlsx", 0.6), _extract("good.txt", "bad.xlsx"),
             says="bad.xlsx"),
    ]


# ------------------------------------------------------------------ PDF


def flipped_pdf(seed: int) -> Callable[[Path], None]:
    """The good PDF with 20 random bytes changed: damage that pdfminer must survive."""
    def make(folder: Path) -> None:
        _good(folder)
        data = bytearray(GOOD_PDF.read_bytes())
        rng = random.Random(seed)
        for _ in range(20):
            data[rng.randrange(len(data))] = rng.randrange(256)
        (folder / "bad.pdf").write_bytes(bytes(data))
    return make


def pdf_cases(flips: int = 3) -> list[Case]:
    cases = [
        Case("pdf-truncated-half", _truncated(GOOD_PDF, ".pdf", 0.5), _extract("good.txt", "bad.pdf"), (0, 1)),
        Case("pdf-header-only", _text(b"%PDF-1.7\n", "bad.pdf"), _extract("good.txt", "bad.pdf"), says="bad.pdf"),
        Case("pdf-not-a-pdf", _text(b"hello", "bad.pdf"), _extract("good.txt", "bad.pdf"), says="not a PDF"),
    ]
    cases += [Case(f"pdf-byte-flip-{seed}", flipped_pdf(seed), _extract("good.txt", "bad.pdf"), (0, 1),
                   fast=seed < 2) for seed in range(flips)]
    return cases


# ------------------------------------------------------------------ hand-edited YAML


def _yaml(text: str | bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (folder / "bad.yaml").write_bytes(data)
    return make


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9))
DEEP = "a: " + "[" * 2000 + "]" * 2000 + "\n"
DIGITS = "schema: hyte/v1\nyear: " + "9" * 5000 + "\n"
LATIN1 = "schema: hyte/v1\ntitle: Hyvinvointikertomus ja edist\xe4mme\n".encode("latin-1")
YAML_COMMANDS = {
    "validate": ["validate", "{dir}/bad.yaml"],
    "render": ["render", "--year", "2023", "{dir}/bad.yaml", "--out", "{dir}/out"],
    "years": ["years", "{dir}/bad.yaml"],
    "export": ["export", "{dir}/bad.yaml"],
    "track": ["track", "{dir}/bad.yaml", "--registry", "{dir}/registry.yaml"],
    "kpi": ["kpi", "{dir}/bad.yaml"],
    "status": ["status", "{dir}/bad.yaml"],
    "diff": ["diff", "2022", "2023", "{dir}/bad.yaml"],
}


# found by the independent matrix: 300,000 objectives took 1.3 GB to validate, 3.3 GB to track
MANY_VALUES = "schema: hyte/v1\ngoals:\n" + "  - x\n" * 300_000


def yaml_cases() -> list[Case]:
    kinds = {"300000-values": (MANY_VALUES, "more than 250000 values"),"alias-bomb": (ALIAS_BOMB, "more than 250000 values"), "nesting-2000": (DEEP, "nested more than"),
             "year-5000-digits": (DIGITS, "5000 digits"), "latin1": (LATIN1, "not UTF-8")}
    return [Case(f"yaml-{kind}-{command}", _yaml(text), args, (1,), says=says, good_output=None,
                 fast=command in ("validate", "render", "export", "track") or kind == "alias-bomb")
            for kind, (text, says) in kinds.items() for command, args in YAML_COMMANDS.items()]


# ------------------------------------------------------------------ templates


def _template(name: str, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        from hytetool.pipeline import extract_paths  # a real document of 2023 to render

        extract_paths([GOOD_TEXT], folder / "in", profile_path=None)
        (folder / "tpl").mkdir()
        (folder / "tpl" / name).write_bytes(data)
    return make


def template_cases() -> list[Case]:
    md = ["render", "--year", "2023", "{dir}/in", "--template", "{dir}/tpl", "--out", "{dir}/out", "-f"]
    broken_docx = GOOD_DOCX.read_bytes()[:3000]
    return [
        Case("template-zero-division", _template("report.md.j2", b"ok\n{{ 1 / 0 }}\n"), md + ["md"],
             says="report.md.j2:2: ZeroDivisionError", good_output=None),
        Case("template-include", _template("report.md.j2", b'{% include "nothing.j2" %}\n'), md + ["md"],
             says="report.md.j2:1", good_output=None),
        Case("template-recursion", _template("report.md.j2", b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"),
             md + ["md"], says="RecursionError", good_output=None),
        Case("template-syntax", _template("report.md.j2", b"a\nb\n{% for x in %}\n"), md + ["md"],
             says="report.md.j2:3", good_output=None),
        Case("template-not-utf8", _template("report.md.j2", b"{{ '\xe4' }}\n"), md + ["md"], says="not UTF-8",
             good_output=None),
        Case("template-docx-truncated", _template("report.docx", broken_docx), md + ["docx"],
             says="report.docx: not a Word template", good_output=None),
        Case("template-docx-not-zip", _template("report.docx", b"PK\x03\x04 nothing"), md + ["docx"],
             says="report.docx: not a Word template", good_output=None),
    ]


# ------------------------------------------------------------------ paths and names


def _fifo(folder: Path) -> None:
    _good(folder)
    os.mkfifo(folder / "pipe.txt")


def _loop(folder: Path) -> None:
    _good(folder)
    (folder / "loop.txt").symlink_to("loop.txt")


def _unreadable(folder: Path) -> None:
    _good(folder)
    (folder / "secret.txt").write_text("x", encoding="utf-8")
    (folder / "secret.txt").chmod(0)


def _folder_named_txt(folder: Path) -> None:
    _good(folder)
    (folder / "folder.txt").mkdir()


def _same_names(folder: Path) -> None:
    for sub in ("a", "b", "c"):
        (folder / "in" / sub).mkdir(parents=True)
        shutil.copy(GOOD_TEXT, folder / "in" / sub / "x.txt")
    shutil.copy(GOOD_TEXT, folder / "in" / "x.new.txt")


def path_cases() -> list[Case]:
    return [
        Case("path-fifo-by-name", _fifo, _extract("good.txt", "pipe.txt"), says="named pipe"),
        Case("path-fifo-in-folder", _fifo, ["extract", "{dir}", "--out", "{dir}/out", "--no-cache"], says="named pipe"),
        # found by the independent matrix: these hung (validate, inspect read the pipe)
        Case("path-fifo-validate", lambda f: os.mkfifo(f / "pipe.yaml"), ["validate", "{dir}/pipe.yaml"],
             says="named pipe", good_output=None),
        Case("path-fifo-inspect", _fifo, ["inspect", "{dir}/pipe.txt"], says="named pipe", good_output=None),
        Case("path-dev-zero-inspect", lambda f: (f / "zero.txt").symlink_to("/dev/zero"), ["inspect", "{dir}/zero.txt"],
             says="a device", good_output=None),
        Case("path-symlink-loop", _loop, _extract("good.txt", "loop.txt"), says="symbolic link loop"),
        Case("path-dev-null", _good, ["extract", "{dir}/good.txt", "/dev/null", "--out", "{dir}/out", "--no-cache"],
             says="a device"),
        # root reads a file whatever its mode: there the case only checks the batch goes on
        Case("path-unreadable-by-name", _unreadable, _extract("good.txt", "secret.txt"),
             (1,) if os.geteuid() else (0, 1), says="secret.txt" if os.geteuid() else ""),
        Case("path-folder-named-txt", _folder_named_txt, _extract("good.txt", "folder.txt"), (0,)),
        Case("path-out-is-a-file", _good, ["extract", "{dir}/good.txt", "--out", "{dir}/good.txt", "--no-cache"],
             says="good.txt", good_output=None),
        Case("names-a-b-c-x-txt", _same_names, ["extract", "{dir}/in", "--out", "{dir}/out", "--no-cache"], (0,),
             good_output=None, outputs=["x.yaml", "x.txt.yaml", "c-x.txt.yaml", "x.new.txt.yaml"]),
    ]


def all_cases(flips: int = 3) -> list[Case]:
    return text_cases() + office_cases() + pdf_cases(flips) + yaml_cases() + template_cases() + path_cases()
