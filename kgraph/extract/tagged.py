"""Names an editor tagged (TEI ``persName``, ``placeName``, ``orgName``, ``title``, ``rs``):
mentions with the editor's type and identifiers, which beat kgraph's own where they overlap,
and what the identifiers mean for resolving: two names with a common identifier are one
thing, two with only different identifiers are two.

An identifier is a Wikidata entity URI (linked as ``owl:sameAs wd:Q…``), the URI of a known
authority file (GND, VIAF, GeoNames, LC, BnF, NDL; written as ``schema:sameAs`` in its one
canonical form), or anything else (a project's own URI, ``#id``, ``key:`` + @key), which
only tells names apart and is not written out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kgraph.knowledge.authority import Authority, AuthorityEntry
from kgraph.knowledge.authority_ids import canonical_iri
from kgraph.model import Letter, Mention

WIKIDATA = re.compile(
    r"(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/|wd:)(?P<qid>Q[1-9][0-9]{0,11})/?",
    re.IGNORECASE,
)


def tagged_mentions(letter: Letter) -> list[Mention]:
    """The names the letter's markup tagged, as mentions (none for plain text)."""
    markup = letter.source.markup
    if markup is None:
        return []
    text = letter.source.text
    return [
        Mention(
            t.start, t.end, text[t.start : t.end], t.type, f"tei:{t.element}", None, t.role, t.refs
        )
        for t in markup.tagged
        if t.end > t.start
    ]


def is_tagged(mention: Mention) -> bool:
    return mention.source.startswith("tei:")


def wikidata_qid(ref: str) -> str | None:
    m = WIKIDATA.fullmatch(ref.strip())
    return m["qid"].upper() if m else None


def identity(ref: str) -> str:
    """One spelling per identifier: ``wd:Q…``, an authority's canonical IRI, else as given."""
    qid = wikidata_qid(ref)
    if qid is not None:
        return f"wd:{qid}"
    return canonical_iri(ref) or ref.strip()


def identities(mentions: Iterable[Mention]) -> set[str]:
    return {identity(r) for m in mentions for r in m.refs}


def refs_conflict(a: Iterable[Mention], b: Iterable[Mention]) -> bool:
    """Whether two groups of mentions carry identifiers, none in common (two things)."""
    left, right = identities(a), identities(b)
    return bool(left and right and not left & right)


def same_as(refs: Iterable[str]) -> tuple[str, ...]:
    """The canonical authority IRIs among ``refs`` (Wikidata and unknown URIs left out)."""
    return tuple(sorted({iri for r in refs if (iri := canonical_iri(r)) is not None}))


def qid_of(refs: Iterable[str]) -> str | None:
    """The Wikidata item ``refs`` name, when they name exactly one."""
    qids = {q for r in refs if (q := wikidata_qid(r)) is not None}
    return next(iter(qids)) if len(qids) == 1 else None


def ref_entry(refs: Iterable[str], authority: Authority) -> AuthorityEntry | None:
    """The authority file's entry whose Wikidata id the identifiers name, if any."""
    qid = qid_of(refs)
    if qid is None:
        return None
    matches = [e for e in authority.entries if e.wikidata == qid]
    return matches[0] if len(matches) == 1 else None


def merge_by_refs(groups: dict[str, list[Mention]], keys: list[str]) -> list[tuple[str, str]]:
    """Pairs (keep, drop) of groups that share an identifier, in the order to join them."""
    owner: dict[str, str] = {}
    into: dict[str, str] = {}

    def root(key: str) -> str:
        while key in into:
            key = into[key]
        return key

    joins: list[tuple[str, str]] = []
    for key in keys:
        for ident in sorted(identities(groups[key])):
            first, here = root(owner.setdefault(ident, key)), root(key)
            if first != here:
                joins.append((first, here))
                into[here] = first
    return joins


def entry_for(
    mention: Mention, found: AuthorityEntry | None, authority: Authority
) -> AuthorityEntry | None:
    """The authority entry of a tagged mention: the one its Wikidata identifier names, else
    the one found by name when it is of the editor's type and names no other item."""
    if not is_tagged(mention):
        return found
    by_ref = ref_entry(mention.refs, authority)
    if by_ref is not None:
        return by_ref
    qid = qid_of(mention.refs)
    if found is None or found.type != mention.type or (qid and found.wikidata != qid):
        return None
    return found


def ref_suffix(mention: Mention) -> str:
    """What keeps apart two same-named tagged things with different identifiers."""
    idents = sorted(identity(r) for r in mention.refs)
    return f"@{idents[0]}" if idents else ""
