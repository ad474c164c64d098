"""The Markdown report: the context through templates/report.md.j2 (Jinja2 sandbox)."""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateError

from hytetool.render.templates import MARKDOWN_TEMPLATE, TemplateSet, environment, template_error


def render_markdown(templates: TemplateSet, context: dict[str, Any]) -> str:
    path = templates.path(MARKDOWN_TEMPLATE)
    env = environment()
    try:
        template = env.from_string(path.read_text(encoding="utf-8"))
        template.filename = str(path)
        return template.render(**context)
    except TemplateError as exc:
        raise template_error(path, exc) from None
