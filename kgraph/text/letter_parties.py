"""Who wrote a letter and to whom, as the edition around it says: a heading naming both
parties, an auction's lot, a writer and year, an introduction, a "To X" line, a record's
fields (above the letter or under it), the narrative that leads in, a kin greeting the
editor names, a receiver's endorsement, an editor's note under the letter ("X addressed these
letters to her mother, Y"). ``letters.parse_letter`` weighs these against the signature and
the salutation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.model import TextSpan
from kgraph.text.fields import foot_parties
from kgraph.text.frame import is_page_furniture
from kgraph.text.head_lines import addressee_of
from kgraph.text.head_record import Head
from kgraph.text.headings import given_names, parties, writer_year
from kgraph.text.intro_names import intro_parties
from kgraph.text.kin_names import kin_named, wife_named
from kgraph.text.lead_in import LeadIn
from kgraph.text.lead_in_names import catalogue_lot, endorsed_writer, note_parties
from kgraph.text.lead_in_subject import pronoun_subject
from kgraph.text.letter_lines import Line, blocks, looks_like_name, signs, span_in
from kgraph.text.line_patterns import HONORIFIC


@dataclass(frozen=True)
class PartyCues:
    """The parts of a letter read so far that may name its parties."""

    text: str
    lines: list[Line]
    head: Head
    heading: Line | None
    intro: Line | None
    addressee: Line | None
    salutation: Line | None
    prose: list[Line]
    led: LeadIn | None


def editor_parties(
    cues: PartyCues,
    sender_name: TextSpan | None,
    recipient_name: TextSpan | None,
    bounds: tuple[int, int],
) -> tuple[TextSpan | None, TextSpan | None]:
    """The writer and the addressee the edition names (``bounds``: the first line of the
    letter and the first after its signature), given the signed and greeted names."""
    text, lines, head, heading, intro = cues.text, cues.lines, cues.head, cues.heading, cues.intro
    addressee, salutation, prose, led = cues.addressee, cues.salutation, cues.prose, cues.led
    head_end, after = bounds
    heading_sender: TextSpan | None = None
    heading_recipient: TextSpan | None = None
    if heading is not None and (found_parties := parties(heading.text)) is not None:
        heading_sender = span_in(heading, *found_parties[0])
        heading_recipient = span_in(heading, *found_parties[1])
    elif heading is not None and (lot := catalogue_lot(heading.text)) is not None:
        if lot[0] is not None:
            heading_sender = span_in(heading, *lot[0])  # "MONET, Claude (1840-1926). …"
        elif sender_name is None and (signed := _SIGNED_AS.search(heading.text)) is not None:
            heading_sender = span_in(heading, *signed.span(1))  # 'signed ("Meyerbeer")' over
            # a description that transcribes no signature
        if not re.match(r"\s*&\s*[A-Z]", heading.text[lot[1][1] :]):  # not "Carey & Hart"
            heading_recipient = span_in(heading, *lot[1])  # (a firm is no person)
    elif heading is not None and (writer := writer_year(heading.text)) is not None:
        heading_sender = span_in(heading, *writer)
    elif (above := _parties_line(lines[:head_end], heading)) is not None:
        heading_sender = span_in(above[0], *above[1][0])  # "X to Y (December 23, 1938)" over
        heading_recipient = span_in(above[0], *above[1][1])  # an abstract and the letterhead
    elif intro is not None and (said := intro_parties(intro.text)) is not None:
        heading_sender = span_in(intro, *said[0])
        heading_recipient = span_in(intro, *said[1])
    found_name = addressee_of(addressee.text) if addressee is not None else None
    if addressee is not None and found_name is not None and heading_recipient is None:
        heading_recipient = span_in(addressee, *found_name)  # "1742: To V. Sackville-West"
    sender_field, recipient_field = head.fields.get("sender"), head.fields.get("recipient")
    if heading_sender is None and sender_field is not None and signs(sender_field.text):
        heading_sender = _name_of(sender_field)  # "**From:** Paula Modersohn-Becker"
    if heading_recipient is None and recipient_field and looks_like_name(recipient_field.text):
        heading_recipient = _name_of(recipient_field)  # "To   Gösta Mittag-Leffler, Djursholm"
    if heading_recipient is None and led is not None and led.recipient is not None:
        short = set(recipient_name.text.lower().split()) if recipient_name else set()
        short = {w for w in short if not HONORIFIC.match(w)}  # "Mr. Blake,—"
        if short <= set(led.recipient.text.lower().split()):
            heading_recipient = led.recipient  # "wrote to her sister, Mrs. Agnes Rowe, …:—"
    kin_heading = (
        heading if heading and re.search(r"(?i)\bto\s+(?:his|her)\s", heading.text) else None
    )
    greeting = " ".join(x.text for x in (kin_heading, salutation) if x is not None)
    if heading_recipient is None and greeting:  # "Dear Mother" … "her mother, X"
        # each paragraph whole: "His / mother, Céleste, …" is one phrase
        paragraphs = [Line(b.start, b.end, b.text, -1) for b in blocks(text, prose)]
        for part in (heading, *paragraphs):
            if part is not None and (kin := kin_named(part.text, greeting)) is not None:
                heading_recipient = span_in(part, *kin)
                break
    if heading_recipient is None and (wife := wife_named([x.text for x in prose])) is not None:
        heading_recipient = span_in(prose[wife[0]], wife[1], wife[2])  # "Mrs. Gladstone"
    if heading_sender is None and led is not None and _fits(sender_name, led.sender):
        heading_sender = led.sender  # "Judge Story wrote to him from Cambridge, Jan. 10, 1839:"
    if heading_sender is None and sender_name is None:  # "… he wrote to Sensier:—"
        heading_sender = pronoun_subject(text, prose, [*head.edition, *lines])
    foot_sender, foot_recipient = foot_parties(lines[after:])  # "From X / To Y" under it
    if heading_sender is None and foot_sender is not None:
        heading_sender = foot_sender.span()
    if foot_recipient is not None and (
        heading_recipient is None
        or foot_recipient.start <= heading_recipient.start < foot_recipient.end
    ):
        heading_recipient = foot_recipient.span()  # "To Darwin, C. R.", not "Darwin"
    for line in lines[head_end:] if heading_sender is None and sender_name is None else []:
        if (docket := endorsed_writer(line.text)) is not None:
            heading_sender = span_in(line, *docket)  # "(Endorsed …: "From Mr. J. Wesley, …")"
            break
    if heading_sender is None and sender_name is None:
        noted = _noted_parties(text, lines, after)
        if noted is not None:
            heading_sender = noted[0]
            heading_recipient = heading_recipient or noted[1]
    return heading_sender, heading_recipient


def _parties_line(
    lines: list[Line], heading: Line | None
) -> tuple[Line, tuple[tuple[int, int], tuple[int, int]]] | None:
    """An editor's heading naming both parties that stands alone above the letter, when the
    line taken for the heading is another (a letterhead, an abstract's title) and names no
    one "to" anyone itself; never a page's running head ("48    NAVAL EXPEDITION TO X.")."""
    if heading is not None and re.search(r"(?i)\bto\b", heading.text):
        return None  # "Commodore Perry to the Secretary of the Navy.": the heading's own way
    for i, line in enumerate(lines):
        if is_page_furniture(line):
            continue  # a running head with its page number
        near = [lines[j].block for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if line is heading or line.block in near or len(line.text.split()) > 14:
            continue
        if (found := parties(line.text)) is not None:
            return line, found
    return None


def _noted_parties(text: str, lines: list[Line], after: int) -> tuple[TextSpan, TextSpan] | None:
    """The writer and addressee an editor's note under the letter names ("[X addressed these
    letters to her mother, Y, at Keswick.]"): in the lines after the signature, or in the last
    block of an unsigned letter when it is bracketed."""
    last = [x for x in lines if x.block == lines[-1].block] if lines else []
    if after >= len(lines) and last and last[0].text.startswith("["):
        after = lines.index(last[0])
    if after >= len(lines):
        return None
    at = lines[after].start
    noted = note_parties(text[at:])
    if noted is None:
        return None
    (s0, s1), (r0, r1) = noted
    return (
        TextSpan(at + s0, at + s1, text[at + s0 : at + s1]),
        TextSpan(at + r0, at + r1, text[at + r0 : at + r1]),
    )


# the name a lot's heading says the letter is signed with: 'Autograph letter signed ("Meyerbeer")'
_SIGNED_AS = re.compile(r"\bsigned\s*\(\s*[\"“']([A-Z][\w.'’ -]{1,40}?)[\"”']\s*\)")


def _fits(signed: TextSpan | None, named: TextSpan | None) -> bool:
    """Whether the narrative's writer may stand for the letter's: no signature, or one whose
    words are the narrative's ("Émilie" signs for "Émilie Dorval")."""
    if signed is None or named is None:
        return signed is None
    return set(signed.text.casefold().split()) <= set(named.text.casefold().split())


# a record's "To   Gösta Mittag-Leffler, Djursholm": a name of two words or more, then a town
_NAME_TOWN = re.compile(r"(?P<n>[^,]*\S\s+\S[^,]*),\s+(?P<t>[A-ZÀ-Þ][^\W\d_]{2,}[\w'’-]*)\.?$")


def _name_of(field: Line) -> TextSpan:
    """The person a record's From or To field names, without the town after the name (not
    "Du Bois, William": a given name after a comma belongs to an inverted name)."""
    m = _NAME_TOWN.fullmatch(field.text)
    if m is None or m["t"].lower() in given_names() or m["t"].lower() in _AFTER_NAMES:
        return field.span()
    return span_in(field, 0, m.end("n"))


_AFTER_NAMES = frozenset({"jr", "jun", "junior", "sr", "sen", "senior", "esq", "esquire", "bart"})
