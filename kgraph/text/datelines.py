"""A dateline read: its date and the place written before it ("Brighton, 14 May 1912",
"Ainola, Järvenpää d. 9 Febr. 1905.", "Victory, off Toulon, …"), or after it in the
editor's brackets ("3 November 1891. [Moscow]"); an editor's description, a page number, a
ship, a house and a postal district are passed over."""

from __future__ import annotations

import functools
import re

from kgraph.model import LetterDate, TextSpan
from kgraph.settings import data_dir, read_words
from kgraph.text.dates import FoundDate, find_date, unmark
from kgraph.text.letter_lines import Line, looks_like_name, span_in
from kgraph.text.line_patterns import (
    HOUSE,
    LOCATIVE,
    POSTAL_DISTRICT,
    SHIP,
    SHORT,
    WEEKDAY,
)


def parse_date(line: Line) -> tuple[LetterDate, TextSpan | None] | None:
    """The date of a dateline and the place written before it ("Brighton, 14 May 1912")."""
    # "12 [24] March": the New Style day in brackets, as "12 (24)"; then editors' brackets
    # as spaces: "April 14th [1860]"
    masked = re.sub(r"(?<=\d)(\s?)\[(\d{1,2})\]", r"\1(\2)", line.text)
    masked = unmark(masked)
    found = find_date(masked)
    if found is None or re.search(r"(?i)\bpost-?mark(?:ed)?\s*[:,]", masked[: found.start]):
        return None  # "… Staffordshire   Postmark: Ramsgate; OC 17 1845": the post's date
    if len(line.text) > SHORT and (
        len(line.text) > 2 * SHORT or found.end < len(masked.rstrip(" .")) or "," not in masked
    ):
        return None  # a long line is a dateline only when its address ends in the date
    return _dated(line, found)


def _dated(line: Line, found: FoundDate) -> tuple[LetterDate, TextSpan | None]:
    date = LetterDate(found.iso, found.precision, span_in(line, found.start, found.end))
    place = place_before(line, found.start)
    after = re.match(
        r"[.,]?\s*\[([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)\]\.?$", line.text[found.end :]
    )
    if place is None and after is not None:  # "3 November 1891. [Moscow]": the editor's place
        place = span_in(line, found.end + after.start(1), found.end + after.end(1))
    return date, place


def _mask_editorial(text: str) -> str:
    """A dateline with what is not the writer's blanked out, offsets kept: the page a
    transcription starts ("Page 1"), an editor's bracketed description ("[on black-bordered
    paper]") and the brackets of an editor's insertion ("[Tenafly]" is Tenafly); a wide gap
    parts the rest like a comma."""

    def blank(m: re.Match[str]) -> str:
        return " " * len(m[0])

    masked = re.sub(r"(?i)^(?:page|p\.|fol(?:io)?\.?|f\.)\s*\d+\w*\.?", blank, text)
    masked = re.sub(r"\[(?![A-Z0-9])[^\[\]]*\]", blank, masked)
    masked = unmark(masked)
    masked = re.sub(r"\b(St|Ste|Mt|Ft|Pt):(?=\s?[A-Z])", r"\1.", masked)  # "St: Petersbourg"
    return re.sub(r"(?<=\S)\s{3,}(?=\S)", lambda m: m[0][:-1] + ",", masked)


