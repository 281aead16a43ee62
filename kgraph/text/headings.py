"""What an edition prints around a letter, read for the letter's metadata: site and edition
lines above it ("… Correspondence Project", "Last updated 3 February 2012"), the editor's
heading ("HUXLEY TO TYNDALL, 1866.", "Letter from Gustave Courbet to Alfred Bruyas",
"Flora Tristan 1843"), an introduction that quotes the letter ("The following letter was
written by Joseph Mazzini to his friend, W. J. Linton, …"). The dates a dateline gives
without their year are read by ``frame_years``.

Each reader returns offsets relative to the string it is given; ``letters`` turns them into
spans of the text.
"""

from __future__ import annotations

import functools
import re

from kgraph.settings import data_dir, read_words
from kgraph.text.dates import is_date_word
from kgraph.text.name_styles import POSSESSIVE, STYLED, TITLE_ONLY, arrow_parties, rank_before

__all__ = [
    "KIN",
    "NAME",
    "NUMBER",
    "addressee_name",
    "clean_name",
    "given_names",
    "is_site_line",
    "is_title",
    "names_someone",
    "parties",
    "women_names",
    "writer_year",
]

# A line a website or an edition put above or below the letter, not the letter's own.
SITE = re.compile(
    r"\b(?:archives?|project|correspondence|collection|collected|letters|library|digital|"
    r"online|database|website|edition|updated|last\s+(?:edited|revised|modified)|copyright|"
    r"anti-copyright|rights\s+reserved|"
    r"cite\s+as|retrieved|accessed|licen[cs]ed?|creative\s+commons|cc\s+by|"
    r"public\s+domain|annotated|complete|published|reprinted|printed\s+(?:in|by)|"
    r"presented\s+to\s+both\s+houses|by\s+command\s+of)\b|©|"
    r"https?://|www\.",
    re.IGNORECASE,
)
NAME = r"(?:[^\W\d_][\w'’.-]*)(?:\s+(?:[^\W\d_][\w'’.-]*|de|da|di|van|von|le|la|du|of))*?"
KIN_WORDS = (
    r"(?:friend|brother|sister|wife|husband|son|daughter|father|mother|colleague|comrade|"
    r"publisher|editor|patron|correspondent|sister-in-law|brother-in-law|cousin|nephew|niece|"
    r"uncle|aunt)s?"
)
KIN = rf"(?:(?:old\s+|dear\s+|young\s+|elder\s+|younger\s+)?{KIN_WORDS},?\s+)"
_PARTIES = re.compile(
    rf"(?i:(?:(?:copy|extract|translation)\s+of\s+)?(?:an?\s+|the\s+)?"  # "COPY of a DESPATCH from"
    r"(?:letters?|despatch|dispatch|telegram|cablegram|radiogram|cable|post-?card|postal\s+card|card|"
    rf"note)(?:,|\s+(?:of|from))\s+|from\s+)?(?P<s>{NAME})"  # "Cablegram, X to Y"
    rf"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}},)?"  # "Robert Burns, Ellisland, to"
    r"(?:\s+(?i:letter|post-?card|telegram|note))?\s+"  # "Arthur Grey letter to Tom Hale"
    rf"(?i:to|à|an)\s+(?:the\s+|(?i:(?:his|her|their)\s+{KIN}))?"
    rf"(?P<r>{NAME})(?=\s*(?:[,;:.(\[\]|·—–]|\s-\s|\d|$))"
)
# "JOHN BRIGHT TO HIS WIFE.", "Mazzini to his mother": the writer, and a kinship for a name
_TO_KIN = re.compile(
    rf"^(?P<w>{NAME})\s+(?i:to)\s+(?i:(?:his|her|their)\s+(?:old\s+|dear\s+)?{KIN_WORDS})[.:]?$"
)
_WRITER_YEAR = re.compile(
    rf"^(?:(?i:(?:letter\s+)?from)\s+(?P<f>{NAME})\.?"
    r"(?:$|(?:,\s*|\s{2,})(?=\[?\d|\[?[A-Z][a-z]{2,8}\.?\s+\[?\d))|"  # "From X   2 May [1867]"
    rf"(?P<s>{NAME}),?\s+\[?1[5-9]\d\d\]?\.?$)"
)
_LOWER_OK = {"de", "da", "di", "van", "von", "le", "la", "du", "of", "v.", "zu"}


