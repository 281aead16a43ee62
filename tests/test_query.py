"""Tests of kgraph.store.query and kgraph.store.results, and of every query in queries/.

The fixture graph is invented (people, places, Wikidata items Q999999xxx) and follows the
vocabulary contract the pipeline writes: letters, entities, mentions, relation assertions
and Wikidata links. It is written once as a single Turtle file, once as N-Quads with a named
graph per letter, and in other layouts; every query must give the same rows on each.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

import kgraph.rdf.datafiles as datafiles
from kgraph.errors import DataError, QueryError
from kgraph.store.query import (
    format_result,
    load_data,
    load_graphs,
    named_queries,
    query,
    resolve_query,
    run_query,
)
from kgraph.store.results import QueryResult, Term

from .conftest import KG, OWL, PROV, RDF, RDFS, RES, SCHEMA, WD, XSD

query_module = importlib.import_module("kgraph.store.query")  # the package also exports query()


L1 = RES["letter/quillfeather-to-amsel-1890-05-02"]
L2 = RES["letter/amsel-to-quillfeather-1890-06"]
L3 = RES["letter/ostrander-to-quillfeather-undated"]
ADA, BEN, CLARA = RES["person/ada-quillfeather"], RES["person/benedikt-amsel"], RES["person/clara"]
ELDMOOR, PORT = RES["place/eldmoor"], RES["place/port-vessel"]
SOCIETY = RES["organization/society-of-lamplighters"]

ENTITIES = {
    ADA: (KG.Person, "Ada Quillfeather", (), None),
    BEN: (KG.Person, "Benedikt Amsel", ("Ben",), None),
    CLARA: (KG.Person, "Clara Ostrander", ("Mrs Ostrander",), (WD.Q999999002, "0.8", "alias")),
    ELDMOOR: (KG.Place, "Eldmoor", (), (WD.Q999999001, "0.95", "label-match")),
    PORT: (KG.Place, "Port Vessel", (), None),
    SOCIETY: (KG.Organization, "Society of Lamplighters", (), None),
}
TEXT1 = (
    "Dear Benedikt,\nI write from Eldmoor. Clara has gone to Port Vessel. "
    "The Society of Lamplighters met on Tuesday, and Clara spoke.\nYours, Ada"
)
TEXT2 = "Dear Ada,\nI live in Port Vessel now, and Mrs Ostrander sends her regards.\nBenedikt"
# (letter, sender, recipient, date, place, text, [(anchor, entity, occurrence)], relations)
LETTERS = [
    (
        L1,
        ADA,
        BEN,
        Literal("1890-05-02", datatype=XSD.date),
        ELDMOOR,
        TEXT1,
        [
            ("Benedikt", BEN, 0),
            ("Eldmoor", ELDMOOR, 0),
            ("Clara", CLARA, 0),
            ("Port Vessel", PORT, 0),
            ("Society of Lamplighters", SOCIETY, 0),
            ("Clara", CLARA, 1),
        ],
        [
            (CLARA, KG.visited, PORT, "Clara has gone to Port Vessel.", "0.9", "went-to"),
            (
                CLARA,
                KG.memberOf,
                SOCIETY,
                "The Society of Lamplighters met on Tuesday, and Clara spoke.",
                "0.6",
                "member-speaks",
            ),
        ],
    ),
    (
        L2,
        BEN,
        ADA,
        Literal("1890-06", datatype=XSD.gYearMonth),
        PORT,
        TEXT2,
        [("Ada", ADA, 0), ("Port Vessel", PORT, 0), ("Mrs Ostrander", CLARA, 0)],
        [
            (
                BEN,
                KG.livesIn,
                PORT,
                "I live in Port Vessel now, and Mrs Ostrander sends her regards.",
                "0.75",
                "first-person-lives-in",
            )
        ],
    ),
    (L3, CLARA, ADA, None, None, "Dear Ada, a short note.", [], []),
]


def _offset(text: str, anchor: str, occurrence: int) -> int:
    begin = -1
    for _ in range(occurrence + 1):
        begin = text.index(anchor, begin + 1)
    return begin


def build_dataset() -> Dataset:
    """One named graph per letter; each graph repeats the entities it needs, as files do."""
    ds = Dataset()
    for prefix, ns in (("kg", KG), ("schema", SCHEMA), ("wd", WD), ("res", RES)):
        ds.bind(prefix, ns)
    for letter, sender, recipient, date, place, text, anchors, relations in LETTERS:
        g = ds.graph(letter)
        g.add((letter, RDF.type, KG.Letter))
        g.add((letter, RDFS.label, Literal(f"Letter {letter.rsplit('/', 1)[1]}")))
        g.add((letter, SCHEMA.sender, sender))
        g.add((letter, SCHEMA.recipient, recipient))
        g.add((letter, KG.sourceChecksum, Literal(hashlib.sha256(text.encode()).hexdigest())))
        g.add((letter, KG.address, Literal(text.split("\n")[0])))
        if date is not None:
            g.add((letter, SCHEMA.dateSent, date))
            g.add((letter, KG.dateText, Literal(str(date))))
        if place is not None:
            g.add((letter, KG.placeOfWriting, place))
        needed = {sender, recipient, *([place] if place else [])}
        for anchor, entity, occurrence in anchors:
            begin = _offset(text, anchor, occurrence)
            mention = URIRef(f"{letter}#char={begin},{begin + len(anchor)}")
            g.add((mention, KG.mentionOf, entity))
            g.add((mention, KG.inLetter, letter))
            g.add((mention, KG.anchorOf, Literal(anchor)))
            g.add((mention, KG.beginIndex, Literal(begin)))
            g.add((mention, KG.endIndex, Literal(begin + len(anchor))))
            g.add((letter, SCHEMA.mentions, entity))
            needed.add(entity)
        for s, p, o, evidence, confidence, rule in relations:
            g.add((s, p, o))
            begin = text.index(evidence)
            _assertion(g, s, p, o, confidence, rule, letter, evidence, begin)
            needed.update((s, o))
        for entity in needed:
            cls, label, alternates, link = ENTITIES[entity]
            g.add((entity, RDF.type, cls))
            g.add((entity, RDFS.label, Literal(label)))
            for alternate in alternates:
                g.add((entity, SCHEMA.alternateName, Literal(alternate)))
            if link:
                g.add((entity, OWL.sameAs, link[0]))
                _assertion(g, entity, OWL.sameAs, link[0], link[1], link[2], letter)
    return ds


def _assertion(
    g: Graph,
    s: URIRef,
    p: URIRef,
    o: URIRef,
    confidence: str,
    rule: str,
    letter: URIRef,
    evidence: str | None = None,
    begin: int = 0,
) -> None:
    node = BNode()  # a fresh node per graph: the union holds look-alike copies
    g.add((node, RDF.type, KG.Assertion))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, KG.confidence, Literal(Decimal(confidence))))
    g.add((node, KG.rule, Literal(rule)))
    g.add((node, PROV.wasDerivedFrom, letter))
    if evidence is not None:
        g.add((node, KG.evidence, Literal(evidence)))
        g.add((node, KG.beginIndex, Literal(begin)))
        g.add((node, KG.endIndex, Literal(begin + len(evidence))))


def _merged(ds: Dataset) -> Graph:
    graph = Graph()
    for prefix, ns in ds.namespaces():
        graph.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


LAYOUTS = ("ttl", "nq", "folder", "nt", "trig", "jsonld", "rdf")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture graph in several layouts, by layout name."""
    root = tmp_path_factory.mktemp("graph")
    ds = build_dataset()
    merged = _merged(ds)
    paths = {layout: root / f"letters.{layout}" for layout in LAYOUTS if layout != "folder"}
    merged.serialize(paths["ttl"], format="turtle")
    merged.serialize(paths["nt"], format="nt", encoding="utf-8")
    merged.serialize(paths["rdf"], format="xml")
    ds.serialize(paths["nq"], format="nquads")
    ds.serialize(paths["trig"], format="trig")
    ds.serialize(paths["jsonld"], format="json-ld")
    folder = root / "by-letter"
    for i, (letter, *_) in enumerate(LETTERS):
        (folder / str(i % 2)).mkdir(parents=True, exist_ok=True)
        ds.graph(letter).serialize(folder / str(i % 2) / f"{i}.ttl", format="turtle")
    (folder / "README.txt").write_text("not RDF\n", encoding="utf-8")
    (folder / ".cache").mkdir()
    (folder / ".cache" / "broken.ttl").write_text("this is not Turtle", encoding="utf-8")
    paths["folder"] = folder
    return paths


