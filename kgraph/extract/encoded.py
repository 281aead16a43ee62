"""What an edition encoded (TEI ``correspDesc``) wins over what kgraph would guess: the
sender, recipient and place of writing are the entities it names, found in the letter by a
shared identifier or name, else added as entities of their own (named, but not in the text,
so without mentions); the editor's form of a name becomes its label. Wikidata identifiers
an editor gave become links (method ``tei-ref``, confidence 1.0)."""

from __future__ import annotations

from dataclasses import replace

from kgraph.extract.resolve import Resolution
from kgraph.extract.tagged import identities, identity, qid_of, ref_entry, same_as
from kgraph.knowledge.authority import Authority, normalise
from kgraph.model import EncodedParty, Entity, Letter, Link

METHOD = "tei-ref"


def honour_encoded(
    letter: Letter, res: Resolution, authority: Authority
) -> tuple[Resolution, tuple[Link, ...]]:
    """``res`` with the encoded sender, recipient and place, and the links the letter's
    identifiers give (for entities named in the text and in the header)."""
    markup = letter.source.markup
    encoded = markup.encoded if markup is not None else None
    entities = list(res.entities)
    refs: dict[str, list[str]] = {e.key: [r for m in e.mentions for r in m.refs] for e in entities}
    chosen = {"sender": res.sender, "recipient": res.recipient, "place": res.place}
    if encoded is not None:
        for role, party in (
            ("sender", encoded.senders[0] if encoded.senders else None),
            ("recipient", encoded.recipients[0] if encoded.recipients else None),
            ("place", encoded.place),
        ):
            if party is not None:
                chosen[role] = _party(party, entities, refs, authority)
    links = tuple(
        Link(key, qid, 1.0, (), METHOD)
        for key, found in refs.items()
        if (qid := qid_of(found)) is not None
    )
    resolved = Resolution(tuple(entities), chosen["sender"], chosen["recipient"], chosen["place"])
    return resolved, links


def _party(
    party: EncodedParty,
    entities: list[Entity],
    refs: dict[str, list[str]],
    authority: Authority,
) -> str:
    """The key of the entity ``party`` is: found (by identifier, else by name) or added."""
    wanted = {identity(r) for r in party.refs}
    entry = ref_entry(party.refs, authority)
    name = normalise(party.name)
    found = next(
        (e for e in entities if wanted and wanted & {identity(r) for r in refs[e.key]}), None
    )
    if found is None and entry is not None:
        found = next((e for e in entities if e.authority_id == entry.id), None)
    if found is None:
        found = next(
            (
                e
                for e in entities
                if e.type == party.type
                and name in {normalise(n) for n in (e.label, *e.alternate_names)}
                and not _conflict(wanted, identities(e.mentions))
            ),
            None,
        )
    if found is None:
        key = f"auth:{entry.id}" if entry else f"{party.type}:{name}"
        while any(e.key == key for e in entities):
            key += "+"
        found = Entity(
            key=key,
            type=entry.type if entry else party.type,
            label=entry.label if entry else party.name,
            alternate_names=(party.name,) if entry and entry.label != party.name else (),
            mentions=(),
            authority_id=entry.id if entry else None,
        )
        entities.append(found)
        refs[key] = []
    refs[found.key].extend(party.refs)
    index = entities.index(found)
    label, alternates = found.label, set(found.alternate_names)
    if found.authority_id is None and party.name != label:  # the editor's form of the name
        alternates.add(label)
        alternates.discard(party.name)
        label = party.name
    entities[index] = replace(
        found,
        label=label,
        alternate_names=tuple(sorted(alternates)),
        same_as=tuple(sorted(set(found.same_as) | set(same_as(party.refs)))),
    )
    return found.key


def _conflict(wanted: set[str], have: set[str]) -> bool:
    return bool(wanted and have and not wanted & have)
