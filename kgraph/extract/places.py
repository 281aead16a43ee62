"""A place name qualified by another place that the authority file puts it outside of:
"London, Canada" is not London in the United Kingdom, "Paris, Texas" not Paris in France.

The authority entry's ``within`` chain says where a known place lies; when the letter writes
the name followed by a comma and a place the chain does not reach, that mention is not of
the known place: it becomes a mention of the qualified name ("London, Canada"), an entity of
its own that no link of the known place's reaches.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kgraph.extract.name_match import Lookup
from kgraph.knowledge.authority import normalise
from kgraph.model import EntityType, Letter, Mention
from kgraph.text.line_patterns import HOUSE

__all__ = ["COARSE", "address_runs_on", "quoted", "split_qualified_places"]

_QUALIFIER = re.compile(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
# an authority description of a land, not a town: what qualifies a town ("Paris, Texas") and
# what is too large to be a place of writing beside one ("Boer republic, …": the Transvaal)
COARSE = re.compile(
    r"(?i)^(?:\w+\s+)?(?:country|continent|region|state|county|province|colony|island|empire|"
    r"ocean|republic|kingdom|department|principality)\b"
)
# a list goes on after the second name: "Milwaukee, St. Louis, and the towns", "X, Y and Z"
LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\b|&|[A-Z][\w.'’-]*\s*(?:,|and\b))|and\b|&)")


def _chain(lookup: Lookup, entry_id: str) -> set[str]:
    seen: set[str] = set()
    entry = lookup.by_id.get(entry_id)
    while entry is not None and entry.within and entry.within not in seen:
        seen.add(entry.within)
        entry = lookup.by_id.get(entry.within)
    return seen


def split_qualified_places(
    text: str,
    groups: dict[str, list[Mention]],
    types: dict[str, EntityType],
    lookup: Lookup,
) -> None:
    """Move the mentions of a known place that the letter qualifies by a place outside it
    into a group of their own (in place)."""
    for key in [k for k in groups if k.startswith("auth:") and types[k] == "Place"]:
        inside = _chain(lookup, key[5:]) | {key[5:]}
        for m in list(groups[key]):
            found = _QUALIFIER.match(text, m.end)
            if found is None:
                continue
            places = [
                e for e in lookup.by_name.get(normalise(found.group(1)), ()) if e.type == "Place"
            ]
            if not places or any(p.id in inside for p in places):
                continue  # "Vienne, Isère" agrees with the chain, or the qualifier is unknown
            if not any(COARSE.match(p.description) for p in places):
                continue  # "Florence, Turin": two towns, not a town and its country
            if LIST_GOES_ON.match(text, found.end()):
                continue  # "Brazil, Jamaica, California, Japan, Borneo": a list
            groups[key].remove(m)
            whole = text[m.start : found.end()]  # "London, Canada": the name as qualified
            apart = f"Place:{normalise(whole)}"
            qualified = Mention(m.start, found.end(), whole, "Place", m.source, None, m.role)
            groups.setdefault(apart, []).append(qualified)
            types.setdefault(apart, "Place")
        if not groups[key]:
            del groups[key]
            del types[key]


_OPEN = "«\"“‘'"
_CLOSE = "»\"”’'"


def quoted(text: str, m: Mention) -> bool:
    """A name in quotation marks ("«Fram», Khabarova", '"Rosebank", Hampstead'): in a
    dateline or an address the name of a ship or a house, not the town it lies at."""
    if m.start == 0 or m.end >= len(text):
        return False
    return text[m.start - 1] in _OPEN and text[m.end] in _CLOSE


# the address's last part is a town's plain name: one or two words, no "St." or possessive
_TOWN = re.compile(r"(?!St\b|ST\b)[A-Z][\w-]+(?: [A-Z][\w-]+)?")
# the dateline's line after an address that ends in a comma, past a salutation set in the
# left column of the same line ("DEAR SIR,      Wessex, 4 May."): nothing else stands between
_RUN_ON = re.compile(r"[ \t]*\n(?:[^\n]*?\S[ \t]{2,})?[ \t]*")


def address_runs_on(letter: Letter, m: Mention, sense: Callable[[str], bool] | None = None) -> bool:
    """A dateline's place that continues the address above it ("Mill House, Easton, / Kent,
    4 May 1850"): the address's last line ends in a comma and the place opens the next line,
    so it is the region of the address's town, not the place of writing itself."""
    span = letter.address
    if span is None or m.role not in ("place", "dateline") or span.end > m.start:
        return False
    text = letter.source.text
    address = text[span.start : span.end].rstrip()
    town = address[:-1].rsplit(",", 1)[-1].strip(" \"”'’")
    town = re.sub(r"^(?:off|near|at)\s+", "", town)  # 'Steam-vessel "Albert," off Iddah,'"
    if not address.endswith(",") or not _TOWN.fullmatch(town) or HOUSE.search(town):
        return False  # "Hall, St. Anne's Walk, / Easton, 4 May": the town is below
    if sense is not None and not sense(town):
        return False  # "Senate Chamber, / Washington, 3d Feb.": no town above the dateline
    return _RUN_ON.fullmatch(text, span.end, m.start) is not None
