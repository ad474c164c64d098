"""What `hyte extract` is given: input files found safely, and one distinct YAML name each.

Paths come from users and scripts: a FIFO would block a reader forever, a symbolic link
loop or an unreadable file must not stop the batch, and two inputs that share a file
name (a/x.txt, b/x.txt) must never write the same YAML. Each odd path gives one line
naming it; the rest of the batch runs.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

# Output names other commands give a meaning: the track registry, and the regenerated
# version waiting beside a hand edit (yamlio.new_version_path). No input may write them.
RESERVED_NAMES = frozenset({"registry.yaml"})
RESERVED_SUFFIX = ".new.yaml"


def path_problem(path: Path) -> str | None:
    """Why `path` cannot be read as an input, in words for the user; None when it can
    (a regular file or a folder). Never opens the path: a FIFO would block."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{path}: a symbolic link loop; point the link at the document"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if path.is_symlink():
                return f"{path}: a symbolic link to nothing (the target {os.readlink(path)} is gone)"
            return f"{path}: no such file or folder"
        return f"{path}: cannot be read ({exc.strerror or exc}); check its permissions"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        if not os.access(path, os.R_OK | (os.X_OK if stat.S_ISDIR(mode) else 0)):
            kind = "folder" if stat.S_ISDIR(mode) else "file"
            return f"{path}: the {kind} cannot be read (permission denied); check its permissions"
        return None
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    return f"{path}: {kind}, not a document file; give hyte the document itself"


def walk(folder: Path, suffixes: Iterable[str], skipped: list[Path] | None = None) -> tuple[list[Path], list[str]]:
    """Files below `folder` with one of `suffixes`, sorted; and one line per odd entry
    with such a suffix (FIFO, link loop, unreadable) or unreadable subfolder. Other
    files go to `skipped` (hidden ones, .gitkeep, are no documents and are left out).
    Symbolic links to folders are not followed (os.walk's default): no loops."""
    wanted = {s.lower() for s in suffixes}
    files: list[Path] = []
    problems: list[str] = []

    def on_error(exc: OSError) -> None:
        problems.append(f"{exc.filename}: the folder cannot be read ({exc.strerror}); check its permissions")

    for root, dirs, names in os.walk(folder, onerror=on_error):
        dirs.sort()
        for name in names:
            path = Path(root) / name
            if path.suffix.lower() not in wanted or name.startswith("~$"):
                if skipped is not None and not name.startswith((".", "~$")) and path.is_file():
                    skipped.append(path)
                continue
            problem = path_problem(path)
            if problem is None and path.is_dir():
                continue  # a folder named x.pdf: nothing to read in its name
            (problems.append(problem) if problem else files.append(path))
    return sorted(files), problems


def output_names(files: list[Path]) -> dict[Path, str]:
    """A distinct, stable YAML file name for every input, decided from the whole list.

    NAME.yaml first; then NAME.ext.yaml when another input already took NAME.yaml
    (report.txt beside report.pdf); then the input's folders joined to it
    (c-x.txt.yaml for c/x.txt after a/x.txt and b/x.txt); then a number (x.txt.2.yaml). The same list gives the
    same names, whatever is cached or fails. Names ending .new.yaml and the registry's
    name are never given (see RESERVED_NAMES)."""
    taken: set[str] = set()
    names: dict[Path, str] = {}
    for path in files:
        parent = path.parent.name
        candidates = [f"{path.stem}.yaml", f"{path.name}.yaml"] + ([f"{parent}-{path.name}.yaml"] if parent else [])
        name = next((c for c in candidates if _free(c, taken)), None)
        number = 2
        while name is None:
            name = c if _free(c := f"{path.name}.{number}.yaml", taken) else None
            number += 1
        taken.add(name.lower())
        names[path] = name
    return names


def _free(name: str, taken: set[str]) -> bool:
    """Not used yet in this run (case-insensitively: macOS and Windows folders) nor reserved."""
    lowered = name.lower()
    return lowered not in taken and lowered not in RESERVED_NAMES and not lowered.endswith(RESERVED_SUFFIX)
