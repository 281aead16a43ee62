"""Relations with evidence: the rules file, the rule component and ``kgraph.extract.relate``, on
letters written for these tests (and the sample letter)."""

from __future__ import annotations

import copy
import importlib.util
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rdflib import OWL, RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kgraph.evaluation.evaluate import evaluate, load_gold
from kgraph.extract.mentions import find_mentions
from kgraph.extract.relate import RULES_FILE, SIGNATURES, SYMMETRIC, relate
from kgraph.extract.resolve import resolve
from kgraph.model import ENTITY_TYPES, LetterResult
from kgraph.nlp import analyse_many
from kgraph.nlp.masking import emphasis, mask
from kgraph.nlp.pipeline import read_jsonl
from kgraph.rdf.graph import to_graph
from kgraph.rdf.namespace import KG
from kgraph.rdf.validate import validate
from kgraph.settings import Settings, project_root
from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_text

ROOT = project_root()
Triple = tuple[str, str, str]
RULES = read_jsonl(RULES_FILE)
SAMPLE = ROOT / "data" / "letters" / "kropotkin-to-berkman-1908-11-20.txt"
SPAN_RULES = [r for r in RULES if r.get("kind", "dependency") in ("dependency", "token")]

TRAVELLER = """\
12 Bedford Square,
London.
14 May 1871.

My dear Mr. Fenwick,

I was lately in Paris, and last month we went to Rome; I have just returned from Naples. \
I shall go to Vienna in June, and I hope to be in Berlin by July. I was never in Madrid. \
If I were in Lisbon I would write more.

We are settled at Bath for the winter, and my house at Hampstead is let. Mr. Ainsworth \
lives in Geneva with his family.

My book on *The Ancient Guilds* is finished at last, and my *Notes on Sicily* sells well. \
I read in the *Morning Chronicle* that Mr. Cobbold is ill. I wrote for the *Westminster \
Review* for ten years, and my article in the *Quarterly Review* was much abused. \
Mr. Morley edits the *Fortnightly Review* with great skill.

The *Courier* of Geneva has printed your letter. I was elected to the Royal Society in \
1860, and Mr. Ainsworth is a member of the Geological Society. Mr. Owen founded the \
Palaeontographical Society. I was at the Congress of Vienna for a week.

My wife, Eleanor, sends her love, and my son Frederick is at Oxford. My compliments to \
Mrs. Hale. Mr. Cobbold said to me, "I was at the Congress of Berlin."

Your affectionate friend,
Henry Marlowe
"""

FATHER = """\
Paris, 3 March 1891.

My dear Georges,

I went out to Rouen on Sunday. Mr. Durand sold two of my pictures in Paris, and I shall \
go to London next month. I was not at the Salon this year. Madame Roland and her husband, \
Mr. Charles Roland, went to Lyons last week.

Your loving father,
C. Morel
"""

SUPERSCRIPTION = """\
Clapton, the 12th of March 1794.

Dear Sir,

I return you my thanks for the retorts, which came safe by the carrier.

Your obliged servant,
J. Whitcombe.

To Thomas Avery, Esq.,
Etruria.
"""


def labelled(result: LetterResult) -> set[Triple]:
    label = {e.key: e.label for e in result.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in result.relations}


@pytest.fixture(scope="module")
def traveller(run: Callable[[str], LetterResult]) -> LetterResult:
    return run(TRAVELLER)


@pytest.fixture(scope="module")
def traveller_relations(traveller: LetterResult) -> set[Triple]:
    return labelled(traveller)


