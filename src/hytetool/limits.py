"""Bounds on the work one input may cause: limits, not luck.

A hostile or broken file (a table cell spanning two billion columns, a sheet claiming a
cell at XFD1048576, a zip that inflates a thousandfold, a YAML alias bomb) must fail with
one line naming the file, never take all memory or run for minutes. Every limit is far
above what a real municipal welfare plan needs (the figure each was set from is in its
comment) and far below what would hurt a 1 GB, two-core machine. A limit that is hit
raises LimitError, a HyteError: the CLI prints its one line and the batch goes on.
"""

from __future__ import annotations

from hytetool.errors import InputError

# ------------------------------------------------------------------ any input file

# A 150-page report with pictures is tens of MB (the test documents are under 100 KB);
# every reader holds the whole file in memory, so this bounds what one worker reads.
MAX_INPUT_BYTES = 200 * 1024 * 1024

# Seconds one file may take to be read and normalized before its worker stops it (a
# watchdog for what no limit above foresaw). The slowest test document takes 3 s; a
# 150-page report on one slow core about a minute.
MAX_FILE_SECONDS = 300

# ------------------------------------------------------------------ text (.txt)

# A year's plan exported as text is under 1 MB (the largest test export is 58 KB); the
# characters are bounded by MAX_MODEL_CHARS below, this only bounds the read (UTF-32
# takes four bytes a character).
MAX_TEXT_BYTES = 32 * 1024 * 1024
# One line of a text export is a paragraph or a tab-separated table row (< 10,000
# characters in every seed); longer "lines" are binary or minified data.
MAX_LINE_CHARS = 200_000
# Lines with undecodable bytes named in the warning (the rest are counted).
MAX_NAMED_BAD_LINES = 10

# ------------------------------------------------------------------ zip containers (.docx, .xlsx)

# What the XML of a .docx/.xlsx may unpack to in total (pictures are not counted: they
# are stored compressed already). openpyxl holds a workbook's every cell: a sheet of
# 55 MB of XML (1.5 million cells) peaked at 970 MB, so 32 MB keeps a run near 600 MB.
# The test fixtures unpack to under 1.1 MB.
MAX_UNZIPPED_BYTES = 32 * 1024 * 1024
XML_SUFFIXES = (".xml", ".rels", ".vml")
# Deflate compresses XML about 5-20x; a member compressed more than this is a zip bomb.
# Only checked for members larger than ZIP_RATIO_FLOOR (tiny files compress wildly).
MAX_ZIP_RATIO = 200
ZIP_RATIO_FLOOR = 1024 * 1024
# Entries in one archive: Word writes 10-30, a workbook with many sheets a few hundred.
MAX_ZIP_ENTRIES = 10_000

# ------------------------------------------------------------------ tables (Word, Excel)

# Columns of one table row after spans: a Word table has at most 63 columns, Excel's
# welfare tables 5-15. 1,000 keeps any real table and stops gridSpan="2000000000".
MAX_TABLE_COLUMNS = 1_000
# Rows read from one Excel sheet: real welfare sheets have < 1,000.
MAX_SHEET_ROWS = 100_000
# Cells read from one workbook (rows x used columns, summed over sheets).
MAX_WORKBOOK_CELLS = 5_000_000

# ------------------------------------------------------------------ PDF

# Pages of one PDF: yearly reports run 20-150 pages; a 2,000-page file is not a plan.
MAX_PDF_PAGES = 2_000

# ------------------------------------------------------------------ document model (any format)

# Lines (paragraphs, headings, table rows) of one document: the largest test documents
# have 200 (a 25-page PDF) and 2,856 (a text export). 99,000 lines of text took 27 s and
# 290 MB to extract (one shared core), under the 60 s a run may take.
MAX_MODEL_LINES = 100_000
# Table cells of one document: the largest test document (25 pages) has 760. A sheet of
# 247,500 text cells took 77 s (one shared core, under load); 100,000 keeps a run near
# 30 s and is still a hundred times the largest plan.
MAX_MODEL_CELLS = 100_000
# Characters of text in one document: a 25-page plan has about 60,000. Extraction reads
# about 0.25 MB of text a second on one shared core (99,000 lines, 6 MB: 27 s; 100 lines
# of 199,000 characters: over 120 s), so 8 million keeps a run near 30 s.
MAX_MODEL_CHARS = 8_000_000

# ------------------------------------------------------------------ YAML read by hyte (yamlguard.py)

# One normalized YAML is one document: the largest the test documents give is 72 KB.
# A 36 MB document (300,000 objectives, 1.5 million values) took 29 s and 1.3 GB to
# validate and over 120 s and 3.3 GB to track; these keep every command near 10 s and
# far below 1 GB while allowing a document two hundred times the largest.
MAX_YAML_BYTES = 16 * 1024 * 1024
# Values (nodes) after expanding aliases: the 72 KB document has about 4,000. An alias
# bomb of 8 KB expands to billions.
MAX_YAML_NODES = 250_000
# Nesting: a document is 6 levels deep (goal > action > outcome > lists); Python's
# recursion limit (1,000) is what a 2,000-deep hand edit would hit.
MAX_YAML_DEPTH = 100
# Aliases (*name) in one file: hytetool never writes any; a hand edit may use a few.
MAX_YAML_ALIASES = 1_000
# Digits of a plain number: euros and counts have < 16; Python refuses int() of more
# than 4,300 digits with ValueError, and a 5,000-digit year breaks every year range.
MAX_NUMBER_DIGITS = 30


class LimitError(InputError):
    """An input beyond one of the limits above; the message names the limit and the file."""


class TooLarge(ValueError):
    """A limit hit where the file's name is not known (deep in a reader); the reader
    turns it into a LimitError naming the file."""


def check_size(path: object, size: int, limit: int, what: str = "file") -> None:
    """LimitError when `size` bytes exceed `limit`."""
    if size > limit:
        raise LimitError(path, f"the {what} is {_mb(size)}, over hytetool's limit of {_mb(limit)} "
                               "(hytetool.limits); split the document or check that it is the right file")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def check_zip(path: object, data: bytes) -> None:
    """LimitError for an archive that would unpack beyond the zip limits (a zip bomb).

    Reads only the central directory (the sizes each entry declares); zipfile itself
    stops an entry that inflates past its declared size, so the declared sizes bound
    the work. A damaged archive is left to the reader, which says so."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(entries) > MAX_ZIP_ENTRIES:
        raise LimitError(path, f"the archive has {len(entries)} entries, over hytetool's limit of "
                               f"{MAX_ZIP_ENTRIES} (hytetool.limits); save the document again")
    total = 0
    for entry in entries:
        if entry.filename.lower().endswith(XML_SUFFIXES):
            total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > ZIP_RATIO_FLOOR and ratio > MAX_ZIP_RATIO:
            raise LimitError(path, f"'{entry.filename}' inflates {ratio:.0f}x (a zip bomb?), over hytetool's "
                                   f"limit of {MAX_ZIP_RATIO}x (hytetool.limits); save the document again")
    check_size(path, total, MAX_UNZIPPED_BYTES, "unpacked archive")
