"""The editorial layer of a letter as editions print it: what the editor or the website put
into the text, found with offsets so that the stages after it neither take names from it
wrongly nor glue it onto names.

- **Footnote markers** glued to words, punctuation or brackets ("onslaught.2",
  "[1860]1", "this place.—3", "experiments.6 Lyell", "case?9", superscripts "word¹",
  "Lister[463]", "Fergusson*2").
- **Line breaks of the manuscript printed as " | "** ("Down | Beckenham | Kent.",
  "Yours ever | T. H. Huxley"), or as " / " by a transcription: each piece is a line of the
  letter.
- **Quotation marks that open every paragraph** of a letter quoted inside an editor's
  introduction (“Lugano, … / “Dear Friend,— … / “JOSEPH MAZZINI.).
- **Editorial insertions** in square brackets ("[1860]", "[Bruyas had written to him …]").
- **A printed italic's underscores** ("_To_ MRS. RUXTON.", "PARIS, _Dec. 3, 1802._"), as
  plain-text editions mark italics: ``plain_emphasis`` reads them as spaces.

Nothing here changes the text: the functions return offsets into it, or a copy of the same
length read in its place (``plain_emphasis``; ``restored`` gives the parts found in it the
source's own text back), so mentions keep their exact offsets into the text as read.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from kgraph.model import Source, TextSpan

__all__ = [
    "OPENING_QUOTES",
    "PIPE",
    "SLASH",
    "footnote_markers",
    "insertions",
    "plain_emphasis",
    "restored",
    "strip_markers",
]

_EMPHASIS = re.compile(r"(?<!\w)_+(?=\S)|(?<=\S)_+(?!\w)")


def plain_emphasis(text: str) -> str:
    """``text`` with the underscores of printed italics, a transcription's line numbers and
    an edition's bracketed paragraph numbers as spaces, same length (a ``snake_case`` word
    keeps its own)."""
    text = _without_line_numbers(text)
    if "_" not in text:
        return text
    return _EMPHASIS.sub(lambda m: " " * len(m.group()), text)


_LINE_NUMBER = re.compile(r"^\d{1,3}(?=[^\d.,:)\]/-]|$)", re.MULTILINE)
_LEAF = re.compile(r"^\[?\d{1,2}[rv]:\d{1,3}\]?(?=\s|$)", re.MULTILINE)
_PARAGRAPH_NUMBER = re.compile(r"^\[(?P<n>\d{1,3})\](?= [^\s\d])", re.MULTILINE)


def _without_line_numbers(text: str) -> str:
    """A transcription that numbers every line of the letter ("1Friday", "2", "3My dear
    Havelock"): the numbers as spaces. Only a run of at least six lines numbered one after
    the other counts; a dateline's "12 May" or a note's "3 Cf." is no such run. Paragraphs
    numbered "[1]", "[2]", "[3]" are an edition's too, unless the text refers to them (then
    they are footnotes), and so are numbers on every fifth line (``_every_fifth``)."""
    found = list(_LINE_NUMBER.finditer(text))
    runs: list[list[re.Match[str]]] = []
    for m in found:
        if runs and int(m.group()) == int(runs[-1][-1].group()) + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    numbers = [m for run in runs if len(run) >= 6 for m in run]
    numbers += _every_fifth(text, found)
    numbers += _LEAF.finditer(text)  # "1r:3": a leaf, its side and the line, however few
    paragraphs = list(_PARAGRAPH_NUMBER.finditer(text))
    first = int(paragraphs[0]["n"]) if paragraphs else 0
    if (
        len(paragraphs) >= 3
        and [int(m["n"]) for m in paragraphs] == list(range(first, first + len(paragraphs)))
        and not re.search(r"(?<!^)(?<!\n)\[\d{1,3}\]", text)  # no "[1]" in the text: no notes
    ):
        numbers += paragraphs  # "[1] My dear Friend – …", "[2] The Dutch …": an edition's
    if not numbers:
        return text
    chars = list(text)
    for m in numbers:
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def _every_fifth(text: str, found: list[re.Match[str]]) -> list[re.Match[str]]:
    """A critical edition's margin numbers on every fifth (or tenth) line ("5", "10", "15"):
    three or more multiples of the step, each exactly that many lines below the last."""
    kept: list[re.Match[str]] = []
    for step in (5, 10):
        run: list[re.Match[str]] = []
        for m in found:
            n = int(m.group())
            if (
                run
                and n == int(run[-1].group()) + step
                and text.count("\n", run[-1].start(), m.start()) == step
            ):
                run.append(m)
                continue
            if len(run) >= 3:
                kept += run
            run = [m] if n % step == 0 else []
        if len(run) >= 3:
            kept += run
    return kept


# A footnote number glued to what it annotates: after a letter ("Lyell2"), after sentence
# punctuation that follows a word ("letter.2", "case?9"), after a closing bracket or quote
# ("[1860]1", "said”3"), or after punctuation and a dash ("place.—3"). One or two digits,
# then a space, punctuation or the end of the line; or after a year and a colon or full stop
# that end the editor's sentence ("Jan. 10, 1839:1"). Never inside a number ("12.5.1871": the
# dot follows a digit) and never after a month's abbreviation ("Jan.3").
_MONTH_ABBR = (
    r"jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|nos|vol|p|pp|art|ch|chap|cap|"
    r"fig|st|n|nr|bd|tom|t"
)
_MARKER = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?’”'\")])|(?<=[\])])|(?<=[.,;:!?][—–])|(?<=\][.,;:])|"
    r"(?<=1[5-9]\d\d[:.]))"
    r"(?P<n>\d{1,2})(?=[\s.,;:!?)\]—–]|$)"
)
_SUPERSCRIPT = re.compile(r"(?<=\S)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# a note's number in brackets or after an asterisk, glued to a word ("Lister[463]",
# "Ney[2]", "Fergusson*2"; not the asterisk that closes an italic: "*Dial*")
_GLUED = re.compile(r"(?<=[^\W\d_])(?:\[\d{1,4}\]|\*\d{1,2})(?=[\s.,;:!?)\]—–]|$)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[.]?$")
PIPE = re.compile(r"[ \t]+\|[ \t]+")
# a transcription's line breaks shown as " / " ("Brooklyn, April 3rd, 1914 / Dr. W. E. B. Du
# Bois, / …"): read as line breaks when a printed line has four of them or more
SLASH = re.compile(r"[ \t]+/[ \t]+")
OPENING_QUOTES = '“"‘«„'
_BRACKETS = re.compile(r"\[[^\[\]\n]{1,400}\]")


def footnote_markers(text: str) -> list[tuple[int, int]]:
    """Offsets of the footnote markers glued to words, punctuation and brackets."""
    found: list[tuple[int, int]] = []
    for m in _MARKER.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        word = _WORD_BEFORE.search(before)
        if word and re.fullmatch(_MONTH_ABBR, word.group(1), re.IGNORECASE):
            continue  # "Jan.3", "No.2", "p.4"
        if word and word.group(1).isupper() and len(word.group(1)) <= 3 and before[-1:].isalpha():
            continue  # "CO2", "A4", "H2"
        found.append((m.start("n"), m.end("n")))
    found += [(m.start(), m.end()) for m in _SUPERSCRIPT.finditer(text)]
    found += [(m.start(), m.end()) for m in _GLUED.finditer(text)]
    return sorted(found)


def strip_markers(text: str) -> str:
    """``text`` cut before its trailing footnote marker ("May 8th [1860]1" → "May 8th
    [1860]"); always a prefix of ``text``, so offsets stay valid."""
    marks = footnote_markers(text)
    if marks and marks[-1][1] == len(text.rstrip(" .,;:")):
        return text[: marks[-1][0]]
    return text


def insertions(text: str) -> list[tuple[int, int]]:
    """Offsets of editorial insertions in square brackets, brackets included."""
    return [(m.start(), m.end()) for m in _BRACKETS.finditer(text)]


_T = TypeVar("_T")


def restored(value: _T, source: Source) -> _T:
    """``value`` with every span's text the source's own (read with its italics' marks as
    spaces, the parts' offsets are the source's)."""
    if isinstance(value, TextSpan):
        return TextSpan(value.start, value.end, source.text[value.start : value.end])  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(restored(v, source) for v in value)  # type: ignore[return-value]
    if isinstance(value, Source):
        return source  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: restored(getattr(value, f.name), source) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value