def is_site_line(text: str) -> bool:
    """A website's or edition's line ("The … Letters Archive", "Last updated …")."""
    return bool(SITE.search(text)) and parties(text) is None


@functools.cache
def given_names() -> frozenset[str]:
    """Given names (``data/patterns/given-names.txt``), lower-case: a heading's "FROM X" names
    a writer only when X starts with one, or with an initial; an address line that starts
    with one is a person's."""
    return read_words(data_dir() / "patterns" / "given-names.txt")


@functools.cache
def women_names() -> frozenset[str]:
    """Given names that are a woman's (``data/patterns/women-names.txt``), lower-case: "Mrs.
    Cameron" is the letter's "Julia Margaret Cameron", not its "Charles Cameron"."""
    return read_words(data_dir() / "patterns" / "women-names.txt")


@functools.cache
def kinship_words() -> frozenset[str]:
    """Words of kinship and friendship (``data/patterns/kinship-words.txt``): signed alone
    ("Dad", "Mother"), one names no one."""
    return read_words(data_dir() / "patterns" / "kinship-words.txt")


@functools.cache
def _counts() -> frozenset[str]:
    """Number words and months no one is named after (``data/patterns/count-words.txt``)."""
    return read_words(data_dir() / "patterns" / "count-words.txt")


@functools.cache
def _not_names() -> frozenset[str]:
    """Capitalised common words that are never a name (``data/patterns/not-names.txt``)."""
    return read_words(data_dir() / "patterns" / "not-names.txt")


