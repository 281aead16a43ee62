"""The lines of the ``letters`` stage: a letter's non-blank lines with offsets (a letter run
into one paragraph broken where its lines would be), and the readers of single parts: a
name, a salutation and its name, a signature under a valediction, a colophon's edition.
The patterns they use are in ``line_patterns``; datelines are read by ``datelines``.

``letters.parse_letter`` uses these to assemble a letter's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgraph.model import TextSpan
from kgraph.text.dates import find_date
from kgraph.text.editorial import OPENING_QUOTES, PIPE, strip_markers
from kgraph.text.flattened import flat_cuts
from kgraph.text.headings import given_names, kinship_words, parties
from kgraph.text.line_patterns import (
    ACCESS_NOTE,
    ENDEARMENT,
    GREETING,
    HONORIFIC,
    NOT_NAMES,
    RANK_GREETING,
    SALUTATION,
    SECTION,
    SEPARATOR,
    SHORT,
    SIGNED,
    TITLED_SALUTATION,
    without_rank,
)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    block: int

    def span(self) -> TextSpan:
        return TextSpan(self.start, self.end, self.text)


SIDENOTE = re.compile(r"(?i)^\[sidenote:[^\]]*\]$")  # the edition's gloss in the margin


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with offsets, stripped of surrounding space and Markdown markers; a
    separator or an edition's sidenote ("[Sidenote: The Infirmary.]") is a line of its own
    kind (block -1) between the letter's blocks."""
    lines: list[Line] = []
    block, pos = 0, 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip("#>*_ \t"))
        if re.match(r"^\s*\*+\s", body):  # "* A footnote" or a list item: keep the marker
            lead = len(body) - len(body.lstrip())
        trail = len(body) - len(body.rstrip("*_ \t"))
        inner = body[lead : len(body) - trail] if len(body) - trail > lead else ""
        if body.strip() and (SEPARATOR.match(body) or SIDENOTE.match(inner)):
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
    """Where a printed line holds a salutation (or a despatch's number) and, set apart by a
    wide gap, a dateline or address ("My Lord,                Boma, September 28, 1903."):
    the start of the dateline."""
    gaps = list(re.finditer(r"\S(\s{5,})(?=\S)", piece))
    if not gaps:
        return None
    cut = gaps[-1].end()
    left, right = piece[: gaps[-1].start() + 1], piece[cut:]
    if re.fullmatch(r"\(?No\.\s?\d+\.?\)?", left.strip()):
        return cut  # "(No. 19.)      Government House, Auckland,": a despatch's number
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
    elif len(cuts) == 2 and (flat := flat_cuts(inner)):
        cuts = [0, *(x for c in flat for x in (c, c)), len(inner)]
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        piece = inner[a:b]
        lead = len(piece) - len(piece.lstrip(OPENING_QUOTES + " \t"))
        if (typed := re.match(r"'[ \t]+(?=\S)", piece[lead:])) is not None:
            lead += typed.end()  # "' MY DEAR SIR, —": a scan's opening quotation mark
        piece = strip_markers(piece[lead:]).rstrip()
        if typed is not None:
            piece = re.sub(r"(?<=[.,!?])'$", "", piece)  # "' HUGH MILLER.'": and its close
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
    if re.search(r"\d|/|^[A-Z]{2,6}:[A-Za-z]{1,5}$", value):
        return False  # "WEBD/DR": a typist's reference, not a name
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) < max(1, len(words) - 1):
        return False
    # "Your friend" signs no name, but "L. Maria Child" does: a surname that is also a word
    # ("Child", "Little", "Best") after an initial or a given name
    return not NOT_NAMES.match(words[-1]) or (
        len(words) >= 2
        and all(w[0].isupper() for w in words)
        and any(re.fullmatch(r"[A-Z]\.", w) or w.lower() in given_names() for w in words[:-1])
    )


