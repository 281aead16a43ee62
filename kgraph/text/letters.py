"""Stage 2, ``letters``: find the parts of a letter (heading, dateline, address, salutation,
body, valediction, signature, postscript, notes, colophon) with offsets into the source text.

The parser works on non-blank lines grouped into blocks (runs of lines between blank lines).
It finds the salutation near the top and the valediction and signature near the end, reads
what stands before the salutation as heading, dateline, access note and address, and reads
what follows the signature as postscripts, a bottom dateline or address, footnotes and a
source colophon. Parts it cannot find are left as None: a letter without them still builds.
The line vocabulary (the patterns of openings and closings, and the readers of a name, a
dateline or a colophon) is in ``letter_lines``; this module assembles the structure.
"""

from __future__ import annotations

import re

from kgraph.model import Letter, LetterDate, Source, TextSpan
from kgraph.text.closings import split_closings
from kgraph.text.dates import find_date
from kgraph.text.editorial import OPENING_QUOTES
from kgraph.text.frame import frame_end, is_page_furniture, letter_start, prose_blocks
from kgraph.text.headings import (
    NUMBER,
    PartialDate,
    addressee_name,
    complete_date,
    intro_parties,
    intro_place,
    is_site_line,
    is_title,
    lead_in_recipient,
    partial_date,
    parties,
    writer_year,
)
from kgraph.text.letter_lines import (
    ACCESS_NOTE,
    ADDRESSEE,
    COLOPHON_CUE,
    ENDORSED_TO,
    FOOTNOTE,
    GREETING,
    HEADING,
    PEER,
    POSTSCRIPT,
    SHORT,
    SIGNED_TITLE,
    TITLED_ADDRESSEE,
    VALEDICTION,
    Line,
    blocks,
    cover,
    is_salutation,
    join_lines,
    looks_like_name,
    name_in_salutation,
    paragraphs,
    parse_date,
    parse_edition,
    place_before,
    signature_after,
    signs,
    span_in,
    split_lines,
)


def _tail_start(lines: list[Line]) -> int:
    """Index of the first line after the letter proper (notes, colophon), or len(lines)."""
    n = len(lines)
    for i, line in enumerate(lines):
        if line.block < 0 and i > n // 2:
            return i
    return n


