"""kgraph's Turtle writer (``kgraph.rdf.turtle``) writes exactly the bytes of rdflib's Turtle
serializer: on the sample letter, on the development letters as one corpus graph, and on
generated triples with hostile IRIs and literals of every kind kgraph writes. Its N-Quads
are rdflib's N-Quads serializer's, lines sorted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kgraph.model import LetterResult
from kgraph.rdf.graph import graph_triples, prefixed, to_dataset, to_graph
from kgraph.rdf.namespace import KG, SCHEMA, WD
from kgraph.rdf.turtle import turtle
from kgraph.rdf.write import serialize
from kgraph.settings import project_root
from kgraph.text.reading import read_path

BASE = "https://w3id.org/kgraph/resource/"
DEV = sorted((project_root() / "benchmarks" / "letters").glob("*.txt"))


def rdflib_turtle(triples: list[tuple[Node, Node, Node]], base: str = BASE) -> bytes:
    graph = prefixed(base)
    for triple in triples:
        graph.add(triple)
    data: bytes = graph.serialize(format="turtle", encoding="utf-8")
    return data


def test_sample_letter_bytes_equal_rdflib(sample_result: LetterResult) -> None:
    ours = serialize([sample_result], "ttl", BASE)
    assert ours == to_graph([sample_result], BASE).serialize(format="turtle", encoding="utf-8")


@pytest.mark.slow  # the development corpus
def test_development_corpus_bytes_equal_rdflib(processor) -> None:  # type: ignore[no-untyped-def]
    assert len(DEV) >= 10
    results = processor.process([read_path(p) for p in DEV])
    triples = list(graph_triples(results, BASE))
    assert turtle(triples, prefixed(BASE)) == rdflib_turtle(triples)
    for result in results:  # and letter by letter, as a corpus build writes them
        assert serialize([result], "ttl", BASE) == rdflib_turtle(
            list(graph_triples([result], BASE))
        )
        nquads = to_dataset([result], BASE).serialize(format="nquads", encoding="utf-8")
        lines = sorted({line for line in nquads.decode("utf-8").split("\n") if line.strip()})
        assert serialize([result], "nq", BASE).decode("utf-8") == "\n".join(lines) + "\n"


def test_blank_nodes_are_refused() -> None:
    with pytest.raises(ValueError, match="blank nodes"):
        turtle([(BNode(), RDF.type, KG.Letter)], prefixed(BASE))


hostile = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30)
local = st.text(alphabet="abcXYZ09-_.%()/~:#é", min_size=0, max_size=12)
iris = st.one_of(
    st.builds(lambda n: URIRef(f"{BASE}person/{n}"), local),
    st.builds(lambda n: URIRef(f"{BASE}{n}"), local),
    st.builds(lambda n: URIRef(f"{KG}{n}"), local),
    st.builds(lambda n: URIRef(f"{WD}Q{n}"), local),
    st.builds(lambda n: URIRef(f"{SCHEMA}{n}"), local),
    st.builds(lambda n: URIRef(f"http://example.org/{n}"), local),
    st.sampled_from([KG.Person, KG.Letter, RDFS.Class, RDF.nil, RDF.Statement]),
)
literals = st.one_of(
    st.builds(Literal, hostile),
    st.builds(
        lambda t, lang: Literal(t, lang=lang), hostile, st.sampled_from(["en", "fr", "de-CH"])
    ),
    st.builds(lambda n: Literal(n, datatype=XSD.integer), st.integers(-(10**12), 10**12)),
    st.builds(  # kgraph writes decimals with two places (confidences)
        lambda n: Literal(Decimal(f"{n / 100:.2f}"), datatype=XSD.decimal),
        st.integers(-10_000, 10_000),
    ),
    st.builds(
        lambda t: Literal(t, datatype=XSD.date), st.sampled_from(["1908-11-20", "0999-01-01"])
    ),
    st.builds(lambda t: Literal(t, datatype=XSD.gYear), st.sampled_from(["1908", "-0044"])),
    st.builds(
        lambda t, n: Literal(t, datatype=URIRef(f"http://example.org/dt/{n}")), hostile, local
    ),
)
predicates = st.one_of(
    st.sampled_from(
        [RDF.type, RDFS.label, KG.mentionOf, KG.confidence, SCHEMA.name, SCHEMA.mentions]
    ),
    st.builds(lambda n: URIRef(f"{KG}{n}"), st.text(alphabet="abcXYZ", min_size=1, max_size=6)),
)
triples = st.lists(st.tuples(iris, predicates, st.one_of(iris, literals)), max_size=40)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(triples=triples)
def test_generated_graphs_bytes_equal_rdflib(triples: list[tuple[Node, Node, Node]]) -> None:
    assert turtle(triples, prefixed(BASE)) == rdflib_turtle(triples)
    # and it is Turtle: it reads back as the same triples
    if triples:
        assert set(Graph().parse(data=turtle(triples, prefixed(BASE)), format="turtle")) == set(
            triples
        )


def test_output_file_matches_writer(sample_path: Path, sample_result: LetterResult) -> None:
    golden = project_root() / "output" / f"{sample_path.stem}.ttl"
    assert serialize([sample_result], "ttl", BASE) == golden.read_bytes()
