"""Names in the editor's narrative that leads into a letter ("… that he wrote to his mother,
Margaret Faraday, …:—", "To Mrs. Thrale he sent …") and in an auction's or a dealer's lot
("MONET, Claude (1840-1926). Autograph letter signed … to his wife Alice"), as offsets into
the string read."""

from __future__ import annotations

import re

from kgraph.text.dates import FoundDate, find_date
from kgraph.text.headings import KIN, NAME, clean_name
from kgraph.text.letter_lines import Line, span_line

# a few words with no sentence's end in them; the full stop of "Dr." or "J." is no end
_SHORT_RUN = r"(?:[^.:;]|(?<=\b(?:Dr|Mr|St|Jr|Sr))\.|(?<=\b(?:Mrs|Rev))\.|(?<=\b[A-Z])\.){0,40}?"


_PREPOSITION = r"(?:in|at|on|from|of|for|about|by|with|into|upon|after|before)"
# small words a sentence goes on in after the addressee's name
_GOES_ON = r"(?:in|at|from|on|who|the|as|and|about|with|that|whom|whose|when|while|after)"
_LEAD_IN = re.compile(
    rf"\b(?:wrote|writes|writing|written|sent|addressed|letter|mailed|posted|forwarded|"
    rf"despatched|dispatched)\b{_SHORT_RUN}\bto\s+"
    # "his old pupil and friend X", "her friend the landscape painter X": a few words that
    # say who the addressee was, none a preposition ("to his wife at Berlin" names no one)
    rf"(?:(?:his|her|their)\s+(?:(?!{_PREPOSITION}\b)[a-z][a-z-]*,?\s+){{0,5}}?)?"
    rf"(?:the\s+(?:[a-z][a-z-]+\s+){{1,3}})?"
    # the name ends where the sentence goes on in small words: "to Colonel Thompson as
    # hotly as ever"
    rf"(?P<r>(?:the\s+)?(?=[A-ZÀ-Þ]){NAME})(?=\s*[,;:.(]|\s+{_GOES_ON}\b|\s*$)",
)


# "Herbert L. Bridgman, secretary of the club, received to-day the following telegram from …"
_RECEIVED = re.compile(
    rf"(?P<r>{NAME})(?:,[^,.;:]{{1,60}},)?\s+(?:has\s+|had\s+)?received\b[^.;:]{{0,60}}?"
    r"\b(?:letter|telegram|cablegram|cable|message|despatch|dispatch|note)\s+from\b"
)
# "To Mrs. Thrale he sent an almost daily account of himself, …:—"
_TO_FRONTED = re.compile(rf"\bTo\s+(?P<r>{NAME})\s+(?:he|she)\s+(?:wrote|sent|addressed|writes)\b")


def lead_in_recipient(line: str) -> tuple[int, int] | None:
    """The addressee an editor's narrative names as it leads into the letter ("… that he
    wrote to his mother, Margaret Faraday, who …:—", "To Mrs. Thrale he sent …:")."""
    for m in [*_LEAD_IN.finditer(line), *_TO_FRONTED.finditer(line), *_RECEIVED.finditer(line)]:
        found = clean_name(line, *m.span("r"))
        if found is not None:
            return _without_home(line, found)
    return None


_TITLED = re.compile(
    r"(?i)(?:the\s+)?(?:dowager\s+)?(?:duke|duchess|earl|countess|count|lord|lady|marquis|"
    r"marquess|bishop|archbishop|prince|princess|king|queen|baron|dean)\b"
)


def _without_home(line: str, found: tuple[int, int]) -> tuple[int, int]:
    """A name without the town that follows it ("Wayman Crow of St. Louis"); a title's "of"
    stays ("the Duke of Wellington")."""
    name = line[found[0] : found[1]]
    cut = name.find(" of ")
    if cut < 0 or _TITLED.match(name) or len(name[:cut].split()) < 2:
        return found
    return found[0], found[0] + cut


