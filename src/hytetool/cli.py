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
from hytetool.cli_support import PDF_SOURCE_HELP, PROFILE_HELP, init_command, profile_path, safe_console, workspace
from hytetool.cliguard import GuardedGroup
from hytetool.errors import HyteError
from hytetool.extract.settings import ExtractionSettings, PdfSource

EXIT_OK = 0
EXIT_INPUT_PROBLEM = 1
EXIT_USAGE = 2
FLAG = ""  # the metavar of an on/off option: help shows `--force`, not `--force <bool>`

# Default folders come from the workspace (the folder with hyte-profile.yaml, found
# upwards from here; workspace.py), so they are the same from any subfolder.

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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show details and tracebacks.", metavar=FLAG)] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.", metavar=FLAG)] = False,
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.",
                     metavar=FLAG),
    ] = None,
) -> None:
    """hytetool: extract, validate and export welfare-plan data."""
    safe_console()
    State.verbose = verbose
    State.quiet = quiet


def fail(exc: BaseException) -> None:
    """One clear line for a user error; the traceback only with -v."""
    if State.verbose:
        err.print_exception()
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(EXIT_INPUT_PROBLEM)


app.command(name="init")(init_command)


@app.command()
def schema(
    output: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Where to write the JSON Schema (default: schema/ of the workspace).")
    ] = None,
) -> None:
    """Write the JSON Schema of the normalized YAML (for editors and CI)."""
    from hytetool.schema import write_json_schema

    try:
        path = write_json_schema(output or workspace().schema)
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

    report = validate_paths(paths or [workspace().normalized])
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
    output: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Folder for the normalized YAML (default: data/normalized/).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files even when they were edited by hand.", metavar=FLAG)
    ] = False,
    profile: Annotated[Optional[Path], typer.Option("--profile", help=PROFILE_HELP)] = None,
    strategy: Annotated[
        Optional[Path], typer.Option("--strategy", hidden=True, help="The old name of --profile.")
    ] = None,
    password: Annotated[
        Optional[str], typer.Option("--password", help="Password of encrypted PDFs.")
    ] = None,
    jobs: Annotated[
        Optional[int], typer.Option("--jobs", "-j", min=1, help="Files read in parallel (default: the number of "
                                    "CPUs); 1 reads them one by one in this process.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Extract every file again; neither read nor write the cache.",
                     metavar=FLAG)
    ] = False,
    cache_dir: Annotated[
        Optional[Path], typer.Option("--cache-dir", help="Where extractions of unchanged inputs are kept (default: "
                                     ".hyte-cache/ of the workspace; see docs/performance.md).")
    ] = None,
    pdf_source: Annotated[PdfSource, typer.Option("--pdf-source", help=PDF_SOURCE_HELP)] = PdfSource.pdfium,
) -> None:
    """Read documents (.pdf .docx .xlsx .txt; .doc .odt .rtf .xls .ods via LibreOffice) into one normalized YAML each."""
    from contextlib import nullcontext

    from hytetool.parallel import default_jobs
    from hytetool.pipeline import extract_paths
    from hytetool.progress import ExtractProgress
    from hytetool.report import print_extract_summary

    show = err.is_terminal and not State.quiet  # no bar in logs, pipes or with -q
    try:
        with ExtractProgress(err) if show else nullcontext() as progress:
            ws = workspace()
            results = extract_paths(paths or [ws.raw], output or ws.normalized, force=force,
                                    profile_path=profile_path(profile, State.quiet, strategy),
                                    password=password, jobs=jobs or default_jobs(),
                                    cache_dir=None if no_cache else cache_dir or ws.cache, progress=progress,
                                    settings=ExtractionSettings(pdf_source=pdf_source))
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
        bool, typer.Option("--all-years", metavar=FLAG, help="Every year's documents plus a shared_id column that follows "
                           "one objective or action over time (see docs/tracking.md).")
    ] = False,
) -> None:
    """Write every record as one flat row (jsonl, csv or xlsx)."""
    from hytetool.export import export_paths

    try:
        count = export_paths(paths or [workspace().normalized], format, output, year=year, all_years=all_years)
    except HyteError as exc:
        fail(exc)
    if output is not None and not State.quiet:
        err.print(f"wrote {count.records} records to {output}", highlight=False)
    if count.unplaced and not State.quiet:
        err.print(f"{count.unplaced} of them are text hyte could not place (record 'unplaced', see column"
                  " 'reason'); docs/profile.md says how to teach hyte the template", highlight=False)


