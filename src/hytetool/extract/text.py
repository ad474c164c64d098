"""Reader for plain-text exports (.txt): bytes -> DocumentModel, one block per input line.

Municipal text exports arrive as UTF-8, UTF-8 with BOM, Windows-1252 / Latin-1 (older
Word "Save as text") or UTF-16 ("Unicode text" of Word and Notepad, with or without a
byte-order mark; UTF-32 likewise), with LF or CRLF endings. A UTF-8 file with a few
Windows-1252 lines is read line by line with a warning naming them (decode()). Tab characters are Word's cell
separators when a table was saved as text, so a line with tabs keeps its cells.
"""

from __future__ import annotations

from pathlib import Path

from hytetool.errors import InputError
from hytetool.docmodel import DocumentModel, ModelBuilder, plain_cells
from hytetool.limits import MAX_LINE_CHARS, MAX_NAMED_BAD_LINES, MAX_TEXT_BYTES, LimitError, check_size

# A text file with more than this share of control characters is binary, whatever its name.
MAX_CONTROL_CHAR_SHARE = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
# Byte-order marks, longest first (UTF-32 LE starts with UTF-16 LE's mark).
BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# UTF-16/32 without a mark: in Finnish text almost every character is below U+0100, so
# one byte of every two (UTF-16) or three of every four (UTF-32) is NUL. This share of
# those positions being NUL (and none of the others) tells the encoding.
WIDE_NUL_SHARE = 0.6


def decode(data: bytes, path: Path, warnings: list[str] | None = None) -> str:
    """The text of a file: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else
    UTF-16/32 by their NUL pattern, UTF-8, or Windows-1252 (older Word "save as text").

    A file that is UTF-8 but for a few lines (one pasted from a Windows-1252 source)
    is read line by line: those lines as Windows-1252, each named in `warnings`, so
    nothing becomes mojibake silently."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            if encoding == "utf-32-le" and len(data) % 4:  # UTF-16 LE text whose first character is NUL
                continue
            return _strict(data[len(bom):], encoding, path)
    if (wide := _wide_encoding(data)) is not None:
        return _strict(data, wide, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    bad = [n for n, line in enumerate(lines, start=1) if not _is_utf8(line)]
    if not any(not line.isascii() for line in lines if _is_utf8(line)):
        return _cp1252(data)  # no UTF-8 at all: a Windows-1252 file, read as such
    if warnings is not None:
        named = ", ".join(map(str, bad[:MAX_NAMED_BAD_LINES])) + (
            f" and {len(bad) - MAX_NAMED_BAD_LINES} more" if len(bad) > MAX_NAMED_BAD_LINES else "")
        warnings.append(f"UTF-8 but for line(s) {named}, read as Windows-1252; check their letters and save the "
                        "file as UTF-8")
    return "\n".join(line.decode("utf-8") if _is_utf8(line) else _cp1252(line) for line in lines)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# The five bytes Windows-1252 leaves unassigned: read as the Latin-1 control characters
# they are there (the binary check then counts them).
_UNASSIGNED_1252 = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def _cp1252(data: bytes) -> str:
    """Windows-1252, its unassigned bytes as Latin-1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return "".join(chr(b) if b in _UNASSIGNED_1252 else bytes([b]).decode("cp1252") for b in data)


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid {encoding.upper()} text (bytes at offset {exc.start}); save the file "
                               "as UTF-8 and run again") from None


def _wide_encoding(data: bytes) -> str | None:
    """'utf-32-le', 'utf-32-be', 'utf-16-le' or 'utf-16-be' by where the NUL bytes stand
    in the first 4 KB; None for anything else."""
    sample = data[:4096]
    if b"\x00" not in sample:
        return None
    for width, encoding, zero_at in ((4, "utf-32-le", (1, 2, 3)), (4, "utf-32-be", (0, 1, 2)),
                                     (2, "utf-16-le", (1,)), (2, "utf-16-be", (0,))):
        units = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        if len(data) % width or not units:
            continue
        wide = sum(all(unit[k] == 0 for k in zero_at) for unit in units)
        if wide >= WIDE_NUL_SHARE * len(units):
            return encoding
    return None


def _looks_binary(text: str) -> bool:
    """NUL or many other control characters: an image, a PDF or a Word file renamed .txt."""
    if "\x00" in text:
        return True
    controls = sum(1 for char in text if (char < " " or "\x7f" <= char <= "\x9f") and char not in _ALLOWED_CONTROLS)
    return controls > MAX_CONTROL_CHAR_SHARE * max(len(text), 1)


def read_text(path: Path) -> DocumentModel:
    check_size(path, path.stat().st_size, MAX_TEXT_BYTES)
    data = path.read_bytes()
    warnings: list[str] = []
    text = decode(data, path, warnings)
    if not text.strip():
        raise InputError(path, "the file is empty; export the document again")
    if _looks_binary(text):
        raise InputError(path, "this is not a text file (binary content); check the file type")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    raws = text.split("\n")
    if raws and raws[-1] == "":
        raws.pop()  # the newline that ends the file
    if (longest := max(map(len, raws), default=0)) > MAX_LINE_CHARS:
        raise LimitError(path, f"a line of {longest} characters, over hytetool's limit of {MAX_LINE_CHARS} "
                               "(hytetool.limits); is this the document's text export?")
    builder = ModelBuilder(path, data)
    builder.model.warnings += warnings
    for number, raw in enumerate(raws, start=1):
        if "\t" in raw:  # Word's "save as text" separates a table row's cells by tabs
            builder.row(plain_cells(raw.split("\t")), text=raw.replace("\t", " "), no=number)
        else:
            builder.paragraph(raw, no=number)
    return builder.build()
