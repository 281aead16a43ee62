"""The entity each argument of a sentence rule's candidate stands for (``relate``).

"I" forms stand for the sender, "you" forms for the recipient, "here" for the place of
writing, a name for its entity. "he", "she", "his" and "her" stand for the one person named
before them in their sentence or the sentence before, when only one is named there that the
pronoun may stand for ("Mr. Hale came on Monday. His house at Leeds is let": Hale lives in
Leeds). A title says which: "Mrs. Hale" is no "he", "Mr. Hale" no "she" (the ``male-titles``
and ``female-titles`` word sets of ``data/patterns/relations.jsonl``). With two people named
there, or none, the pronoun stands for no one. The other argument of the same relation is
not a candidate ("Mary, his wife": his is not Mary). "their", where a rule allows it, stands
for the two people named before it in its sentence, or else in the sentence before, when
exactly two are named there ("Tom Hale and Ann, with their son Ned": Ned is the child of both).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from pathlib import Path

from kgraph.extract.evidence import MentionIndex, sentence_span
from kgraph.model import Analysis, Entity, Letter, Relation, RelationCandidate, TextSpan

FIRST = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND = frozenset({"you", "your", "yours", "yourself", "thou", "thee", "thy", "thine"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
HERE = "here"
THEIR = "their"


@lru_cache(maxsize=8)
def _titles(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The titles of men and of women, lower case without a full stop."""
    from kgraph.knowledge.files import read_jsonl

    sets = {r["id"]: r["words"] for r in read_jsonl(path) if r.get("kind") == "set"}
    return frozenset(sets.get("male-titles", ())), frozenset(sets.get("female-titles", ()))


class Arguments:
    """Maps the argument spans of a letter's candidates to entity keys."""

    def __init__(
        self,
        letter: Letter,
        analysis: Analysis,
        entities: tuple[Entity, ...],
        parties: tuple[str | None, str | None, str | None],
        rules_file: Path,
    ) -> None:
        self.letter = letter
        self.index = MentionIndex(entities)
        self.sender, self.recipient, self.place = parties
        self.starts = [s.start for s in analysis.sentences]
        self.sentences = analysis.sentences
        self.people = sorted(
            (m.start, m.end, m.text, e.key)
            for e in entities
            if e.type == "Person"
            for m in e.mentions
        )
        self.male, self.female = _titles(rules_file)

    def relations(self, c: RelationCandidate) -> list[Relation]:
        """The relations candidate ``c`` states: one, or one per person "their" stands for."""
        if c.subject.text.lower() == THEIR or c.object.text.lower() == THEIR:
            return self._theirs(c)
        found = self.relation(c)
        return [found] if found is not None else []

    def _theirs(self, c: RelationCandidate) -> list[Relation]:
        their_is_subject = c.subject.text.lower() == THEIR
        span, other = (c.subject, c.object) if their_is_subject else (c.object, c.subject)
        named = self.entity(other, None)
        i = bisect.bisect_right(self.starts, span.start) - 1
        if named is None or i < 0:
            return []
        keys = self._named(self.sentences[i].start, span.start, named)
        if not keys and i > 0:  # "Ann married Tom Hale. Their son Ned is two."
            keys = self._named(self.sentences[i - 1].start, self.sentences[i].start, named)
        if len(keys) != 2:
            return []
        evidence = sentence_span(self.letter, c.sentence)
        pairs = [(k, named) if their_is_subject else (named, k) for k in sorted(keys)]
        return [Relation(s, c.predicate, o, evidence, c.confidence, c.rule) for s, o in pairs]

    def _named(self, start: int, end: int, other: str) -> set[str]:
        """The people other than ``other`` named between offsets ``start`` and ``end``."""
        lo = bisect.bisect_left(self.people, (start,))
        return {k for s, e, _, k in self.people[lo:] if e <= end and k != other}

    def relation(self, c: RelationCandidate) -> Relation | None:
        """The relation candidate ``c`` states, or None if an argument stands for no one."""
        subject = self.entity(c.subject, None)
        obj = self.entity(c.object, subject)
        if subject is None or subject == obj:  # "his wife, Mary": his is not Mary
            subject = self.entity(c.subject, obj)
        if subject is None or obj is None:
            return None
        evidence = sentence_span(self.letter, c.sentence)
        return Relation(subject, c.predicate, obj, evidence, c.confidence, c.rule)

    def entity(self, span: TextSpan, other: str | None) -> str | None:
        word = span.text.lower()
        if word in FIRST or word in SECOND:
            return self.sender if word in FIRST else self.recipient
        if word == HERE:  # "Mr. Lowe was here on Sunday": the place of writing
            return self.place
        if word in MALE or word in FEMALE:
            return self._antecedent(span, word in MALE, other)
        return self.index.entity_at(span)

    def _antecedent(self, span: TextSpan, male: bool, other: str | None) -> str | None:
        i = bisect.bisect_right(self.starts, span.start) - 1
        if i < 0:
            return None
        start = self.sentences[max(i - 1, 0)].start
        lo = bisect.bisect_left(self.people, (start,))
        keys = set()
        for m_start, m_end, text, key in self.people[lo:]:
            if m_end > span.start:
                break
            if key != other and m_start >= start and self._may_be(text, male):
                keys.add(key)
        return keys.pop() if len(keys) == 1 else None

    def _may_be(self, name: str, male: bool) -> bool:
        """Whether a pronoun of that gender may stand for ``name``: its title says no other."""
        first = name.split()[0].lower().rstrip(".") if name.split() else ""
        return first not in (self.female if male else self.male)
