"""The editor's frame around a letter as books and sites print it: the narrative that leads
into the letter ("… he wrote to his mother:—") and runs on after it, running heads and page
numbers left in a scanned page ("62   THE LIFE OF MICHAEL FARADAY.   [1814."), chapter and
letter numbers ("170.", "IV"), (the years it gives a dateline that lacks its own are
read by ``frame_years``).

``letters`` reads the heading, dateline and address only from the lines between the last
paragraph of narrative and the salutation; the frame before them is the introduction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgraph.text.dates import find_date
from kgraph.text.frame_years import partial_date
from kgraph.text.headings import parties
from kgraph.text.letter_lines import Line
from kgraph.text.line_patterns import SHORT

# a page's running head: a page number or a year in brackets at one end, wide gaps between
RUNNING_HEAD = re.compile(
    r"^(?:\d{1,4}\.?\]?\s{3,}(?![Tt][Oo]\s)\S.*|.*\S\s{3,}(?:\d{1,4}|\[\d{4}\.?|\d{4}\.?\]?))$"
)
# a scanned book's running head, its gaps lost: "302 JULIA WARD HOWE [1870",
# "AN APPEAL TO WOMANHOOD 303" (words in capitals, the page's number at one end)
SCANNED_HEAD = re.compile(  # (not "7 QUEEN STREET, PERTH,": an address)
    r"^(?!.*\b(?:STREET|ROAD|SQUARE|PLACE|TERRACE|LANE|ROW|GARDENS|AVENUE|HOUSE|HALL|"
    r"CHAMBERS|BUILDINGS|MANSIONS|COURT|CRESCENT|LODGE|COTTAGE|VILLAS|CLUB)\b)"
    r"(?:\d{1,3}\s+[A-Z][A-Z.'’&-]*(?:\s+[A-Z.'’&-]+)+(?:\s+\[\d{4}\.?\]?)?|"
    r"(?:\[?\d{4}\.?\]\s+)?[A-Z][A-Z.'’&-]*(?:\s+[A-Z.'’&-]+)+\s+\d{1,3})$"
)
NUMBER_ONLY = re.compile(
    r"^(?:\[?\s*\d{1,3}\s*\]?|\{\d{1,4}\}|[IVXLCDM]{1,7}|(?:no\.|letter|chapter)\s+[\divxlc]+|"
    r"letter\s+no\.?:?\s*[A-Z]{0,6}\d+)\.?$",  # "Letter No. RVW0417": a site's number
    re.I,
)


# a newspaper's running head between its page numbers ("121 THE CHICAGO DAILY TRIBUNE:
# TUESDAY, MAY 8, 1894. 7")
PAPER_HEAD = re.compile(
    r"^\d{1,4}\s+[A-Z][A-Z0-9 .,:;'’&-]{8,}\d{4}\.?\s+\d{1,4}$|"
    # a paper's masthead line: "THE DAILY HERALD: BOSTON, MONDAY, MAY 28, 1894."
    r"^THE\s+[A-Z][A-Z .'’&-]+[:,]\s+[A-Z][A-Z .,'’-]*"
    r"\b(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY,?\s+[A-Z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\.?$"
)


# a newspaper's page line: "PAGE SEVEN. THURSDAY, SEPTEMBER 9, 1909.", "Page 4"
PAGE_LINE = re.compile(
    r"(?i)^page\s+(?:\d{1,4}|[a-z]+)\b\.?(?:\s*$|[.,]\s+\S)|"
    r"^\[(?:page|p\.|folio|fol\.|f\.)\s*\d{1,4}[^\]]{0,40}\]$"  # "[Page 2]", "[Page 3 — blank]"
)


def is_page_furniture(line: Line) -> bool:
    """A running head, a page or letter number, a chapter number: not the letter's."""
    return bool(
        RUNNING_HEAD.match(line.text)
        or SCANNED_HEAD.match(line.text.strip())
        or PAGE_LINE.match(line.text)
        or NUMBER_ONLY.match(line.text.strip())
        or PAPER_HEAD.match(line.text)
    )


def is_long_heading(text: str) -> bool:
    """An editor's heading naming both parties, too long for a heading's usual length but
    no paragraph ("Letter from X to Y, 17 July 1892 [page 1 of 3]")."""
    return len(text) <= 2 * SHORT and parties(text) is not None


def prose_blocks(lines: Sequence[Line]) -> frozenset[int]:
    """The blocks that are running prose (an editor's narrative or note, or the letter's own
    paragraphs): a line longer than a heading's, or a wrapped paragraph of mostly lower-case
    words. An address or a dateline is neither."""
    by_block: dict[int, list[Line]] = {}
    for line in lines:
        if line.block >= 0:
            by_block.setdefault(line.block, []).append(line)
    found = set()
    for block, members in by_block.items():
        if len(members) == 1 and is_long_heading(members[0].text):
            continue
        words = " ".join(m.text for m in members).split()
        lower = sum(w[0].islower() for w in words)
        if any(len(m.text) > SHORT for m in members) or (
            len(members) >= 2 and len(words) >= 12 and lower >= 0.4 * len(words)
        ):
            found.add(block)
    return frozenset(found)


