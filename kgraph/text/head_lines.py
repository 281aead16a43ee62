"""What a line above a letter's salutation is, read one line at a time: a site's or an
edition's line (a box, a breadcrumb, a button, "Posted on …"), an editor's heading, a
calendar's entry, a newspaper's headline, an address in capitals, a "To X" line and the
addressee it names. ``letter_head`` reads the lines of a letter's head with them."""

from __future__ import annotations

import functools
import re

from kgraph.settings import data_dir, read_words
from kgraph.text.datelines import parse_date
from kgraph.text.dates import find_date
from kgraph.text.headings import NUMBER, addressee_name, is_title, parties, writer_year
from kgraph.text.lead_in_names import catalogue_lot
from kgraph.text.letter_lines import Line, looks_like_name
from kgraph.text.line_patterns import (
    ADDRESSEE,
    ENDORSED_TO,
    ESQUIRE,
    HEADING,
    HOUSE,
    PEER,
    SHORT,
    SIGNED,
    SOURCE_NOTE,
    TITLED_ADDRESSEE,
)
from kgraph.text.name_styles import STYLE_WORDS, TITLE_ONLY

# what only a website or a catalogue prints, whatever the length of the line
SITE_MATTER = re.compile(
    r"https?://|www\.|©|\bcite\s+as\b|\blast\s+(?:updated|edited|modified|revised)\b|"
    r"rights\s+reserved|\blicen[cs]ed?\b|creative\s+commons|permanent\s+url|\s>\s.*\s>\s|"
    r"\s[›»]\s.*\s[›»]\s|^[‹«←]|[›»→]\s*$|\bprevious\b.*\bnext\b|"
    r"^posted\s+(?:on|by|in)\b|^revision\s+as\s+of\b|\(talk\s*\|\s*contribs\)|\b\d+\s+comments?\b|\bleave\s+a\s+(?:comment|reply)\b|"
    r"^(?:article\s+image|bibliographic\s+details|word\s+count|permanent\s+link)\b|"
    r"\bview\s+the\s+full\s+page\b|\bautomatically\s+generated\b|\bOCR\s+text\b|"
    r"\b(?:sale|auction)\s+(?:no\.\s*)?\d+\b.*\blot\s+\d+|^lot\s+\d+\b|"  # a sale's line
    r"^(?:sale|auction)\s+(?:no\.\s*)?\d+\b|"
    r"^(?:sold|hammer\s+price|price\s+reali[sz]ed|realised)\b[^.]{0,20}[£$€]\s?\d|"  # "Sold for £9"
    # a paper's citation: "Otago Witness , Issue 6345, 20 July 1882, Page 3"
    r"\b(?:issue|vol(?:ume)?\.?)\s+\d+\b.*\bpage\s+\d+\b",
    re.IGNORECASE,
)


# a speaker in a trial's or a hearing's record: "Mr. Erskine.--I have no objection …"
SPEAKER = re.compile(r"^(?:[A-Z][\w'’]*\.?\s+){0,5}[A-Z][\w'’]+\.\s?(?:--|—)\s*[A-Z]")
# a transcription's label of a side of the sheet: "[address side]", "[message side:]"
SIDE_LABEL = re.compile(
    r"(?i)^\[\s*(?:address|message|picture|front|back|reverse|envelope|verso|recto|cover)"
    r"(?:\s+(?:side|leaf|panel))?\s*:?\s*\]:?$"
)
# a catalogue's parties with their life dates: "from Smith, John, 1801-1870 to Brown, Ann, …"
CATALOGUE_PARTIES = re.compile(
    r"\b1[5-9]\d\d\s?[-–]\s?1[5-9]\d\d\b.*\bto\b|^from\s.*\b1[5-9]\d\d\s?[-–]"
)


# a mark another hand put on the sheet, as a transcription labels it: "[Censor's stamp:]
# EXAMINED — NOV 8 1920", "[postmark:] …", "[docket:] …", "(Received at Cairo, …)", a
# telegram's "RECD NEW YORK STATION NOV 29 1929", a sidenote: not the writer's dateline
OTHER_HAND = re.compile(
    r"(?i)^\(?rec(?:eived|['’]?d)\b(?!\s+(?:your|yours|thy)\b)|^\[sidenote|"
    r"^\[\s*p\.\s?m\.?\s|^\[?\s*postmark(?:ed)?\b|"  # "[P.M. March 12, 1823.]": the post's
    r"\[[^\]]{0,30}\b(?:stamp|postmark|docket|endorsed|endorsement)\b[^\]]{0,20}\]"
)
# a paper's note of the paper it reprints the letter from: "(From the Times, October 30.)"
REPRINT = re.compile(
    r"(?i)^\(\s*(?:from|reprinted\s+from|copied\s+from)\s+(?:the\s+)?[A-Z][^)]*\)\.?$"
)

