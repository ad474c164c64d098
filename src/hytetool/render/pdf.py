"""The publishable PDF: the Word report converted by LibreOffice (headless).

Municipalities publish the yearly report as a PDF that must meet WCAG 2.1 AA (act
306/2019): tagged, with bookmarks, a title and a language. A plain `soffice
--convert-to pdf` leaves the table of contents as Word last saved it (no page numbers),
so the conversion runs a small LibreOffice Basic macro instead: it opens the report,
updates every index (the TOC gets its page numbers), and exports with the
writer_pdf_Export filter options UseTaggedPDF, PDFUACompliance, ExportBookmarks and
DisplayPDFDocumentTitle. The title and language come from the Word file's core
properties and styles (render/docx.py sets them).

The macro lives in a throwaway LibreOffice user profile (the "My Macros" library, which
LibreOffice trusts), so the user's own profile and a running LibreOffice are never
touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from hytetool.render.templates import RenderError

SOFFICE_NAMES = ("soffice", "libreoffice")
INSTALL_HINT = ("LibreOffice not found, PDF not written: install it (Debian/Ubuntu: "
                "`apt-get install libreoffice-writer-nogui`; macOS: `brew install --cask libreoffice`) "
                "or set HYTE_SOFFICE to its soffice program")
# A cold LibreOffice start on a small CI machine plus a long report's layout.
CONVERT_TIMEOUT_S = 300
# The profile is created by a first start (LibreOffice rewrites a library list it did
# not make), then the macro module is added to the Standard library it created.
MODULE = "HyteExport"
INDEX_PASSES = 2  # the TOC itself takes pages: the second update sees the final page numbers

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="HyteExport" script:language="StarBasic">
Function Prop(name As String, value) As com.sun.star.beans.PropertyValue
  Dim p As New com.sun.star.beans.PropertyValue
  p.Name = name
  p.Value = value
  Prop = p
End Function

Sub ExportPdf(inUrl As String, outUrl As String)
  On Error GoTo Done
  Dim doc As Object, indexes As Object, pass As Integer, i As Integer
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, Array(Prop(&quot;Hidden&quot;, True)))
  For pass = 1 To {passes}
    indexes = doc.getDocumentIndexes()
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
  Next pass
  doc.getTextFields().refresh()
  Dim options
  options = Array(Prop(&quot;UseTaggedPDF&quot;, True), Prop(&quot;PDFUACompliance&quot;, True), _
                  Prop(&quot;ExportBookmarks&quot;, True), Prop(&quot;OpenBookmarkLevels&quot;, -1), _
                  Prop(&quot;DisplayPDFDocumentTitle&quot;, True), Prop(&quot;ExportNotes&quot;, False), _
                  Prop(&quot;UseLosslessCompression&quot;, True))
  doc.storeToURL(outUrl, Array(Prop(&quot;FilterName&quot;, &quot;writer_pdf_Export&quot;), Prop(&quot;FilterData&quot;, options)))
  doc.close(True)
Done:
  StarDesktop.terminate()
End Sub
</script:module>
""".replace("{passes}", str(INDEX_PASSES))


def find_soffice() -> str | None:
    """LibreOffice's soffice: $HYTE_SOFFICE, else the first on PATH."""
    configured = os.environ.get("HYTE_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else None
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def docx_to_pdf(docx: Path, pdf: Path, soffice: str) -> None:
    """Convert `docx` to a tagged PDF at `pdf` (indexes updated); RenderError on failure."""
    with tempfile.TemporaryDirectory(prefix="hyte-lo-") as tmp:
        profile = Path(tmp) / "profile"
        written = Path(tmp) / "report.pdf"
        _run(soffice, profile, ["--terminate_after_init"])
        _install_macro(profile)
        call = f'macro:///Standard.{MODULE}.ExportPdf("{docx.resolve().as_uri()}","{written.as_uri()}")'
        _run(soffice, profile, [call])
        if not written.is_file() or written.stat().st_size == 0:
            raise RenderError(f"{docx}: LibreOffice wrote no PDF; open the Word report in LibreOffice to see why")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        tmp_target = pdf.with_name(pdf.name + ".tmp")
        shutil.copyfile(written, tmp_target)
        os.replace(tmp_target, pdf)  # atomic: a reader never sees half a PDF


def _run(soffice: str, profile: Path, args: list[str]) -> None:
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", *args]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise RenderError(f"LibreOffice did not finish in {CONVERT_TIMEOUT_S} s; PDF not written") from None
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RenderError(f"LibreOffice ({soffice}) failed: {exc}; PDF not written") from None


def _install_macro(profile: Path) -> None:
    """Add the export module to the Standard Basic library of a fresh profile."""
    library = profile / "user" / "basic" / "Standard"
    index = library / "script.xlb"
    if not index.is_file():
        raise RenderError(f"LibreOffice did not create its profile in {profile}; PDF not written")
    (library / f"{MODULE}.xba").write_text(MACRO, encoding="utf-8")
    text = index.read_text(encoding="utf-8")
    entry = f'<library:element library:name="{MODULE}"/>'
    if entry not in text:
        text = text.replace("</library:library>", f" {entry}\n</library:library>")
        index.write_text(text, encoding="utf-8")
