"""Identity across documents (hytetool.track): shared ids on the Kemi seeds, the registry
and its hand edits, determinism, and the matcher's precision and recall on hand-labelled
pairs (tests/fixtures/track_pairs.yaml)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from hytetool.errors import HyteError
from hytetool.model import Action, Document, Objective, Source, StrategicGoal
from hytetool.track import diff, load_registry, resolve, track_paths
from hytetool.track.matcher import Tracking
from hytetool.track.registry import Ref, registry_text
from hytetool.similarity import normalise, similarity
from hytetool.yamlio import dump_yaml, load_document, read_yaml_text

ROOT = Path(__file__).resolve().parents[1]
NORMALIZED = ROOT / "data" / "normalized"
PAIRS = ROOT / "tests" / "fixtures" / "track_pairs.yaml"
STRATEGY = ROOT / "hyte-profile.yaml"

D000 = "000-fb6bcd1bb478527e"  # annual report 2023 (2022-25 strategy)
D001 = "001-ba3639160da2ce8d"  # template 2022-25
D002 = "002-595f7a428687dee9"  # plan 2026, NEW strategy
D003 = "003-8c92ca17df6d27aa"  # goal tables 1-12/2023
D004 = "004-6f9012e3c57d872b"  # interim report 1-6/2022
OLD_STRATEGY_DOCS = (D000, D001, D003, D004)
SERT = "ymparistosertifiointi-laajenee-paivakodeille"
# the precision and recall the matcher must keep on the labelled pairs (see test below)
MIN_PRECISION = 0.95
MIN_RECALL = 0.90


def seed_files() -> list[Path]:
    return sorted(p for p in NORMALIZED.glob("0*.yaml") if not p.name.endswith(".new.yaml"))


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [load_document(p) for p in seed_files()]


@pytest.fixture(scope="module")
def tracking(documents) -> Tracking:
    return resolve(documents)  # the matcher alone, no registry


@pytest.fixture()
def workdir(tmp_path: Path) -> Path:
    """A copy of the seeds' normalized YAML without any registry."""
    folder = tmp_path / "normalized"
    folder.mkdir()
    for path in seed_files():
        shutil.copy(path, folder / path.name)
    return folder


# ---------------------------------------------------------------- the seeds


def strategy_objectives() -> list[tuple[str, str]]:
    """(goal, objective text) of the 2022-25 city strategy, from hyte-profile.yaml."""
    data = read_yaml_text(STRATEGY.read_text(encoding="utf-8"))
    plan = next(s for s in data["strategies"] if str(s["period"]) == "2022-2025")
    return [(g["name"], str(o)) for g in plan["goals"] for o in g["objectives"]]


def test_the_2022_25_strategy_has_16_objectives_and_000_001_print_15() -> None:
    objectives = strategy_objectives()
    per_goal = {}
    for goal, _ in objectives:
        per_goal[goal] = per_goal.get(goal, 0) + 1
    assert per_goal == {"HYVINVOIVAT KUNTALAISET": 5, "SUJUVA ARKI": 5, "ELINVOIMAINEN KAUPUNKI": 6}
    assert ("HYVINVOIVAT KUNTALAISET", "Monipuoliset vapaa-ajanpalvelut luovat vetovoimaa ja hyvinvointia.") \
        in objectives


def _reference_of(goal: str, text: str, objectives: list[tuple[str, str]]) -> str | None:
    """Which strategy sentence a printed objective is, by an independent rule: same goal, same
    first word, and about as long (a cell that merged two sentences is not one of them)."""
    words = normalise(text).split()
    for ref_goal, ref_text in objectives:
        ref_words = normalise(ref_text).split()
        if (ref_goal.casefold() == goal.casefold() and words and words[0] == ref_words[0]
                and abs(len(text) - len(ref_text)) <= 0.25 * len(ref_text)
                and (words[0] != "olemme" or words[1] == ref_words[1])):
            return ref_text
    return None