@pytest.fixture(scope="module")
def stores(data: dict[str, Path]) -> dict[str, ox.Store]:
    """Each layout as ``kgraph query`` reads files: every triple in a named graph."""
    return {layout: load_graphs([path]) for layout, path in data.items()}


def run_named(store: ox.Store, name: str) -> QueryResult:
    return run_query(store, resolve_query(name)[1])


DATE, YEAR_MONTH = str(XSD.date), str(XSD.gYearMonth)
# Expected rows of every query in queries/, as values (None = unbound).
EXPECTED: dict[str, list[tuple[str | None, ...]]] = {
    "letters": [
        (str(L1), "Ada Quillfeather", "Benedikt Amsel", "1890-05-02", "Eldmoor"),
        (str(L2), "Benedikt Amsel", "Ada Quillfeather", "1890-06", "Port Vessel"),
        (str(L3), "Clara Ostrander", "Ada Quillfeather", None, None),
    ],
    "people": [
        (str(CLARA), "Clara Ostrander", str(WD.Q999999002), "3", "2"),
        (str(ADA), "Ada Quillfeather", None, "1", "1"),
        (str(BEN), "Benedikt Amsel", None, "1", "1"),
    ],
    "places": [
        (str(PORT), "Port Vessel", None, "2"),
        (str(ELDMOOR), "Eldmoor", str(WD.Q999999001), "1"),
    ],
    "entities": [
        (str(SOCIETY), "Organization", "Society of Lamplighters", None, "1"),
        (str(ADA), "Person", "Ada Quillfeather", None, "1"),
        (str(BEN), "Person", "Benedikt Amsel", None, "1"),
        (str(CLARA), "Person", "Clara Ostrander", str(WD.Q999999002), "3"),
        (str(ELDMOOR), "Place", "Eldmoor", str(WD.Q999999001), "1"),
        (str(PORT), "Place", "Port Vessel", None, "2"),
    ],
    "mentions": [  # L2 sorts before L1 (by IRI)
        ("Ada Quillfeather", "Person", "Ada", "5", "8", str(L2)),
        ("Port Vessel", "Place", "Port Vessel", "20", "31", str(L2)),
        ("Clara Ostrander", "Person", "Mrs Ostrander", "41", "54", str(L2)),
        ("Benedikt Amsel", "Person", "Benedikt", "5", "13", str(L1)),
        ("Eldmoor", "Place", "Eldmoor", "28", "35", str(L1)),
        ("Clara Ostrander", "Person", "Clara", "37", "42", str(L1)),
        ("Port Vessel", "Place", "Port Vessel", "55", "66", str(L1)),
        ("Society of Lamplighters", "Organization", "Society of Lamplighters", "72", "95", str(L1)),
        ("Clara Ostrander", "Person", "Clara", "116", "121", str(L1)),
    ],
    "relations": [
        (
            "Benedikt Amsel",
            "livesIn",
            "Port Vessel",
            "I live in Port Vessel now, and Mrs Ostrander sends her regards.",
            "0.75",
            "first-person-lives-in",
            str(L2),
        ),
        (
            "Clara Ostrander",
            "memberOf",
            "Society of Lamplighters",
            "The Society of Lamplighters met on Tuesday, and Clara spoke.",
            "0.6",
            "member-speaks",
            str(L1),
        ),
        (
            "Clara Ostrander",
            "visited",
            "Port Vessel",
            "Clara has gone to Port Vessel.",
            "0.9",
            "went-to",
            str(L1),
        ),
    ],
    "wikidata-links": [
        (str(CLARA), "Clara Ostrander", "Person", str(WD.Q999999002), "0.8", "alias"),
        (str(ELDMOOR), "Eldmoor", "Place", str(WD.Q999999001), "0.95", "label-match"),
    ],
    "network": [
        ("Ada Quillfeather", "Benedikt Amsel", "1"),
        ("Benedikt Amsel", "Ada Quillfeather", "1"),
        ("Clara Ostrander", "Ada Quillfeather", "1"),
    ],
}
QUERY_NAMES = sorted(named_queries())
# rdflib's own serializers and parsers use its deprecated Dataset API internally.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Dataset.*is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]


