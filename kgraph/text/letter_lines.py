"""Line vocabulary of the ``letters`` stage: a letter's non-blank lines with offsets, the
patterns that recognise its openings and closings (salutation, valediction, postscript,
footnote, colophon, heading, addressee, access note), and the readers of single parts: a
name, a salutation's name, a dateline's date and place, a colophon's edition.

``letters.parse_letter`` uses these to assemble a letter's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.model import Edition, LetterDate, TextSpan
from kgraph.text.dates import find_date
from kgraph.text.editorial import OPENING_QUOTES, PIPE, strip_markers

GREETING = (
    r"(?:(?:my|mine|our)\s+)?(?:(?:very\s+|dear\s+)?dear(?:est)?|beloved|darling|honou?red|"
    r"respected|reverend|revd|may\s+it\s+please\s+your\s+\w+|mon\s+cher|ma\s+chère|chère|cher|lieber|liebe|verehrter|caro|cara|"
    r"carissimo|querido|dorogoi|sir|sirs|madam|madame|monsieur|gentlemen|ladies|sire|herr|"
    r"señor|senor|signore|signor|mein\s+herr|hochgeehrter|geehrter|"
    r"my\s+lord|my\s+lady|your\s+(?:excellency|grace|lordship|majesty|highness)|"
    r"general|colonel|captain|admiral)\b"
)
SALUTATION = re.compile(rf"^{GREETING}", re.IGNORECASE)
ENDEARMENT = re.compile(r"\b(?:dear|dearest|darling|beloved)\b[,:!]?\s*$", re.IGNORECASE)
VALEDICTION = re.compile(
    r"^(?:(?:i\s+am|i\s+remain|i\s+have\s+the\s+honou?r|believe\s+me|yours|your|ever|always|"
    r"very|most|with|much|all|best|kind|fondest|affectionately|sincerely|faithfully|truly|"
    r"cordially|respectfully|gratefully|adieu|farewell|love|salut|bien|tout|dein|ihr|yrs?|"
    r"fraternally|heartily|warmly|lovingly|devotedly|obediently|humbly|thine|thy|"
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
    r"^\W*cite\s+as\b|\blast\s+updated\b|\baccessed\b|"
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
    r"monsieur|signor|herr|and|reverend|revd|honoured|honored|general|colonel|captain|"
    r"major|admiral|doctor|professor|governor|president|excellency|lordship|ladyship|"
    r"majesty|highness|citizen|hofrath|hofrat|geheimrath|geheimrat|rath|rat|doktor|pfarrer|"
    r"kollege|freund|genosse|signore|señor|senor)$",
    re.IGNORECASE,
)
HONORIFIC = re.compile(
    r"^(?:sir|lady|lord|dr|doctor|prof|professor|mr|mrs|miss|ms|mme|m)\.?$", re.I
)
HOUSE = re.compile(
    r"(?i)\b(?:h[oô]tel|house|hall|street|road|row|square|lane|place|terrace|gardens|court|"
    r"rue|via|strasse|straße|palace|palais|castle|lodge|villa|cottage|hospital|college|"
    r"casa|palazzo|palais|schloss|ch[aâ]teau|maison|quinta|hacienda|rectory|vicarage|manor|"
    r"camp|head-?quarters|inn|bank|knoll|vale|grange|farm|priory|abbey|mill|hermitage|"
    r"parsonage|deanery|barracks|office|chambers)\b"
)
# a city's postal district after its name ("Berlin N.", "London S.W.", "Wien IX")
POSTAL_DISTRICT = re.compile(r"(?<=[a-z])\s+(?:[NSEWO]\.?\s?[CEW]?\.?|[IVX]{1,4}\.?|\d{1,2})$")
LOCATIVE = re.compile(
    r"^(?:aux|au|à|chez|bei|beim|im|zu|presso|nel|nella|"
    r"(?:camp|head-?quarters|bivouac|lines)\s+(?:before|near|at|by|of|in)|near|before|off)\s+",
    re.I,
)
WEEKDAY = re.compile(r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
SHORT = 70
# an edition's label of a section around the letter ("Transcription", "Notes", "Source Note")
SECTION = re.compile(
    r"^(?:transcription|transcript|translation|original(?:\s+(?:text|document))?|text|"
    r"(?:editorial\s+|source\s+|explanatory\s+)?notes?|footnotes|summary|commentary|"
    r"sources?|references|bibliography|abstract|calendar)\s*:?$",
    re.IGNORECASE,
)
# a rank or an office signed after the name ("W. T. SHERMAN, Major-General.", "J. Smith, M.D.")
_RANKS = (
    r"(?:brevet\s+)?(?:(?:lieut(?:enant)?|major|brigadier|vice|rear)[- ])?"
    r"(?:general|colonel|captain|admiral|"
    r"commodore|commander|major|lieut(?:enant)?|governor|president|secretary|minister|consul|"
    r"ambassador|envoy|bishop|archbishop|chairman|treasurer|sec|secy|pres|treas|hon\.\s?sec)"
    r"|m\.\s?d|f\.\s?r\.\s?s|esq|bart|"
    r"k\.\s?[gcb]|r\.\s?a|m\.\s?p"
)
# the addressee as the letter's outside or the editor gives it: "[Addressed: John James
# Ruskin, Esq., Denmark Hill, …]", or a peer under an official letter ("The Earl of Clarendon")
ENDORSED_TO = re.compile(
    r"(?i)^\[?(?:addressed|superscribed|directed|address)(?:\s+to)?\s*[:—–-]?\s+(?=[A-Z])"
)
PEER = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:[Rr]ight\s+)?[Hh]on(?:ou?rable|\.)\s+(?:the\s+)?)?(?=(?:Earl|Duke|"
    r"Marquis|Marquess|Viscount|Lord|Countess|Duchess|EARL|DUKE|MARQUIS|VISCOUNT|LORD)\s)"
)
SIGNED_TITLE = re.compile(rf"(?i),\s*(?:{_RANKS})\b.*$")
SIGNED = re.compile(r"(?i)^\(signed\)\s*|^signed[:,]?\s+")  # "(Signed)   W. H. BENTLEY."
# an addressee named with a rank or style at the head of an official letter
# ("Lieutenant-General U. S. GRANT, City Point, Virginia.", "The Right Hon. the Earl of X")
TITLED_ADDRESSEE = re.compile(
    rf"(?i)^(?:the\s+)?(?:(?:(?:right\s+)?hon(?:ou?rable|\.|ble|'ble)\.?\s+|his\s+excellency\s+|"
    rf"(?:{_RANKS})\.?\s+|(?:col|gen|capt|lieut|maj|adm|messrs|mr|mrs|dr|rev|revd|prof)\.\s+|"
    rf"(?:señor|senor|señora|signor|signore|herr|frau|monsieur|madame|don|doña|dona)\s+)+)"
    rf"(?=[A-Z])"
)


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
            lines.extend(_pieces(pos + lead, inner, block))
        else:
            block += 1
        pos += len(raw)
    return lines


def _gap_cut(piece: str) -> int | None:
    """Where a printed line holds a salutation and, set apart by a wide gap, a dateline
    ("My Lord,                Boma, September 28, 1903."): the start of the dateline."""
    gaps = list(re.finditer(r"\S(\s{5,})(?=\S)", piece))
    if not gaps:
        return None
    cut = gaps[-1].end()
    left, right = piece[: gaps[-1].start() + 1], piece[cut:]
    found = find_date(right)
    if found is None or found.precision == "year" or find_date(left) is not None:
        return None
    bare = left.strip().strip("[]")
    if not (SALUTATION.match(bare) or ACCESS_NOTE.match(bare)):
        return None  # a newspaper's masthead and its date are one running head
    return cut


def _pieces(start: int, inner: str, block: int) -> list[Line]:
    """One printed line as lines of the letter: split at " | " (the manuscript's line
    breaks), without an opening quotation mark of a quoted letter or a trailing footnote
    marker."""
    found: list[Line] = []
    cuts = [0, *(x for m in PIPE.finditer(inner) for x in (m.start(), m.end())), len(inner)]
    if len(cuts) == 2 and (cut := _gap_cut(inner)) is not None:
        gap = len(inner[:cut]) - len(inner[:cut].rstrip())
        cuts = [0, cut - gap, cut, len(inner)]
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        piece = inner[a:b]
        lead = len(piece) - len(piece.lstrip(OPENING_QUOTES + " \t"))
        piece = strip_markers(piece[lead:]).rstrip()
        if piece.strip():
            found.append(Line(start + a + lead, start + a + lead + len(piece), piece, block))
    return found


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


def span_in(line: Line, start: int, end: int) -> TextSpan:
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
    return span_in(line, first_start, first_start + len(name))


def parse_date(line: Line) -> tuple[LetterDate, TextSpan | None] | None:
    """The date of a dateline and the place written before it ("Brighton, 14 May 1912")."""
    # "12 [24] March": the New Style day in brackets, as "12 (24)"; then editors' brackets
    # as spaces: "April 14th [1860]"
    masked = re.sub(r"(?<=\d)(\s?)\[(\d{1,2})\]", r"\1(\2)", line.text)
    masked = re.sub(r"[\[\]]", " ", masked)
    found = find_date(masked)
    if found is None or len(line.text) > SHORT:
        return None
    date = LetterDate(found.iso, found.precision, span_in(line, found.start, found.end))
    return date, place_before(line, found.start)


def place_before(line: Line, start: int) -> TextSpan | None:
    """The place written before a dateline's date ("Brighton, 14 May 1912")."""
    masked = re.sub(r"[\[\]]", " ", line.text)
    prefix = masked[:start]
    parts = [p for p in re.finditer(r"[^,;:]+", prefix) if p.group().strip(" .")]
    # The settlement comes first ("Concord, Mass.", "Down, Bromley, Kent"), after a house or
    # street if there is one ("Hôtel de Langeac, Paris").
    place = None
    # "Victory, off Toulon", "H.M.S. Bellerophon, near Plymouth": a ship or a camp first,
    # then where it lay
    near = [p for p in parts[1:] if re.match(r"\s*(?:off|near|before)\s", p.group(), re.I)]
    if near:
        parts = near
    for part in parts:
        value = re.sub(
            r"(?:^|\s+)(?:le|den|am|the|this|ce|d\.|dnia|dne)\s*$", "", part.group(), flags=re.I
        )
        value = value.strip(" .")
        # "Aux Délices", "Chez Madame Roland", "Bei Wien": where, not the place's name
        value = LOCATIVE.sub("", value)
        value = POSTAL_DISTRICT.sub("", value)  # "Berlin N.", "London S.W."
        if not value or WEEKDAY.match(value) or not looks_like_name(value):
            continue
        if re.fullmatch(r"[A-Z]{1,2}\.?\s?[A-Z]?\.?\s?\d{0,2}", value):
            continue  # a postal district: "E.C.", "W.C.1", "S.W."
        if re.search(r"--|—|\s(?:of|to|from|the|and)$|^(?:letter|copy|extract)\b", value, re.I):
            continue  # "(Letter of 24 April 1867, …)", "Lord Chief Justice Eyre.--Let"
        if HOUSE.search(value) and part is not parts[-1]:
            continue
        offset = part.start() + part.group().index(value)
        place = span_in(line, offset, offset + len(value))
        break
    return place


