"""Accessibility of the Word report, set after the template is filled in.

What a screen reader and LibreOffice's tagged-PDF export take from the Word file: the
language of the text (every style's w:lang, by --lang), the document's title, subject
and author (core properties; the PDF's title and the window title come from here) and
the chart's alternative text (wp:docPr descr, written from the chart's data). A
municipality's own template keeps its styles; only these properties are set.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# --lang -> the language tag of the text (BCP 47 as Word writes it).
LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-GB"}


def set_language(document: WordDocument, lang: str) -> None:
    """Every style and the document defaults say the text is in `lang`."""
    tag = LANGUAGE_TAGS.get(lang, lang)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    _set_lang(run_defaults, tag)
    for style in styles.iter(qn("w:style")):
        properties = style.find(qn("w:rPr"))
        if properties is not None and properties.find(qn("w:lang")) is not None:
            _set_lang(properties, tag)


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _set_lang(run_properties: Any, tag: str) -> None:
    lang = _child(run_properties, "w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)


def set_properties(document: WordDocument, context: dict[str, Any]) -> None:
    """Title, subject, author and language: what a PDF reader shows as the document's name."""
    props = document.core_properties
    props.title = context["title"]
    props.subject = context["subtitle"]
    props.author = props.last_modified_by = context["municipality"] or "hytetool"
    props.language = LANGUAGE_TAGS.get(context["lang"], context["lang"])
    props.keywords = context["labels"].get("keywords", "")
    props.comments = ""
    props.category = context["labels"].get("category", "")


def set_alt_texts(document: WordDocument, alt: str, title: str) -> None:
    """Every picture of the report (the status chart) gets its alternative text."""
    for element in document.element.body.iter(qn("wp:docPr")):
        element.set("descr", alt)
        element.set("title", title)