def span_in(line: Line, start: int, end: int) -> TextSpan:
    return TextSpan(line.start + start, line.start + end, line.text[start:end])


def span_line(line: Line, start: int, end: int) -> Line:
    """The part of ``line`` from ``start`` to ``end`` as a line of its own."""
    return Line(line.start + start, line.start + end, line.text[start:end], line.block)


def name_in_salutation(line: Line) -> TextSpan | None:
    """The name in "My dear Sir Roderick," or "Stella dearest," (None for "Dear Sir,")."""
    if re.match(r"(?i)^\[?(?:to\s+the\s+)?editor\b", line.text):
        return None  # "[Editor of The Tribune.]—": the paper's editor, whoever he was
    text = re.split(r"\s?[,:]\s*[—–-]|\s[—–-]\s", line.text)[0]
    m = SALUTATION.match(text)
    start = m.end() if m else 0
    end = len(text)
    if m is None and (e := ENDEARMENT.search(text)):
        end = e.start()
    words = list(re.finditer(r"[^\W\d_][\w'’.-]*", text[start:end]))
    while words and _greets_no_one(words[0].group()):
        words = words[1:]
    while words and _greets_no_one(words[-1].group()):
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
    if not looks_like_name(name) or re.fullmatch(r"(?:[A-Z]\.?\s*){1,3}", name):
        return None  # "My own C.,—": an initial alone names nobody the letter can resolve
    return span_in(line, first_start, first_start + len(name))


def _greets_no_one(word: str) -> bool:
    """A word of a salutation that names no one: "Sir", "Friend", a kinship ("Dear Mama")."""
    return bool(NOT_NAMES.match(word.rstrip("."))) or word.lower() in kinship_words()


def _addressed(lines: list[Line], i: int) -> bool:
    """The addressee's name with a colon under the dateline, in place of a salutation, as
    official and newspaper letters print it ("JAMES GORDON BENNETT, Jr., Esq.:")."""
    line = lines[i]
    m = re.match(
        r"^(?P<name>[^:]{4,60}?),?\s*(?:(?:jr|sr)\.?,?\s*)?(?:esq\.?|esquire)?:$", line.text, re.I
    )
    if m is None or i == 0 or SECTION.match(line.text):
        return False
    if not (re.search(r"(?i)\besq\b|\bjr\.", line.text) or m["name"].isupper()):
        return False  # "… Esq.:" or a name in capitals, as the paper set it
    prev = lines[i - 1].text
    name = m["name"].rstrip(" ,")
    return looks_like_name(name) and find_date(prev) is not None and len(prev) <= SHORT


def _inline(lines: list[Line], i: int) -> bool:
    """A salutation the letter runs on from, at the head of the first paragraph under a
    dateline, as translations and newspapers print it ("My dearest Clotilde, today …")."""
    line = lines[i]
    m = re.match(rf"^{GREETING}(?P<name>[^,:;.!?]{{0,30}}),\s+\S", line.text, re.I)
    if m is None or not line.text[0].isupper() or i == 0 or lines[i - 1].block == line.block:
        return False
    name = m["name"].strip()
    if name and not looks_like_name(name):
        return False
    return find_date(lines[i - 1].text) is not None and len(lines[i - 1].text) <= SHORT


# a friend greeted by name, the dash after the stop: "Friend Garrison,—", "Friend Douglass :—"
_FRIEND = re.compile(
    r"^(?i:(?:my\s+)?(?:dear\s+|esteemed\s+)?(?:friend|brother|sister|comrade|cousin))\s+"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s?[,:]\s*[—–-]"
)


