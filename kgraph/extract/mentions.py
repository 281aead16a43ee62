"""Stage 4, ``mentions``: typed mentions with exact offsets, from the NLP spans and the
letter's structure (signature, salutation, heading and dateline name people and places)."""

from __future__ import annotations

import bisect
import re

from kgraph.extract.tagged import tagged_mentions
from kgraph.model import Analysis, EntityType, EntSpan, Letter, Mention, TextSpan
from kgraph.text.datelines import with_district, without_region
from kgraph.text.dates import MONTHS, is_date_word
from kgraph.text.headings import given_names
from kgraph.text.line_patterns import HOUSE, LOCATIVE, POSTAL_DISTRICT, WEEKDAY

KEEP_IN_ADDRESS: frozenset[str] = frozenset({"Place"})
STRUCTURE_ROLES: dict[str, EntityType] = {
    "heading_sender": "Person",
    "heading_recipient": "Person",
    "byline": "Person",
    "sender_name": "Person",
    "recipient_name": "Person",
    "place": "Place",
}
KG_TYPES: frozenset[str] = frozenset(
    {"Person", "Place", "Organization", "Periodical", "Work", "Event", "Group", "Concept"}
)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding spaces and punctuation other than closing dots of
    initials, keeping offsets into ``text``."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".'’"):
        end -= 1
    while end > start and text[end - 1] in "'’":
        end -= 1
    if (
        end - start > 2
        and text[end - 2 : end] in ("'s", "’s")
        and not SAINTS.fullmatch(text[start:end])
    ):
        end -= 2  # "Owen's" is Owen; "St. Peter's" (the church) keeps its "'s"
    if end > start and text[end - 1] == "." and not _initial_before(text, start, end):
        end -= 1
    return start, end


SAINTS = re.compile(r"(?:St\.?|Ste\.?|Saint)\s+[^\W\d_][\w-]*['’]s")
FIRM = re.compile(
    r"(?i)(?:&|\band)\s*(?:co|cie|son|fils)\b|\b(?:ltd|limited|inc|company|brothers|bros|sons)\b\.?$"
)
# two surnames joined by "&" ("Chapman & Hall", "Breitkopf & Härtel"): a firm, unless they
# are given names ("Maggie & Caddy": two people)
PARTNERS = re.compile(r"([A-Z][\w’'-]+)\s*&\s*([A-Z][\w’'-]+)")
# an editor's footnote marker the tagger took into a name: "Daremberg[1", "Crabbe{94",
# "Ivanovich,313" after it; "1John Brown", "¹ Nobel" before it
MARKER_AFTER = re.compile(r"(?<=[^\W\d_])[.,;]?(?:[\[{]\d+[\]}]?|,\d+)$")
MARKER_BEFORE = re.compile(r"^(?:\d+(?=[A-Z][a-z])|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*)")


def _initial_before(text: str, start: int, end: int) -> bool:
    word = text[start : end - 1].split()[-1] if text[start : end - 1].split() else ""
    return len(word) <= 2 or word in ("Mr", "Mrs", "Dr", "St", "Jr", "Sr", "Ms")


def structure_mentions(letter: Letter) -> list[Mention]:
    text = letter.source.text
    found = []
    for field, kind in STRUCTURE_ROLES.items():
        span: TextSpan | None = getattr(letter, field)
        if span is None:
            continue
        start, end = trim(text, span.start, span.end)
        if start < end:
            role = "signature" if field == "sender_name" else field
            if kind == "Person" and FIRM.search(text[start:end]):
                kind = "Organization"  # "SMITH, ELDER & CO.": a firm signs, not a person
            found.append(Mention(start, end, text[start:end], kind, "structure", None, role))
    return found


