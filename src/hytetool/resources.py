"""Files shipped inside the package: templates, message catalogs, the JSON Schema, the
vocabulary and the starter files of `hyte init`.

They are found with importlib.resources, never through the source tree's layout, so an
installed wheel (pipx, a CI runner, a Windows laptop) finds them wherever it lives. The
list of shipped files is `[tool.setuptools.package-data]` in pyproject.toml.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "hytetool"
_EXTRACTED = ExitStack()  # files unpacked from a zipped install, removed at exit
atexit.register(_EXTRACTED.close)


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. resource("templates", "report.md.j2")."""
    return resources.files(PACKAGE).joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()


def resource_path(*parts: str) -> Path:
    """A shipped file as a real path, for libraries that open files by name (docxtpl,
    Jinja2's loader). pip unpacks wheels, so this is the file itself; from a zipped
    install it is a temporary copy that lives as long as the process."""
    return Path(_EXTRACTED.enter_context(resources.as_file(resource(*parts))))
