"""Old and open office formats (.doc, .odt, .rtf; .xls, .ods): converted to .docx or .xlsx
with LibreOffice headless, then read by the Word or Excel reader.

Sectors still send Word 97 files and OpenDocument exports; asking a coordinator to open
and re-save each one by hand loses a day. LibreOffice converts them faithfully (tables,
merged cells), so hytetool uses it when it is installed and otherwise says in one line
what to do. Each conversion runs in its own temporary folder with its own LibreOffice
user profile, so parallel workers and an open LibreOffice window do not block each
other. Converted once per content: the extraction cache (cache.py) keys on the original
file's bytes, so an unchanged .doc is not converted again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from hytetool.docmodel import DocumentModel
from hytetool.errors import InputError

# Suffix -> the format LibreOffice converts it to, read by that format's reader.
CONVERSIONS: dict[str, str] = {".doc": "docx", ".odt": "docx", ".rtf": "docx", ".xls": "xlsx", ".ods": "xlsx"}
# A 100-page report converts in a few seconds; a conversion still running after this
# long is a hung LibreOffice (a dialog it cannot show headless), not a slow one.
CONVERT_TIMEOUT_SECONDS = 180
# Where LibreOffice installs itself when `soffice` is not on the PATH (Windows, macOS).
KNOWN_LOCATIONS = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
SOFFICE_ENV = "HYTE_SOFFICE"  # the soffice to use, when it is somewhere else


def find_soffice() -> str | None:
    """The LibreOffice program: $HYTE_SOFFICE, `soffice`/`libreoffice` on the PATH, or a
    usual install location; None when there is none."""
    named = os.environ.get(SOFFICE_ENV)
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return found
    return next((str(p) for p in KNOWN_LOCATIONS if p.is_file()), None)


def _reader(target: str) -> Callable[[Path], DocumentModel]:
    """The reader of the converted format, imported here: importing this module (for
    CONVERSIONS) must not load python-docx or openpyxl (docs/performance.md)."""
    if target == "docx":
        from hytetool.extract.docx import read_docx
        return read_docx
    from hytetool.extract.xlsx import read_xlsx
    return read_xlsx


def read_office(path: Path) -> DocumentModel:
    """Convert with LibreOffice and read the result; the model names the original file."""
    target = CONVERSIONS[path.suffix.lower()]
    soffice = find_soffice()
    if soffice is None:
        raise InputError(path, f"hyte reads {path.suffix} files through LibreOffice, which is not installed: "
                               f"save it as .{target} (or install LibreOffice from libreoffice.org)")
    data = path.read_bytes()
    if not data:
        raise InputError(path, f"the file is empty (0 bytes); save it again as .{target}")
    with tempfile.TemporaryDirectory(prefix="hyte-convert-") as tmp:
        converted = _convert(soffice, path, Path(tmp), target)
        try:
            model = _reader(target)(converted)
        except InputError as exc:  # name the file the user gave, not the temporary copy
            raise InputError(path, str(exc).removeprefix(f"{converted}: ")) from None
    model.path = path
    model.sha256 = hashlib.sha256(data).hexdigest()
    return model


def _convert(soffice: str, path: Path, tmp: Path, target: str) -> Path:
    """Run `soffice --headless --convert-to`; the converted file or one InputError line."""
    source = tmp / f"input{path.suffix.lower()}"  # a plain name: LibreOffice mis-parses some
    shutil.copyfile(path, source)
    out_dir = tmp / "out"
    command = [soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(out_dir), str(source)]
    try:
        run = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False,
                             creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0)
    except subprocess.TimeoutExpired:
        raise InputError(path, f"LibreOffice did not convert it within {CONVERT_TIMEOUT_SECONDS} s; "
                               f"open it and save it as .{target}") from None
    except OSError as exc:
        raise InputError(path, f"cannot run LibreOffice ({soffice}: {exc.strerror or exc}); "
                               f"save it as .{target}") from None
    converted = out_dir / f"input.{target}"
    if run.returncode != 0 or not converted.is_file():
        said = (run.stderr or run.stdout).decode("utf-8", "replace").strip().splitlines()
        reason = f" ({said[-1]})" if said else ""
        raise InputError(path, f"LibreOffice could not convert it{reason}; is it a damaged or "
                               f"password-protected file? Open it and save it as .{target}")
    return converted
