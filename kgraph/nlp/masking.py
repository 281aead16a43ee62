"""Preparing a letter's text for the pipeline, offsets unchanged.

``mask`` gives a same-length copy of the text in which Markdown markers (emphasis, headings,
block quotes, link brackets and targets), footnote markers and line breaks are spaces and a
" | " line break is a comma, so the parser reads plain prose and every offset into the masked
text is an offset into the letter. ``emphasis`` finds the italic and quoted strings of the
unmasked text, which the title component reads as candidate titles.
"""

from __future__ import annotations

import re

from kgraph.text.editorial import PIPE, footnote_markers

_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)")
_MARKER = re.compile(
    r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])|^[ \t]*#{1,6}[ \t]|^>", re.M
)
_EMPHASIS = re.compile(r"(?<![\w*])([*_]{1,2})(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_QUOTED = re.compile(r"[\"“«]([^\"”»\n]{2,80})[\"”»]")


def mask(text: str) -> str:
    """Same-length copy of ``text`` with Markdown markers and line breaks turned into spaces."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            chars[i] = " "

    for m in _LINK.finditer(text):
        blank(m.start(), m.start() + 1)
        blank(m.end(1), m.end())
    for m in _MARKER.finditer(text):
        blank(m.start(), m.end())
    for start, end in footnote_markers(text):  # "experiments.6 Lyell": no "6 Lyell"
        blank(start, end)
    for m in PIPE.finditer(text):  # "Down | Bromley | Kent": the bar is a line break
        chars[m.start() + len(m.group()) - len(m.group().lstrip(" \t"))] = ","
    return "".join(" " if c in "\r\n" else c for c in chars)


def emphasis(text: str) -> list[tuple[int, int]]:
    """Character spans (inside the markers) of ``*italic*`` text and quoted strings."""
    found = [(m.start(2), m.end(2)) for m in _EMPHASIS.finditer(text)]
    found += [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]
    return sorted(found)