def test_fixture_offsets_match_the_text() -> None:
    for _, _, _, _, _, text, anchors, _ in LETTERS:
        for anchor, _, occurrence in anchors:
            begin = _offset(text, anchor, occurrence)
            assert text[begin : begin + len(anchor)] == anchor


def test_the_queries_folder_holds_the_documented_queries() -> None:
    assert set(EXPECTED) <= set(QUERY_NAMES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_file_starts_with_its_question(name: str) -> None:
    text = named_queries()[name].read_text(encoding="utf-8")
    assert re.match(r"# Question: \S", text), f"queries/{name}.rq must start with '# Question:'"
    assert re.search(r"(?m)^[^#]*\bGRAPH \?g \{", text), "the letters are read with GRAPH ?g"
    assert "ORDER BY" in text


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_gives_the_expected_rows(name: str, stores: dict[str, ox.Store]) -> None:
    assert name in EXPECTED, f"add the expected rows of queries/{name}.rq to EXPECTED"
    result = run_named(stores["ttl"], name)
    assert result.kind == "select"
    assert result.values() == EXPECTED[name]


@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if layout != "ttl"])
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_gives_the_same_rows_in_every_layout(
    name: str, layout: str, stores: dict[str, ox.Store]
) -> None:
    assert run_named(stores[layout], name) == run_named(stores["ttl"], name)