@app.command()
def render(
    year: Annotated[int, typer.Option("--year", help="The year the report covers, e.g. 2023.")],
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    formats: Annotated[str, typer.Option("--format", "-f", help="docx, md, pdf or a list (docx,md,pdf); default: all, "
                                         "pdf when LibreOffice is found.")] = "auto",
    template: Annotated[
        Optional[Path], typer.Option("--template", help="Folder with your own report.docx / report.md.j2 / messages.")
    ] = None,
    lang: Annotated[
        Optional[str], typer.Option("--lang", help="Report language: fi, sv or en (default: the profile's language).")
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Folder for the reports (default: build/reports/).")
    ] = None,
    profile: Annotated[Optional[Path], typer.Option("--profile", help=PROFILE_HELP)] = None,
    audience: Annotated[str, typer.Option("--audience", help="council (default: the report to publish) or review "
                                          "(source file, page and lines beside each row).")] = "council",
) -> None:
    """Render the yearly report (Word, Markdown and a tagged PDF) from the normalized YAML."""
    from hytetool.pipeline import load_profile
    from hytetool.render import parse_formats, render_year

    try:
        chosen = load_profile(profile_path(profile, State.quiet))
        result = render_year(paths or [workspace().normalized], year, formats=parse_formats(formats),
                             out_dir=output or workspace().reports, template_dir=template,
                             lang=lang or chosen.language, profile=chosen,
                             audience=audience, pdf_required=formats.strip().lower() != "auto")
    except HyteError as exc:
        fail(exc)
    for kind, lines in (("note", result.notes), ("warning", result.warnings)):
        for line in lines:
            typer.echo(f"{kind}: {line}", err=True)
    if not State.quiet:
        for path in result.outputs:
            typer.echo(f"wrote {path}")
    if result.failed:  # a format asked for by name could not be written (the others were)
        fail(HyteError("; ".join(result.failed)))


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(help="A document to look at (.txt, .docx, .xlsx, .pdf).")],
    page: Annotated[
        Optional[int], typer.Option("--page", "-p", help="PDF: draw this page (from 1) into a PNG and list it.")
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Folder for the picture (default: build/inspect/).")
    ] = None,
    password: Annotated[Optional[str], typer.Option("--password", help="Password of an encrypted PDF.")] = None,
    profile: Annotated[Optional[Path], typer.Option("--profile", help=PROFILE_HELP)] = None,
    pdf_source: Annotated[PdfSource, typer.Option("--pdf-source", help=PDF_SOURCE_HELP)] = PdfSource.pdfium,
) -> None:
    """List the outline, tables, layout strategies and column roles found in a document;
    with --page, also draw that PDF page with its tables, cells and columns."""
    from hytetool.inspect_text import inspect_file
    from hytetool.pipeline import load_profile

    settings = ExtractionSettings(pdf_source=pdf_source)
    try:
        if page is not None:
            if file.suffix.lower() != ".pdf":
                raise HyteError(f"{file}: --page draws a PDF page; leave it out for a {file.suffix} file")
            from hytetool.inspect import inspect_pdf

            result = inspect_pdf(file, page, output or workspace().inspect, settings, password=password)
            for line in result.listing:
                typer.echo(line)
            typer.echo(f"wrote {result.picture}")
        for line in inspect_file(file, load_profile(profile_path(profile, State.quiet)), password, settings):
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
        print_key_figures(out, paths or [workspace().normalized], sector)
    except HyteError as exc:
        fail(exc)


@app.command()
def check(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Normalized YAML files or folders (default data/normalized/).")
    ] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Check only the documents of this year.")] = None,
) -> None:
    """Everything to look at before publishing a report, grouped and counted (exit 1: something to fix)."""
    from hytetool.check import check_paths, must_fix, report_lines

    try:
        findings = check_paths(paths or [workspace().normalized], year)
    except HyteError as exc:
        fail(exc)
    typer.echo("\n".join(report_lines(findings)))
    raise typer.Exit(EXIT_INPUT_PROBLEM if any(must_fix(f) for f in findings) else EXIT_OK)


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
        documents = [doc for _, doc in load_inputs(paths or [workspace().normalized])]
    except HyteError as exc:
        fail(exc)
    for year in years_covered(documents):
        typer.echo(str(year))


# The tracking commands (track, diff, status) live in cli_track.py; importing it adds them.
from hytetool import cli_track  # noqa: E402,F401


def run() -> None:
    """The `hyte` command and `python -m hytetool`: -q/-v also after the command."""
    from hytetool.cli_support import hoist_global_flags

    sys.exit(app(args=hoist_global_flags(typer.main.get_command(app), sys.argv[1:]), prog_name="hyte"))
