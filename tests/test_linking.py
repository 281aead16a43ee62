"""The Wikidata linker, offline (embedded store) and online (real SPARQL servers on 127.0.0.1).

Online tests start ``oxigraph serve`` holding the shipped extract plus the fictional items
of ``tests/data/wikidata-fixture.ttl``, and small ``http.server`` endpoints that answer
429, 500 or nothing at all. No test contacts any other host.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

from kgraph.cli.main import main
from kgraph.errors import ConfigError, LinkError
from kgraph.evaluation.evaluate import evaluate, load_gold
from kgraph.knowledge.authority import Authority, AuthorityEntry, load_authority
from kgraph.link.client import USER_AGENT, SparqlClient, _retry_after
from kgraph.link.linker import (
    Linker,
    OfflineStore,
    candidate_query,
    facts_query,
    link_entities,
    load_classes,
    name_forms,
    open_linker,
    sparql_literal,
)
from kgraph.model import Entity, EntityType, LetterResult, Link
from kgraph.rdf.graph import to_graph
from kgraph.settings import Settings, project_root

ROOT = project_root()
EXTRACT = ROOT / "data" / "wikidata" / "extract.ttl"
CLASSES = ROOT / "data" / "wikidata" / "classes.tsv"
FIXTURE = ROOT / "tests" / "data" / "wikidata-fixture.ttl"
GOLD = ROOT / "tests" / "data" / "kropotkin-to-berkman-1908-11-20.gold.json"
HINT = "pass --link offline or --link-failures skip"
HOSTILE = (
    'Evil" } ; DROP ALL ; #',
    "back\\slash \\u0022 not a quote",
    "line\nbreak",
    "nul\u0000char",
    "emoji \U0001f600 name",
)
OK_JSON = {
    "head": {"vars": ["x"]},
    "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]},
}


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def authority() -> Authority:
    return load_authority(Settings().authority_dir)


@pytest.fixture(scope="module")
def classes() -> dict[str, EntityType]:
    return load_classes(CLASSES)


@pytest.fixture(scope="module")
def offline() -> OfflineStore:
    return OfflineStore(EXTRACT)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``oxigraph serve`` on 127.0.0.1 with the extract and the fictional items."""
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    location = tmp_path_factory.mktemp("oxigraph")
    subprocess.run(
        [binary, "load", "--location", location, "--file", EXTRACT, FIXTURE],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    server = subprocess.Popen(
        [binary, "serve", "--location", location, "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2):
                    break
            except (OSError, urllib.error.URLError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("oxigraph serve did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()  # by its pid
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class LocalServer:
    """A SPARQL endpoint stand-in on 127.0.0.1: answers each request by ``plan`` (one step
    per request, the last repeating): "ok" (canned JSON), "forward" (to ``upstream``),
    "429"/"503" (with ``retry_after`` when set), "500", or "hang" (answer after 3 s)."""

    def __init__(self, plan: list[str], upstream: str | None = None, retry_after: str = "1"):
        self.plan, self.upstream, self.retry_after = plan, upstream, retry_after
        self.requests = 0
        self.agents: list[str] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with outer.lock:
                    step = outer.plan[min(outer.requests, len(outer.plan) - 1)]
                    outer.requests += 1
                    outer.agents.append(self.headers.get("User-Agent", ""))
                outer.answer(self, step, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/query"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, handler: BaseHTTPRequestHandler, step: str, body: bytes) -> None:
        status, headers, data = 200, {"Content-Type": "application/sparql-results+json"}, b""
        if step == "ok":
            data = json.dumps(OK_JSON).encode()
        elif step == "forward":
            assert self.upstream is not None
            request = urllib.request.Request(
                self.upstream,
                data=body,
                headers={
                    "Content-Type": handler.headers.get("Content-Type", ""),
                    "Accept": handler.headers.get("Accept", ""),
                },
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                data = response.read()
        elif step in ("429", "503"):
            status, headers = int(step), {"Content-Type": "text/plain"}
            if self.retry_after:
                headers["Retry-After"] = self.retry_after
            data = b"slow down"
        elif step == "500":
            status, headers, data = 500, {"Content-Type": "text/plain"}, b"boom"
        elif step == "hang":
            time.sleep(3)
            data = json.dumps(OK_JSON).encode()
        try:
            handler.send_response(status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:
            pass  # the client gave up (timeout)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def entity(
    kind: EntityType, label: str, *alternates: str, authority_id: str | None = None
) -> Entity:
    return Entity(f"{kind}:{label.lower()}", kind, label, alternates, (), authority_id)


def auth(ident: str, kind: EntityType) -> Entity:
    return entity(kind, ident, authority_id=ident)


def qids(links: tuple[Link, ...]) -> dict[str, str | None]:
    return {link.entity: link.qid for link in links}


def online(url: str, authority: Authority, **options: Any) -> Linker:
    return open_linker(Settings(link="online", endpoint=url, **options), authority)


class Counting:
    """A store wrapper that counts the queries sent."""

    def __init__(self, store: Any) -> None:
        self.store, self.queries = store, 0
        self.known = store.known

    def select(self, query: str) -> list[dict[str, str]]:
        self.queries += 1
        rows: list[dict[str, str]] = self.store.select(query)
        return rows


# -- queries: escaping and shape -------------------------------------------------------------


def _values_rows(query: str) -> list[tuple[str, str | None]]:
    """The VALUES rows of a query as rdflib's parser understands them."""
    found: list[tuple[str, str | None]] = []

    def walk(node: Any) -> None:
        if getattr(node, "name", None) == "values":
            for row in node["res"]:
                (term,) = row.values()
                found.append((str(term), term.language))
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(translateQuery(parseQuery(query)).algebra)
    return found


def test_hostile_names_parse_and_give_exactly_the_intended_values_rows() -> None:
    query = candidate_query(HOSTILE, ("en", "fr"))
    expected = sorted((name, lang) for name in HOSTILE for lang in ("en", "fr"))
    assert sorted(_values_rows(query), key=str) == sorted(expected, key=str)
    pyoxigraph.Store().query(query)  # parses (and runs) in oxigraph too


def test_hostile_labels_are_found_exactly() -> None:
    store = pyoxigraph.Store()
    store.load(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TURTLE)
    rows: Any = store.query(candidate_query(HOSTILE, ("en",)))
    found = {(row["name"].value, row["item"].value) for row in rows}
    assert found == {(name, "http://www.wikidata.org/entity/Q999000012") for name in HOSTILE}


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_round_trips_as_a_literal(text: str) -> None:
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    query = f"SELECT ?x WHERE {{ VALUES ?x {{ {sparql_literal(text)} }} }}"
    rows: Any = pyoxigraph.Store().query(query)
    assert [row["x"].value for row in rows] == [expected]
    assert [str(row[0]) for row in Graph().query(prepareQuery(query))] == [expected]


@pytest.mark.parametrize("tag", ["", "EN", 'en"} DROP ALL', "en fr", "e\nn", "english-is-long1"])
def test_language_tags_are_validated(tag: str) -> None:
    with pytest.raises(ConfigError):
        candidate_query(["Paris"], [tag])


@pytest.mark.parametrize("qid", ["Q0", "P31", "Q90> } DROP ALL {", "q90", "Q90 "])
def test_facts_query_accepts_only_item_identifiers(qid: str) -> None:
    with pytest.raises(LinkError):
        facts_query(["Q90", qid])


def test_names_are_sent_with_case_article_and_accent_variants() -> None:
    forms = name_forms(entity("Concept", "Anarchism"))
    assert {"Anarchism", "anarchism", "The Anarchism"} <= set(forms)
    assert "Petr Kropotkin" in name_forms(entity("Person", "Pëtr\nKropotkin"))
    assert "The Great French Revolution" in name_forms(entity("Work", "Great French Revolution"))


def test_one_batched_query_for_candidates_and_one_for_facts(
    sample_result: LetterResult, authority: Authority, offline: OfflineStore
) -> None:
    counting = Counting(offline)
    links = link_entities(sample_result.entities, authority, counting, 1908, load_classes(CLASSES))
    assert counting.queries == 2
    assert links == sample_result.links


# -- offline: the sample letter and the choices ----------------------------------------------


def test_sample_letter_links_every_verified_entity_and_nothing_wrong(
    sample_result: LetterResult,
) -> None:
    ev = evaluate(load_gold(GOLD), to_graph([sample_result], Settings().base))
    assert ev.wrong_links == 0
    assert ev.links.correct == ev.links.expected == ev.links.predicted == 11
    by_label = {e.label: e.key for e in sample_result.entities}
    links = qids(sample_result.links)
    assert links[by_label["Russian Revolution"]] == "Q184928"  # 1908: not 1917's Q8729
    assert "Q8729" not in {q for link in sample_result.links for q, _ in link.candidates}


@pytest.mark.parametrize(
    ("ent", "year", "expected"),
    [
        (entity("Place", "Paris"), 1908, "Q90"),
        (entity("Person", "Paris"), 1908, None),  # the city is no person
        (entity("Place", "Lyons"), 1908, "Q456"),  # via the alias "Lyons"@en
        (entity("Person", "Nietzsche"), 1908, "Q9358"),
        (entity("Person", "Nietzsche"), 1830, None),  # not born yet
        (entity("Event", "Russian Revolution"), 1908, "Q184928"),
        (entity("Event", "Russian Revolution"), 1920, "Q8729"),
        (entity("Event", "Russian Revolution"), 1905, "Q184928"),
        (entity("Event", "Russian Revolution"), 1900, None),
        (entity("Event", "Russian Revolution"), None, None),  # undated: which one?
        (entity("Work", "Great French Revolution"), 1908, "Q3209557"),  # a book in progress
        (entity("Work", "Great French Revolution"), 1890, None),
        (entity("Event", "Great French Revolution"), 1908, None),  # the book is no event
        (entity("Concept", "Anarchism"), 1908, "Q6199"),
    ],
)
def test_offline_choices(
    authority: Authority,
    classes: dict[str, EntityType],
    offline: OfflineStore,
    ent: Entity,
    year: int | None,
    expected: str | None,
) -> None:
    context = auth("toulouse", "Place")
    links = qids(link_entities([ent, context], authority, offline, year, classes))
    assert links.get(ent.key) == expected
    assert links[context.key] == "Q7880"


def test_rejected_and_weak_candidates_are_kept_without_a_link(
    authority: Authority, classes: dict[str, EntityType], offline: OfflineStore
) -> None:
    ent = entity("Event", "Russian Revolution")
    (link,) = link_entities([ent], authority, offline, None, classes)
    assert link.qid is None and link.candidates == (("Q8729", 0.69),)


def test_authority_links_need_the_item_in_the_store_and_the_right_time(
    offline: OfflineStore,
) -> None:
    authority = Authority(
        (
            AuthorityEntry("fake", "Place", "Eldmoor", (), wikidata="Q999000005"),
            AuthorityEntry(
                "late", "Event", "Russian Revolution of 1917", (), 1917, 1917, None, "Q8729"
            ),
            AuthorityEntry("paris", "Place", "Paris", (), wikidata="Q90"),
        )
    )
    ents = [auth("fake", "Place"), auth("late", "Event"), auth("paris", "Place")]
    links = qids(link_entities(ents, authority, offline, 1908))
    assert links == {"Place:paris": "Q90"}  # Q999000005 is not in the extract; 1917 > 1908
    (direct,) = link_entities(ents[2:], authority, offline, 1908)
    assert direct.method == "authority" and direct.confidence == 0.95


def test_the_authority_file_vetoes_an_item_of_another_entry(
    authority: Authority, offline: OfflineStore
) -> None:
    # "Paris" resolved to some other authority entry must not take the city's item.
    ent = entity("Place", "Paris", authority_id="vienne-isere")
    assert qids(link_entities([ent], authority, offline, 1908)).get(ent.key) is None


def test_link_none_and_classes_table(authority: Authority, classes: dict[str, EntityType]) -> None:
    assert classes == {"Q5": "Person", "Q515": "Place"}
    extract = Graph().parse(EXTRACT)
    subjects = {str(s).rsplit("/", 1)[-1] for s in extract.subjects()}
    assert set(classes) <= subjects  # only verified (shipped) identifiers
    linker = open_linker(Settings(link="none"), authority)
    assert linker.link([entity("Place", "Paris")], 1908) == ()


def test_fixture_items_are_all_fake() -> None:
    fixture = Graph().parse(FIXTURE)
    extract = {str(s) for s in Graph().parse(EXTRACT).subjects()}
    for s, _, o in fixture:
        assert str(s).startswith("http://www.wikidata.org/entity/Q999")
        if str(o).startswith("http://www.wikidata.org/entity/"):
            assert str(o) in extract


# -- online: a real SPARQL server ------------------------------------------------------------


def test_online_agrees_with_offline_on_the_sample_letter(
    sample_result: LetterResult, authority: Authority, endpoint: str, tmp_path: Path
) -> None:
    linker = online(endpoint, authority, cache_dir=tmp_path)
    assert linker.link(sample_result.entities, 1908) == sample_result.links
    assert isinstance(linker.store, SparqlClient) and linker.store.requests <= 2


@pytest.mark.parametrize(
    ("ent", "year", "expected"),
    [
        (entity("Place", "Paris"), 1908, "Q90"),
        (entity("Person", "Paris"), 1908, "Q999000001"),
        (entity("Person", "Paris"), 1849, None),  # that fictional Paris was born in 1850
        (entity("Place", "Lyons"), 1908, "Q456"),  # not the American town: context
        (entity("Person", "Nietzsche"), 1908, "Q9358"),  # the namesake is born in 1950
        (entity("Event", "Russian Revolution"), 1908, "Q184928"),
        (entity("Event", "Russian Revolution"), 1920, "Q8729"),
        (entity("Place", "Eldmoor"), 1908, "Q999000005"),  # the French one, by context
        (entity("Person", "Orla Vantreek"), 1908, "Q999000007"),  # tie broken by sitelinks
        (entity("Person", "Ivo Marrable"), 1908, None),  # a true tie: no link
        (entity("Person", "Kropotkin"), 1908, None),  # two humans answer to the surname
    ],
)
def test_online_choices(
    authority: Authority, endpoint: str, ent: Entity, year: int, expected: str | None
) -> None:
    context = auth("toulouse", "Place")
    links = online(endpoint, authority).link([ent, context], year)
    assert qids(links).get(ent.key) == expected
    assert qids(links)[context.key] == "Q7880"


def test_online_ties_keep_their_candidates(authority: Authority, endpoint: str) -> None:
    ents = [entity("Person", "Ivo Marrable"), entity("Person", "Kropotkin")]
    links = {link.entity: link for link in online(endpoint, authority).link(ents, 1908)}
    assert {q for q, _ in links["Person:ivo marrable"].candidates} == {"Q999000009", "Q999000010"}
    assert {q for q, _ in links["Person:kropotkin"].candidates} == {"Q5752", "Q999000003"}
    popular = online(endpoint, authority).link([entity("Person", "Orla Vantreek")], 1908)
    assert popular[0].method == "label+popularity" and popular[0].confidence == 0.7


def test_authority_ids_are_trusted_online(endpoint: str) -> None:
    authority = Authority((AuthorityEntry("x", "Place", "Somewhere", (), wikidata="Q999000005"),))
    assert qids(online(endpoint, authority).link([auth("x", "Place")], 1908)) == {
        "Place:x": "Q999000005"
    }


def test_full_build_online_then_from_cache_without_network(
    sample_result: LetterResult, authority: Authority, endpoint: str, tmp_path: Path
) -> None:
    from kgraph.corpus.runner import Processor
    from kgraph.text.reading import read_path

    from .conftest import SAMPLE

    with LocalServer(["forward"], upstream=endpoint) as proxy:
        settings = Settings(link="online", endpoint=proxy.url, cache_dir=tmp_path / "cache")
        processor = Processor(settings)
        first = processor.process([read_path(SAMPLE)])[0]
        assert first.links == sample_result.links
        assert 1 <= proxy.requests <= 2
        sent = proxy.requests
        assert processor.process([read_path(SAMPLE)])[0].links == first.links
        assert proxy.requests == sent  # second run: all from the cache
        assert all(agent == USER_AGENT for agent in proxy.agents)
    # The proxy is gone: a new linker with the same cache still links, with no network.
    again = open_linker(settings, authority)
    assert again.link(first.entities, 1908) == first.links
    assert isinstance(again.store, SparqlClient) and again.store.requests == 0


# -- online: a difficult endpoint ------------------------------------------------------------


def test_user_agent_names_the_project() -> None:
    assert USER_AGENT.startswith("kgraph/") and "https://w3id.org/kgraph" in USER_AGENT


def test_retry_after_is_honoured_on_429(tmp_path: Path) -> None:
    with LocalServer(["429", "ok"], retry_after="1") as server:
        client = SparqlClient(server.url, backoff=0.01)
        started = time.monotonic()
        assert client.select("SELECT * WHERE {}") == [{"x": "ok"}]
        assert time.monotonic() - started >= 1.0
        assert server.requests == 2


def test_backoff_doubles_on_503_without_retry_after() -> None:
    waits: list[float] = []
    with LocalServer(["503", "503", "ok"], retry_after="") as server:
        client = SparqlClient(server.url, backoff=0.5, sleep=waits.append)
        assert client.select("SELECT * WHERE {}") == [{"x": "ok"}]
    assert waits == [0.5, 1.0]


def test_rate_limit_that_does_not_end_is_an_error() -> None:
    with LocalServer(["429"], retry_after="2") as server:
        client = SparqlClient(server.url, sleep=lambda s: None)
        with pytest.raises(LinkError, match="still answers HTTP 429 after 4 attempts"):
            client.select("SELECT * WHERE {}")
        assert server.requests == 4
    with LocalServer(["429"], retry_after="3600") as server:
        with pytest.raises(LinkError, match="asks to wait 3600 s"):
            SparqlClient(server.url).select("SELECT * WHERE {}")
        assert server.requests == 1


def test_retry_after_as_a_date() -> None:
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert _retry_after("7") == 7.0 and _retry_after("soon") is None


def test_server_error_is_reported_without_retrying() -> None:
    with LocalServer(["500"]) as server:
        with pytest.raises(LinkError, match="HTTP 500"):
            SparqlClient(server.url, sleep=lambda s: None).select("SELECT * WHERE {}")
        assert server.requests == 1


def test_timeout_is_a_clear_error(authority: Authority) -> None:
    with LocalServer(["hang"]) as server:
        linker = online(server.url, authority, link_timeout=0.5)
        started = time.monotonic()
        with pytest.raises(LinkError) as caught:
            linker.link([entity("Place", "Paris")], 1908)
        assert time.monotonic() - started < 2.5
    assert str(caught.value) == f"cannot reach {server.url}: timed out after 0.5 s; {HINT}"


def test_link_failures_skip_builds_without_links(authority: Authority) -> None:
    with LocalServer(["hang"]) as server:
        linker = online(server.url, authority, link_timeout=0.5, link_failures="skip")
        ents = [entity("Place", "Paris"), entity("Person", "Nietzsche")]
        assert linker.link(ents, 1908) == ()
        sent = server.requests
        assert linker.link(ents, 1908) == ()
        assert server.requests == sent  # it stops asking a failed endpoint


def test_cache_makes_a_rerun_send_nothing(tmp_path: Path) -> None:
    query = "SELECT * WHERE { ?s ?p ?o }"
    with LocalServer(["ok"]) as server:
        first = SparqlClient(server.url, cache_dir=tmp_path)
        assert first.select(query) == [{"x": "ok"}]
        second = SparqlClient(server.url, cache_dir=tmp_path)
        assert second.select(query) == [{"x": "ok"}]
        assert server.requests == 1 and second.requests == 0 and second.cache_hits == 1
        (path,) = (tmp_path / "sparql").glob("*/*.json")
        assert path.stem == first.cache_key(query)
        assert json.loads(path.read_text())["endpoint"] == server.url
        assert not list(tmp_path.rglob(".tmp-*"))  # writes are atomic: no leftovers
        path.write_text("{ half-written")
        assert SparqlClient(server.url, cache_dir=tmp_path).select(query) == [{"x": "ok"}]
        assert server.requests == 2
    assert first.cache_key(query) != SparqlClient("http://127.0.0.1:1/q").cache_key(query)


def test_cli_online_options(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("London, 3 March 1890.\n\nDear Anna,\n\nI was in Paris.\n\nYours, Tom\n")
    closed = f"http://127.0.0.1:{_free_port()}/query"
    args = ["build", str(letter), "-o", str(tmp_path / "out"), "--link", "online"]
    args += ["--endpoint", closed, "--cache", str(tmp_path / "cache")]
    failed = CliRunner().invoke(main, args)
    assert failed.exit_code == 1
    assert f"Error: cannot reach {closed}" in failed.output and HINT in failed.output
    done = CliRunner().invoke(main, [*args, "--link-failures", "skip"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "out" / "letter.ttl").exists()
