"""Tests of kgraph.evaluation.evaluate and ``kgraph eval`` on small hand-built graphs.

The people, places and Wikidata items (Q999999xxx) are invented. Each test starts from a
graph that matches its gold exactly and changes one thing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef

from kgraph.cli.main import main
from kgraph.errors import DataError
from kgraph.evaluation.evaluate import (
    Evaluation,
    evaluate,
    evaluate_files,
    format_evaluation,
    load_gold,
)
from kgraph.rdf.namespace import KG, SCHEMA, WD

RES = Namespace("https://w3id.org/kgraph/resource/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns under pytest
LETTER = RES["letter/quillfeather-to-amsel-1890-05-02"]
ADA, BEN = RES["person/ada-quillfeather"], RES["person/benedikt-amsel"]
ELDMOOR, PORT = RES["place/eldmoor"], RES["place/port-vessel"]
GAZETTE = RES["periodical/eldmoor-gazette"]

GOLD: dict[str, Any] = {
    "letter": "quillfeather-to-amsel-1890-05-02.txt",
    "metadata": {
        "sender": "Ada Quillfeather",
        "recipient": "Benedikt Amsel",
        "date": "1890-05-02",
        "place": "Eldmoor",
    },
    "entities": [
        {"label": "Ada Quillfeather", "type": "Person", "forms": ["Ada", "Quillfeather"]},
        {"label": "Benedikt Amsel", "type": "Person", "forms": ["Ben", "Amsel"]},
        {"label": "Eldmoor", "type": "Place", "forms": ["Eldmoor"], "wikidata": "Q999999001"},
        {"label": "Port Vessel", "type": "Place", "forms": ["Port Vessel"]},
        {"label": "Eldmoor Gazette", "type": "Periodical", "forms": ["the Gazette"]},
    ],
    "relations": [
        {"subject": "Ada Quillfeather", "predicate": "correspondsWith", "object": "Benedikt Amsel"},
        {"subject": "Ada Quillfeather", "predicate": "visited", "object": "Port Vessel"},
        {"subject": "Eldmoor Gazette", "predicate": "publishedIn", "object": "Eldmoor"},
    ],
}

# IRI -> (class, label, alternate names, QID)
ENTITIES: dict[URIRef, tuple[URIRef, str, tuple[str, ...], str | None]] = {
    ADA: (KG.Person, "Ada Quillfeather", ("Ada",), None),
    BEN: (KG.Person, "Benedikt Amsel", (), None),
    ELDMOOR: (KG.Place, "Eldmoor", (), "Q999999001"),
    PORT: (KG.Place, "Port Vessel", (), None),
    GAZETTE: (KG.Periodical, "Eldmoor Gazette", ("Gazette",), None),
}
RELATIONS = [
    (ADA, KG.correspondsWith, BEN),
    (ADA, KG.visited, PORT),
    (GAZETTE, KG.publishedIn, ELDMOOR),
]


def make_graph(
    entities: dict[URIRef, tuple[URIRef, str, tuple[str, ...], str | None]] | None = None,
    relations: list[tuple[URIRef, URIRef, URIRef]] | None = None,
    date: str | None = "1890-05-02",
    letter: URIRef = LETTER,
) -> Graph:
    graph = Graph()
    graph.add((letter, RDF.type, KG.Letter))
    graph.add((letter, SCHEMA.sender, ADA))
    graph.add((letter, SCHEMA.recipient, BEN))
    graph.add((letter, KG.placeOfWriting, ELDMOOR))
    if date is not None:
        graph.add((letter, SCHEMA.dateSent, Literal(date, datatype=XSD.date)))
    for iri, (cls, label, alternates, qid) in (ENTITIES if entities is None else entities).items():
        graph.add((letter, SCHEMA.mentions, iri))
        graph.add((iri, RDF.type, cls))
        graph.add((iri, RDFS.label, Literal(label)))
        for name in alternates:
            graph.add((iri, SCHEMA.alternateName, Literal(name)))
        if qid:
            graph.add((iri, OWL.sameAs, WD[qid]))
    for triple in RELATIONS if relations is None else relations:
        graph.add(triple)
    return graph


def write_gold(tmp_path: Path, data: Any = None, name: str = "letter.gold.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(GOLD if data is None else data)
    path.write_text(text, encoding="utf-8")
    return path


def run(tmp_path: Path, graph: Graph) -> Evaluation:
    return evaluate(load_gold(write_gold(tmp_path)), graph)


def with_entity(iri: URIRef, **changes: Any) -> dict[URIRef, Any]:
    cls, label, alternates, qid = ENTITIES[iri]
    entry = (
        changes.get("cls", cls),
        changes.get("label", label),
        changes.get("alternates", alternates),
        changes.get("qid", qid),
    )
    return {**ENTITIES, iri: entry}


def test_perfect_prediction_scores_one_everywhere(tmp_path: Path) -> None:
    ev = run(tmp_path, make_graph())
    for score in (ev.entities, ev.entities_name, ev.relations, ev.links):
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert ev.metadata_right == 4 and ev.metadata_score == 1.0
    assert ev.wrong_links == 0
    assert ev.missed == () and ev.spurious == ()
    assert ev.letter == str(LETTER)


def test_wrong_type_lowers_name_and_type_but_not_name_only(tmp_path: Path) -> None:
    ev = run(tmp_path, make_graph(with_entity(PORT, cls=KG.Person)))
    assert ev.entities.correct == 4 and ev.entities.f1 == pytest.approx(0.8)
    assert ev.entities_name.f1 == 1.0
    assert 'Place "Port Vessel" typed Person' in ev.missed
    assert ev.relations.f1 == 1.0  # the relation still maps through the name match


def test_spurious_entity_lowers_precision_only(tmp_path: Path) -> None:
    extra = {**ENTITIES, RES["person/hollis"]: (KG.Person, "Hollis", (), None)}
    ev = run(tmp_path, make_graph(extra))
    assert ev.entities.precision == pytest.approx(5 / 6)
    assert ev.entities.recall == 1.0
    assert ev.spurious == ('Person "Hollis"',)


def test_missing_entity_lowers_recall(tmp_path: Path) -> None:
    entities = {k: v for k, v in ENTITIES.items() if k != GAZETTE}
    relations = [r for r in RELATIONS if GAZETTE not in r]
    ev = run(tmp_path, make_graph(entities, relations))
    assert ev.entities.recall == pytest.approx(4 / 5) and ev.entities.precision == 1.0
    assert 'Periodical "Eldmoor Gazette"' in ev.missed
    assert 'relation publishedIn "Eldmoor Gazette" → "Eldmoor"' in ev.missed


def test_alternate_name_matching_a_gold_form_matches(tmp_path: Path) -> None:
    # Label unlike any gold name; only the alternate name "BEN" (case-folded) matches.
    ev = run(tmp_path, make_graph(with_entity(BEN, label="Mr. B.", alternates=("BEN",))))
    assert ev.entities.f1 == 1.0
    assert ev.metadata_right == 4  # the recipient is matched through the alternate name too


def test_accents_and_articles_are_normalised(tmp_path: Path) -> None:
    ev = run(
        tmp_path, make_graph(with_entity(GAZETTE, label="The Éldmoor  Gazette", alternates=()))
    )
    assert ev.entities.f1 == 1.0


def test_matching_is_one_to_one(tmp_path: Path) -> None:
    twin = {**ENTITIES, RES["person/ada"]: (KG.Person, "Ada", (), None)}
    ev = run(tmp_path, make_graph(twin))
    assert ev.entities.correct == 5 and ev.entities.predicted == 6
    assert ev.spurious == ('Person "Ada"',)


def test_symmetric_relation_matches_swapped_arguments(tmp_path: Path) -> None:
    relations = [(BEN, KG.correspondsWith, ADA), (ADA, KG.visited, PORT), RELATIONS[2]]
    ev = run(tmp_path, make_graph(relations=relations))
    assert ev.relations.f1 == 1.0


def test_directed_relation_with_swapped_arguments_is_wrong(tmp_path: Path) -> None:
    relations = [RELATIONS[0], (PORT, KG.visited, ADA), RELATIONS[2]]
    ev = run(tmp_path, make_graph(relations=relations))
    assert ev.relations.correct == 2
    assert ev.relations.precision == pytest.approx(2 / 3)
    assert 'relation visited "Ada Quillfeather" → "Port Vessel"' in ev.missed
    assert 'relation visited "Port Vessel" → "Ada Quillfeather"' in ev.spurious


def test_relation_to_unmatched_entity_is_spurious(tmp_path: Path) -> None:
    hollis = RES["person/hollis"]
    entities = {**ENTITIES, hollis: (KG.Person, "Hollis", (), None)}
    ev = run(tmp_path, make_graph(entities, [*RELATIONS, (hollis, KG.visited, PORT)]))
    assert (ev.relations.correct, ev.relations.predicted) == (3, 4)
    assert any("unmatched entity" in item for item in ev.spurious)


def test_non_relation_predicates_are_ignored(tmp_path: Path) -> None:
    graph = make_graph()
    graph.add((ADA, KG.mentionOf, BEN))
    assert run(tmp_path, graph).relations.predicted == 3


def test_wrong_links_are_counted(tmp_path: Path) -> None:
    entities = {**with_entity(ELDMOOR, qid="Q999999009")}
    entities[PORT] = (KG.Place, "Port Vessel", (), "Q999999002")  # gold has no id
    ev = run(tmp_path, make_graph(entities))
    assert ev.wrong_links == 2
    assert (ev.links.correct, ev.links.predicted, ev.links.expected) == (0, 2, 1)
    assert ev.links.f1 == 0.0
    assert 'link "Eldmoor" → wd:Q999999009 (gold wd:Q999999001)' in ev.spurious
    assert 'link "Port Vessel" → wd:Q999999002 (gold has no id)' in ev.spurious
    assert 'link "Eldmoor" → wd:Q999999001' in ev.missed


def test_link_on_unmatched_entity_is_spurious_not_wrong(tmp_path: Path) -> None:
    entities = {**ENTITIES, RES["place/nowhere"]: (KG.Place, "Nowhere", (), "Q999999003")}
    ev = run(tmp_path, make_graph(entities))
    assert ev.wrong_links == 0
    assert ev.links.precision == 0.5 and ev.links.recall == 1.0


def test_metadata_fields_are_checked_one_by_one(tmp_path: Path) -> None:
    graph = make_graph(date="1890-05")
    graph.remove((LETTER, KG.placeOfWriting, None))
    graph.remove((LETTER, SCHEMA.recipient, None))
    graph.add((LETTER, SCHEMA.recipient, PORT))
    ev = run(tmp_path, graph)
    right = {check.field: check.right for check in ev.metadata}
    assert right == {"sender": True, "recipient": False, "date": False, "place": False}
    assert ev.metadata_score == 0.25
    text = format_evaluation(ev)
    assert "metadata 1/4" in text
    assert "✓ sender     Ada Quillfeather" in text
    assert "✗ recipient  expected Benedikt Amsel, got Port Vessel" in text
    assert "✗ date       expected 1890-05-02, got 1890-05" in text
    assert "✗ place      expected Eldmoor, got —" in text


def test_absent_metadata_on_both_sides_is_right(tmp_path: Path) -> None:
    gold = {**GOLD, "metadata": {**GOLD["metadata"], "date": None, "recipient": None}}
    graph = make_graph(date=None)
    graph.remove((LETTER, SCHEMA.recipient, None))
    ev = evaluate(load_gold(write_gold(tmp_path, gold)), graph)
    assert ev.metadata_right == 4


def test_letter_is_chosen_by_the_gold_file_name(tmp_path: Path) -> None:
    graph = make_graph()
    other = RES["letter/someone-else"]
    graph += make_graph(entities={PORT: ENTITIES[PORT]}, relations=[], letter=other)
    ev = run(tmp_path, graph)
    assert ev.letter == str(LETTER) and ev.entities.f1 == 1.0
    gold = load_gold(write_gold(tmp_path, {**GOLD, "letter": "missing.txt"}))
    with pytest.raises(DataError, match="no letter 'missing'"):
        evaluate(gold, graph)
    assert evaluate(gold, graph, LETTER).entities.f1 == 1.0


def test_to_dict_is_json(tmp_path: Path) -> None:
    data = json.loads(json.dumps(run(tmp_path, make_graph(with_entity(PORT, qid="Q1"))).to_dict()))
    assert data["entities"]["f1"] == 1.0
    assert data["links"]["wrong"] == 1
    assert data["metadata"]["date"] == {
        "expected": "1890-05-02",
        "got": "1890-05-02",
        "right": True,
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({k: v for k, v in GOLD.items() if k != "entities"}), "missing key 'entities'"),
        (json.dumps({**GOLD, "entities": [{"label": "X", "type": "Ship", "forms": []}]}), "Ship"),
        (
            json.dumps(
                {
                    **GOLD,
                    "relations": [
                        {"subject": "Nobody", "predicate": "visited", "object": "Eldmoor"}
                    ],
                }
            ),
            "not an entity label",
        ),
    ],
)
def test_bad_gold_files_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write_gold(tmp_path, text, "bad.gold.json")
    with pytest.raises(DataError, match=message) as info:
        load_gold(path)
    assert "bad.gold.json" in str(info.value)


def test_evaluate_files_reads_turtle_and_quads(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    make_graph().serialize(tmp_path / "letter.ttl", format="turtle")
    assert evaluate_files(gold, [tmp_path / "letter.ttl"]).entities.f1 == 1.0
    dataset = Dataset()
    named = dataset.graph(LETTER)
    for triple in make_graph():
        named.add(triple)
    dataset.serialize(tmp_path / "letter.nq", format="nquads")
    assert evaluate_files(gold, [tmp_path / "letter.nq"]).relations.f1 == 1.0


def test_cli_eval_prints_the_table(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    make_graph(with_entity(PORT, cls=KG.Person)).serialize(tmp_path / "out.ttl", format="turtle")
    result = CliRunner().invoke(main, ["eval", str(gold), str(tmp_path / "out.ttl")])
    assert result.exit_code == 0, result.output
    assert "entities (name+type)" in result.output
    assert "entities (name only)" in result.output
    assert "metadata 4/4" in result.output
    assert 'Place "Port Vessel" typed Person' in result.output


def test_cli_eval_json(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    make_graph().serialize(tmp_path / "out.ttl", format="turtle")
    result = CliRunner().invoke(main, ["eval", "--json", str(gold), str(tmp_path / "out.ttl")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["relations"]["f1"] == 1.0


def test_cli_eval_missing_gold_file_is_a_one_line_error(tmp_path: Path) -> None:
    make_graph().serialize(tmp_path / "out.ttl", format="turtle")
    missing = tmp_path / "nothing.gold.json"
    result = CliRunner().invoke(main, ["eval", str(missing), str(tmp_path / "out.ttl")])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "nothing.gold.json" in lines[0]
