"""The workspace: the folder holding `hyte-profile.yaml`, found from the current folder
upwards as git finds `.git`.

A municipality's workspace (työtila) keeps its documents in `data/raw/`, the normalized
YAML in `data/normalized/`, reports and exports in `build/` and the extraction cache in
`.hyte-cache/`. Every command takes those defaults from here, so they are the same from
any subfolder, and this is the one place that names them. Outside any workspace the
defaults are relative to the current folder and hyte reads with the generic vocabulary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hytetool.errors import HyteError
from hytetool.paths import CACHE_DIR as CACHE
from hytetool.paths import EXPORTS_DIR as EXPORTS
from hytetool.paths import INSPECT_DIR as INSPECT
from hytetool.paths import NORMALIZED_DIR as NORMALIZED
from hytetool.paths import PROFILE_NAME
from hytetool.paths import RAW_DIR as RAW
from hytetool.paths import REPORTS_DIR as REPORTS
from hytetool.paths import SCHEMA_PATH as SCHEMA
from hytetool.profile import GENERIC, Profile
NO_WORKSPACE = (f"no {PROFILE_NAME} in this folder or above: using the generic vocabulary "
                "(`hyte init` starts a municipality's workspace)")


@dataclass(frozen=True)
class Workspace:
    """Where the commands read and write by default; `root` is None outside a workspace."""

    root: Path | None
    base: Path  # the root as seen from the current folder ("." at the root), else "."

    @property
    def profile_path(self) -> Path | None:
        return None if self.root is None else self.base / PROFILE_NAME

    @property
    def raw(self) -> Path:
        return self.base / RAW

    @property
    def normalized(self) -> Path:
        return self.base / NORMALIZED

    @property
    def reports(self) -> Path:
        return self.base / REPORTS

    @property
    def inspect(self) -> Path:
        return self.base / INSPECT

    @property
    def cache(self) -> Path:
        return self.base / CACHE

    @property
    def schema(self) -> Path:
        return self.base / SCHEMA


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder from `start` (the current one) upwards holding hyte-profile.yaml."""
    start = (start or Path.cwd()).absolute()
    for folder in [start, *start.parents]:
        if (folder / PROFILE_NAME).is_file():
            return folder
    return None


def find_workspace(start: Path | None = None) -> Workspace:
    cwd = (start or Path.cwd()).absolute()
    root = find_root(cwd)
    return Workspace(root, Path(".") if root is None else _relative(root, cwd))


def _relative(root: Path, cwd: Path) -> Path:
    """`root` as the user would type it from `cwd`: short paths in every message."""
    try:
        return Path(os.path.relpath(root, cwd))
    except ValueError:  # Windows: another drive has no relative path
        return root


def load_profile(path: Path | None) -> Profile:
    """The profile file named with --profile; a name that is no file is an error, not a
    silent fallback to the generic vocabulary. None gives the generic profile."""
    if path is None:
        return GENERIC
    if not path.is_file():
        raise HyteError(f"{path}: no such profile file; give an existing hyte-profile.yaml "
                        "or leave --profile out to use the workspace's")
    return Profile.load(path)
