"""The text pieces the pipeline reads: one per line of an address block, one per paragraph
of prose (cut where a paragraph is very long), each parsed with what the letter as a whole
tells its components (``piece_docs``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from kgraph.model import Letter
from kgraph.nlp.masking import emphasis, mask

KB_PLACES = "kgraph_kb_places"
LINE_ROLES = frozenset({"address", "addressee"})
PROSE_ROLES = frozenset({"body", "postscript", "note"})


def _pieces(letter: Letter) -> Iterator[tuple[str, int, int]]:
    """(role, start, end) of each text piece the pipeline reads: one per line in address
    blocks, one per paragraph in prose."""
    text = letter.source.text
    for role, span in letter.segments():
        if role in LINE_ROLES:
            pos = span.start
            for line in text[span.start : span.end].split("\n"):
                stripped = line.rstrip()
                if stripped.strip():
                    lead = len(stripped) - len(stripped.lstrip())
                    yield role, pos + lead, pos + len(stripped)
                pos += len(line) + 1
        else:
            yield from ((role, a, b) for a, b in split_long(text, span.start, span.end))


MAX_PIECE = 5_000  # characters a doc may hold: rule matching grows faster than linearly


def split_long(
    text: str, start: int, end: int, limit: int = MAX_PIECE
) -> Iterator[tuple[int, int]]:
    """Cut [start, end) into pieces of at most ``limit`` characters, at a sentence end where
    there is one, else at a space, else anywhere; offsets stay those of ``text``."""
    while end - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= limit // 2 else limit
        yield start, start + cut
        start += cut
    if end > start:
        yield start, end


def letter_docs(nlp: Any, letter: Letter) -> Iterator[tuple[str, int, Any]]:
    """(role, start, unprocessed doc) of each piece of ``letter`` the pipeline reads."""
    places = nlp.get_pipe(KB_PLACES) if KB_PLACES in nlp.pipe_names else None
    masked = mask(letter.source.text)
    countries = places.countries(letter.source.text) if places is not None else None
    lower = frozenset(re.findall(r"(?<![\w'’])[a-z][a-z]+(?![\w'’])", masked))
    for role, start, end in _pieces(letter):
        doc = nlp.make_doc(masked[start:end])
        doc.user_data["kgraph.emphasis"] = emphasis(letter.source.text[start:end])
        if countries is not None:  # the countries the whole letter names
            doc.user_data["kgraph.countries"] = countries
        doc.user_data["kgraph.lower"] = lower  # the words the letter writes in lower case
        doc.user_data["kgraph.role"] = role  # "dateline": every name in it may be a place
        yield role, start, doc


def piece_docs(
    nlp: Any, letters: Sequence[Letter], batch_size: int = 64
) -> Iterator[tuple[int, str, int, Any]]:
    """(letter index, role, offset, parsed doc) of every text piece of ``letters``, parsed in
    one ``nlp.pipe`` stream."""
    jobs: list[tuple[int, str, int]] = []
    docs_in: list[Any] = []
    for index, letter in enumerate(letters):
        for role, start, doc in letter_docs(nlp, letter):
            docs_in.append(doc)
            jobs.append((index, role, start))
    for (index, role, offset), doc in zip(
        jobs, nlp.pipe(docs_in, batch_size=batch_size), strict=True
    ):
        yield index, role, offset, doc
