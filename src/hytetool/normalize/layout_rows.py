"""Tables exported row by row under a one-line header ("Tavoite Toimenpiteet ...").

Two shapes share this reading:
- plans (Tavoite | Toimenpide | Kuka vastaa): a row is an objective, one action per
  line, then the responsible units; a line may glue the objective to the first action
  ("Henkilöstön hyvinvointi ja arvostus Sosiaalisen pääoman kysely") or an action to
  its unit ("Osallistava budjetointi Kanslia").
- reports (Tavoite | Toimenpiteet | Vastuu ja aikataulu | Mittarit | Toteuma | SDG): a
  row starts at a city-strategy objective (recognised with the strategy reference);
  the responsible official anchors the row: what stands before is the action, what
  follows is indicators, then outcome.
"""

from __future__ import annotations

import re

from hytetool.docmodel import Line
from hytetool.normalize.cells import Para, soft_blocks, soft_end
from hytetool.normalize.regions import Region
from hytetool.city_strategy import Strategy
from hytetool.normalize.tables import GoalTable, TableRow
from hytetool.textutil import clean_ws
from hytetool.profile import current as current_profile
from hytetool.vocabulary import RUNNING_PAGE_NUMBER, SCHEDULE_RE, TITLE_RE, UNIT_LINE, Column

_CAPITAL_WORD = re.compile(r"(?<=\s)(?=[A-ZÅÄÖ][\wåäö]*)")


def logical_items(lines: list[Line], is_unit) -> list[list[Line]]:
    """Group physical lines into cell items, joining soft wraps across blank lines."""
    items: list[list[Line]] = []
    open_item = False
    for line in lines:
        if line.blank:
            continue
        text = clean_ws(line.text)
        lower_start = text[:1].islower() or text[:1] in "-\u2013("
        continues = bool(open_item and items) and (lower_start or not is_unit(text))
        if continues:
            items[-1].append(line)
        else:
            items.append([line])
        open_item = soft_end(line.text)
    return items


def _joined(lines: list[Line]) -> str:
    return Para(tuple(lines)).text.replace("\n", " ")


def _header_tail(lines: list[Line]) -> int:
    """Index of the first content line: skips the header's wrapped second line."""
    index = 1
    while index < len(lines) and lines[index].blank:
        index += 1
    if index < len(lines) and clean_ws(lines[index].text)[:1].islower():
        return index + 1
    return 1


# ------------------------------------------------------------------ plans


def _unit_line(text: str) -> bool:
    """A line that is only a responsible unit: an official's title, or a sector's name."""
    return bool(UNIT_LINE.match(text)) or current_profile().is_unit(text)


def read_plan_rows(lines: list[Line], region: Region) -> GoalTable:
    table = GoalTable("rows", lines[0].no, lines[-1].no, one_action_per_paragraph=True)
    body = [l for l in lines[_header_tail(lines) :] if not RUNNING_PAGE_NUMBER.match(l.text)]
    lexicon = {clean_ws(_joined([l])).lower() for l in body if _unit_line(clean_ws(l.text))}

    def is_unit(text: str) -> bool:
        return _unit_line(text) or text.lower() in lexicon

    row: TableRow | None = None
    state = "objective"
    for item in logical_items(body, is_unit):
        text = _joined(item)
        if is_unit(text):
            if row is None:
                table.unplaced.append((Para(tuple(item)), "responsible unit before any objective"))
                continue
            row.units = (row.units or []) + [text]
            state = "units"
            continue
        if row is None or state == "units":
            row = TableRow(units=[])
            table.rows.append(row)
            objective, rest = _split_glued_objective(item)
            row.objective.append(Para(tuple(objective)))
            state = "actions"
            if rest is None:
                continue
            item = [rest]
        action, unit = _split_glued_unit(item, lexicon)
        row.actions.append(Para(tuple(action)))
        if unit:
            row.units = (row.units or []) + [unit]
            state = "units"
    return table