# An auction's or a dealer's lot: "MONET, Claude (1840-1926). Autograph letter signed
# ('Claude') to his wife Alice at Giverny, …", "Autograph letter signed ("Claude Debussy") to
# his publisher Jacques Durand, 2 pages, …"
_LOT = re.compile(
    r"^(?:\([A-Z][A-Z .,'’-]{2,40}\)\s+|"  # the lot's subject: "(STEAM NAVIGATION.) …"
    r"\[[^\]]{2,120}\]\s+)?"  # or the dealer's: "[Jane Doe, engraver.] Autograph …"
    r"(?:(?P<s>[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+)*,\s+[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)"
    r"\s*(?:\([^)]{0,40}\))?(?:,\s+[a-z][^.]{0,40}|\.\s+[A-Z][a-z]+(?:\s[a-z]+){0,3})?\.\s+|"
    # "(1787-1865), shipowner.", "(1874-1934). Composer."
    r"(?P<s2>[A-Z][A-Z'’-]+)\s+\([A-Z][A-Z .'’-]+(?:,[^()]{0,100})?\)\.?\s+)?"  # "SWINBURNE
    # (ALGERNON CHARLES)", "KAUFFMAN (ANGELICA, 1741-1807, Swiss-born painter)"
    r"(?i:(?:autograph\s+|typed\s+)?letter\s+signed|a\.?\s?l\.?\s?s\.?|l\.?\s?s\.?)\s*"
    r"(?:\([\"“'‘](?P<q>[^\"”'’]{2,40})[\"”'’]\)|,\s*[\"“](?P<q2>[^\"”]{2,40}?),?[\"”])?"
    r"(?P<d>(?:[^.;]|(?<=\b[A-Z])\.){0,160}?)\b(?i:to)\s+"  # "…, on "U.S. Navy" letterhead, …, to"
    # "to his sister, Julia …", "to the architect Edwin …", "TO HIS PARTNER FREDERICK …"
    rf"(?i:(?:his|her|their)\s+{KIN}\s+|(?:his|her|the)\s+(?:[\w-]+\s+){{0,4}}?[a-z][\w-]*,?\s+)?"
    r"(?P<r>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|von|van|la|le|du))*)"
)  # "to the conductor Édouard Colonne": a name may open with an accented capital


def catalogue_lot(line: str) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """The writer (the lot's inverted name, or the signature it quotes) and the addressee
    of an auction's or a dealer's description of a letter; None for any other line."""
    m = _LOT.match(line)
    if m is None:
        return None
    quoted = "q" if m["q"] else "q2" if m["q2"] else None  # ("Claude") or , "Geo. Inness,"
    sender = (
        m.span("s") if m["s"] else m.span("s2") if m["s2"] else m.span(quoted) if quoted else None
    )
    if sender is not None and quoted and not (m["s"] or m["s2"]) and len(m[quoted].split()) < 2:
        sender = None  # ("Claude"): a first name alone is for the signature to resolve
    end = m.end("r")
    if (stop := re.search(r"(?<=[a-z]{2})\.\s", line[m.start("r") : end])) is not None:
        end = m.start("r") + stop.start() + 1  # "to David Blakely. Usual folds": the name ends
    if line[end - 1] == "." and not re.search(r"\b[A-Z]\.$", line[:end]):
        end -= 1  # "… to his sister, Julia Cody Goodman. 4 pages"
    return sender, (m.start("r"), end)


# what a lot's description says of the sheet, not where it was written: "4 pages", "8vo",
# "on the printed letterhead of …", "in German", "integral blank"
_SHEET = re.compile(
    r"(?i)\d|\b(?:pages?|pp|leaves|leaf|sheets?|8vo|4to|12mo|16mo|folio|card|envelope|integral|"
    r"blank|folds?|letterhead|signed|dated|written|on|in|with|old|small|ink|pencil)\b"
)


def lot_dateline(line: str) -> tuple[int, int] | None:
    """Where and when a lot's description says the letter was written, as one span ("…, 4
    pages, 8vo, Munstead Wood, Godalming, 2 November 1896, on …" gives "Godalming, 2
    November 1896"): after the addressee, the date and the part before it when that is no
    description of the sheet (the town, written last); None when the lot names no date."""
    found = catalogue_lot(line)
    if found is None:
        return None
    after = found[1][1]
    date = find_date(re.sub(r"[\[\]]", " ", line[after:]))  # "10 June [1875]"
    skip = 1  # the first part after the addressee ends the addressee's name
    m = _LOT.match(line)
    if date is None and m is not None and m["d"]:  # "…, letterhead, Washington, June 20,
        after, skip = m.start("d"), 0  # 1892, to David Blakely.": the date before "to"
        date = find_date(re.sub(r"[\[\]]", " ", m["d"]))
    return _sheet_date(line, after, skip, date)


