"""Stage 2, ``letters``: find the parts of a letter (heading, dateline, address, salutation,
body, valediction, signature, postscript, notes, colophon) with offsets into the source text.

The parser works on non-blank lines grouped into blocks (runs of lines between blank lines).
It finds the salutation near the top and the valediction and signature near the end, reads
what stands before the salutation as heading, dateline, access note and address, and reads
what follows the signature as postscripts, a bottom dateline or address, footnotes and a
source colophon. Parts it cannot find are left as None: a letter without them still builds.
The line vocabulary (the patterns of openings and closings, and the readers of a name, a
dateline or a colophon) is in ``letter_lines``; the top is read by ``letter_head`` (after the
editor's frame, ``frame``), the end by ``letter_tail``; this module assembles the structure.
"""

from __future__ import annotations

import re

from kgraph.model import Letter, LetterDate, Source
from kgraph.text.closings import split_closings
from kgraph.text.datelines import adds_place, finer_in, parse_below, parse_date, place_before
from kgraph.text.dates import find_date
from kgraph.text.editorial import plain_emphasis, restored
from kgraph.text.fields import bare_key, postmark, read_field, record_block
from kgraph.text.frame import is_page_furniture, letter_start, past_dateline
from kgraph.text.frame_years import complete_date, partial_date, same_day
from kgraph.text.head_lines import after_edition, calendar_entry, is_edition_line, unbracket
from kgraph.text.headings import NUMBER
from kgraph.text.intro_names import intro_parties, intro_place
from kgraph.text.lead_in import dated_in, lead_in, narrates, read_lead_in, year_frames
from kgraph.text.lead_in_names import catalogue_lot, lot_dated, wrapped_lots
from kgraph.text.letter_head import FINER, read_head
from kgraph.text.letter_lines import (
    Line,
    blocks,
    cover,
    join_lines,
    paragraphs,
    signs,
    span_in,
    split_lines,
)
from kgraph.text.letter_parties import PartyCues, editor_parties
from kgraph.text.letter_tail import CITED, parse_edition, read_tail
from kgraph.text.line_patterns import (
    ADDRESSEE,
    EDITOR_SALUTATION,
    ENDORSED_TO,
    ESQUIRE,
    GREETING,
    PEER,
    SIGNED,
    TITLED_ADDRESSEE,
    without_rank,
)
from kgraph.text.salutations import (
    dateline_beside,
    first_salutation,
    name_in_salutation,
)


def parse_letter(source: Source) -> Letter:
    """Find the parts of ``source``'s letter."""
    plain = plain_emphasis(source.text)
    letter = _parse(source, plain)
    return letter if plain == source.text else restored(letter, source)


