"""Name matching for the ``resolve`` stage: the normalised words of a personal name without
honorifics, whether an honorific marks a woman, the fullest of a thing's surface forms, and
the lookup of a mention in the authority file (by identifier, by normalised name, a person
by initials and surname, a misspelt title or place by similarity).

``resolve.resolve`` uses these to cluster a letter's mentions into entities.
"""

from __future__ import annotations

import difflib
import functools
import re

from kgraph.knowledge.authority import Authority, AuthorityEntry, normalise
from kgraph.knowledge.honorifics import TITLES
from kgraph.model import Mention
from kgraph.text.headings import given_names

HONORIFICS = TITLES | {"dear", "esq"}  # and the "Dear" of a salutation, "Esq." after a name
FEMALE = frozenset(
    [
        "mrs",
        "miss",
        "ms",
        "lady",
        "madame",
        "mme",
        "mlle",
        "frau",
        "signora",
        "countess",
        "princess",
        "baroness",
    ]
)
FUZZY_TYPES = frozenset({"Periodical", "Work", "Organization", "Event", "Place"})
FUZZY_MIN = 8
WORD_RATIO = 0.7  # each word of a misspelt name against the known name's word
TITLE_KINDS = {"Work": ("Work", "Periodical"), "Periodical": ("Periodical", "Work")}
FUZZY_RATIO = 0.88


def name_words(text: str) -> list[str]:
    return normalise(text).split()


def bare(text: str) -> list[str]:
    """Normalised words of a personal name without honorifics."""
    return [w for w in name_words(text) if w not in HONORIFICS]


@functools.cache
def _folded_given_names() -> frozenset[str]:
    return frozenset(normalise(n) for n in given_names())


def other_given_names(first: str, second: str) -> bool:
    """Two different given names ("John" and "Janet", of "John McCrae" and "Janet McCrae"):
    two people, though their initials agree; not a short form ("Fred", "Frederick"). The
    words are normalised as ``bare`` gives them ("kathe" for "Käthe")."""
    names = _folded_given_names()
    return (
        first in names
        and second in names
        and not (first.startswith(second) or second.startswith(first))
    )


_INVERTED = re.compile(
    r"^(?P<s>[A-Z][A-Z'’-]+),\s+(?P<g>[A-Z][a-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)$"
)


def _uninverted(form: str) -> str:
    """A catalogue's inverted name in natural order ("CUNARD, Samuel" is Samuel Cunard)."""
    m = _INVERTED.match(form)
    return f"{m['g']} {m['s'].capitalize()}" if m is not None else form


_INVERTED_ANY = re.compile(
    r"^(?P<s>[A-Z][\w'’-]+),\s+(?P<g>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})$"
)


def natural_order(form: str) -> str | None:
    """A person's name written surname first ("Gauss, Carl Friedrich", as a correspondence
    database heads a letter) in natural order; None for any other form."""
    m = _INVERTED_ANY.match(form)
    return f"{m['g']} {m['s']}" if m is not None and not form.isupper() else None


def fullest(forms: list[str]) -> str:
    """The fullest of a thing's surface forms: most name words, fewest initials and
    honorifics, not in capitals (a form in capitals is recased)."""

    def score(form: str) -> tuple[int, int, int, int, int, str]:
        words = bare(form)
        return (
            len(words),
            -sum(len(w) == 1 for w in words),
            -sum(w in HONORIFICS for w in name_words(form)),
            -int(form.isupper()),
            -int("," in form),  # "Carl Friedrich Gauss" before "Gauss, Carl Friedrich"
            form,
        )

    best = max((_uninverted(f) for f in forms), key=score)
    best = re.sub(r"\[([^\]]*)\]", r"\1", best)  # "Anna [Maria Calhoun] Clemson"
    if (
        best.isupper() and len(best) > 3
    ):  # "MILLICENT GARRETT FAWCETT" → "Millicent Garrett Fawcett"
        words = best.split()
        best = " ".join(
            w.lower()
            if 0 < i < len(words) - 1 and w.lower() in PARTICLES
            else _recased(w)
            if len(w) > 2
            else w
            for i, w in enumerate(words)
        )  # "GUSTAVE DE BEAUMONT" → "Gustave de Beaumont"
    return best


def _recased(word: str) -> str:
    """A word in capitals recased, each part of it after a hyphen, a stop or an apostrophe
    ("H.-R." stays, "O'BRIEN" is O'Brien, "SACKVILLE-WEST" is Sackville-West)."""
    word = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)
    return re.sub(r"(?<=[^\W\d_]{2})(['’])S\b", r"\1s", word)  # "BUTLER'S" is Butler's


# the particles inside a name that stay in lower case ("Gustave de Beaumont")
PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "du",
        "des",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "y",
        "of",
        "zu",
    }
)


_LEADING_TITLES = re.compile(
    r"^(?:(?:the\s+)?(?:(?:right\s+)?rev(?:erend|d)?\.?|mr|mrs|miss|ms|dr|madame|mme|mlle|"
    r"monsieur|herr|frau|professor|prof|col|colonel|gen|general|capt|captain|admiral|"
    r"lieut|major|don|doña|dona|señor|senor|señora|signor|signore|signora|herr|frau|"
    r"fräulein|monsieur|madame|mademoiselle|herrn|hrn|m(?=\.\s+[A-Z][a-z]))\.?\s+)+",
    re.IGNORECASE,
)


# a title before a name, not before "of" ("Earl of Clarendon" is named by the title)
_TITLE_WORD = re.compile(r"([^\W\d_]{2,})\.?\s+(?!(?i:of|de|di|von)\s)")
# titles kept with the name: "Lady Henry Somerset" is no Henry Somerset
_STYLED_BY = frozenset({"lady", "m"})


