"""The kin an editor's narrative names: "Gladstone wrote to his wife almost daily" over
"Mrs. Gladstone", and "his mother, Aimée" for a letter greeting "Dear Mama"."""

from __future__ import annotations

import functools
import re
import unicodedata

from kgraph.settings import data_dir, read_words
from kgraph.text.headings import NAME, clean_name, given_names, kinship_words

__all__ = ["kin_named", "wife_named"]

# "Gladstone wrote to his wife almost daily": the writer's surname, then "Mrs. Gladstone"
_TO_HIS_WIFE = re.compile(
    r"(?P<s>[A-Z][\w'’-]+)\s+(?:wrote|writes|had\s+written)\s+(?:[a-z]+\s+){0,2}?"
    r"to\s+his\s+wife\b"
)


def wife_named(lines: list[str]) -> tuple[int, int, int] | None:
    """The "Mrs. X" an editor's narrative names as the wife a writer X wrote to: the index
    of the line and the offsets in it; None when the narrative names no such pair."""
    found = next((m for line in lines if (m := _TO_HIS_WIFE.search(line))), None)
    if found is None:
        return None
    mrs = re.compile(rf"\bMrs\.?\s+{re.escape(found['s'])}\b")
    for at, line in enumerate(lines):
        if (m := mrs.search(line)) is not None:
            return at, m.start(), m.end()
    return None


def kin_named(line: str, salutation: str) -> tuple[int, int] | None:
    """The name an editor's text gives the kin a letter greets ("Dear Mother" under "… her
    letters went home to her mother, Ann Grey, at Keswick"; "Caro Padre" under "… he sent
    his father, Giuseppe, …"): None when the salutation (or a heading "To his wife")
    greets no kin or the text names none."""
    words = re.findall(r"[^\W\d_]+", salutation.lower())
    kin = next((w for w in reversed(words) if w in kinship_words() or w in _kin_forms()), None)
    if kin is None:
        return None
    forms = "|".join(sorted(_kin_forms().get(kin, frozenset()) | {kin}))
    for m in re.finditer(
        rf"(?i:\b(?:his|her|their|my)\s+(?:{forms})),?\s+(?P<r>{NAME})"
        r"(?=\s*[,;:.(]|\s+(?:in|at|from|who)\b)",
        line,
    ):
        found = clean_name(line, *m.span("r"))
        name = line[found[0] : found[1]].split() if found is not None else []
        if len(name) >= 2 or (name and _fold(name[0].lower()) in _folded_given()):
            return found  # "her mother, Ann Grey", "his brother Peter", "his mother, Aimée"
    return None


@functools.cache
def _kin_forms() -> dict[str, frozenset[str]]:
    """Each kin word with the others that name the same kin (``kin-forms.txt``)."""
    forms: dict[str, frozenset[str]] = {}
    for line in read_words(data_dir() / "patterns" / "kin-forms.txt"):
        group = frozenset(line.split())
        for word in group:
            forms[word] = forms.get(word, frozenset()) | group
    return forms


def _fold(word: str) -> str:
    """``word`` without its accents: "aimée" is the given name "aimee"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.cache
def _folded_given() -> frozenset[str]:
    return frozenset(_fold(n) for n in given_names())
