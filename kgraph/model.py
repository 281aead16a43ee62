"""Plain, frozen data passed between the stages (no RDF, no spaCy objects).

Every offset is a Unicode code-point offset into ``Source.text`` exactly as read, so that
``source.text[start:end] == text`` holds for every span of every stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal[
    "Person", "Place", "Organization", "Periodical", "Work", "Event", "Group", "Concept"
]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "Person",
    "Place",
    "Organization",
    "Periodical",
    "Work",
    "Event",
    "Group",
    "Concept",
)
DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Source:
    """A letter's text as read, with where it came from."""

    name: str  # slug used for file names and IRIs, e.g. "kropotkin-to-berkman-1908-11-20"
    text: str
    checksum: str  # sha256 hex of the UTF-8 bytes of ``text``
    path: str | None = None  # as given by the user; None for stdin or in-memory text
    # what an edition's markup (TEI) already says of ``text``; None for plain text
    markup: Markup | None = None


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TaggedName:
    """A name an editor tagged (TEI persName, placeName, orgName, title, rs): its span in the
    derived text, its type and the identifiers the markup gives it (@ref URIs, @key)."""

    start: int
    end: int
    type: EntityType
    refs: tuple[str, ...] = ()  # @ref values (URIs, "#id" pointers) and "key:"-prefixed @key
    element: str = ""  # "persName", "title", ...
    role: str = "body"  # the letter part it stands in ("signature", "place", "note", ...)


@dataclass(frozen=True)
class EncodedParty:
    """A sender, recipient or place the edition encoded in its header (TEI correspDesc)."""

    name: str
    type: EntityType
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class EncodedMetadata:
    """What the edition's header says of the letter; it wins over what kgraph would guess."""

    senders: tuple[EncodedParty, ...] = ()
    recipients: tuple[EncodedParty, ...] = ()
    place: EncodedParty | None = None  # place of writing
    date: str | None = None  # "1908-11-20", "1908-11" or "1908"


@dataclass(frozen=True)
class Markup:
    """The letter structure, tagged names and metadata an edition's markup gives a text."""

    parts: tuple[tuple[str, TextSpan], ...]  # (Letter field, span) of the one-span parts
    body: tuple[TextSpan, ...]
    postscript: tuple[TextSpan, ...] = ()
    notes: tuple[TextSpan, ...] = ()
    date: LetterDate | None = None
    tagged: tuple[TaggedName, ...] = ()
    encoded: EncodedMetadata | None = None
    format: str = "tei"
    introduction: tuple[TextSpan, ...] = ()  # an editor's introduction (its names count)
    edition: Edition | None = None  # the source edition a colophon names
    edition_matter: tuple[TextSpan, ...] = ()  # a site's or catalogue's lines (no names)


@dataclass(frozen=True)
class LetterDate:
    iso: str  # "1908-11-20", "1908-11" or "1908"
    precision: DatePrecision
    span: TextSpan  # the date as written


@dataclass(frozen=True)
class Edition:
    """The published source the text names in its colophon."""

    span: TextSpan
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    licence: str | None = None