def test_strategy_objectives_resolve_to_one_id_each(documents, tracking) -> None:
    objectives = strategy_objectives()
    ids: dict[str, set[str]] = {}
    printed: dict[str, set[str]] = {}
    for doc in documents:
        if doc.id not in OLD_STRATEGY_DOCS:
            continue
        for goal in doc.goals:
            for obj in goal.objectives:
                ref = _reference_of(goal.name, obj.text, objectives)
                if ref is None:
                    continue
                ids.setdefault(ref, set()).add(tracking.shared_id(doc.id, "objective", obj.id))
                printed.setdefault(ref, set()).add(doc.id)
    assert len(ids) == 16
    assert all(len(found) == 1 for found in ids.values()), {k: v for k, v in ids.items() if len(v) > 1}
    assert len({next(iter(found)) for found in ids.values()}) == 16, "two strategy objectives share an id"
    # every document of the 2022-25 strategy prints them (000 and 001 leave out the fifth
    # HYVINVOIVAT KUNTALAISET objective, "Monipuoliset vapaa-ajanpalvelut ...")
    monipuoliset = next(k for k in printed if k.startswith("Monipuoliset"))
    assert printed[monipuoliset] == {D003, D004}
    assert all(docs == set(OLD_STRATEGY_DOCS) for k, docs in printed.items() if k != monipuoliset)


def test_objectives_with_slight_differences_share_an_id(tracking) -> None:
    def sid(doc: str, local: str) -> str | None:
        return tracking.shared_id(doc, "objective", local)

    # "sekä sekä torjuu"
    assert sid(D000, "vihrea-ja-kestava-kemi-lisaa-vetovoimaamme") == sid(D003, "vihrea-ja-kestava-kemi-lisaa-vetovoimaamme")
    # "yritys ympäristö"
    assert sid(D000, "kaupunkimme-yritysymparisto-on-kilpailukykyinen-olemme") == sid(
        D003, "kaupunkimme-yritys-ymparisto-on-kilpailukykyinen-olemme")
    # "Sujuva, turvallinen arki" vs "Sujuva, turvallinen ja mutkaton arki"
    assert sid(D003, "sujuva-turvallinen-arki-synnyttaa-vetovoimaa-ja") == sid(
        D000, "sujuva-turvallinen-ja-mutkaton-arki-synnyttaa")


def test_environmental_certification_links_2022_to_2023(documents, tracking) -> None:
    sid = tracking.shared_id(D004, "action", SERT)
    assert sid is not None and sid == tracking.shared_id(D003, "action", SERT)
    result = diff(documents, "1-6/2022", "2023", tracking=tracking)
    change = next(c for g in result.groups for c in g.changes if c.shared_id == sid)
    assert change.change == "continued"
    assert change.before.outcome == "Päiväkodeista kaksi auditoitu, jäljellä kuusi"
    assert change.after.outcome == "Päiväkodeista auditoitu 5, auditointimatta 3"
    assert (change.before.period, change.after.period) == ("1-6/2022", "1-12/2023")


def test_the_2026_plan_is_never_matched_to_the_2022_25_strategy(tracking) -> None:
    groups = tracking.groups()
    for ref, sid in tracking.ids.items():
        if ref.document == D002:
            assert {m.ref.document for m in groups[sid]} == {D002}, (ref, [str(m.ref) for m in groups[sid]])


def test_two_rows_of_one_table_never_share_an_id(tracking) -> None:
    for sid, members in tracking.groups().items():
        slots = [m.slot for m in members]
        assert len(slots) == len(set(slots)), sid
    assert tracking.shared_id(D002, "action", "visit-kemin-matkailumarkkinointi") != tracking.shared_id(
        D002, "action", "visit-kemin-matkailumarkkinointi-2")


# ---------------------------------------------------------------- matching rules


def _doc(doc_id: str, period: str, goals: list[StrategicGoal], sector: str | None = None) -> Document:
    return Document(id=doc_id, title=doc_id, kind="annual_report", period=period, sector=sector,
                    source=Source(file=f"{doc_id}.txt", sha256="0" * 64), goals=goals)


def _goal(name: str, objective: str, actions: list[tuple[str, str | None]]) -> StrategicGoal:
    return StrategicGoal(
        id="g", name=name, objectives=[Objective(id="o", text=objective)],
        actions=[Action(id=f"a{i}", objective="o", text=t, sector=s) for i, (t, s) in enumerate(actions)],
    )