def rows(store: ox.Store, sparql: str, *, union: bool) -> list[tuple[str, ...]]:
    solutions = store.query(sparql, use_default_graph_as_union=union)
    assert isinstance(solutions, ox.QuerySolutions)
    return [tuple(map(str, row)) for row in solutions]


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_reads_the_letters_graphs_whatever_the_default_graph(
    name: str, stores: dict[str, ox.Store], data: dict[str, Path]
) -> None:
    """The same rows with the default graph as the union of all graphs, as a graph of its own
    (``oxigraph serve`` without flags), and holding a stray letter of its own."""
    sparql = resolve_query(name)[1]
    store = load_data([data["nq"]])
    union = rows(store, sparql, union=True)
    assert union and rows(store, sparql, union=False) == union
    store.add(
        ox.Quad(
            ox.NamedNode(f"{RES}letter/stray"),
            ox.NamedNode(str(RDF.type)),
            ox.NamedNode(str(KG.Letter)),
        )
    )
    assert rows(store, sparql, union=False) == union
    assert rows(stores["ttl"], sparql, union=False) == union  # a Turtle file: a graph too


def test_turtle_files_go_into_their_letters_graph_or_the_files(data: dict[str, Path]) -> None:
    one = load_graphs([data["folder"]])
    assert not one.query("ASK { ?s ?p ?o }")  # nothing left in the default graph
    merged = load_graphs([data["ttl"]])  # three letters in one file: the file's graph
    assert [g.value for g in merged.named_graphs()] == [data["ttl"].resolve().as_uri()]
    assert len(merged) == len(load_data([data["ttl"]]))


