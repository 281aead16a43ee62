"""What a letter's head holds while it is read (``Head``), and the record's field lines
taken into it ("Date: 1 Sep 1836", "Creator" over its value, a record's "metadata" label over
"From: …"): ``letter_head.read_head`` fills it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgraph.model import LetterDate, TextSpan
from kgraph.text.fields import bare_key, read_field
from kgraph.text.frame_years import PartialDate
from kgraph.text.head_lines import record_label
from kgraph.text.headings import parties
from kgraph.text.letter_lines import Line
from kgraph.text.line_patterns import SECTION, SHORT

TEXT_SECTION = re.compile(r"(?i)^(?:transcription|transcript|translation|original|text)\b")


@dataclass
class Head:
    """The parts found above the salutation (lines of the text)."""

    heading: Line | None = None
    byline: Line | None = None
    access: Line | None = None
    addressee: Line | None = None
    addressee_to: Line | None = None  # the last line of the addressee's address under it
    dateline: Line | None = None
    intro: Line | None = None
    date: tuple[LetterDate, TextSpan | None] | None = None
    partial: tuple[Line, PartialDate] | None = None
    address: list[Line] = field(default_factory=list)
    prose: list[Line] = field(default_factory=list)  # an editor's introduction or headnote
    furniture: list[str] = field(default_factory=list)  # running heads, titles: may give a year
    fields: dict[str, Line] = field(default_factory=dict)  # "Date: …", "From: …" (the value)
    edition: list[Line] = field(default_factory=list)  # a site's or catalogue's lines
    pending: str | None = None  # a field whose key stood alone: its value is the next line
    pending_block: int = -1  # the block of that key: a record's values stay in it


def take_field(head: Head, line: Line) -> bool:
    """Take a field line ("Date: 1 Sep 1836", "Reference: BRU/2/14/7") into ``head``."""
    if re.fullmatch(r"[-–—•·]", line.text):
        head.edition.append(line)  # the dash a record prints between a key and its value
        return True
    key = bare_key(line.text)
    label = (  # "Item Type Metadata" labels the record; "Date: 1925-05-20" is one of its fields
        key is None
        and record_label(line.text)
        and not TEXT_SECTION.match(line.text)
        and read_field(line) is None
    )
    if head.pending is not None and key is None and not label and not SECTION.match(line.text):
        kind = head.pending
        if kind == "editorial":  # "Person(s) mentioned" over a list of names: all the record's
            own = read_field(line)  # but "metadata" over "From: Paul Signac" is the record's
            if own is not None and own.kind != "editorial":
                head.pending = None
                head.fields.setdefault(own.kind, own.value)
                return True
            if line.block != head.pending_block or len(line.text) > SHORT or parties(line.text):
                head.pending = None  # "Record 1912/14" over "Postcard, X to Y, 11 June 1912":
                return False  # the record's heading, not its value
            head.edition.append(line)
        elif len(line.text) > 2 * SHORT:  # "Date" over the editor's reasoning: no value
            head.pending = None
            head.edition.append(line)
        else:
            value = line.text.rstrip(" |")  # "Havelock Ellis |": a table's cell
            head.fields.setdefault(
                kind, Line(line.start, line.start + len(value), value, line.block)
            )
            head.pending = None
        return True
    if key is not None or label:
        head.pending, head.pending_block = key or "editorial", line.block
        head.edition.append(line)  # "Creator" over its value; "Summary" over the record's text
        return True
    head.pending = None
    found = read_field(line)
    if found is None:
        return False
    if found.kind == "editorial":
        head.edition.append(line)  # the edition's record ("Reference: MS 12"): no names
    else:
        head.fields.setdefault(found.kind, found.value)
    return True
