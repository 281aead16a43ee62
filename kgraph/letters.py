"""Stage 2, ``letters``: find the parts of a letter (heading, dateline, address, salutation,
body, valediction, signature, postscript, notes, colophon) with offsets into the source text.

The parser works on non-blank lines grouped into blocks (runs of lines between blank lines).
It finds the salutation near the top and the valediction and signature near the end, reads
what stands before the salutation as heading, dateline, access note and address, and reads
what follows the signature as postscripts, a bottom dateline or address, footnotes and a
source colophon. Parts it cannot find are left as None: a letter without them still builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_date
from .model import Edition, Letter, LetterDate, Source, TextSpan

GREETING = (
    r"(?:(?:my|mine|our)\s+)?(?:(?:very\s+|dear\s+)?dear(?:est)?|beloved|darling|honou?red|"
    r"respected|mon\s+cher|ma\s+chère|chère|cher|lieber|liebe|verehrter|caro|cara|"
    r"carissimo|querido|dorogoi|sir|sirs|madam|madame|monsieur|gentlemen|ladies)\b"
)
SALUTATION = re.compile(rf"^{GREETING}", re.IGNORECASE)
ENDEARMENT = re.compile(r"\b(?:dear|dearest|darling|beloved)\b[,:!]?\s*$", re.IGNORECASE)
VALEDICTION = re.compile(
    r"^(?:(?:i\s+am|i\s+remain|i\s+have\s+the\s+honou?r|believe\s+me|yours|your|ever|always|"
    r"very|most|with|much|all|best|kind|fondest|affectionately|sincerely|faithfully|truly|"
    r"cordially|respectfully|gratefully|adieu|farewell|love|salut|bien|tout|dein|ihr|"
    r"vostro|tuo|votre|ton|je\s+suis)\b)",
    re.IGNORECASE,
)
ACCESS_NOTE = re.compile(
    r"^(?:\W*)(?:personal|private|confidential|not\s+for\s+(?:print|publication)|strictly)\b",
    re.IGNORECASE,
)
POSTSCRIPT = re.compile(r"^(?:P\.\s?P\.\s?S\.|P\.\s?S\.|PS\b|N\.\s?B\.)", re.IGNORECASE)
FOOTNOTE = re.compile(r"^(?:\[\d+\]|\d{1,2}[.)]\s|[¹²³⁴⁵⁶⁷⁸⁹†‡]|\*+\s)")
SEPARATOR = re.compile(r"^[-*_=~\s]{3,}$")
COLOPHON_CUE = re.compile(
    r"https?://|www\.|\b\w+\.(?:com|org|net)\b|\blibrary\b|copyright|public\s+domain|"
    r"licen[cs]e|^\W*source\s*:|\bretrieved\b|\btranscri|\btranslated\s+(?:from|by)\b|"
    r"\bedition\b|\bpublished\s+by\b|\bvol\.\s*\d|\bpp?\.\s*\d|^\[.*\]\W*$",
    re.IGNORECASE,
)
HEADING = re.compile(r"^(?:letter\s+[ivxlc\d]+\b|to\s+the\s+editor\b)", re.IGNORECASE)
HEADING_PARTIES = re.compile(
    r"^(?:(?:letter\s+)?from\s+)?(?P<s>[^\W\d_][^,;:]*?)\s+to\s+(?P<r>[^\W\d_][^,;:]*?)"
    r"(?=\s*(?:[,;:.(\[]|$))"
)
ADDRESSEE = re.compile(r"^to\s+(?P<r>[^\W\d_][^,;]*?)\s*(?:[,.;]|$)", re.I)
EDITOR = re.compile(r"^(?:the\s+)?editors?\b", re.I)
NOT_NAMES = re.compile(
    r"^(?:sir|sirs|madam|madame|friend|comrade|comrades|brother|sister|mother|father|mamma|"
    r"papa|son|daughter|child|children|cousin|uncle|aunt|colleague|master|all|old|good|dear|"
    r"dearest|kind|little|one|editor|friends|wife|husband|love|heart|boy|girl|darling|"
    r"monsieur|signor|herr)$",
    re.IGNORECASE,
)
HONORIFIC = re.compile(
    r"^(?:sir|lady|lord|dr|doctor|prof|professor|mr|mrs|miss|ms|mme|m)\.?$", re.I
)
HOUSE = re.compile(
    r"(?i)\b(?:h[oô]tel|house|hall|street|road|row|square|lane|place|terrace|gardens|court|"
    r"rue|via|strasse|straße|palace|palais|castle|lodge|villa|cottage|hospital|college)\b"
)
WEEKDAY = re.compile(r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
SHORT = 70


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    block: int

    def span(self) -> TextSpan:
        return TextSpan(self.start, self.end, self.text)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with offsets, stripped of surrounding space and Markdown markers."""
    lines: list[Line] = []
    block, pos = 0, 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip("#>*_ \t"))
        if re.match(r"^\s*\*+\s", body):  # "* A footnote" or a list item: keep the marker
            lead = len(body) - len(body.lstrip())
        trail = len(body) - len(body.rstrip("*_ \t"))
        inner = body[lead : len(body) - trail] if len(body) - trail > lead else ""
        if body.strip() and SEPARATOR.match(body):
            block += 1
            lines.append(Line(pos, pos + len(body), body, -1))  # a separator line
            block += 1
        elif inner.strip():
            lines.append(Line(pos + lead, pos + lead + len(inner), inner, block))
        else:
            block += 1
        pos += len(raw)
    return lines


