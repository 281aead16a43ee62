"""Turtle for the ``write`` stage: the bytes rdflib's Turtle serializer writes for kgraph's
graphs, without building an rdflib ``Graph`` first and without asking for each IRI's prefix
again at every use.

kgraph's graphs have no blank nodes, so rdflib's layout is simple: the used prefixes, sorted;
then one block per subject, members of ``rdfs:Class`` first, the others ordered by how often
they are an object and then by IRI; in a block ``rdf:type`` (written ``a``) and
``rdfs:label`` first, then the other predicates sorted, each with its sorted objects. Terms
are written by rdflib's own code (``NamespaceManager.compute_qname``, ``Literal._literal_n3``),
so escaping and number forms are rdflib's. ``tests/test_turtle.py`` checks that the bytes equal
rdflib's serializer on the sample letter, the development letters and generated letters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
TYPE, LABEL, CLASS, NIL = URIRef(RDF.type), URIRef(RDFS.label), URIRef(RDFS.Class), URIRef(RDF.nil)
_FIRST = (TYPE, LABEL)


class _Names:
    """Prefixed names of IRIs against one graph's prefixes, remembering each answer and
    which prefixes were used."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.used: dict[str, str] = {}
        self._cache: dict[tuple[str, bool], tuple[str, str, str] | None] = {}
        self.labels: dict[tuple[Node, bool], str] = {}

    def pname(self, uri: Node, generate: bool) -> str | None:
        if not isinstance(uri, URIRef):
            return None
        key = (str(uri), generate)
        if key not in self._cache:
            self._cache[key] = self._compute(uri, generate)
        found = self._cache[key]
        if found is None:
            return None
        prefix, namespace, name = found
        self.used[prefix] = namespace
        return name

    def _compute(self, uri: URIRef, generate: bool) -> tuple[str, str, str] | None:
        try:
            prefix, namespace, local = self.graph.compute_qname(uri, generate=generate)
        except Exception:  # as rdflib: not in a known namespace; is it a namespace itself?
            known = self.graph.store.prefix(uri)
            if known is None:
                return None
            prefix, namespace, local = known, uri, ""
        local = _PERCENT.sub("\\%", local.replace("(", r"\(").replace(")", r"\)"))
        if local.endswith(".") or prefix.startswith("_"):
            return None  # rdflib would rename an "_" prefix; kgraph binds none
        return prefix, str(namespace), f"{prefix}:{local}"


def turtle(triples: Iterable[tuple[Node, Node, Node]], graph: Graph) -> bytes:
    """Turtle of ``triples`` (no blank nodes) with the prefixes bound in ``graph``."""
    subjects: dict[Identifier, dict[Identifier, set[Identifier]]] = {}
    for s, p, o in triples:
        if isinstance(s, BNode) or isinstance(o, BNode):
            raise ValueError("kgraph's Turtle writer takes no blank nodes")
        assert isinstance(s, Identifier) and isinstance(p, Identifier)
        assert isinstance(o, Identifier)
        subjects.setdefault(s, {}).setdefault(p, set()).add(o)
    names = _Names(graph)
    references: Counter[Identifier] = Counter()
    for s, properties in subjects.items():  # as rdflib's preprocess: prefixes in use
        names.pname(s, False)
        for p, objects in properties.items():
            references.update(objects)
            if p != TYPE:
                names.pname(p, True)
            for o in objects:
                names.pname(o, False)
                if isinstance(o, Literal) and o.datatype is not None:
                    names.pname(o.datatype, False)
    classes = sorted(s for s, props in subjects.items() if CLASS in props.get(TYPE, ()))
    first = set(classes)
    rest = sorted((references[s], s) for s in subjects if s not in first)
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(names.used.items()))
    blocks = [_block(s, subjects[s], names) for s in [*classes, *(s for _, s in rest)]]
    return (head + "".join(blocks) + "\n").encode("utf-8", "replace")


def _block(
    subject: Identifier, properties: dict[Identifier, set[Identifier]], names: _Names
) -> str:
    order: list[Identifier] = [p for p in _FIRST if p in properties]
    order += sorted(p for p in properties if p not in _FIRST)
    lines = []
    for p in order:
        verb = "a" if p == TYPE else _label(p, names, verb=True)
        objects = [_label(o, names) for o in sorted(properties[p])]
        lines.append(f"{verb} " + ",\n        ".join(objects))
    return f"\n{_label(subject, names)} " + " ;\n    ".join(lines) + " .\n"


def _label(node: Identifier, names: _Names, verb: bool = False) -> str:
    if isinstance(node, Literal):
        return node._literal_n3(use_plain=True, qname_callback=lambda dt: names.pname(dt, False))
    key = (node, verb)
    found = names.labels.get(key)
    if found is None:
        found = "()" if node == NIL else names.pname(node, verb) or node.n3()
        names.labels[key] = found
    return found
