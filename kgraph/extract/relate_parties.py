"""Letter-level relations of the letter's parties read from an editor's heading, a "To X"
line, the salutation and the closing (``relate``).

A heading that names the recipient and, after the name, a town ("TO K. LINDNER, GRAZ.",
"BRANDT TO HIS BROTHER IN HAMBURG", "To Mrs. Ferrar, at Ashby") gives the recipient
``livesIn`` the town: the edition says where the letter was sent. Only a place that closes
the line, or is followed only by its state or country ("TO MRS. HALE, MACON, GA."), counts,
after nothing but a comma, a pipe, "Esq.", a dash and "in", "at" or "of": "To Mrs. Ferrar,
London, 3 May" is as often the place of writing as the recipient's. A town that is the
letter's own place of writing counts only with "in" or "at" before it.

A kinship word that ends the closing ("Your loving father", "Your devoted husband") speaks of
the sender, one that ends the salutation ("My dear son") or follows "to his" or "to her" in
the heading ("HUGO TO HIS WIFE") of the recipient; "Dear Father Tyrrell" names a priest.

An address block that opens with a titled name ("Mrs. Ann Lowe, / 4 Mill Lane, / Leeds", "John
Hale Esq. / High Street, Hull") is the addressee's, not the writer's: the recipient lives at its
town, the first place of its last line that names one, past streets and houses and before the
county, state or country that follows the town ("Boston, Mass., U. S. A." is Boston), and not
a place of a title ("Secretary of State for the Interior").

"Our children" in a letter are the sender's and the sender's spouse's: a child the sender has
by "our" ("Kiss our girls, Kate and Ellen") is also the child of the one spouse the letter
gives the sender.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kgraph.model import Entity, Letter, Mention, Relation, TextSpan

# between the name and the town: "TO K. LINDNER, GRAZ", "To L. Horner, Esq., Bonn", "TO X — ROME",
# "To Mrs. Ferrar, at Ashby", "Ann Lowe Esq. / Leeds"
_BETWEEN = re.compile(
    r"[\s,|/]*(?:Esq(?:r|uire)?\.?[\s,|/]*)?(?:[—–-]\s*)?(?:(?:in|at|of)\s+(?:the\s+)?)?", re.I
)
_PREPOSITION = re.compile(r"\b(?:in|at)\b", re.I)
# after the town, its state or country, named ("P", a place) or abbreviated: "MACON, GA.",
# "Leitmeritz, Böhmen.]", "Hartford, Conn."; never a date or other words
# (one named: "Ruskin, Esq., Denmark Hill, Camberwell, London" names a house first; and on the
# same line: a block of lines is read by ``town``)
_ABBREVIATED = r"(?:[ \t.]*[,|/][ \t]*[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Z]\.)*)*"
_REGIONS = re.compile(_ABBREVIATED + r"(?:[ \t.]*[,|/][ \t]*P)?" + _ABBREVIATED + r"[\s.,;:)\]]*")
WE = frozenset({"we", "us", "our", "ours"})
_LINE = re.compile(r"\n|\s[/|]\s")
_TITLED = re.compile(r"\b(?:the|of|for)\s+$", re.I)
_ESQ = re.compile(r"\bEsq(?:r|uire)?\b\.?\s*,?\s*$", re.I)
_TO_KIN = re.compile(r"\bto\s+(?:his|her)\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?", re.I)


def recipient_places(
    letter: Letter,
    entities: tuple[Entity, ...],
    recipient: str | None,
    place: str | None,
    streets: frozenset[str] = frozenset(),
) -> Iterator[tuple[str, TextSpan]]:
    """(place key, heading span) for each heading or "To X" line that names the recipient
    and closes on a town after the name, not a street or a house (a word of ``streets``)."""
    if recipient is None:
        return
    spans = {s for s in (letter.heading, letter.addressee) if s is not None}
    text = letter.source.text
    for span in sorted(spans, key=lambda s: s.start):
        names = [m for e in entities if e.key == recipient for m in e.mentions if _within(m, span)]
        places = [
            (m, e) for e in entities if e.type == "Place" for m in e.mentions if _within(m, span)
        ]
        for name in names:
            for m, e in places:
                between = text[name.end : m.start]
                if m.start < name.end or not _BETWEEN.fullmatch(between):
                    continue
                if set(m.text.lower().split()) & streets:  # "Denmark Hill, Camberwell"
                    continue
                if not _REGIONS.fullmatch(_placeholders(text, m.end, span.end, places)):
                    continue
                if e.key == place and not _PREPOSITION.search(between):
                    continue
                yield e.key, span


def _placeholders(text: str, start: int, end: int, places: list[tuple[Mention, Entity]]) -> str:
    """The text from ``start`` to ``end`` with each place named in it written "P"."""
    out, at = [], start
    for m, _ in sorted(places, key=lambda pair: pair[0].start):
        if m.start >= at and m.end <= end:
            out += [text[at : m.start], "P"]
            at = m.end
    return "".join(out) + text[at:end]


def addressed(span: TextSpan, titles: frozenset[str]) -> bool:
    """Whether the block's first line opens with one of ``titles`` before a capitalised word
    ("Dr. A. Bell,", "Messrs. Hale & Co.") or ends in "Esq." ("John Hale Esq.")."""
    first = _LINE.split(span.text.strip(), maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+\.?|\S", first)
    opens = len(words) > 1 and words[0].lower().rstrip(".") in titles and words[1][:1].isupper()
    return opens or bool(_ESQ.search(first))


def town(
    places: list[tuple[Mention, Entity]], span: TextSpan, streets: frozenset[str], named: bool
) -> str | None:
    """The key of the town of an address block: the first place, not a street or a house, of
    the last line that names one (``places`` in text order). Not a place after "the", "of" or
    "for" ("President of the United States, Washington"), nor, in a block that opens with the
    addressee's name (``named``), a place inside that name ("Miss Ann Lowe, Leeds")."""
    text = span.text
    name_end = len(_LINE.split(text, maxsplit=1)[0].split(",")[0]) if named else 0
    best: tuple[int, str] | None = None
    for m, e in places:
        at = m.start - span.start
        if set(m.text.lower().split()) & streets or at < name_end or _TITLED.search(text[:at]):
            continue
        line = len(_LINE.findall(text[:at]))
        if best is None or line > best[0]:
            best = (line, e.key)
    return best[1] if best else None