def cover(text: str, first: Line, last: Line) -> TextSpan:
    return TextSpan(first.start, last.end, text[first.start : last.end])


def looks_like_name(value: str) -> bool:
    """A short run of capitalised words or initials ("C. Darwin", "Th: Jefferson", "E. G.")."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", value)
    if not 1 <= len(words) <= 6 or len(value) > 60 or value.rstrip().endswith(("?", "!")):
        return False
    if re.search(r"\d", value):
        return False
    capitalised = [w for w in words if w[0].isupper()]
    return len(capitalised) >= max(1, len(words) - 1) and not NOT_NAMES.match(words[-1])


def _span_in(line: Line, start: int, end: int) -> TextSpan:
    return TextSpan(line.start + start, line.start + end, line.text[start:end])


def name_in_salutation(line: Line) -> TextSpan | None:
    """The name in "My dear Sir Roderick," or "Stella dearest," (None for "Dear Sir,")."""
    text = re.split(r",\s*[—–-]", line.text)[0]
    m = SALUTATION.match(text)
    start = m.end() if m else 0
    end = len(text)
    if m is None and (e := ENDEARMENT.search(text)):
        end = e.start()
    words = list(re.finditer(r"[^\W\d_][\w'’.-]*", text[start:end]))
    while words and NOT_NAMES.match(words[0].group().rstrip(".")):
        words = words[1:]
    while words and NOT_NAMES.match(words[-1].group().rstrip(".")):
        words = words[:-1]
    if not words:
        return None
    first, last = words[0], words[-1]
    # keep an honorific that stands before a name ("Sir Roderick", "Mrs. Carlyle")
    before = text[start : start + first.start()].split()
    if before and HONORIFIC.match(before[-1]):
        first_start = text.rfind(before[-1], 0, start + first.start())
    else:
        first_start = start + first.start()
    name = text[first_start : start + last.end()].rstrip(".")
    if not looks_like_name(name):
        return None
    return _span_in(line, first_start, first_start + len(name))


def parse_date(line: Line) -> tuple[LetterDate, TextSpan | None] | None:
    """The date of a dateline and the place written before it ("Brighton, 14 May 1912")."""
    masked = re.sub(r"[\[\]]", " ", line.text)  # editors' brackets: "April 14th [1860]"
    found = find_date(masked)
    if found is None or len(line.text) > SHORT:
        return None
    date = LetterDate(found.iso, found.precision, _span_in(line, found.start, found.end))
    prefix = masked[: found.start]
    parts = [p for p in re.finditer(r"[^,;]+", prefix) if p.group().strip(" .")]
    # The settlement comes first ("Concord, Mass.", "Down, Bromley, Kent"), after a house or
    # street if there is one ("Hôtel de Langeac, Paris").
    place = None
    for part in parts:
        value = re.sub(r"(?:^|\s+)(?:le|den|am|the|this|ce)\s*$", "", part.group(), flags=re.I)
        value = value.strip(" .")
        if not value or WEEKDAY.match(value) or not looks_like_name(value):
            continue
        if HOUSE.search(value) and part is not parts[-1]:
            continue
        offset = part.start() + part.group().index(value)
        place = _span_in(line, offset, offset + len(value))
        break
    return date, place


def _is_salutation(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if re.match(rf"^{GREETING}[^,]*,\s*[—–-]", text, re.I):
        return True  # "Sir,—In your leading article…"
    if len(text) > SHORT or (
        not text.rstrip().endswith((",", ":", "!", "—"))
        and i + 1 < len(lines)
        and lines[i + 1].block == lines[i].block
    ):
        return False
    if SALUTATION.match(text):
        return True
    return len(text.split()) <= 5 and bool(ENDEARMENT.search(text.rstrip(",:! ")))


def _signature_after(lines: list[Line], i: int, limit: int) -> int | None:
    for j in (i + 1, i + 2):
        if j < limit and lines[j].block >= 0 and looks_like_name(lines[j].text.rstrip(".,")):
            return j
        if j < limit and lines[j].block == lines[i].block:
            break  # more valediction lines follow first
    return None


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
    lines = split_lines(text)
    n = len(lines)
    sal = next(
        (i for i in range(min(n, 20)) if lines[i].block >= 0 and _is_salutation(lines, i)), None
    )
    # Closing: the last valediction line followed by a name, searching back from the end.
    val = sig = None
    for i in range(n - 1, sal if sal is not None else -1, -1):
        line = lines[i]
        if line.block >= 0 and len(line.text) <= SHORT and VALEDICTION.match(line.text):
            j = _signature_after(lines, i, n)
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
    for line in lines[after:]:
        kind = kinds.get(line.block)
        if colophon:
            kind = "colophon"
        elif line.block < 0:
            kind = "separator"
        elif kind is None:
            if POSTSCRIPT.match(line.text):
                kind = "postscript"
            elif FOOTNOTE.match(line.text):
                kind = "note"
            elif COLOPHON_CUE.search(line.text):
                kind = "colophon"
            elif not notes and len(line.text) <= SHORT:
                kind = "bottom"
            else:
                kind = "postscript" if not notes else "note"
            kinds[line.block] = kind
        {"postscript": postscript, "note": notes, "colophon": colophon, "bottom": bottom}.get(
            kind, []
        ).append(line)
    # Before the salutation: heading, addressee, access note, dateline, byline, address.
    head_end = (
        sal
        if sal is not None
        else next((i for i in range(min(n, 15)) if len(lines[i].text) > SHORT), 0)
    )
    heading = byline = access = addressee = dateline = None
    date: tuple[LetterDate, TextSpan | None] | None = None
    address: list[Line] = []
    for i, line in enumerate(lines[:head_end]):
        raw_start = text.rfind("\n", 0, line.start) + 1
        md_heading = text[raw_start : line.start].lstrip().startswith("#")
        if line.block < 0:
            continue
        if i == 0 and (md_heading or HEADING.match(line.text) or HEADING_PARTIES.match(line.text)):
            heading = line
            if ADDRESSEE.match(line.text):
                addressee = line
        elif addressee is None and ADDRESSEE.match(line.text):
            addressee = line
        elif access is None and ACCESS_NOTE.match(line.text) and len(line.text) <= SHORT:
            access = line
        elif date is None and (parsed := parse_date(line)) is not None:
            dateline, date = line, parsed
        elif (
            heading is not None
            and i == 1
            and looks_like_name(line.text)
            and "," not in line.text
            and line.block not in (lines[0].block, lines[2].block if n > 2 else -2)
        ):
            byline = line
        elif len(line.text) <= SHORT:
            address.append(line)
    top_address = list(address)
    for line in bottom:
        if date is None and (parsed := parse_date(line)) is not None:
            dateline, date = line, parsed
        elif addressee is None and ADDRESSEE.match(line.text):
            addressee = line
        elif dateline is None or line.block != dateline.block or line.start < dateline.start:
            address.append(line)
    if date is None and heading is not None and (found := find_date(heading.text)) is not None:
        date = (
            LetterDate(found.iso, found.precision, _span_in(heading, found.start, found.end)),
            None,
        )
    # The body: from the salutation (or the end of the header) to the valediction.
    if sal is not None:
        salutation = lines[sal]
        split = re.match(rf"^{GREETING}[^,]*,\s*[—–-]+\s*", salutation.text, re.I)
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
    if sig is not None:
        sig_text = lines[sig].text.rstrip(",")
        sig_text = sig_text.rstrip(".") if not re.search(r"\b\w\.$", sig_text) else sig_text
        sender_name = _span_in(lines[sig], 0, len(sig_text))
    elif byline is not None:
        sender_name = byline.span()
    if salutation is not None:
        recipient_name = name_in_salutation(salutation)
    heading_sender = heading_recipient = None
    if heading is not None and (m := HEADING_PARTIES.match(heading.text)):
        heading_sender = _span_in(heading, m.start("s"), m.end("s"))
        heading_recipient = _span_in(heading, m.start("r"), m.end("r"))
    if (
        addressee is not None
        and (m := ADDRESSEE.match(addressee.text))
        and not EDITOR.match(m["r"])
    ):
        name = m.group("r").rstrip(". ")
        name = re.sub(r",?\s*(?:Esq|Esquire)\.?$", "", name)
        if looks_like_name(name) and heading_recipient is None:
            heading_recipient = _span_in(addressee, m.start("r"), m.start("r") + len(name))
    colophon_span = cover(text, colophon[0], colophon[-1]) if colophon else None
    return Letter(
        source=source,
        body=body,
        heading=heading.span() if heading else None,
        byline=byline.span() if byline else None,
        dateline=dateline.span() if dateline else None,
        date=date[0] if date else None,
        place=date[1] if date else None,
        address=_join(text, top_address or address),
        access_note=access.span() if access else None,
        salutation=salutation.span() if salutation else None,
        recipient_name=recipient_name,
        valediction=cover(text, lines[val], lines[sig - 1])
        if val is not None and sig is not None
        else None,
        signature=lines[sig].span() if sig is not None else None,
        sender_name=sender_name,
        postscript=_blocks(text, postscript),
        notes=_blocks(text, notes),
        colophon=colophon_span,
        edition=parse_edition(colophon_span) if colophon_span else None,
        heading_sender=heading_sender,
        heading_recipient=heading_recipient,
        addressee=addressee.span() if addressee else None,
    )


def _join(text: str, lines: list[Line]) -> TextSpan | None:
    """The address: its lines (possibly in two places) as one span from first to last."""
    if not lines:
        return None
    lines = sorted(lines, key=lambda ln: ln.start)
    return cover(text, lines[0], lines[-1])


def _blocks(text: str, lines: list[Line]) -> tuple[TextSpan, ...]:
    groups: dict[int, list[Line]] = {}
    for line in lines:
        groups.setdefault(line.block, []).append(line)
    return tuple(cover(text, g[0], g[-1]) for g in groups.values())


def paragraphs(text: str, start: int, end: int) -> tuple[TextSpan, ...]:
    """Paragraphs (split at blank lines and separator lines) of text[start:end], trimmed."""
    found = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*(?:\n|$)))+", text[start:end]):
        chunk = m.group()
        s, e = start + m.start(), start + m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and not SEPARATOR.match(chunk.strip()):
            found.append(TextSpan(s, e, text[s:e]))
    return tuple(found)


def parse_edition(colophon: TextSpan) -> Edition:
    """Source metadata from a colophon: a URL, a licence, a title and a publisher line."""
    url = None
    if m := re.search(r"https?://[^\s)\]>*]+", colophon.text):
        url = m.group(0)
    lines = [ln.strip(" *#") for ln in colophon.text.splitlines() if ln.strip(" *#")]
    licence = next(
        (ln for ln in lines if re.search(r"copyright|public domain|licen[cs]e", ln, re.I)), None
    )
    title = None
    for ln in lines:
        if m := re.match(r"^source\s*:\s*(.+)$", ln, re.I):
            title = re.split(r"\s+/\s+", m.group(1))[0].strip()
            if licence is None and " / " in m.group(1):
                licence = m.group(1).split(" / ", 1)[1].strip()
    publisher = next(
        (
            ln
            for ln in lines
            if ln != licence and "http" not in ln and not ln.lower().startswith("source")
        ),
        None,
    )
    return Edition(span=colophon, title=title, publisher=publisher, url=url, licence=licence)