def parse_letter(source: Source) -> Letter:
    """Find the parts of ``source``'s letter."""
    text = source.text
    lines = split_closings(split_lines(text))
    n = len(lines)
    sal = next(
        (i for i in range(min(n, 40)) if lines[i].block >= 0 and is_salutation(lines, i)), None
    )
    # Closing: the last valediction line followed by a name, searching back from the end.
    val = sig = None
    for i in range(n - 1, sal if sal is not None else -1, -1):
        line = lines[i]
        if line.block >= 0 and len(line.text) <= SHORT and VALEDICTION.match(line.text):
            j = signature_after(lines, i, n)
            if j is not None:
                val, sig = i, j
                break
    if val is not None:  # "Believe me, / Yours very truly," is one valediction
        while (
            val - 1 > (sal if sal is not None else -1)
            and lines[val - 1].block == lines[val].block
            and len(lines[val - 1].text) <= SHORT
            and VALEDICTION.match(lines[val - 1].text)
        ):
            val -= 1
    after = (sig + 1) if sig is not None else _tail_start(lines)
    # After the signature: postscripts, a bottom address or dateline, notes, a colophon.
    postscript: list[Line] = []
    notes: list[Line] = []
    colophon: list[Line] = []
    bottom: list[Line] = []
    kinds: dict[int, str] = {}
    quoted = sal is not None and _quoted(text, lines[sal])
    tail_prose = prose_blocks(lines[after:])
    for line in lines[after:]:
        kind = kinds.get(line.block)
        if colophon or (quoted and not _quoted(text, line) and not FOOTNOTE.match(line.text)):
            kind = "colophon"  # a source line under a quoted letter ("Le Réveil, May 2nd.")
        elif line.block < 0:
            kind = "separator"
        elif kind is None:
            if POSTSCRIPT.match(line.text):
                kind = "postscript"
            elif FOOTNOTE.match(line.text) or (
                re.match(r"\d{1,2}\s+[A-Z]", line.text) and find_date(line.text) is None
            ):
                kind = "note"  # "1 CD had been attacked …" (not "12 May 1860.")
            elif COLOPHON_CUE.search(line.text):
                kind = "colophon"
            elif not notes and len(line.text) <= SHORT and line.block not in tail_prose:
                kind = "bottom"
            else:
                kind = "postscript" if not notes else "note"
            kinds[line.block] = kind
        {"postscript": postscript, "note": notes, "colophon": colophon, "bottom": bottom}.get(
            kind, []
        ).append(line)
    # Before the salutation: heading, addressee, access note, dateline, byline, address.
    head_end = sal if sal is not None else letter_start(lines[:40])
    heading = byline = access = addressee = dateline = intro = None
    date: tuple[LetterDate, TextSpan | None] | None = None
    partial: tuple[Line, PartialDate] | None = None
    address: list[Line] = []
    prose: list[Line] = []  # an editor's introduction or headnote
    first = True  # the first line that is not a website's may be an editor's heading
    begin = frame_end(lines, head_end)  # after the editor's narrative that leads in
    pre_heading: Line | None = None
    by_next = False  # "FROM" alone on a line: the writer's name follows
    furniture: list[str] = []  # running heads and titles above: they may give a year
    for line in lines[:begin]:
        if line.block < 0:
            continue
        if line.block in prose_blocks(lines[:begin]):
            if intro is None and intro_parties(line.text) is not None:
                intro = line
            prose.append(line)
        elif is_page_furniture(line) or is_site_line(line.text):
            furniture.append(line.text)
            prose.append(line)  # editorial, with the introduction
        elif pre_heading is None and _heading_like(text, line):
            pre_heading = line
        else:
            furniture.append(line.text)
    for line in lines[begin:head_end]:
        raw_start = text.rfind("\n", 0, line.start) + 1
        md_heading = text[raw_start : line.start].lstrip().startswith("#")
        if line.block < 0 or is_page_furniture(line):
            continue
        if len(line.text) > SHORT:
            if intro is None and intro_parties(line.text) is not None:
                intro = line
            if not is_site_line(line.text) or intro is line:
                prose.append(line)
            first = False
            continue
        if not md_heading and is_site_line(line.text):
            continue  # "… Correspondence Project", "Last updated 3 February 2012"
        if first and (md_heading or _heading_like(text, line)):
            heading, first = line, False
            if addressee_name(line.text) is not None:
                addressee = line
            continue
        first = False
        if addressee is None and (ADDRESSEE.match(line.text) or TITLED_ADDRESSEE.match(line.text)):
            addressee = line
        elif access is None and ACCESS_NOTE.match(line.text) and len(line.text) <= SHORT:
            access = line
        elif date is None and (parsed := parse_date(line)) is not None:
            dateline, date = line, parsed
        elif date is None and partial is None and (pd := partial_date(line.text)) is not None:
            partial = (line, pd)
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
            and "," not in line.text
            and line.block != heading.block
            and _whole_line(text, line)  # not "Down" of "Down | Bromley | Kent"
        ):
            byline = line
        else:
            address.append(line)
    if heading is None and pre_heading is not None:
        heading = pre_heading
        if addressee is None and addressee_name(pre_heading.text) is not None:
            addressee = pre_heading
    if addressee is None:  # "[Addressed: John James Ruskin, Esq., Denmark Hill, …]"
        tail = lines[min(after, max(head_end, n - 4)) :]
        addressee = next((x for x in tail if ENDORSED_TO.match(x.text)), None)
    top_address = list(address)
    for line in bottom:
        if date is None and (parsed := parse_date(line)) is not None:
            dateline, date = line, parsed
        elif date is None and partial is None and (pd := partial_date(line.text)) is not None:
            partial = (line, pd)
        elif addressee is None and (
            ADDRESSEE.match(line.text) or TITLED_ADDRESSEE.match(line.text) or PEER.match(line.text)
        ):
            addressee = line
        elif dateline is None or line.block != dateline.block or line.start < dateline.start:
            address.append(line)
    contexts = [  # what may give a dateline's missing year, the nearest first
        *(
            _unbracket(x.text[len(m.group()) if (m := NUMBER.match(x.text)) else 0 :])
            for x in (heading, intro)
            if x is not None
        ),
        " ".join(furniture),
        " ".join(x.text for x in prose if prose and x.block == prose[-1].block),
    ]
    if (
        date is None
        and partial is not None
        and (iso := complete_date(partial[1], contexts, partial[0].text))
    ):
        pline, pd = partial
        dateline = pline
        date = (
            LetterDate(iso, "day", span_in(pline, pd.start, pd.end)),
            place_before(pline, pd.start),
        )
    if date is None:
        for part in (heading, intro):
            if part is not None and (found := find_date(_unbracket(part.text))) is not None:
                date = (
                    LetterDate(found.iso, found.precision, span_in(part, found.start, found.end)),
                    None,
                )
                break
    place_span = date[1] if date else None
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
            rf"^{GREETING}[^,:]*(?:,\s*[—–-]+|:(?=\s+[A-Z]))\s*", salutation.text, re.I
        )
        body_from = (
            salutation.start + split.end()
            if split
            else lines[sal + 1].start
            if sal + 1 < n
            else salutation.end
        )
        if split:
            salutation = Line(
                salutation.start, salutation.start + split.end(), split.group(), salutation.block
            )
    else:
        salutation = None
        body_from = lines[head_end].start if head_end < n else 0
    body_to = (
        lines[val].start if val is not None else (lines[after].start if after < n else len(text))
    )
    body = paragraphs(text, body_from, body_to)
    sender_name = recipient_name = None
    if sig is not None and signs(lines[sig].text.rstrip(".,")):
        sig_text = SIGNED_TITLE.sub("", lines[sig].text.rstrip(",\"”’'"))  # ", Major-General"
        sig_text = sig_text.rstrip(".") if not re.search(r"\b\w\.$", sig_text) else sig_text
        sender_name = span_in(lines[sig], 0, len(sig_text))
    elif byline is not None and signs(byline.text):
        sender_name = byline.span()
    if salutation is not None:
        recipient_name = name_in_salutation(salutation)
    heading_sender = heading_recipient = None
    if heading is not None and (found_parties := parties(heading.text)) is not None:
        heading_sender = span_in(heading, *found_parties[0])
        heading_recipient = span_in(heading, *found_parties[1])
    elif heading is not None and (writer := writer_year(heading.text)) is not None:
        heading_sender = span_in(heading, *writer)
    elif intro is not None and (said := intro_parties(intro.text)) is not None:
        heading_sender = span_in(intro, *said[0])
        heading_recipient = span_in(intro, *said[1])
    found_name = _addressee_name(addressee.text) if addressee is not None else None
    if addressee is not None and found_name is not None and heading_recipient is None:
        heading_recipient = span_in(addressee, *found_name)  # "1742: To V. Sackville-West"
    if heading_recipient is None and recipient_name is None and prose:
        heading_recipient = _lead_in(text, prose)
    colophon_span = cover(text, colophon[0], colophon[-1]) if colophon else None
    return Letter(
        source=source,
        body=body,
        heading=heading.span() if heading else None,
        byline=byline.span() if byline else None,
        dateline=dateline.span() if dateline else None,
        date=date[0] if date else None,
        place=place_span,
        address=join_lines(text, top_address or address),
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
        addressee=addressee.span() if addressee else None,
    )


