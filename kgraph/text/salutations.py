"""Salutations: whether a line of a letter greets its addressee ("My dear Sir,", "Sir,—In
your leading article …", "Friend Douglass :—", a bare "Dear Sir" under a dateline) and the
name it greets ("My dear Sir Roderick," names Sir Roderick; "Dear Mama" names no one).

``letters.parse_letter`` uses these to find where the letter itself begins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from kgraph.model import TextSpan
from kgraph.settings import data_dir, read_words
from kgraph.text.dates import find_date
from kgraph.text.frame_years import partial_date
from kgraph.text.headings import kinship_words, parties
from kgraph.text.lead_in import narrates
from kgraph.text.letter_lines import Line, blocks, looks_like_name, span_in
from kgraph.text.line_patterns import (
    ENDEARMENT,
    GREETING,
    HONORIFIC,
    NOT_NAMES,
    RANK_GREETING,
    SALUTATION,
    SECTION,
    SHORT,
    TITLED_SALUTATION,
)

__all__ = ["dateline_beside", "first_salutation", "is_salutation", "name_in_salutation"]


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
    """A word of a salutation that names no one: "Sir", "Friend", "Fellow-Citizen", a kinship
    ("Dear Mama")."""
    parts = word.rstrip(".").split("-")  # "Fellow-Citizen"
    return all(  # "Dear Sisters", "Dear Friends": the plural of a kinship names no one either
        bool(NOT_NAMES.match(p))
        or p.lower() in kinship_words()
        or p.lower()[:-1] in kinship_words()
        or p.lower() in _office_words()  # "My dear Inspector", "Citizen Consul"
        for p in parts
    )


@functools.lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    return read_words(data_dir() / "patterns" / "office-words.txt")


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


# what follows the town of a book's imprint on the line below it
_IMPRINT = re.compile(r"(?i)\s*(?:printed|published|sold|reprinted|issued)\s+(?:for|by|at)\b")


def is_salutation(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if text.rstrip().endswith(":") and i + 1 < len(lines) and _IMPRINT.match(lines[i + 1].text):
        return False  # "LONDON: / PRINTED FOR HER MAJESTY'S STATIONERY OFFICE.": an imprint
    if (
        re.match(r"(?i:sir|madame?|mme\.?|lady|lord|mrs?\.?|miss|monsieur)\s+[A-Z]", text)
        and not text.rstrip().endswith(",")
        and parties(text) is not None
    ):
        return False  # "Sir H. Parkes to Earl Granville.—(Received March 14.)", "MADAME
        # ROLAND TO BANCAL DES ISSARTS.": an editor's heading
    if re.match(rf"^{GREETING}[^,]*,\s*[—–-]", text, re.I):
        return True  # "Sir,—In your leading article…"
    if re.match(rf"^{GREETING}[^,:]{{0,30}}?\s?:\s*[—–-]", text, re.I) or _FRIEND.match(text):
        return True  # "Sir :—I have …", "Friend Douglass :—Since my last …"
    if TITLED_SALUTATION.match(text):
        return True  # "Mr. Blake,—": a name with its title, and the dash after the comma
    if re.match(r"(?i)^\[?(?:to\s+the\s+)?editor\s+of\s+[^\]]{3,40}?\.?\]?\s*[—–]", text):
        return True  # "[Editor of The Tribune.]—In your issue of Sunday …"
    if re.match(rf"^{GREETING}[^,:—–-]{{0,30}}?(?:\s[—–-]\s+|[—–]\s*)[A-Z]", text, re.I):
        return True  # "Dearest - Your letter came this morning", "Dear Sir—I have now …"
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
    # "My ever dear Sister M. Frances" over the letter, the dateline above it
    if (
        SALUTATION.match(text)
        and len(text.split()) <= 6
        and re.fullmatch(r"[\w .'’-]+", text)
        and parties(text) is None  # not "COLONEL LUGARD TO MR. CHAMBERLAIN"
    ):
        above = lines[i - 1].text if i > 0 else ""
        below = lines[i + 1].text if i + 1 < len(lines) else ""
        dated_below = find_date(below) is not None and len(below) <= SHORT
        if dated_below or (
            (find_date(above) is not None or partial_date(above) is not None)  # "Saturday 24 Aug."
            and len(above) <= SHORT
            and parties(above) is None  # not under "From X to Y, 22 February 1786"
        ):
            return True  # "Catskill Sepr 18th 1833 / Dear Sir / Your kind letter …": no stop,
            # or "Dear Sir / Washington April 4th. 1807. / I returned …": the dateline under it
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


def dateline_beside(text: str, greeting: Line, beside: Line) -> bool:
    """Whether the line after a salutation may be its dateline: on the same printed line ("My
    Lord,      Boma, September 28, 1903."), or a short line under a bare greeting ("Dear Sir
    / Washington April 4th. 1807. / I returned …")."""
    return "\n" not in text[greeting.end : beside.start] or (
        re.fullmatch(r"[\w .'’-]+", greeting.text) is not None and len(beside.text) <= SHORT
    )


def first_salutation(text: str, lines: list[Line], skip: Callable[[str], bool]) -> int | None:
    """The index of the letter's salutation among the first 40 lines (not one ``skip``
    refuses): the first, unless an editor's sentence leading into a letter ("… a letter
    addressed to himself by Mr. Baker:—") stands between it and a later one, which then
    opens the letter the narrative quotes ("SIR R. MURCHISON, PRESIDENT, in the Chair."
    above is a report's line)."""
    found = [
        i
        for i in range(min(len(lines), 40))
        if lines[i].block >= 0 and is_salutation(lines, i) and not skip(lines[i].text)
    ]
    if not found:
        return None
    for later in found[1:]:  # each paragraph whole: "… at his own / cost:—" is one sentence
        if any(narrates(p.text) for p in blocks(text, lines[found[0] + 1 : later])):
            return later
    return found[0]
