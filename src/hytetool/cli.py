"""The `hyte` command line: parses options and calls library functions, nothing more.

Exit codes (also in the README):
  0  everything succeeded
  1  a problem in the input: invalid YAML, a file that could not be extracted
  2  wrong usage: unknown option, missing argument, path that does not exist
  3  hyte failed unexpectedly (a bug: rerun with -v and report it); see cliguard.py
 130 interrupted (Ctrl-C)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from hytetool import __version__
from hytetool.cliguard import GuardedGroup
from hytetool.errors import HyteError

EXIT_OK = 0
EXIT_INPUT_PROBLEM = 1
EXIT_USAGE = 2

DEFAULT_RAW = Path("data/raw")
DEFAULT_NORMALIZED = Path("data/normalized")
DEFAULT_SCHEMA = Path("schema/hyte-v1.schema.json")
DEFAULT_STRATEGY = Path("hyte-profile.yaml")
DEFAULT_REPORTS = Path("build/reports")
DEFAULT_INSPECT = Path("build/inspect")
DEFAULT_CACHE = Path(".hyte-cache")

app = typer.Typer(
    name="hyte",
    help="Finnish municipal welfare-plan documents (HYTE) -> hand-editable YAML -> reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=GuardedGroup,  # no traceback without -v, whatever escapes a command
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
        Optional[list[Path]], typer.Argument(help="YAML files or folders (default data/normalized/).",
                                             readable=False)  # listed as a problem of that file
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
        Optional[list[Path]], typer.Argument(help="Input files or folders (default data/raw/).",
                                             readable=False)  # an unreadable file: its own line, the batch goes on
    ] = None,
    output: Annotated[Path, typer.Option("--out", "-o", help="Folder for the normalized YAML.")] = DEFAULT_NORMALIZED,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files even when they were edited by hand.")
    ] = False,
    strategy: Annotated[
        Path, typer.Option("--strategy", help="City strategy reference: goals and their objectives.")
    ] = DEFAULT_STRATEGY,
    password: Annotated[
        Optional[str], typer.Option("--password", help="Password of encrypted PDFs.")
    ] = None,
    jobs: Annotated[
        Optional[int], typer.Option("--jobs", "-j", min=1, help="Files read in parallel (default: the number of "
                                    "CPUs); 1 reads them one by one in this process.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Extract every file again; neither read nor write the cache.")
    ] = False,
    cache_dir: Annotated[
        Path, typer.Option("--cache-dir", help="Where extractions of unchanged inputs are kept (see docs/performance.md).")
    ] = DEFAULT_CACHE,
) -> None:
    """Read documents (.txt, .docx, .pdf) and write one normalized YAML per document."""
    from contextlib import nullcontext

    from hytetool.parallel import default_jobs
    from hytetool.pipeline import extract_paths
    from hytetool.progress import ExtractProgress
    from hytetool.report import print_extract_summary

    show = err.is_terminal and not State.quiet  # no bar in logs, pipes or with -q
    try:
        with ExtractProgress(err) if show else nullcontext() as progress:
            results = extract_paths(paths or [DEFAULT_RAW], output, force=force, profile_path=strategy,
                                    password=password, jobs=jobs or default_jobs(),
                                    cache_dir=None if no_cache else cache_dir, progress=progress)
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
    all_years: Annotated[
        bool, typer.Option("--all-years", help="Every year's documents plus a shared_id column that follows "
                           "one objective or action over time (see docs/tracking.md).")
    ] = False,
) -> None:
    """Write every record as one flat row (jsonl, csv or xlsx)."""
    from hytetool.export import export_paths

    try:
        count = export_paths(paths or [DEFAULT_NORMALIZED], format, output, year=year, all_years=all_years)
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
    from hytetool.pipeline import load_profile
    from hytetool.render import parse_formats, render_year

    try:
        result = render_year(paths or [DEFAULT_NORMALIZED], year, formats=parse_formats(formats), out_dir=output,
                             template_dir=template, lang=lang, profile=load_profile(DEFAULT_STRATEGY))
    except HyteError as exc:
        fail(exc)
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
    if not State.quiet:
        for path in result.outputs:
            typer.echo(f"wrote {path}")


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A document to look at (.txt, .docx, .xlsx, .pdf).")],
    page: Annotated[
        Optional[int], typer.Option("--page", "-p", help="PDF: draw this page (from 1) into a PNG and list it.")
    ] = None,
    output: Annotated[Path, typer.Option("--out", "-o", help="Folder for the picture.")] = DEFAULT_INSPECT,
    password: Annotated[Optional[str], typer.Option("--password", help="Password of an encrypted PDF.")] = None,
    strategy: Annotated[
        Path, typer.Option("--profile", help="Municipality profile whose heading words apply.")
    ] = DEFAULT_STRATEGY,
) -> None:
    """List the outline, tables, layout strategies and column roles found in a document;
    with --page, also draw that PDF page with its tables, cells and columns."""
    from hytetool.inspect_text import inspect_file
    from hytetool.pipeline import load_profile

    try:
        if page is not None:
            if file.suffix.lower() != ".pdf":
                raise HyteError(f"{file}: --page draws a PDF page; leave it out for a {file.suffix} file")
            from hytetool.inspect import inspect_pdf

            result = inspect_pdf(file, page, output, password=password)
            for line in result.listing:
                typer.echo(line)
            typer.echo(f"wrote {result.picture}")
        for line in inspect_file(file, load_profile(strategy), password):
            typer.echo(line)
    except HyteError as exc:
        fail(exc)


@app.command()
def kpi(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    sector: Annotated[
        Optional[str], typer.Option("--sector", help="Only this sector (toimiala); part of the name is enough.")
    ] = None,
) -> None:
    """Print the key figures with the forecast's deviation from the budget."""
    from hytetool.kpi_report import print_key_figures

    try:
        print_key_figures(out, paths or [DEFAULT_NORMALIZED], sector)
    except HyteError as exc:
        fail(exc)


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
        result = track_paths(paths or [DEFAULT_NORMALIZED], registry)
    except HyteError as exc:
        fail(exc)
    for ref in result.dropped:
        typer.echo(f"note: {ref} is no longer in its document; removed from the registry", err=True)
    for ref in result.split:
        typer.echo(f"note: {ref} taken out of its shared id (a distinct pair in the registry)", err=True)
    if not State.quiet:
        print_track(out, result)


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
        ws = open_workspace(paths or [DEFAULT_NORMALIZED])
        result = track_diff(ws.documents, a, b, tracking=ws.tracking)
        _notes(ws.notes)
        if fmt == "table":
            print_diff(out, result)
            return
        write_output(format_markdown(result) if fmt == "md" else format_jsonl(result), output)
        if output is not None and not State.quiet:
            err.print(f"wrote {output}", highlight=False)
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
        ws = open_workspace(paths or [DEFAULT_NORMALIZED])
        overview = status_overview(ws.documents, ws.tracking, year=year, by=by.lower())
    except HyteError as exc:
        fail(exc)
    _notes(ws.notes)
    print_status(out, overview)


def run() -> None:  # pragma: no cover - console entry for `python -m hytetool`
    sys.exit(app())
