"""Summaries for the CLI: a rich table on a terminal, plain aligned columns elsewhere."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from hytetool.pipeline import FileResult


COLUMNS = ("file", "layout strategies", "goals", "actions", "outcomes", "unplaced", "result")
NUMBERS = frozenset({"goals", "actions", "outcomes", "unplaced"})  # right-aligned


def print_extract_summary(console: Console, results: list[FileResult]) -> None:
    rows = [(r.source.name, ", ".join(r.layouts) or "-", str(r.goals), str(r.actions), str(r.outcomes),
             str(r.unplaced), "failed" if r.error else r.status) for r in results]
    if console.is_terminal:
        _rich_table(console, rows)
    else:
        _plain_table(console, rows)
    failed = sum(1 for r in results if r.error)
    skipped = sum(1 for r in results if r.status == "skipped")
    documents = len(results) - skipped
    unrecognised = sum(1 for r in results if "unrecognised" in r.layouts)
    console.print(f"{documents - failed} of {documents} files extracted" + (f", {failed} failed" if failed else "")
                  + (f", {unrecognised} with no recognised table (all kept as unplaced)" if unrecognised else "")
                  + (f"; {skipped} skipped (not a type hyte reads)" if skipped else ""), highlight=False)


def _rich_table(console: Console, rows: list[tuple[str, ...]]) -> None:
    table = Table(title="hyte extract", show_lines=False)
    for column in COLUMNS:
        # whole file names, folded onto more lines when narrow: a cut name cannot be found
        table.add_column(column, justify="right" if column in NUMBERS else "left",
                         overflow="fold" if column == "file" else "ellipsis")
    for row in rows:
        table.add_row(*row[:-1], "[red]failed[/red]" if row[-1] == "failed" else row[-1])
    console.print(table)


def _plain_table(console: Console, rows: list[tuple[str, ...]]) -> None:
    """The same table as plain aligned columns, one line a file, for a log, a pipe or CI:
    whole file names on one line (a terminal's table folds them at its width), and a few
    milliseconds for a batch of hundreds where rich's layout took a large share of a
    warm run."""
    widths = [max(len(column), *(len(row[i]) for row in rows)) for i, column in enumerate(COLUMNS)]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(cell.rjust(width) if column in NUMBERS else cell.ljust(width)
                         for cell, width, column in zip(cells, widths, COLUMNS)).rstrip()

    text = "\n".join(["hyte extract", line(COLUMNS), *(line(row) for row in rows)])
    console.print(text, markup=False, highlight=False, soft_wrap=True, emoji=False)