@dataclass(frozen=True)
class Letter:
    """The structure of a letter: every part with offsets into the source text."""

    source: Source
    body: tuple[TextSpan, ...]  # paragraphs of the letter's text proper
    heading: TextSpan | None = None
    byline: TextSpan | None = None  # an author line under an editor's heading
    dateline: TextSpan | None = None
    date: LetterDate | None = None
    place: TextSpan | None = None  # place of writing as written
    address: TextSpan | None = None
    access_note: TextSpan | None = None
    salutation: TextSpan | None = None
    recipient_name: TextSpan | None = None
    valediction: TextSpan | None = None
    signature: TextSpan | None = None
    sender_name: TextSpan | None = None
    postscript: tuple[TextSpan, ...] = ()
    notes: tuple[TextSpan, ...] = ()  # footnotes and editors' notes (their names count)
    # an editor's introduction or bracketed headnote above the letter (its names count)
    introduction: tuple[TextSpan, ...] = ()
    colophon: TextSpan | None = None
    edition: Edition | None = None
    heading_sender: TextSpan | None = None
    heading_recipient: TextSpan | None = None
    addressee: TextSpan | None = None  # a "To James Madison." line
    # lines a website, catalogue or printed page set around the letter ("Reference: MS 12",
    # "Last updated …", running heads): editorial, and no name in them is a mention
    edition_matter: tuple[TextSpan, ...] = ()

    def segments(self) -> tuple[tuple[str, TextSpan], ...]:
        """Parts whose names count as mentions, in text order, tagged with their role."""
        parts: list[tuple[str, TextSpan]] = []
        for role, span in (
            ("heading", self.heading),
            ("byline", self.byline),
            ("addressee", self.addressee),
            ("dateline", self.dateline),
            ("address", self.address),
            ("salutation", self.salutation),
            ("valediction", self.valediction),
            ("signature", self.signature),
        ):
            if span is not None:
                parts.append((role, span))
        parts.extend(("body", span) for span in self.body)
        parts.extend(("postscript", span) for span in self.postscript)
        parts.extend(("note", span) for span in self.notes)
        parts.extend(("note", span) for span in self.introduction)  # an editor's prose
        return tuple(sorted(parts, key=lambda p: p[1].start))


@dataclass(frozen=True)
class EntSpan:
    """A typed name found by the NLP stage."""

    start: int
    end: int
    text: str
    label: str  # a kg type name, or a spaCy label not yet mapped (PERSON, GPE, ...)
    source: str  # "ner", "authority", "cue:<pattern id>", "structure"
    authority_id: str | None = None
    role: str = "body"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class RelationCandidate:
    """A relation a dependency rule saw between two spans (or a pronoun) of one sentence."""

    predicate: str
    subject: TextSpan
    object: TextSpan
    sentence: Sentence
    rule: str
    confidence: float


@dataclass(frozen=True)
class Analysis:
    """What the NLP stage returns for one letter."""

    spans: tuple[EntSpan, ...]
    sentences: tuple[Sentence, ...]
    first_person: tuple[TextSpan, ...] = ()
    second_person: tuple[TextSpan, ...] = ()
    candidates: tuple[RelationCandidate, ...] = ()
    model: str = ""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: EntityType
    source: str
    authority_id: str | None = None
    role: str = "body"
    refs: tuple[str, ...] = ()  # identifiers an editor gave the name (TaggedName.refs)


@dataclass(frozen=True)
class Entity:
    key: str  # stable identity: authority id, else "<type>:<normalised label>"
    type: EntityType
    label: str
    alternate_names: tuple[str, ...]
    mentions: tuple[Mention, ...]
    authority_id: str | None = None
    # canonical IRIs of the entity in other authority files (GND, VIAF, GeoNames, LC, BnF,
    # NDL; see kgraph.knowledge.authority_ids), written as schema:sameAs
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    subject: str  # Entity.key
    predicate: str  # local name in the kg namespace, e.g. "visited"
    object: str  # Entity.key
    evidence: TextSpan
    confidence: float
    rule: str


@dataclass(frozen=True)
class Link:
    entity: str  # Entity.key
    qid: str | None
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()  # (qid, score), best first
    method: str = ""


@dataclass(frozen=True)
class MetadataCue:
    """Why kgraph states one of a letter's metadata values: the cue that gave it (a rule
    such as ``metadata:signature``), the text it read and how sure the cue is."""

    field: str  # "sender", "recipient", "date" or "place"
    rule: str
    evidence: TextSpan | None
    confidence: float


@dataclass(frozen=True)
class LetterResult:
    """Everything the per-letter work produces: plain data, picklable, ready for the writer."""

    letter: Letter
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    links: tuple[Link, ...]
    sender: str | None  # Entity.key
    recipient: str | None
    place: str | None
    model: str
    kgraph_version: str
    cues: tuple[MetadataCue, ...] = ()  # why sender, recipient, date and place are stated
    # the letter already written out as (format, bytes), when a worker did it for the writer
    rendered: tuple[str, bytes] | None = field(default=None, compare=False, repr=False)