def _split_glued_objective(item: list[Line]) -> tuple[list[Line], Line | None]:
    """'Henkilöstön hyvinvointi ja arvostus Sosiaalisen pääoman kysely' -> objective, action.

    An objective is a sentence in lower case after its first word, so a capitalised word
    on its last line (after the first word) starts the next cell.
    """
    last = item[-1]
    text = clean_ws(last.text)
    search_from = len(text.split(" ", 1)[0]) + 1 if len(item) == 1 else 0
    match = _CAPITAL_WORD.search(text, search_from) if search_from < len(text) else None
    if match is None or match.start() == 0:
        return item, None
    head, tail = text[: match.start()].strip(), text[match.start() :].strip()
    return item[:-1] + [Line(last.no, head, last.page)], Line(last.no, tail, last.page)


def _split_glued_unit(item: list[Line], lexicon: set[str]) -> tuple[list[Line], str | None]:
    """'Osallistava budjetointi Kanslia' -> action line, 'Kanslia' (units the document names)."""
    last = item[-1]
    text = clean_ws(last.text)
    for unit in sorted(lexicon, key=len, reverse=True):
        if text.lower().endswith(" " + unit) and len(text) > len(unit) + 1:
            head = text[: -len(unit)].strip()
            return item[:-1] + [Line(last.no, head, last.page)], text[-len(unit) :]
    return item, None


# ------------------------------------------------------------------ reports


def read_report_rows(lines: list[Line], region: Region, strategy: Strategy) -> GoalTable:
    table = GoalTable("rows", lines[0].no, lines[-1].no)
    body = [l for l in lines[1:] if not RUNNING_PAGE_NUMBER.match(l.text)]
    blocks = soft_blocks(body)
    row: TableRow | None = None
    cells: list[list[Line]] = []
    blocks = _merge_objective_tails(blocks, strategy)
    groups: list[tuple[list[Line] | None, list[list[Line]]]] = []  # (objective block, cell blocks)
    for block in blocks:
        if strategy.match(_joined(block)):
            groups.append((block, []))
        elif not groups:
            groups.append((None, [block]))
        else:
            groups[-1][1].append(block)
    for objective, cells in groups:
        for index, sub in enumerate(_split_subrows(cells)):
            row = TableRow(objective=[Para(tuple(objective))] if objective and index == 0 else [],
                           continues_objective=objective is None or index > 0)
            _fill_report_row(row, sub)
            table.rows.append(row)
    if Column.sdg in region.columns:
        table.sdg = []
    return table


def _split_subrows(blocks: list[list[Line]]) -> list[list[list[Line]]]:
    """One objective row may hold several actions, each with its own responsible cell.

    A block whose line starts with an official's title anchors an action; repeats right
    after it ("Ympäristöjohtaja/2022" three times) belong to the same action. A later
    anchor starts a new action, whose text is the block just before it.
    """
    anchors = [i for i, block in enumerate(blocks) if _anchor_line(block) is not None]
    starts: list[int] = []
    previous = -2
    for index in anchors:
        if index != previous + 1:
            starts.append(index if not starts else (index - 1 if index - 1 > starts[-1] else index))
        previous = index
    if not starts:
        return [blocks] if blocks else []
    starts[0] = 0
    bounds = starts + [len(blocks)]
    return [blocks[a:b] for a, b in zip(bounds, bounds[1:]) if blocks[a:b]]


def _anchor_line(block: list[Line]) -> int | None:
    """Index of the first line that starts with a title (modifiers allowed)."""
    for index, line in enumerate(block):
        text = clean_ws(line.text)
        match = TITLE_RE.search(text)
        if match is not None and _title_start(text, match) == 0:
            return index
    return None


