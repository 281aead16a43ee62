"""The end of a letter: the valediction and the signature found back from the end, and what
follows them: postscripts, a dateline or address at the foot, notes and a source colophon.
``letters`` assembles the parts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kgraph.model import Edition, TextSpan
from kgraph.text.datelines import parse_date
from kgraph.text.dates import find_date
from kgraph.text.editorial import OPENING_QUOTES
from kgraph.text.fields import bare_key, read_field
from kgraph.text.frame import is_page_furniture, prose_blocks
from kgraph.text.headings import parties
from kgraph.text.letter_lines import Line, signature_after, signs
from kgraph.text.line_patterns import (
    COLOPHON_CUE,
    FOOTNOTE,
    POSTSCRIPT,
    SECTION,
    SHORT,
    SIGNED,
    SOURCE_NOTE,
    VALEDICTION,
    without_rank,
)
from kgraph.text.salutations import is_salutation


@dataclass
class Tail:
    """Where the letter's closing is and what follows it (indexes into the lines)."""

    val: int | None = None
    sig: int | None = None
    after: int = 0  # the first line after the signature (or after the letter proper)
    postscript: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    colophon: list[Line] = field(default_factory=list)
    bottom: list[Line] = field(default_factory=list)  # short lines: a dateline, an address


OFFICE = re.compile(  # a signer's office, on the line under the name
    r"^(?:[A-Z][\w.&]*(?:\s+|-)){0,3}"  # "Vice-President", "Under-Secretary for Works"
    r"(?:(?:general|honorary|hon\.|corresponding|assistant|acting)\s+)?(?:secretary|president|"
    r"chairman|treasurer|director|editor|mayor|consul|governor|commissioner|superintendent|"
    r"minister|agent|manager|clerk|inspector|officer|surgeon|commander|pastor|rector)\b",
    re.IGNORECASE,
)
CITED = re.compile(r"(?i)^\(\s*(?:letter|autograph\s+letter|ms\.?\s+letter)\s+(?:of|dated)\s")
ENDORSEMENT = re.compile(r"(?i)^\[?\s*(?:endorsed|endorsement|docketed|docket)\b")


def read_tail(text: str, lines: list[Line], sal: int | None) -> Tail:
    """The closing and what follows it, in a letter whose salutation is line ``sal``."""
    n = len(lines)
    # Closing: the last valediction line followed by a name, searching back from the end.
    val = sig = None
    for i in range(n - 1, sal if sal is not None else -1, -1):
        line = lines[i]
        if line.block >= 0 and _closes(line.text):
            j = signature_after(lines, i, n)
            if j is not None:
                val, sig = i, j
                break
    first = _first_closing(lines, sal, val) if val is not None else None
    enclosed = first is not None
    if first is not None:
        val, sig = first  # a despatch's own closing above the copy of its inclosure
    if val is not None:  # "Believe me, / Yours very truly," is one valediction
        while (
            val - 1 > (sal if sal is not None else -1)
            and lines[val - 1].block == lines[val].block
            and len(lines[val - 1].text) <= SHORT
            and VALEDICTION.match(lines[val - 1].text)
        ):
            val -= 1
    if sig is None:  # "I embrace you with all my heart. / Bolívar": no valediction
        sig = _bare_signature(text, lines, sal if sal is not None else -1)
    if sig is not None and not enclosed:  # "Inclosure in No. 42. / PRESIDENT BRAND to …"
        enclosed = any(
            _INCLOSURE.match(x.text) or parties(x.text) for x in lines[sig + 1 : sig + 4]
        )
    after = (sig + 1) if sig is not None else _tail_start(lines)
    # After the signature: postscripts, a bottom address or dateline, notes, a colophon.
    tail = Tail(val, sig, after)
    postscript, notes, colophon, bottom = tail.postscript, tail.notes, tail.colophon, tail.bottom
    kinds: dict[int, str] = {}
    offices: list[Line] = []
    quoted = sal is not None and _quoted(text, lines[sal])
    tail_prose = prose_blocks(lines[after:])
    for line in lines[after:]:
        kind = kinds.get(line.block)
        if enclosed:
            kind = "note"  # the letter printed under this one: an inclosure, a reply
        elif colophon or (
            quoted
            and not _quoted(text, line)
            and not FOOTNOTE.match(line.text)
            and line.block not in tail_prose
        ):
            kind = "colophon"  # a source line under a quoted letter ("Le Réveil, May 2nd.")
        elif quoted and not _quoted(text, line) and line.block in tail_prose and kind is None:
            kind = "note"  # the editor's narrative that runs on after a quoted letter
            kinds[line.block] = kind
        elif line.block < 0:
            kind = "separator"
        elif is_page_furniture(line):
            kind = "separator"  # "LETTERS FROM VIENNA.     245": the page's running head
        elif kind is None:
            if (
                ((found := read_field(line)) is not None and found.kind != "title")
                or bare_key(line.text) is not None
                or re.match(r"^[←→<>]", line.text)
            ):
                kind = "colophon"  # "Written: 14 July 1913", "Source: …", "← previous letter"
            elif SECTION.match(line.text):  # "Notes", "Source Note": the edition's label
                kind = "colophon" if re.match(r"(?i)sources?\b|ref|bib", line.text) else "note"
            elif (
                sig is not None
                and line.start > lines[sig].end
                and line.block == lines[sig].block
                and OFFICE.match(line.text)
            ):
                kind = "office"  # "General Secretary, Dock, Wharf, … Union.": the signer's office
            elif sig is not None and line.block == lines[sig].block and parse_date(line):
                kind = "dated"  # "Wade's Arms, Jeremiah-street, Poplar, London, Sept. 21, 1889."
            elif ENDORSEMENT.match(line.text):
                kind = "note"  # "[Endorsed:] Mrs Hale Apl 18/64 Ansd.": the receiver's docket
            elif POSTSCRIPT.match(line.text):
                kind = "postscript"
            elif FOOTNOTE.match(line.text) or (
                re.match(r"\d{1,2}\s+[A-Z]", line.text)
                and (find_date(line.text) is None or len(line.text) > SHORT)
            ):
                kind = "note"  # "1 CD had been attacked …" (not "12 May 1860.")
            elif SOURCE_NOTE.match(line.text):
                kind = "separator"  # "ALS, DLC-USG.": the edition's note of the manuscript
            elif COLOPHON_CUE.search(line.text):
                kind = "colophon"
            elif not notes and len(line.text) <= SHORT and line.block not in tail_prose:
                kind = "bottom"
            else:
                kind = "postscript" if not notes else "note"
            if kind not in ("office", "dated"):
                kinds[line.block] = kind
        {
            "postscript": postscript,
            "note": notes,
            "office": offices,
            "colophon": colophon,
            "bottom": bottom,
            "dated": bottom,
        }.get(kind, []).append(line)
    notes.extend(offices)  # the signer's office is read as a note, but no note before a
    notes.sort(key=lambda x: x.start)  # bottom address ("Secretary for Labour." over it)
    return tail


