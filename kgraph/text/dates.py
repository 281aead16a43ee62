"""Dates as letters write them: find one in a short line and normalise it to ISO 8601."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from kgraph.model import DatePrecision

MONTHS: dict[str, int] = {}
_MONTH_NAMES = {
    1: "january jan janv janvier januar jän gennaio gennajo genn enero январь января",
    2: "february feb febr février fevrier februar febbraio febbrajo febrero февраль февраля",
    3: "march mar mars märz maerz märtz mertz marzo март марта",
    4: "april apr avril aprile abril апрель апреля",
    5: "may mai maggio mayo май мая",
    6: "june jun juin juni giugno junio июнь июня",
    7: "july jul juillet juli luglio julio июль июля",
    8: "august aug août aout agosto август августа",
    9: "september sep sept septembre settembre septiembre сентябрь сентября",
    10: "october oct octobre oktober okt ottobre octubre октябрь октября",
    11: "november nov novembre noviembre ноябрь ноября",
    12: "december dec déc décembre decembre dezember dez dicembre diciembre декабрь декабря",
}
# abbreviations letters of the period use ("Jany", "Feby", "Septr", "7ber" for September)
_OLD_FORMS = {
    1: "jany jan'y janr janry janey",
    2: "feby feb'y febr'y febry",
    3: "mar'h",
    4: "apl aprl",
    8: "augt aug'st",
    9: "septr sept'r 7ber 7bre septemr",
    10: "octr oct'r 8ber 8bre octobr octor",
    11: "novr nov'r 9ber 9bre novemr novembr",
    12: "decr dec'r 10ber xber 10bre decemr decembr",
}
# Latin, as datelines of the period write the month (genitive and ablative)
_LATIN = {
    1: "januarii ianuarii januario ianuario",
    2: "februarii februario",
    3: "martii martio",
    4: "aprilis aprili",
    5: "maii maio",
    6: "junii iunii junio iunio",
    7: "julii iulii julio iulio",
    8: "augusti augusto",
    9: "septembris septembri",
    10: "octobris octobri",
    11: "novembris novembri",
    12: "decembris decembri",
}
# Polish (genitive as datelines write them, and nominative), Dutch, Portuguese, Scandinavian
_MORE_NAMES = {
    1: "stycznia styczeń januari janeiro",
    2: "lutego luty februari fevereiro",
    3: "marca marzec maart março marco mars marts",
    4: "kwietnia kwiecień abril",
    5: "maja maj mei maio",
    6: "czerwca czerwiec junho",
    7: "lipca lipiec julho",
    8: "sierpnia sierpień augustus agosto augusti",
    9: "września wrzesień setembro",
    10: "października październik outubro",
    11: "listopada listopad novembro",
    12: "grudnia grudzień dezembro desember",
}
# Czech (genitive, as datelines write them, and nominative), and Latinate abbreviations
_CZECH = {
    1: "ledna leden januar",
    2: "února únor februar",
    3: "března březen",
    4: "dubna duben",
    5: "května květen",
    6: "června červen",
    7: "července červenec",
    8: "srpna srpen",
    9: "září septemb",
    10: "října říjen octob",
    11: "listopadu novemb",
    12: "prosince prosinec decemb",
}
for _number, _names in _CZECH.items():
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
for _number, _names in _LATIN.items():
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
for _number, _names in _MORE_NAMES.items():
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)
for _number, _names in _OLD_FORMS.items():
    for _name in _names.split():
        MONTHS[_name] = _number
for _number, _names in _MONTH_NAMES.items():
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH = r"(?P<month>[^\W\d_]{3,10}|[^\W\d_]{3,6}['’][a-z]{1,2}|(?:7|8|9|10|x)b(?:e)?re?)\.?"
# "February 12 (24)": an Old Style day with its New Style day in brackets; the first counts
# what follows a day's number in the languages of letters: "20th", "1er", "8ten", "10de",
# "3die", "4:e", "5º", "12t" (a German "12ten" cut short)
DAY_SUFFIX = r"(?:st|nd|rd|th|d|er|e|ten|te|ter|sten|t|de|die|dje|den|ste|:e|:de|:a|º|°)"
# "19 th" (a printed italic's "19_th_"), and the calendar a day is given in ("July 23, N.S.")
_DAY = (
    rf"(?P<day>\d{{1,2}})(?:{DAY_SUFFIX}|\s(?:st|nd|rd|th)\b)?\.?"
    r"(?:\s?\(\d{1,2}\)|/\d{1,2}(?:st|nd|rd|th|d)?(?!\d)\.?)?"
)
_STYLE = r"(?:,?\s+[ON]\.\s?S\.)?"  # Old or New Style, after the day or the month
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
# a Russian letter's two calendars: "21 June (3 July) 1877", "21 June/3 July 1877",
# "June 21 (July 3), 1877": the first (the writer's own) counts
_DUAL_DM = r"(?:\s?\(\d{1,2}\s+[^\W\d_]{3,10}\.?\)|\s?/\s?\d{1,2}\s+[^\W\d_]{3,10}\.?)?"
_DUAL_MD = r"(?:\s?\([^\W\d_]{3,10}\.?\s+\d{1,2}\)|\s?/\s?[^\W\d_]{3,10}\.?\s+\d{1,2})?"
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
# "Twenty-first November, 1854": days written out as ordinal words
DAY_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
DAY_WORDS.update({w: i + 10 for i, w in enumerate(_TEENS)})
DAY_WORDS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31})
DAY_WORDS.update({f"twenty-{w}": 21 + i for i, w in enumerate(_UNITS)})
DAY_WORDS.update({f"twenty {w}": 21 + i for i, w in enumerate(_UNITS)})
_DAYWORD = r"(?P<dayword>(?:twenty[- ]|thirty[- ])?[a-z]+(?:st|nd|rd|th))"
_PATTERNS = [
    # 1908-11-20
    re.compile(r"(?<!\d)(?P<year>1[5-9]\d\d|20\d\d)-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    # November 20, 1908 / Nov. 20th 1908 / octubre 17 de 1787
    re.compile(
        rf"\b{_MONTH},?\s+(?:the\s+)?{_DAY}{_DUAL_MD}{_STYLE}\s?[,–]?\s+(?:de\s+)?{_YEAR}\b"
    ),
    # "8 mo. 28th 1848", "28th of 8th mo. 1848": the Friends' numbered months
    re.compile(
        r"(?<!\d)(?P<mnum>\d{1,2})(?:st|nd|rd|th|d)?\s*(?i:mo)(?:nth)?\.?,?\s+"
        r"(?P<day>\d{1,2})(?:st|nd|rd|th|d)?[,.]?\s+(?P<year>1[5-9]\d\d)\b"  # "11th mo. 12. 1901"
    ),
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mnum>\d{1,2})(?:st|nd|rd|th)?"
        r"\s*mo(?:nth)?\.?,?\s+(?P<year>1[5-9]\d\d)\b"
    ),
    # 20 November 1908 / the 12th of March, 1794 / 3. März 1871
    re.compile(rf"\b{_DAY}\s+(?:of\s+|de\s+)?{_MONTH}{_DUAL_DM}{_STYLE},?\s+(?:de\s+)?{_YEAR}\b"),
    # the Twenty-first November, 1854 / November the twenty-first, 1854
    re.compile(rf"(?i)\b{_DAYWORD}\s+(?:of\s+|day\s+of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"(?i)\b{_MONTH},?\s+(?:the\s+)?{_DAYWORD},?\s+{_YEAR}\b"),
    # 1860, May 8 (year first, as some editions print a dateline)
    re.compile(rf"\b{_YEAR},?\s+{_MONTH}\s+{_DAY}(?![\d\w])"),
    # 1936. XI. 19., 1936. 11. 19.: year, month, day, as Hungarian datelines write them
    re.compile(
        r"\b(?P<year>1[5-9]\d\d|20\d\d)\.\s?(?:(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)|"
        r"(?P<mnum>\d{1,2}))\.\s?(?P<day>\d{1,2})\.?(?!\d)"
    ),
    # 20/11/1908 or 20.11.1908 (day first, as in most of Europe)
    re.compile(r"(?<!\d)(?P<day>\d{1,2})[/.](?P<mnum>\d{1,2})[/.](?P<year>1[5-9]\d\d|20\d\d)\b"),
    # 14/VII. 1913, 14. VII. 1913: the month in Roman numerals, as Central Europe writes it
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})\s?[/.]\s?(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
        r"\.?\s?[/.,]?\s?(?P<year>1[5-9]\d\d|20\d\d)\b"
    ),
    # March 1915
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"),
    # 1889 alone
    re.compile(rf"(?<![\d-]){_YEAR}(?![\d-])"),
]


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str
    precision: DatePrecision


def _month(value: str) -> int | None:
    key = value.lower().rstrip(".").replace("’", "'")
    return (
        MONTHS.get(key)
        or (MONTHS.get(key.replace("'", "")) if "'" in key else None)
        or _abbreviated(key.replace("'", ""))
        or _misread(key)
    )


def _misread(word: str) -> int | None:
    """A long month name with one letter misread by a scanner ("Deeember", "Octobcr",
    "Novemher"): the same length, the same first letter, one letter different."""
    for number, name in enumerate(_ENGLISH_MONTHS, 1):
        same = len(name) >= 7 and len(word) == len(name) and word[0] == name[0]
        if same and sum(a != b for a, b in zip(word, name, strict=True)) == 1:
            return number
    return None


_ENGLISH_MONTHS = tuple(_MONTH_NAMES[n].split()[0] for n in range(1, 13))


def _abbreviated(word: str) -> int | None:
    """A month the writer abbreviated by dropping letters ("Novbr", "Septbr", "Febry"): the
    word starts with a month's first three letters and its letters are the month's, in
    order ("Marsh", "Jane" and "Octavia" are not)."""
    if not 4 <= len(word) <= 8:
        return None
    for number, name in enumerate(_ENGLISH_MONTHS, 1):
        if word[:3] == name[:3] and _in_order(word[3:], name[3:]):
            return number
    return None


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(c in rest for c in letters)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def is_date_word(text: str) -> bool:
    """A month or a weekday as letters write them ("Augt", "Sept'r", "Oktober", "Sunday"):
    never a place or a name."""
    word = text.lower().rstrip(".")
    return _month(word) is not None or word in WEEKDAYS or word[:-1] in WEEKDAYS


# an editor's brackets ("[1860]", "〈1868〉") and a printed emphasis ("_Dec. 3, 1802._"):
# read as spaces, so offsets stay those of the text
_MARKS = str.maketrans("[]〈〉⟨⟩_", "       ")


# letters an editor supplied inside a word ("Sept[embe]r", "Feb[ruar]y")
_SUPPLIED = re.compile(r"(?<=[^\W\d_])\[([^\W\d_]{1,8})\]([^\W\d_]*)")


def unmark(text: str) -> str:
    """``text`` with editors' brackets and emphasis underscores as spaces (same length); a
    word with supplied letters is read whole, the spaces after it ("Sept[embe]r" is
    "September  ")."""
    text = _SUPPLIED.sub(lambda m: m[1] + m[2] + "  ", text)
    return text.translate(_MARKS)


# a scanner's misreadings of a day's digits before a month: "gth June" (9th), "l5th" (15th)
_MISREAD_DAY = re.compile(r"\b(?:g|[lI](?=\d))(?=\d?(?:st|nd|rd|th)\s+[A-Z])")


def find_date(line: str) -> FoundDate | None:
    """The first, most precise date in ``line`` (offsets relative to the line), or None."""
    line = _MISREAD_DAY.sub(lambda m: "9" if m.group() == "g" else "1", line)  # same length
    for pattern in _PATTERNS:
        for m in pattern.finditer(line):
            groups = m.groupdict()
            year = int(groups["year"])
            month: int | None
            if groups.get("mnum"):
                month = int(groups["mnum"])
            elif groups.get("roman"):
                month = ROMAN_MONTHS.index(groups["roman"]) + 1
            elif groups.get("month"):
                month = _month(groups["month"])
                if month is None:
                    continue
            else:
                month = None
            if month is not None and not 1 <= month <= 12:
                continue
            if groups.get("dayword"):
                groups["day"] = str(DAY_WORDS.get(groups["dayword"].lower(), 0))
            if groups.get("day"):
                day = int(groups["day"])
                if month is None or not _valid(year, month, day):
                    continue
                return FoundDate(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}", "day")
            if month is not None:
                return FoundDate(m.start(), m.end(), f"{year:04d}-{month:02d}", "month")
            return FoundDate(m.start(), m.end(), f"{year:04d}", "year")
    return None