def test_terms_keep_their_datatypes(stores: dict[str, ox.Store]) -> None:
    letters = run_named(stores["nq"], "letters")
    assert letters.variables == ("letter", "sender", "recipient", "date", "place")
    assert [row[3] for row in letters.rows] == [
        Term("1890-05-02", "literal", DATE),
        Term("1890-06", "literal", YEAR_MONTH),
        None,
    ]
    assert letters.rows[0][0] == Term(str(L1), "iri")
    assert letters.rows[0][1] == Term("Ada Quillfeather", "literal")
    people = run_named(stores["nq"], "people")
    assert people.rows[0][3] == Term("3", "literal", str(XSD.integer))


def test_folders_are_searched_recursively_skipping_hidden_and_other_files(
    data: dict[str, Path],
) -> None:
    store = load_data([data["folder"]])  # .cache/broken.ttl would fail to parse
    assert list(store.named_graphs()) == []
    assert len(store) == len(load_data([data["ttl"]]))
    store = load_graphs([data["folder"]])  # each Turtle file: the graph of its one letter
    assert {g.value for g in store.named_graphs()} == {str(L1), str(L2), str(L3)}
    assert len(run_named(store, "letters").rows) == 3


def test_named_graphs_are_kept_and_files_load_once(data: dict[str, Path]) -> None:
    store = load_data([data["nq"], str(data["nq"])])
    assert {g.value for g in store.named_graphs()} == {str(L1), str(L2), str(L3)}
    assert run_named(store, "relations") == run_named(load_graphs([data["ttl"]]), "relations")


def test_jsonld_falls_back_to_rdflib(
    data: dict[str, Path], stores: dict[str, ox.Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(datafiles.FILE_FORMATS, ".jsonld", (None, "JSON-LD"))
    store = load_graphs([data["jsonld"]])
    for name in QUERY_NAMES:
        assert run_named(store, name) == run_named(stores["ttl"], name)


def test_query_convenience_function(data: dict[str, Path]) -> None:
    result = query("network", [data["trig"]])
    assert result.values() == EXPECTED["network"]


# --- resolving queries -------------------------------------------------------------------


def test_named_queries_live_in_the_queries_folder() -> None:
    named = named_queries()
    assert named["people"].name == "people.rq"
    assert named["people"].parent.name == "queries"
    assert list(named) == sorted(named)


def test_unknown_name_lists_the_known_queries() -> None:
    with pytest.raises(QueryError) as caught:
        resolve_query("peple")
    assert caught.value.message == "unknown query 'peple'"
    assert caught.value.hint is not None
    assert "did you mean 'people'?" in caught.value.hint
    assert "known queries: " + ", ".join(QUERY_NAMES) in caught.value.hint


def test_unknown_name_without_close_match_has_no_suggestion() -> None:
    with pytest.raises(QueryError) as caught:
        resolve_query("zzzzzz")
    assert caught.value.hint is not None
    assert "did you mean" not in caught.value.hint
    assert "known queries:" in caught.value.hint


def test_query_file_and_inline_sparql(tmp_path: Path) -> None:
    file = tmp_path / "mine.rq"
    file.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(file)) == (str(file), "SELECT * WHERE { ?s ?p ?o }")
    inline = "# how many?\nprefix kg: <https://w3id.org/kgraph/ontology#>\nASK { ?l a kg:Letter }"
    assert resolve_query(inline) == ("inline query", inline)
    with pytest.raises(QueryError, match="does not exist"):
        resolve_query(str(tmp_path / "missing.rq"))
    with pytest.raises(QueryError, match="empty"):
        resolve_query("  ")


# --- refusing and reporting --------------------------------------------------------------


def test_malformed_sparql_gives_line_and_column(stores: dict[str, ox.Store]) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(stores["ttl"], "SELECT ?s\nWHERE { ?s ?p ?o .\n  FILTER( }")
    assert re.match(r"query is not valid SPARQL: line 3, column \d+: ", caught.value.message)
    assert caught.value.hint == "look at line 3: 'FILTER( }'"
    with pytest.raises(QueryError, match="must start with SELECT, ASK, CONSTRUCT or DESCRIBE"):
        run_query(stores["ttl"], "SELEKT * WHERE { ?s ?p ?o }")


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "PREFIX e: <http://example.org/>\nSELECT * { ?s ?p ?o SERVICE e:sparql { ?s ?p ?o } }",
    ],
)
def test_service_is_refused(sparql: str, stores: dict[str, ox.Store]) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(stores["ttl"], sparql)
    assert "SERVICE" in caught.value.message
    assert caught.value.hint is not None and "pass --allow-service" in caught.value.hint


