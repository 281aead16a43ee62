"""Rows sorted by kgraph for queries on on-disk stores come out in the store's own order."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.store.ordering import order_rows, split_order
from kgraph.store.query import _run_ordered, named_queries, run_query

XSD = "http://www.w3.org/2001/XMLSchema#"
P = "http://example.org/p/"


def test_named_queries_sorted_by_plain_variables_are_split() -> None:
    split = {name: split_order(path.read_text("utf-8")) for name, path in named_queries().items()}
    # letters sorts by expressions, network by variables it does not return: left to the store
    assert {name for name, found in split.items() if found is None} == {"letters", "network"}
    mentions = split["mentions"]
    assert mentions is not None
    assert mentions.keys == tuple(
        (v, False) for v in ("letter", "begin", "end", "label", "type", "text")
    )
    people = split["people"]
    assert people is not None and people.keys[0] == ("mentions", True)
    for found in split.values():
        if found is not None:
            assert split_order(found.unordered) is None
            ox.Store().query(found.unordered)  # still a valid query


@pytest.mark.parametrize(
    ("sparql", "keys"),
    [
        ("SELECT ?a WHERE { ?s ?p ?a } ORDER BY ?a", (("a", False),)),
        ("select ?a ?b { ?a ?p ?b } order by desc(?b) asc( ?a )", (("b", True), ("a", False))),
        ("SELECT * WHERE { ?a ?p ?b } ORDER BY $b", (("b", False),)),
        ("SELECT (STR(?x) AS ?a) WHERE { ?x ?p ?o } ORDER BY ?a", (("a", False),)),
        (  # braces and keywords inside strings, IRIs and comments do not count
            'SELECT ?a WHERE { ?a ?p "} ORDER BY ?z" } # } ORDER BY ?q\nORDER BY ?a',
            (("a", False),),
        ),
        (
            "SELECT ?a (COUNT(?o) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a ORDER BY DESC(?n) ?a",
            (("n", True), ("a", False)),
        ),
    ],
)
def test_orderings_kgraph_does_itself(sparql: str, keys: tuple[tuple[str, bool], ...]) -> None:
    found = split_order(sparql)
    assert found is not None and found.keys == keys
    assert split_order(found.unordered) is None  # no ORDER BY left at the end
    ox.Store().query(found.unordered)  # and still a valid query


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT ?a WHERE { ?s ?p ?a }",  # no ORDER BY
        "SELECT ?a WHERE { ?s ?p ?a } ORDER BY ?a LIMIT 10",  # a slice after it
        "SELECT ?a WHERE { ?s ?p ?a } ORDER BY ?a OFFSET 1",
        "SELECT ?a WHERE { ?s ?p ?a } ORDER BY STR(?a)",  # an expression
        "SELECT ?a WHERE { ?s ?p ?a } ORDER BY (!BOUND(?a)) ?a",
        "SELECT ?a WHERE { ?s ?p ?a } ORDER BY ?s",  # not returned
        "SELECT (COUNT(?a) AS ?n) WHERE { ?s ?p ?a } ORDER BY ?a",
        "SELECT ?a WHERE { { SELECT ?a WHERE { ?s ?p ?a } ORDER BY ?a LIMIT 1 } }",  # inner
        "SELECT ?a WHERE { ?s ?p ?a } ORDER BY ?a VALUES ?a { 1 }",
        "ASK { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s",
        "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o { ?s ?p ?o } } } ORDER BY ?s",
        "PREFIX select: <urn:x> ASK { { SELECT ?s { ?s ?p ?o } } } ORDER BY ?s",
    ],
)
def test_orderings_left_to_the_store(sparql: str) -> None:
    assert split_order(sparql) is None


# --- the same order as pyoxigraph's ORDER BY, on generated data --------------------------

_IRIS = st.sampled_from(["http://example.org/a", "http://example.org/b", "urn:x:é", "urn:y"])
_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    max_size=6,
)


def _literal(kind: str) -> st.SearchStrategy[str]:
    if kind == "string":
        return _TEXT.map(lambda t: f'"{_escape(t)}"')
    if kind == "lang":
        return _TEXT.map(lambda t: f'"{_escape(t)}"@en')
    if kind == "langs":
        return st.tuples(_TEXT, st.sampled_from(["en", "de", "fr"])).map(
            lambda p: f'"{_escape(p[0])}"@{p[1]}'
        )
    if kind in ("number", "big"):  # big: also integers beyond pyoxigraph's 64 bits
        limit = 2**70 if kind == "big" else 2**62
        integers = st.integers(-limit, limit).map(lambda n: f'"{n}"^^<{XSD}integer>')
        decimals = st.decimals(-(10**6), 10**6, places=3, allow_nan=False).map(
            lambda d: f'"{Decimal(d).normalize():f}"^^<{XSD}decimal>'
        )
        return st.one_of(integers, decimals)
    if kind == "date":
        return st.dates().map(lambda d: f'"{d.isoformat()}"^^<{XSD}date>')
    return st.integers(0, 3).map(lambda n: f"_:b{n}")  # blank nodes


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _column(kind: str) -> st.SearchStrategy[list[str | None]]:
    value = st.one_of(st.none(), _IRIS.map(lambda i: f"<{i}>"), _literal(kind))
    return st.lists(value, min_size=12, max_size=12)


KINDS = ["string", "lang", "langs", "number", "big", "date", "blank"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kinds=st.tuples(st.sampled_from(KINDS), st.sampled_from(KINDS)),
    data=st.data(),
    descending=st.tuples(st.booleans(), st.booleans()),
)
def test_rows_come_in_the_stores_order(
    kinds: tuple[str, str], data: st.DataObject, descending: tuple[bool, bool]
) -> None:
    columns = [data.draw(_column(kind)) for kind in kinds]
    store = ox.Store()
    lines = []
    for i in range(12):
        lines.append(f"<urn:row:{i}> <{P}id> {i} .")
        for name, column in zip("ab", columns, strict=True):
            if column[i] is not None:
                lines.append(f"<urn:row:{i}> <{P}{name}> {column[i]} .")
    store.load("\n".join(lines), ox.RdfFormat.TURTLE)
    keys = " ".join(f"DESC(?{v})" if d else f"?{v}" for v, d in zip("ab", descending, strict=True))
    sparql = (
        f"SELECT ?a ?b ?id WHERE {{ ?r <{P}id> ?id OPTIONAL {{ ?r <{P}a> ?a }}"
        f" OPTIONAL {{ ?r <{P}b> ?b }} }} ORDER BY {keys}"
    )
    ordering = split_order(sparql)
    assert ordering is not None
    ours = order_rows(run_query(store, ordering.unordered), ordering.keys)
    theirs = run_query(store, sparql)
    handled = {"string", "lang", "number"}
    if set(kinds) <= handled:  # every column of one kind kgraph orders itself
        assert ours is not None
    if ours is None:
        assert not set(kinds) <= handled
        return
    assert sorted(ours.rows, key=repr) == sorted(theirs.rows, key=repr)  # the same rows
    assert [r[:2] for r in ours.rows] == [r[:2] for r in theirs.rows]  # in the same order


def test_an_on_disk_store_gives_the_stores_order_either_way(tmp_path: Path) -> None:
    """Blank nodes make kgraph leave the sorting to the store; strings it sorts itself."""
    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    store.load(
        "\n".join(
            f'<urn:s:{i}> <{P}name> "{name}" <urn:g:{i % 3}> .\n'
            f"<urn:s:{i}> <{P}node> _:n{i} <urn:g:{i % 3}> ."
            for i, name in enumerate(["Émile", "Zoe", "anna", "Bruno", "zoe", "Anna"])
        ),
        ox.RdfFormat.N_QUADS,
    )
    del store
    disk = ox.Store.read_only(str(folder))
    by_name = "SELECT ?name WHERE { ?s <http://example.org/p/name> ?name } ORDER BY DESC(?name)"
    assert _run_ordered(disk, by_name) == run_query(disk, by_name)
    assert [r[0].value for r in _run_ordered(disk, by_name).rows if r[0]] == [
        "Émile",
        "zoe",
        "anna",
        "Zoe",
        "Bruno",
        "Anna",
    ]
    by_node = (
        "SELECT ?node ?name WHERE { ?s <http://example.org/p/node> ?node ;"
        " <http://example.org/p/name> ?name } ORDER BY ?node ?name"
    )
    assert split_order(by_node) is not None
    assert _run_ordered(disk, by_node) == run_query(disk, by_node)
