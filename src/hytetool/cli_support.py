"""What several `hyte` commands share beyond option parsing: the workspace and profile of
the current folder, and `hyte init`. Kept out of cli.py so that stays a thin list of
commands (and under the module size limit)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from hytetool.errors import HyteError
from hytetool.workspace import NO_WORKSPACE, Workspace, find_workspace

PROFILE_HELP = "Municipality profile (default: hyte-profile.yaml of the workspace, found upwards from here)."
PDF_SOURCE_HELP = ("The parser that reads PDF pages: pdfium (default, fast) or pdfplumber (the slower reader "
                   "hytetool used before, to compare; docs/performance.md).")


GLOBAL_FLAGS = frozenset({"-q", "--quiet", "-v", "--verbose"})


def hoist_global_flags(group: Any, args: list[str]) -> list[str]:
    """`hyte extract data/raw -q` read as `hyte -q extract data/raw`: people put -q and -v
    after the command as often as before it. Only the words of the command line that are
    these flags move; an option's value (`--password -v`) and anything after `--` stay."""
    position = next((i for i, arg in enumerate(args) if not arg.startswith("-")), None)
    if position is None or args[position] not in group.commands:
        return args
    command = group.commands[args[position]]
    takes_value = {opt for param in command.params if param.param_type_name == "option" and not param.is_flag
                   for opt in param.opts}
    moved: list[str] = []
    rest: list[str] = []
    tail = iter(args[position + 1:])
    for arg in tail:
        if arg == "--":
            rest += [arg, *tail]
            break
        if arg in GLOBAL_FLAGS:
            moved.append(arg)
            continue
        rest.append(arg)
        if arg in takes_value and (value := next(tail, None)) is not None:
            rest.append(value)
    return [*args[:position], *moved, args[position], *rest]


def safe_console() -> None:
    """A console that cannot show a character gets '?' instead of a crash: a Windows
    cp1252 console (or a pipe in that encoding) has no arrows nor every letter of a file
    name, and a report run must not die on its summary line."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def workspace() -> Workspace:
    """The workspace of the current folder (see workspace.py)."""
    return find_workspace()


def profile_path(explicit: Path | None, quiet: bool, alias: Path | None = None) -> Path | None:
    """The profile a command reads: --profile (or its old name --strategy), else the
    workspace's; None means the generic vocabulary, said once on stderr unless -q. A
    named file that does not exist fails later in load_profile, naming it."""
    chosen = explicit or alias
    if chosen is not None:
        return chosen
    found = workspace().profile_path
    if found is None and not quiet:
        typer.echo(f"note: {NO_WORKSPACE}", err=True)
    return found


def init_command(
    municipality: Annotated[str, typer.Option("--municipality", "-m", help="The municipality's name, e.g. Tornio.")],
    folder: Annotated[Path, typer.Argument(help="Folder of the new workspace (default: the current one).")] = Path("."),
    lang: Annotated[str, typer.Option("--lang", help="Language of the profile and the analyst's README: fi or sv.")] = "fi",
) -> None:
    """Start a municipality's workspace: folders, profile, .gitignore, CI workflow, README; never overwrites.

    Writes data/raw/, data/normalized/, a commented hyte-profile.yaml, the JSON Schema, a CI workflow that renders the report on every push and a README for the analyst."""  # noqa: E501 (one line: help keeps line breaks)
    from hytetool.cli import State, fail
    from hytetool.scaffold import init_workspace

    try:
        if not municipality.strip():
            raise HyteError("hyte init needs the municipality's name: hyte init --municipality NAME")
        result = init_workspace(folder, municipality.strip(), lang)
    except (HyteError, OSError) as exc:
        fail(exc)
    for path in result.kept:
        typer.echo(f"note: {path} exists; left as it was", err=True)
    if not State.quiet:
        for path in result.written:
            typer.echo(f"wrote {path}")
        typer.echo(result.next_steps)
