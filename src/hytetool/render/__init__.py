"""`hyte render` as a library: one consolidated yearly report per format.

The same context (render/context.py) feeds every format: Markdown through a Jinja2
template, Word through a .docx template with Jinja2 tags (docxtpl). Output is
deterministic: the same YAML gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hytetool.profile import GENERIC, Profile, active
from hytetool.model import Document
from hytetool.render.chart import status_chart
from hytetool.render.context import Selected, build_context, chart_series, years_covered
from hytetool.render.templates import RenderError, TemplateSet
from hytetool.corpus import covers_year, document_files
from hytetool.errors import HyteError
from hytetool.gcpause import collector_paused
from hytetool.validate import validate_file
from hytetool.yamlguard import read_yaml_file
from hytetool.yamlio import atomic_write_bytes, load_document, read_document_data

FORMATS = ("docx", "md")


@dataclass
class RenderResult:
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    documents: int = 0


def load_inputs(paths: list[Path]) -> list[tuple[Path, Document]]:
    """Every document YAML under `paths`, validated; any problem stops the render."""
    try:
        files = document_files(paths)
    except HyteError as exc:
        raise RenderError(str(exc)) from None
    if not files:
        raise RenderError(f"no normalized YAML found in {', '.join(map(str, paths))}; run `hyte extract` first")
    texts = {f: _text_of(f) for f in files}
    loaded = [(f, read_document_data(t) if t is not None else None) for f, t in texts.items()]  # parsed once
    problems = [str(p) for f, doc in loaded if doc is None for p in validate_file(f)]
    if problems:
        raise RenderError("invalid input, nothing rendered:\n" + "\n".join(problems))
    # None without a problem: valid as YAML 1.2 reads it (`on`, `yes` as text), not as the
    # fast YAML 1.1 reader does; such a file is read the exact way, never left out.
    return [(f, doc if doc is not None else load_document(f)) for f, doc in loaded]


def _text_of(path: Path) -> str | None:
    """The file's text, or None when it cannot be read as UTF-8 within the limits
    (validate_file then names the problem)."""
    try:
        return read_yaml_file(path)
    except (HyteError, OSError):
        return None


def select_year(inputs: list[tuple[Path, Document]], year: int) -> list[Selected]:
    chosen = [(p, d) for p, d in inputs if covers_year(d, year)]
    if not any(d.period for _, d in chosen):
        years = years_covered([d for _, d in inputs])
        listed = ", ".join(map(str, years)) or "none"
        raise RenderError(f"no report or plan covers {year}; years in the data: {listed}")
    chosen.sort(key=lambda item: (item[1].source.file, item[0].name))
    return [Selected(path, doc, n) for n, (path, doc) in enumerate(chosen, start=1)]


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise RenderError(f"unknown format '{','.join(unknown) or text}'; use docx, md or docx,md")
    return sorted(set(formats), key=FORMATS.index)


def render_year(paths: list[Path], year: int, *, formats: list[str], out_dir: Path,
                template_dir: Path | None = None, lang: str = "fi", profile: Profile = GENERIC) -> RenderResult:
    """Render the year's report in each of `formats` into `out_dir`.

    Runs with the garbage collector paused: what it builds is kept until the end (see
    gcpause.py; a third of a large year's time went to collections finding nothing)."""
    with collector_paused(), active(profile):  # the profile orders the sectors
        return _render_year(paths, year, formats=formats, out_dir=out_dir, template_dir=template_dir, lang=lang)


def _render_year(paths: list[Path], year: int, *, formats: list[str], out_dir: Path,
                 template_dir: Path | None, lang: str) -> RenderResult:
    templates = TemplateSet(template_dir)
    labels = templates.messages(lang)
    inputs = load_inputs(paths)
    selected = select_year(inputs, year)
    context = build_context(selected, year, labels, lang, inputs=[d for _, d in inputs], paths=paths)
    stem = f"hyte-report-{year}.{lang}"
    chart_png = status_chart(*chart_series(context["summary"]), labels)
    result = RenderResult(documents=len(selected))
    if "md" in formats:
        from hytetool.render.markdown import render_markdown

        chart_path = out_dir / f"{stem}.chart.png"
        atomic_write_bytes(chart_path, chart_png)
        text = render_markdown(templates, {**context, "chart": chart_path.name})
        target = out_dir / f"{stem}.md"
        atomic_write_bytes(target, text.encode("utf-8"))
        result.outputs += [target, chart_path]
    if "docx" in formats:
        from hytetool.render.docx import render_docx

        target = out_dir / f"{stem}.docx"
        atomic_write_bytes(target, render_docx(templates, context, chart_png))
        result.outputs.append(target)
    result.notes = list(templates.notes)
    return result