def clean_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a name found by a pattern to capitalised words; None if it is no name."""
    value = text[start:end]
    words = list(re.finditer(r"\S+", value))
    if len(words) > 1 and words[0].group() == "the" and words[1].group()[0].isupper():
        words = words[1:]  # "the Earl of ELGIN": the title is the name
    while words and words[-1].group().lower() in _LOWER_OK:
        words.pop()
    titled = [w.group().lower() for w in words[:3]].count("of") > 0  # "Earl of X and Y"
    if words and all(w.group().strip(".,").lower() in _not_names() for w in words):
        return None  # "Answers to Correspondents": made only of words that name no one
    if any(w.group().strip(".,").lower() in _counts() for w in words):
        return None  # "SOUTH POLE REACHED FOURTEEN TO SEVENTEEN DECEMBER": a telegram's text
    if not words or not all(
        w.group()[0].isupper() or w.group().lower() in _LOWER_OK or (titled and w.group() == "and")
        for w in words
    ):
        return None
    if len(words) > 6:
        return None
    end = start + words[-1].end()
    while text[end - 1] in "-–—" and end > start + words[-1].start() + 1:
        end -= 1  # "Lansdowne.--(Received …)"
    if text[end - 1] == "." and len(words[-1].group()) > 2:
        end -= 1  # "JEFFERSON." but "J. S."
    return start + words[0].start(), end


# An edition's number before the heading ("1742: To V. Sackville-West", "No. 12. To …")
NUMBER = re.compile(
    r"^(?:\[|(?:no\.?\s*|(?:letter|carta|lettre|lettera|brief|brev)\s+(?:no\.?\s*)?)?(?:\d{1,4}|[ivxlc]{1,7})(?:[.:/]|\s+·|(?<=\d)(?=\s{2}))(?:\s*[—–]\s*|\s+)(?=\S))",
    re.IGNORECASE,
)


def _numbered(line: str) -> int:
    m = NUMBER.match(line)
    return m.end() if m else 0


_TO_FROM = re.compile(  # "To George Washington from Henry Knox, 17 December 1775"
    rf"(?i:to)\s+(?P<r>{NAME})\s+(?i:from)\s+(?:the\s+)?(?P<s>{NAME})(?=\s*(?:[,;:.(\[|]|\d|$))"
)
_SPANISH = re.compile(  # "Simón Bolívar a Francisco de Paula Santander"
    rf"(?P<s>{NAME})\s+a\s+(?P<r>{NAME})(?=\s*(?:[,;:.(\[|]|\d|$))"
)


# words no name holds but a headline's sentence does: "… Coming In to Give Up Their Arms"
_HEADLINE = re.compile(
    r"(?i)\b(?:their|our|its|we|they|up|out|off|in|has|have|had|is|are|was|were|gone|goes|"
    r"going|comes|coming|returns)\b"
)


def parties(heading: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Sender and recipient named by an editor's heading ("X to Y", "Letter from X to Y",
    "To Y from X", "X à Y", "X an Y", "X a Y")."""
    at = _numbered(heading)
    at += heading.startswith("[", at)  # "[TD to HLM]": an editor's heading in brackets
    if (arrow := arrow_parties(heading, at)) is not None:
        return arrow  # "Germain, Sophie → Gauss, Carl Friedrich"
    m = _TO_FROM.match(heading, at) or _PARTIES.match(heading, at)
    if (
        m is None
        and (m := _SPANISH.match(heading, at)) is not None
        and len(heading[m.start("s") : m.end("r")].split()) < 5
    ):
        return None  # "Viaje a Roma": two full names at least, as editors write them
    if m is None or re.search(r"[^\W\d_]{3}\.\s+(?i:to|à|an)\s", heading[: m.start("r")]):
        return None  # "THE MOA BONES. TO THE EDITOR …": a headline's sentence ends before "to"
    r_start, r_end = m.span("r")
    if (cut := re.search(r"\s+(?i:in|at)\s+[A-Z]", heading[r_start:r_end])) is not None:
        r_end = r_start + cut.start()  # "… to his Father in Hamburg": whom, then where
    s_start, s_end = m.span("s")
    s_start += rank_before(heading[s_start:s_end])  # "GOVERNOR SIR H. B. E. FRERE"
    r_start += rank_before(heading[r_start:r_end])  # "the RIGHT HON. SIR M. HICKS BEACH"
    s, r = clean_name(heading, s_start, s_end), clean_name(heading, r_start, r_end)
    if s is None or r is None or heading[s[0] : s[1]].lower() in ("letter", "letters"):
        return None
    if re.match(r"(?i)(?:an?|the)\s+(?:open\s+)?letters?\b", heading[s[0] : s[1]]):
        return None  # "AN OPEN LETTER TO THE PRIME MINISTER": no one's name
    if POSSESSIVE.match(heading[s[0] : s[1]]):
        return None  # "HER RETIREMENT TO COWSLIP GREEN.": a chapter's title
    if TITLE_ONLY.match(heading[r[0] : r[1]]) or POSSESSIVE.match(heading[r[0] : r[1]]):
        return None  # "the King"; "TO HIS WIFE": a kinship, no name
    if re.search(r"(?i)\w['’](?:s\b|\s|$)", heading[s[0] : r[1]]):
        return None  # "THE DOCKERS' THANKS TO THE COLONIES.": a newspaper's headline
    if any(_HEADLINE.search(heading[a:b]) for a, b in (s, r)):
        return None  # "Free State Burghers Coming In to Give Up Their Arms.": a headline
    named = re.compile(r"\s*\((?P<n>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\)")
    if re.search(r"(?i)\bthe\s+$", heading[: r[0]]) and (n := named.match(heading, r[1])):
        return s, n.span("n")  # "… to the President of Congress (Samuel Huntington), …"
    return s, r


_ADDRESSEE = re.compile(
    rf"(?:(?:an?\s+)?letter\s+)?to\s+(?:the\s+)?(?:(?:his|her|their)\s+{KIN})?(?P<r>{NAME})(?=\s*(?:[,;(\[\]—–]|\.?\]?\s*$|(?<=[a-z]{{2}})\.\s|\d|\s{{2,}})|"
    rf"\s+(?:in|at|IN|AT)\s+[A-Z])",
    re.I,
)


_FOREIGN_TO = re.compile(
    _ADDRESSEE.pattern.replace(r"to\s+(?:the\s+)?", r"(?:a|à|an|al|aan|til)\s+", 1), re.I
)


