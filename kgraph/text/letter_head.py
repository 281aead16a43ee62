"""The top of a letter: the editor's frame and heading, an addressee line, an access note,
the dateline, a byline and the writer's address, read from the lines before the salutation.
``letters`` assembles the parts."""

from __future__ import annotations

import re

from kgraph.model import LetterDate, TextSpan
from kgraph.text.datelines import adds_place, parse_date, place_above, place_before
from kgraph.text.dates import find_date
from kgraph.text.frame import frame_end, is_long_heading, is_page_furniture, prose_lines
from kgraph.text.frame_years import PartialDate, partial_date
from kgraph.text.head_lines import (
    CATALOGUE_PARTIES,
    COVER_NAME,
    COVER_STYLE,
    OTHER_HAND,
    REPRINT,
    SIDE_LABEL,
    SPEAKER,
    STYLE_ONLY,
    address_like,
    addressee_of,
    calendar_entry,
    heading_like,
    is_edition_line,
    is_headline,
    is_to_line,
    run_on,
    unbracket,
    whole_line,
)
from kgraph.text.head_record import Head, take_field
from kgraph.text.headings import (
    addressee_name,
    is_site_line,
    names_someone,
    parties,
    writer_year,
)
from kgraph.text.intro_names import intro_parties
from kgraph.text.lead_in import THIS_LETTER
from kgraph.text.lead_in_names import catalogue_lot
from kgraph.text.letter_lines import Line, looks_like_name, signs, span_in
from kgraph.text.line_patterns import (
    ACCESS_NOTE,
    ADDRESSEE,
    ENDORSED_TO,
    SECTION,
    SHORT,
    TITLED_ADDRESSEE,
)


