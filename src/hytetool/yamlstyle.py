"""How hytetool's YAML looks: the layout both writers follow and the ruamel settings.

The normalized YAML is written two ways, byte for byte the same: by ruamel (the
reference, yamlio) and directly (yamlwrite, about 25 times faster). Both read the
layout from here, so neither imports the other's module for it and the layout is
written down once: indents, line width, which lists are flow lists, which keys go last,
which strings must be double-quoted.
"""

from __future__ import annotations

import re

from ruamel.yaml import YAML

# Texts are kept on one line: a wide limit stops ruamel from folding long sentences,
# which would make every re-extraction diff noisy.
LINE_WIDTH = 4096
# Floats below this that are whole numbers are written without ".0"; larger ones keep
# float notation so their precision is not overstated.
WHOLE_NUMBER_LIMIT = 2**53
FLOW_LIST_KEYS = frozenset({"lines", "pages", "bbox", "sdg"})  # short number lists
# Provenance goes last in every record so the text an analyst edits comes first.
TRAILING_KEYS = ("lines", "page", "bbox")
# Characters a literal block (|) cannot carry: control characters, and the line breaks
# other than \n (\r, NEL, LS, PS) that a reader would turn into \n. Strings with them
# are written double-quoted with escapes so they read back exactly.
NOT_LITERAL_RE = re.compile(
    r"[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# Mapping keys indent by 2, sequence items by 4 with the dash at 2 ("  - item").
MAPPING_INDENT = 2
SEQUENCE_INDENT = 4
SEQUENCE_DASH_OFFSET = 2


def round_trip_yaml() -> YAML:
    """ruamel's round-trip YAML (1.2) set to hytetool's layout; it keeps comments, key
    order and quoting of hand-edited files. A new instance a call: ruamel's are not
    safe to share between threads."""
    yaml = YAML(typ="rt")
    yaml.width = LINE_WIDTH
    yaml.indent(mapping=MAPPING_INDENT, sequence=SEQUENCE_INDENT, offset=SEQUENCE_DASH_OFFSET)
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    return yaml