def addressee_name(line: str) -> tuple[int, int] | None:
    """The person a "To J. S. Henslow   12 May [1860]" or "TO JAMES MADISON." line names,
    or a numbered heading in another language ("Carta 41. A Juana de Vega, …")."""
    at = _numbered(line)
    m = _ADDRESSEE.match(line, at) or _FOREIGN_TO.match(line, at)
    if m is not None and at == 0 and not _ADDRESSEE.match(line) and not STYLED.match(m["r"]):
        return None  # "A Juana …" needs a number before it, or a style: "A DON MANUEL MONTT"
    if m is None or re.match(r"(?i)(?:the\s+)?editors?\b", m["r"]) or POSSESSIVE.match(m["r"]):
        return None  # "TO HIS WIFE.", "TO HIS FATHER IN HAMBURG": a kinship, no name
    if re.match(
        r"(?i)(?:most|right|very)?\s*(?:honou?rable|reverend)$|prime\s+minister$|"
        r"president$|king$|queen$|emperor$|pope$",
        m["r"].strip(". "),
    ):
        return None  # "To the Most Honourable", "To the Prime Minister": a style, not a name
    # "To James Madison. Paris": a full stop after a word (not "Mrs." or "Esq.") ends the name
    value = re.split(r"(?<=[a-z]{3})(?<!Mrs)(?<!Esq)(?<!Rev)(?<!Hon)\.\s", m["r"])[0]
    value = re.sub(r",?\s*(?:Esq|Esquire)\.?$", "", value).rstrip(". ")
    styled = STYLED.match(value)
    rest = value[styled.end() :].split() if styled is not None else []
    skip = (
        styled.end()
        if styled is not None
        and len(rest) >= 2
        and rest[0][0].isupper()
        and rest[0].lower() not in _LOWER_OK  # "MADAME DE MONTCALM" keeps her style
        else 0
    )
    found = clean_name(line, m.start("r") + skip, m.start("r") + len(value))
    if found is not None and (more := _SUPPLIED_NAMES.match(line, found[1])) is not None:
        return found[0], more.end()  # "To ANNA [MARIA CALHOUN] CLEMSON": the editor's names
    return found


# names an editor supplied inside a name, then the rest of it: " [MARIA CALHOUN] CLEMSON"
_SUPPLIED_NAMES = re.compile(
    r"\s\[[^\W\d_][^\]\d,;]{0,40}\]\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)*"
)


def names_someone(text: str) -> bool:
    """The words start with a given name or an initial ("THOMAS JEFFERSON", "F. E."), as a
    writer's name under a heading does; a place or a title ("OLD CALABAR.") does not."""
    words = text.split()
    if not words:
        return False
    first = words[0].strip(".,")
    return first.lower() in given_names() or bool(re.match(r"[A-Z]\.", words[0]))


def writer_year(heading: str) -> tuple[int, int] | None:
    """The writer of a heading that names only the writer ("Flora Tristan 1843", "FROM
    THOMAS JEFFERSON.", "From Jane Doe   2 May [1867]", "JOHN BRIGHT TO HIS WIFE.")."""
    if (kin := _TO_KIN.match(heading.strip())) is not None:
        if POSSESSIVE.match(kin["w"]) or re.match(r"(?i)(?:the|an?|letters?|copy)\b", kin["w"]):
            return None  # "HIS RETURN TO HIS FATHER", "LETTER TO HIS WIFE": no one's name
        start = heading.index(kin["w"])
        return clean_name(heading, start, start + len(kin["w"]))
    m = _WRITER_YEAR.match(heading.strip())
    if m is None:
        return None
    group = "f" if m["f"] else "s"  # "FROM THOMAS JEFFERSON." or "Flora Tristan 1843"
    if re.match(r"(?i)(?:the|a|an)\s", m[group]):
        return None  # "FROM THE LABORATORY": a place, no one's name
    if re.match(r"(?i)(?:to|à)\s", m[group]):
        return None  # "TO HENRIETTA BIRD, 1873.": the addressee, not the writer
    if is_date_word(m[group]):
        return None  # "April 1892.": a date, no one's name
    first = m[group].split()[0]
    if group == "f" and first.lower() not in given_names() and not re.match(r"[A-Z]\.", first):
        return None  # "FROM OLD CALABAR", "148. FROM CAIRO": where from, not who
    start = len(heading) - len(heading.lstrip())
    return clean_name(heading, start + m.start(group), start + m.end(group))


def is_title(line: str) -> bool:
    """An editor's title in capitals ("MAZZINI AFTER ROME.", "THE BRUNT OF THE WAR")."""
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)
