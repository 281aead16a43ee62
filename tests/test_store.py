"""Loading into triple stores and querying them: the embedded pyoxigraph store, a real
``oxigraph serve`` and, when installed, Debian's Virtuoso, all started here on 127.0.0.1.

The data are invented letters in kgraph's vocabulary, one named graph per letter, with
entities repeated in every letter that names them (as kgraph writes them). Every named
query must give the rows it gives over the files, from every store.
"""

from __future__ import annotations

import base64
import contextlib
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from kgraph.cli.main import main
from kgraph.corpus.summary import COUNTS
from kgraph.errors import ConfigError, DataError, QueryError
from kgraph.store.embedded import (
    LoadError,
    load_results,
    load_store,
    read_graphs,
)
from kgraph.store.endpoint import Auth, credentials, query_endpoint
from kgraph.store.query import (
    load_data,
    named_queries,
    query,
    resolve_query,
    run_query,
    update,
)
from kgraph.store.results import QueryResult
from kgraph.store.serve import oxigraph_binary, serve_command

from .conftest import KG, OWL, PROV, RDF, RDFS, RES, SCHEMA, WD, XSD

QUERY_NAMES = sorted(named_queries())
PEOPLE = {
    "tamsin-vale": ("Tamsin Vale", WD.Q999999101),
    "orrin-holt": ("Orrin Holt", None),
    "mira-scaife": ("Mira Scaife", None),
}
PLACES = {"brackwater": "Brackwater", "lowen-cross": "Lowen Cross"}
# letter, sender, recipient, date, place, [(anchor, entity, begin)], [(s, p, o, evidence)]
LETTERS = [
    (
        "vale-to-holt-1871-03-09",
        "tamsin-vale",
        "orrin-holt",
        Literal("1871-03-09", datatype=XSD.date),
        "brackwater",
        [("Orrin", "orrin-holt", 5), ("Brackwater", "brackwater", 30), ("Mira", "mira-scaife", 50)],
        [("mira-scaife", KG.visited, "lowen-cross", "Mira went to Lowen Cross.")],
    ),
    (
        "holt-to-vale-1871-04",
        "orrin-holt",
        "tamsin-vale",
        Literal("1871-04", datatype=XSD.gYearMonth),
        "lowen-cross",
        [("Tamsin", "tamsin-vale", 5), ("Lowen Cross", "lowen-cross", 22)],
        [("orrin-holt", KG.livesIn, "lowen-cross", "I live at Lowen Cross.")],
    ),
    ("scaife-to-vale-undated", "mira-scaife", "tamsin-vale", None, None, [], []),
]
pytestmark = [
    pytest.mark.filterwarnings("ignore:Dataset.*is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]


def iri(key: str) -> URIRef:
    return RES[f"person/{key}"] if key in PEOPLE else RES[f"place/{key}"]


def letters_dataset(changed: bool = False) -> Dataset:
    """The letters, one named graph each; ``changed`` drops a mention from the first."""
    ds = Dataset()
    for name, sender, recipient, date, place, mentions, relations in LETTERS:
        letter = RES[f"letter/{name}"]
        g = ds.graph(letter)
        g.add((letter, RDF.type, KG.Letter))
        g.add((letter, RDFS.label, Literal(f"Letter {name}")))
        g.add((letter, SCHEMA.sender, iri(sender)))
        g.add((letter, SCHEMA.recipient, iri(recipient)))
        if date is not None:
            g.add((letter, SCHEMA.dateSent, date))
        if place is not None:
            g.add((letter, KG.placeOfWriting, iri(place)))
        named = {sender, recipient, *([place] if place else [])}
        for anchor, entity, begin in mentions[: -1 if changed and name == LETTERS[0][0] else None]:
            m = URIRef(f"{letter}#char={begin},{begin + len(anchor)}")
            for p, o in (
                (RDF.type, KG.Mention),
                (KG.mentionOf, iri(entity)),
                (KG.inLetter, letter),
                (KG.anchorOf, Literal(anchor)),
                (KG.beginIndex, Literal(begin)),
                (KG.endIndex, Literal(begin + len(anchor))),
            ):
                g.add((m, p, o))
            g.add((letter, SCHEMA.mentions, iri(entity)))
            named.add(entity)
        for s, p, o, evidence in relations:
            g.add((iri(s), p, iri(o)))
            a = URIRef(f"{letter}#assertion-{s}-{o}")
            for ap, ao in (
                (RDF.type, KG.Assertion),
                (RDF.subject, iri(s)),
                (RDF.predicate, p),
                (RDF.object, iri(o)),
                (KG.evidence, Literal(evidence)),
                (KG.confidence, Literal("0.80", datatype=XSD.decimal)),
                (KG.rule, Literal("test-rule")),
                (PROV.wasDerivedFrom, letter),
            ):
                g.add((a, ap, ao))
            named.update((s, o))
        for key in named:
            if key in PEOPLE:
                label, qid = PEOPLE[key]
                g.add((iri(key), RDF.type, KG.Person))
                if qid is not None:
                    g.add((iri(key), OWL.sameAs, qid))
            else:
                label = PLACES[key]
                g.add((iri(key), RDF.type, KG.Place))
            g.add((iri(key), RDFS.label, Literal(label)))
    return ds


GRAPHS = [str(RES[f"letter/{name}"]) for name, *_ in LETTERS]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("letters")
    ds = letters_dataset()
    paths = {"nq": root / "letters.nq", "changed": root / "changed" / "letters.nq"}
    ds.serialize(paths["nq"], format="nquads")
    paths["changed"].parent.mkdir()
    letters_dataset(changed=True).serialize(paths["changed"], format="nquads")
    folder = paths["folder"] = root / "by-letter"
    folder.mkdir()
    for graph in GRAPHS:
        ds.graph(URIRef(graph)).serialize(folder / f"{graph.rsplit('/', 1)[1]}.ttl")
    both = paths["two-letters"] = root / "two.ttl"
    merged = ds.graph(URIRef(GRAPHS[0])) + ds.graph(URIRef(GRAPHS[1]))
    merged.serialize(both, format="turtle")
    paths["no-letter"] = root / "none.ttl"
    paths["no-letter"].write_text("<http://example.org/a> <http://example.org/b> 1 .\n")
    paths["bad"] = root / "bad.nq"
    paths["bad"].write_text("<http://example.org/a> <http://example.org/b> .\n")
    return paths


@pytest.fixture(scope="module")
def expected(files: dict[str, Path]) -> dict[str, QueryResult]:
    """Every named query's answer over the N-Quads file: what every store must give."""
    store = load_data([files["nq"]])
    return {name: run_query(store, resolve_query(name)[1]) for name in QUERY_NAMES}


def count(store_dir: Path) -> int:
    return len(ox.Store.read_only(str(store_dir)))


def test_expected_answers_are_not_empty(expected: dict[str, QueryResult]) -> None:
    assert len(expected["letters"].rows) == 3
    assert len(expected["people"].rows) == 3
    people = {row[0]: row[1:] for row in expected["people"].values()}
    assert people[str(iri("tamsin-vale"))][:2] == ("Tamsin Vale", str(WD.Q999999101))


# --- the embedded store ---------------------------------------------------------------------


def test_load_store_again_gives_the_same_triples(files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = load_store([files["nq"]], store)
    assert first.graphs == tuple(sorted(GRAPHS)) and first.written == first.graphs
    n = count(store)
    assert n == first.triples == len(load_data([files["nq"]]))
    again = load_store([files["nq"]], store)
    assert again.written == () and set(again.unchanged) == set(GRAPHS)
    assert "0 written, 3 unchanged" in again.summary()
    load_store([files["folder"]], store)  # the same letters as Turtle files: no change
    assert count(store) == n
    assert {g.value for g in ox.Store.read_only(str(store)).named_graphs()} == set(GRAPHS)


def test_reloading_a_changed_letter_replaces_its_graph(
    files: dict[str, Path], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    load_store([files["nq"]], store)
    n = count(store)
    report = load_store([files["changed"]], store)
    assert report.written == (GRAPHS[0],)  # the other two are unchanged
    assert count(store) == len(load_data([files["changed"]])) < n
    load_store([files["nq"]], store)
    assert count(store) == n


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_named_queries_give_the_file_rows_from_the_store(
    name: str, files: dict[str, Path], expected: dict[str, QueryResult], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    load_store([files["folder"]], store)
    assert query(name, store=store) == expected[name]


def test_a_bad_file_in_a_batch_writes_nothing(files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_store([files["folder"]], store)
    n = count(store)
    with pytest.raises(DataError, match=r"bad\.nq: not valid N-Quads"):
        load_store([files["changed"], files["bad"]], store)
    assert count(store) == n
    assert query("mentions", store=store).values() == query("mentions", [files["nq"]]).values()


class DiskFull:
    """A store whose bulk load writes half of its data, then fails."""

    def __init__(self) -> None:
        self.real = ox.Store()

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def bulk_load(self, data: bytes, format: ox.RdfFormat) -> None:
        lines = data.splitlines(keepends=True)
        self.real.load(b"".join(lines[: len(lines) // 2]), format=format)
        raise OSError("No space left on device")


def test_a_failed_bulk_load_is_undone(files: dict[str, Path]) -> None:
    from kgraph.store.embedded import _write_store

    target = DiskFull()
    outcome = _write_store(target, read_graphs([files["nq"]]), "store")  # type: ignore[arg-type]
    assert isinstance(outcome, LoadError)
    assert outcome.message == "store: nothing was written (No space left on device)"
    assert len(target.real) == 0 and outcome.written == ()


def test_triple_files_need_exactly_one_letter(files: dict[str, Path]) -> None:
    staged = read_graphs([files["folder"]])
    assert sorted(staged.graphs) == sorted(GRAPHS)
    with pytest.raises(DataError, match=r"two\.ttl: 2 letters .* cannot tell") as caught:
        read_graphs([files["two-letters"]])
    assert caught.value.hint is not None and "kgraph build -f nq" in caught.value.hint
    with pytest.raises(DataError, match=r"none\.ttl: no kg:Letter"):
        read_graphs([files["no-letter"]])


def test_store_queries_are_read_only_unless_update(files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    load_store([files["nq"]], store)
    n = count(store)
    drop = f"DROP GRAPH <{GRAPHS[2]}>"
    with pytest.raises(QueryError, match="read-only") as caught:
        query(drop, store=store)
    assert caught.value.hint is not None and "--update" in caught.value.hint
    update(drop, store=store)
    assert count(store) < n
    with pytest.raises(DataError, match="no store in this folder"):
        query("letters", store=tmp_path / "missing")


def test_load_results_loads_a_built_letter(sample_result, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kgraph.rdf.write import serialize
    from kgraph.settings import DEFAULT_BASE

    report = load_results([sample_result], tmp_path / "store", DEFAULT_BASE)
    assert len(report.graphs) == 1 and report.graphs[0].startswith(DEFAULT_BASE + "letter/")
    lines = serialize([sample_result], "nq", DEFAULT_BASE).decode().splitlines()
    assert count(tmp_path / "store") == len(lines) == report.triples


# --- servers ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_answers(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


ASK = "?query=ASK%7B%7D"
COUNT = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
    f'FILTER(STRSTARTS(STR(?g), "{RES}")) }}'
)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oxigraph serve`` on a free port; its base URL."""
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    command = [oxigraph_binary(), "serve", "--location", str(folder / "db")]
    command += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answers(f"{base}/query{ASK}", process)
        yield base
    finally:
        stop(process)


VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 100000
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Debian's Virtuoso on free ports, with its own database; its base URL."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=folder, sql_port=free_port(), http_port=http_port))
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{http_port}"
        wait_until_answers(f"{base}/sparql{ASK}", process, seconds=120)
        yield base
    finally:
        stop(process)


DBA = Auth("dba", "dba")  # Virtuoso's default administrator


def endpoint_count(url: str, auth: Auth | None = None) -> int:
    value = query_endpoint(url, COUNT, auth).values()[0][0]
    return int(value or 0)


@pytest.mark.slow  # oxigraph serve
def test_oxigraph_server_load_reload_and_named_queries(
    oxigraph: str, files: dict[str, Path], expected: dict[str, QueryResult]
) -> None:
    from kgraph.store.endpoint import load_endpoint

    report = load_endpoint([files["nq"]], f"{oxigraph}/store")
    assert report.written == tuple(sorted(GRAPHS))
    n = endpoint_count(f"{oxigraph}/query")
    assert n == report.triples == len(load_data([files["nq"]]))
    load_endpoint([files["folder"]], f"{oxigraph}/store")
    assert endpoint_count(f"{oxigraph}/query") == n
    for name in QUERY_NAMES:
        assert query(name, endpoint=f"{oxigraph}/query") == expected[name], name
    # SPARQL Update, in small chunks: a changed letter replaces the old one, then back again
    load_endpoint([files["changed"]], f"{oxigraph}/update", update=True, chunk_bytes=300)
    assert endpoint_count(f"{oxigraph}/query") == len(load_data([files["changed"]]))
    load_endpoint([files["nq"]], f"{oxigraph}/update", update=True, chunk_bytes=300)
    assert endpoint_count(f"{oxigraph}/query") == n
    with pytest.raises(QueryError, match="read-only"):
        query(f"DROP GRAPH <{GRAPHS[0]}>", endpoint=f"{oxigraph}/query")


@pytest.mark.slow  # Virtuoso
def test_virtuoso_load_with_digest_auth_reload_and_named_queries(
    virtuoso: str, files: dict[str, Path], expected: dict[str, QueryResult]
) -> None:
    from kgraph.store.endpoint import load_endpoint

    with pytest.raises(LoadError, match=r"wrote no graphs; failed at .*HTTP 40[13]") as caught:
        load_endpoint([files["nq"]], f"{virtuoso}/sparql-graph-crud-auth")
    assert caught.value.hint is not None and "--user" in caught.value.hint
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    report = load_endpoint([files["nq"]], crud, auth=DBA)
    n = endpoint_count(f"{virtuoso}/sparql")
    assert n == report.triples
    load_endpoint([files["nq"]], crud, auth=DBA)
    assert endpoint_count(f"{virtuoso}/sparql") == n
    for name in QUERY_NAMES:
        assert query(name, endpoint=f"{virtuoso}/sparql") == expected[name], name
    load_endpoint([files["changed"]], f"{virtuoso}/sparql-auth", auth=DBA, update=True)
    assert endpoint_count(f"{virtuoso}/sparql") == len(load_data([files["changed"]]))
    load_endpoint([files["nq"]], f"{virtuoso}/sparql-auth", auth=DBA, update=True)
    assert endpoint_count(f"{virtuoso}/sparql") == n


# --- the same rows on every setup, whatever it makes of its default graph ------------------


@contextlib.contextmanager
def running(command: list[str], port: int) -> Iterator[str]:
    """The server started by ``command`` on 127.0.0.1:``port``, stopped by its pid after."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answers(f"{base}/query{ASK}", process)
        yield base
    finally:
        stop(process)


@pytest.fixture(scope="module")
def plain_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oxigraph serve`` started the plain way, with no flags but the port: its default graph
    is a graph of its own, which kgraph never writes to."""
    port, folder = free_port(), tmp_path_factory.mktemp("plain-oxigraph")
    command = [oxigraph_binary(), "serve", "--location", str(folder / "db")]
    with running([*command, "--bind", f"127.0.0.1:{port}"], port) as base:
        yield base


@pytest.fixture(scope="module")
def kgraph_served(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, Path]
) -> Iterator[str]:
    """``kgraph serve``'s command over an embedded store loaded from the N-Quads file."""
    folder = tmp_path_factory.mktemp("served") / "store"
    load_store([files["nq"]], folder)
    port = free_port()
    with running(serve_command(folder, f"127.0.0.1:{port}"), port) as base:
        yield base


def answers(
    setup: str, request: pytest.FixtureRequest, files: dict[str, Path]
) -> Callable[[str], QueryResult]:
    """How one setup answers a query: files, the embedded store, or an endpoint (loaded
    first through its Graph Store endpoint)."""
    from kgraph.store.endpoint import load_endpoint

    if setup in ("turtle-files", "nquads-file"):
        data = files["folder" if setup == "turtle-files" else "nq"]
        return lambda sparql: query(sparql, [data])
    if setup == "embedded":
        folder = request.getfixturevalue("tmp_path") / "store"
        load_store([files["nq"]], folder)
        return lambda sparql: query(sparql, store=folder)
    if setup == "kgraph-serve":
        base = request.getfixturevalue("kgraph_served")
        return lambda sparql: query(sparql, endpoint=f"{base}/query")
    if setup == "plain-oxigraph":
        base = request.getfixturevalue("plain_oxigraph")
        load_endpoint([files["nq"]], f"{base}/store")
        return lambda sparql: query(sparql, endpoint=f"{base}/query")
    base = request.getfixturevalue("virtuoso")
    load_endpoint([files["nq"]], f"{base}/sparql-graph-crud-auth", auth=DBA)
    return lambda sparql: query(sparql, endpoint=f"{base}/sparql")


SERVERS = ("kgraph-serve", "plain-oxigraph", "virtuoso")  # started by the test: slow
SETUPS = [
    *("turtle-files", "nquads-file", "embedded"),
    *(pytest.param(server, marks=pytest.mark.slow) for server in SERVERS),
]


@pytest.mark.parametrize("setup", SETUPS)
def test_named_queries_give_the_same_rows_on_every_setup(
    setup: str,
    request: pytest.FixtureRequest,
    files: dict[str, Path],
    expected: dict[str, QueryResult],
) -> None:
    """Files (a Turtle file per letter, or N-Quads), the embedded store, ``kgraph serve``, a
    plain ``oxigraph serve`` and Virtuoso with its defaults: every named query, the same rows
    (and the summary's counts over files read the letters' graphs the same way)."""
    ask = answers(setup, request, files)
    for name in QUERY_NAMES:
        assert ask(name) == expected[name], f"{name} on {setup}"
    counts = ask(COUNTS)
    assert sorted(counts.values()) == [
        ("Person", "3"),
        ("Place", "2"),
        ("letters", "3"),
        ("links", "1"),
        ("relations", "2"),
    ]


@pytest.mark.slow  # two oxigraph servers
def test_a_query_of_an_empty_default_graph_gets_a_hint(
    plain_oxigraph: str, oxigraph: str, files: dict[str, Path]
) -> None:
    from kgraph.store.endpoint import load_endpoint

    inline = f"SELECT ?letter WHERE {{ ?letter a <{KG.Letter}> }}"
    in_graphs = f"SELECT ?letter WHERE {{ GRAPH ?g {{ ?letter a <{KG.Letter}> }} }}"
    plain, union = f"{plain_oxigraph}/query", f"{oxigraph}/query"
    empty = query(inline, endpoint=plain)
    assert empty.rows == () and empty.note is not None and "GRAPH ?g" in empty.note
    assert "\n" not in empty.note
    found = query(in_graphs, endpoint=plain)
    assert len(found.rows) == 3 and found.note is None
    load_endpoint([files["nq"]], f"{oxigraph}/store")
    assert len(query(inline, endpoint=union).rows) == 3
    nothing = query(f"SELECT ?x WHERE {{ ?x a <{KG.Nothing}> }}", endpoint=union)
    assert nothing.rows == () and nothing.note is None  # the default graph is not empty
    runner = CliRunner()
    result = runner.invoke(main, ["query", inline, "--endpoint", plain, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "letter\n"
    assert result.stderr.startswith("hint: nothing found") and result.stderr.count("\n") == 1
    result = runner.invoke(main, ["query", "letters", "--endpoint", plain, "--format", "csv"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 4 and not result.stderr


@pytest.mark.slow  # Virtuoso
def test_load_and_query_commands_with_a_password_from_the_environment(
    virtuoso: str, files: dict[str, Path]
) -> None:
    env = {"KGRAPH_PASSWORD": "dba"}
    crud = f"{virtuoso}/sparql-graph-crud-auth"
    runner = CliRunner()
    result = runner.invoke(
        main, ["load", str(files["nq"]), "--endpoint", crud, "--user", "dba"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "3 written" in result.output
    result = runner.invoke(
        main, ["query", "letters", "--endpoint", f"{virtuoso}/sparql", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 4
    wrong = {"KGRAPH_PASSWORD": "not-the-password"}
    result = runner.invoke(
        main, ["load", str(files["nq"]), "--endpoint", crud, "--user", "dba"], env=wrong
    )
    assert result.exit_code == 1 and "HTTP 401" in result.output
    assert "not-the-password" not in result.output


# --- failures and credentials against a local stand-in server ------------------------------


class Recorder(http.server.BaseHTTPRequestHandler):
    """Answers PUT and POST: 201, except the ``fail_at``-th request (500); may want Basic."""

    fail_at = 2
    basic: str | None = None  # the expected "Basic …" header value, when set
    seen: ClassVar[list[tuple[str, str]]] = []

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.basic is not None and self.headers.get("Authorization") != self.basic:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.end_headers()
            return
        self.seen.append((self.command, self.path))
        failing = len(self.seen) == self.fail_at
        self.send_response(500 if failing else 201)
        self.end_headers()
        self.wfile.write(b"disk full\n" if failing else b"")

    do_PUT = do_POST = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


StandIn = Callable[..., tuple[str, type[Recorder]]]


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    """Start stand-in Graph Store servers: (URL, handler class with the requests seen)."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(fail_at: int = 0, basic: str | None = None) -> tuple[str, type[Recorder]]:
        handler = type("Handler", (Recorder,), {"fail_at": fail_at, "basic": basic, "seen": []})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/store", handler

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_failed_put_names_the_graphs_written(stand_in: StandIn, files: dict[str, Path]) -> None:
    from kgraph.store.endpoint import load_endpoint

    url, handler = stand_in(fail_at=2)
    first, second, _ = sorted(GRAPHS)
    with pytest.raises(LoadError) as caught:
        load_endpoint([files["nq"]], url)
    assert caught.value.message == (
        f"wrote graph {first}; failed at {second}: HTTP 500 Internal Server Error: disk full"
    )
    assert caught.value.written == (first,) and caught.value.failed == second
    assert [path for _, path in handler.seen] == [  # nothing sent after the failure
        f"/store?{urllib.parse.urlencode({'graph': g})}" for g in (first, second)
    ]


def test_a_failed_update_chunk_says_the_graph_is_partly_written(
    stand_in: StandIn, files: dict[str, Path]
) -> None:
    from kgraph.store.endpoint import load_endpoint

    url, handler = stand_in(fail_at=2)
    first = sorted(GRAPHS)[0]
    with pytest.raises(LoadError) as caught:
        load_endpoint([files["nq"]], url, update=True, chunk_bytes=200)
    assert caught.value.message.startswith(f"wrote no graphs; failed at {first} (partly written)")
    assert [method for method, _ in handler.seen] == ["POST", "POST"]


def test_a_bad_file_sends_nothing(stand_in: StandIn, files: dict[str, Path]) -> None:
    from kgraph.store.endpoint import load_endpoint

    url, handler = stand_in()
    with pytest.raises(DataError, match=r"bad\.nq"):
        load_endpoint([files["nq"], files["bad"]], url)
    assert handler.seen == []


def test_basic_auth_from_netrc_and_passwords_never_shown(
    stand_in: StandIn,
    files: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kgraph.store.endpoint import load_endpoint

    url, _ = stand_in(basic="Basic " + base64.b64encode(b"ann:s3cret-pw").decode())
    with pytest.raises(LoadError, match="HTTP 401"):
        load_endpoint([files["nq"]], url)
    monkeypatch.setenv("HOME", str(tmp_path))
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login ann password s3cret-pw\n")
    netrc.chmod(0o600)
    auth = credentials(url)
    assert auth == Auth("ann", "s3cret-pw") and "s3cret-pw" not in repr(auth)
    assert load_endpoint([files["nq"]], url, auth=auth).written == tuple(sorted(GRAPHS))
    with pytest.raises(ConfigError, match="no password for user 'bob'"):
        credentials(url, "bob")
    with pytest.raises(ConfigError) as caught:
        credentials("http://ann:s3cret-pw@127.0.0.1/store")
    assert "s3cret-pw" not in str(caught.value)
    result = CliRunner().invoke(
        main,
        ["load", str(files["nq"]), "--endpoint", url, "--user", "ann"],
        env={"KGRAPH_PASSWORD": "wrong-pw", "HOME": str(tmp_path)},
    )
    assert result.exit_code == 1 and "HTTP 401" in result.output
    assert "wrong-pw" not in result.output and "s3cret-pw" not in result.output


# --- serve ----------------------------------------------------------------------------------


@pytest.mark.slow  # kgraph serve process
def test_serve_answers_named_queries_and_stops_on_ctrl_c(
    files: dict[str, Path], expected: dict[str, QueryResult], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    load_store([files["nq"]], store)
    port = free_port()
    bind = f"127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "kgraph", "serve", "--store", str(store), *("--bind", bind)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/query{ASK}", process)
        url = f"http://127.0.0.1:{port}/query"
        assert query("people", endpoint=url) == expected["people"]
        with pytest.raises(QueryError, match="HTTP"):  # read-only, whatever kgraph allows
            query_endpoint(f"http://127.0.0.1:{port}/update", "SELECT * { ?s ?p ?o }")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) != 0
        assert process.stdout is not None
        assert f"http://127.0.0.1:{port}/" in process.stdout.read().decode()
    finally:
        stop(process)


def test_serve_needs_a_store_and_the_oxigraph_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(DataError, match="no store in this folder"):
        serve_command(tmp_path / "missing")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConfigError) as caught:
        oxigraph_binary()
    assert caught.value.hint == "install it into this Python environment: pip install oxigraph"


@pytest.mark.parametrize("command", ["load", "serve"])
def test_new_commands_have_help_with_examples(command: str) -> None:
    result = CliRunner().invoke(main, [command, "-h"])
    assert result.exit_code == 0 and "Examples:" in result.output
    assert f"kgraph {command} " in result.output


def test_build_loads_its_output_into_a_store(tmp_path: Path) -> None:
    from kgraph.api import SAMPLE_LETTER

    out, store = tmp_path / "out", tmp_path / "store"
    args = ["build", str(SAMPLE_LETTER), "-o", f"{out}/", "--store", str(store)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "loaded 1 graph (" in result.output and ": 1 written" in result.output
    assert count(store) == len(load_data([out]))
    assert query("letters", store=store) == query("letters", [out])
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "all.ttl"), "--store", "s"])
    assert result.exit_code == 2 and "--store needs one graph per letter" in result.output


def test_load_wants_one_target(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["load", str(files["nq"])])
    assert result.exit_code == 2 and "give one of --store" in result.output