@pytest.mark.parametrize(
    "triple",
    [
        ("Henry Marlowe", "visited", "Paris"),
        ("Henry Marlowe", "visited", "Rome"),
        ("Henry Marlowe", "visited", "Naples"),
        ("Henry Marlowe", "livesIn", "Bath"),
        ("Henry Marlowe", "livesIn", "Hampstead"),
        ("Henry Marlowe", "livesIn", "London"),
        ("Bedford Square", "locatedIn", "London"),
        ("Mr. Ainsworth", "livesIn", "Geneva"),
        ("Henry Marlowe", "authorOf", "Notes on Sicily"),
        ("Henry Marlowe", "contributorTo", "Westminster Review"),
        ("Henry Marlowe", "contributorTo", "Quarterly Review"),
        ("Mr. Morley", "editorOf", "Fortnightly Review"),
        ("Courier", "publishedIn", "Geneva"),
        ("Henry Marlowe", "memberOf", "Royal Society"),
        ("Mr. Ainsworth", "memberOf", "Geological Society"),
        ("Mr. Owen", "founderOf", "Palaeontographical Society"),
        ("Henry Marlowe", "participatedIn", "Congress of Vienna"),
        ("Congress of Vienna", "heldIn", "Vienna"),
        ("Eleanor", "spouseOf", "Henry Marlowe"),
        ("Frederick", "childOf", "Henry Marlowe"),
    ],
)
def test_relations_are_found(traveller_relations: set[Triple], triple: Triple) -> None:
    subject, predicate, obj = triple
    turned = {(o, p, s) for s, p, o in traveller_relations if p in SYMMETRIC}
    found = {
        (s, p, o)
        for s, p, o in traveller_relations | turned
        if p == predicate and s.removeprefix("The ") == subject and o.removeprefix("The ") == obj
    }
    assert found, f"{triple} not among {sorted(traveller_relations)}"


@pytest.mark.parametrize(
    ("predicate", "obj"),
    [
        ("visited", "Vienna"),  # "I shall go to Vienna"
        ("visited", "Berlin"),  # "I hope to be in Berlin"
        ("visited", "Madrid"),  # "I was never in Madrid"
        ("visited", "Lisbon"),  # "If I were in Lisbon"
        ("contributorTo", "Morning Chronicle"),  # "I read in the Morning Chronicle"
        ("participatedIn", "Congress of Berlin"),  # "I" inside someone else's quoted words
        ("spouseOf", "Mrs. Hale"),  # an honorific is not a marriage
    ],
)
def test_wrong_relations_are_not_found(
    traveller_relations: set[Triple], predicate: str, obj: str
) -> None:
    wrong = [t for t in traveller_relations if t[1] == predicate and obj in t[2]]
    assert not wrong


def test_every_relation_fits_its_signature_and_slices_its_evidence(
    traveller: LetterResult,
) -> None:
    types = {e.key: e.type for e in traveller.entities}
    text = traveller.letter.source.text
    assert traveller.relations
    for r in traveller.relations:
        domain, range_ = SIGNATURES[r.predicate]
        assert types[r.subject] in domain and types[r.object] in range_, r
        assert text[r.evidence.start : r.evidence.end] == r.evidence.text, r
        assert 0.0 < r.confidence <= 1.0 and r.rule


def test_the_graph_of_the_relations_conforms_to_the_shapes(traveller: LetterResult) -> None:
    report = validate(to_graph([traveller], Settings().base))
    assert report.conforms, report


def test_letter_level_kinship_and_coordinated_possessive(
    run: Callable[[str], LetterResult],
) -> None:
    found = labelled(run(FATHER))
    assert ("Georges", "childOf", "C. Morel") in found  # "Your loving father"
    assert any(
        s == "Madame Roland" and p == "spouseOf"
        for s, p, _ in found | {(o, p, s) for s, p, o in found}
    )
    assert ("C. Morel", "visited", "Rouen") in found  # "went out to"
    assert not any(p == "visited" and o == "London" for _, p, o in found)  # "I shall go"
    assert not any(p == "participatedIn" for _, p, _ in found)  # "I was not at the Salon"
    assert not any(p == "livesIn" for _, p, _ in found)  # a bare dateline is no address


