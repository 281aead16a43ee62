"""Talking to a remote triple store over HTTP: credentials, the SPARQL 1.1 Graph Store
HTTP Protocol (``PUT`` one graph), SPARQL Update, and SPARQL queries through SPARQLWrapper.

Passwords come from the caller (the CLI reads ``KGRAPH_PASSWORD``) or from ``~/.netrc``;
they are never part of a message, a log line or a ``repr``. HTTPS certificates are checked.
The server picks the authentication scheme: HTTP Basic or Digest (Virtuoso wants Digest).
"""

from __future__ import annotations

import json
import netrc
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kgraph.errors import ConfigError, KGraphError, QueryError
from kgraph.store.results import QueryResult, Term
from kgraph.version import __version__

if TYPE_CHECKING:
    from kgraph.store.staging import LoadReport, Staged

CHUNK_BYTES = 500_000  # largest SPARQL Update request body when loading by SPARQL Update
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
TIMEOUT = 300.0  # seconds for one request; a big graph or a slow query takes a while
PASSWORD_VARIABLE = "KGRAPH_PASSWORD"
AGENT = f"kgraph/{__version__}"


class EndpointError(KGraphError):
    """A remote store refused or failed a request (or could not be reached)."""


@dataclass(frozen=True)
class Auth:
    """A user name and password for one server; the password never shows in a ``repr``."""

    user: str
    password: str = field(repr=False)


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL without credentials in it, else a ConfigError."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"not an http(s) URL: {url!r}", "give the endpoint as http://HOST:PORT/PATH"
        )
    if parts.username is not None or parts.password is not None:
        raise ConfigError(  # the URL is not repeated: it holds a secret
            "the endpoint URL holds a user name or password",
            f"pass --user NAME and the password in {PASSWORD_VARIABLE} or ~/.netrc",
        )
    return url


def credentials(url: str, user: str | None = None, password: str | None = None) -> Auth | None:
    """The credentials for ``url``: ``user`` and ``password`` when given, else the entry of
    the URL's host in ``~/.netrc`` (for ``user`` if given), else none (anonymous)."""
    host = urllib.parse.urlsplit(check_url(url)).hostname or ""
    if user is not None and password is not None:
        return Auth(user, password)
    entry = _netrc_entry(host)
    if entry is not None and (user is None or entry[0] == user):
        return Auth(entry[0], entry[1])
    if user is not None:
        raise ConfigError(
            f"no password for user {user!r} on {host}",
            f"set {PASSWORD_VARIABLE}, or add 'machine {host} login {user} password …' to ~/.netrc",
        )
    return None


def _netrc_entry(host: str) -> tuple[str, str] | None:
    try:
        found = netrc.netrc().authenticators(host)
    except FileNotFoundError:
        return None
    except (netrc.NetrcParseError, OSError) as err:
        # the parser's message names the file and line, never the password
        raise ConfigError(f"~/.netrc cannot be used: {err}", "fix or remove the file") from None
    if found is None or not found[0] or found[2] is None:
        return None
    return found[0], found[2]


def opener(url: str, auth: Auth | None) -> urllib.request.OpenerDirector:
    """A URL opener that verifies certificates and answers the Basic or Digest challenges of
    the server of ``url`` (only: the credentials are not sent elsewhere)."""
    handlers: list[urllib.request.BaseHandler] = [
        urllib.request.HTTPSHandler(context=ssl.create_default_context())
    ]
    if auth is not None:
        parts = urllib.parse.urlsplit(url)
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, f"{parts.scheme}://{parts.netloc}/", auth.user, auth.password)
        handlers += [urllib.request.HTTPDigestAuthHandler(passwords), _Basic(passwords)]
    return urllib.request.build_opener(*handlers)


