"""The shared reader of built collections (kgraph.export.collection): files, an embedded store
and a real ``oxigraph serve`` endpoint give the same plain values."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgraph.errors import DataError
from kgraph.export.collection import Collection, read_collection
from tests.conftest import GOLDEN

# Two letters written for this test, sharing one person (same IRI and label, different
# alternate names and authority ids in each letter).
TRIG = """
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix r: <https://w3id.org/kgraph/resource/> .
@prefix wd: <http://www.wikidata.org/entity/> .

<https://w3id.org/kgraph/resource/letter/b> {
  <https://w3id.org/kgraph/resource/letter/b> a kg:Letter ; rdfs:label "Letter B" ;
    schema:dateSent "1890-03"^^xsd:gYearMonth ; kg:text "Greetings from Ada Quill." ;
    schema:sender r:person\\/ada ; schema:mentions r:person\\/ada .
  r:person\\/ada a kg:Person ; rdfs:label "Ada Quill" ; schema:alternateName "A. Quill" ;
    schema:sameAs <https://d-nb.info/gnd/1234567> .
  <https://w3id.org/kgraph/resource/letter/b#char=15,24> a kg:Mention ;
    kg:mentionOf r:person\\/ada ; kg:inLetter <https://w3id.org/kgraph/resource/letter/b> ;
    kg:anchorOf "Ada Quill" ; kg:beginIndex 15 ; kg:endIndex 24 .
}

