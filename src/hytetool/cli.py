"""The `hyte` command line: parses options and calls library functions, nothing more.

Exit codes (also in the README):
  0  everything succeeded
  1  a problem in the input: invalid YAML, a file that could not be extracted
  2  wrong usage: unknown option, missing argument, path that does not exist
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from hytetool import __version__
from hytetool.errors import HyteError

EXIT_OK = 0
EXIT_INPUT_PROBLEM = 1
EXIT_USAGE = 2

DEFAULT_RAW = Path("data/raw")
DEFAULT_NORMALIZED = Path("data/normalized")
DEFAULT_SCHEMA = Path("schema/hyte-v1.schema.json")
DEFAULT_STRATEGY = Path("data/reference/strategy.yaml")
DEFAULT_REPORTS = Path("build/reports")

app = typer.Typer(
    name="hyte",
    help="Finnish municipal welfare-plan documents (HYTE) -> hand-editable YAML -> reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


class State:
    verbose: bool = False
    quiet: bool = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hyte {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show details and tracebacks.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """hytetool: extract, validate and export welfare-plan data."""
    State.verbose = verbose
    State.quiet = quiet


def fail(exc: BaseException) -> None:
    """One clear line for a user error; the traceback only with -v."""
    if State.verbose:
        err.print_exception()
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(EXIT_INPUT_PROBLEM)


@app.command()
def schema(
    output: Annotated[Path, typer.Option("--out", "-o", help="Where to write the JSON Schema.")] = DEFAULT_SCHEMA,
) -> None:
    """Write the JSON Schema of the normalized YAML (for editors and CI)."""
    from hytetool.schema import write_json_schema

    try:
        path = write_json_schema(output)
    except (HyteError, OSError) as exc:
        fail(exc)
    if not State.quiet:
        out.print(f"wrote {path}")


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="YAML files or folders (default data/normalized/).")
    ] = None,
) -> None:
    """Check normalized YAML files; every problem as file:line:col: field: message."""
    from hytetool.validate import validate_paths

    report = validate_paths(paths or [DEFAULT_NORMALIZED])
    for problem in report.problems:
        typer.echo(str(problem))
    typer.echo(report.summary(), err=bool(report.problems))
    raise typer.Exit(EXIT_INPUT_PROBLEM if report.problems else EXIT_OK)


@app.command()
def extract(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Input files or folders (default data/raw/).")
    ] = None,
    output: Annotated[Path, typer.Option("--out", "-o", help="Folder for the normalized YAML.")] = DEFAULT_NORMALIZED,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files even when they were edited by hand.")
    ] = False,
    strategy: Annotated[
        Path, typer.Option("--strategy", help="City strategy reference: goals and their objectives.")
    ] = DEFAULT_STRATEGY,
) -> None:
    """Read documents and write one normalized YAML per document."""
    from hytetool.pipeline import extract_paths
    from hytetool.report import print_extract_summary

    try:
        results = extract_paths(paths or [DEFAULT_RAW], output, force=force, strategy_path=strategy)
    except HyteError as exc:
        fail(exc)
    for result in results:
        for line in result.messages:
            typer.echo(line, err=True)  # plain: one unwrapped line per message
        if result.error and State.verbose and result.traceback:
            typer.echo(result.traceback, err=True)
    if not State.quiet:
        print_extract_summary(out, results)
    raise typer.Exit(EXIT_INPUT_PROBLEM if any(r.error for r in results) else EXIT_OK)


@app.command()
def export(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or xlsx.")] = "jsonl",
    year: Annotated[Optional[int], typer.Option("--year", help="Only documents whose period covers this year.")] = None,
    output: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Output file (default: standard output; required for xlsx).")
    ] = None,
) -> None:
    """Write every record as one flat row (jsonl, csv or xlsx)."""
    from hytetool.export import export_paths

    try:
        count = export_paths(paths or [DEFAULT_NORMALIZED], format, output, year=year)
    except HyteError as exc:
        fail(exc)
    if output is not None and not State.quiet:
        err.print(f"wrote {count} records to {output}", highlight=False)


@app.command()
def render(
    year: Annotated[int, typer.Option("--year", help="The year the report covers, e.g. 2023.")],
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    formats: Annotated[str, typer.Option("--format", "-f", help="docx, md or both: docx,md.")] = "docx,md",
    template: Annotated[
        Optional[Path], typer.Option("--template", help="Folder with your own report.docx / report.md.j2 / messages.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Report language: fi, sv or en.")] = "fi",
    output: Annotated[Path, typer.Option("--out", "-o", help="Folder for the reports.")] = DEFAULT_REPORTS,
) -> None:
    """Render the yearly report (Word and Markdown) from the normalized YAML."""
    from hytetool.render import parse_formats, render_year

    try:
        result = render_year(paths or [DEFAULT_NORMALIZED], year, formats=parse_formats(formats), out_dir=output,
                             template_dir=template, lang=lang)
    except HyteError as exc:
        fail(exc)
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
    if not State.quiet:
        for path in result.outputs:
            typer.echo(f"wrote {path}")


@app.command()
def years(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
) -> None:
    """Print the years the reports in the data cover, one per line (for scripts and CI)."""
    from hytetool.render import load_inputs
    from hytetool.render.context import years_covered

    try:
        documents = [doc for _, doc in load_inputs(paths or [DEFAULT_NORMALIZED])]
    except HyteError as exc:
        fail(exc)
    for year in years_covered(documents):
        typer.echo(str(year))


def run() -> None:  # pragma: no cover - console entry for `python -m hytetool`
    sys.exit(app())
