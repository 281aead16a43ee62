"""The writer of a letter a biography quotes when its narrative names him only by a pronoun
("… and writing from Paris on the 6th he says:—"): the person the biography is about, as its
running head names him, above or below the letter ("44   WILLIAM MAKEPEACE THACKERAY.
[1833", "208   LIFE OF JANE DOE.   [CHAP. XXV."), or the person the
narrative's paragraph is about ("Millet had sent two pictures to the Salon … He wrote to
Sensier:—"). Only a lead-in that ends with a colon and speaks of "he" or "she" writing is
read so."""

from __future__ import annotations

import re

from kgraph.model import TextSpan
from kgraph.text.letter_lines import Line, looks_like_name

# the lead-in's last sentence: "… he wrote to Sensier:--", "… she says:—"
_PRONOUN_WRITES = re.compile(
    r"\b(?:[Hh]e|[Ss]he)\s+(?:again\s+)?(?:wrote|writes|says|adds|continues|had\s+written|"
    r"was\s+writing|"
    r"sent|tells\s+(?:him|her|them))\b[^.!?]*:\s*[—–-]*\s*$"
)
# a paragraph that opens with the person it is about: "Millet had sent …", "Paxton was …"
_OPENS_WITH = re.compile(
    r"^(?P<n>(?:(?:Mr|Mrs|Miss|Dr|Sir|Lady|Lord)\.?\s+)?"  # "Miss Mitchell went …": hers
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?=(?:had|has|was|is|went|came|"
    r"wrote|sent|could|would|did|made|took|found|left|spent|returned|lived|[a-z]+ed)\b)"
)
# a biography's running head: the page, the subject's name in capitals (or the book's
# title: "LIFE AND LETTERS OF JANE DOE", "MEMOIR OF DR. DOE"), the year or the chapter
_RUNNING_HEAD = re.compile(
    r"^\s*\d{0,4}\s+(?:(?:THE\s+)?(?:LIFE|LIFE\s+AND\s+LETTERS|LETTERS|MEMOIRS?|"
    r"CORRESPONDENCE|JOURNALS?)\s+OF\s+(?:(?:DR|MRS|MR|SIR|LADY|LORD|CARDINAL|BISHOP|PRESIDENT|"
    r"GENERAL|CAPTAIN|PRINCE|PRINCESS)\.?\s+)?)?"
    r"(?P<n>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3})\.?\s+"
    r"\[?(?:\d{0,4}|CHAP\.?\s+[IVXLC]+)\.?\]?\s*$"
)
# a paragraph's first word that is no one's name: "The speed with which …"
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "in",
        "on",
        "at",
        "when",
        "after",
        "before",
        "but",
        "and",
        "his",
        "her",
        "their",
        "our",
        "my",
        "its",
        "there",
        "here",
        "then",
        "yet",
        "so",
    ]
)
_FUNCTION = frozenset({"OF", "THE", "AND", "TO", "FROM", "IN", "AT", "LETTERS", "LIFE", "CHAPTER"})


def pronoun_subject(text: str, prose: list[Line], edition: list[Line]) -> TextSpan | None:
    """The writer a lead-in calls "he" or "she", or None when the narrative names no one
    that surely."""
    if not prose:
        return None
    blocks: list[list[Line]] = []
    for line in prose:
        if blocks and blocks[-1][-1].block == line.block:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    joined = " ".join(x.text for x in blocks[-1])
    if _PRONOUN_WRITES.search(joined) is None:
        return None
    for line in edition:  # the running head names the biography's subject
        m = _RUNNING_HEAD.match(line.text)
        if m is None or any(w.strip(".") in _FUNCTION for w in m["n"].split()):
            continue
        surname = m["n"].split()[-1].strip(".").capitalize()
        if re.search(rf"\b{re.escape(surname)}\b", " ".join(x.text for x in prose)):
            at = line.start + m.start("n")
            name = m["n"].rstrip(".")
            return TextSpan(at, at + len(name), text[at : at + len(name)])
    for block in reversed(blocks):  # the paragraph's own subject, the nearest first
        m = _OPENS_WITH.match(block[0].text)
        if (
            m is not None
            and looks_like_name(m["n"])
            and m["n"].split()[0].lower() not in _NOT_NAMES
        ):
            at = block[0].start + m.start("n")
            return TextSpan(at, at + len(m["n"]), text[at : at + len(m["n"])])
    return None
