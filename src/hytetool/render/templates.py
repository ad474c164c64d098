"""Finding templates and message catalogs, and turning template errors into one line.

Defaults ship inside the package (`hytetool/templates/`). `--template DIR` overrides any file
it contains; a file the folder lacks falls back to the default, and the caller is told.
Templates run in Jinja2's sandbox with undefined variables as errors, so a typo in a
municipality's own template is caught, named by file and line, instead of printing
an empty cell.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from hytetool.errors import HyteError
from hytetool.resources import resource_path
from hytetool.yamlio import read_yaml_text

# The shipped templates, found through importlib.resources (resources.py) so an installed
# wheel renders anywhere.
DEFAULT_TEMPLATE_DIR = resource_path("templates")
MARKDOWN_TEMPLATE = "report.md.j2"
DOCX_TEMPLATE = "report.docx"
LANGUAGES = ("fi", "sv", "en")


class RenderError(HyteError):
    """A report could not be rendered; the message names the file and line."""


@dataclass
class TemplateSet:
    custom: Path | None = None
    notes: list[str] = field(default_factory=list)

    def path(self, name: str) -> Path:
        """The custom file when present, else the default (noting the fallback once)."""
        if self.custom is not None:
            candidate = self.custom / name
            if candidate.is_file():
                return candidate
            note = f"{self.custom} has no {name}; using the default template"
            if note not in self.notes:
                self.notes.append(note)
        default = DEFAULT_TEMPLATE_DIR / name
        if not default.is_file():
            raise RenderError(f"default template {default} is missing; reinstall hytetool")
        return default

    def messages(self, lang: str) -> dict[str, str]:
        if lang not in LANGUAGES:
            raise RenderError(f"unknown language '{lang}'; use one of {', '.join(LANGUAGES)}")
        labels = _read_messages(DEFAULT_TEMPLATE_DIR / "messages" / f"{lang}.yaml")
        if self.custom is not None and (self.custom / "messages" / f"{lang}.yaml").is_file():
            labels.update(_read_messages(self.custom / "messages" / f"{lang}.yaml"))
        return labels


def _read_messages(path: Path) -> dict[str, str]:
    try:
        data = read_yaml_text(path.read_text(encoding="utf-8"))
    except Exception as exc:
        raise RenderError(f"{path}: not a valid message catalog ({exc})") from None
    if not isinstance(data, dict):
        raise RenderError(f"{path}: a message catalog is a mapping of label -> text")
    return {str(k): str(v) for k, v in data.items()}


def environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, keep_trailing_newline=True,
                               trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters["cell"] = markdown_cell
    return env


def markdown_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks as <br>."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def template_error(path: Path, exc: BaseException) -> RenderError:
    """'templates/report.md.j2:12: 'goal' is undefined' from any failure of a template:
    Jinja2's own errors, and what the template's expressions raise (ZeroDivisionError,
    OverflowError, RecursionError, TypeError, ...), named by their kind. A Word template's
    line is its line in word/document.xml as docxtpl prepares it."""
    line = getattr(exc, "lineno", None) if isinstance(exc, TemplateSyntaxError) else None
    if line is None and not isinstance(exc, RecursionError):  # its traceback is thousands of frames
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename and Path(frame.filename).name in (path.name, "<template>"):
                line = frame.lineno
                break
    if isinstance(exc, UnicodeDecodeError):
        return RenderError(f"{path}: not UTF-8 text (byte {exc.start}); save the template as UTF-8")
    if isinstance(exc, TemplateError):
        message = exc.message or type(exc).__name__
    elif isinstance(exc, RecursionError):
        message = "the template calls itself without end (RecursionError); check its macros and includes"
    else:
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return RenderError(f"{path}:{line or '?'}: {message.splitlines()[0] if message else message}")