def wrapped_lots(text: str, lines: list[Line]) -> list[Line]:
    """``lines`` with a lot's description printed over the lines of one block ("HOLST,
    Gustav (1874-1934). Composer. Autograph Letter Signed ("Gustav / Holst") to …") read as
    one line, so that its writer, addressee, place and date are read."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        first = lines[i]
        j = i
        while j + 1 < len(lines) and lines[j + 1].block == first.block >= 0:
            j += 1
        whole = Line(first.start, lines[j].end, text[first.start : lines[j].end], first.block)
        if (
            j > i
            and re.search(r"(?i)\bletter\s+signed\b", first.text)
            and catalogue_lot(first.text) is None
            and catalogue_lot(whole.text) is not None
        ):
            out.append(whole)  # the lot's description as one line
            i = j + 1
            continue
        out.append(first)
        i += 1
    return out


def lot_dated(heading: Line, lines: list[Line]) -> Line | None:
    """The place and date of a lot's description as a line of their own: on the lot's line,
    or on the line under it ("in English, 3 pages, 4to, …, Vienna, 17 May 1807, …")."""
    if (sold := lot_dateline(heading.text)) is not None:
        return span_line(heading, *sold)
    below = [x for x in lines if x.start > heading.end][:4]
    if catalogue_lot(heading.text) is None:
        return None
    for at, sheet in enumerate(below):  # the sheet's line, or one under a paragraph between
        found = sheet_dateline(sheet.text)
        if found is not None and (at == 0 or _FORMAT.search(sheet.text)):
            return span_line(sheet, *found)
    return None


# a lot's description of the sheets: "3 pages, 8vo", "2pp., 4to", "1 leaf"
_FORMAT = re.compile(
    r"(?i)\b\d+\s?(?:pages?|pp\.?|leaves|leaf|sheets?)\W+(?:\w+\W+)?(?:8vo|4to|12mo|16mo|folio)\b"
)


def sheet_dateline(line: str) -> tuple[int, int] | None:
    """Where and when the line under a lot's heading says the letter was written ("in
    English, 3 pages, 4to, …, Vienna, 17 May 1807, small tear …"); None for another line."""
    if not _SHEET.match(line) and not re.match(r"(?i)in\s+[a-z]+,", line):
        return None
    return _sheet_date(line, 0, 0, find_date(re.sub(r"[\[\]]", " ", line)))


def _sheet_date(line: str, after: int, skip: int, date: FoundDate | None) -> tuple[int, int] | None:
    """The date found after offset ``after`` of a lot's description with the town before it
    (the first ``skip`` parts passed over)."""
    if date is None or re.search(
        r"(?i)post-?mark(?:ed)?\W*(?:\w+\W+){0,2}$", line[after : after + date.start]
    ):
        return None  # "[envelope postmarked 14 May 1903]": the post's date, not the letter's
    start = after + date.start
    parts = line[after : after + date.start].rstrip(" ,").split(",")
    kept = [  # a quoted day ("'Mardi soir'") is passed over, an editor's "[London]" is not
        p
        for p in parts[skip:]
        if p.strip()
        and (p.strip()[0] not in "'‘\"“[" or re.fullmatch(r"\[[A-Z][^\]\d]+\]", p.strip()))
    ]
    part = kept[-1] if kept else ""
    if (town := re.search(r"\[[A-Z][^\]\d]+\]\s*$", part)) is not None:
        part = town.group()  # "Queen Ann Street West [London]": the town the editor gives
    if part.strip() and not _SHEET.search(part) and part.strip(" [")[:1].isupper():
        start = line.rfind(part.strip(), after, start)
    return start, after + date.end


# the receiver's docket on the letter: "(Endorsed by Mr. Ward: 'From Mr. J. Tolley, on the
# chapel. Rec'd June 2.')", "[Endorsed:] From Dr. Price, 1784"
_ENDORSED_FROM = re.compile(
    r"(?i:^[\[(]?\s*(?:endorsed|docketed)\b[^:\n]{0,40}:?\]?\s*[\"“'‘]?\s*from\s+)"
    rf"(?P<n>{NAME})(?=\s*[,;.:)\]\"”]|\s+(?i:on|about|concerning|respecting)\b)"
)


def endorsed_writer(line: str) -> tuple[int, int] | None:
    """The writer a receiver's endorsement names ("Endorsed: 'From Mr. J. Tolley, …'")."""
    m = _ENDORSED_FROM.match(line)
    return clean_name(line, *m.span("n")) if m is not None else None


# an editor's note on who wrote the letters to whom: "[Jane Doe addressed these letters to
# her mother, Ann Doe, at Keswick.]", "Mr. Hale wrote this letter to John Smith"
_NOTE_PARTIES = re.compile(
    rf"(?P<s>{NAME})\s+(?:addressed|wrote|sent)\s+(?:this|these|the\s+following)\s+letters?\s+"
    rf"to\s+(?:(?:his|her|their)\s+{KIN})?(?P<r>{NAME})(?=\s*[,;:.(]|\s+(?:in|at|who)\b)"
)


def note_parties(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The writer and the addressee an editor's note names ("X addressed these letters to her
    mother, Y"), as offsets into ``text``; None when no note says so."""
    for m in _NOTE_PARTIES.finditer(text):
        s, r = clean_name(text, *m.span("s")), clean_name(text, *m.span("r"))
        if s is not None and r is not None:
            return s, r
    return None
