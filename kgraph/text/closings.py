"""Closings as editions print them: a valediction and the name on one line ("Yours ever,
C. Darwin", "Your F. Dostoevsky"), and a closing phrase at the end of the last paragraph
("… and am ever your most obedient son,") with the name on the next line. Both are split
into lines of their own, so ``letters`` reads the name as the signature."""

from __future__ import annotations

import re

from kgraph.text.letter_lines import Line, looks_like_name
from kgraph.text.line_patterns import SHORT, VALEDICTION

__all__ = ["split_closings"]


_CLOSING_NAME = re.compile(
    r"^(?P<v>.{2,60},|(?:your|yours)(?:\s+(?:ever|truly|affectionately|sincerely|faithfully|"
    r"loving|devoted|affectionate|old|own|always|very|most|obediently))*)\s+(?P<n>[^,]{2,50})$",
    re.IGNORECASE,
)


# a closing after the paragraph's last sentence, with no comma: "… painting. Yours affectly"
_SIGNING_OFF = re.compile(r"[.!?]\s+((?:yours|your|ever)\b[^.!?,]{0,30},?)$", re.IGNORECASE)
_CLAUSE = re.compile(r"(?i)\b(?:ever|yours?|i\s+(?:am|remain)|believe\s+me)\b")


# the last words of a closing phrase broken onto a line of their own ("servant,")
_CLOSING_END = re.compile(r"(?i)^(?:[a-z]+\s+){0,2}(?:servant|friend|son|daughter)s?\s*[,.]?$")


def _closing_clause(line: Line, runs_on: bool = False) -> int | None:
    """Where a closing phrase starts at the end of a paragraph that ends with a comma (or
    that ``runs_on`` to its last words on the next line: "… your obedient / servant,")."""
    text = line.text
    if not (text.endswith(",") or runs_on):
        return None
    found = [m for m in _CLAUSE.finditer(text) if len(text) - m.start() <= 60]
    # "… and am ever your most obedient son,": a closing verb or "ever" before a "your"
    firm = [m.start() for m in found if not m.group().lower().startswith("your")]
    starts = firm or [m.start() for m in found][-1:]
    if not starts or starts[0] == 0:
        return None
    if len(text) <= SHORT and not runs_on and not re.search(r"[.!?][—–-]*\s*$", text[: starts[0]]):
        return None  # a short line is a valediction of its own, unless a sentence ends first
    return starts[0]


def split_closings(lines: list[Line]) -> list[Line]:
    """A valediction and the name on one line ("Yours ever, C. Darwin", "Your F.
    Dostoevsky") as two lines, so the name is read as the signature."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        m = _CLOSING_NAME.match(line.text)
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        after = lines[k + 2] if k + 2 < len(lines) else None
        clause, signer = _closing_clause(line), nxt  # "… am ever your most obedient son,"
        if clause is None and nxt is not None and _CLOSING_END.match(nxt.text):
            # "… your obedient / servant, / A. B.": the name two lines down
            clause, signer = _closing_clause(line, runs_on=True), after
        if clause is None and nxt is not None and (after is None or after.block != nxt.block):
            # "I hope you are painting. Yours affectly | Emily Davies": the block's last name
            found = _SIGNING_OFF.search(line.text)
            clause, signer = (found.start(1) if found is not None else None), nxt
        if (
            clause is not None
            and signer is not None
            and k > len(lines) // 3
            and looks_like_name(signer.text.rstrip(".,"))
        ):
            # "… I kiss your hands and am ever your most obedient son, / Wolfgang Mozart"
            head = line.text[:clause].rstrip(" —–-")
            out.append(Line(line.start, line.start + len(head), head, line.block))
            out.append(Line(line.start + clause, line.end, line.text[clause:], line.block))
        elif (
            m is not None
            and k > len(lines) // 3
            and line.block >= 0
            and len(line.text) <= SHORT
            and VALEDICTION.match(line.text)
            and looks_like_name(m["n"].rstrip("."))
            and not (nxt is not None and nxt.block == line.block and looks_like_name(nxt.text))
        ):
            out.append(Line(line.start, line.start + m.end("v"), m["v"], line.block))
            out.append(Line(line.start + m.start("n"), line.end, m["n"], line.block))
        else:
            out.append(line)
    return out