def test_goals_are_compared_casefolded_and_never_across_names() -> None:
    a = _doc("a", "2022", [_goal("SUJUVA ARKI", "Olemme avoin ja luotettava arjen kumppani.",
                                 [("Kuntalaiskyselyt", "Keskusvirasto")])])
    b = _doc("b", "2023", [_goal("Sujuva arki", "Olemme avoin ja luotettava arjen kumppani",
                                 [("Kuntalaiskyselyt", "Keskusvirasto")])])
    c = _doc("c", "2026", [_goal("Viisas Kemi", "Olemme avoin ja luotettava arjen kumppani.",
                                 [("Kuntalaiskyselyt", "Keskusvirasto")])])
    t = resolve([c, b, a])
    assert t.shared_id("a", "objective", "o") == t.shared_id("b", "objective", "o")
    assert t.shared_id("a", "action", "a0") == t.shared_id("b", "action", "a0")
    assert t.shared_id("c", "objective", "o") != t.shared_id("a", "objective", "o")
    assert t.shared_id("c", "action", "a0") != t.shared_id("a", "action", "a0")


def test_actions_match_only_within_their_sector() -> None:
    a = _doc("a", "2022", [_goal("SUJUVA ARKI", "Tavoite.", [("Digitaaliset palvelut", "Keskusvirasto")])])
    b = _doc("b", "2023", [_goal("SUJUVA ARKI", "Tavoite.", [("Digitaaliset palvelut", None)])],
             sector="Hyvinvointitoimiala")  # the document's sector counts when the action has none
    c = _doc("c", "2024", [_goal("SUJUVA ARKI", "Tavoite.", [("Digitaaliset palvelut", None)])],
             sector="Keskusvirasto")
    t = resolve([a, b, c])
    assert t.shared_id("a", "action", "a0") != t.shared_id("b", "action", "a0")
    assert t.shared_id("a", "action", "a0") == t.shared_id("c", "action", "a0")


def test_normalisation_and_score() -> None:
    assert normalise("Kehitämme  koulutustarjontaa ja –polkuja.") == "kehitämme koulutustarjontaa ja-polkuja"
    assert normalise("VIHREÄ ja kestävä\nKemi") == "vihreä ja kestävä kemi"
    assert similarity("Olemme avoin ja luotettava arjen kumppani.", "Olemme avoin ja luotettava arjen kumppani")[0] \
        == 100
    assert similarity("", "x") == (0.0, 0.0)


# ---------------------------------------------------------------- precision and recall


def labelled_pairs() -> list[dict]:
    return list(read_yaml_text(PAIRS.read_text(encoding="utf-8"))["pairs"])


def test_labelled_pairs_are_well_formed(tracking) -> None:
    pairs = labelled_pairs()
    assert len(pairs) >= 40
    assert {bool(p["same"]) for p in pairs} == {True, False}
    seen = set()
    for p in pairs:
        a, b = Ref.parse(p["a"]), Ref.parse(p["b"])
        assert a in tracking.ids, f"{a} is not in data/normalized; re-check {PAIRS.name}"
        assert b in tracking.ids, f"{b} is not in data/normalized; re-check {PAIRS.name}"
        assert str(p["reason"]).strip() and "\n" not in str(p["reason"])
        assert frozenset((a, b)) not in seen, f"pair listed twice: {a} {b}"
        seen.add(frozenset((a, b)))


def precision_recall(tracking: Tracking) -> tuple[float, float, dict[str, int]]:
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for p in labelled_pairs():
        predicted = tracking.ids[Ref.parse(p["a"])] == tracking.ids[Ref.parse(p["b"])]
        key = ("t" if predicted == bool(p["same"]) else "f") + ("p" if predicted else "n")
        counts[key] += 1
    precision = counts["tp"] / (counts["tp"] + counts["fp"]) if counts["tp"] + counts["fp"] else 0.0
    recall = counts["tp"] / (counts["tp"] + counts["fn"]) if counts["tp"] + counts["fn"] else 0.0
    return precision, recall, counts