def prose_lines(lines: Sequence[Line]) -> frozenset[int]:
    """The indexes of the lines of running prose: a line longer than a heading's, or a line
    of a wrapped paragraph that reads as a sentence (a third of its words or more in lower
    case); a heading, a navigation line or a dateline set in the same block is not."""
    prose = prose_blocks(lines)
    found = set()
    for i, line in enumerate(lines):
        words = line.text.split()
        if len(line.text) > SHORT and line.block not in prose and is_long_heading(line.text):
            continue
        if len(line.text) > SHORT or (
            line.block in prose
            and len(words) >= 4
            and sum(w[0].islower() for w in words) * 3 >= len(words)
        ):
            found.add(i)
        elif (
            i - 1 in found
            and lines[i - 1].block == line.block
            and line.block in prose
            and (
                line.text[:1].islower()
                or line.text.endswith(("]", ")"))
                or re.search(r":\s*[—–-]*$", line.text) is not None  # "Weymouth Street:—"
            )
            and find_date(line.text) is None
        ):
            found.add(i)  # the short last line of a wrapped paragraph ("in England.]")
    return frozenset(found)


def frame_end(lines: Sequence[Line], head_end: int) -> int:
    """The index of the first line after the last line of prose that stands before the
    letter's salutation (``head_end``): where the letter's own heading lines start."""
    prose = prose_lines(lines[:head_end])
    return max(prose) + 1 if prose else 0


def letter_start(lines: Sequence[Line]) -> int:
    """Where a letter without a salutation starts: the first paragraph of prose right after
    a dateline with its day (a dateline may lack its year: "ESTES PARK, …, October 9."),
    else the first right after a line with a year ("TO HENRIETTA BIRD, 1873."), else the
    first paragraph of prose; 0 when there is none. An editor's narrative or a note
    bracketed as a whole may come before the letter and is never its start; a paragraph
    after one that ends with a colon is the letter it leads into."""
    prose = prose_blocks(lines)
    starts = [
        i
        for i, line in enumerate(lines)
        if line.block in prose and (i == 0 or lines[i - 1].block != line.block)
    ]
    notes = {i for i in starts if _bracketed(lines, i)}  # "[Miss Bird had reached …]"
    if len(notes) < len(starts):
        starts = [i for i in starts if i not in notes]
    best, found = 0, starts[0] if starts else 0
    for i in range(1, len(lines)):  # "… the following telegram from Commander Peary:"
        if lines[i].block == lines[i - 1].block or lines[i - 1].block not in prose:
            continue
        block = " ".join(x.text for x in lines[:i] if x.block == lines[i - 1].block)
        if re.search(r":\s*[—–-]*$", block) and _LEADS.search(block):
            return i  # leads into the letter, even under a newspaper's dated page head
    for i in starts:
        if i > 0 and lines[i - 1].block in prose and re.search(r":\s*[—–-]*$", lines[i - 1].text):
            return i  # "… On 22 August he wrote to Manson from Secunderabad:" leads into it
        if past_dateline(lines, i) > i and i > 0 and lines[i - 1].block not in prose:
            return i  # "Boston, December 3, 1870." over the letter's first words, no blank line
        between = [
            x
            for x in lines[:i]
            if x.block not in prose and x.block >= 0 and not is_page_furniture(x)
        ]
        before = max((j for j in starts if j < i), default=-1)
        own = [x for x in between if x.start > (lines[before].start if before >= 0 else -1)]
        dated = [find_date(x.text) for x in own]
        if any(d is not None and d.precision == "day" and d.iso < "2" for d in dated) or any(
            partial_date(x.text) is not None and d is None for x, d in zip(own, dated, strict=True)
        ):
            return i  # a dateline's day: "Camp on the Yellowstone, … / August 15, 1873."
        if best == 0 and any(re.search(r"\b1[5-9]\d\d\b", x.text) for x in own):
            best, found = 1, i  # a year: "TO HENRIETTA BIRD, 1873."
    return found


def past_dateline(lines: Sequence[Line], start: int) -> int:
    """The first line of a letter without a salutation after the dateline its paragraph
    opens with, set on short lines of their own ("Battle Harbor, Labrador, via Cape Ray, /
    Sept. 8. / Herbert L. Bridgman, Brooklyn, N. Y.: / Arrived …", a telegram printed in a
    paper): ``start`` when the paragraph opens with no date."""
    at, dated = start, None
    while at < len(lines) and at < start + 4 and lines[at].block == lines[start].block:
        line = lines[at]
        if len(line.text) > SHORT:
            break
        found = find_date(line.text) or partial_date(line.text)
        if found is not None and found.end >= len(line.text.rstrip(" .,")) - 1:
            dated = at  # a line that ends in its date: "Sept. 8.", "London, 4 May 1910."
        elif not (line.text.endswith(",") or (dated is not None and line.text.endswith(":"))):
            break
        at += 1
    return at if dated is not None else start


# what an editor's or a paper's paragraph says as it leads into the letter under it
_LEADS = re.compile(
    r"(?i)\b(?:following|this|subjoined|annexed)\s+(?:letter|telegram|despatch|dispatch|"
    r"cablegram|cable|message|note|epistle)\b|\bas\s+follows\b|\b(?:wrote|writes)\s+to\b"
)


def _bracketed(lines: Sequence[Line], i: int) -> bool:
    """The block starting at line ``i`` is an editor's note in square brackets."""
    block = " ".join(x.text for x in lines[i:] if x.block == lines[i].block).rstrip()
    depth = 0
    for at, char in enumerate(block):
        depth += (char == "[") - (char == "]")
        if depth == 0:  # the first bracket closes here: "[begin page 1] …" is no note
            return at == len(block) - 1 and at > 0
    return False