def kinship(letter: Letter, words: dict[str, str]) -> Iterator[tuple[str, bool, TextSpan]]:
    """(role of the word, whether it speaks of the sender, span) for each kinship word of
    ``words`` that ends the closing or the salutation or follows "to his" in the heading."""
    for span, about_sender in ((letter.valediction, True), (letter.salutation, False)):
        if span is not None:
            last = re.findall(r"[^\W\d_]+", span.text.lower())[-1:]
            if last and last[0] in words:
                yield words[last[0]], about_sender, span
    if letter.heading is not None:
        found = _TO_KIN.search(letter.heading.text)  # "TO HIS WIFE", "TO HER ELDEST SON"
        kin = [w.lower() for w in (found.groups() if found else ()) if w and w.lower() in words]
        if kin:
            yield words[kin[0]], False, letter.heading


def _within(m: Mention, span: TextSpan) -> bool:
    return span.start <= m.start and m.end <= span.end


def shared_children(
    relations: list[Relation], ours: list[Relation], sender: str | None
) -> Iterator[Relation]:
    """childOf the sender's spouse (the one the ``relations`` give) for each child of the
    sender in ``ours``, the relations whose parent the letter wrote as "our"."""
    spouses = {
        other
        for r in relations
        if r.predicate == "spouseOf" and sender in (r.subject, r.object)
        for other in (r.subject, r.object)
        if other != sender
    }
    if sender is None or len(spouses) != 1:
        return
    (spouse,) = spouses
    for r in ours:
        if r.predicate == "childOf" and r.object == sender and r.subject != spouse:
            yield Relation(r.subject, "childOf", spouse, r.evidence, r.confidence, r.rule)