# an addressee line that is only a style, the name on the next line
# a cover's style on a line of its own, the addressee's name and address under it: "Herrn /
# Stefan Zweig / 11 Portland Place / London W 1"
COVER_STYLE = re.compile(rf"^(?i:{STYLE_WORDS}|mr\.?|mrs\.?|messrs\.?)\s*$")
# a cover's name and style alone on a line, the stop left out: "Mrs Reed / Thornby / …"
COVER_NAME = re.compile(r"^(?:Mrs|Mr|Miss|Messrs)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}$")
STYLE_ONLY = re.compile(
    r"(?i)^to\s+(?:the\s+)?(?:most|right|very)?\s*(?:honou?rable|hon\.|reverend|rev\.|"
    r"excellent|worshipful|noble)\s*$"
)


# a website's buttons and menus, each on a line of its own
SITE_BUTTON = re.compile(
    r"(?i)^(?:search|browse|menu|home|login|log\s+in|sign\s+in|contact|index|help|back|top|"
    r"print|share|download|skip\s+to|main\s+menu|about\s+(?:the|this|us)\b|"
    r"show\s+(?:less|more|all)|read\s+more|expand|collapse)(?:\s.{0,30})?$"
)


def addressee_of(line: str) -> tuple[int, int] | None:
    """The name of a "To X" line, or of a line naming the addressee with a rank or style
    ("Lieutenant-General U. S. GRANT, City Point, Virginia.")."""
    if (esquire := ESQUIRE.match(line)) is not None:
        return esquire.span("n")  # "Robert Napier Esq." over the address on the cover
    named = re.match(
        r"(?i)(?:(?:an?\s+)?letter\s+)?to\s+the\s+[^()]{3,60}\((?P<n>[^()]{3,60})\)", line
    )
    if named is not None and looks_like_name(named["n"]):
        return named.span("n")  # "To the President of Congress (Samuel Huntington)"
    to = re.match(
        r"(?i)to\s+(?:the\s+)?(?=(?:right\s+)?hon|most\s+hon|his\s+(?:excellency|honou?r|grace))",
        line,
    )
    skip = to.end() if to else 0  # "To the Right Hon. H. H. Asquith, M.P."
    for pattern in (TITLED_ADDRESSEE, ENDORSED_TO, PEER):
        if (titled := pattern.match(line[skip:])) is not None:
            begin = skip + titled.end()
            end = min(i for i in (line.find(",", begin), len(line)) if i >= 0)
            name = line[begin:end].rstrip(". ]")
            return (begin, begin + len(name)) if looks_like_name(name) else None
    found = addressee_name(line)
    if found is not None and TITLE_ONLY.match(line[found[0] : found[1]].rstrip(". ")):
        return None  # "A LETTER TO THE MAYOR.": an office names no one
    return found


def calendar_entry(line: str) -> bool:
    """A calendar's or index's entry for the letter, however long: both parties, then the
    date ("Thomas Gainsborough to William Jackson of Exeter, 29 August [1769?]; printed in
    …")."""
    if catalogue_lot(line) is not None:
        return True  # "MONET, Claude (1840-1926). Autograph letter signed … to …"
    found = parties(line)
    if found is None or found[0][0] != 0:
        return False
    date = find_date(unbracket(line))
    return date is not None and 0 <= date.start - found[1][1] <= 4


def is_headline(line: str) -> bool:
    """A newspaper's headline in capitals, of several words, with no comma or number of an
    address ("THE DOCKERS' THANKS TO THE COLONIES.")."""
    return (
        is_title(line)
        and len(line.split()) >= 3
        and not re.search(r"[,\d]", line)
        and not HOUSE.search(line)
        and not HEADING.match(line)
        and parties(line) is None
    )


def is_to_line(line: Line) -> bool:
    """A short "To Inessa Armand" or "Letter to V. I. Lenin" line: whom the letter went to,
    as a site titles it."""
    return (
        len(line.text) <= SHORT
        and re.match(r"(?i)(?:an?\s+)?(?:letter\s+)?to\s", line.text) is not None
        and addressee_of(line.text) is not None
        and find_date(line.text) is None
    )


def address_like(line: str) -> bool:
    """A line of an address in capitals, not a heading: a house number first ("14,
    NOTTINGHAM PLACE, W.,", "15 BUCCLEUCH PLACE, EDINBURGH,"), or parts that run on with
    commas."""
    if line.rstrip().endswith(",") and line.count(",") >= 3:
        return True  # "BRIG ADVANCE, FISKERNAES, GREENLAND,"
    return re.match(r"^\d+[a-z]?,?\s+[A-Z]", line) is not None and (
        HOUSE.search(line) is not None or line.rstrip().endswith(",")
    )