@pytest.mark.parametrize(
    "sparql",
    [
        "# SERVICE <http://example.org/sparql> { }\nSELECT ?service WHERE { ?service ?p ?o }",
        'SELECT * WHERE { ?s ?p "SERVICE <http://example.org/sparql> { }" }',
        "PREFIX service: <http://example.org/>\nSELECT * WHERE { ?s service:x ?o }",
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    ],
)
def test_service_lookalikes_are_not_refused(sparql: str, stores: dict[str, ox.Store]) -> None:
    assert run_query(stores["ttl"], sparql).kind == "select"


def test_service_runs_when_allowed(stores: dict[str, ox.Store]) -> None:
    sparql = "SELECT * WHERE { SERVICE <http://localhost:1/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError) as caught:  # port 1 is refused by the HTTP client itself
        run_query(stores["ttl"], sparql, allow_service=True)
    assert caught.value.message.startswith("the query failed")


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }",
        "PREFIX kg: <https://w3id.org/kgraph/ontology#>\ndelete where { ?l a kg:Letter }",
        "# tidy up\nDROP ALL",
        "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_updates_are_refused(update: str, stores: dict[str, ox.Store]) -> None:
    with pytest.raises(QueryError, match="read-only"):
        run_query(stores["ttl"], update)
    assert resolve_query(update)[0] == "inline query"
    assert len(run_named(stores["ttl"], "letters").rows) == 3


