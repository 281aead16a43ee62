"""Tests for the kgraph ontology, its SHACL shapes and kgraph.rdf.validate."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from decimal import Decimal

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH
from rdflib.term import Node

from kgraph.rdf.namespace import KG, KGSH, SCHEMA, WD, WDT
from kgraph.rdf.validate import ValidationReport, format_report, ontology_dir, validate

ONTOLOGY_IRI = URIRef("https://w3id.org/kgraph/ontology")
KG_NS = str(KG)
EX = Namespace("https://example.org/kgraph-test/")
# An open namespace: importing rdflib's XSD makes pytest's collector warn.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ENTITY_CLASSES = {
    KG.Person,
    KG.Place,
    KG.Organization,
    KG.Periodical,
    KG.Work,
    KG.Event,
    KG.Group,
    KG.Concept,
}

# The relation properties with the domain and range classes they are specified
# to have (a set with several members is an owl:unionOf).
RELATIONS: dict[URIRef, tuple[set[URIRef], set[URIRef]]] = {
    KG.visited: ({KG.Person}, {KG.Place}),
    KG.livesIn: ({KG.Person}, {KG.Place}),
    KG.locatedIn: ({KG.Entity}, {KG.Place}),
    KG.authorOf: ({KG.Person}, {KG.Work, KG.Periodical}),
    KG.editorOf: ({KG.Person}, {KG.Periodical, KG.Work}),
    KG.contributorTo: ({KG.Person}, {KG.Periodical, KG.Work}),
    KG.publishedIn: ({KG.Periodical, KG.Work}, {KG.Place}),
    KG.heldIn: ({KG.Event}, {KG.Place}),
    KG.memberOf: ({KG.Person}, {KG.Organization, KG.Group}),
    KG.founderOf: ({KG.Person}, {KG.Organization, KG.Periodical, KG.Group}),
    KG.participatedIn: ({KG.Person, KG.Group, KG.Organization}, {KG.Event}),
    KG.correspondsWith: ({KG.Person}, {KG.Person}),
    KG.spouseOf: ({KG.Person}, {KG.Person}),
    KG.childOf: ({KG.Person}, {KG.Person}),
}

# Wikidata properties the ontology may cite; anything else is a likely typo.
KNOWN_WIKIDATA_PROPERTIES = {
    WDT[p]
    for p in (
        "P17",
        "P131",
        "P276",
        "P50",
        "P98",
        "P463",
        "P112",
        "P1344",
        "P710",
        "P26",
        "P22",
        "P25",
        "P40",
        "P551",
        "P291",
        "P123",
    )
}

DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    RDF.Property,
}


# ---------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kgraph.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def kg_terms_in_namespace_class() -> set[str]:
    return {name for name in KG.__annotations__ if not name.startswith("_")}


def declared_kg_terms(graph: Graph) -> set[str]:
    return {
        str(s)[len(KG_NS) :]
        for t in DECLARATION_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(KG_NS)
    }


def referenced_kg_terms(graph: Graph) -> set[str]:
    return {
        str(node)[len(KG_NS) :]
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(KG_NS)
    }


def class_set(graph: Graph, node: Node | None) -> set[URIRef]:
    """A named class, or the members of an owl:unionOf class expression."""
    if isinstance(node, URIRef):
        return {node}
    assert isinstance(node, BNode), f"unexpected class expression {node!r}"
    union = graph.value(node, OWL.unionOf)
    assert union is not None, "anonymous class must be an owl:unionOf"
    return {m for m in Collection(graph, union) if isinstance(m, URIRef)}


def shape_class_set(graph: Graph, shape: Node) -> set[URIRef]:
    """Classes allowed by a shape: its sh:class, or the sh:class of each sh:or member."""
    classes = {c for c in graph.objects(shape, SH["class"]) if isinstance(c, URIRef)}
    for alternatives in graph.objects(shape, SH["or"]):
        for member in Collection(graph, alternatives):
            classes |= {c for c in graph.objects(member, SH["class"]) if isinstance(c, URIRef)}
    return classes


TEXT = (
    "Dear Berkman\n\n"
    "I was lately in Paris, and on all sides I heard and saw that the work is bearing fruit.\n"
)
SENTENCE = "I was lately in Paris, and on all sides I heard and saw that the work is bearing fruit."
PARIS_BEGIN = TEXT.index("Paris")
PARIS_END = PARIS_BEGIN + len("Paris")
SENTENCE_BEGIN = TEXT.index(SENTENCE)

LETTER = EX["letter/kropotkin-to-berkman"]
KROPOTKIN = EX["person/kropotkin"]
BERKMAN = EX["person/berkman"]
LONDON = EX["place/london"]
PARIS = EX["place/paris"]
MENTION = URIRef(f"{LETTER}#char={PARIS_BEGIN},{PARIS_END}")
ASSERTION = EX["assertion/kropotkin-visited-paris"]


def valid_graph() -> Graph:
    """A small graph of the shape kgraph writes: letter, people, places, mention, assertion."""
    g = Graph()
    g.add((LETTER, RDF.type, KG.Letter))
    g.add((LETTER, SCHEMA.name, Literal("Kropotkin to Alexander Berkman, November 20, 1908")))
    g.add((LETTER, SCHEMA.sender, KROPOTKIN))
    g.add((LETTER, SCHEMA.recipient, BERKMAN))
    g.add((LETTER, SCHEMA.dateSent, Literal("1908-11-20", datatype=XSD.date)))
    g.add((LETTER, KG.dateText, Literal("November 20, 1908.")))
    g.add((LETTER, KG.placeOfWriting, LONDON))
    g.add((LETTER, KG.address, Literal("Viola. Muswill Hill Row, London, N.")))
    g.add((LETTER, KG.accessNote, Literal("Personal; not for print")))
    g.add((LETTER, KG.salutation, Literal("Dear Berkman")))
    g.add((LETTER, KG.sourceChecksum, Literal(hashlib.sha256(TEXT.encode()).hexdigest())))
    g.add((LETTER, KG.generator, Literal("kgraph 0.1.0")))
    g.add((LETTER, SCHEMA.mentions, PARIS))

    for node, cls, label in (
        (KROPOTKIN, KG.Person, "Pëtr Kropotkin"),
        (BERKMAN, KG.Person, "Alexander Berkman"),
        (LONDON, KG.Place, "London"),
        (PARIS, KG.Place, "Paris"),
    ):
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    g.add((KROPOTKIN, SCHEMA.alternateName, Literal("Peter Kropotkin")))
    g.add((KROPOTKIN, OWL.sameAs, WD.Q5752))
    g.add((LONDON, KG.locatedIn, EX["place/england"]))
    g.add((EX["place/england"], RDF.type, KG.Place))
    g.add((EX["place/england"], RDFS.label, Literal("England")))

    g.add((MENTION, RDF.type, KG.Mention))
    g.add((MENTION, KG.mentionOf, PARIS))
    g.add((MENTION, KG.inLetter, LETTER))
    g.add((MENTION, KG.anchorOf, Literal(TEXT[PARIS_BEGIN:PARIS_END])))
    g.add((MENTION, KG.beginIndex, Literal(PARIS_BEGIN)))
    g.add((MENTION, KG.endIndex, Literal(PARIS_END)))

    g.add((KROPOTKIN, KG.visited, PARIS))
    g.add((ASSERTION, RDF.type, KG.Assertion))
    g.add((ASSERTION, RDF.subject, KROPOTKIN))
    g.add((ASSERTION, RDF.predicate, KG.visited))
    g.add((ASSERTION, RDF.object, PARIS))
    g.add((ASSERTION, KG.evidence, Literal(SENTENCE)))
    g.add((ASSERTION, KG.confidence, Literal(Decimal("0.8"))))
    g.add((ASSERTION, KG.rule, Literal("lately-in-place")))
    g.add((ASSERTION, KG.beginIndex, Literal(SENTENCE_BEGIN)))
    g.add((ASSERTION, KG.endIndex, Literal(SENTENCE_BEGIN + len(SENTENCE))))
    g.add((ASSERTION, PROV.wasDerivedFrom, LETTER))
    return g


def paths_of(report: ValidationReport) -> set[str | None]:
    return {v.path for v in report.violations}


# ---------------------------------------------------------------------------
# Ontology
# ---------------------------------------------------------------------------


def test_ontology_dir_holds_both_files() -> None:
    assert (ontology_dir() / "kgraph.ttl").is_file()
    assert (ontology_dir() / "shapes.ttl").is_file()


@pytest.mark.parametrize("name", ["kgraph.ttl", "shapes.ttl"])
def test_turtle_parses_identically_with_rdflib_and_oxigraph(name: str) -> None:
    path = ontology_dir() / name
    rdflib_count = len(Graph().parse(path, format="turtle"))
    oxigraph_count = len(list(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE)))
    assert rdflib_count > 100
    assert rdflib_count == oxigraph_count


def test_ontology_header(ontology: Graph) -> None:
    assert set(ontology.subjects(RDF.type, OWL.Ontology)) == {ONTOLOGY_IRI}
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/kgraph/ontology/0.1.0"
    )
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.1.0"
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    for prop in (RDFS.label, RDFS.comment, DCTERMS.title, DCTERMS.description):
        assert ontology.value(ONTOLOGY_IRI, prop) is not None, prop


def test_namespace_class_matches_ontology(ontology: Graph) -> None:
    in_python = kg_terms_in_namespace_class()
    in_turtle = declared_kg_terms(ontology)
    assert in_python == in_turtle, (
        f"only in kgraph/namespace.py: {sorted(in_python - in_turtle)}; "
        f"only in ontology/kgraph.ttl: {sorted(in_turtle - in_python)}"
    )


def test_namespace_is_closed() -> None:
    assert KG.Person == URIRef(KG_NS + "Person")
    with pytest.raises(AttributeError):
        _ = KG.Persn


@pytest.mark.parametrize("name", ["kgraph.ttl", "shapes.ttl"])
def test_every_kg_iri_used_is_declared(ontology: Graph, name: str) -> None:
    graph = Graph().parse(ontology_dir() / name, format="turtle")
    undeclared = referenced_kg_terms(graph) - declared_kg_terms(ontology)
    assert not undeclared, f"kg: terms used in {name} but not declared: {sorted(undeclared)}"


def test_every_term_is_documented(ontology: Graph) -> None:
    problems = []
    for name in sorted(declared_kg_terms(ontology)):
        term = URIRef(KG_NS + name)
        labels = list(ontology.objects(term, RDFS.label))
        comments = list(ontology.objects(term, RDFS.comment))
        if len(labels) != 1 or not all(getattr(x, "language", None) == "en" for x in labels):
            problems.append(f"{name}: needs exactly one rdfs:label@en, has {labels}")
        if len(comments) != 1 or not all(getattr(x, "language", None) == "en" for x in comments):
            problems.append(f"{name}: needs exactly one rdfs:comment@en, has {len(comments)}")
        if list(ontology.objects(term, RDFS.isDefinedBy)) != [ONTOLOGY_IRI]:
            problems.append(f"{name}: rdfs:isDefinedBy must be the ontology IRI")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("prop", sorted(RELATIONS), ids=lambda p: str(p)[len(KG_NS) :])
def test_relation_property_domain_and_range(ontology: Graph, prop: URIRef) -> None:
    assert (prop, RDF.type, OWL.ObjectProperty) in ontology
    domains = list(ontology.objects(prop, RDFS.domain))
    ranges = list(ontology.objects(prop, RDFS.range))
    assert len(domains) == 1 and len(ranges) == 1
    expected_domain, expected_range = RELATIONS[prop]
    assert class_set(ontology, domains[0]) == expected_domain
    assert class_set(ontology, ranges[0]) == expected_range


def test_symmetric_and_inverse_properties(ontology: Graph) -> None:
    assert (KG.correspondsWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (KG.spouseOf, RDF.type, OWL.SymmetricProperty) in ontology
    assert (KG.childOf, RDF.type, OWL.SymmetricProperty) not in ontology
    assert (KG.mentionOf, OWL.inverseOf, KG.mentionedAs) in ontology


def test_relations_align_with_schema_org_where_a_counterpart_exists(ontology: Graph) -> None:
    unaligned = set()
    for prop in RELATIONS:
        targets = set(ontology.objects(prop, RDFS.subPropertyOf))
        targets |= set(ontology.objects(prop, OWL.equivalentProperty))
        targets |= set(ontology.objects(prop, RDFS.seeAlso))
        names = {str(t) for t in targets} | {
            str(ontology.value(t, OWL.inverseOf)) for t in targets if isinstance(t, BNode)
        }
        if not any(n.startswith(str(SCHEMA)) for n in names):
            unaligned.add(str(prop)[len(KG_NS) :])
    # kg:visited has no schema.org counterpart; its comment says so.
    assert unaligned == {"visited"}


def test_only_known_wikidata_properties_are_cited(ontology: Graph) -> None:
    cited = {o for o in ontology.objects() if isinstance(o, URIRef) and str(o).startswith(str(WDT))}
    assert cited, "expected some Wikidata alignments"
    assert cited <= KNOWN_WIKIDATA_PROPERTIES, sorted(cited - KNOWN_WIKIDATA_PROPERTIES)


@pytest.mark.parametrize("cls", sorted(ENTITY_CLASSES), ids=lambda c: str(c)[len(KG_NS) :])
def test_entity_classes_are_entities_with_external_alignment(ontology: Graph, cls: URIRef) -> None:
    supers = set(ontology.objects(cls, RDFS.subClassOf))
    assert KG.Entity in supers
    assert any(not str(s).startswith(KG_NS) for s in supers), f"{cls} has no external superclass"


def test_other_class_alignments(ontology: Graph) -> None:
    assert (KG.Letter, RDFS.subClassOf, SCHEMA.Message) in ontology
    assert (KG.Assertion, RDFS.subClassOf, RDF.Statement) in ontology
    assert (KG.SourceEdition, RDFS.subClassOf, SCHEMA.CreativeWork) in ontology
    subclasses_of_entity = set(ontology.subjects(RDFS.subClassOf, KG.Entity))
    assert subclasses_of_entity == ENTITY_CLASSES


# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------


def test_every_shape_is_named_or_has_a_message(shapes: Graph) -> None:
    or_members = {
        member for lst in shapes.objects(None, SH["or"]) for member in Collection(shapes, lst)
    }
    candidates = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(SH.path))
    assert len(candidates) > 50
    silent = [
        s
        for s in candidates - or_members
        if shapes.value(s, SH.message) is None and shapes.value(s, SH.name) is None
    ]
    assert not silent, silent


def test_entity_shape_targets_every_entity_subclass(shapes: Graph) -> None:
    targets = set(shapes.objects(KGSH.EntityShape, SH.targetClass))
    assert targets == ENTITY_CLASSES


@pytest.mark.parametrize("prop", sorted(RELATIONS), ids=lambda p: str(p)[len(KG_NS) :])
def test_relation_shapes_agree_with_ontology(ontology: Graph, shapes: Graph, prop: URIRef) -> None:
    node_shapes = set(shapes.subjects(SH.targetSubjectsOf, prop))
    domain_classes: set[URIRef] = set()
    range_classes: set[URIRef] = set()
    for shape in node_shapes:
        domain_classes |= shape_class_set(shapes, shape)
        for prop_shape in shapes.objects(shape, SH.property):
            if shapes.value(prop_shape, SH.path) == prop:
                range_classes |= shape_class_set(shapes, prop_shape)
    assert domain_classes == class_set(ontology, ontology.value(prop, RDFS.domain))
    assert range_classes == class_set(ontology, ontology.value(prop, RDFS.range))


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def test_valid_graph_conforms() -> None:
    report = validate(valid_graph())
    assert report.conforms, format_report(report)
    assert report.violations == ()


def test_validate_does_not_modify_the_data_graph() -> None:
    data = valid_graph()
    before = set(data)
    validate(data)
    assert set(data) == before


def _set(subject: URIRef, prop: URIRef, value: Literal | URIRef) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.set((subject, prop, value))

    return mutate


def _add(subject: URIRef, prop: URIRef, value: Literal | URIRef) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.add((subject, prop, value))

    return mutate


def _remove(subject: URIRef, prop: URIRef) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.remove((subject, prop, None))

    return mutate


INVALID_CASES: dict[str, tuple[Callable[[Graph], None], URIRef, URIRef]] = {
    # name: (mutation, focus node, path the violation must name)
    "confidence above 1": (
        _set(ASSERTION, KG.confidence, Literal(Decimal("1.5"))),
        ASSERTION,
        KG.confidence,
    ),
    "confidence as string": (
        _set(ASSERTION, KG.confidence, Literal("0.5")),
        ASSERTION,
        KG.confidence,
    ),
    "mention without anchor text": (_remove(MENTION, KG.anchorOf), MENTION, KG.anchorOf),
    "mention with empty anchor text": (
        _set(MENTION, KG.anchorOf, Literal("")),
        MENTION,
        KG.anchorOf,
    ),
    "mention with negative begin": (
        _set(MENTION, KG.beginIndex, Literal(-1)),
        MENTION,
        KG.beginIndex,
    ),
    "mention begins after it ends": (
        _set(MENTION, KG.beginIndex, Literal(PARIS_END + 1)),
        MENTION,
        KG.beginIndex,
    ),
    "entity with two labels": (
        _add(PARIS, RDFS.label, Literal("Paris, France")),
        PARIS,
        RDFS.label,
    ),
    "entity label with language tag": (
        _set(PARIS, RDFS.label, Literal("Paris", lang="fr")),
        PARIS,
        RDFS.label,
    ),
    "dateSent as plain string": (
        _set(LETTER, SCHEMA.dateSent, Literal("1908-11-20")),
        LETTER,
        SCHEMA.dateSent,
    ),
    "two dateSent values": (
        _add(LETTER, SCHEMA.dateSent, Literal("1908", datatype=XSD.gYear)),
        LETTER,
        SCHEMA.dateSent,
    ),
    "visited a person": (_add(KROPOTKIN, KG.visited, BERKMAN), KROPOTKIN, KG.visited),
    "sameAs a non-Wikidata IRI": (
        _add(KROPOTKIN, OWL.sameAs, URIRef("http://dbpedia.org/resource/Peter_Kropotkin")),
        KROPOTKIN,
        OWL.sameAs,
    ),
    "sameAs a Wikidata IRI with https": (
        _set(KROPOTKIN, OWL.sameAs, URIRef("https://www.wikidata.org/entity/Q5752")),
        KROPOTKIN,
        OWL.sameAs,
    ),
    "checksum too short": (
        _set(LETTER, KG.sourceChecksum, Literal("ab" * 31)),
        LETTER,
        KG.sourceChecksum,
    ),
    "checksum in upper case": (
        _set(LETTER, KG.sourceChecksum, Literal("AB" * 32)),
        LETTER,
        KG.sourceChecksum,
    ),
    "checksum missing": (_remove(LETTER, KG.sourceChecksum), LETTER, KG.sourceChecksum),
    "sender without a type": (
        _set(LETTER, SCHEMA.sender, EX["person/unknown"]),
        LETTER,
        SCHEMA.sender,
    ),
    "assertion without evidence": (_remove(ASSERTION, KG.evidence), ASSERTION, KG.evidence),
    "assertion derived from a non-letter": (
        _set(ASSERTION, PROV.wasDerivedFrom, PARIS),
        ASSERTION,
        PROV.wasDerivedFrom,
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID_CASES))
def test_invalid_graph_is_reported_at_the_right_path(case: str) -> None:
    mutate, focus, path = INVALID_CASES[case]
    data = valid_graph()
    mutate(data)
    report = validate(data)
    assert not report.conforms
    hits = [v for v in report.violations if v.focus_node == str(focus) and v.path == str(path)]
    assert hits, f"no violation at {focus} {path}; got:\n{format_report(report)}"
    assert all(v.severity == "Violation" and v.message for v in hits)


def test_domain_violation_names_the_property() -> None:
    data = valid_graph()
    data.add((PARIS, KG.visited, LONDON))  # a place cannot visit
    report = validate(data)
    hits = [v for v in report.violations if v.focus_node == str(PARIS)]
    assert len(hits) == 1
    assert hits[0].path is None
    assert "kg:visited" in hits[0].message
    assert hits[0].shape == str(KGSH.VisitedDomainShape)


def test_union_range_accepts_each_member_and_rejects_others() -> None:
    data = valid_graph()
    for node, cls in ((EX["periodical/temps"], KG.Periodical), (EX["work/revolution"], KG.Work)):
        data.add((node, RDF.type, cls))
        data.add((node, RDFS.label, Literal(str(node).rsplit("/", 1)[-1])))
        data.add((KROPOTKIN, KG.authorOf, node))
    assert validate(data).conforms
    data.add((KROPOTKIN, KG.authorOf, PARIS))
    report = validate(data)
    assert {(v.path, v.value) for v in report.violations} == {(str(KG.authorOf), str(PARIS))}


def test_violation_records_value_and_owning_node_shape() -> None:
    data = valid_graph()
    data.set((ASSERTION, KG.confidence, Literal(Decimal("1.5"))))
    (violation,) = validate(data).violations
    assert violation.value == "1.5"
    assert violation.shape == str(KGSH.AssertionShape)
    assert violation.message == "kg:confidence must be ≤ 1."


def test_format_report_uses_curies() -> None:
    data = valid_graph()
    data.set((ASSERTION, KG.confidence, Literal(Decimal("1.5"))))
    text = format_report(validate(data), prefixes={"ex": str(EX)})
    first, summary = text.splitlines()
    assert first == (
        "✗ ex:assertion/kropotkin-visited-paris kg:confidence: "
        "kg:confidence must be ≤ 1. (got 1.5) [AssertionShape]"
    )
    assert summary == "does not conform: 1 violation"


def test_format_report_without_extra_prefixes_brackets_unknown_iris() -> None:
    data = valid_graph()
    data.add((KROPOTKIN, KG.visited, BERKMAN))
    text = format_report(validate(data))
    assert f"<{KROPOTKIN}> kg:visited: " in text
    assert "[VisitedRangeShape]" in text


def test_format_report_for_conforming_data() -> None:
    assert format_report(validate(valid_graph())) == "✓ conforms"


def test_explicit_shapes_graph_replaces_the_default_shapes() -> None:
    custom = Graph()
    shape, prop_shape = EX["shapes/LetterNeedsValediction"], BNode()
    custom.add((shape, RDF.type, SH.NodeShape))
    custom.add((shape, SH.targetClass, KG.Letter))
    custom.add((shape, SH.property, prop_shape))
    custom.add((prop_shape, SH.path, KG.valediction))
    custom.add((prop_shape, SH.minCount, Literal(1)))
    custom.add((prop_shape, SH.message, Literal("A letter needs a valediction.")))
    data = valid_graph()
    data.add((PARIS, RDFS.label, Literal("second label")))  # only the default shapes object
    report = validate(data, custom)
    assert [(v.focus_node, v.path, v.shape) for v in report.violations] == [
        (str(LETTER), str(KG.valediction), str(shape))
    ]
    assert report.violations[0].message == "A letter needs a valediction."


def test_complex_paths_are_rendered_as_property_paths() -> None:
    custom = Graph()
    shape, prop_shape, inverse = EX["shapes/NobodyVisits"], BNode(), BNode()
    custom.add((shape, RDF.type, SH.NodeShape))
    custom.add((shape, SH.targetClass, KG.Place))
    custom.add((shape, SH.property, prop_shape))
    custom.add((prop_shape, SH.path, inverse))
    custom.add((inverse, SH.inversePath, KG.visited))
    custom.add((prop_shape, SH.maxCount, Literal(0)))
    custom.add((prop_shape, SH.message, Literal("Nobody may visit this place.")))
    report = validate(valid_graph(), custom)
    (violation,) = report.violations
    assert violation.path == f"^<{KG.visited}>"
    assert " ^kg:visited: " in format_report(report)
