"""End to end on the sample letter: contract, offsets, determinism, independent parsers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kgraph.model import LetterResult
from kgraph.rdf.graph import to_graph
from kgraph.rdf.namespace import KG, SCHEMA
from kgraph.rdf.write import serialize
from kgraph.settings import Settings

from .conftest import GOLDEN

BASE = Settings().base
ENTITY_CLASSES = {
    KG.Person,
    KG.Place,
    KG.Organization,
    KG.Periodical,
    KG.Work,
    KG.Event,
    KG.Group,
    KG.Concept,
}


@pytest.fixture(scope="module")
def sample_graph(sample_result: LetterResult) -> Graph:
    return to_graph([sample_result], BASE)


def _letter(graph: Graph) -> URIRef:
    letters = list(graph.subjects(RDF.type, KG.Letter))
    assert len(letters) == 1
    return URIRef(letters[0])


def _label(graph: Graph, node: object) -> str:
    return str(graph.value(node, RDFS.label))  # type: ignore[arg-type]


def test_letter_metadata_follows_the_contract(sample_graph: Graph) -> None:
    g, letter = sample_graph, _letter(sample_graph)
    assert _label(g, g.value(letter, SCHEMA.sender)) == "Peter Kropotkin"
    assert _label(g, g.value(letter, SCHEMA.recipient)) == "Alexander Berkman"
    assert g.value(letter, SCHEMA.dateSent) == Literal("1908-11-20", datatype=XSD.date)
    assert _label(g, g.value(letter, KG.placeOfWriting)) == "London"
    assert "Muswill Hill Row" in str(g.value(letter, KG.address))
    assert len(str(g.value(letter, KG.sourceChecksum))) == 64
    assert g.value(letter, KG.nlpModel) is not None


def test_every_entity_has_one_label_one_class_and_is_mentioned(sample_graph: Graph) -> None:
    g, letter = sample_graph, _letter(sample_graph)
    entities = set(g.objects(letter, SCHEMA.mentions))
    assert len(entities) >= 10
    for e in entities:
        assert len(list(g.objects(e, RDFS.label))) == 1, e
        classes = set(g.objects(e, RDF.type)) & ENTITY_CLASSES
        assert len(classes) == 1, (e, classes)
        assert any(g.subjects(KG.mentionOf, e)), e


def test_mentions_slice_the_input_exactly(sample_graph: Graph, sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    mentions = list(sample_graph.subjects(RDF.type, KG.Mention))
    assert mentions
    for m in mentions:
        begin = int(sample_graph.value(m, KG.beginIndex))  # type: ignore[arg-type]
        end = int(sample_graph.value(m, KG.endIndex))  # type: ignore[arg-type]
        assert text[begin:end] == str(sample_graph.value(m, KG.anchorOf))
        assert str(m).endswith(f"#char={begin},{end}")


def test_no_blank_nodes(sample_graph: Graph) -> None:
    for triple in sample_graph:
        assert all(isinstance(t, (URIRef, Literal)) for t in triple), triple


def test_kropotkin_forms_are_one_entity(sample_graph: Graph) -> None:
    g = sample_graph
    sender = g.value(_letter(g), SCHEMA.sender)
    forms = {str(o) for o in g.objects(sender, SCHEMA.alternateName)}
    assert {"Pëtr Kropotkin", "Kropotkin", "Peter"} <= forms


def test_relations_have_assertions_with_evidence(sample_graph: Graph, sample_path: Path) -> None:
    text = sample_path.read_text(encoding="utf-8")
    assertions = list(sample_graph.subjects(RDF.type, KG.Assertion))
    predicates = {sample_graph.value(a, RDF.predicate) for a in assertions}
    assert KG.correspondsWith in predicates and KG.visited in predicates
    for a in assertions:
        s, p, o = (sample_graph.value(a, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in sample_graph
        if p == OWL.sameAs:
            continue
        begin = int(sample_graph.value(a, KG.beginIndex))  # type: ignore[arg-type]
        end = int(sample_graph.value(a, KG.endIndex))  # type: ignore[arg-type]
        assert text[begin:end] == str(sample_graph.value(a, KG.evidence))
        assert 0 <= float(sample_graph.value(a, KG.confidence)) <= 1  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_every_format_parses_with_rdflib_and_is_deterministic(
    sample_result: LetterResult, sample_graph: Graph, fmt: str
) -> None:
    data = serialize([sample_result], fmt, BASE)  # type: ignore[arg-type]
    assert data == serialize([sample_result], fmt, BASE)  # type: ignore[arg-type]
    rdflib_format = {
        "ttl": "turtle",
        "nt": "nt",
        "nq": "nquads",
        "trig": "trig",
        "jsonld": "json-ld",
    }[fmt]
    if fmt in ("nq", "trig"):
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=data, format=rdflib_format)
        assert sum(1 for _ in ds.quads()) == len(sample_graph)
    else:
        parsed = Graph().parse(data=data, format=rdflib_format)
        assert isomorphic(parsed, sample_graph)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig"])
def test_pyoxigraph_parses_our_output(
    sample_result: LetterResult, sample_graph: Graph, fmt: str
) -> None:
    data = serialize([sample_result], fmt, BASE)  # type: ignore[arg-type]
    rdf_format = {
        "ttl": pyoxigraph.RdfFormat.TURTLE,
        "nt": pyoxigraph.RdfFormat.N_TRIPLES,
        "nq": pyoxigraph.RdfFormat.N_QUADS,
        "trig": pyoxigraph.RdfFormat.TRIG,
    }[fmt]
    quads = list(pyoxigraph.parse(data, format=rdf_format))
    assert len(quads) == len(sample_graph)


@pytest.mark.skipif(
    shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed"
)
@pytest.mark.parametrize(
    ("fmt", "name"), [("ttl", "turtle"), ("nt", "ntriples"), ("nq", "nquads"), ("trig", "trig")]
)
def test_rapper_parses_our_output(
    sample_result: LetterResult, sample_graph: Graph, tmp_path: Path, fmt: str, name: str
) -> None:
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(serialize([sample_result], fmt, BASE))  # type: ignore[arg-type]
    done = subprocess.run(
        ["rapper", "-i", name, "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert f"returned {len(sample_graph)} " in done.stderr


def test_committed_output_is_current(sample_result: LetterResult) -> None:
    """A fresh build equals output/…ttl byte for byte (run `make run` to refresh it)."""
    fresh = serialize([sample_result], "ttl", BASE)
    committed = GOLDEN.read_bytes()
    if fresh != committed:
        old, new = (
            Graph().parse(data=committed, format="turtle"),
            Graph().parse(data=fresh, format="turtle"),
        )
        _, only_old, only_new = graph_diff(to_isomorphic(old), to_isomorphic(new))
        lines = sorted(
            f"- {t}" for t in only_old.serialize(format="nt").splitlines() if t
        ) + sorted(f"+ {t}" for t in only_new.serialize(format="nt").splitlines() if t)
        pytest.fail("output/ is stale or the build is not deterministic:\n" + "\n".join(lines[:60]))


def test_output_conforms_to_the_shapes(sample_graph: Graph) -> None:
    from kgraph.rdf.validate import format_report, validate

    report = validate(sample_graph)
    assert report.conforms, format_report(report)
