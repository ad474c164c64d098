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
from hytetool.render.context import Selected, build_context, years_covered
from hytetool.render.sections import chart_series
from hytetool.render.templates import RenderError, TemplateSet
from hytetool.corpus import covers_year, document_files, duplicate_ids, merged_name, pending_versions
from hytetool.errors import HyteError
from hytetool.gcpause import collector_paused
from hytetool.validate import validate_file
from hytetool.yamlguard import read_yaml_file
from hytetool.yamlio import atomic_write_bytes, load_document, read_document_data

FORMATS = ("docx", "md", "pdf")
DEFAULT_FORMATS = "auto"  # docx and md, plus pdf when LibreOffice is found


@dataclass
class RenderResult:
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    documents: int = 0
    warnings: list[str] = field(default_factory=list)  # worth a look before publishing (hyte check)
    failed: list[str] = field(default_factory=list)  # a requested format that could not be written


def load_inputs(paths: list[Path]) -> list[tuple[Path, Document]]:
    """Every document YAML under `paths`, validated; any problem stops the render."""
    named, _ = pending_versions(paths)
    if named:
        raise RenderError(f"{named[0]}: a new version waiting beside the hand-edited {merged_name(named[0]).name},"
                          " not a document; merge what you need into that file and delete this one"
                          " (name the folder, not *.yaml, to skip such files)")
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
    documents = [(f, doc if doc is not None else load_document(f)) for f, doc in loaded]
    for ident, first, other in duplicate_ids(documents):
        raise RenderError(f"{other}: document id '{ident}' is also the id of {first}; a document counts once:"
                          " remove the copy or give one of them its own id")
    return documents


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
    """'docx,md' -> ['docx', 'md']; 'auto' -> all three (pdf only when LibreOffice is found)."""
    if text.strip().lower() == DEFAULT_FORMATS:
        return list(FORMATS)
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise RenderError(f"unknown format '{','.join(unknown) or text}'; use docx, md, pdf or a list such as docx,md,pdf")
    return sorted(set(formats), key=FORMATS.index)


def render_year(paths: list[Path], year: int, *, formats: list[str], out_dir: Path,
                template_dir: Path | None = None, lang: str = "fi", profile: Profile = GENERIC,
                audience: str = "council", pdf_required: bool = True) -> RenderResult:
    """Render the year's report in each of `formats` into `out_dir`.

    Runs with the garbage collector paused: what it builds is kept until the end (see
    gcpause.py; a third of a large year's time went to collections finding nothing)."""
    with collector_paused(), active(profile):  # the profile orders the sectors
        return _render_year(paths, year, formats=formats, out_dir=out_dir, template_dir=template_dir, lang=lang,
                            audience=audience, pdf_required=pdf_required)


def _render_year(paths: list[Path], year: int, *, formats: list[str], out_dir: Path,
                 template_dir: Path | None, lang: str, audience: str, pdf_required: bool) -> RenderResult:
    templates = TemplateSet(template_dir)
    labels = templates.messages(lang)
    inputs = load_inputs(paths)
    selected = select_year(inputs, year)
    context = build_context(selected, year, labels, lang, inputs=[d for _, d in inputs], paths=paths,
                            audience=audience)
    stem = f"hyte-report-{year}.{lang}"
    chart_png = status_chart(*chart_series(context["summary"]), labels)
    result = RenderResult(documents=len(selected), warnings=publishing_warnings(selected))
    result.notes += [f"{p}: skipped, a new version waiting to be merged into {merged_name(p).name}"
                     for p in pending_versions(paths)[1]]
    if "md" in formats:
        from hytetool.render.markdown import render_markdown

        chart_path = out_dir / f"{stem}.chart.png"
        if not context["plan"]:  # a plan has no statuses to chart
            atomic_write_bytes(chart_path, chart_png)
        text = render_markdown(templates, {**context, "chart": "" if context["plan"] else chart_path.name})
        target = out_dir / f"{stem}.md"
        atomic_write_bytes(target, text.encode("utf-8"))
        result.outputs += [target] if context["plan"] else [target, chart_path]
    if "docx" in formats or "pdf" in formats:
        from hytetool.render.docx import render_docx

        word = render_docx(templates, context, chart_png)
        target = out_dir / f"{stem}.docx"
        if "docx" in formats:
            atomic_write_bytes(target, word)
            result.outputs.append(target)
        if "pdf" in formats:
            _write_pdf(word, target, out_dir / f"{stem}.pdf", result, pdf_required, "docx" in formats)
    result.notes = list(templates.notes) + result.notes
    return result


def publishing_warnings(selected: list[Selected]) -> list[str]:
    """What the command line says even when the report is written: uncertain key figures
    (printed in the report with a note) and stale derived statuses (derived again)."""
    from hytetool.check import stale_statuses, uncertain_figures

    found = [f for item in selected for f in uncertain_figures(item.path, item.document)
             + stale_statuses(item.path, item.document)]
    return [f"{f.file}: {f.record}: {f.what}" for f in found]


def _write_pdf(word: bytes, docx: Path, pdf: Path, result: RenderResult, pdf_required: bool,
               word_written: bool) -> None:
    """The PDF through LibreOffice; without it, a failure naming how to install it."""
    from hytetool.render.pdf import INSTALL_HINT, docx_to_pdf, find_soffice

    soffice = find_soffice()
    if soffice is None:
        (result.failed if pdf_required else result.notes).append(INSTALL_HINT)
        return
    if word_written:
        docx_to_pdf(docx, pdf, soffice)
    else:  # only the PDF asked for: the Word file is a step on the way (an older one in --out is not it)
        import tempfile

        with tempfile.TemporaryDirectory(prefix="hyte-pdf-") as tmp:
            step = Path(tmp) / docx.name
            step.write_bytes(word)
            docx_to_pdf(step, pdf, soffice)
    result.outputs.append(pdf)