def _merge_objective_tails(blocks: list[list[Line]], strategy: Strategy) -> list[list[Line]]:
    """'Rakennamme vahvoja kumppanuuksia' + blank + 'järjestötoimijoiden kanssa.' is one cell."""
    out: list[list[Line]] = []
    for block in blocks:
        if out and clean_ws(block[0].text)[:1].islower() and (alone := strategy.match(_joined(out[-1]))):
            merged = strategy.match(_joined(out[-1] + block))
            if merged and merged.objective == alone.objective and merged.score >= alone.score:
                out[-1] = out[-1] + block
                continue
        out.append(block)
    return out


def _fill_report_row(row: TableRow, blocks: list[list[Line]]) -> None:
    """Split a row's blocks into action | responsible | indicators | outcome."""
    anchor = next((i for i, b in enumerate(blocks) if _anchor_line(b) is not None), None)
    if anchor is None:
        anchor = next((i for i, b in enumerate(blocks) if _title_line(b) is not None), None)
    if anchor is None:
        _place_after_responsible(row, blocks[1:] if blocks else [])
        row.actions = [Para(tuple(blocks[0]))] if blocks else []
        return
    block = blocks[anchor]
    at = _anchor_line(block)
    before, resp, rest = _split_responsible(block, at if at is not None else _title_line(block))
    if at and anchor > 0:  # an action block came first: lines above the title are responsible too
        resp, before = before + resp, []
    row.actions = [Para(tuple(b)) for b in blocks[:anchor]]
    if before:
        row.actions.append(Para(tuple(before)))
    later = blocks[anchor + 1 :]
    extra: list[list[Line]] = []
    while later and _starts_with_title(later[0]):  # "Ympäristöjohtaja/2022" repeated per sub-row
        _, more, tail = _split_responsible(later[0], 0)
        resp.extend(more)
        if tail:
            extra.append(tail)
        later.pop(0)
    row.responsible = [Para(tuple(resp))]
    _place_after_responsible(row, ([rest] if rest else []) + extra + later)


def _title_line(block: list[Line]) -> int | None:
    for index, line in enumerate(block):
        if TITLE_RE.search(line.text):
            return index
    return None


_TITLE_PREFIX = re.compile(r"(?:Johtava|Vastaava|[\wåäö]+- ja|Kestävän kehityksen|[\wåäö-]+-opiston)\s+$", re.I)
# Words that may stand before a lowercase title: genitives ("hoitotyön päällikkö",
# "Kansalaisopiston rehtori"), "X- ja" chains, and a few adjectives.
_MODIFIER = re.compile(r"^([\wåäö-]+n|[\wåäö]+-|ja|johtava|vastaava)$", re.I)
# At most this many modifier words are taken into a title ("Hoiva- ja hoitotyön").
MAX_TITLE_MODIFIERS = 3


def _title_start(text: str, match: re.Match[str]) -> int:
    """Where the responsible span starts: the title, or its modifiers before it."""
    start = match.start()
    if not text[start:start + 1].islower():
        return start
    words = list(re.finditer(r"\S+", text[:start]))
    taken = 0
    for word in reversed(words):
        if taken >= MAX_TITLE_MODIFIERS or not _MODIFIER.match(word.group(0)):
            break
        start, taken = word.start(), taken + 1
    return start


def _split_responsible(block: list[Line], at: int) -> tuple[list[Line], list[Line], list[Line]]:
    """Cut the anchor line into action text | responsible span | the text after it."""
    line = block[at]
    text = clean_ws(line.text)
    match = TITLE_RE.search(text)
    start = _title_start(text, match) if match is not None else 0
    end = _responsible_end(text, start)
    before = block[:at] + ([Line(line.no, text[:start].strip(), line.page)] if text[:start].strip() else [])
    resp = [Line(line.no, text[start:end].strip() + (" " if soft_end(line.text) and end >= len(text) else ""),
                 line.page)]
    tail = text[end:].strip() + (" " if soft_end(line.text) else "")
    rest: list[Line] = [Line(line.no, tail, line.page)] if tail.strip() else []
    for follower in block[at + 1 :]:
        if not rest and (soft_end(resp[-1].text) or _is_responsible_only([follower])):
            resp.append(follower)
        else:
            rest.append(follower)
    return before, resp, rest