def test_superscription_gives_the_recipient_an_address(
    run: Callable[[str], LetterResult],
) -> None:
    result = run(SUPERSCRIPTION)
    found = labelled(result)
    assert ("Thomas Avery", "livesIn", "Etruria") in found
    assert not any(s == "J. Whitcombe" and p == "livesIn" for s, p, _ in found)
    corresponds = [r for r in result.relations if r.predicate == "correspondsWith"]
    assert [r.evidence.text for r in corresponds] == ["To Thomas Avery, Esq.,"]


def test_sample_letter_targets(sample_result: LetterResult) -> None:
    found = labelled(sample_result)
    for triple in [
        ("Peter Kropotkin", "visited", "Paris"),
        ("Peter Kropotkin", "correspondsWith", "Alexander Berkman"),
        ("Toulouse Congress", "heldIn", "Toulouse"),
    ]:
        assert any(
            (s.lower(), p, o.lower()) == (triple[0].lower(), triple[1], triple[2].lower())
            for s, p, o in found
        ), triple
    assert any(p == "authorOf" and "French Revolution" in o for _, p, o in found)
    assert any(p == "contributorTo" and "Temps Nouveaux" in o for _, p, o in found)
    assert any(p == "publishedIn" and o == "Geneva" for _, p, o in found)
    gold = load_gold(ROOT / "tests" / "data" / "kropotkin-to-berkman-1908-11-20.gold.json")
    score = evaluate(gold, to_graph([sample_result], Settings().base)).relations
    assert score.precision >= 0.8, score


def test_min_confidence_filters_relations(processor: Any) -> None:
    from kgraph.text.reading import read_text as source_of

    strict = copy.copy(processor)
    strict.settings = replace(processor.settings, min_confidence=0.8)
    loose = processor.process([source_of(TRAVELLER, "test-letter")])[0].relations
    kept = strict.process([source_of(TRAVELLER, "test-letter")])[0].relations
    assert any(r.confidence < 0.8 for r in loose)
    assert kept and all(r.confidence >= 0.8 for r in kept)
    assert set(kept) == {r for r in loose if r.confidence >= 0.8}


def test_relate_keeps_one_relation_per_triple(processor: Any) -> None:
    letter = parse_letter(read_text(TRAVELLER, "test-letter"))
    analysis = analyse_many(processor.nlp, [letter])[0]
    res = resolve(letter, find_mentions(letter, analysis), processor.authority)
    relations = relate(letter, analysis, res.entities, res.sender, res.recipient, res.place)
    keys = [(r.subject, r.predicate, r.object) for r in relations]
    assert len(keys) == len(set(keys))
    symmetric = {frozenset((s, o)) for s, p, o in keys if p in ("spouseOf", "correspondsWith")}
    assert len(symmetric) == sum(p in ("spouseOf", "correspondsWith") for _, p, _ in keys)
    assert relate(letter, analysis, res.entities, None, None, None) != relations


# ---------------------------------------------------------------- the rules file


def test_rule_rows_are_well_formed() -> None:
    ids = [r["id"] for r in RULES if r.get("kind") not in ("set", "guard")]
    assert len(ids) == len(set(ids))
    guards = {r["id"] for r in RULES if r.get("kind") == "guard"}
    for row in RULES:
        if row.get("kind") in ("set", "guard"):
            continue
        assert row["predicate"] in SIGNATURES, row["id"]
        assert 0.0 <= row["confidence"] <= 1.0, row["id"]
        domain, range_ = SIGNATURES[row["predicate"]]
        types = row.get("types", {})
        assert set(types.get("subject", domain)) <= domain, row["id"]
        assert set(types.get("object", range_)) <= range_, row["id"]
        assert {g for names in row.get("guards", {}).values() for g in names} <= guards
    for row in SPAN_RULES:
        assert row.get("example"), f"{row['id']} has no example"
        for pattern in row.get("patterns") or [row["pattern"]]:
            if row.get("kind", "dependency") == "dependency":
                names = {node["RIGHT_ID"] for node in pattern}
                assert {"subject", "object"} <= names, row["id"]
            else:
                assert max(row["subject"], row["object"]) < len(pattern), row["id"]


