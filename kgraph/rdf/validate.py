"""SHACL validation of kgraph output.

:func:`validate` checks a data graph against ``ontology/shapes.ttl`` (or
shapes supplied by the caller) and returns a :class:`ValidationReport` made of
plain strings, so callers need neither pySHACL nor the SHACL results
vocabulary. :func:`format_report` turns a report into short, readable lines
such as::

    ✗ <https://example.org/a1> kg:confidence: kg:confidence must be ≤ 1. (got 1.5) [AssertionShape]

The report types and :func:`format_report` live in ``kgraph.rdf.validation_report``
and are re-exported here.

Errors raised by rdflib or pySHACL (unreadable shapes, bad SHACL) propagate
unchanged. pySHACL is imported only when :func:`validate` runs, so the rest of
this module (and ``kgraph`` as a whole) works without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kgraph.rdf.validation_report import ValidationReport, Violation, format_report

__all__ = [
    "ValidationReport",
    "Violation",
    "format_report",
    "ontology_dir",
    "validate",
]


def ontology_dir() -> Path:
    """Return the directory holding ``kgraph.ttl`` and ``shapes.ttl``.

    A wheel may ship the files inside the package as ``kgraph/_data/ontology``;
    that copy wins when present. Otherwise (a source checkout or an editable
    install) the ``ontology`` directory next to the package is used.
    """
    package_dir = Path(__file__).resolve().parent.parent
    packaged = package_dir / "_data" / "ontology"
    if packaged.is_dir():
        return packaged
    return package_dir.parent / "ontology"


def _load_turtle(name: str) -> Graph:
    graph = Graph()
    graph.parse(ontology_dir() / name, format="turtle")
    return graph


def validate(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate *data* against the kgraph shapes, or against *shapes* if given.

    The ontology ``kgraph.ttl`` is always passed to pySHACL as the ontology
    graph. pySHACL validates a copy of *data* with the ontology mixed in;
    *data* itself is not modified.
    """
    import pyshacl

    if shapes is None:
        shapes = _load_turtle("shapes.ttl")
    ontology = _load_turtle("kgraph.ttl")

    # Inference is deliberately "none". With RDFS (or OWL RL) inference the
    # ontology's rdfs:domain / rdfs:range axioms would assign types to nodes
    # from the triples they occur in: the object of kg:visited would become a
    # kg:Place, the sender of a letter a kg:Entity, merely by being used that
    # way. The domain/range and sh:class checks would then pass by
    # construction and never report an untyped or wrongly typed node.
    # Without inference the ontology is still mixed into the data graph, which
    # is all sh:class needs: SHACL follows rdfs:subClassOf in the data graph,
    # so a node typed kg:Person satisfies sh:class kg:Entity.
    conforms, results, _text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        allow_infos=False,
        advanced=False,
        inplace=False,
    )
    if not isinstance(results, Graph):
        raise TypeError(f"pySHACL returned {type(results).__name__}, expected an rdflib Graph")

    violations: list[Violation] = []
    for report_node in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(report_node, SH.result):
            violations.append(_violation(result, results, shapes))
    # Two results that differ only in their constraint component (say
    # sh:minInclusive and sh:maxInclusive under one message) would print as
    # the same line; keep one of each.
    unique = sorted(
        set(violations),
        key=lambda v: (v.focus_node, v.path or "", v.shape, v.message, v.value or ""),
    )
    return ValidationReport(conforms=bool(conforms), violations=tuple(unique))


def _violation(result: Node, results: Graph, shapes: Graph) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    source = results.value(result, SH.sourceShape)
    component = results.value(result, SH.sourceConstraintComponent)
    return Violation(
        focus_node=_node_str(focus) if focus is not None else "",
        path=_path_str(path, (results, shapes)) if path is not None else None,
        value=_node_str(value) if value is not None else None,
        message=_message(results, result, component),
        severity=_local_name(severity) if severity is not None else "Violation",
        shape=_shape_str(source, shapes) if source is not None else "",
    )


def _node_str(node: Node) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _local_name(node: Node) -> str:
    text = str(node)
    return re.split(r"[#/]", text)[-1] or text


def _message(results: Graph, result: Node, component: Node | None) -> str:
    messages = list(results.objects(result, SH.resultMessage))
    preferred = [m for m in messages if not isinstance(m, Literal) or m.language in (None, "en")]
    texts = sorted({str(m) for m in (preferred or messages)})
    if texts:
        return "; ".join(texts)
    if component is not None:
        return f"{_local_name(component)} not satisfied"
    return "Constraint not satisfied"


def _shape_str(shape: Node, shapes: Graph, depth: int = 0) -> str:
    """Name a result's source shape, climbing from a blank property shape to
    the node shape that declares it."""
    if isinstance(shape, URIRef):
        return str(shape)
    if depth < 4:
        parents = sorted(
            shapes.subjects(SH.property, shape), key=lambda n: (isinstance(n, BNode), str(n))
        )
        if parents:
            return _shape_str(parents[0], shapes, depth + 1)
    return _node_str(shape)


def _value(graphs: tuple[Graph, ...], node: Node, predicate: URIRef) -> Node | None:
    for graph in graphs:
        found = graph.value(node, predicate)
        if found is not None:
            return found
    return None


def _path_str(path: Node, graphs: tuple[Graph, ...], nested: bool = False) -> str:
    """Render a SHACL path; a plain predicate is returned as its bare IRI."""
    if isinstance(path, URIRef):
        return f"<{path}>" if nested else str(path)
    unary = {
        SH.inversePath: "^{}",
        SH.zeroOrMorePath: "({})*",
        SH.oneOrMorePath: "({})+",
        SH.zeroOrOnePath: "({})?",
    }
    for predicate, template in unary.items():
        inner = _value(graphs, path, predicate)
        if inner is not None:
            return template.format(_path_str(inner, graphs, nested=True))
    alternatives = _value(graphs, path, SH.alternativePath)
    if alternatives is not None:
        members = _list(graphs, alternatives)
        return "(" + " | ".join(_path_str(m, graphs, nested=True) for m in members) + ")"
    if _value(graphs, path, RDF.first) is not None:
        members = _list(graphs, path)
        return "(" + " / ".join(_path_str(m, graphs, nested=True) for m in members) + ")"
    return _node_str(path)


def _list(graphs: tuple[Graph, ...], head: Node) -> list[Node]:
    for graph in graphs:
        if (head, RDF.first, None) in graph:
            return list(Collection(graph, head))
    return []


def validate_files(files: Sequence[str | Path]) -> tuple[bool, str]:
    """Validate RDF files (all graphs of quad files together); (conforms, readable report)."""
    from kgraph.rdf.rdfio import load_graph

    report = validate(load_graph(list(files)))
    return report.conforms, format_report(report)