<https://w3id.org/kgraph/resource/letter/a> {
  <https://w3id.org/kgraph/resource/letter/a> a kg:Letter ; rdfs:label "Letter A" ;
    schema:name "Quill to Orm" ; kg:text "Quill went to Brindle. Quill." ;
    schema:recipient r:person\\/ada ; kg:placeOfWriting r:place\\/brindle ;
    kg:sourceEdition <https://w3id.org/kgraph/resource/letter/a#source> .
  <https://w3id.org/kgraph/resource/letter/a#source> a kg:SourceEdition ;
    schema:name "Collected Quills" .
  r:person\\/ada a kg:Person ; rdfs:label "Ada Quill" ; schema:alternateName "Quill" ;
    schema:sameAs <https://viaf.org/viaf/98765> .
  r:place\\/brindle a kg:Place ; rdfs:label "Brindle" ; owl:sameAs wd:Q84 .
  r:person\\/ada kg:visited r:place\\/brindle .
  <https://w3id.org/kgraph/resource/letter/a#x1> a kg:Assertion ; rdf:subject r:person\\/ada ;
    rdf:predicate kg:visited ; rdf:object r:place\\/brindle ; kg:evidence "Quill went to Brindle." ;
    kg:beginIndex 0 ; kg:endIndex 22 ; kg:confidence 0.8 ; kg:rule "test:rule" ;
    prov:wasDerivedFrom <https://w3id.org/kgraph/resource/letter/a> .
  <https://w3id.org/kgraph/resource/letter/a#x2> a kg:Assertion ; rdf:subject r:place\\/brindle ;
    rdf:predicate owl:sameAs ; rdf:object wd:Q84 ; kg:confidence 0.9 ;
    prov:wasDerivedFrom <https://w3id.org/kgraph/resource/letter/a> .
  <https://w3id.org/kgraph/resource/letter/a#char=23,28> a kg:Mention ;
    kg:mentionOf r:person\\/ada ; kg:inLetter <https://w3id.org/kgraph/resource/letter/a> ;
    kg:anchorOf "Quill" ; kg:beginIndex 23 ; kg:endIndex 28 .
  <https://w3id.org/kgraph/resource/letter/a#char=0,5> a kg:Mention ;
    kg:mentionOf r:person\\/ada ; kg:inLetter <https://w3id.org/kgraph/resource/letter/a> ;
    kg:anchorOf "Quill" ; kg:beginIndex 0 ; kg:endIndex 5 .
  <https://w3id.org/kgraph/resource/letter/a#char=14,21> a kg:Mention ;
    kg:mentionOf r:place\\/brindle ; kg:inLetter <https://w3id.org/kgraph/resource/letter/a> ;
    kg:anchorOf "Brindle" ; kg:beginIndex 14 ; kg:endIndex 21 .
}
"""
R = "https://w3id.org/kgraph/resource/"


@pytest.fixture
def trig(tmp_path: Path) -> Path:
    path = tmp_path / "two.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


def check_two(c: Collection) -> None:
    assert [letter.iri for letter in c.letters] == [f"{R}letter/a", f"{R}letter/b"]
    a, b = c.letters
    assert a.name == "Quill to Orm" and b.name == "Letter B"  # heading, else the label
    assert a.graph == a.iri and b.graph == b.iri
    assert a.source_edition == "Collected Quills" and b.source_edition is None
    assert b.date == "1890-03" and a.date is None
    assert a.recipient == f"{R}person/ada" and b.sender == f"{R}person/ada"
    assert a.place == f"{R}place/brindle"
    assert [(m.begin, m.end) for m in a.mentions] == [(0, 5), (14, 21), (23, 28)]
    for letter in c.letters:
        for m in letter.mentions:
            assert letter.text is not None and letter.text[m.begin : m.end] == m.anchor
    # only the kg: relation, not the Wikidata link's assertion
    assert [(r.predicate, r.begin, r.end, r.confidence, r.rule) for r in a.relations] == [
        ("visited", 0, 22, 0.8, "test:rule")
    ]
    ada = c.entities[f"{R}person/ada"]
    assert ada.label == "Ada Quill" and ada.type == "Person"
    assert ada.alternate_names == ("A. Quill", "Quill")  # merged over both letters
    assert ada.same_as == ("https://d-nb.info/gnd/1234567", "https://viaf.org/viaf/98765")
    assert c.entities[f"{R}place/brindle"].wikidata == "Q84"


def test_quads_file_two_letters_merged(trig: Path) -> None:
    check_two(read_collection([trig]))


def test_turtle_sample_offsets_and_metadata() -> None:
    c = read_collection([GOLDEN])
    (letter,) = c.letters
    assert letter.text is not None and letter.mentions
    for m in letter.mentions:
        assert letter.text[m.begin : m.end] == m.anchor
        assert m.entity in c.entities
    assert letter.sender is not None and c.entities[letter.sender].type == "Person"
    assert letter.date == "1908-11-20"
    assert letter.graph == letter.iri  # Turtle: no named graph, the letter IRI stands in
    assert read_collection([GOLDEN]) == c  # deterministic


def test_embedded_store_same_as_files(trig: Path, tmp_path: Path) -> None:
    from kgraph.store.embedded import load_store

    load_store([trig], tmp_path / "store")
    check_two(read_collection(store=tmp_path / "store"))
    assert read_collection(store=tmp_path / "store") == read_collection([trig])


@pytest.fixture
def oxigraph_default(tmp_path: Path) -> Iterator[str]:
    """``oxigraph serve`` with its defaults (letters in named graphs, empty default graph)."""
    from kgraph.store.serve import oxigraph_binary
    from tests.test_store import free_port, stop, wait_until_answers

    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(tmp_path / "db")]
    command += ["--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answers(f"{base}/query?query=ASK%7B%7D", process)
        yield base
    finally:
        stop(process)


def test_endpoint_named_graphs(trig: Path, oxigraph_default: str) -> None:
    from kgraph.store.endpoint import load_endpoint

    load_endpoint([trig], f"{oxigraph_default}/store")
    c = read_collection(endpoint=f"{oxigraph_default}/query")
    check_two(c)
    assert c == read_collection([trig])


def test_exactly_one_source(trig: Path, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="exactly one source"):
        read_collection()
    with pytest.raises(DataError, match="exactly one source"):
        read_collection([trig], store=tmp_path)
    empty = tmp_path / "empty.ttl"
    empty.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"empty\.ttl: no kg:Letter"):
        read_collection([empty])
