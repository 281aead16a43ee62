"""Property tests: arbitrary Unicode letters, and generated letters with hostile names, build
without raising into RDF that both rdflib and pyoxigraph read back exactly.

For every generated letter: the build never raises; its Turtle and N-Quads parse with rdflib
and with pyoxigraph and hold exactly the triples kgraph made; every IRI is one that rdflib and
pyoxigraph both accept; every span of the letter's structure and every mention slices the
input to exactly its text, in the results and (as ``kg:anchorOf`` and its offsets) in the
output. SHACL validation takes about 0.1 s a letter, so it runs on a fixed sub-sample: every
20th letter built (counted across this module). Every second letter's Turtle is also compared
byte for byte with rdflib's own Turtle serializer, which kgraph's writer must match.

Cases: 1,000 structured letters, 1,000 arbitrary texts, 300 letters with one hostile name in
every part (and as the file's name), and 500 sets of names for the IRIs alone (no pipeline):
2,800 in all, about two and a half minutes on two cores with the one session pipeline.

Lone surrogates cannot occur in text read from UTF-8, so they are left out; every other
code point can occur, including the line separators Python's ``str.splitlines`` honours
(``\\r``, ``\\x0b``, ``\\x0c``, ``\\x1c``-``\\x1e``, ``\\x85``, ``\\u2028``, ``\\u2029``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import fields
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kgraph.model import ENTITY_TYPES, Entity, EntityType, Letter, LetterResult, Source, TextSpan
from kgraph.rdf import iris
from kgraph.rdf.graph import to_graph
from kgraph.rdf.validate import format_report, validate
from kgraph.rdf.write import serialize
from kgraph.settings import Settings
from kgraph.text.reading import slugify

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own, per case
BASE = Settings().base
SHACL_EVERY = 20
RDFLIB_TURTLE_EVERY = 2
FORBIDDEN_IN_IRI = frozenset('<>"{}|^`\\ ') | {chr(c) for c in range(0x21)}
PROPERTY = settings(
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # no slow "explain"
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_cases = itertools.count(1)  # letters checked in this module, for the SHACL sub-sample

HOSTILE_NAMES = [
    'O\'Brien "the <Bold>" \\ Müller',
    "\u200f\u0639\u0628\u062f \u0627\u0644\u0644\u0647\u200f",  # RLM, Arabic, RLM
    "Zoë 🌹",
    "Jose\u0301 Ma\u0301rquez",  # combining acute accents
    "Anne-Marie d'Aubigné",
    "Sir }{ #'''\"\"\"",
    "Jean \\u0041 Valjean",
    "<Script>alert(1)</Script>",
    "Ἀριστοτέλης Σταγειρίτης",
    "Li\u00a0Bai 李白",
    "Mr. \u202eLivE\u202c Rossi",  # right-to-left override
    "Dr. %41%00 Null",
    "Count " + "Z" * 300,  # a very long token
    "Mlle. Ça\x0bVa",
    "Prof. Ångström\u2028Jr",
]
PLACES = ["London", "Paris", "Kew", "Rome", "Zürich", "Tel Aviv-Yafo", "Zoë 🌹", "Q90", "Москва"]
BREAKS = ["\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x1c"]
HEADINGS = ["Letter from {} to {}", "# {} to {}", "Letter XII. To {}", "To {}, Esq.", "> {}"]
SALUTATIONS = ["Dear {},", "My dear {},", "Dearest {}!", "Sir,", "{} dearest,", "Mon cher {},"]
VALEDICTIONS = ["Yours truly,", "Ever yours,", "Believe me, yours faithfully,", "Love,", "Salut,"]
MONTHS = ["January", "February", "March", "Nov.", "juin", "März", "мая", "Dezember"]
SENTENCES = [
    "I saw {n} in {p} last week.",
    '{n} wrote "{n}" for the *{n}* in {p}.',
    "We went to {p} with {n} and {n}.",
    "Tell Mrs. {n} that I am at {p}.",
    "{n}'s book on {p} is out; see [{n}](https://example.org/{n}).",
    "**{n}** and _{n}_ met “{n}” and «{n}» at the {n} Congress.",
]
SPICY = [*"\"'\\<>{}#*_[]()`|^~$%&@!?.,;:-—–“”«»‘’ ", "\u0301", "\u200f", "\u202e", "\u2028"]
SPICY += ["\x00", "\x0b", "\x85", "\ufeff", "🌹", "\U0010ffff", "\ufffe", "\r", "\n"]
SEPARATORS = ["---", "* * *", "____", "~~~~~~"]
NOTES = ["[1] {}", "* {}", "¹ {}", "2. {}", "N.B. {}"]

any_char = st.characters(exclude_categories=["Cs"])
spicy_char = st.one_of(st.sampled_from(SPICY), any_char, st.characters(max_codepoint=0x7F))
unicode_text = st.text(alphabet=spicy_char, max_size=60)
name_word = st.builds(
    lambda first, rest: first + rest,
    st.characters(categories=["Lu", "Lt", "Lo"]),
    st.text(
        alphabet=st.one_of(st.characters(categories=["Ll", "Mn", "Lo"]), spicy_char), max_size=12
    ),
)
generated_name = st.lists(name_word, min_size=1, max_size=3).map(" ".join)
names = st.one_of(st.sampled_from(HOSTILE_NAMES), generated_name)
places = st.one_of(st.sampled_from(PLACES), generated_name)
breaks = st.sampled_from(BREAKS)


def fill(draw: st.DrawFn, template: str) -> str:
    """``template`` with each ``{}`` or ``{n}`` a name and each ``{p}`` a place."""
    while "{n}" in template or "{p}" in template or "{}" in template:
        template = template.replace("{n}", draw(names), 1).replace("{}", draw(names), 1)
        template = template.replace("{p}", draw(places), 1)
    return template


@st.composite
def sentences(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 4)) == 0:
        return draw(unicode_text)
    return fill(draw, draw(st.sampled_from(SENTENCES)))


@st.composite
def dates(draw: st.DrawFn) -> str:
    day, year = draw(st.integers(0, 39)), draw(st.integers(1490, 2099))
    month = draw(st.sampled_from(MONTHS))
    forms = [
        f"{day} {month} {year}",
        f"{month} {day}, {year}",
        f"{year}-{day % 14}-{day}",
        f"{day}.{day % 14}.{year}",
        str(year),
    ]
    return draw(st.sampled_from(forms))


@st.composite
def letters(draw: st.DrawFn) -> str:
    """A letter with some of: heading, access note, dateline, address, salutation, body,
    separators, valediction, signature, postscript, notes and colophon; names and places
    drawn from hostile and random ones; line breaks of every kind, mixed."""
    nl = draw(breaks)

    def blank() -> str:
        return draw(st.sampled_from([nl, "\n"])) + draw(st.sampled_from(["", " ", "\t"])) + nl

    def indent(line: str) -> str:
        return draw(st.sampled_from(["", "", " ", "\t", "    "])) + line

    head: list[str] = []
    if draw(st.booleans()):
        head.append(fill(draw, draw(st.sampled_from(HEADINGS))))
    if draw(st.integers(0, 4)) == 0:
        head.append(draw(st.sampled_from(["Private.", "CONFIDENTIAL", "*Not for publication*"])))
    if draw(st.booleans()):
        head.append(indent(f"{draw(places)}, {draw(dates())}."))
    if draw(st.booleans()):
        head.append(nl.join(indent(p) for p in draw(st.lists(places, min_size=1, max_size=3))))
    parts = [blank().join(head)] if head else []
    if draw(st.booleans()):
        parts.append(fill(draw, draw(st.sampled_from(SALUTATIONS))))
    for paragraph in draw(st.lists(st.lists(sentences(), min_size=1, max_size=4), max_size=4)):
        parts.append(indent(draw(st.sampled_from([" ", nl, "\u2028"])).join(paragraph)))
        if draw(st.integers(0, 6)) == 0:
            parts.append(draw(st.sampled_from(SEPARATORS)))
    closing = []
    if draw(st.booleans()):
        closing.append(draw(st.sampled_from(VALEDICTIONS)))
    if draw(st.booleans()):
        closing.append(indent(draw(names)))
    if closing:
        parts.append(nl.join(closing))
    if draw(st.booleans()):
        parts.append(f"P.S. {draw(sentences())}")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(NOTES)).replace("{}", draw(sentences())))
    if draw(st.booleans()):
        parts.append(f"Source: {draw(unicode_text)} https://{draw(unicode_text)} / Public domain")
    text = blank().join(parts)
    if draw(st.integers(0, 9)) == 0:  # some noise anywhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(unicode_text) + text[at:]
    return text if text.strip() else "Dear Ann,\n\nHello.\n"


def _spans(value: Any) -> Iterator[TextSpan]:
    """Every TextSpan inside a dataclass value (recursively through fields and tuples)."""
    if isinstance(value, TextSpan):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _spans(item)
    elif hasattr(value, "__dataclass_fields__"):
        for f in fields(value):
            if f.name != "source":
                yield from _spans(getattr(value, f.name))


def _iris(graph: Graph) -> set[str]:
    found: set[str] = set()
    for triple in graph:
        node: Node
        for node in triple:
            if isinstance(node, URIRef):
                found.add(str(node))
            elif getattr(node, "datatype", None) is not None:
                found.add(str(node.datatype))  # type: ignore[attr-defined]
    return found


MENTIONS = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT ?anchor ?begin ?end WHERE {
  ?m a kg:Mention ; kg:anchorOf ?anchor ; kg:beginIndex ?begin ; kg:endIndex ?end }"""