class Taken:
    """Character ranges already claimed, kept sorted so an overlap test is a bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)  # only ranges starting before ``end``
        return any(self.ends[j] > start for j in range(lo, hi))

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.longest = max(self.longest, end - start)


def find_mentions(letter: Letter, analysis: Analysis) -> tuple[Mention, ...]:
    """Mentions of the letter in text order; an editor's tags beat structure, which beats
    statistics, where they overlap."""
    text = letter.source.text
    tagged = tagged_mentions(letter)
    by_editor = Taken()
    for m in tagged:
        by_editor.add(m.start, m.end)
    chosen = tagged + [
        m for m in structure_mentions(letter) if not by_editor.overlaps(m.start, m.end)
    ]
    taken = Taken()
    for m in chosen:
        taken.add(m.start, m.end)
    for part in address_places(letter):  # an address part beats the tagger's pieces of it
        if not taken.overlaps(part.start, part.end):
            chosen.append(part)
            taken.add(part.start, part.end)
    for span in analysis.spans:
        mention = _from_span(text, span)
        if mention is None:
            continue
        nested = mention.source.startswith("nested:")
        if by_editor.overlaps(mention.start, mention.end):
            continue
        if taken.overlaps(mention.start, mention.end) and not nested:
            continue
        chosen.append(mention)
        taken.add(mention.start, mention.end)
    chosen.sort(key=lambda m: (m.start, m.end))
    return tuple(chosen)


# what follows a name that only a person can have: a relative clause of a person ("who",
# "whom", "whose") or an apposition of kinship or friendship ("his wife", "my old friend")
PERSON_AFTER = re.compile(
    r",\s+(?:who|whom|whose|(?:his|her|my|our|your|their)\s+(?:\w+\s+)?"
    r"(?:wife|husband|son|daughter|brother|sister|father|mother|friend|cousin|uncle|aunt|"
    r"nephew|niece|widow|fiancée?|secretary|servant|pupil|master))\b"
)
# a preposition of place or "of" right before a name: the relative clause after it is the
# person's or the body's before it ("Dr. Holt of Lindale, who wrote", "my aunt at Bexley,
# whose garden", "the farmers in Tarnby, who"): the place stays a place. After "of" a place
# is far more common than the person of "news of Harker, who"
PLACE_BEFORE = re.compile(r"(?i)\b(?:of|in|at|near)\s+(?:the\s+)?$")
_TITLES = r"(?:mr|mrs|miss|ms|dr|madame|mme|mlle|monsieur|herr|frau)"
HONORIFIC_START = re.compile(rf"(?i)^{_TITLES}\b\.?\s")  # "Miss Brontë" in an address
HONORIFIC_BEFORE = re.compile(rf"(?i)\b{_TITLES}\.?\s+$")
# one part of an address: up to a comma, semicolon, full stop, line break or " | " (the
# manuscript's line break as editions print it)
ADDRESS_PART = re.compile(r"(?:[^,;:.\n|]|\.(?=\S)|(?<=\bSt)\.|(?<=\bMt)\.|(?<=\bDr)\.)+")


def address_places(letter: Letter) -> list[Mention]:
    """The parts of the writer's address ("Tette, River Zambesi") as places: an address is
    made of house names, streets and towns, whatever the tagger thought of them."""
    text = letter.source.text
    found = []
    blocks = [("address", letter.address), ("addressee", letter.addressee)]
    for role, span in blocks:  # the addressee's address under the name is made of places too
        if span is not None:
            found += _parts(text, span, role)
    return found


def _parts(text: str, span: TextSpan, role: str) -> list[Mention]:
    found = []
    for m in ADDRESS_PART.finditer(span.text):
        if _names_a_person(span.text, m.start()):
            continue
        if role == "addressee" and "\n" not in span.text[: m.start()]:
            continue  # the addressee's name line: "To W. D. Howells, in New York:"
        start, end = trim(text, span.start + m.start(), span.start + m.end())
        if (at := LOCATIVE.match(text[start:end])) is not None:
            start += at.end()  # "Aux Charmettes": the place is "Charmettes"
        if (district := POSTAL_DISTRICT.search(text[start:end])) is not None:
            end = start + district.start()  # "Berlin N.": the place is Berlin
        if (town := without_region(text[start : end + 1])) != text[start : end + 1]:
            end = start + len(town.rstrip())  # "Sharpsburg Md.": the place is Sharpsburg
        end = with_district(text, start, end)  # "Washington, D.C.": the city's name
        end = _before_weekday(text, start, end)  # "Dublin Saturday": Dublin
        part = text[start:end]
        words = part.split()
        short = len(part.replace(".", "")) <= 3 and not _TOWN3.fullmatch(part)  # "Rye", not "W.C."
        if not words or any(c.isdigit() for c in part) or short:
            continue
        if _date_words(part) or site_matter(part, "Place"):
            continue  # "im Oktober", "Augt": a date, not a place; "Stefan Zweig Archive"
        if NOT_AN_ADDRESS.search(text[max(span.start, start - 1) : end + 1]):
            continue  # "(TO THE EDITOR OF THE TIMES.)", "Repository: …", "from Vaughan …"
        if all(w[:1].isupper() for w in words if w.lower() not in ("of", "de", "la", "le")):
            found.append(Mention(start, end, part, "Place", "structure", None, role))
    return found


_LAST_WORD = re.compile(r"(?<=\S)\s+\w+\.?$")


def _before_weekday(text: str, start: int, end: int) -> int:
    """The end of an address's or dateline's place before a weekday written after it on the
    same line ("Dublin Saturday", "Staberhof Sunday"): no place's name ends in a weekday."""
    day = _LAST_WORD.search(text, start, end)
    if day is None or not WEEKDAY.match(day.group().strip()):
        return end
    return start + len(text[start : day.start()].rstrip(" ,"))