def is_salutation(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if re.match(rf"^{GREETING}[^,]*,\s*[—–-]", text, re.I):
        return True  # "Sir,—In your leading article…"
    if re.match(rf"^{GREETING}[^,:]{{0,30}}:\s+[A-Z]", text, re.I):
        return True  # "GENERAL: Your letter of the 18th …", "Dear Sir: I have …"
    if len(text) > SHORT or (
        not text.rstrip().endswith((",", ":", "!", "—"))
        and i + 1 < len(lines)
        and lines[i + 1].block == lines[i].block
    ):
        return False
    if (m := SALUTATION.match(text)) is not None:
        # a rank opens a salutation alone ("General,", "My dear Colonel,"), not a heading
        # ("Colonel Sir H. Kestrel to Lord Arden.—(Received …")
        rank = re.fullmatch(r"(?i)general|colonel|captain|admiral", m.group().strip())
        return not rank or len(text.split()) <= 3
    return len(text.split()) <= 5 and bool(ENDEARMENT.search(text.rstrip(",:! ")))


def signs(value: str) -> bool:
    """A name that signs a letter: not "AN OLD SUBSCRIBER" or "An Open Letter" (an article
    starts no one's name), nor a line of capitals longer than a name ("TELL KING NANSEN FIRST
    THEN CHRONICLE")."""
    words = value.split()
    if re.match(r"(?i)^(?:an?|the)\s", value) or (value.isupper() and len(words) > 4):
        return False
    return looks_like_name(value)


def signature_after(lines: list[Line], i: int, limit: int) -> int | None:
    for j in (i + 1, i + 2):
        if j >= limit:
            break
        name = SIGNED_TITLE.sub("", SIGNED.sub("", lines[j].text)).rstrip(".,")
        if lines[j].block >= 0 and looks_like_name(name):
            return j
        if lines[j].block == lines[i].block:
            break  # more valediction lines follow first
    return None


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


def join_lines(text: str, lines: list[Line]) -> TextSpan | None:
    """The address: its lines (possibly in two places) as one span from first to last."""
    if not lines:
        return None
    lines = sorted(lines, key=lambda ln: ln.start)
    return cover(text, lines[0], lines[-1])


def blocks(text: str, lines: list[Line]) -> tuple[TextSpan, ...]:
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