def check(text: str, result: LetterResult) -> None:
    """Everything the module promises of one built letter."""
    assert result.letter.source.text == text
    for span in _spans(result.letter):
        assert text[span.start : span.end] == span.text, span
    for entity in result.entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text, m
    for relation in result.relations:
        assert text[relation.evidence.start : relation.evidence.end] == relation.evidence.text

    expected = to_graph([result], BASE)
    turtle = serialize([result], "ttl", BASE)
    nquads = serialize([result], "nq", BASE)
    # rdflib reads back exactly the triples kgraph made (no blank nodes: plain set equality)
    assert set(Graph().parse(data=turtle, format="turtle")) == set(expected)
    quads = Dataset().parse(data=nquads, format="nquads")
    assert {(s, p, o) for s, p, o, _ in quads.quads()} == set(expected)
    # pyoxigraph reads both, the same number of triples, and the mentions slice the text
    for data, fmt in ((turtle, ox.RdfFormat.TURTLE), (nquads, ox.RdfFormat.N_QUADS)):
        store = ox.Store()
        store.load(data, fmt)
        assert len(store) == len(expected)
        rows: Any = store.query(MENTIONS, use_default_graph_as_union=True)
        for row in rows:
            begin, end = int(row["begin"].value), int(row["end"].value)
            assert text[begin:end] == row["anchor"].value
    for iri in _iris(expected):
        assert not FORBIDDEN_IN_IRI & set(iri), iri
        ox.NamedNode(iri)  # raises ValueError on an invalid IRI
    case = next(_cases)
    if case % RDFLIB_TURTLE_EVERY == 0:  # kgraph's Turtle writer writes rdflib's bytes
        assert turtle == expected.serialize(format="turtle", encoding="utf-8")
    if case % SHACL_EVERY == 0:
        report = validate(expected)
        assert report.conforms, format_report(report)