def place_before(line: Line, start: int) -> TextSpan | None:
    """The place written before a dateline's date ("Brighton, 14 May 1912")."""
    masked = _mask_editorial(line.text)
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
    named = [p for p in parts if any(c.isupper() for c in p.group())] or parts
    for k, part in enumerate(parts):
        if (
            k
            and re.fullmatch(r"\s*\d{1,4}[a-z]?\s*", parts[k - 1].group())
            and part is not parts[-1]
        ):
            continue  # "65, Cornhill, London, …": the street of the house's number, then the town
        value = re.sub(
            r"(?:^|\s+)(?:le|den|am|the|this|ce|d[.:]?|dnia|dne|y|e|a|el|il)\s*$",
            "",
            _within(line.text, part),
            flags=re.I,
        )
        value = value.strip(" .")
        # "Aux Délices", "Chez Madame Roland", "Bei Wien": where, not the place's name
        value = LOCATIVE.sub("", value)
        value = re.sub(r"\s+(?:bei|near|nr\.|prope|presso|près\s+de|i|in)\s+[A-Z].*$", "", value)
        # "Alcázar de Sevilla", "Camp de Philipsbourg": a house or camp of the town after it
        if part is named[-1]:  # not "Hôtel de Langeac, Paris": the town is named after it
            value = _OF_TOWN.sub("", value)
        value = POSTAL_DISTRICT.sub("", value)  # "Berlin N.", "London S.W."
        value = re.sub(r"\s*\([^)]*\)?$", "", value)  # "Luzancy (Seine-et-Marne)": its department
        if not value or WEEKDAY.match(value) or not looks_like_name(value):
            continue
        if value.split()[0].lower().strip(".") in _medium_words():
            continue  # "[Pencil; envelope postmarked …]": the sheet, not the place
        if re.fullmatch(r"[A-Z]{1,2}\.?\s?[A-Z]?\.?\s?\d{0,2}", value):
            continue  # a postal district: "E.C.", "W.C.1", "S.W."
        if re.search(r"--|—|\s(?:of|to|from|the|and)$|^(?:letter|copy|extract)\b", value, re.I):
            continue  # "(Letter of 24 April 1867, …)", "Lord Chief Justice Eyre.--Let"
        if (HOUSE.search(value) or SHIP.match(value)) and part is not parts[-1]:
            continue
        offset = part.start() + part.group().index(value)
        place = span_in(line, offset, with_district(line.text, offset, offset + len(value)))
        break
    return place


def _within(text: str, part: re.Match[str]) -> str:
    """The part of a dateline that names the place, brackets blanked: without a state after
    the town, and the editor's place for a camp ("Camp [Valley Forge]")."""
    raw = text[part.start() : part.end()]  # the brackets are blanked in ``part``
    kept = _editors_place(without_region(raw))
    at = raw.index(kept)
    return part.group()[at : at + len(kept)]


def _editors_place(value: str) -> str:
    """The place an editor's brackets give: "Camp [Valley Forge]" was at Valley Forge, but
    "Brookline [Mass.]" and "Monticello [Virginia]" are where the writer named."""
    m = re.fullmatch(r"\s*(?P<out>[^\[\]]*?)\s*\[(?P<in>[^\[\]]+)\]?[\s.]*", value)
    if m is None:
        return value
    if not m["out"].strip(" .,") or _GENERIC.fullmatch(m["out"].strip(" .,")):
        return m["in"]
    return m["out"]


# where an army or a writer lay, which the editor names in brackets after it
_GENERIC = re.compile(
    r"(?i)(?:camp|head-?\s?quarters|hd\.?\s?qrs|quarters|lines|cantonment|bivouac|"
    r"(?:camp|head-?\s?quarters)\s+(?:near|at|by)|near|at|in)"
)


def place_above(lines: list[Line], dateline: Line) -> TextSpan | None:
    """The place of a dateline set on two lines or more, the place above ending with a comma
    ("Government House, Pietermaritzburg, / Natal, November 30, 1878." has its own; "London,
    No. 9, Piccadilly, / April 16, 1792." gives London), or running on to a line in lower case
    ("Fort Mandan, 1609 miles above / the entrance of the Missouri. / March 31st. 1805.")."""
    at = next((i for i, x in enumerate(lines) if x is dateline), 0)
    above = at - 1
    while (
        above > 0 and lines[above].text[:1].islower() and lines[above - 1].block == dateline.block
    ):
        above -= 1  # "the entrance of the Missouri." runs on from the line above it
    if above < 0 or lines[above].block != dateline.block:
        return None
    line = lines[above]
    if not (line.text.endswith(",") or (above < at - 1 and lines[above + 1].text[:1].islower())):
        return None
    return place_before(line, len(line.text))


def parse_below(lines: list[Line], line: Line) -> tuple[LetterDate, TextSpan | None] | None:
    """The date of a dateline below the letter, with the place on the line above it when it
    has none of its own ("National Liberal Club, London, S.W., / March 2, 1895."), never a
    valediction ("Yours truly, / May 3, 1890")."""
    parsed = parse_date(line)
    if parsed is None or parsed[1] is not None:
        return parsed
    place = place_above(lines, line)
    if place is None or re.search(r"(?i)\b(?:yours?|ever|believe|remain|truly)\b", place.text):
        return parsed
    return parsed[0], place


