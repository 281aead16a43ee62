"""``kgraph export annotations``: every mention as a W3C Web Annotation, parsed as JSON-LD by
rdflib with a local copy of the context (nothing is fetched), every selector checked against
the letter's text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kgraph.cli.main import main
from kgraph.export.annotations import ANNO_CONTEXT
from kgraph.export.collection import read_collection
from tests.conftest import GOLDEN

OA = Namespace("http://www.w3.org/ns/oa#")
# The terms of http://www.w3.org/ns/anno.jsonld that the export uses, written out here so
# rdflib never goes to the network for the context.
LOCAL_CONTEXT = {
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": {"@id": "@id", "@type": "@id"},
    "type": {"@id": "@type", "@type": "@id"},
    "Annotation": "oa:Annotation",
    "SpecificResource": "oa:SpecificResource",
    "TextPositionSelector": "oa:TextPositionSelector",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "identifying": "oa:identifying",
    "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"},
    "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
    "body": {"@type": "@id", "@id": "oa:hasBody"},
    "target": {"@type": "@id", "@id": "oa:hasTarget"},
    "source": {"@type": "@id", "@id": "oa:hasSource"},
    "selector": {"@type": "@id", "@id": "oa:hasSelector"},
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
}


def test_annotations_parse_as_json_ld_and_selectors_slice_the_text(tmp_path: Path) -> None:
    out = tmp_path / "annotations.jsonld"
    done = CliRunner().invoke(main, ["export", "annotations", str(GOLDEN), "-o", str(out)])
    assert done.exit_code == 0, done.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == ANNO_CONTEXT
    collection = read_collection([GOLDEN])
    (letter,) = collection.letters
    assert letter.text is not None
    assert len(document["@graph"]) == len(letter.mentions) > 10

    document["@context"] = LOCAL_CONTEXT
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    annotations = set(graph.subjects(RDF.type, OA.Annotation))
    assert len(annotations) == len(letter.mentions)
    for anno in annotations:
        assert (anno, OA.motivatedBy, OA.identifying) in graph
        target = graph.value(anno, OA.hasTarget)
        assert graph.value(target, OA.hasSource) == URIRef(letter.iri)
        selectors = {graph.value(s, RDF.type): s for s in graph.objects(target, OA.hasSelector)}
        position, quote = selectors[OA.TextPositionSelector], selectors[OA.TextQuoteSelector]
        start = int(graph.value(position, OA.start).toPython())
        end = int(graph.value(position, OA.end).toPython())
        exact = str(graph.value(quote, OA.exact))
        assert letter.text[start:end] == exact
        assert letter.text[:start].endswith(str(graph.value(quote, OA.prefix)))
        assert letter.text[end:].startswith(str(graph.value(quote, OA.suffix)))
        bodies = {graph.value(b, OA.hasSource) for b in graph.objects(anno, OA.hasBody)}
        mention = next(m for m in letter.mentions if (m.begin, m.end) == (start, end))
        assert URIRef(mention.entity) in bodies
        qid = collection.entities[mention.entity].wikidata
        if qid:
            assert URIRef(f"http://www.wikidata.org/entity/{qid}") in bodies
    assert Literal("Kropotkin") in set(graph.objects(None, OA.exact))
    again = tmp_path / "again.jsonld"
    CliRunner().invoke(main, ["export", "annotations", str(GOLDEN), "-o", str(again)])
    assert again.read_bytes() == out.read_bytes()