def _responsible_end(text: str, start: int) -> int:
    """End of the responsible span: titles, 'ja', schedules; stops at a new capitalised phrase."""
    position = start
    words = list(re.finditer(r"\S+", text[start:]))
    for index, word in enumerate(words):
        token = word.group(0)
        if index > 0 and token[:1].isupper() and not TITLE_RE.search(token) and not _TITLE_PREFIX.search(token + " "):
            break
        if token[:1] == "(":
            break
        position = start + word.end()
    return position


def _starts_with_title(block: list[Line]) -> bool:
    text = clean_ws(block[0].text)
    match = TITLE_RE.search(text)
    return match is not None and _title_start(text, match) == 0


def _is_responsible_only(block: list[Line]) -> bool:
    """A block that is only titles and schedules ('Ympäristöjohtaja/2022', 'Jatkuvaa toimintaa')."""
    text = clean_ws(" ".join(l.text for l in block))
    rest = SCHEDULE_RE.sub(" ", text)
    rest = TITLE_RE.sub(" ", rest)
    rest = re.sub(r"[\s,/.;:-]+|\bja\b", " ", rest, flags=re.I).strip()
    return bool(text) and (not rest) and (TITLE_RE.search(text) is not None or SCHEDULE_RE.fullmatch(text) is not None)


_INDICATOR_HINT = re.compile(r"\b(määrä|lkm|kpl|mittari|mittaristo|seuranta|arviointi|prosessi|kysely)", re.I)


def _place_after_responsible(row: TableRow, blocks: list[list[Line]]) -> None:
    """Indicators come before the outcome: the first of two or more blocks is the indicator.

    A single block may hold both, glued on its first line ("Uudet yritykset
    Kulttuuriyrityksiä ei ole tiedossa.") or broken at a hard line end.
    """
    blocks = [b for b in blocks if b]
    if not blocks:
        return
    if len(blocks) >= 2:
        row.indicators = [Para(tuple(blocks[0]))]
        row.outcome = [Para(tuple(b)) for b in blocks[1:]]
        return
    only = blocks[0]
    first = only[0]
    if cut := _cell_boundary(clean_ws(first.text)):
        head, tail = cut
        row.indicators = [Para((Line(first.no, head, first.page),))]
        row.outcome = [Para((Line(first.no, tail + (" " if soft_end(first.text) else ""), first.page), *only[1:]))]
        return
    split = _hard_break(only)
    if split is not None:
        row.indicators = [Para(tuple(only[:split]))]
        row.outcome = [Para(tuple(only[split:]))]
    elif _INDICATOR_HINT.search(_joined(only)) and not re.search(r"\d", _joined(only)):
        row.indicators = [Para(tuple(only))]
    else:
        row.outcome = [Para(tuple(only))]


# Two cells glued on one line: a capitalised word right after a word or sentence end,
# where running text would go on in lower case ("Sivut päivitetty Sivuja päivitetään.").
_GLUED_CELLS = re.compile(r"(?<=[a-zåäö0-9.,;:)%])\s+(?=[A-ZÅÄÖ][a-zåäö])")


def _cell_boundary(text: str) -> tuple[str, str] | None:
    match = _GLUED_CELLS.search(text)
    if match is None:
        return None
    return text[: match.start()].strip(), text[match.end() :].strip()


def _hard_break(block: list[Line]) -> int | None:
    """Where one block holds two cells: the first hard line end before a capital start."""
    for index in range(1, len(block)):
        previous, line = block[index - 1].text, clean_ws(block[index].text)
        if not soft_end(previous) and line[:1].isupper():
            return index
    return None
