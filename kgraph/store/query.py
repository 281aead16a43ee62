"""Ask SPARQL questions of kgraph's RDF: named queries, checking query text, running queries.

The named queries read every letter's graph with ``GRAPH ?g { … }`` (see
``kgraph.store.graphs``), so they give the same rows over files, the embedded store and any
SPARQL endpoint, whatever it makes of its default graph. Over files and the embedded store,
queries run with the union of all graphs as the default graph as well, so a query that
reads the default graph sees every letter too. That union keeps duplicates: a triple found
in two graphs matches twice, so count with ``COUNT(DISTINCT …)`` and use ``SELECT
DISTINCT``, as the queries in ``queries/`` do.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kgraph.errors import QueryError
from kgraph.rdf.datafiles import load_data
from kgraph.settings import project_root
from kgraph.store.graphs import load_graphs
from kgraph.store.ordering import order_rows, split_order
from kgraph.store.results import FORMATS, OutputFormat, QueryResult, Term, format_result

if TYPE_CHECKING:
    from kgraph.store.endpoint import Auth

__all__ = [
    "FORMATS",
    "OutputFormat",
    "QueryResult",
    "Term",
    "format_result",
    "load_data",
    "load_graphs",
    "named_queries",
    "query",
    "resolve_query",
    "run_query",
]

INLINE_LABEL = "inline query"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

_QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
_UPDATE_FORMS_WITH = (*_UPDATE_FORMS, "WITH")
_INLINE = re.compile(
    r"\s*(?:#[^\n]*(?:\n|$)\s*)*(?:"
    + "|".join((*_QUERY_FORMS, "PREFIX", "BASE", *_UPDATE_FORMS_WITH))
    + r")\b",
    re.IGNORECASE,
)
# Comments, strings, IRIs and variables, so that keywords inside them are not mistaken.
_LEXICAL = re.compile(
    r"""(?P<comment>\#[^\n\r]*)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)""",
    re.VERBOSE | re.DOTALL,
)
_PLACEHOLDER = {"comment": " ", "string": '""', "iri": "<>", "var": "?v"}
_PROLOGUE = re.compile(r"\s*(?:(?:BASE\s*<>|PREFIX\s*[^\s:]*:\s*<>)\s*)*([A-Za-z]*)", re.IGNORECASE)
_SERVICE = re.compile(
    r"(?<![\w:])SERVICE(?:\s+SILENT)?(?:\s*(?:<>|\?v)|\s+[^\s{}]*:)", re.IGNORECASE
)
_SPARQL_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def named_queries() -> dict[str, Path]:
    """The queries in ``queries/`` by name (file name without ``.rq``), sorted by name."""
    folder = project_root() / "queries"
    files = sorted(folder.glob("*.rq")) if folder.is_dir() else []
    return {path.stem: path for path in files}


def resolve_query(query: str) -> tuple[str, str]:
    """(label, SPARQL text) for a query name, a path to a ``.rq`` file or inline SPARQL."""
    if not query.strip():
        raise QueryError("the query is empty", _known_hint())
    named = named_queries()
    if query in named:
        return query, _read_query(named[query])
    bare_word = re.fullmatch(r"[\w.\-]+", query.strip()) is not None
    if not bare_word and _INLINE.match(query):
        return INLINE_LABEL, query
    path = Path(query)
    if path.is_file():
        return query, _read_query(path)
    if path.suffix == ".rq" or "/" in query or "\\" in query:
        raise QueryError(f"query file {query} does not exist", _known_hint())
    close = difflib.get_close_matches(query, list(named), n=1, cutoff=0.6)
    hint = _known_hint()
    raise QueryError(
        f"unknown query {query!r}", f"did you mean {close[0]!r}? {hint}" if close else hint
    )


def _known_hint() -> str:
    names = ", ".join(named_queries())
    known = f"known queries: {names}" if names else "there are no named queries in queries/"
    return f"{known}; or give a .rq file or inline SPARQL"


