"""Field lines that catalogues, archive sites and Markdown editions print above a letter
("Date: 1 Sep 1836", "**From:** Paula Modersohn-Becker", "Title: Letter from X to Y",
"Reference: BRU/2/14/7"): the edition's own record of the letter, read for what it says and
never taken for the writer's address or dateline."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kgraph.text.letter_lines import Line
from kgraph.text.name_styles import STYLE_WORDS

FIELD = re.compile(
    r"^(?P<key>[^\W\d_](?:[^\W\d_]|[ ()'’]){0,28}?)(?:\s*:\**\s+|\s{2,})"
    r"(?P<value>\S.*?)\s*$"
)  # "Date: 1 Sep 1836", or a record's key and value set apart ("Author      F. de Goya",
# "Addressed to  Yekaterina Borodina": two spaces after a key of two words)
KINDS = {
    "date": "date|dated|written|date written|date of writing|sent|letter date|"
    "data|datum|fecha|datation|made|date made",  # a record in Italian, German, Spanish or French
    "title": "title|letter|document|item|heading",
    "sender": "from|author|writer|sender|creator|maker|correspondent from|"
    "mittente|absender|verfasser|remitente|expéditeur|auteur",
    "recipient": "to|recipient|addressee|addressed to|correspondent to|who to|"
    "destinatario|empfänger|adressat|destinataire",
    "place": "place|written at|written from|place of writing|origin|sent from|where written|"
    "address from|address|luogo mittente|luogo|schreibort|ort|lugar|lieu|lieu d'expédition|"
    "place made|place of execution|place/s of execution|place written",  # a museum's record
    "editorial": (
        "reference|ref|extent|repository|source|access conditions|access|rights|collection|"
        "call number|shelfmark|identifier|format|language|description|transcribed|"
        "transcription|translated|translation|first published|published|cite as|citation|"
        "permanent url|url|physical description|provenance|archive|fonds|series|box|folder|"
        "subject|subjects|keywords|notes|summary|physical|digitised|digitized|license|licence|"
        "credit|copyright|accession|catalogue|catalog|original|medium|type|genre|pages|size|"
        "last modified|last updated|modified|updated|created|uploaded|posted|accessed|"
        "retrieved|categories|category|tags|box|box/folder|folder|item number|call no|"
        "published in|edition|editor|editors|volume|page|pp|layout|permalink|slug|lang|author_url|"
        "record number|record|entered|catalogued|holding|holdings|lot|estimate|sold|"
        "other formats|formats|transcription\\markup|markup|public domain|proofread|"
        "previous|next|previous letter|next letter|prev|older|newer|back|reference code|"
        "person(s) mentioned|persons mentioned|people mentioned|creation date|"
        "extent and medium|coordinates|location|item type|dublin core|date range|revision|scanned|"
        "address to|object number|object type|object|inventory|inventory no|inventory number|"
        "on view|dimensions|credit line|materials|measurements|related objects|"
        "release date|posting date|date digitized|date digitised|last update|preceding|following|"
        "translator|translators|produced by|ebook"
    ),
}
_KIND_OF = {key: kind for kind, keys in KINDS.items() for key in keys.split("|")}


@dataclass(frozen=True)
class Field:
    kind: str  # date, title, sender, recipient, place or editorial
    value: Line  # the value, as a line of its own (offsets into the text)


BARE_KEY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ()/]{0,28}?)\s*:?$")
# keys that head what follows rather than one value ("Text", "From" over a name)
_NOT_BARE = frozenset({"text", "transcription", "translation", "notes", "summary", "original"})
_NOT_BARE |= {"from", "to", "letter", "item", "by", "document", "heading", "description"}


def bare_key(text: str) -> str | None:
    """The kind of a field whose key stands alone on its line, its value on the next
    ("Creator" over "Hale, Sarah Josepha, 1788-1879"), as a catalogue's record is copied
    from a page that set key and value side by side; None for any other line."""
    m = BARE_KEY.match(text)
    if m is None:
        return None
    key = " ".join(m["key"].lower().split())
    return None if key in _NOT_BARE else _KIND_OF.get(key)


# "Sent from Poronin to Brussels.": an edition's note of where a letter went from
SENT_FROM = re.compile(
    r"^(?:[Ss]ent|[Ww]ritten|[Pp]osted|[Dd]ispatched)\s+(?:from|at)\s+"
    r"(?P<value>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)(?:\s+to\s+[A-Z][\w'’. -]*)?\.?$"
)


# an editor's note or description that says where the letter was written
_WRITTEN_AT = re.compile(
    r"(?:[Ss]ent|[Ww]ritten|[Pp]osted|[Dd]ispatched)\s+(?:from|at)\s+"
    r"(?P<value>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)(?=[,;.]|\s+(?:on|in|where|while)\b)"
)


def _kind(key: str) -> str | None:
    """The kind of a field's key: the key's own ("Date(s)" is "Date"), or editorial when its
    first word is an editorial key ("Transcription completed", "Digitised on")."""
    key = " ".join(key.lower().split())
    kind = _KIND_OF.get(key) or _KIND_OF.get(key.replace("(s)", ""))  # "Date(s): [n.d.]"
    first = _KIND_OF.get(key.split()[0]) if key else None
    return kind or ("editorial" if first == "editorial" else None)


# an address that opens with a person's style is where the letter went, not where it was
# written ("Address: Mrs. Eliza Hale, Boston", "Adresse: Herrn Dr. G. Schiefler | Hamburg")
_TO_SOMEONE = re.compile(
    rf"^[\"“„'‘]?\s*(?:(?i:{STYLE_WORDS})\s|(?:Mr|Mrs|Mme|Mlle|Messrs|Dr|Miss|Ms)\b\.?\s|"
    r"(?i:to)\s+[A-Z])"
)


def read_field(line: Line) -> Field | None:
    """The field a line records, or None when it is no field line kgraph knows."""
    if (sent := SENT_FROM.match(line.text)) is not None:
        start = line.start + sent.start("value")
        value = sent["value"].rstrip(".")
        return Field("place", Line(start, start + len(value), value, line.block))
    m = FIELD.match(line.text)
    if m is None or (line.text[m.end("key") : m.start("value")] == "  " and " " not in m["key"]):
        return None  # "To  MRS. HALLORAN.": two spaces set apart only a key of two words
    kind = _kind(m["key"])
    if kind is None:
        return None
    value = m["value"].rstrip("*_ |")
    start = line.start + m.start("value")
    if kind == "place" and _TO_SOMEONE.match(value):
        kind = "editorial"  # a card's 'Address: "Herrn Dr. G. S. | Hamburg"': the addressee's
    sent = _WRITTEN_AT.match(value) if kind == "editorial" else None
    if sent is not None:  # "Notes: Written at Arras, where he was serving …": the place
        at = start + sent.start("value")
        return Field("place", Line(at, at + len(sent["value"]), sent["value"], line.block))
    return Field(kind, Line(start, start + len(value), value, line.block))


# a record's "Letter details" under the letter: "From Candolle, Alphonse de" over "To Darwin,
# C. R." (key and value set apart by one space, or a colon)
_FOOT_KEY = re.compile(
    r"^(?P<k>from|sender|author|to|recipient|addressee)\b\s*:?\s+"
    r"(?P<n>[A-Z][^\d;()]{1,60}?(?:(?<=\b[A-Z])\.)?)\.?$",  # "Darwin, C. R." keeps its stop
    re.IGNORECASE,
)


def foot_parties(lines: list[Line]) -> tuple[Line | None, Line | None]:
    """The writer and the addressee a record gives under the letter, on two lines that
    follow each other ("From X" and "To Y"); (None, None) when no such pair is there."""
    for first, second in itertools.pairwise(lines):
        a, b = _FOOT_KEY.match(first.text), _FOOT_KEY.match(second.text)
        if a is None or b is None or first.block != second.block:
            continue
        kinds = {
            a["k"].lower() in ("to", "recipient", "addressee"),
            b["k"].lower() in ("to", "recipient", "addressee"),
        }
        if kinds != {True, False}:
            continue
        found = {}
        for m, line in ((a, first), (b, second)):
            start = line.start + m.start("n")
            value = Line(start, start + len(m["n"]), m["n"], line.block)
            found["r" if m["k"].lower() in ("to", "recipient", "addressee") else "s"] = value
        return found["s"], found["r"]
    return None, None


def _to(m: re.Match[str]) -> bool:
    return m["k"].lower() in ("to", "recipient", "addressee")


# the post office's stamp an editor copies, its town and its date with the year:
# 'Postmark, "Glasgow, Feb. 10, 1857."', "Postmarked: Bath, 3 May 1790" (a date alone, as
# a dealer's "[envelope postmarked 3 June 1830]", may be days from the letter's)
_POSTMARK = re.compile(
    r"(?i:\bpost-?mark(?:ed)?)[,:]?\s+[\"“']?"
    r"(?P<v>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?,\s[^\"”'\n\]]{2,40}?\b1[5-9]\d\d)\b"
)


def postmark(lines: list[Line]) -> Line | None:
    """The place and date of the postmark an edition records for a letter, as a line of its
    own (offsets into the text); None when it records none."""
    for line in lines:
        if (m := _POSTMARK.search(line.text)) is not None:
            start = line.start + m.start("v")
            return Line(start, start + len(m["v"]), m["v"], line.block)
    return None


def record_block(lines: list[Line], at: int) -> bool:
    """Whether the paragraph of line ``at`` is a record's fields: two of its lines or more
    read as fields ("Date   1 Dec. 1889", "Place   Paris", "From   …")."""
    block = lines[at].block
    return sum(1 for x in lines[at : at + 12] if x.block == block and read_field(x)) >= 2
