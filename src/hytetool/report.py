"""Terminal summaries (rich tables) for the CLI."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from hytetool.pipeline import FileResult


def print_extract_summary(console: Console, results: list[FileResult]) -> None:
    table = Table(title="hyte extract", show_lines=False)
    for column in ("file", "layout strategies", "goals", "actions", "outcomes", "unplaced", "result"):
        # whole file names, folded onto more lines when narrow: a cut name cannot be found
        table.add_column(column, justify="right" if column in {"goals", "actions", "outcomes", "unplaced"} else "left",
                         overflow="fold" if column == "file" else "ellipsis")
    for r in results:
        table.add_row(
            r.source.name, ", ".join(r.layouts) or "-", str(r.goals), str(r.actions), str(r.outcomes),
            str(r.unplaced), "[red]failed[/red]" if r.error else r.status,
        )
    console.print(table)
    failed = sum(1 for r in results if r.error)
    skipped = sum(1 for r in results if r.status == "skipped")
    documents = len(results) - skipped
    unrecognised = sum(1 for r in results if "unrecognised" in r.layouts)
    console.print(f"{documents - failed} of {documents} files extracted" + (f", {failed} failed" if failed else "")
                  + (f", {unrecognised} with no recognised table (all kept as unplaced)" if unrecognised else "")
                  + (f"; {skipped} skipped (not a type hyte reads)" if skipped else ""), highlight=False)