def _read_query(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise QueryError(f"{path}: not UTF-8 text", "save the query file as UTF-8") from None
    except OSError as err:
        raise QueryError(f"{path}: cannot be read ({err.strerror or err})") from err


def run_query(store: ox.Store, sparql: str, *, allow_service: bool = False) -> QueryResult:
    """Evaluate a SPARQL query (never an update) with the union of all graphs as default graph."""
    form = _checked(
        sparql,
        allow_service,
        (
            "queries on local data are read-only",
            "use SELECT, ASK, CONSTRUCT or DESCRIBE; to change the data, build it again",
        ),
    )
    try:
        return _collect(store.query(sparql, use_default_graph_as_union=True))
    except SyntaxError as err:
        raise _syntax_error(sparql, form, err) from err
    except OSError as err:
        raise QueryError(f"the query failed: {err}", "check the SERVICE endpoint") from err


def _first_keyword(code: str) -> str:
    match = _PROLOGUE.match(code)
    return match.group(1).upper() if match else ""


def _syntax_error(sparql: str, form: str, err: SyntaxError) -> QueryError:
    if form not in _QUERY_FORMS:
        found = f"it starts with {form!r}" if form else "no query form found"
        return QueryError(
            "query is not valid SPARQL: it must start with SELECT, ASK, CONSTRUCT or DESCRIBE"
            f" (after any PREFIX and BASE lines); {found}",
            "check the spelling of the first keyword",
        )
    message = " ".join(str(err.msg).split())
    match = _SPARQL_ERROR.match(message)
    if not match:
        return QueryError(f"query is not valid SPARQL: {message}", "check the query's syntax")
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    detail = re.sub(r",?\s*\[[^\]]*\]", "", detail)  # drop the parser's character classes
    if len(detail) > 120:
        detail = detail[:117] + "…"
    lines = sparql.splitlines()
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return QueryError(
        f"query is not valid SPARQL: line {line}, column {column}: {detail}",
        f"look at line {line}: {text!r}" if text else "look near the end of the query",
    )


def _collect(raw: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(raw))
    if isinstance(raw, ox.QuerySolutions):
        variables = tuple(variable.value for variable in raw.variables)
        # Rows repeat terms: each distinct term is made once. No garbage collection while
        # the rows are read: it would walk the growing rows again and again, for nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            nodes = [tuple(solution) for solution in raw]
            terms = {node: _term(node) for node in set(chain.from_iterable(nodes))}
            rows = tuple(tuple(map(terms.__getitem__, row)) for row in nodes)
        finally:
            if collecting:
                gc.enable()
        return QueryResult(kind="select", variables=variables, rows=rows)
    data = raw.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return QueryResult(kind="graph", triples="".join(f"{line}\n" for line in lines))


def _term(node: Any) -> Term | None:
    if node is None:
        return None
    if isinstance(node, ox.NamedNode):
        return Term(node.value, "iri")
    if isinstance(node, ox.BlankNode):
        return Term(node.value, "bnode")
    if isinstance(node, ox.Literal):
        datatype = node.datatype.value
        if node.language:
            return Term(node.value, "literal", language=node.language)
        return Term(node.value, "literal", None if datatype == XSD_STRING else datatype)
    raise QueryError(
        "the query returned an RDF-star triple term, which kgraph cannot show",
        "select the triple's subject, predicate and object instead",
    )


def query(
    sparql_or_name: str,
    data: Sequence[str | Path] | None = None,
    *,
    allow_service: bool = False,
    store: str | Path | None = None,
    endpoint: str | None = None,
    auth: Auth | None = None,
) -> QueryResult:
    """Resolve a query (name, .rq file or SPARQL), load ``data`` (default: output/), run it.

    Or run it read-only in the on-disk ``store`` folder (``kgraph load --store``), or at the
    SPARQL query ``endpoint`` URL (with ``auth``, see ``kgraph.store.endpoint.credentials``).
    Named queries give the same rows from all three. When the user's own query finds nothing
    at an endpoint whose default graph is empty, the result's ``note`` says why."""
    label, sparql = resolve_query(sparql_or_name)
    if store is not None or endpoint is not None:
        if sum(x is not None for x in (data, store, endpoint)) != 1:
            raise QueryError("give one of: data files, a store folder, an endpoint URL")
        check_sparql(sparql, allow_service=allow_service)
        if endpoint is not None:
            from kgraph.store.graphs import query_with_note

            return query_with_note(endpoint, sparql, auth, note=label not in named_queries())
        from kgraph.store.embedded import open_store

        return _run_ordered(open_store(str(store), read_only=True), sparql)
    store_ = load_graphs(data if data is not None else [project_root() / "output"])
    return run_query(store_, sparql, allow_service=allow_service)


def _run_ordered(store: ox.Store, sparql: str) -> QueryResult:
    """``run_query`` on an on-disk store, sorting the rows here when that gives the store's
    order (see ``kgraph.store.ordering``): pyoxigraph's sorting reads terms from disk."""
    ordering = split_order(sparql)
    if ordering is not None:
        unordered = run_query(store, ordering.unordered, allow_service=True)
        ordered = order_rows(unordered, ordering.keys)
        if ordered is not None:
            return ordered
    return run_query(store, sparql, allow_service=True)


def check_sparql(sparql: str, *, allow_service: bool = False, allow_update: bool = False) -> bool:
    """Whether ``sparql`` is an update; QueryError if it is one and updates are not allowed,
    or if it calls SERVICE and that is not allowed."""
    refusal = None if allow_update else ("queries on stores are read-only", _UPDATE_HINT)
    return _checked(sparql, allow_service, refusal) in _UPDATE_FORMS_WITH


_UPDATE_HINT = "pass --update to change the store"


def _checked(sparql: str, allow_service: bool, refusal: tuple[str, str] | None) -> str:
    """The query form (first keyword) of ``sparql``; QueryError when it is an update and
    ``refusal`` (why, and the hint) is given, or when it calls SERVICE and that is not
    allowed."""
    code = _LEXICAL.sub(lambda m: _PLACEHOLDER[m.lastgroup or "comment"], sparql)
    form = _first_keyword(code)
    if form in _UPDATE_FORMS_WITH and refusal is not None:
        raise QueryError(f"SPARQL Update ({form}) is refused: {refusal[0]}", refusal[1])
    if not allow_service and _SERVICE.search(code):
        raise QueryError(
            "the query calls a remote endpoint with SERVICE, which is off by default",
            "pass --allow-service (allow_service=True) to let it send requests",
        )
    return form


def update(
    sparql: str,
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
    auth: Auth | None = None,
    allow_service: bool = False,
) -> None:
    """Run a SPARQL Update in the on-disk ``store`` folder or at the update ``endpoint``."""
    if (store is None) == (endpoint is None):
        raise QueryError("give one of: a store folder, an update endpoint URL")
    if not check_sparql(sparql, allow_service=allow_service, allow_update=True):
        raise QueryError("not a SPARQL Update", "run queries without --update")
    if endpoint is not None:
        from kgraph.store.endpoint import update_endpoint

        update_endpoint(endpoint, sparql, auth)
        return
    from kgraph.store.embedded import open_store

    target = open_store(str(store))
    try:
        target.update(sparql)
        failure = None
    except (SyntaxError, OSError) as err:
        failure = " ".join(str(getattr(err, "msg", None) or err).split())
    finally:
        del target  # close the store (and free its lock) before anything is raised
    if failure is not None:
        raise QueryError(f"the update failed: {failure}", "check the update's syntax")
