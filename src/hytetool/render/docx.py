"""The Word report: the context through templates/report.docx (docxtpl).

docxtpl renders the template's Jinja2 tags inside Word's XML, so a municipality can
restyle the template in Word. The result is made deterministic: fixed document dates
and fixed zip entry times, so the same data gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from docx.shared import Cm
from docxtpl import InlineImage

from hytetool.render.docx_access import set_alt_texts, set_language, set_properties
from hytetool.ziputil import fixed_time_zip
from hytetool.render.docx_template import FastDocxTemplate
from hytetool.render.templates import DOCX_TEMPLATE, RenderError, TemplateSet, environment, template_error

FIXED_DATE = datetime(2000, 1, 1)  # core properties: a report's bytes must not depend on the clock
CHART_WIDTH = Cm(16)
KPI_COLUMNS = 4  # TP, TA, TOTEUMA, TP-ENNUSTE: the template has four value columns


def _four(values: list[Any], fill: str) -> list[Any]:
    return (list(values) + [fill] * KPI_COLUMNS)[:KPI_COLUMNS]


def render_docx(templates: TemplateSet, context: dict[str, Any], chart_png: bytes) -> bytes:
    path = templates.path(DOCX_TEMPLATE)
    try:
        template = FastDocxTemplate(str(path))
        template.init_docx()  # opens the file now: a damaged .docx is named here, not deep in render
    except Exception as exc:  # noqa: BLE001 - PackageNotFoundError, BadZipFile, KeyError, XMLSyntaxError, ...
        raise RenderError(f"{path}: not a Word template ({type(exc).__name__}); open it in Word and save it "
                          "as .docx again") from None
    data = dict(context)
    data["chart"] = InlineImage(template, io.BytesIO(chart_png), width=CHART_WIDTH)
    data["key_figures"] = [
        {**t, "head4": _four(t["columns"], ""), "rows": [{**r, "values4": _four(r["values"], "")} for r in t["rows"]]}
        for t in context["key_figures"]
    ]
    try:
        template.render(data, jinja_env=environment(), autoescape=True)
    except Exception as exc:  # noqa: BLE001 - a user's template can raise anything (see template_error)
        raise template_error(path, exc) from None
    set_language(template.docx, context["lang"])
    set_properties(template.docx, context)
    set_alt_texts(template.docx, context["chart_alt"], context["labels"]["chart_caption"])
    props = template.docx.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    buffer = io.BytesIO()
    template.save(buffer)
    return fixed_time_zip(buffer.getvalue())