def heading_like(text: str, line: Line) -> bool:
    """An editor's heading: "HUXLEY TO TYNDALL, 1866.", "LETTER XII.", "To J. S. Henslow
    12 May [1860]", "FROM THOMAS JEFFERSON.", a title in capitals."""
    return bool(
        HEADING.match(line.text)
        or parties(line.text)
        or writer_year(line.text)
        or (is_title(line.text) and parse_date(line) is None and not address_like(line.text))
        or (ADDRESSEE.match(line.text) and find_date(unbracket(line.text)))
        or (NUMBER.match(line.text) and addressee_name(line.text) is not None)
    )


def unbracket(value: str) -> str:
    """Editors' brackets as spaces ("8 May [1860]" reads as "8 May  1860"), and the post's
    date blanked ("[envelope postmarked 14 May 1903]" gives no date of the letter)."""
    value = re.sub(
        r"(?i)(\bpost-?mark(?:ed|:))(\s+[^\]);]{0,30}?\d{4})",
        lambda m: m[1] + " " * len(m[2]),
        value,
    )
    return re.sub(r"[\[\]]", " ", value)


def is_edition_line(text: str, line: Line) -> bool:
    """A line only a website, a catalogue or a paper printed above the letter sets: a
    breadcrumb, a licence, a drawn box, a button, "(Signed) X." of the paper before, a
    documentary edition's source note."""
    return bool(
        SITE_MATTER.search(line.text)
        or SOURCE_NOTE.match(line.text)
        or record_label(line.text)
        or _boxed(text, line)
        or SIGNED.match(line.text)
        or SITE_BUTTON.match(line.text.strip(" ."))
        or len(_DOTTED.split(line.text)) >= 3  # "AMERICANA · Sale 2217 · Autographs · 14 March"
    )


# the items of a site's or a sale's header line, set apart by middle dots or bullets
_DOTTED = re.compile(r"[ \t]+[·•][ \t]+")


@functools.lru_cache(maxsize=1)
def _record_words() -> frozenset[str]:
    return read_words(data_dir() / "patterns" / "record-words.txt")


def record_label(line: str) -> bool:
    """A label of a catalogue's or a digital collection's record, made only of its words
    ("Text Item Type Metadata", "Summary", "Request a high resolution copy")."""
    words = re.findall(r"[^\W\d_]+", line.lower())
    if not words or len(words) > 6:
        return False
    small = {"a", "an", "the", "of", "and", "this", "for", "to", "in", "by"}
    return all(w in _record_words() or w in small for w in words) and any(
        w in _record_words() for w in words
    )


def _boxed(text: str, line: Line) -> bool:
    """The line is part of a box a website drew ("| Author | Alexander Hamilton |")."""
    raw = text[text.rfind("\n", 0, line.start) + 1 : line.start].lstrip()
    return (
        raw.startswith("|") or line.text.startswith(("|", "|-", "___")) or line.text.endswith("|")
    )


def whole_line(text: str, line: Line) -> bool:
    """The line is a printed line of its own, not a piece of one split at " | "."""
    before = text[text.rfind("\n", 0, line.start) + 1 : line.start]
    after_end = text.find("\n", line.end)
    after = text[line.end : after_end if after_end >= 0 else len(text)]
    return "|" not in before and "|" not in after


def after_edition(address: list[Line], edition: list[Line]) -> list[Line]:
    """The address lines after the last line of a site's or catalogue's record that stands
    among them ("Date(s): [n.d.]" / "Repository: …" / "OXFORD."): one address is not
    interrupted by a record."""
    if not address:
        return address
    first, last = min(x.start for x in address), max(x.start for x in address)
    inside = [x.start for x in edition if first < x.start < last]
    return [x for x in address if x.start > max(inside)] if inside else address


_RUNS_ON = re.compile(r"(?i)(?:\b(?:right\s+)?hon\.|\bthe|\bto|\bfrom)$")  # a broken heading


def run_on(text: str, heading: Line, lines: list[Line], address: list[Line]) -> Line:
    """A heading broken after its rank or its "to" with the line under it ("COPY of a
    DESPATCH from Governor EYRE to the Right Hon. / EDWARD CARDWELL, M.P.")."""
    if not _RUNS_ON.search(heading.text):
        return heading
    nxt = next((x for x in lines if x.start > heading.end), None)
    if nxt is None or nxt.block != heading.block:
        return heading
    if nxt in address:
        address.remove(nxt)
    return Line(heading.start, nxt.end, text[heading.start : nxt.end], heading.block)
