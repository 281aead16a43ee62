"""Query results as plain frozen data, and their text forms (table, CSV, TSV, JSON).

The CSV, TSV and JSON forms follow "SPARQL 1.1 Query Results CSV and TSV Formats" and
"SPARQL 1.1 Query Results JSON Format". Every form ends with a newline, ready to be written
out as it is (``click.echo(text, nl=False)``).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from kgraph.errors import QueryError

TermKind = Literal["iri", "literal", "bnode"]
ResultKind = Literal["select", "ask", "graph"]
OutputFormat = Literal["table", "csv", "tsv", "json"]
FORMATS: tuple[OutputFormat, ...] = ("table", "csv", "tsv", "json")

XSD = "http://www.w3.org/2001/XMLSchema#"
# Prefixes the table form uses to shorten IRIs, tried in this order.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("res", "https://w3id.org/kgraph/resource/"),
    ("kg", "https://w3id.org/kgraph/ontology#"),
    ("schema", "https://schema.org/"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", XSD),
    ("prov", "http://www.w3.org/ns/prov#"),
)
_NUMERIC = {
    XSD + name
    for name in [
        "integer",
        "decimal",
        "double",
        "float",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
}
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_VISIBLE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


@dataclass(frozen=True)
class Term:
    """One RDF term of a result row.

    ``datatype`` is None for plain strings (xsd:string) and for language-tagged strings.
    """

    value: str  # the IRI, the blank node label (without "_:") or the literal's lexical form
    kind: TermKind
    datatype: str | None = None
    language: str | None = None

    def ntriples(self) -> str:
        """The term in N-Triples syntax: ``<iri>``, ``_:b0``, ``"x"@en``, ``"1"^^<…#integer>``."""
        if self.kind == "iri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = f'"{self.value.translate(_ESCAPES)}"'
        if self.language:
            return f"{text}@{self.language}"
        return f"{text}^^<{self.datatype}>" if self.datatype else text

    def short(self) -> str:
        """The term for people to read: a CURIE for known IRIs, a literal's lexical form."""
        if self.kind == "iri":
            for prefix, namespace in PREFIXES:
                local = self.value[len(namespace) :]
                if self.value.startswith(namespace) and not any(c.isspace() for c in local):
                    return f"{prefix}:{local}"
            return self.value
        if self.kind == "bnode":
            return f"_:{self.value}"
        return self.value.translate(_VISIBLE)


Row = tuple[Term | None, ...]


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query: rows (SELECT), a boolean (ASK) or N-Triples (CONSTRUCT, DESCRIBE)."""

    kind: ResultKind
    variables: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    boolean: bool | None = None
    triples: str | None = None  # sorted N-Triples lines, for kind "graph"
    # a hint for the user about the answer (not part of it): why it may be empty
    note: str | None = field(default=None, compare=False)

    def values(self) -> list[tuple[str | None, ...]]:
        """The rows with each term reduced to its value (None where a variable is unbound)."""
        return [tuple(None if t is None else t.value for t in row) for row in self.rows]


def format_result(result: QueryResult, fmt: OutputFormat = "table") -> str:
    """Render ``result`` as ``table`` (for people), ``csv``, ``tsv`` or ``json``."""
    text = _format(result, fmt)
    return text if text.endswith("\n") else text + "\n"


def _format(result: QueryResult, fmt: OutputFormat) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        if fmt != "table":
            raise QueryError(
                f"CONSTRUCT and DESCRIBE results cannot be written as {fmt}",
                "use --format table, which prints the triples as N-Triples",
            )
        text = result.triples or ""
        count = len(text.splitlines())
        return f"{text}# {count} triple{'' if count == 1 else 's'}"
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2)
        return "true" if result.boolean else "false"
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return "\n".join(
            ["\t".join(f"?{v}" for v in result.variables)]
            + ["\t".join("" if t is None else t.ntriples() for t in row) for row in result.rows]
        )
    if fmt == "json":
        return _json(result)
    return _table(result)


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow("" if t is None else _csv_value(t) for t in row)
    return buffer.getvalue()  # CRLF after every record, the last one too


def _csv_value(term: Term) -> str:
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def _json(result: QueryResult) -> str:
    bindings = [
        {var: _json_term(t) for var, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=2, ensure_ascii=False)


def _json_term(term: Term) -> dict[str, str]:
    kind = {"iri": "uri", "literal": "literal", "bnode": "bnode"}[term.kind]
    out = {"type": kind, "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = term.datatype
    return out


def _table(result: QueryResult) -> str:
    cells = [["" if t is None else t.short() for t in row] for row in result.rows]
    columns = range(len(result.variables))
    widths = [
        max([_width(v), *(_width(r[i]) for r in cells)]) for i, v in enumerate(result.variables)
    ]
    numeric = [_numeric([row[i] for row in result.rows]) for i in columns]

    def line(values: list[str]) -> str:
        padded = [_pad(v, widths[i], right=numeric[i]) for i, v in enumerate(values)]
        return "  ".join(padded).rstrip()

    lines = [line(list(result.variables)), line(["-" * w for w in widths])]
    lines += [line(row) for row in cells]
    count = len(result.rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines)


def _numeric(column: list[Term | None]) -> bool:
    """Whether a column holds numbers only (they are aligned to the right)."""
    bound = [t for t in column if t is not None]
    return bool(bound) and all(t.kind == "literal" and t.datatype in _NUMERIC for t in bound)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide East Asian characters take two."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _pad(text: str, width: int, *, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill
