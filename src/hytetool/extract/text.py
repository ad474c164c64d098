"""Reader for plain-text exports (.txt): bytes -> DocumentModel, one block per input line.

Municipal text exports arrive as UTF-8, UTF-8 with BOM, or Windows-1252 / Latin-1
(older Word "Save as text"), with LF or CRLF endings. Tab characters are Word's cell
separators when a table was saved as text, so a line with tabs keeps its cells.
"""

from __future__ import annotations

from pathlib import Path

from hytetool.errors import InputError
from hytetool.docmodel import DocumentModel, ModelBuilder, plain_cells

# A text file with more than this share of control characters is binary, whatever its name.
MAX_CONTROL_CHAR_SHARE = 0.01
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM) first, then Windows-1252; never guess silently wrong."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"undecodable bytes at offset {exc.start}; save the file as UTF-8 and run again"
        ) from None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes: an image, a PDF or a Word file renamed .txt."""
    if b"\x00" in data:
        return True
    controls = sum(1 for byte in data if byte < 32 and chr(byte) not in _ALLOWED_CONTROLS)
    return controls > MAX_CONTROL_CHAR_SHARE * max(len(data), 1)


def read_text(path: Path) -> DocumentModel:
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "the file is empty; export the document again")
    if _looks_binary(data):
        raise InputError(path, "this is not a text file (binary content); check the file type")
    text = decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    raws = text.split("\n")
    if raws and raws[-1] == "":
        raws.pop()  # the newline that ends the file
    builder = ModelBuilder(path, data)
    for number, raw in enumerate(raws, start=1):
        if "\t" in raw:  # Word's "save as text" separates a table row's cells by tabs
            builder.row(plain_cells(raw.split("\t")), text=raw.replace("\t", " "), no=number)
        else:
            builder.paragraph(raw, no=number)
    return builder.build()