def without_title(form: str) -> str | None:
    """A person's name without the titles before it, when a given name and a surname remain
    ("Miss Joanna Baillie" is Joanna Baillie; "Mrs. Carlyle" stays as written): None
    otherwise."""
    m = _LEADING_TITLES.match(form)
    at = m.end() if m is not None else 0
    while (w := _TITLE_WORD.match(form, at)) and w[1].lower() in TITLES - _STYLED_BY:
        at = w.end()  # "ABBÉ H.-R. CASGRAIN", "Governor Arthur Phillip"
    if at == 0:
        return None
    rest = form[at:]
    words = rest.split()
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return None
    return rest


def is_female(mentions: list[Mention]) -> bool:
    """Whether any of ``mentions`` carries a woman's honorific ("Mrs.", "Mme", "Lady")."""
    return any(set(name_words(m.text)) & FEMALE for m in mentions)


class _Index:
    """The authority's names indexed for lookup: built once per authority, read only."""

    def __init__(self, authority: Authority) -> None:
        self.by_id = authority.by_id()
        self.by_name = authority.by_name()
        self.by_surname: dict[str, list[AuthorityEntry]] = {}
        self.fuzzy: dict[tuple[str, str], list[tuple[str, AuthorityEntry]]] = {}
        for entry in authority.entries:
            if entry.type in FUZZY_TYPES:
                for name in {normalise(n) for n in entry.names}:
                    if len(name) >= FUZZY_MIN:
                        self.fuzzy.setdefault((entry.type, name[0]), []).append((name, entry))
            if entry.type == "Person" and len(words := bare(entry.label)) > 1:
                self.by_surname.setdefault(words[-1], []).append(entry)


_INDEXES: dict[int, tuple[Authority, _Index]] = {}  # id → (the authority itself, its index)


def _index(authority: Authority) -> _Index:
    """The index of ``authority``, built on first use (rebuilding it for every letter cost
    more than all the other stages together)."""
    cached = _INDEXES.get(id(authority))
    if cached is not None and cached[0] is authority:
        return cached[1]
    if len(_INDEXES) >= 4:
        _INDEXES.clear()
    index = _Index(authority)
    _INDEXES[id(authority)] = (authority, index)
    return index


class Lookup:
    """Authority entries by normalised name, and people by surname for "C. Darwin"."""

    def __init__(self, authority: Authority, year: int | None = None) -> None:
        index = _index(authority)
        self.year = year
        self.by_id = index.by_id
        self.by_name = index.by_name
        self.by_surname = index.by_surname
        self.fuzzy = index.fuzzy

    def find(self, m: Mention) -> AuthorityEntry | None:
        entry = self._find(m)
        too_late = entry is not None and entry.start is not None and self.year is not None
        if too_late and entry.start > self.year:  # type: ignore[operator,union-attr]
            return None  # born, founded or written after the letter
        return entry

    def _find(self, m: Mention) -> AuthorityEntry | None:
        if m.authority_id and m.authority_id in self.by_id:
            return self.by_id[m.authority_id]
        entries = self.by_name.get(normalise(m.text), ())
        same_type = [e for e in entries if e.type == m.type]
        if len(same_type) == 1:
            return same_type[0]
        if len(entries) == 1 and m.source == "ner":
            return entries[0]
        if m.type == "Person":
            return self._by_initials(m.text)
        return self._close(m)

    def _close(self, m: Mention) -> AuthorityEntry | None:
        """A misspelt title or place ("Tempes Nouveau"): the one close authority name."""
        key = normalise(m.text)
        if m.type not in FUZZY_TYPES or len(key) < FUZZY_MIN:
            return None
        found = {
            entry.id: entry
            for kind in TITLE_KINDS.get(m.type, (m.type,))  # a title may be a book or a paper
            for name, entry in self.fuzzy.get((kind, key[0]), [])
            if abs(len(name) - len(key)) <= 3 and _close_enough(key, name)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _by_initials(self, text: str) -> AuthorityEntry | None:
        """ "C. Darwin", "Th: Jefferson", "Joseph Mazzini": the one known person with that
        surname whose first name starts the same way."""
        words = bare(text)
        if len(words) < 2:
            return None
        middle = {w[:4] for w in words[1:-1] if len(w) > 1}  # "John James Ruskin": "james"
        matches = [
            e
            for e in self.by_surname.get(words[-1], [])
            if any(
                bare(n)[0].startswith(words[0]) or words[0].startswith(bare(n)[0])
                for n in e.names
                if len(bare(n)) > 1
            )
            and middle <= {w[:4] for n in e.names for w in bare(n)}  # the father, not the son
        ]
        return matches[0] if len(matches) == 1 else None


def _close_enough(key: str, name: str) -> bool:
    """Whether difflib's similarity ratio of ``key`` and ``name`` reaches FUZZY_RATIO; its
    cheap upper bounds rule most names out first."""
    matcher = difflib.SequenceMatcher(None, key, name)
    if not (
        matcher.real_quick_ratio() >= FUZZY_RATIO
        and matcher.quick_ratio() >= FUZZY_RATIO
        and matcher.ratio() >= FUZZY_RATIO
    ):
        return False
    # a misspelling changes letters within words, not a whole word: "Tempes Nouveau" is
    # "Temps Nouveaux", but "Northern Union of …" is not "National Union of …"
    words, known = key.split(), name.split()
    return len(words) != len(known) or all(
        a == b or difflib.SequenceMatcher(None, a, b).ratio() >= WORD_RATIO
        for a, b in zip(words, known, strict=True)
    )
