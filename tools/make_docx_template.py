"""Build templates/report.docx: the Word template of the yearly report.

The template is an ordinary Word document with Jinja2 tags (docxtpl): open it in Word,
change styles, fonts and the letterhead, keep the tags. This script made the default
one; run it again (`make docx-template`) only to reset the default.

Tags used: {{ value }} in text, {%p ... %} in paragraphs of their own (the paragraph
disappears from the output), {%tr ... %} in table rows of their own (the row repeats).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_parts import (  # noqa: E402
    bullet_list, fld_char, landscape, page_number_footer, portrait, table, tag, update_fields_on_open,
)
from hytetool.ziputil import fixed_time_zip  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "hytetool" / "templates" / "report.docx"
FIXED_DATE = datetime(2000, 1, 1)


def toc(doc) -> None:
    """A TOC field whose shown text already lists the headings.

    Word rebuilds it with page numbers when the file opens (updateFields); a reader
    that does not update fields (LibreOffice's PDF export) still shows the entries.
    """
    first = doc.add_paragraph(style="TOC 1" if "TOC 1" in doc.styles else None)
    fld_char(first, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' TOC \\o "1-2" \\h \\z \\u '
    first.add_run()._r.append(instr)
    fld_char(first, "separate")
    first.add_run("{{ labels.digest }}")
    doc.add_paragraph("{{ labels.summary }}")
    doc.add_paragraph("{{ labels.goals }}")
    tag(doc, "{%p for goal in goals %}")
    doc.add_paragraph("\u2003{{ goal.name }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not plan %}")
    doc.add_paragraph("{{ labels.changes }}")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{ labels.key_figures }}")
    doc.add_paragraph("{{ labels.sdg_overview }}")
    last = doc.add_paragraph("{{ labels.sources }}")
    fld_char(last, "end")


def build() -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    first = doc.sections[0]
    portrait(first)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(first, side, Cm(2))
    page_number_footer(first)

    # title page: the title says what the year holds (report, interim status or plan)
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ municipality }}", style="Subtitle")
    doc.add_paragraph("{{ subtitle }}")
    tag(doc, "{%p if plan_period %}")
    doc.add_paragraph("{{ labels.plan_period }}: {{ plan_period }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for decision in council_decisions %}")
    doc.add_paragraph("{{ labels.council_decision }}: {{ decision }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if data_as_of %}")
    doc.add_paragraph("{{ labels.data_as_of }} {{ data_as_of }}")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{ labels.covers }}:")
    tag(doc, "{%p for item in covers %}")
    doc.add_paragraph("{{ item }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    digest(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # table of contents: a real TOC field, updated when Word opens the file
    doc.add_paragraph("{{ labels.toc }}", style="TOC Heading" if "TOC Heading" in doc.styles else "Heading 1")
    toc(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    summary(doc)

    # goals: wide action tables in a landscape section
    goals = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape(goals)
    doc.add_heading("{{ labels.goals }}", level=1)
    tag(doc, "{%p for goal in goals %}")
    doc.add_heading("{{ goal.name }}", level=2)
    bullet_list(doc, "goal.objectives", "{{ labels.objectives }}", "{{ text }}")
    bullet_list(doc, "goal.priorities", "{{ labels.priorities }}", "{{ text }}")
    tag(doc, "{%p if goal.sdg %}")
    doc.add_paragraph("{{ labels.goal_sdg }}: {% for s in goal.sdg %}{{ s.number }} {{ s.name }}"
                      "{{ ', ' if not loop.last }}{% endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for sector in goal.sectors %}")
    doc.add_heading("{{ sector.name }}", level=3)
    for plan in (False, True):
        for review in (False, True):
            tag(doc, "{%p if " + ("" if plan else "not ") + "plan and " + ("" if review else "not ") + "review %}")
            action_table(doc, plan, review)
            tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if goal.outcomes %}")
    doc.add_heading("{{ labels.outcomes }}", level=3)
    tag(doc, "{%p for o in goal.outcomes %}")
    doc.add_paragraph("{{ o.text }} ({{ o.sector }}{% if review %}, {{ o.source }}{% endif %})", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    # changes since the previous report (hyte track): still landscape, the tables are wide
    changes(doc)

    # key figures, SDG, sources: portrait again
    rest = doc.add_section(WD_SECTION.NEW_PAGE)
    portrait(rest)
    doc.add_heading("{{ labels.key_figures }}", level=1)
    tag(doc, "{%p for t in key_figures %}")
    doc.add_heading("{{ t.sector }}{% if t.area %} – {{ t.area }}{% endif %}", level=2)
    doc.add_paragraph("{% if t.responsible_person %}{{ labels.responsible_person }}: {{ t.responsible_person }} · "
                      "{% endif %}{{ labels.source }}: {{ t.source }}")
    table(doc,
          ["", "{{ t.head4[0] }}", "{{ t.head4[1] }}", "{{ t.head4[2] }}", "{{ t.head4[3] }}",
           "{{ labels.deviation }}", "{{ labels.deviation_pct }}"],
          ["{{ r.label }}{% if r.uncertain %} *{% if review %} ({{ labels.uncertain }}){% endif %}{% endif %}",
           "{{ r.values4[0] }}", "{{ r.values4[1] }}", "{{ r.values4[2] }}",
           "{{ r.values4[3] }}", "{{ r.deviation }}", "{{ r.deviation_pct }}"],
          "for r in t.rows", widths=[3.9, 2.2, 2.2, 2.2, 2.2, 2.4, 1.9], numeric=(1, 2, 3, 4, 5, 6))
    tag(doc, "{%p if t.rows|selectattr('uncertain')|list %}")
    doc.add_paragraph("* {{ labels.uncertain_note }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not key_figures %}")
    doc.add_paragraph("{{ labels.no_key_figures }}")
    tag(doc, "{%p endif %}")

    doc.add_heading("{{ labels.sdg_overview }}", level=1)
    tag(doc, "{%p if sdg %}")
    doc.add_paragraph("{{ labels.sdg_intro }}")
    table(doc, ["{{ labels.sdg }}", "", "{{ labels.sdg_goals }}", "{{ labels.count }}"],
          ["{{ s.number }}", "{{ s.name }}", "{{ s.goals }}", "{{ s.count }}"], "for s in sdg",
          widths=[1.5, 6.5, 6, 2.5], numeric=(0, 3))
    tag(doc, "{%p else %}")
    doc.add_paragraph("{{ labels.no_sdg }}")
    tag(doc, "{%p endif %}")

    doc.add_heading("{{ labels.sources }}", level=1)
    tag(doc, "{%p if review %}")
    table(doc,
          ["#", "{{ labels.title }}", "{{ labels.file }}", "{{ labels.kind }}", "{{ labels.period }}",
           "{{ labels.extent }}", "{{ labels.sha }}"],
          ["[{{ s.number }}]", "{{ s.title }}", "{{ s.file }}", "{{ s.kind }}", "{{ s.period }}",
           "{{ s.extent }}", "{{ s.sha }}"],
          "for s in sources", widths=[1, 4.5, 3.6, 2.2, 1.9, 2.1, 1.9])
    tag(doc, "{%p else %}")
    table(doc, ["#", "{{ labels.title }}", "{{ labels.kind }}", "{{ labels.period }}"],
          ["[{{ s.number }}]", "{{ s.title }}", "{{ s.kind }}", "{{ s.period }}"],
          "for s in sources", widths=[1, 10.2, 3.5, 2.5])
    tag(doc, "{%p endif %}")

    update_fields_on_open(doc)
    props = doc.core_properties
    props.author, props.title = "hytetool", "HYTE report template"  # render sets the report's own
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    import io

    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_time_zip(buffer.getvalue())


def digest(doc) -> None:
    """Tiivistelmä: the one page a council member reads first."""
    doc.add_heading("{{ labels.digest }}", level=1)
    doc.add_paragraph("{{ digest.lead }}")
    tag(doc, "{%p if not plan %}")
    table(doc, ["{{ labels.status }}", "{{ labels.count }}", "{{ labels.share }}"],
          ["{{ s.mark }}", "{{ s.count }}", "{{ s.share }}"], "for s in digest.statuses",
          widths=[6, 4.5, 3], numeric=(1, 2))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for g in digest.goals %}")
    paragraph = doc.add_paragraph()
    paragraph.add_run("{{ g.name }}").bold = True
    paragraph.add_run(" ({{ labels.actions_count }}: {{ g.count }})")
    tag(doc, "{%p if g.done %}")
    doc.add_paragraph("{{ labels.notable_done }}: {{ g.done|join('; ') }}", style="List Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if g.not_done %}")
    doc.add_paragraph("{{ labels.notable_not_done }}: {{ g.not_done|join('; ') }}", style="List Bullet")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    for key, label in (("changes", "changes"), ("notes", "data_missing")):
        tag(doc, "{%p if digest." + key + " %}")
        doc.add_paragraph().add_run("{{ labels." + label + " }}").bold = True
        tag(doc, "{%p for note in digest." + key + " %}")
        doc.add_paragraph("{{ note }}", style="List Bullet")
        tag(doc, "{%p endfor %}")
        tag(doc, "{%p endif %}")


def summary(doc) -> None:
    """Actions by status per goal and sector; the chart with its data as a table (plan: counts only)."""
    doc.add_heading("{{ labels.summary }}", level=1)
    tag(doc, "{%p if plan %}")
    table(doc, ["{{ labels.goal }}", "{{ labels.sector }}", "{{ labels.actions_count }}"],
          ["{{ row.goal }}", "{{ row.sector }}", "{{ row.total }}"], "for row in summary.rows",
          total=["{{ labels.total }}", "", "{{ summary.totals.total }}"], widths=[7, 6, 3], numeric=(2,))
    tag(doc, "{%p else %}")
    doc.add_paragraph("{{ labels.summary_intro }}")
    doc.add_paragraph("{{ chart }}")
    doc.add_paragraph("{{ labels.chart_caption }}", style="Caption")
    marks = ["{{ summary.statuses[%d].mark }}" % i for i in range(4)]
    keys = ["done", "in_progress", "not_done", "unknown"]
    doc.add_paragraph("{{ labels.chart_data }}:")
    table(doc, ["{{ labels.goal }}", *marks, "{{ labels.total }}"],
          ["{{ row.goal }}", *["{{ row.%s }}" % k for k in keys], "{{ row.total }}"], "for row in chart_rows",
          widths=[6.4, 2.2, 2.2, 2.2, 2.2, 1.8], numeric=(1, 2, 3, 4, 5))
    doc.add_paragraph("{{ labels.summary_by_sector }}:")
    table(doc, ["{{ labels.goal }}", "{{ labels.sector }}", *marks, "{{ labels.total }}"],
          ["{{ row.goal }}", "{{ row.sector }}", *["{{ row.%s }}" % k for k in keys], "{{ row.total }}"],
          "for row in summary.rows",
          total=["{{ labels.total }}", "", *["{{ summary.totals.%s }}" % k for k in keys],
                 "{{ summary.totals.total }}"],
          widths=[4.6, 3.8, 1.9, 1.9, 1.9, 1.9, 1.9], numeric=(2, 3, 4, 5, 6))
    tag(doc, "{%p if review %}")
    doc.add_paragraph("{{ labels.status_derived_note }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")


def action_table(doc, plan: bool, review: bool) -> None:
    """The actions of one goal and sector; a plan has no outcome or status yet, review adds the source."""
    headers = ["{{ labels.action }}", "{{ labels.responsible }}", "{{ labels.indicators }}"]
    cells = ["{{ a.text }}{% if a.sdg %} (SDG {{ a.sdg|join(', ') }}){% endif %}",
             "{{ a.responsible }}{% if a.schedule %} ({{ a.schedule }}){% endif %}", "{{ a.indicators }}"]
    widths = [11.0, 7.0, 7.7] if plan else [6.6, 4.4, 4.8, 7.4, 2.5]
    if not plan:
        headers += ["{{ labels.outcome }}", "{{ labels.status }}"]
        cells += ["{{ a.outcome }}{% if a.earlier_outcome %} ({{ labels.earlier_outcome }} {{ a.earlier_period }}: "
                  "{{ a.earlier_outcome }}, {{ a.earlier_status_label }}){% endif %}", "{{ a.status_mark }}"]
    if review:
        headers.append("{{ labels.source }}")
        cells.append("{{ a.source }} {{ a.source_file }}")
        widths = [w * (25.7 - 2.5) / 25.7 for w in widths] + [2.5]  # the source column takes its width
    table(doc, headers, cells, "for a in sector.actions", widths=widths)


def changes(doc) -> None:
    """Actions continued (outcome before and now), new and dropped since the previous report;
    a sector that did not report this year is told apart from dropped actions."""
    tag(doc, "{%p if not plan %}")
    doc.add_heading("{{ labels.changes }}", level=1)
    tag(doc, "{%p if changes.previous %}")
    doc.add_paragraph("{{ labels.changes_intro }}")
    doc.add_paragraph("{{ labels.changes_compared }}: {{ changes.previous }} "
                      "({{ changes.previous_documents|join('; ') }}) \u2192 {{ changes.current }}")
    table(doc,
          ["{{ labels.goal }}", "{{ labels.sector }}", "{{ labels.change_continued }}", "{{ labels.change_new }}",
           "{{ labels.change_dropped }}", "{{ labels.change_not_reported }}"],
          ["{{ row.goal }}", "{{ row.sector }}", "{{ row.continued }}", "{{ row.new }}", "{{ row.dropped }}",
           "{{ row.not_reported }}"],
          "for row in changes.rows",
          total=["{{ labels.total }}", "", "{{ changes.counts.continued }}", "{{ changes.counts.new }}",
                 "{{ changes.counts.dropped }}", "{{ changes.counts.not_reported }}"],
          widths=[6.5, 5, 3, 3, 3, 3], numeric=(2, 3, 4, 5))
    tag(doc, "{%p for g in changes.groups %}")
    doc.add_heading("{{ g.goal }} \u2013 {{ g.sector }}", level=2)
    tag(doc, "{%p if g.continued %}")
    table(doc,
          ["{{ labels.change_continued }}", "{{ labels.before }} ({{ changes.previous }})",
           "{{ labels.after }} ({{ changes.current }})"],
          ["{{ c.text }}{% if c.earlier_text %} ({{ labels.earlier_wording }}: {{ c.earlier_text }}){% endif %}",
           "{{ c.before_outcome }} ({{ c.before_status_label }})",
           "{{ c.after_outcome }} ({{ c.after_status_label }})"],
          "for c in g.continued", widths=[8.5, 8.5, 8.5])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if g.new %}")
    doc.add_paragraph("{{ labels.change_new }}{% if g.absent_before %} ({{ labels.sector_not_before }}){% endif %}:")
    tag(doc, "{%p for c in g.new %}")
    doc.add_paragraph("{{ c.text }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if g.dropped %}")
    tag(doc, "{%p if g.absent_now %}")
    doc.add_paragraph("{{ labels.change_not_reported }}: {{ labels.sector_not_now }} ({{ g.dropped|length }} "
                      "{{ labels.actions_in }} {{ changes.previous }}).")
    tag(doc, "{%p else %}")
    doc.add_paragraph("{{ labels.change_dropped }}:")
    tag(doc, "{%p for c in g.dropped %}")
    doc.add_paragraph("{{ c.text }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    doc.add_paragraph("{{ labels.changes_none }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
