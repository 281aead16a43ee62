"""The place of writing among a letter's places: the place its dateline names, else the
first settlement of the writer's address, not a street, a house, a ship, or a county or
country when something smaller is named."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from kgraph.extract.name_match import Lookup
from kgraph.extract.places import COARSE, address_runs_on, quoted
from kgraph.knowledge.place_sense import PlaceSense
from kgraph.model import Entity, Letter
from kgraph.text.line_patterns import HOUSE, SHIP

__all__ = ["place_of_writing"]

# names of counties and the like in an address ("Argyllshire", "County Down")
REGION = re.compile(r"(?i)shire\b|\bcounty\b|\bco\.\s|\bprovince\b|\bdépartement\b")
STREET = re.compile(
    r"\b(?:street|road|row|square|lane|place|terrace|gardens|avenue|house|hall|hospital|"
    r"hotel|hôtel|court|park|strasse|straße|rue|via|quai|boulevard|river|grove|crescent|"
    r"parade|walk|mews|wharf|quay|station|buildings|chambers|yard|close|gate|circus|strand)\b"
    r"|\s(?:St|Ave|Rd|Sq|Pl|Blvd|Str)\.?$",  # "50 Chestnut St.": a street, not "St. Louis"
    re.I,
)

# a postal address's village "nr." a town: "Chapel Farm Cottage, Hermitage, nr. Newbury"
# (but "Camp on the Yellowstone, near Pompey's Pillar" is written at the place named)
# "Hermitage, nr. Newbury", "Ockham, near Ripley" (but "Camp on the Yellowstone, near X")
_NEAR_BEFORE = re.compile(r"\b[Nn]r\.?\s*$|(?:\n|,)[ \t]*[A-Z][\w'’-]+,\s+near\s*$")
_NEAR_AFTER = re.compile(r",?\s*(?:[Nn]r\.?|near)\s+[A-Z]")
_FIRM_AFTER = re.compile(
    r"(?i)[ \t]+(?:lines?|company|co\.|railway|railroad|steamship|steam\s+navigation|bank|"
    r"works|mills|brothers|bros\.?|&)(?:\W|$)"
)
# the rest of an editor's bracketed label: "[Recto, printed caption:]", "[Verso:]"
_LABEL = re.compile(r"[^\[\]\n]{0,40}:\s*\]")
# a capitalised word and a comma right before a name, on its line or the one above it:
# "Scarborough, Maine", "Peake Telegraph Station, / South Australia"
_UNKNOWN_BEFORE = re.compile(r"[A-Z][\w'’.-]+,[ \t]*(?:\n[ \t\"“‘']*)?$")
# a line that opens with a preposition is a phrase, not a place's name: "In Camp"
_OPENING = re.compile(r"(?:In|IN|At|AT|On|ON)\s")
# the next step of an address after a name: "Convent, | Baggot Street"
_NEXT_STEP = re.compile(r"[ \t]*,[ \t]*(?:\n[ \t]*)?([^,;|\n]+)")
# "39, Frognal" and "Boston, 50 Chestnut St.": the house's number before its street
_NUMBERED = re.compile(r"(?:^|\n|\||,)[ \t]*\d{1,4}[a-zA-Z]?,?[ \t]+$")


def place_of_writing(
    entities: list[Entity],
    lookup: Lookup,
    letter: Letter,
    settlements: Callable[[str], bool] | None = None,
    sense: PlaceSense | None = None,
    parties: Sequence[Entity] = (),
) -> str | None:
    """The place named in the dateline, else the first settlement of the writer's address:
    not a street, not a house standing on the street named after it ("Viola. Muswill Hill
    Row / London"), not a county or country when something smaller is named ("Down |
    Bromley | Kent", "Barnhill | Isle of Jura | Argyllshire"). Never a name that cannot be a
    place (``sense``: "Summary", "Transcription completed") or that names a party of the
    letter ("Howe" over a letter of Julia Ward Howe's)."""
    named = _party_names(parties)
    best: tuple[tuple[int, ...], str, bool] | None = None
    for e in entities:
        if e.type != "Place":
            continue
        for m in e.mentions:
            if m.role not in ("place", "dateline", "address") or "&" in m.text:
                continue  # "Shipping & Banking": a firm's trade, not a place
            if _FIRM_AFTER.match(letter.source.text, m.end):
                continue  # "United States Lines", "Hudson's Bay Company": a firm's name
            if re.match(r"(?:[Ff]rom|FROM|[Tt]o|TO)\s+[A-Z]", m.text):
                continue  # "From Varina Howell Davis   19 May 1862": a heading's writer
            if _LABEL.match(letter.source.text, m.end):
                continue  # "[Recto, printed caption:]": an editor's label, no place
            if _OPENING.match(m.text) or " ".join(m.text.split()).casefold() in named:
                continue  # "In Camp"; "Sullivan Ballou" over his own letter
            step = _NEXT_STEP.match(letter.source.text, m.end)
            if HOUSE.fullmatch(m.text.strip(" .")) and step and STREET.search(step.group(1)):
                continue  # "Convent, Baggot Street": a building's common noun, no name
            if sense is not None and sense.is_time(m.text):
                continue  # "St. Joseph's Day, March 19, 1938": the feast, not the place
            # "Summary", "Winter Quarters": a label or an office, no place
            doubtful = (
                sense is not None
                and not e.authority_id
                and not _dated(letter, m.end)
                and not sense(m.text)
            )
            entry = lookup.by_id.get(e.authority_id) if e.authority_id else None
            coarse = (
                (entry is not None and bool(COARSE.match(entry.description)))
                or bool(REGION.search(m.text))
                or (sense is not None and sense.is_region(m.text))  # "…, South Australia"
            )
            known = e.authority_id is not None or any(x.source == "kb" for x in e.mentions)
            text = letter.source.text
            line = max(text.rfind("\n", 0, m.start), 0)  # what precedes it on its line
            above = max(text.rfind("\n", 0, max(line - 1, 0)), 0)  # this line and the one above
            trailing = coarse and bool(_UNKNOWN_BEFORE.search(text, above, m.start))
            score = (
                int(not address_runs_on(letter, m, sense)),  # "Hall, Easton, / Kent, 4 May": Easton
                int(not trailing),  # "Peake Telegraph Station, / South Australia, 2nd October"
                int(not _NEAR_BEFORE.search(text, line, m.start)),  # "Hermitage, nr. Newbury"
                int(m.role in ("place", "dateline")),
                int(not quoted(letter.source.text, m)),  # "«Fram», Khabarova": the ship
                int(not coarse),  # "Camden | New Jersey | U. S. America": not the country
                int(known and m.role != "address"),  # "Ainola, Järvenpää": the town the KB knows
                int(m.role == "place"),
                # "39, Frognal, Hampstead": a name after the house's number is its street
                int(not STREET.search(m.text) and not _NUMBERED.search(text, line, m.start)),
                # "Casa Guidi, Florence", "Hotel Metropole", "BRIG ADVANCE, FISKERNAES"
                int(
                    bool(_NEAR_AFTER.match(text, m.end))  # "Hermitage, nr. Newbury": a village
                    or (not HOUSE.search(m.text) and not SHIP.match(m.text))
                ),
                # "Boston, 50 Chestnut St.": a town the KB knows before the house's number
                # (but "29, Delamere Terrace, / Westbourne Square": the numbered street)
                int(
                    not (house := _house(letter, m.end))
                    or (known and house == "number")
                    or bool(STREET.search(m.text) and _NUMBERED.search(text, line, m.start))
                ),
                -m.start,
            )
            doubtful = doubtful or trailing  # "Scarborough, Maine": a state after a town no one
            # knows is no place of writing
            if best is None or score > best[0]:
                best = (score, e.key, doubtful)
    if best is None:
        return None
    regions = sense.is_region if sense is not None else None
    key = _town_after(entities, best[1], letter, settlements, regions) if settlements else best[1]
    if best[2] and key == best[1]:
        return None  # the likeliest place is no place, and names no town under it
    return key


# what stands between two steps of an address: separators, on one line or the next
_STEP = re.compile(r"[\s,;|.\-–—]*")


def _town_after(
    entities: list[Entity],
    key: str,
    letter: Letter,
    settlements: Callable[[str], bool],
    regions: Callable[[str], bool] | None = None,
) -> str:
    """The town named right after the chosen place when that is no town the knowledge base
    knows and the next step of its address is ("High Elms, | Farnborough, | Kent",
    "The Golden Threshold, / Hyderabad", "BRITISH DELEGATION, / PARIS."), or the step after
    a quarter no one knows ("Crow's Nest, Breach Candy, Bombay."): a settlement is the place
    of writing, not the house, the office or the camp in it."""
    spots = sorted(
        (m.start, m.end, m.text, e.key)
        for e in entities
        if e.type == "Place"
        for m in e.mentions
        if m.role in ("place", "dateline", "address")
    )
    text = letter.source.text
    chain = False  # walking on from the chosen place: "Crow's Nest, Breach Candy, Bombay."
    for (_, end, name, owner), (start, stop, nxt, town) in pairwise(spots):
        if not chain and (owner != key or town == key):
            continue
        gap = text[end:start]
        if (not chain and settlements(name)) or "\n\n" in gap or not _STEP.fullmatch(gap):
            return key
        abbreviated = len(nxt) <= 4 and text[stop : stop + 1] == "."  # "Cal.", "Mass."
        region = bool(REGION.search(nxt)) or (regions is not None and regions(nxt))
        if settlements(nxt) and not region and not (chain and abbreviated):
            return town  # (not "Battle Harbor, Labrador": a land, some village's name too)
        if chain or region:
            return key  # two steps at most, and never past a county or a country
        chain = True
    return key


def _dated(letter: Letter, end: int) -> bool:
    """Whether the letter's date, to the month or the day, follows right after ``end`` on the
    same line: "Foreign Office, July 16, 1870." is a dateline whatever its words are (but not
    "[Summer 1861]")."""
    date = letter.date
    if date is None or date.precision == "year":
        return False
    return bool(re.fullmatch(r"[ \t,.;:|]*", letter.source.text[end : date.span.start]))


def _party_names(parties: Sequence[Entity]) -> frozenset[str]:
    """How the letter names its sender and recipient, and their surnames, case-folded."""
    names: set[str] = set()
    for e in parties:
        for form in (e.label, *e.alternate_names, *(m.text for m in e.mentions)):
            form = " ".join(form.split()).casefold()
            names.add(form)
        words = e.label.split()
        if len(words) > 1:
            names.add(words[-1].casefold())
    return frozenset(names)


def _house(letter: Letter, end: int) -> str | None:
    """What follows the address part ending at ``end`` within the address when that makes
    the part a house's name: a street ("street") or a house's number ("number")."""
    span = letter.address
    if span is None or not span.start <= end <= span.end:
        return None
    rest = letter.source.text[end : span.end]
    nxt = re.match(r"[\s.,;|]*([^,;|\n]*)", rest)
    part = nxt.group(1).strip() if nxt else ""
    if not part:
        return None
    return "number" if part[0].isdigit() else "street" if STREET.search(part) else None