def _parse(source: Source, text: str) -> Letter:
    lines = wrapped_lots(text, split_closings(split_lines(text)))  # a lot printed over lines
    n = len(lines)
    # the salutation, never a calendar's "Madame de Staël to T. Jefferson, 4 …"
    sal = first_salutation(text, lines, calendar_entry)
    tail = read_tail(text, lines, sal)
    val, sig, after = tail.val, tail.sig, tail.after
    postscript, notes, colophon, bottom = tail.postscript, tail.notes, tail.colophon, tail.bottom
    # Before the salutation: heading, addressee, access note, dateline, byline, address.
    head_end = sal if sal is not None else letter_start(lines[:40])
    while (
        sal is None
        and head_end < n
        and (
            catalogue_lot(lines[head_end].text) is not None  # "Autograph letter signed … to …"
            or is_page_furniture(lines[head_end])  # "142" over a lot: the page's number
            or is_edition_line(text, lines[head_end])  # a site's breadcrumb over its record
            or record_block(lines, head_end)  # "No.   II.118" over "Date   1 Dec. 1889" …
            or read_field(lines[head_end]) is not None  # a record's "Description: Sent from …"
            or bare_key(lines[head_end].text) is not None
            or (  # "WITH A SKETCH OF THE STUDIO": a lot's headline over its description
                lines[head_end].text.isupper()
                and head_end + 1 < n
                and (
                    catalogue_lot(lines[head_end + 1].text) is not None
                    or read_field(lines[head_end + 1]) is not None  # "Estimate: $6,000"
                )
            )
        )
    ):
        head_end += 1  # the edition's description of the letter, not the letter
    if sal is None:
        head_end = past_dateline(lines, head_end)  # "Battle Harbor, …, / Sept. 8. / …"
    head = read_head(text, lines, head_end)
    heading, byline, access, addressee = head.heading, head.byline, head.access, head.addressee
    dateline, intro, date, partial = head.dateline, head.intro, head.date, head.partial
    address, prose, furniture = head.address, head.prose, head.furniture
    if addressee is None:  # "[Addressed: John James Ruskin, Esq., Denmark Hill, …]"
        foot = lines[min(after, max(head_end, n - 4)) :]
        addressee = next((x for x in foot if ENDORSED_TO.match(x.text)), None)
    if sal is not None and address and address[-1].text.endswith(":") and lead_in(address[-1]):
        prose.append(address.pop())  # "Thoreau writes to H. G. O. Blake:" over "Mr. Blake,—"
    led_in = [i for i, x in enumerate(address) if narrates(x.text)]
    if led_in:  # "… was then read by the Clerk of Court:—": the letter's address is below it
        prose += address[: led_in[-1] + 1]
        address = address[led_in[-1] + 1 :]
    top_address = list(address)
    addressee_to = head.addressee_to
    cover_block = -1  # the block of a cover's "X Esq." at the foot: the addressee's own address
    for line in bottom:
        if (
            (parsed := parse_below(lines, line)) is not None
            and parsed[0].precision != "year"  # not a museum's "Purchased, 1962" under it
            and (date is None or adds_place(parsed, date))
        ):
            dateline, date = line, parsed  # or the same date with its place: "Madrid y …"
        elif date is None and partial is None and (pd := partial_date(line.text)) is not None:
            partial = (line, pd)
        elif addressee is None and (
            ADDRESSEE.match(line.text)
            or TITLED_ADDRESSEE.match(line.text)
            or PEER.match(line.text)
            or ESQUIRE.match(line.text)
        ):
            addressee = line
            if ESQUIRE.match(line.text) and not ADDRESSEE.match(line.text):
                cover_block = line.block  # "Robert Napier Esq. / Lancefield House / Glasgow"
        elif line.block == cover_block:
            addressee_to = line  # the addressee's own address under the name on the cover
        elif dateline is None or line.block != dateline.block or line.start < dateline.start:
            address.append(line)
    beside = lines[sal + 1] if sal is not None and sal + 1 < n else None
    if (
        beside is not None
        and sal is not None
        and dateline_beside(text, lines[sal], beside)
        and (parsed := parse_date(beside)) is not None
        and (
            date is None
            or FINER[parsed[0].precision] > FINER[date[0].precision]
            or adds_place(parsed, date)
        )
    ):
        dateline, date = beside, parsed  # "My Lord,           Boma, September 28, 1903."
    if date is not None and date[0].precision == "year" and partial is not None:
        dated = head.fields.get("date")  # a record's "Date:  1893 [postmark]" comes first
        years = [*([unbracket(dated.text)] if dated else []), date[0].span.text]
        iso = complete_date(partial[1], years, partial[0].text)
        if iso is not None:  # "[1868]" over "Concord, July 15th."
            pline, pd = partial
            dateline = pline
            date = (
                LetterDate(iso, "day", span_in(pline, pd.start, pd.end)),
                place_before(pline, pd.start),
            )
    framing = [  # the record's date, the editor's heading and introduction (no edition number)
        unbracket(x.text[len(m.group()) if (m := NUMBER.match(x.text)) else 0 :])
        for x in (head.fields.get("date"), heading, intro)  # "Date:   1893 [postmark]"
        if x is not None
    ]
    pending = partial[1] if partial else None
    edition = [x.text for x in head.edition]
    contexts = year_frames(framing, lines[:head_end], furniture, prose, pending, text, edition)
    if (
        date is None
        and partial is not None
        and (
            (iso := same_day(partial[1], *(x.text for x in (heading, intro) if x))) is not None
            or (iso := complete_date(partial[1], contexts, partial[0].text)) is not None
        )
    ):
        pline, pd = partial
        dateline = pline
        date = (
            LetterDate(iso, "day", span_in(pline, pd.start, pd.end)),
            place_before(pline, pd.start),
        )
    if date is None:  # "(Letter of 24 April 1867, MS 6970, f. 41.)" under a quoted letter
        cited = next((x for x in lines[head_end:] if CITED.match(x.text)), None)
        if cited is not None and (parsed := parse_date(cited)) is not None:
            dateline, date = cited, parsed
    led = read_lead_in(text, prose)
    if date is None and led is not None and led.date is not None:
        date = (led.date, led.place)  # "… wrote to him from Cambridge, Jan. 10, 1839:"
    if date is None:  # "The letter is dated from Dunford on the 12th of August."
        date = dated_in(lines, contexts, head_end)
    if date is None and heading is not None and (sold := lot_dated(heading, lines)):
        date = parse_date(sold)  # "…, 8vo, Godalming, 2 November 1896, …", or the line under
    below = next((x for x in lines if heading and x.start > heading.end), None)
    subtitle = below if below and heading and below.block == heading.block else None
    if date is None:  # "Paul Klee to Lily Klee / Picture postcard, 16 April 1914"
        for part in (heading, subtitle, intro):
            if part is not None and (found := find_date(unbracket(part.text))) is not None:
                date = (
                    LetterDate(found.iso, found.precision, span_in(part, found.start, found.end)),
                    None,
                )
                break
    if date is not None and heading is not None:
        date = finer_in(heading, date)  # "Date: 1911" under "Postcard …, 14 June 1911"
    if date is None and (stamp := postmark(lines)) is not None:
        date = parse_date(stamp)  # 'Postmark, "Glasgow, Feb. 10, 1857."': dated by the post
    if date is not None and date[1] is None and partial is not None:
        pline, pd = partial  # "[14 June 1920]" over "Baghdad June 14": the writer's place
        if date[0].iso[5:] == f"{pd.month:02d}-{(pd.day or 0):02d}":
            date = (date[0], place_before(pline, pd.start))
    if date is not None and date[1] is None and (field := head.fields.get("place")) is not None:
        town = span_in(field, 0, len(field.text.split(",")[0]))  # "Pontresina, Switzerland"
        date = (date[0], town)  # "Place of writing: …", "Notes: Written at Arras, …"
    place_span = date[1] if date else None
    if place_span is None and date is None and partial is not None:
        place_span = place_before(partial[0], partial[1].start)  # "Dublin, Sept. 22nd, '08."
    if place_span is None and led is not None and led.place is not None:
        place_span = led.place  # "On 22 August he wrote to Manson from Secunderabad:"
    said = intro_parties(intro.text) if intro is not None and place_span is None else None
    # "… written … from his hiding-place at Lausanne in October 1849"
    if intro is not None and said is not None:
        where = intro_place(intro.text[said[2][0] : said[2][1]])
        if where is not None:
            place_span = span_in(intro, said[2][0] + where[0], said[2][0] + where[1])
    # The body: from the salutation (or the end of the header) to the valediction.
    if sal is not None:
        salutation = lines[sal]
        split = re.match(
            rf"^{GREETING}[^,:—–-]*(?:[,:]\s*[—–-]+|:(?=\s+[A-Z])|\s[—–-](?=\s+[A-Z])|,(?=\s+\S))\s*",
            salutation.text,
            re.I,
        ) or re.match(EDITOR_SALUTATION, salutation.text)
        body_from = (
            salutation.start + split.end()
            if split
            else lines[sal + 1].start
            if sal + 1 < n
            else salutation.end
        )
        if dateline is not None and dateline is beside and sal + 2 < n:
            body_from = lines[sal + 2].start
        if split:
            salutation = Line(
                salutation.start, salutation.start + split.end(), split.group(), salutation.block
            )
    else:
        salutation = None
        body_from = lines[head_end].start if head_end < n else 0
    body_to = (
        lines[val].start
        if val is not None
        else lines[sig].start
        if sig is not None
        else (lines[after].start if after < n else len(text))
    )
    body = paragraphs(text, body_from, body_to)
    sender_name = recipient_name = None
    signed = (
        without_rank(SIGNED.sub("", lines[sig].text).rstrip(",\"”’'")) if sig is not None else ""
    )
    if sig is not None and signs(signed.rstrip(".,")):  # ", Major-General" is not the name
        sig_text = signed.rstrip(".") if not re.search(r"\b\w\.$", signed) else signed
        lead = m.end() if (m := SIGNED.match(lines[sig].text)) else 0  # "(Signed)   "
        lead = max(lead, lines[sig].text.find(sig_text, lead))  # "Thy R.": after the closing
        sender_name = span_in(lines[sig], lead, lead + len(sig_text))
    elif byline is not None and signs(byline.text):
        sender_name = byline.span()
    if salutation is not None:
        recipient_name = name_in_salutation(salutation)
    heading_sender, heading_recipient = editor_parties(
        PartyCues(text, lines, head, heading, intro, addressee, salutation, prose, led),
        sender_name,
        recipient_name,
        (head_end, after),
    )
    colophon_span = cover(text, colophon[0], colophon[-1]) if colophon else None
    return Letter(
        source=source,
        body=body,
        heading=heading.span() if heading else None,
        byline=byline.span() if byline else None,
        dateline=dateline.span() if dateline else None,
        date=date[0] if date else None,
        place=place_span,
        address=join_lines(text, after_edition(top_address or address, head.edition)),
        access_note=access.span() if access else None,
        salutation=salutation.span() if salutation else None,
        recipient_name=recipient_name,
        valediction=cover(text, lines[val], lines[sig - 1])
        if val is not None and sig is not None
        else None,
        signature=lines[sig].span() if sig is not None else None,
        sender_name=sender_name,
        postscript=blocks(text, postscript),
        notes=blocks(text, notes),
        introduction=blocks(text, prose),
        colophon=colophon_span,
        edition=parse_edition(colophon_span) if colophon_span else None,
        heading_sender=heading_sender,
        heading_recipient=heading_recipient,
        addressee=cover(text, addressee, addressee_to or addressee) if addressee else None,
        edition_matter=tuple(x.span() for x in head.edition),
    )