class _Basic(urllib.request.HTTPBasicAuthHandler):
    """Basic authentication that passes on a Digest challenge it cannot answer (a wrong
    Digest password then ends as HTTP 401, not as urllib's ValueError)."""

    def http_error_401(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        try:
            return super().http_error_401(req, fp, code, msg, headers)
        except ValueError:
            return None


def with_param(url: str, name: str, value: str) -> str:
    """``url`` with one more query parameter."""
    joiner = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{joiner}{urllib.parse.urlencode({name: value})}"


def send(
    client: urllib.request.OpenerDirector,
    url: str,
    method: str,
    body: bytes,
    content_type: str,
) -> None:
    """One request whose answer must be 2xx; an EndpointError (with the reason) otherwise."""
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Content-Type", content_type)
    request.add_header("User-Agent", AGENT)
    try:
        with client.open(request, timeout=TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as err:
        raise EndpointError(http_error_text(err)) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise EndpointError(f"cannot reach {_where(url)} ({reason})") from None


def put_graph(client: urllib.request.OpenerDirector, url: str, graph: str, turtle: bytes) -> None:
    """Replace ``graph`` at a Graph Store endpoint with ``turtle`` (N-Triples is Turtle)."""
    send(client, with_param(url, "graph", graph), "PUT", turtle, "text/turtle; charset=utf-8")


def post_update(client: urllib.request.OpenerDirector, url: str, update: str) -> None:
    """Send a SPARQL Update (form-encoded, as every SPARQL 1.1 store accepts)."""
    body = urllib.parse.urlencode({"update": update}).encode("ascii")
    send(client, url, "POST", body, "application/x-www-form-urlencoded")


def http_error_text(err: urllib.error.HTTPError) -> str:
    """``HTTP 500 Internal Server Error: <first line of the server's answer>``."""
    try:
        detail = err.read(2000).decode("utf-8", "replace")
    except OSError:
        detail = ""
    first = next((line.strip() for line in detail.splitlines() if line.strip()), "")
    if len(first) > 160:
        first = first[:157] + "…"
    text = f"HTTP {err.code} {err.reason}".rstrip()
    if err.code == 401:
        text += " (wrong or missing user name or password)"
    return f"{text}: {first}" if first else text


def _where(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


# --- loading ------------------------------------------------------------------------------


def load_endpoint(
    data: str | Path | Sequence[str | Path] | Staged,
    url: str,
    *,
    auth: Auth | None = None,
    update: bool = False,
    chunk_bytes: int = CHUNK_BYTES,
) -> LoadReport:
    """Load into a remote store: ``PUT`` each letter's graph to the Graph Store endpoint
    ``url``, or with ``update``, send ``DROP SILENT GRAPH`` + ``INSERT DATA`` (in chunks of
    at most ``chunk_bytes``) to the SPARQL Update endpoint ``url``. Graphs are written in
    input order; on failure a LoadError names the graphs written and the one that failed."""
    from kgraph.store.staging import LoadError, LoadReport, Staged, read_graphs, wrote

    staged = data if isinstance(data, Staged) else read_graphs(data)
    check_url(url)
    client = opener(url, auth)
    written: list[str] = []
    for graph in staged.graphs:
        body, part = staged.ntriples(graph), 0
        try:
            if not update:
                put_graph(client, url, graph, body)
            for part, chunk in enumerate(_chunks(body, chunk_bytes) if update else ()):
                drop = f"DROP SILENT GRAPH <{graph}> ;\n" if part == 0 else ""
                post_update(client, url, f"{drop}INSERT DATA {{ GRAPH <{graph}> {{\n{chunk}}} }}")
        except EndpointError as err:
            partly = " (partly written)" if part else ""
            raise LoadError(
                f"{wrote(written, len(staged.graphs))}; failed at {graph}{partly}: {err.message}",
                err.hint or _endpoint_hint(err.message, update),
                written=tuple(written),
                failed=graph,
            ) from None
        written.append(graph)
    return LoadReport(url, staged.graphs, tuple(written), (), len(staged))


def _chunks(ntriples: bytes, limit: int) -> list[str]:
    chunks: list[str] = []
    lines: list[str] = []
    size = 0
    for line in ntriples.decode("utf-8").splitlines(keepends=True):
        if lines and size + len(line) > limit:
            chunks.append("".join(lines))
            lines, size = [], 0
        lines.append(line)
        size += len(line)
    return [*chunks, "".join(lines)] if lines else chunks


def _endpoint_hint(message: str, update: bool) -> str:
    if message.startswith(("HTTP 401", "HTTP 403")):
        return (
            "pass --user NAME with the password in KGRAPH_PASSWORD or ~/.netrc (Virtuoso takes"
            " authenticated writes at /sparql-graph-crud-auth and /sparql-auth)"
        )
    if message.startswith(("HTTP 404", "HTTP 405")):
        where = "SPARQL Update endpoint" if update else "Graph Store endpoint (Oxigraph /store,"
        where += "" if update else " Fuseki /DATASET/data, Virtuoso /sparql-graph-crud-auth)"
        return f"check that the URL is the store's {where}"
    return "loading again is safe: it replaces each letter's graph"


# --- querying -----------------------------------------------------------------------------


def query_endpoint(url: str, sparql: str, auth: Auth | None = None) -> QueryResult:
    """Run a query at a SPARQL endpoint through SPARQLWrapper (SELECT and ASK as JSON,
    CONSTRUCT and DESCRIBE as Turtle) and return it as a QueryResult."""
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    class Wrapper(SPARQLWrapper):
        """SPARQLWrapper sending through kgraph's opener (Basic or Digest, checked TLS)."""

        def _query(self) -> tuple[Any, str]:
            return client.open(self._createRequest(), timeout=TIMEOUT), self.returnFormat

    client = opener(url, auth)
    wrapper = Wrapper(check_url(url), agent=AGENT)
    wrapper.setQuery(sparql)
    wrapper.setMethod(POST)
    graph_form = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
    wrapper.setReturnFormat(TURTLE if graph_form else JSON)
    try:
        raw = wrapper.query().response.read()
    except urllib.error.HTTPError as err:
        raise QueryError(f"{_where(url)} answered {http_error_text(err)}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise QueryError(f"cannot reach {_where(url)} ({reason})", "check the URL") from None
    if graph_form:
        return _graph_result(raw, url)
    try:
        return from_json(json.loads(raw))
    except (ValueError, KeyError, TypeError) as err:
        raise QueryError(
            f"{_where(url)} did not answer with SPARQL JSON results ({err})",
            "check that the URL is the store's SPARQL query endpoint",
        ) from None


def update_endpoint(url: str, update: str, auth: Auth | None = None) -> None:
    """Send a SPARQL Update to an update endpoint."""
    try:
        post_update(opener(url, auth), check_url(url), update)
    except EndpointError as err:
        hint = _endpoint_hint(err.message, update=True)
        raise QueryError(f"the update failed: {err.message}", hint) from None


def _graph_result(raw: bytes, url: str) -> QueryResult:
    try:
        triples = ox.parse(raw, format=ox.RdfFormat.TURTLE)
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    except (SyntaxError, ValueError) as err:
        raise QueryError(f"{_where(url)} did not answer with Turtle ({err})") from None
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return QueryResult(kind="graph", triples="".join(f"{line}\n" for line in lines))


def from_json(document: dict[str, Any]) -> QueryResult:
    """A QueryResult from SPARQL 1.1 Query Results JSON (as SPARQLWrapper's ``convert()``)."""
    if "boolean" in document:
        return QueryResult(kind="ask", boolean=bool(document["boolean"]))
    variables = tuple(str(v) for v in document["head"]["vars"])
    rows = tuple(
        tuple(_json_term(binding.get(v)) for v in variables)
        for binding in document["results"]["bindings"]
    )
    return QueryResult(kind="select", variables=variables, rows=rows)


def _json_term(node: dict[str, str] | None) -> Term | None:
    if node is None:
        return None
    kind, value = node["type"], node["value"]
    if kind == "uri":
        return Term(value, "iri")
    if kind == "bnode":
        return Term(value, "bnode")
    if kind in ("literal", "typed-literal"):  # "typed-literal": SPARQL 1.0 JSON (Virtuoso)
        language = node.get("xml:lang") or None
        datatype = node.get("datatype")
        if language or datatype in (XSD_STRING, RDF_LANG_STRING):
            datatype = None
        return Term(value, "literal", datatype, language)
    raise QueryError(f"the endpoint returned a term of unknown type {kind!r}")
