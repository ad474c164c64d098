"""`hyte init`: a new municipality's workspace (työtila) from the files in `data/init/`.

What it writes is what a coordinator needs on day one: the folders the commands read
and write by default (workspace.py), a commented profile to fill in, a `.gitignore` for
what hyte rebuilds, the JSON Schema for the editor, the CI workflow that renders the
report on every push (the same file as docs/ci-example.yml) and a short README for the
analyst in Finnish or Swedish. A file that exists is never overwritten, so running it
again in a workspace only adds what is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from hytetool import resources
from hytetool.errors import HyteError
from hytetool.paths import PROFILE_NAME
from hytetool.workspace import NORMALIZED, RAW, SCHEMA
from hytetool.yamlio import SCHEMA_FILE_NAME, atomic_write_bytes

LANGUAGES = ("fi", "sv")
WORKFLOW = Path(".github/workflows/hyte-report.yml")
KEEP = ".gitkeep"  # git keeps no empty folder


@dataclass
class InitResult:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # existed already: left as they were
    next_steps: str = ""


def starter_files(municipality: str, lang: str) -> dict[Path, bytes]:
    """Every file of a new workspace, by path relative to its root."""
    if lang not in LANGUAGES:
        raise HyteError(f"unknown language '{lang}' for hyte init; use fi or sv")

    def filled(name: str) -> bytes:
        text = resources.read_text("data", "init", name)
        text = text.replace("{{municipality_yaml}}", json.dumps(municipality, ensure_ascii=False))
        return text.replace("{{municipality}}", municipality).encode("utf-8")

    return {
        Path(PROFILE_NAME): filled(f"hyte-profile.{lang}.yaml"),
        Path("README.md"): filled(f"README.{lang}.md"),
        Path(".gitignore"): resources.read_bytes("data", "init", "gitignore"),
        WORKFLOW: resources.read_bytes("data", "init", "ci-workflow.yml"),
        SCHEMA: resources.read_bytes("data", SCHEMA_FILE_NAME),
        RAW / KEEP: b"",
        NORMALIZED / KEEP: b"",
    }


def init_workspace(folder: Path, municipality: str, lang: str = "fi") -> InitResult:
    """Write the starter files into `folder` (created if needed), keeping existing ones."""
    if folder.exists() and not folder.is_dir():
        raise HyteError(f"{folder}: exists and is not a folder; give a new or existing folder")
    result = InitResult()
    for relative, data in starter_files(municipality, lang).items():
        target = folder / relative
        if target.exists() or (relative.name == KEEP and target.parent.is_dir() and any(target.parent.iterdir())):
            if relative.name != KEEP:
                result.kept.append(target)
            continue
        atomic_write_bytes(target, data)
        result.written.append(target)
    where = "" if folder.resolve() == Path.cwd().resolve() else f"cd {folder}\n  "
    result.next_steps = (f"next: fill in {folder / PROFILE_NAME}, put the documents into {folder / RAW}, then\n"
                         f"  {where}hyte extract && hyte validate && hyte render --year YEAR")
    return result