# "Alcázar de Sevilla", "Camp de Philipsbourg", "Château de Coppet": the town after it
_OF_TOWN = re.compile(
    r"(?i)^(?:the\s+)?(?:camp|alc[aá]zar|ch[aâ]teau|castle|schloss|quartier\s+g[ée]n[ée]ral|"
    r"head-?quarters)\s+(?:de|of|di|du|von|d['’])\s*(?=[A-Z])"
)


@functools.cache
def _medium_words() -> frozenset[str]:
    """What an editor's note calls the document (``data/patterns/medium-words.txt``)."""
    return read_words(data_dir() / "patterns" / "medium-words.txt")


@functools.cache
def _region_after() -> re.Pattern[str]:
    """A state's or county's abbreviation after a town, with its full stop ("Sharpsburg Md.",
    "Concord Mass.", "Albany N. Y.") or, for those marked "*", without it ("Gettysburg Pa"),
    from ``data/patterns/region-abbreviations.txt``."""
    words = read_words(data_dir() / "patterns" / "region-abbreviations.txt", lower=False)
    forms = sorted((r"\.?\s?".join(w.rstrip("*").split()) for w in words), key=len, reverse=True)
    bare = sorted(
        (r"\.?\s?".join(w.rstrip("*").split()) for w in words if w.endswith("*")),
        key=len,
        reverse=True,
    )
    return re.compile(rf"(?<=[a-z])\s+(?:\[?(?:{'|'.join(forms)})\.\]?|(?:{'|'.join(bare)}))\s*$")


def without_region(value: str) -> str:
    """A place without the state or county abbreviated after it ("Sharpsburg Md." is
    Sharpsburg), or a land of ``region-names.txt`` written after it without a comma, as a
    telegram does ("HOBART TASMANIA 7 MARCH 1912"); ``value`` keeps its full stop."""
    value = _region_after().sub("", value)
    words = value.split()
    for size in (3, 2, 1) if value.isupper() else ():
        if (
            len(words) > size
            and " ".join(words[-size:]).lower() in _regions()
            and words[-size - 1].lower().strip(".") not in _NAME_HEADS  # not "FORT CUMBERLAND"
        ):
            return (
                value[: value.rstrip().rindex(words[-size])].rstrip() + value[len(value.rstrip()) :]
            )
    return value


# the District after Washington, part of the city's name: "Washington, D. C."
_DISTRICT = re.compile(r",?[ \t]*D\.[ \t]?C\.")


def with_district(text: str, start: int, end: int) -> int:
    """The end of the place ``text[start:end]`` with ", D.C." after it when it is Washington
    ("Washington, D. C., June 9, 1942" was written in the city, not the state)."""
    m = _DISTRICT.match(text, end)
    return m.end() if m is not None and text[start:end] == "Washington" else end


# the words that begin a place's name with a region's in it: "Port Victoria", "New Norfolk"
_NAME_HEADS = frozenset(
    {"fort", "port", "mount", "mt", "new", "lake", "cape", "point", "st", "saint", "upper"}
    | {"lower", "north", "south", "east", "west", "great", "little", "old", "camp"}
)


@functools.cache
def _regions() -> frozenset[str]:
    return read_words(data_dir() / "patterns" / "region-names.txt")


Dated = tuple[LetterDate, TextSpan | None]  # a dateline's date and the place written with it


def adds_place(found: Dated, date: Dated | None) -> bool:
    """``found`` is the date already read, with the place it lacked ("April 18, 1864" of a
    record's field, then "Philadelphia, April 18th 1864." of the letter)."""
    return (
        date is not None
        and found[0].iso == date[0].iso
        and date[1] is None
        and found[1] is not None
    )


def finer_in(heading: Line, date: Dated) -> Dated:
    """The heading's day for a date known only by its year ("Date: 1911 (postmarked)" in a
    record under "Postcard from X to Y, 14 June 1911"), the place kept; else ``date``."""
    found = find_date(unmark(heading.text))
    if date[0].precision != "year" or found is None or found.precision == "year":
        return date
    if found.iso[:4] != date[0].iso:
        return date
    return LetterDate(found.iso, found.precision, span_in(heading, found.start, found.end)), date[1]
