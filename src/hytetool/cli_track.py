"""The tracking commands of `hyte` (track, diff, status): options parsed, library called.

Split from cli.py to keep each module small; importing this module registers the
commands on `cli.app`. The consoles are read from `cli` when used (tests replace them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from hytetool import cli
from hytetool.cli import State, app, fail
from hytetool.cli_support import workspace
from hytetool.errors import HyteError


@app.command()
def track(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    registry: Annotated[
        Optional[Path], typer.Option("--registry", help="The registry file (default: registry.yaml in the first folder).")
    ] = None,
) -> None:
    """Give objectives and actions that recur across documents one shared id; write registry.yaml."""
    from hytetool.track import track_paths
    from hytetool.track.console import print_track

    try:
        result = track_paths(paths or [workspace().normalized], registry)
    except HyteError as exc:
        fail(exc)
    for ref in result.dropped:
        typer.echo(f"note: {ref} is no longer in its document; removed from the registry", err=True)
    for ref in result.split:
        typer.echo(f"note: {ref} taken out of its shared id (a distinct pair in the registry)", err=True)
    if not State.quiet:
        print_track(cli.out, result)


def _notes(notes: list[str]) -> None:
    if not State.quiet:
        for note in notes:
            typer.echo(f"note: {note}", err=True)


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="The earlier year or period, e.g. 2022 or 1-6/2022.")],
    b: Annotated[str, typer.Argument(help="The later year or period, e.g. 2023 or 1-12/2023.")],
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table (terminal), md or jsonl.")] = "table",
    output: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Output file for md or jsonl (default: standard output).")
    ] = None,
) -> None:
    """Actions continued (outcome and status before and after), new and dropped between two periods."""
    from hytetool.track import diff as track_diff
    from hytetool.track import open_workspace
    from hytetool.track.console import print_diff
    from hytetool.track.diff import format_jsonl, format_markdown, write_output

    try:
        fmt = format.lower()
        if fmt not in ("table", "md", "jsonl"):
            raise HyteError(f"unknown format '{format}'; use table, md or jsonl")
        if fmt == "table" and output is not None:
            raise HyteError("--out writes md or jsonl; add --format md or --format jsonl")
        ws = open_workspace(paths or [workspace().normalized])
        result = track_diff(ws.documents, a, b, tracking=ws.tracking)
        _notes(ws.notes)
        for warning in result.warnings:
            typer.echo(f"warning: {warning}", err=True)
        if fmt == "table":
            print_diff(cli.out, result)
            return
        write_output(format_markdown(result) if fmt == "md" else format_jsonl(result), output)
        if output is not None and not State.quiet:
            cli.err.print(f"wrote {output}", highlight=False)
    except (HyteError, OSError) as exc:
        fail(exc)


@app.command()
def status(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Only periods that cover this year.")] = None,
    by: Annotated[str, typer.Option("--by", help="Group the counts by goal or by sector.")] = "goal",
) -> None:
    """How far the actions got: counts and shares by status per period and goal (or sector)."""
    from hytetool.track import open_workspace, status_overview
    from hytetool.track.console import print_status

    try:
        ws = open_workspace(paths or [workspace().normalized])
        overview = status_overview(ws.documents, ws.tracking, year=year, by=by.lower())
    except HyteError as exc:
        fail(exc)
    _notes(ws.notes)
    print_status(cli.out, overview)