# a town of three letters ("Rye", "Ayr", "Ely"), not an abbreviation after a name ("Esq")
_TOWN3 = re.compile(
    r"(?!Esq|Bar|Jun|Sen|Snr|Jnr|Kcb|Pte|Cpl|Sgt|Col|Gen|Maj|Rev|Hon|Mrs|Bro|Adm|Cdr)[A-Z][a-z]{2}"
)
# what no part of an address is: an addressee's or writer's line ("TO THE EDITOR", "from
# X"), a field's key ("Repository:") or a bracketed word ("Date(s)", "(SIGNED)")
NOT_AN_ADDRESS = re.compile(r"(?i)^\(?\s*(?:to|from)\s|\beditors?\b|[()]|:$")


BUSINESS = re.compile(
    r"(?i)&|\b(?:agents?|merchants?|manufacturers?|company|sons|limited|ltd|incorporated|"
    r"printers|publishers|booksellers|bankers|solicitors|brokers|office\s+of|works|lines?|"
    r"steamship|railway|railroad|corporation)\b"
)


# a site's or an edition's collection, not a thing the letter names: "Kautsky Internet
# Archive", "Letters Index", "Polar Expeditions Digital Archive", "Civil War Letters
# Transcription Project"; and "the Adams Papers" or "Meitner Papers" taken for a person or
# a place (a work may be "Papers": "The Pickwick Papers")
SITE_MATTER = re.compile(r"(?i)\S\s+(?:archive|index|(?:digiti[sz]ation|transcription)\s+project)$")
PAPERS = re.compile(r"(?i)\S\s+papers$")


def site_matter(name: str, kind: str) -> bool:
    """A name of a website's or an edition's collection ("Rakovsky Archive", "King
    Papers"): the edition's, not the letter's."""
    name = " ".join(name.split())
    return bool(SITE_MATTER.search(name)) or (
        kind in ("Person", "Place") and PAPERS.search(name) is not None
    )


def _date_words(part: str) -> bool:
    """A weekday or a month in an address or dateline ("im Oktober", "Augt")."""
    words = part.split()
    return is_date_word(part) or any(
        len(w.strip(".")) >= 4 and w.lower().strip(".") in MONTHS for w in words
    )