@pytest.mark.parametrize("row", SPAN_RULES, ids=[r["id"] for r in SPAN_RULES])
def test_every_rule_matches_its_example(processor: Any, row: dict[str, Any]) -> None:
    text = row["example"]
    doc = processor.nlp.make_doc(mask(text))
    doc.user_data["kgraph.emphasis"] = emphasis(text)
    doc = processor.nlp(doc)
    fired = [r for r in doc.user_data["kgraph.relations"] if r["rule"] == row["id"]]
    assert fired, f"{row['id']} does not match {text!r}"


def _classes(graph: Graph, node: Node) -> set[str]:
    """Local names of the kg classes ``node`` stands for (kg:Entity: every entity type)."""
    if isinstance(node, URIRef):
        name = str(node).removeprefix(str(KG))
        return set(ENTITY_TYPES) if name == "Entity" else {name}
    members = graph.value(node, OWL.unionOf)
    assert members is not None
    return {c for m in Collection(graph, members) for c in _classes(graph, m)}


def test_signatures_stay_within_the_ontology() -> None:
    graph = Graph().parse(ROOT / "ontology" / "kgraph.ttl", format="turtle")
    for predicate, (domain, range_) in SIGNATURES.items():
        prop = URIRef(f"{KG}{predicate}")
        declared_domain, declared_range = (
            _classes(graph, node)
            for node in (graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range))
            if node is not None
        )
        assert domain <= declared_domain, predicate
        assert range_ <= declared_range, predicate


def test_calibration_rewrites_only_confidences(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "calibrate_relations", ROOT / "benchmarks" / "calibrate_relations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rules = tmp_path / "relations.jsonl"
    rows = [
        "// a comment stays",
        json.dumps({"kind": "set", "id": "s", "words": ["a"]}),
        json.dumps({"id": "r1", "predicate": "visited", "confidence": 0.5, "pattern": []}),
        json.dumps({"id": "r2", "kind": "letter", "predicate": "livesIn", "confidence": 0.9}),
    ]
    rules.write_text("\n".join(rows) + "\n", encoding="utf-8")
    new = module.rewrite(rules, {"r1": 3 / 4})
    lines = new.splitlines()
    assert lines[:2] == rows[:2]
    assert json.loads(lines[2])["confidence"] == 0.75
    assert json.loads(lines[3])["confidence"] == 0.5  # never fired: the prior
    assert module.rewrite(rules, {"r1": 3 / 4}) == new


@pytest.mark.slow  # every development letter, two matchers
def test_dependency_rules_match_as_spacy_would(processor: Any) -> None:
    """kgraph's dependency-pattern matcher finds exactly the matches of spaCy's
    DependencyMatcher, for every dependency pattern, in every paragraph of the sample and
    development letters and in every rule's example."""
    from spacy.matcher import DependencyMatcher

    from kgraph.nlp.depmatch import DocIndex, find
    from kgraph.nlp.pieces import _pieces

    nlp = processor.nlp
    rules = nlp.get_pipe("kgraph_relations")
    texts = [r["example"] for r in SPAN_RULES]
    for path in [SAMPLE, *sorted((ROOT / "benchmarks" / "letters").glob("*.txt"))]:
        letter = parse_letter(read_text(path.read_text(encoding="utf-8"), path.stem))
        masked = mask(letter.source.text)
        texts += [masked[a:b] for _, a, b in _pieces(letter)]
    docs = list(nlp.pipe(texts, disable=["kgraph_relations"]))
    compared = 0
    for _, plan in rules.by_trigger:
        spacy_matcher = DependencyMatcher(nlp.vocab)
        spacy_matcher.add(plan.key, [rules.keys[plan.key][1]])
        for doc in docs:
            expected = sorted(tuple(ids) for _, ids in spacy_matcher(doc))
            assert sorted(tuple(ids) for ids in find(plan, DocIndex(doc))) == expected, (
                plan.key,
                doc.text,
            )
            compared += len(expected)
    assert compared > 100  # the rules do match, so the comparison means something