def read_head(text: str, lines: list[Line], head_end: int) -> Head:
    """The heading, dateline, address and the rest of the lines before ``head_end``."""
    head = Head()
    heading = byline = access = addressee = dateline = intro = None
    date: tuple[LetterDate, TextSpan | None] | None = None
    partial: tuple[Line, PartialDate] | None = None
    address, prose, furniture = head.address, head.prose, head.furniture
    first = True  # the first line that is not a website's may be an editor's heading
    begin = frame_end(lines, head_end)  # after the editor's narrative that leads in
    pre_heading: Line | None = None
    pre_addressee = pre_byline = None  # a site's "To X" line, and the writer's name above it
    by_next = False  # "FROM" alone on a line: the writer's name follows
    cover = -1  # the block of a cover's address ("Herrn / Stefan Zweig / …")
    receiving = False  # a "(Received at Cairo," runs on to the next line
    prose_at = prose_lines(lines[:begin])
    early: tuple[Line, tuple[LetterDate, TextSpan | None]] | None = None  # a chronology's day
    for at, line in enumerate(lines[:begin]):
        if line.block < 0 or take_field(head, line):
            continue
        if is_edition_line(text, line):
            head.edition.append(line)  # "DIGITAL COLLECTIONS > Business Records > …", "© 2014"
        elif calendar_entry(line.text) and not _names_parties(pre_heading):
            pre_heading = line  # "Thomas Gainsborough to William Jackson, 29 August [1769?]; …"
        elif at in prose_at:
            if intro is None and intro_parties(line.text) is not None:
                intro = line
            prose.append(line)
        elif is_page_furniture(line) or is_site_line(line.text):
            furniture.append(line.text)
            head.edition.append(line)  # a running head, a site's line: no names of the letter
        elif is_to_line(line) and pre_addressee is None:
            pre_addressee = line  # "V. I. Lenin / To Inessa Armand / Written: …"
            if at > 0 and lines[at - 1].text in furniture and signs(lines[at - 1].text):
                pre_byline = lines[at - 1]
        elif (pre_heading is None and heading_like(text, line)) or (
            pre_heading is not None and parties(line.text) and not parties(pre_heading.text)
        ):
            pre_heading = line  # the first heading, or one naming both parties below a title
        else:
            furniture.append(line.text)
            nxt = lines[at + 1] if at + 1 < len(lines) else None
            placed = _PLACE_AFTER.search(line.text) or (
                nxt is not None and nxt.block == line.block and _PLACE_LINE.match(nxt.text)
            )  # "7 December 1856. Concord, Mass.", "November 6, 1920 / Atlanta, Georgia"
            dated = placed or _EDITORS_DAY.match(line.text)  # "[5 November 1794]" alone
            if early is None and (day := parse_date(line)) and day[0].precision == "day":
                early = (line, day) if dated else None
    for line in lines[begin:head_end]:
        raw_start = text.rfind("\n", 0, line.start) + 1
        md_heading = text[raw_start : line.start].lstrip().startswith("#")
        if line.block < 0 or take_field(head, line):
            continue
        if is_page_furniture(line) or is_edition_line(text, line):
            head.edition.append(line)  # a site's box; "(Signed) W. H. BENTLEY." of a paper above
            continue
        aside = line.text.startswith("(") and ")" not in line.text  # "(Despatch No. 14, … by"
        if receiving or aside or OTHER_HAND.match(line.text) or REPRINT.match(line.text):
            head.edition.append(line)  # "(Received at Cairo, September 10.)": not the letter's
            if REPRINT.match(line.text):
                furniture.append(line.text)  # but the year of a reprint's date may be its year
            receiving = (receiving or aside) and ")" not in line.text
            continue
        receiving = bool(re.search(r"\((?:Received|Recd)\b[^)]*$", line.text))
        if SPEAKER.match(line.text) or (line.text.endswith(":") and THIS_LETTER.search(line.text)):
            prose.append(line)  # "Mr. Erskine.--I have …", "The following letter was then read:"
            continue
        if (
            SECTION.match(line.text)
            or SIDE_LABEL.match(line.text)
            or CATALOGUE_PARTIES.search(line.text)
        ):
            head.edition.append(line)  # "Transcription", "Search": the edition's label, a button
            continue
        if (
            heading is not None
            and heading.block == line.block
            and re.match(r"(?i)^(?:in|at)\s+[A-Z]", line.text)
            and not address
        ):
            heading = Line(heading.start, line.end, text[heading.start : line.end], line.block)
            continue  # "Rosa Luxemburg to Leo Jogiches | In Zurich": where the letter went
        if len(line.text) > SHORT and calendar_entry(line.text) and not _names_parties(heading):
            if heading is not None:
                head.edition.append(heading)  # "DEBUSSY, CLAUDE (1862-1918)" above the lot
            heading = line
            continue
        if len(line.text) > SHORT and heading is None and is_long_heading(line.text):
            heading, first = line, False  # "Letter from X to Y, 17 July 1892 [page 1 of 3]"
            continue
        if len(line.text) > SHORT:
            if intro is None and intro_parties(line.text) is not None:
                intro = line
            if not is_site_line(line.text) or intro is line:
                prose.append(line)
            else:
                head.edition.append(line)
            first = False
            continue
        if not md_heading and is_site_line(line.text):
            head.edition.append(line)  # "… Correspondence Project", "Last updated 3 February 2012"
            continue
        dated_writer = (  # "From Jane Doe   2 May [1867]" under a site's navigation
            heading is None
            and line.text.lower().startswith("from ")
            and writer_year(line.text)
            and find_date(unbracket(line.text))
        )
        if (first or dated_writer) and (md_heading or heading_like(text, line)):
            heading, first = line, False
            if addressee_name(line.text) is not None:
                addressee = line
            continue
        first = False
        if heading is not None and is_headline(line.text):
            head.edition.append(line)  # a newspaper's second deck: "THE DOCKERS' THANKS …"
            continue
        if parties(line.text) and (heading is None or not parties(heading.text)):
            if heading is not None and address_like(heading.text):
                address.append(heading)  # "14, NOTTINGHAM PLACE, W.," above "Octavia to Miranda."
            elif heading is not None:
                head.edition.append(heading)  # "TELEGRAM FROM THE CHARGÉ D'AFFAIRES …" above
            heading = line  # "Major-General Sir H. Kitchener to Lord Cromer.—(Received …"
        elif (
            addressee is None
            or (not ADDRESSEE.match(addressee.text) and ADDRESSEE.match(line.text) is not None)
        ) and (
            ADDRESSEE.match(line.text)
            or TITLED_ADDRESSEE.match(line.text)
            or ENDORSED_TO.match(line.text)  # "Addressed to Mrs. Ann Hale, Providence"
            or COVER_NAME.match(line.text)
        ):
            addressee = line  # a "To X" line beats a line that opens with a style above it
        elif (
            addressee is not None
            and addressee_of(addressee.text) is None
            and STYLE_ONLY.match(addressee.text)
            and line.block == addressee.block
        ):
            addressee = line  # "To the Most Honourable / The Marquis of Hartington, M.P.,"
        elif COVER_STYLE.match(line.text) or line.block == cover:
            cover, head.addressee_to = line.block, line  # "Herrn / Stefan Zweig / …": the cover's
        elif access is None and ACCESS_NOTE.match(line.text) and len(line.text) <= SHORT:
            access = line
        elif (parsed := parse_date(line)) is not None and (
            date is None
            or FINER[parsed[0].precision] >= FINER[date[0].precision]
            or adds_place(parsed, date)
        ):  # a finer date, or the same one with its place ("Philadelphia, April 18th 1864.")
            if date is not None and dateline is not None:
                head.edition.append(dateline)  # "EGYPT. No. 3 (1898)." above the dateline
            dateline, date = line, parsed
        elif partial is None and (pd := partial_date(line.text)) is not None:
            partial = (line, pd)  # "Concord, July 15th." (under "[1868]")
        elif addressee is not None and line.block == addressee.block and line is not heading:
            head.addressee_to = line  # the addressee's own address ("Col. G. E. Gouraud, / …")
        elif byline is None and by_next and looks_like_name(line.text):
            byline = line
        elif line.text.strip(" .:").lower() in ("from", "by"):
            by_next = True
            continue
        elif (
            heading is not None
            and byline is None
            and dateline is None
            and not address
            and signs(line.text)
            and names_someone(line.text)  # not "OLD CALABAR." under a magazine's title
            and "," not in line.text
            and line.block != heading.block
            and whole_line(text, line)  # not "Down" of "Down | Bromley | Kent"
        ):
            byline = line
        elif line.text.rstrip(" \"”’'").endswith("!"):
            prose.append(line)  # "Hail Jesus, Mary and Joseph!": an invocation, no address
        else:
            address.append(line)
    above = address[0] if address and addressee is not None else None
    if (
        byline is None
        and above is not None
        and addressee is not None
        and len(address) == 1
        and above.end < addressee.start
        and is_to_line(addressee)
        and signs(above.text)
        and looks_like_name(above.text)
    ):
        byline = address.pop(0)  # "V. I. Lenin" over "To Inessa Armand": the writer
    if addressee is None and heading is None and pre_addressee is not None:
        addressee, byline = pre_addressee, byline or pre_byline
    if heading is None and pre_heading is not None:
        heading = pre_heading
        if addressee is None and addressee_name(pre_heading.text) is not None:
            addressee = pre_heading
    if heading is not None:
        heading = run_on(text, heading, lines, address)  # "… to the Right Hon. / E. CARDWELL"
    title = head.fields.get("title")
    if (
        title is not None
        and heading_like(text, title)
        and (heading is None or (not _names_parties(heading) and parties(title.text) is not None))
    ):  # and over a telegram's own "RADIOGRAM   NO 88   PRESS COLLECT"
        heading = title  # "Title: Letter from I. K. Brunel to Christopher Claxton"
        if addressee is None and addressee_name(title.text) is not None:
            addressee = title  # "Title / to Matthew Vassar, 18 Apr 1864"
    if date is None and early is not None and "date" not in head.fields:
        dateline, date = early  # a day-by-day edition's date over "X writes to Y:"
    if date is None and (when := head.fields.get("date")) is not None:
        # "Data: 12 03 1891": a record's numbers set apart by spaces, read as "12.03.1891"
        found = find_date(
            re.sub(r"^(\d{1,2}) (\d{1,2}) (\d{4})$", r"\1.\2.\3", unbracket(when.text))
        )
        if found is not None:
            dateline = when
            where = head.fields.get("place")
            if where is not None and re.match(
                r"(?i)\[?(?:none|unknown|n\.\s?p\.|not\s)", where.text
            ):
                where = None  # "Address: none given", "Place: [n.p.]"
            date = (
                LetterDate(found.iso, found.precision, span_in(when, found.start, found.end)),
                span_in(where, 0, len(where.text.split(",")[0]))
                if where is not None
                else place_before(when, found.start),  # "Date: Asnières, Tuesday, 28 May 1889"
            )
    if date is not None and date[1] is None and dateline is not None:
        date = (date[0], place_above(lines, dateline))
    head.heading, head.byline, head.access, head.addressee = heading, byline, access, addressee
    head.dateline, head.intro, head.date, head.partial = dateline, intro, date, partial
    return head


FINER = {"year": 0, "month": 1, "day": 2}  # a dateline's precision
# a place after a date on its line ("7 December 1856. Concord, Mass."), or a line that is only
# a place ("Atlanta, Georgia"): a day's date over a lead-in is then the letter's
_PLACE_AFTER = re.compile(r"\d{4}\.?,?\s+[A-Z][a-z][\w'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\.?$")
# an editor's date for the letter, bracketed on a line of its own under the heading
_EDITORS_DAY = re.compile(r"^\[[^\[\]]*\d{4}\??\]\.?$")
_PLACE_LINE = re.compile(r"^[A-Z][a-z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\.?$")


# a label over the letter's own text, not over a record's value


def _names_parties(heading: Line | None) -> bool:
    """A heading already found that names the letter's parties."""
    return heading is not None and (
        parties(heading.text) is not None or catalogue_lot(heading.text) is not None
    )
