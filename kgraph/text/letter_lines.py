"""The lines of the ``letters`` stage: a letter's non-blank lines with offsets (a letter run
into one paragraph broken where its lines would be), and the readers of single parts: a
name, a salutation and its name, a signature under a valediction, a colophon's edition.
The patterns they use are in ``line_patterns``; datelines are read by ``datelines``.

``letters.parse_letter`` uses these to assemble a letter's structure.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kgraph.model import TextSpan
from kgraph.settings import data_dir, read_words
from kgraph.text.dates import find_date
from kgraph.text.editorial import OPENING_QUOTES, PIPE, SLASH, strip_markers
from kgraph.text.flattened import flat_cuts
from kgraph.text.headings import given_names, kinship_words
from kgraph.text.line_patterns import (
    ACCESS_NOTE,
    NOT_NAMES,
    SALUTATION,
    SEPARATOR,
    SHORT,
    SIGNED,
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


_SALE = re.compile(r"\b(?:Sale|SALE)\s+[A-Z]{0,3}\d{3,}\b")  # an auction's sale number
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
        return _comma_cut(piece)
    cut = gaps[-1].end()
    left, right = piece[: gaps[-1].start() + 1], piece[cut:]
    if re.fullmatch(r"\(?No\.\s?\d+\.?\)?", left.strip()) or _MARKED.fullmatch(left.strip()):
        return cut  # "(No. 19.)      Government House, Auckland,": a despatch's number
    found = find_date(right)
    if found is None or found.precision == "year" or find_date(left) is not None:
        return None
    bare = left.strip().strip("[]")
    if SALUTATION.match(bare) or ACCESS_NOTE.match(bare):
        return cut
    to_line = re.match(r"(?i)(?:\d{1,4}\.?\s+)?to\s+[^\W\d_]", bare)
    if found.precision == "day" and to_line and len(bare) <= SHORT:
        return cut  # "To LORD SHREWSBURY          Ramsgate, Friday, 17 October 1845"
    return None  # a newspaper's masthead and its date are one running head


# a blue book's note of what is printed: "(Extract.)      Cairo, April 3, 1886."
_MARKED = re.compile(
    r"[(\[](?i:extract|copy|translation|confidential|private|secret|telegraphic)\.?[)\]]"
)

# a place of capitalised words before a dateline's date: "Zanzibar, ", "Government House, "
_DATELINE_PLACE = re.compile(
    r"[A-Z][\w'’.-]*(?:[ ,]+(?:[A-Z][\w'’.-]*|de|di|du|le|la|am|an))*"
    r"[ ,]*"
)


def _comma_cut(piece: str) -> int | None:
    """Where a printed line holds a bare greeting and, after its comma, the dateline ("My
    Lord, Zanzibar, June 6, 1873."): the start of the dateline; None for any other line."""
    m = re.match(r"([^,]{2,30}),[ \t]+(?=[A-Z])", piece)
    if m is None or not SALUTATION.match(m[1]) or len(m[1].split()) > 3:
        return None
    right = piece[m.end() :]
    found = find_date(right)
    if found is None or found.precision not in ("day", "month") or right[found.end :].strip(" .)"):
        return None  # the date must end the line: "Sir, Your letter of June 6 …" is prose
    before = right[: found.start]
    return m.end() if not before or _DATELINE_PLACE.fullmatch(before) else None


def _pieces(start: int, inner: str, block: int) -> list[Line]:
    """One printed line as lines of the letter: split at " | " (the manuscript's line
    breaks), without an opening quotation mark of a quoted letter or a trailing footnote
    marker."""
    found: list[Line] = []
    breaks = PIPE if PIPE.search(inner) or len(SLASH.findall(inner)) < 4 else SLASH
    cuts = [0, *(x for m in breaks.finditer(inner) for x in (m.start(), m.end())), len(inner)]
    if _SALE.search(inner):
        cuts = [0, len(inner)]  # "London | 6 December 2006 | Sale L06412": one line, the sale's
    items = [inner[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    if is_navigation(items):
        return []  # "Collections Online | Search | Visit | Support": the site's, not the letter's
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
        if lead:  # "' HUGH MILLER.'", "“ J. Smith, Esq., Bath.”": the quoted letter's close
            piece = re.sub(r"(?<=[.,!?])[\"”’']$", "", piece)
        if piece.strip():
            found.append(Line(start + a + lead, start + a + lead + len(piece), piece, block))
    return found


@functools.cache
def _navigation_words() -> frozenset[str]:
    return read_words(data_dir() / "patterns" / "site-navigation-words.txt")


def is_navigation(items: list[str]) -> bool:
    """A website's navigation bar: three items or more, two of them the items of such a bar
    (``data/patterns/site-navigation-words.txt``), or links to the letters before and after
    ("Related letters: ← Wien to Planck, 27 Oct. 1911 | → Planck to Wien, 2 Jan. 1912")."""
    if any(re.search(r"(?:^|:)\s*[←→]\s*\w", x) for x in items):  # not "X, A → Y, B"
        return True
    known = sum(" ".join(x.lower().split()).strip(" .") in _navigation_words() for x in items)
    return len(items) >= 3 and known >= 2


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
