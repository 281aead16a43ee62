"""The editor's narrative that leads into a letter with a colon: whom it names as the
addressee ("… that he wrote to his mother, Margaret Faraday, who …:—"), and as the writer,
with where and when ("Judge Story wrote to him from Cambridge, Jan. 10, 1839:"), as spans
of the text. Only the paragraph just above the letter counts, and only when it ends with a
colon (or is a bracketed headnote): the narrative elsewhere tells of other letters."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kgraph.model import LetterDate, TextSpan
from kgraph.text.dates import MONTHS, find_date
from kgraph.text.frame_years import YEAR, PartialDate, complete_date, partial_date
from kgraph.text.lead_in_names import lead_in_recipient
from kgraph.text.letter_lines import Line, looks_like_name, span_in

_CAP = "A-ZÀ-ÖØ-Þ"  # a capital, "Élisabeth" and "Ödön" too
_NAME = rf"[{_CAP}][\w'’.-]*(?:\s+(?:[{_CAP}][\w'’.-]*|de|van|von|du|la|le))*"
_WROTE = re.compile(
    rf"(?P<s>{_NAME}|\b(?:he|she))\s+(?:wrote|writes|had\s+written|was\s+writing)\s+"
    r"(?:again\s+)?"
    r"(?:to\s+(?:him|her|them|me|us|(?:his|her|their)\s+[a-z]+|"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"  # "to Manson in London from …"
    r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?\s+)?"
    r"(?:from\s+(?:(?:his|her|their)\s+(?:house|home|rooms|lodgings|cottage|villa)\s+(?:at|in)\s+)?"
    r"(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))?"  # "from his house at Lower Sydenham"
)
# "Wheatstone's answer, written from London on 9 November 1837, deserves …:"
_WRITTEN = re.compile(
    r"\b(?:written|dated|sent)\s+(?:from|at)\s+(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    r"(?=,?\s+(?:on\s+)?(?:the\s+)?\d)"  # "… from Boston on the 12th of October"
)
# a last sentence that only points at the letters the one before it told of
_ONE_OF_THEM = re.compile(
    r"(?i)(?:one\s+of\s+(?:these|them|those|the\s+letters)|the\s+(?:first|last|next)\s+"
    r"(?:of\s+them|runs|reads)|it\s+(?:runs|reads))\b[^.!?]{0,40}:\s*[—–-]*\s*$"
)
# a narrative that speaks of the letter below it: "Amelia wrote it to her mother, …",
# "The following letter to his father, Sir William Hooker, …"
THIS_LETTER = re.compile(
    r"(?i)\b(?:wrote\s+(?:it|this)\s+to|(?:following|this|next)\s+letter\b|"
    r"(?:letter|one)\s+(?:below|printed\s+(?:here|below))\s+(?:was|is)\s+(?:written|addressed)\s+to)"
)  # "The letter below was written to William Rathbone, …"
# a last sentence that only presents the letter the one before it told of
_POINTS = re.compile(r"(?i)\b(?:the\s+letter|this\s+letter|translation|transcription|text)\b")
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])")
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "this", "that", "the", "his", "her"})


@dataclass(frozen=True)
class LeadIn:
    recipient: TextSpan | None = None
    sender: TextSpan | None = None
    place: TextSpan | None = None
    date: LetterDate | None = None


def last_sentence(prose: list[Line]) -> str:
    """The last sentence of the narrative just above the letter ("In the spring of 1807 he
    wrote to Mr. Simeon:--"): the nearest frame of its date; "" when there is none."""
    if not prose:
        return ""
    joined = " ".join(x.text for x in prose if x.block == prose[-1].block)
    ends = [m.end() for m in _SENTENCE_END.finditer(joined)]
    return joined[ends[-1] if ends else 0 :]


# a month and its year in a narrative: "the first days of October 1845", "May of 1860"
_MONTH_YEAR = re.compile(r"\b(?P<month>[A-Z][a-z]+\.?)\s+(?:of\s+)?(?P<year>1[5-9]\d\d)\b")
# a section of a biography headed by its year alone: "1833.", "[1833.]", "— 1833 —"
_YEAR_HEAD = re.compile(r"[\[(—–-]?\s*1[5-9]\d\d\.?\s*[\])—–-]?\.?")


def year_head(above: list[Line]) -> str:
    """The year that heads the biography's section above the letter ("1833." over "… wrote
    to his daughter:--"), of the lines ``above`` it; "" when none does."""
    heads = [x.text for x in above if _YEAR_HEAD.fullmatch(x.text.strip())]
    return heads[-1] if heads else ""


def month_year(prose: list[Line], month: int | None) -> str:
    """The year the narrative gives the dateline's month ("By the first days of October 1845
    …" over "Littlemore, Oct. 8."), when it gives that month one year only; "" otherwise."""
    if month is None:
        return ""
    years = {
        m["year"]
        for m in _MONTH_YEAR.finditer(" ".join(x.text for x in prose))
        if MONTHS.get(m["month"].lower().rstrip(".")) == month
    }
    return years.pop() if len(years) == 1 else ""


def century(text: str, two_digits: int | None) -> str:
    """The year of a dateline that writes it in two digits ("26 sept. 14."), when the years
    the page names lie in one century ("… first performed on 28 January 1915"), all but one
    in five at most (an edition's "Westbury Press, 1968" under letters of the 1860s): that
    century's year ending in those digits; "" otherwise."""
    if two_digits is None:
        return ""
    years = {int(y) for y in YEAR.findall(text)}
    counts = Counter(y // 100 for y in years)
    if not counts:
        return ""
    first, most = counts.most_common(1)[0]
    return (
        f"{first}{two_digits:02d}" if most == len(years) or most >= 4 * (len(years) - most) else ""
    )


def narrative(prose: list[Line], two_digits: bool) -> str:
    """The whole narrative above a dateline that writes its year in two digits ("16 mars
    42"): its one year ending in those digits is the year; "" for other datelines."""
    return " ".join(x.text for x in prose) if two_digits else ""


def year_frames(
    framing: list[str],
    above: list[Line],
    furniture: list[str],
    prose: list[Line],
    partial: PartialDate | None,
    text: str,
    edition: Sequence[str] = (),
) -> list[str]:
    """What may give the year of a dateline without one (``partial``), the nearest first: the
    editor's heading and introduction (``framing``), the year heading the section ``above``
    the letter, the running heads (``furniture``), the last sentence and paragraph of the
    narrative (``prose``), the one year it gives the dateline's month, and for a two-digit
    year the whole narrative, the site's lines (``edition``) and the century of the page
    (``text``)."""
    month = partial.month if partial else None
    year2 = partial.year2 if partial else None
    return [
        *framing,
        year_head(above),  # "1833." over the section that quotes the letter
        " ".join(furniture),
        last_sentence(prose),  # "In the spring of 1807 he wrote to Mr. Simeon:--"
        " ".join(x.text for x in prose if x.block == prose[-1].block) if prose else "",
        month_year(prose, month),  # "By the first days of October 1845 …"
        narrative(prose, year2 is not None),
        # a site's "The Letters › 1883 › Letter 58" over "Tokio, Dec. 3rd, 83."
        " ".join(edition) if year2 is not None else "",
        century(text, year2),  # "26 sept. 14." under a note of 1915
    ]


def read_lead_in(text: str, prose: list[Line]) -> LeadIn | None:
    """What the narrative just before the letter says of it, or None when it does not lead
    into the letter."""
    if not prose:
        return None
    block = [x for x in prose if x.block == prose[-1].block]
    bracketed = block[0].text.startswith("[") and block[-1].text.endswith("]")
    this = THIS_LETTER.search(" ".join(x.text for x in block))
    if not (re.search(r":\s*[—–-]*\s*$", block[-1].text) or bracketed or this):
        return None  # a colon leads into the letter, or a bracketed headnote stands above it
    joined, starts = "", []  # the paragraph as one line, each printed line's offset in it
    for line in block:
        starts.append(len(joined))
        joined += line.text + " "

    def span(found: tuple[int, int] | None) -> TextSpan | None:
        """``found`` (offsets in the joined paragraph) in the text, across a line break."""
        if found is None:
            return None
        begin = end = None
        for line, at in zip(block, starts, strict=True):
            if at <= found[0] <= at + len(line.text):
                begin = line.start + found[0] - at
            if at <= found[1] <= at + len(line.text):
                end = line.start + found[1] - at
        if begin is None or end is None or end <= begin:
            return None
        return TextSpan(begin, end, text[begin:end])

    recipient = span(lead_in_recipient(joined))
    ends = [m.end() for m in _SENTENCE_END.finditer(joined)]
    last = ends[-1] if ends else 0  # where the last sentence starts
    if len(ends) > 1 and _ONE_OF_THEM.match(joined, last):
        last = ends[-2]  # "… Harriet wrote often to her friend, X. One of these letters runs:"
    wrote = _WROTE.search(joined, last) or _WRITTEN.search(joined, last)
    if wrote is None and last > 0 and _POINTS.search(joined, last):
        before = ends[-2] if len(ends) > 1 else 0  # "X wrote to Y in Paris. Here is my
        wrote = _WROTE.search(joined[:last], before)  # translation of it (…):"
    if wrote is None:
        return LeadIn(recipient=recipient)
    place = span(wrote.span("p")) if wrote["p"] else None
    date = None
    at = wrote.end()
    found = find_date(joined[at:])
    if found is None or found.precision != "day":  # "On October 21, 1884, … he wrote to her"
        at, found = last, find_date(joined[last : wrote.start()])
    if found is not None and found.precision == "day":
        where = span((at + found.start, at + found.end))
        date = LetterDate(found.iso, found.precision, where) if where is not None else None
    named = "s" in wrote.re.groupindex and _writer(wrote["s"])
    writer = span(wrote.span("s")) if named else None  # "he wrote …": where only
    return LeadIn(recipient, writer, place, date)


def _writer(name: str) -> bool:
    return name.split()[0].lower() not in _PRONOUNS and looks_like_name(name)


def lead_in(line: Line) -> bool:
    """A short line of narrative naming the writer of the letter below it ("Thoreau writes
    to H. G. O. Blake:")."""
    wrote = _WROTE.match(line.text)
    return wrote is not None and _writer(wrote["s"])


def narrates(line: str) -> bool:
    """An editor's sentence leading into the letter ("The following letter was then read to
    the court:—"): five words or more, some in lower case, ending in a colon; no address."""
    words = line.split()
    return (
        re.search(r":\s*[—–-]{0,2}\s*\]?\s*$", line) is not None  # "[… as follows:]"
        and len(words) >= 5
        and sum(w[0].islower() for w in words) >= 2
    )


# an editor's "The letter is dated from Dunford on the 12th of August.", a record's
# "Letter to Karen Bjølstad. Dated 02.03.1890.": what follows gives the letter's date
_DATED = re.compile(
    r"(?P<this>\b(?:[Tt]he|[Tt]his)\s+letter\s+is\s+)?(?<![\w-])[Dd]ated\s+"
    r"(?:from\s+(?P<p>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+)?(?:on\s+|at\s+)?"
)


def dated_in(
    lines: list[Line], contexts: list[str], head_end: int
) -> tuple[LetterDate, TextSpan | None] | None:
    """The date (and place) an editor's or a record's "dated …" above the letter (before
    ``head_end``) gives a letter that has no dateline of its own, or "The letter is dated …"
    anywhere; the year of a day without one from the frame (``contexts``): "The letter is
    dated from Dunford on the 12th of August." under a running head "1857.]"."""
    for at, line in enumerate(lines):
        for m in _DATED.finditer(line.text):
            if at >= head_end and not m["this"]:
                continue  # a note's "a letter dated 3 May" is another letter's date
            rest = line.text[m.end() :]
            place = span_in(line, m.start("p"), m.end("p")) if m["p"] else None
            found = find_date(rest)
            if found is not None and found.start <= 4 and found.precision == "day":
                span = span_in(line, m.end() + found.start, m.end() + found.end)
                return LetterDate(found.iso, "day", span), place
            pending = partial_date(rest[:40])
            if pending is None or pending.start > 4:
                continue
            iso = complete_date(pending, [c for c in contexts if c])
            if iso is not None:
                span = span_in(line, m.end() + pending.start, m.end() + pending.end)
                return LetterDate(iso, "day", span), place
    return None