def is_salutation(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if re.match(r"(?:Sir|SIR)\s+[A-Z]", text) and parties(text) is not None:
        return False  # "Sir H. Parkes to Earl Granville.—(Received March 14.)": a heading
    if re.match(rf"^{GREETING}[^,]*,\s*[—–-]", text, re.I):
        return True  # "Sir,—In your leading article…"
    if re.match(rf"^{GREETING}[^,:]{{0,30}}?\s?:\s*[—–-]", text, re.I) or _FRIEND.match(text):
        return True  # "Sir :—I have …", "Friend Douglass :—Since my last …"
    if TITLED_SALUTATION.match(text):
        return True  # "Mr. Blake,—": a name with its title, and the dash after the comma
    if re.match(r"(?i)^\[?(?:to\s+the\s+)?editor\s+of\s+[^\]]{3,40}?\.?\]?\s*[—–]", text):
        return True  # "[Editor of The Tribune.]—In your issue of Sunday …"
    if re.match(rf"^{GREETING}[^,:—–-]{{0,30}}?\s[—–-]\s+[A-Z]", text, re.I):
        return True  # "Dearest - Your letter came this morning"
    if re.match(rf"^{GREETING}[^,:]{{0,30}}:\s+[A-Z]", text, re.I):
        return True  # "GENERAL: Your letter of the 18th …", "Dear Sir: I have …"
    if _inline(lines, i) or _addressed(lines, i):
        return True  # "My dearest Clotilde, today at last your letter came"
    if (
        SALUTATION.match(text)
        and text.endswith(".")
        and len(text.split()) <= 3
        and i + 1 < len(lines)
        and lines[i + 1].block == lines[i].block
        and lines[i + 1].start == lines[i].end + 1  # cut from one printed line
    ):
        return True  # "Dearest Father. Your letter of May 3 came …" run into one paragraph
    if len(text) > SHORT or (
        not text.rstrip().endswith((",", ":", "!", "—"))
        and i + 1 < len(lines)
        and lines[i + 1].block == lines[i].block
    ):
        return False
    if (m := SALUTATION.match(text)) is not None:
        # a rank opens a salutation alone ("General,", "My dear Colonel,"), not a heading
        # ("Colonel Sir H. Kestrel to Lord Arden.—(Received …")
        rank = RANK_GREETING.fullmatch(m.group().strip())
        return not rank or len(text.split()) <= 3
    return len(text.split()) <= 5 and bool(ENDEARMENT.search(text.rstrip(",:! ")))


def signs(value: str) -> bool:
    """A name that signs a letter: not "AN OLD SUBSCRIBER" or "An Open Letter" (an article
    starts no one's name), nor a line of capitals longer than a name ("TELL KING NANSEN FIRST
    THEN CHRONICLE")."""
    words = value.split()
    if re.match(r"(?i)^(?:an?|the)\s", value) or (value.isupper() and len(words) > 4):
        return False
    if len(words) == 1 and value.strip(".,!").lower() in kinship_words():
        return False  # "Dad", "Mother": whose, the letter's heading or frame must say
    return looks_like_name(value)


def signature_after(lines: list[Line], i: int, limit: int) -> int | None:
    """The line of the name signed under the valediction on line ``i``: the next or the one
    after, or after the lines the valediction runs on to ("Your Majesty's most humble, most
    obedient, / and most faithful servant and subject, / TALLEYRAND.")."""
    for j in range(i + 1, min(i + 5, limit)):
        name = without_rank(SIGNED.sub("", lines[j].text)).rstrip(".,")
        # not "and Most Humble Servant," nor a headline's "doned Off …" (a name opens with a
        # capital or a particle: "de Staël")
        servant = re.match(r"(?i)(?:and\s|&).*\bserv", name) is not None
        lower = name[:1].islower() and not re.match(r"(?:de|van|von|du|da|di)\b|v\.|d['’]", name)
        if lines[j].block >= 0 and looks_like_name(name) and not servant and not lower:
            return j
        runs_on = lines[j].text.rstrip().endswith(",") and len(lines[j].text) <= SHORT
        if j > i + 1 and not runs_on:
            break
        if lines[j].block == lines[i].block and not runs_on:
            break  # more valediction lines follow first
    return None


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