def _lead_in(text: str, prose: list[Line]) -> TextSpan | None:
    """The addressee the narrative just before the letter names, when it leads into the
    letter with a colon ("… that he wrote to his mother, Margaret Faraday, …:—")."""
    block = [x for x in prose if x.block == prose[-1].block]
    if not re.search(r":\s*[—–-]*\s*$", block[-1].text):
        return None
    for line in block:
        if (found := lead_in_recipient(line.text)) is not None:
            return span_in(line, *found)
    return None


def _addressee_name(line: str) -> tuple[int, int] | None:
    """The name of a "To X" line, or of a line naming the addressee with a rank or style
    ("Lieutenant-General U. S. GRANT, City Point, Virginia.")."""
    for pattern in (TITLED_ADDRESSEE, ENDORSED_TO, PEER):
        if (titled := pattern.match(line)) is not None:
            end = min(i for i in (line.find(",", titled.end()), len(line)) if i >= 0)
            name = line[titled.end() : end].rstrip(". ]")
            return (titled.end(), titled.end() + len(name)) if looks_like_name(name) else None
    return addressee_name(line)


def _heading_like(text: str, line: Line) -> bool:
    """An editor's heading: "HUXLEY TO TYNDALL, 1866.", "LETTER XII.", "To J. S. Henslow
    12 May [1860]", "FROM THOMAS JEFFERSON.", a title in capitals."""
    return bool(
        HEADING.match(line.text)
        or parties(line.text)
        or writer_year(line.text)
        or (is_title(line.text) and parse_date(line) is None)
        or (ADDRESSEE.match(line.text) and find_date(_unbracket(line.text)))
        or (NUMBER.match(line.text) and addressee_name(line.text) is not None)
    )


def _quoted(text: str, line: Line) -> bool:
    """The line opens with a quotation mark (a letter quoted in an editor's text)."""
    return line.start > 0 and text[line.start - 1] in OPENING_QUOTES


def _unbracket(value: str) -> str:
    """Editors' brackets as spaces ("8 May [1860]" reads as "8 May  1860")."""
    return re.sub(r"[\[\]]", " ", value)


def _whole_line(text: str, line: Line) -> bool:
    """The line is a printed line of its own, not a piece of one split at " | "."""
    before = text[text.rfind("\n", 0, line.start) + 1 : line.start]
    after_end = text.find("\n", line.end)
    after = text[line.end : after_end if after_end >= 0 else len(text)]
    return "|" not in before and "|" not in after