@pytest.mark.slow  # 1000 examples
@settings(PROPERTY, max_examples=1000)
@given(text=letters())
def test_generated_letters_build_into_exact_rdf(
    text: str, run: Callable[[str], LetterResult]
) -> None:
    check(text, run(text))


@settings(PROPERTY, max_examples=1000)
@given(
    text=st.one_of(st.text(alphabet=any_char), st.text(alphabet=spicy_char))
    .filter(str.strip)
    .map(lambda t: t[:400])
)
@pytest.mark.slow  # 1000 examples
def test_arbitrary_unicode_builds_into_exact_rdf(
    text: str, run: Callable[[str], LetterResult]
) -> None:
    check(text, run(text))


@pytest.mark.slow  # 300 examples
@settings(PROPERTY, max_examples=300)
@given(name=names, nl=breaks)
def test_hostile_names_in_every_part_of_a_letter(
    name: str, nl: str, run: Callable[[str, str], LetterResult]
) -> None:
    """The name also names the letter's file (so its slug is in every IRI)."""
    text = nl.join(
        [
            f"Letter from {name} to {name}",
            "",
            f"{name}, 3 May 1860.",
            "",
            f"Dear {name},",
            "",
            f"I saw {name} at {name} with *{name}* and “{name}”.",
            "",
            "Yours truly,",
            name,
            "",
            f"P.S. {name}",
        ]
    )
    check(text, run(text, name))


@settings(PROPERTY, max_examples=500)
@given(
    name=st.text(alphabet=spicy_char, max_size=120),
    label=st.text(alphabet=spicy_char, max_size=120),
    kind=st.sampled_from(ENTITY_TYPES),
    qid=st.text(alphabet=spicy_char, max_size=12),
)
def test_every_minted_iri_is_valid(name: str, label: str, kind: EntityType, qid: str) -> None:
    """Whatever a file or an entity is called (no pipeline needed: this is cheap)."""
    letter = Letter(Source(slugify(name), "x", ""), ())
    entity = Entity(f"{kind}:{label}", kind, label, (), ())
    L = iris.letter_iri(BASE, letter)
    e = iris.entity_iri(BASE, entity)
    for iri in (
        L,
        e,
        iris.mention_iri(L, 0, len(label)),
        iris.assertion_iri(L, str(e), label, qid),
        iris.candidate_iri(L, str(e), qid),
        iris.edition_iri(L),
    ):
        assert iris.is_iri(str(iri)) and not FORBIDDEN_IN_IRI & set(iri), iri