def _first_closing(lines: list[Line], sal: int | None, last: int) -> tuple[int, int] | None:
    """The first valediction and signature of a page that prints a second letter under the
    first, with its own salutation ("I have, &c. / (Signed) H. PARKES." above "Inclosure in
    No. 4. / Mr. Morel to Sir H. Parkes. / Sir, …"); None when no letter follows the first
    closing before the last one."""
    for i in range(sal + 1 if sal is not None else 0, last):
        if lines[i].block < 0 or not _closes(lines[i].text):
            continue
        j = signature_after(lines, i, last)
        if j is not None and any(_opens_letter(lines, k) for k in range(j + 1, last)):
            return i, j
    return None


# "Inclosure in No. 4.", "Enclosure 2 in No. 17": a copy of another paper follows
_INCLOSURE = re.compile(r"(?i)^\W*(?:\d+\.\s*)?(?:inclosure|enclosure)s?\b(?:\s+\d+)?\s+in\b")


def _opens_letter(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` begins another letter: its salutation, a heading naming both its
    parties ("Mr. Morel to Sir H. Parkes."), or a despatch's "Inclosure in No. 4."."""
    text = lines[k].text
    return bool(_INCLOSURE.match(text) or parties(text) or is_salutation(lines, k))


def _closes(text: str) -> bool:
    """A valediction: short ("Yours ever,"), or a formal one that runs on to the servant
    ("I have the honor to be with the utmost respect your Excellency's most obedient
    humble Servant")."""
    if not VALEDICTION.match(text):
        return False
    return len(text) <= SHORT or (
        len(text) <= 200 and re.search(r"(?i)\b(?:servant|serv[ᵗt]|yours)\W*$", text) is not None
    )


def _bare_signature(text: str, lines: list[Line], sal: int) -> int | None:
    """A name on a line of its own under the letter's last sentence, with nothing of the
    letter after it (only notes, an edition's furniture or a postscript): the signature of a
    letter whose closing is a sentence ("I embrace you with all my heart. / Bolívar")."""
    firsts: dict[int, Line] = {}
    sizes: dict[int, int] = {}
    for line in reversed(lines):
        firsts[line.block] = line  # each block's first line
        sizes[line.block] = sizes.get(line.block, 0) + len(line.text)
    for i in range(max(sal + 1, 1), len(lines)):  # the first line signs nothing
        line, prev = lines[i], lines[i - 1]
        if line.block < 0 or line.text[:3].lower() == "to ":
            continue  # a separator or the edition's sidenote; "To X" is whom it went to
        own = prev.block != line.block and (i + 1 == len(lines) or lines[i + 1].block != line.block)
        own = own or (_indent(text, line) >= RIGHT_SET > _indent(text, prev))  # set to the right
        signed = (  # "FLORENCE KELLEY, / State Factory Inspector." under a paper's letter
            line.text.rstrip(",.").isupper()
            and i + 1 < len(lines)
            and lines[i + 1].block == line.block
            and (OFFICE.match(lines[i + 1].text) or parse_date(lines[i + 1])) is not None
        )
        own = own or signed
        name = without_rank(SIGNED.sub("", line.text).rstrip(".,"))  # "JOHN SMITH, Syndic."
        if not own or len(name) > 40 or not signs(name) or re.match(r"[\[(]|[^:]*:", name):
            continue
        if SECTION.match(line.text):  # "Notes": the edition's label under the letter
            continue
        words = re.findall(r"[^\W\d_][\w'’.-]*", name)
        if not all(w[0].isupper() for w in words) or len(words) > 4:
            continue
        if not re.search(r"[a-z].*[.!?]['\"”’]?$", prev.text) and not CLOSING_END.search(prev.text):
            continue  # under a sentence, or under "… and believe me ever your affectionate"
        quoted = _quoted(text, line)  # '"PEARY."' under a quoted telegram: the editor's after
        if signed or not any(
            _letter_prose(x, firsts, sizes) and (not quoted or _quoted(text, firsts[x.block]))
            for x in lines[i + 1 :]
        ):
            return i  # (a paper prints more after a letter signed so: its next column)
    return None


CLOSING_END = re.compile(
    r"(?i)\b(?:believe\s+me|i\s+(?:am|remain))\b.{0,40}\b(?:affectionate|affectionately|"
    r"truly|sincerely|faithfully|ever|yours|servant|friend|son|daughter|wife|husband),?$|"
    r"\s(?:your|thy)(?:\s+[a-z]+){0,2}$"  # "… write soon to your / Bellini", "… your old"
)
RIGHT_SET = 20  # columns: a line set this far in stands apart from the paragraph above it


def _indent(text: str, line: Line) -> int:
    return line.start - (text.rfind("\n", 0, line.start) + 1)


def _letter_prose(line: Line, firsts: dict[int, Line], sizes: dict[int, int]) -> bool:
    """A line that may still be the letter's own text (not a note, a label, a field, a
    navigation line, a postscript or a colophon, nor a later line of a paragraph that opens
    as one of them: "3. Samuel Swartwout, … / second at Weehawken; …"): a long line, or
    one of a long paragraph set in a newspaper's narrow column."""
    first = firsts.get(line.block, line) if line.block >= 0 else line
    long = len(line.text) > SHORT or (
        line.block >= 0 and sizes.get(line.block, 0) > 4 * SHORT and len(line.text.split()) > 3
    )  # not "Notation" over the editor's note
    return long and not any(
        FOOTNOTE.match(text)
        or re.match(r"^(?:\d{1,3}\s+[A-Z]|[\[(←→<>]|\w[\w ]{0,25}:\s)", text)
        or SECTION.match(text)
        or POSTSCRIPT.match(text)
        or COLOPHON_CUE.search(text)
        or ENDORSEMENT.match(text)
        or SOURCE_NOTE.match(text)
        for text in {line.text, first.text}
    )


def _tail_start(lines: list[Line]) -> int:
    """Index of the first line after the letter proper (notes, colophon), or len(lines)."""
    n = len(lines)
    for i, line in enumerate(lines):
        if line.block < 0 and i > n // 2:
            return i
    return n


def _quoted(text: str, line: Line) -> bool:
    """The line opens with a quotation mark (a letter quoted in an editor's text)."""
    return line.start > 0 and text[line.start - 1] in OPENING_QUOTES


def parse_edition(colophon: TextSpan) -> Edition:
    """Source metadata from a colophon: a URL, a licence, a title and a publisher line."""
    url = None
    if m := re.search(r"https?://[^\s)\]>*]+", colophon.text):
        url = m.group(0)
    lines = [ln.strip(" *#") for ln in colophon.text.splitlines() if ln.strip(" *#")]
    licence = next(
        (ln for ln in lines if re.search(r"copyright|public domain|licen[cs]e", ln, re.I)), None
    )
    title = None
    for ln in lines:
        if m := re.match(r"^source\s*:\s*(.+)$", ln, re.I):
            title = re.split(r"\s+/\s+", m.group(1))[0].strip()
            if licence is None and " / " in m.group(1):
                licence = m.group(1).split(" / ", 1)[1].strip()
    publisher = next(
        (
            ln
            for ln in lines
            if ln != licence and "http" not in ln and not ln.lower().startswith("source")
        ),
        None,
    )
    return Edition(span=colophon, title=title, publisher=publisher, url=url, licence=licence)