def test_bad_data_files_name_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix e: <http://example.org/> .\ne:a e:b\n  e:c e:d .\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_data([bad])
    assert re.match(
        rf"{re.escape(str(bad))}: not valid Turtle \(line 3, column \d+: ", caught.value.message
    )
    with pytest.raises(DataError, match=r"missing\.nq: no such file or folder"):
        load_data([tmp_path / "missing.nq"])
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(DataError, match=r"notes\.txt: not an RDF file"):
        load_data([tmp_path / "notes.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match="no RDF files in this folder"):
        load_data([tmp_path / "empty"])
    with pytest.raises(DataError, match="no RDF data given"):
        load_data([])


# --- results: kinds and formats ----------------------------------------------------------


def test_ask_and_construct(stores: dict[str, ox.Store]) -> None:
    prefix = "PREFIX kg: <https://w3id.org/kgraph/ontology#>\n"
    ask = run_query(stores["nq"], prefix + "ASK { ?l a kg:Letter }")
    assert (ask.kind, ask.boolean) == ("ask", True)
    assert format_result(ask, "table") == "true\n"
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    graph = run_query(
        stores["nq"], prefix + "CONSTRUCT { ?l a kg:Letter } WHERE { ?l a kg:Letter }"
    )
    assert graph.kind == "graph" and graph.triples is not None
    assert graph.triples.splitlines() == sorted(
        f"<{letter}> <{RDF.type}> <{KG.Letter}> ." for letter in (L1, L2, L3)
    )  # one line per triple although the union of graphs holds copies
    assert format_result(graph).endswith(" .\n# 3 triples\n")
    with pytest.raises(QueryError, match="cannot be written as csv"):
        format_result(graph, "csv")


def test_csv_format(stores: dict[str, ox.Store]) -> None:
    text = format_result(run_named(stores["ttl"], "letters"), "csv")
    assert text.split("\r\n")[0] == "letter,sender,recipient,date,place"
    assert text.endswith("Ada Quillfeather,,\r\n")  # the undated letter, last
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == [str(L1), "Ada Quillfeather", "Benedikt Amsel", "1890-05-02", "Eldmoor"]
    assert rows[3] == [str(L3), "Clara Ostrander", "Ada Quillfeather", "", ""]
    relations = list(
        csv.reader(io.StringIO(format_result(run_named(stores["ttl"], "relations"), "csv")))
    )
    assert relations[1][3] == "I live in Port Vessel now, and Mrs Ostrander sends her regards."


def test_tsv_format(stores: dict[str, ox.Store]) -> None:
    text = format_result(run_named(stores["ttl"], "letters"), "tsv")
    assert text.endswith("\n") and not text.endswith("\n\n")
    lines = text.split("\n")
    assert lines[0] == "?letter\t?sender\t?recipient\t?date\t?place"
    assert lines[1].split("\t") == [
        f"<{L1}>",
        '"Ada Quillfeather"',
        '"Benedikt Amsel"',
        f'"1890-05-02"^^<{DATE}>',
        '"Eldmoor"',
    ]
    assert lines[3].split("\t")[3:] == ["", ""]
    assert Term('say "hi"\n', "literal", language="en").ntriples() == '"say \\"hi\\"\\n"@en'


def test_json_format(stores: dict[str, ox.Store]) -> None:
    document = json.loads(format_result(run_named(stores["ttl"], "letters"), "json"))
    assert list(document) == ["head", "results"]
    assert document["head"]["vars"] == ["letter", "sender", "recipient", "date", "place"]
    first, _, last = document["results"]["bindings"]
    assert first["letter"] == {"type": "uri", "value": str(L1)}
    assert first["sender"] == {"type": "literal", "value": "Ada Quillfeather"}
    assert first["date"] == {"type": "literal", "value": "1890-05-02", "datatype": DATE}
    assert "date" not in last and "place" not in last
    lang = QueryResult(
        "select", ("x", "b"), ((Term("Eldmoor", "literal", language="en"), Term("b0", "bnode")),)
    )
    assert json.loads(format_result(lang, "json"))["results"]["bindings"] == [
        {
            "x": {"type": "literal", "value": "Eldmoor", "xml:lang": "en"},
            "b": {"type": "bnode", "value": "b0"},
        }
    ]


def test_table_format_is_aligned_and_counts_rows(stores: dict[str, ox.Store]) -> None:
    text = format_result(run_named(stores["ttl"], "places"), "table")
    assert text.endswith(")\n")
    lines = text.removesuffix("\n").split("\n")
    assert lines[-1] == "(2 rows)"
    assert lines[0].split() == ["place", "label", "wikidata", "mentions"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].split() == ["res:place/port-vessel", "Port", "Vessel", "2"]
    assert lines[3].split() == ["res:place/eldmoor", "Eldmoor", "wd:Q999999001", "1"]
    starts = [m.start() for m in re.finditer(r"-+", lines[1])]
    assert lines[0].index("label") == lines[2].index("Port Vessel") == starts[1]
    assert lines[0].index("wikidata") == lines[3].index("wd:Q999999001") == starts[2]
    assert lines[2].endswith("2") and lines[3].endswith("1") and len(lines[2]) == len(lines[3])
    one = QueryResult("select", ("x",), ((Term("a\nb", "literal"),),))
    assert format_result(one) == "x\n----\na\\nb\n(1 row)\n"
    assert format_result(QueryResult("select", ("x",), ())) == "x\n-\n(0 rows)\n"


def test_query_reads_output_folder_by_default(
    data: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "queries").mkdir()
    (tmp_path / "output").mkdir()
    letters = named_queries()["letters"].read_text(encoding="utf-8")
    (tmp_path / "queries" / "letters.rq").write_text(letters, encoding="utf-8")
    (tmp_path / "output" / "letters.nq").write_bytes(data["nq"].read_bytes())
    monkeypatch.setattr(query_module, "project_root", lambda: tmp_path)
    assert query("letters").values() == EXPECTED["letters"]
    (tmp_path / "output" / "letters.nq").unlink()
    with pytest.raises(DataError, match="no RDF files in this folder"):
        query("letters")
