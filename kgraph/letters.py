"""Stage 2, ``letters``: find the parts of a letter (heading, dateline, address, salutation,
body, valediction, signature, postscript, colophon) with offsets into the source text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_date
from .model import Edition, Letter, LetterDate, Source, TextSpan

SALUTATION = re.compile(
    r"^(?:(?:my|mine|our)\s+)?(?:(?:very\s+)?dear(?:est)?|beloved|honou?red|respected|"
    r"mon\s+cher|ma\s+chère|chère|cher|lieber|liebe|verehrter|caro|cara|carissimo|querido|"
    r"dorogoi|sir|madam|madame|monsieur|gentlemen|ladies)\b",
    re.IGNORECASE,
)
VALEDICTION = re.compile(
    r"^(?:(?:yours|your|ever|believe|always|very|most|with|much|all|best|kind|fondest|"
    r"affectionately|sincerely|faithfully|truly|cordially|respectfully|gratefully|adieu|"
    r"farewell|love|salut|bien|tout|dein|ihr|vostro|tuo|votre|ton)\b)",
    re.IGNORECASE,
)
ACCESS_NOTE = re.compile(
    r"\b(?:personal|private|confidential|not\s+for\s+(?:print|publication)|strictly)\b",
    re.IGNORECASE,
)
POSTSCRIPT = re.compile(r"^(?:P\.\s?P\.\s?S\.|P\.\s?S\.|PS\b|N\.\s?B\.)", re.IGNORECASE)
FOOTNOTE = re.compile(r"^(?:\[\d+\]|\d+[.)]\s|[¹²³⁴⁵⁶⁷⁸⁹]|\*\s)")
COLOPHON_CUE = re.compile(
    r"https?://|www\.|\.(?:com|org|net)\b|\blibrary\b|copyright|public\s+domain|licen[cs]e|"
    r"\bsource\s*:|\bretrieved\b|\btranscri|\bedition\b|\bpublished\s+by\b|\bvol\.|\bpp?\.\s*\d",
    re.IGNORECASE,
)
HEADING = re.compile(r"^(?:#{1,6}\s+|letter\s+[ivxlc\d]+\b|to\s+the\s+editor\b)", re.IGNORECASE)
HEADING_PARTIES = re.compile(
    r"^(?:(?:letter\s+)?from\s+)?(?P<s>[^\W\d_][^,;:]*?)\s+to\s+(?P<r>[^\W\d_][^,;:]*?)"
    r"(?=\s*(?:[,;:.]|$))"
)
NOT_NAMES = re.compile(
    r"^(?:sir|madam|madame|friend|comrade|comrades|brother|sister|mother|father|mamma|papa|"
    r"son|daughter|child|children|cousin|uncle|aunt|colleague|master|doctor|professor|all|"
    r"old|good|dear|kind|little|one|editor|friends|sirs|wife|husband|love|heart)$",
    re.IGNORECASE,
)
MARKDOWN = re.compile(r"^[#>*_\s]+|[*_\s]+$")
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
    block = 0
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        m = MARKDOWN.search(body)
        lead = len(body) - len(body.lstrip("#>*_ \t"))
        trail = len(body) - len(body.rstrip("*_ \t"))
        inner = body[lead : len(body) - trail] if len(body) - trail > lead else ""
        if inner.strip():
            lines.append(Line(pos + lead, pos + lead + len(inner), inner, block))
        elif m is not None or not body.strip():
            block += 1
        pos += len(raw)
    return lines


def cover(text: str, first: Line, last: Line) -> TextSpan:
    return TextSpan(first.start, last.end, text[first.start : last.end])


def looks_like_name(value: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’.-]*", value)
    if not 1 <= len(words) <= 6 or len(value) > 60 or value.rstrip().endswith(("?", "!")):
        return False
    capitalised = [w for w in words if w[0].isupper()]
    return len(capitalised) >= max(1, len(words) - 1) and not NOT_NAMES.match(words[-1])


def name_in_salutation(line: Line) -> TextSpan | None:
    m = SALUTATION.match(line.text)
    if m is None:
        return None
    rest = line.text[m.end() :]
    stripped = rest.lstrip(" ,")
    offset = m.end() + len(rest) - len(stripped)
    name = re.sub(r"[\s,.:;!—–-]+$", "", stripped)
    words = name.split()
    while words and NOT_NAMES.match(words[0]):
        skip = len(words[0]) + len(name) - len(name[len(words[0]) :].lstrip())
        offset, name, words = offset + skip, name[skip:], words[1:]
    if not name or not looks_like_name(name):
        return None
    start = line.start + offset
    return TextSpan(start, start + len(name), name)


def parse_date(line: Line) -> tuple[LetterDate, TextSpan | None] | None:
    """The date of a dateline, and the place written before it ("Brighton, 14 May 1912")."""
    found = find_date(line.text)
    if found is None or len(line.text) > SHORT:
        return None
    span = TextSpan(
        line.start + found.start, line.start + found.end, line.text[found.start : found.end]
    )
    place = None
    prefix = line.text[: found.start]
    m = re.match(r"\s*(?P<p>[^\W\d_][^,;]*?)\s*[,;.]?\s*(?:le|den|am|the|this)?\s*$", prefix)
    weekday = r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    if (
        m
        and m.group("p")
        and not find_date(prefix)
        and looks_like_name(m.group("p"))
        and not re.fullmatch(weekday, m.group("p"))
    ):
        s = line.start + m.start("p")
        place = TextSpan(s, s + len(m.group("p")), m.group("p"))
    return LetterDate(found.iso, found.precision, span), place


def parse_letter(source: Source) -> Letter:
    """Find the parts of ``source``'s letter. Parts it cannot find are left as None."""
    text = source.text
    lines = split_lines(text)
    n = len(lines)
    head_limit = min(n, 15)
    sal = next(
        (
            i
            for i in range(head_limit)
            if SALUTATION.match(lines[i].text) and len(lines[i].text) <= SHORT
        ),
        None,
    )
    val = None
    for i in range(n - 1, (sal if sal is not None else -1), -1):
        if (
            VALEDICTION.match(lines[i].text)
            and len(lines[i].text) <= SHORT
            and (i >= n * 0.5 or i >= n - 15)
        ):
            val = i
            break
    # Signature: name-like lines straight after the valediction.
    sig = None
    if val is not None and val + 1 < n and looks_like_name(lines[val + 1].text.rstrip(".")):
        sig = val + 1
    tail_start = (sig if sig is not None else val if val is not None else n - 1) + 1
    # After the signature: postscripts, a dateline, footnotes, then the colophon.
    dateline: Line | None = None
    date: tuple[LetterDate, TextSpan | None] | None = None
    postscript: list[Line] = []
    colophon_start: int | None = None
    i = tail_start
    while i < n:
        line = lines[i]
        if POSTSCRIPT.match(line.text) or (postscript and line.block == postscript[-1].block):
            postscript.append(line)
        elif date is None and dateline is None and (parsed := parse_date(line)) and i == tail_start:
            dateline, date = line, parsed
        elif COLOPHON_CUE.search(line.text) or i > tail_start:
            colophon_start = i
            break
        i += 1
    # Header: the lines before the salutation (or before the first long line).
    head_end = (
        sal
        if sal is not None
        else next((i for i in range(head_limit) if len(lines[i].text) > SHORT), 0)
    )
    heading: Line | None = None
    byline: Line | None = None
    access: Line | None = None
    address: list[Line] = []
    for i in range(head_end):
        line = lines[i]
        raw_start = text.rfind("\n", 0, line.start) + 1
        is_md_heading = text[raw_start : line.start].lstrip().startswith("#")
        if i == 0 and (
            is_md_heading or HEADING.match(line.text) or HEADING_PARTIES.match(line.text)
        ):
            heading = line
        elif ACCESS_NOTE.search(line.text) and len(line.text) <= SHORT and access is None:
            access = line
        elif dateline is None and (parsed := parse_date(line)) is not None:
            dateline, date = line, parsed
        elif heading is not None and i == 1 and looks_like_name(line.text) and not address:
            byline = line
        elif len(line.text) <= SHORT:
            address.append(line)
    body_start = sal + 1 if sal is not None else head_end
    body_end = val if val is not None else (colophon_start if colophon_start is not None else n)
    blocks: dict[int, list[Line]] = {}
    for line in lines[body_start:body_end]:
        blocks.setdefault(line.block, []).append(line)
    body = tuple(cover(text, b[0], b[-1]) for b in blocks.values())
    ps_blocks: dict[int, list[Line]] = {}
    for line in postscript:
        ps_blocks.setdefault(line.block, []).append(line)
    heading_sender = heading_recipient = None
    if heading is not None and (m := HEADING_PARTIES.match(heading.text)):
        heading_sender = TextSpan(heading.start + m.start("s"), heading.start + m.end("s"), m["s"])
        heading_recipient = TextSpan(
            heading.start + m.start("r"), heading.start + m.end("r"), m["r"]
        )
    sender_name = None
    if sig is not None:
        sig_text = lines[sig].text.rstrip(".")
        sender_name = TextSpan(lines[sig].start, lines[sig].start + len(sig_text), sig_text)
    elif byline is not None:
        sender_name = byline.span()
    colophon = edition = None
    if colophon_start is not None:
        colophon = cover(text, lines[colophon_start], lines[-1])
        edition = parse_edition(colophon)
    return Letter(
        source=source,
        body=body,
        heading=heading.span() if heading else None,
        byline=byline.span() if byline else None,
        dateline=dateline.span() if dateline else None,
        date=date[0] if date else None,
        place=date[1] if date else None,
        address=cover(text, address[0], address[-1]) if address else None,
        access_note=access.span() if access else None,
        salutation=lines[sal].span() if sal is not None else None,
        recipient_name=name_in_salutation(lines[sal]) if sal is not None else None,
        valediction=lines[val].span() if val is not None else None,
        signature=lines[sig].span() if sig is not None else None,
        sender_name=sender_name,
        postscript=tuple(cover(text, b[0], b[-1]) for b in ps_blocks.values()),
        colophon=colophon,
        edition=edition,
        heading_sender=heading_sender,
        heading_recipient=heading_recipient,
    )


def parse_edition(colophon: TextSpan) -> Edition:
    """Source metadata from a colophon: a URL, a licence and the first publisher-like line."""
    url = None
    if m := re.search(r"https?://[^\s)\]]+", colophon.text):
        url = m.group(0)
    licence = None
    if m := re.search(r"(?im)^.*(?:copyright|public domain|licen[cs]e).*$", colophon.text):
        licence = m.group(0).strip(" *")
    lines = [ln.strip(" *#") for ln in colophon.text.splitlines() if ln.strip(" *#")]
    publisher = next((ln for ln in lines if ln != licence and "http" not in ln), None)
    return Edition(span=colophon, publisher=publisher, url=url, licence=licence)
