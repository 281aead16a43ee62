"""The outcome of SHACL validation (``kgraph.rdf.validate``) as plain data, and its readable form.

:class:`ValidationReport` and :class:`Violation` are made of plain strings, so callers need
neither pySHACL nor the SHACL results vocabulary. :func:`format_report` turns a report into
short, readable lines such as::

    ✗ <https://example.org/a1> kg:confidence: kg:confidence must be ≤ 1. (got 1.5) [AssertionShape]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

from kgraph.rdf.namespace import KG, KGSH, SCHEMA, WD, WDT

__all__ = ["ValidationReport", "Violation", "format_report"]


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result.

    ``focus_node`` and ``value`` are IRIs as plain strings, blank nodes as
    ``_:id`` and literals as their lexical form. ``path`` is the property IRI
    (or, for a complex SHACL path, SPARQL property-path syntax with ``<IRI>``
    terms); it is ``None`` for constraints on the focus node itself.
    ``severity`` is ``"Violation"``, ``"Warning"`` or ``"Info"``. ``shape``
    is the IRI of the node shape the failing constraint belongs to (for an
    anonymous property shape, the node shape that declares it).
    """

    focus_node: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str


@dataclass(frozen=True)
class ValidationReport:
    """Outcome of :func:`validate`; ``violations`` holds every result, sorted."""

    conforms: bool
    violations: tuple[Violation, ...]


_PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgsh": str(KGSH),
    "schema": str(SCHEMA),
    "wd": str(WD),
    "wdt": str(WDT),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sh": str(SH),
    "prov": str(PROV),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
}

# Report lines are for people, not for a Turtle parser, so a "CURIE" here may
# have a local part that Turtle would not accept unescaped (``ex:person/abc``).
_LOCAL_NAME = re.compile(r"[^\s<>\"{}|^`\\]+")
_BRACKETED_IRI = re.compile(r"<([^<>\s]+)>")
_MARKS = {"Violation": "✗", "Warning": "⚠", "Info": "ℹ"}


def _curie(iri: str, prefixes: Mapping[str, str]) -> str | None:
    best: tuple[str, str] | None = None
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and (best is None or len(namespace) > len(best[1])):
            best = (prefix, namespace)
    if best is not None:
        local = iri[len(best[1]) :]
        if _LOCAL_NAME.fullmatch(local):
            return f"{best[0]}:{local}"
    return None


def _looks_like_iri(text: str) -> bool:
    return re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:\S+$", text) is not None


def _show_node(text: str, prefixes: Mapping[str, str]) -> str:
    """Focus nodes and shapes: CURIE if possible, else ``<IRI>`` or ``_:id``."""
    if text.startswith("_:"):
        return text
    return _curie(text, prefixes) or (f"<{text}>" if _looks_like_iri(text) else text)


def _show_path(text: str, prefixes: Mapping[str, str]) -> str:
    if _BRACKETED_IRI.search(text):
        return _BRACKETED_IRI.sub(lambda m: _curie(m.group(1), prefixes) or m.group(0), text)
    return _show_node(text, prefixes)


def _show_value(text: str, prefixes: Mapping[str, str]) -> str:
    """Values may be literals, so only known IRIs are shortened."""
    if not text:
        return '""'
    return _curie(text, prefixes) or text


def _show_shape(text: str, prefixes: Mapping[str, str]) -> str:
    if text.startswith(str(KGSH)):
        local = text[len(str(KGSH)) :]
        if local:
            return local
    return _show_node(text, prefixes)


def format_report(report: ValidationReport, *, prefixes: Mapping[str, str] | None = None) -> str:
    """Render *report* as one line per result followed by a summary line.

    IRIs in the kgraph, schema.org, Wikidata and W3C namespaces are shortened
    to CURIEs; *prefixes* (prefix → namespace IRI) adds more, for example the
    namespace of the data being validated.
    """
    known = dict(_PREFIXES)
    if prefixes:
        known.update(prefixes)

    if not report.violations:
        return "✓ conforms" if report.conforms else "✗ does not conform (no results reported)"

    lines: list[str] = []
    for v in report.violations:
        mark = _MARKS.get(v.severity, "✗")
        where = _show_node(v.focus_node, known)
        if v.path is not None:
            where += " " + _show_path(v.path, known)
        got = ""
        if v.value is not None and not (v.path is None and v.value == v.focus_node):
            got = f" (got {_show_value(v.value, known)})"
        lines.append(f"{mark} {where}: {v.message}{got} [{_show_shape(v.shape, known)}]")

    counts: dict[str, int] = {}
    for v in report.violations:
        counts[v.severity] = counts.get(v.severity, 0) + 1
    summary = ", ".join(
        f"{n} {severity.lower()}{'' if n == 1 else 's'}" for severity, n in sorted(counts.items())
    )
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {summary}")
    return "\n".join(lines)
