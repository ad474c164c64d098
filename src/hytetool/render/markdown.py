"""The Markdown report: the context through templates/report.md.j2 (Jinja2 sandbox)."""

from __future__ import annotations

from typing import Any

from jinja2 import FileSystemLoader

from hytetool.render.templates import MARKDOWN_TEMPLATE, TemplateSet, environment, template_error


def render_markdown(templates: TemplateSet, context: dict[str, Any]) -> str:
    """The report's Markdown. The template's own folder is its loader, so {% include %}
    and {% extends %} find files beside it. Any failure of a user's template (a Jinja2
    error, ZeroDivisionError, RecursionError, bytes that are not UTF-8, ...) is one
    RenderError naming the template file and line."""
    path = templates.path(MARKDOWN_TEMPLATE)
    env = environment()
    env.loader = FileSystemLoader(str(path.parent))
    try:
        template = env.from_string(path.read_text(encoding="utf-8"))
        template.filename = str(path)
        return template.render(**context)
    except Exception as exc:  # noqa: BLE001 - a user's template can raise anything
        raise template_error(path, exc) from None