def test_matcher_precision_and_recall_on_labelled_pairs(tracking) -> None:
    """A false merge silently corrupts a history (an action "continues" that did not), a
    missed one shows up as new + dropped and is easy to fix in the registry: precision
    must stay near perfect, recall high."""
    precision, recall, counts = precision_recall(tracking)
    figures = (f"{len(labelled_pairs())} labelled pairs: precision {precision:.3f}, recall {recall:.3f}"
               f" (tp {counts['tp']}, fp {counts['fp']}, fn {counts['fn']}, tn {counts['tn']})")
    print(figures)
    assert precision >= MIN_PRECISION, figures
    assert recall >= MIN_RECALL, figures


# ---------------------------------------------------------------- registry and hand edits


def _edit_registry(path: Path, edit) -> None:
    """Change the registry the way an analyst would in an editor (load, change, save)."""
    data = read_yaml_text(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(dump_yaml(data), encoding="utf-8")


def _entry_of(data, ref: str):
    return next(e for e in data["ids"] if any(m["ref"] == ref for m in e["members"]))


def _take(data, ref: str):
    entry = _entry_of(data, ref)
    member = next(m for m in entry["members"] if m["ref"] == ref)
    entry["members"].remove(member)
    return member


def test_track_writes_a_registry_with_every_record(workdir: Path) -> None:
    result = track_paths([workdir])
    assert result.written and result.path == workdir / "registry.yaml"
    text = result.path.read_text(encoding="utf-8")
    assert text.startswith("# hyte registry:") and "MERGE" in text and "SPLIT" in text and "distinct" in text
    registry = load_registry(result.path)
    refs = [m.ref for e in registry.entries for m in e.members]
    assert len(refs) == len(set(refs)) == result.objectives + result.actions
    assert result.objective_ids == 16 + 20  # the 2022-25 strategy's 16, the 2026 plan's 20
    assert track_paths([workdir]).written is False  # a second run changes nothing


def test_hand_edits_win_at_the_next_run(workdir: Path) -> None:
    track_paths([workdir])
    registry = workdir / "registry.yaml"
    split = f"{D004}/action/palveluverkko-tarkastelu"
    merge = f"{D004}/action/paivakoti-ja-kouluverkkosuunnittel-ua-ja-toimeenpanoa"
    merge_into = f"{D003}/action/tulevaisuuden-kunnan-palveluverkkoselvitys-yhdyspintatyo"
    apart = (f"{D004}/action/uuden-tila-ja-ajanvarausjarjestelman-hankkiminen",
             f"{D003}/action/uuden-tila-ja-ajanvarausjarjestelman-kayttoonotto")

    def edit(data) -> None:
        # SPLIT: move a member to an id of the analyst's own
        data["ids"].append({"id": "palveluverkon-tarkastelu-2022", "members": [_take(data, split)]})
        # MERGE: move a member under another id
        member = _take(data, merge)
        _entry_of(data, merge_into)["members"].append(member)
        # SPLIT by a distinct pair that the matcher had put under one id
        data["distinct"].append(list(apart))
        data["ids"] = [e for e in data["ids"] if e["members"]]

    _edit_registry(registry, edit)
    track_paths([workdir])
    t = resolve([load_document(p) for p in sorted(workdir.glob("0*.yaml"))], load_registry(registry))
    ids = {str(ref): sid for ref, sid in t.ids.items()}
    assert ids[split] == "palveluverkon-tarkastelu-2022"
    assert ids[f"{D003}/action/palveluverkko-konkretisoituu-asteittain"] != ids[split]
    assert ids[merge] == ids[merge_into]
    assert ids[apart[0]] != ids[apart[1]]
    assert t.new == []  # everything came from the registry
    # the edits survive any number of runs, byte for byte
    before = registry.read_bytes()
    assert track_paths([workdir]).written is False
    assert registry.read_bytes() == before
    # and the comparison follows them: the merged pair is now "continued"
    documents = [load_document(p) for p in sorted(workdir.glob("0*.yaml"))]
    result = diff(documents, "1-6/2022", "2023", registry=load_registry(registry))
    continued = {c.shared_id for g in result.groups for c in g.continued}
    assert ids[merge_into] in continued and ids[apart[1]] not in continued


def test_merging_two_entries_by_giving_them_the_same_id(workdir: Path) -> None:
    track_paths([workdir])
    registry = workdir / "registry.yaml"
    a = f"{D004}/action/kulttuuri-vapaa-aikapalvelujen-tuotteistaminen-ja-paketointi"
    b = f"{D003}/action/keskustelukulttuurin-ja-positiivisen-vuorovaikutuksen"

    def edit(data) -> None:
        _entry_of(data, a)["id"] = "oma-yhdistetty"
        _entry_of(data, b)["id"] = "oma-yhdistetty"

    _edit_registry(registry, edit)
    track_paths([workdir])
    merged = [e for e in load_registry(registry).entries if e.id == "oma-yhdistetty"]
    assert len(merged) == 1 and {str(m.ref) for m in merged[0].members} == {a, b}


def test_a_distinct_pair_is_never_merged_by_the_matcher(workdir: Path) -> None:
    a, b = f"{D004}/action/{SERT}", f"{D003}/action/{SERT}"
    (workdir / "registry.yaml").write_text(f"distinct:\n  - [{a}, {b}]\n", encoding="utf-8")
    track_paths([workdir])
    t = resolve([load_document(p) for p in sorted(workdir.glob("0*.yaml"))],
                load_registry(workdir / "registry.yaml"))
    assert t.ids[Ref.parse(a)] != t.ids[Ref.parse(b)]


def test_registry_members_of_other_documents_are_kept(workdir: Path) -> None:
    track_paths([workdir])
    registry = workdir / "registry.yaml"
    sid = next(e.id for e in load_registry(registry).entries if any(m.ref.id == SERT for m in e.members))
    # run on the 2023 document alone: the 2022 member stays, and the 2023 record keeps its id
    track_paths([workdir / "003_8c92ca17df6d27aa.yaml"])
    entry = next(e for e in load_registry(registry).entries if e.id == sid)
    assert {m.ref.document for m in entry.members} == {D003, D004}


def test_a_record_that_is_gone_leaves_the_registry(workdir: Path) -> None:
    track_paths([workdir])
    registry = workdir / "registry.yaml"
    _edit_registry(registry, lambda data: data["ids"][0]["members"].append(
        {"ref": f"{D003}/action/no-such-action", "text": "x"}))
    result = track_paths([workdir])
    assert result.dropped == [f"{D003}/action/no-such-action"]
    assert "no-such-action" not in registry.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("ids:\n  - id: x\n    memebrs: []\n", "registry.yaml:3: unknown key 'memebrs' in an entry of ids"),
    ("ids:\n  - id: Not A Slug\n    members: []\n", "registry.yaml:2: id 'Not A Slug' must be lowercase"),
    ("ids:\n  - id: x\n    members:\n      - ref: 004/thing/y\n", "registry.yaml:4: '004/thing/y' is not a record"),
    ("distinct:\n  - [a/action/b]\n", "registry.yaml:2: a distinct entry is a pair"),
    ("ids: [\n", "registry.yaml: not valid YAML"),
])
def test_registry_errors_name_file_and_line(workdir: Path, text: str, message: str) -> None:
    (workdir / "registry.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(HyteError) as info:
        track_paths([workdir])
    assert message in str(info.value)


def test_a_member_under_two_ids_is_an_error(workdir: Path) -> None:
    ref = f"{D004}/action/{SERT}"
    (workdir / "registry.yaml").write_text(
        f"ids:\n  - id: a\n    members:\n      - ref: {ref}\n  - id: b\n    members:\n      - ref: {ref}\n",
        encoding="utf-8")
    with pytest.raises(HyteError, match="listed under both 'a' and 'b'"):
        track_paths([workdir])


# ---------------------------------------------------------------- determinism


def test_same_input_gives_the_same_registry_bytes(documents) -> None:
    first = registry_text(resolve(documents).to_registry())
    shuffled = list(documents)
    random.Random(7).shuffle(shuffled)
    assert registry_text(resolve(shuffled).to_registry()) == first
    # and running again on the registry it wrote changes nothing
    registry = resolve(documents).to_registry()
    assert registry_text(resolve(documents, registry).to_registry()) == first


def test_committed_registry_is_valid_and_links_the_certification() -> None:
    path = NORMALIZED / "registry.yaml"
    if not path.exists():
        pytest.skip("no committed registry")
    documents = [load_document(p) for p in seed_files()]
    t = resolve(documents, load_registry(path))
    assert t.shared_id(D004, "action", SERT) == t.shared_id(D003, "action", SERT)