def _names_a_person(block: str, at: int) -> bool:
    """The address line at ``at`` is a person's name, not a place: a letterhead's "THOMAS A.
    EDISON," or "Col. G. E. Gouraud," (a given name, a title or initials first)."""
    line_start = block.rfind("\n", 0, at) + 1
    words = block[line_start:].split("\n", 1)[0].split()
    words = [w for w in words if w.lower() not in ("of", "from", "by")]
    if not words:
        return False
    first = words[0].strip(".,").lower()
    if BUSINESS.search(" ".join(words)):
        return True  # a letterhead's firm or office: "TOURIST, SHIPPING & BANKING AGENTS."
    if HOUSE.search(" ".join(words)) or re.search(r"\b(?:St|Sq|Rd|Ave|Pl)\b\.?", " ".join(words)):
        return False  # "Henrietta St.", "Victoria Road": a street named after someone
    return (
        first in given_names()
        or HONORIFIC_START.match(words[0] + " ") is not None
        or re.match(r"^(?:col|gen|capt|lieut|maj|adm|rev|revd|prof)\.$", words[0], re.I) is not None
        or re.match(r"^[A-Z]\.$", words[0]) is not None
    )


def _firm(name: str) -> bool:
    """A firm's name: "Novello & Co.", "Thomas Cook & Son", "Carey & Hart" (not "Maggie &
    Caddy")."""
    if FIRM.search(name):
        return True
    partners = PARTNERS.fullmatch(name)
    return partners is not None and not any(w.lower() in given_names() for w in partners.groups())


def _from_span(text: str, span: EntSpan) -> Mention | None:
    if span.label not in KG_TYPES:
        return None
    label = span.label
    named = False  # a person named in an address: "care of Miss Brontë", "THOMAS A. EDISON,"
    if span.role in ("address", "dateline") and label in ("Person", "Organization"):
        # an address is made of places: house names, streets, towns ("Viola", "Gower Street"),
        # but "care of Miss Brontë" names a person
        honorific = HONORIFIC_BEFORE.search(text[max(0, span.start - 12) : span.start])
        titled = HONORIFIC_START.match(span.text) or honorific
        possessive = text[span.end : span.end + 2] in ("'s", "’s")
        named = label == "Person" and bool(titled or _names_a_person(span.text, 0))
        label = label if possessive or named else "Place"
    if span.role in ("address", "dateline") and label not in KEEP_IN_ADDRESS and not named:
        return None
    if span.role in ("address", "dateline") and _date_words(span.text):
        return None  # "14th Augt. 1864": the month the tagger took for a place
    if span.role in ("salutation", "valediction"):
        return None
    if (
        span.source == "ner"
        and label in ("Place", "Organization")
        and PERSON_AFTER.match(text, span.end)
        and PLACE_BEFORE.search(text, max(0, span.start - 12), span.start) is None
    ):
        label = "Person"  # "Knowles, who edits it", "Lina, his wife,": the model's GPE or ORG
    start, end = trim(text, span.start, span.end)
    if (after := MARKER_AFTER.search(text, start, end)) is not None:
        start, end = trim(text, start, after.start())
    if (before := MARKER_BEFORE.match(text[start:end])) is not None:
        start, end = trim(text, start + before.end(), end)
    if label == "Place" and span.role in ("address", "dateline"):
        end = _before_weekday(text, start, end)  # "Dublin Saturday": the town, then the day
    if end - start < 2 or not any(c.isalpha() for c in text[start:end]):
        return None
    if span.source not in ("authority", "tagged") and site_matter(text[start:end], label):
        return None  # "Reference Archive", "Dolley Madison Papers": the edition's collection
    if span.source == "ner" and label in ("Person", "Place") and _firm(text[start:end]):
        label = "Organization"  # "Novello & Co.", "Carey & Hart": a firm, whatever the tagger said
    kind: EntityType = label  # type: ignore[assignment]
    return Mention(start, end, text[start:end], kind, span.source, span.authority_id, span.role)
