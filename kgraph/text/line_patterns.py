"""Line vocabulary of the ``letters`` stage: the regular expressions that recognise a
letter's openings and closings (greeting, salutation, valediction, postscript, footnote,
colophon, heading, addressee, signature, access note, section label) and the shapes of
its address lines (house, locative, postal district).

``letter_lines`` reads single lines with them; ``letter_head``, ``letter_tail`` and
``letters`` assemble a letter's structure.
"""

from __future__ import annotations

import re

GREETING = (
    # "My very own", "My ever dear"
    r"(?:(?:my|mine|our|mi|mia|mio|mon|ma|mein|meine|min|mijn)\s+"
    r"(?:(?:very\s+|ever\s+)?own\s+|ever\s+)?)?"
    r"(?:(?:very\s+|dear\s+)?dear(?:est)?|deare|dere|deer|my\s+own|querida|carissima|chéri|chérie|"
    r"(?:most\s+)?(?:esteemed|gracious|worthy)|beloved|darling|honou?red|"
    r"respected|reverend|revd|may\s+it\s+please\s+your\s+\w+|mon\s+cher|ma\s+chère|chère|cher|lieber|liebe|verehrter|caro|cara|"
    r"citizen|citoyen|citoyenne|comrade|comrades|"  # a radical's "Citizen," and "Comrades,"
    r"carissimo|querido|dorogoi|sir|sirs|madam|madame|monsieur|gentlemen|ladies|sire|herr|"
    r"señor|senor|signore|signor|mein\s+herr|hochgeehrter|geehrter|"
    r"my\s+lord|my\s+lady|your\s+(?:excellency|grace|lordship|majesty|highness)|"
    r"general|colonel|major|captain|commander|commodore|admiral|governor)\b"
)
# a rank that opens a salutation alone ("General,", "MAJOR,—"), not a heading naming one
RANK_GREETING = re.compile(
    r"(?i)general|colonel|major|captain|commander|commodore|admiral|governor"
)
SALUTATION = re.compile(rf"^{GREETING}", re.IGNORECASE)
ENDEARMENT = re.compile(r"\b(?:dear|dearest|darling|beloved)\b[,:!]?\s*$", re.IGNORECASE)
VALEDICTION = re.compile(
    r"^(?:(?:i\s+am|i\s+remain|i\s+have\s+the\s+honou?r|i\s+have,\s*(?:&c|etc)|believe\s+me|yours|your|ever|always|"
    r"very|most|with|much|all|best|kind|fondest|affectionately|sincerely|faithfully|truly|"
    r"cordially|respectfully|gratefully|adieu|farewell|love|salut|bien|tout|dein|ihr|yrs?|"
    r"fraternally|heartily|warmly|lovingly|devotedly|obediently|humbly|thine|thy|"
    r"vostro|tuo|votre|ton|je\s+suis|health\s+and\s+fraternity|[a-z]+ly\s+(?:yours|thine))\b)",
    re.IGNORECASE,  # "Wholly yours,", a radical's "Health and fraternity,", "I have, &c."
)
ACCESS_NOTE = re.compile(
    r"^(?:\W*)(?:personal|private|confidential|not\s+for\s+(?:print|publication)|strictly)\b",
    re.IGNORECASE,
)
POSTSCRIPT = re.compile(r"^(?:P\.\s?P\.\s?S\.|P\.\s?S\.|PS\b|N\.\s?B\.)", re.IGNORECASE)
FOOTNOTE = re.compile(r"^(?:\[\d+\]|\d{1,2}[.)]\s|[¹²³⁴⁵⁶⁷⁸⁹†‡]|\*+\s)")
SEPARATOR = re.compile(r"^[-*_=~\s]{3,}$")
COLOPHON_CUE = re.compile(
    r"https?://|www\.|\b\w+\.(?:com|org|net)\b|\blibrary\b|copyright|public\s+domain|"
    r"licen[cs]e|^\W*source\s*:|\bretrieved\b|\btranscri|\btranslated\s+(?:from|by)\b|"
    r"^\W*cite\s+as\b|\blast\s+updated\b|\baccessed\b|"
    r"\bedition\b|\bpublished\s+by\b|\bvol\.\s*\d|\bpp?\.\s*\d|^\[.*\]\W*$|"
    r"^(?:bibliographic\s+details|word\s+count|permanent\s+link|article\s+image)\b|"
    r"\bautomatically\s+generated\b|\bview\s+the\s+full\s+page\b|"
    r"^\W*\d+\s+comments?\b|\bleave\s+a\s+(?:comment|reply)\b",  # a blog's comments below
    re.IGNORECASE,
)
HEADING = re.compile(r"^[(\[]?(?:letter\s+[ivxlc\d]+\b|to\s+the\s+editor\b)", re.IGNORECASE)
HEADING_PARTIES = re.compile(
    r"^(?:(?:letter\s+)?from\s+)?(?P<s>[^\W\d_][^,;:]*?)\s+to\s+(?P<r>[^\W\d_][^,;:]*?)"
    r"(?=\s*(?:[,;:.(\[]|$))"
)
TITLED_SALUTATION = re.compile(
    r"^(?:Mr|Mrs|Miss|Dr|Rev|Prof)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s*[—–]"
)
ADDRESSEE = re.compile(  # "To X.", "(TO THE EDITOR OF THE TIMES.)"
    r"^[(\[]?(?:(?:an?\s+)?letter\s+)?to\s+(?P<r>[^\W\d_][^,;]*?)\s*(?:[,.;]|$)", re.I
)
EDITOR = re.compile(r"^(?:the\s+)?editors?\b", re.I)
NOT_NAMES = re.compile(
    r"^(?:sir|sirs|madam|madame|friend|fellow|comrade|comrades|brother|sister|mother|father|mamma|"
    r"papa|son|daughter|child|children|cousin|uncle|aunt|colleague|master|all|old|good|dear|"
    r"dearest|kind|little|one|editor|friends|wife|husband|love|heart|boy|girl|darling|"
    r"monsieur|signor|herr|and|reverend|revd|honoured|honored|general|colonel|captain|"
    r"major|admiral|doctor|professor|governor|president|excellency|lordship|ladyship|"
    r"majesty|highness|citizen|hofrath|hofrat|geheimrath|geheimrat|rath|rat|doktor|pfarrer|"
    r"kollege|freund|genosse|signore|señor|senor|kindest|most|esteemed|worthy|gracious|best|"
    r"beloved|own|highly|much|padre|madre|père|mère|vater|mutter|papà|mamá|figlio|figlia|esq|"
    r"esquire|your|yours|yrs|my|mine|our|ours|thy|thine|ever|truly|faithfully|sincerely|"
    r"affectionately|respectfully|obediently)$",
    re.IGNORECASE,
)
HONORIFIC = re.compile(
    r"^(?:sir|lady|lord|dr|doctor|prof|professor|mr|mrs|miss|ms|mme|m)\.?$", re.I
)
HOUSE = re.compile(
    r"(?i)\b(?:h[oô]tel|house|hall|street|road|row|square|lane|place|terrace|gardens|court|"
    r"rue|via|strasse|straße|palace|palais|castle|lodge|villa|cottage|hospital|college|"
    r"casa|palazzo|palais|schloss|ch[aâ]teau|maison|quinta|hacienda|rectory|vicarage|manor|"
    r"camp|head-?quarters|inn|bank|knoll|vale|grange|farm|priory|abbey|mill|hermitage|"
    r"parsonage|deanery|barracks|office|chambers|department|ministry|jail|gaol|prison|"
    r"penitentiary|building|laboratory|observatory|museum|library|school|institute|"
    r"infirmary|asylum|convent|monastery|embassy|legation|consulate|residency|alc[aá]zar|"
    r"university|grove|crescent|avenue|mews|parade|coll|univ|sq|club)\b"
    r"|^The\s+[A-Z][a-z]+$"  # a house named so: "The Larches", "The Firs" (not "The Hague,")
)
# a ship named where a letter was written ("BRIG ADVANCE, FISKERNAES", "H.M.S. Bellerophon,
# Plymouth"): where it lay comes after it
SHIP = re.compile(
    r"(?i)^(?:on\s+board\s+(?:the\s+)?)?(?:(?:the\s+)?(?:brig|ship|schooner|steamer|steamship|"
    r"frigate|sloop|bark|barque|yacht|packet|corvette|cutter|s\.\s?s\.|r\.\s?m\.\s?s\.|"
    r"h\.\s?m\.\s?s\.|u\.\s?s\.\s?s\.|h\.\s?m\.\s?s|h\.\s?m\.\s?(?:steam|ship)|"
    r"(?:his|her)\s+majesty['’]s\s+(?:ship|sloop|steam-?vessel|brig))\b\.?)"
)
# a city's postal district after its name ("Berlin N.", "London S.W.", "Wien IX")
POSTAL_DISTRICT = re.compile(r"(?<=[a-z])\s+(?:[NSEWO]\.?\s?[CEW]?\.?|[IVX]{1,4}\.?|\d{1,2})$")
LOCATIVE = re.compile(
    r"^(?:aux|au|à|chez|bei|beim|im|zu|presso|nel|nella|"
    r"(?:camp|head-?quarters|bivouac|lines)\s+(?:before|near|at|by|of|in)|near|before|off)\s+",
    re.I,
)
WEEKDAY = re.compile(  # in the languages of letters: "Sunday", "Ce mardi", "Sonntag"
    r"(?i)^(?:(?:ce|le|den|am)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonnabend|sonntag|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|"
    r"sabato|domenica|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado)\b"
)
SHORT = 70
# an edition's label of a section around the letter ("Transcription", "Notes", "Source Note")
SECTION = re.compile(
    r"^\[?(?:transcription|transcript|translation|original(?:\s+(?:text|document))?|text|"
    r"(?:editorial\s+|source\s+|explanatory\s+)?notes?|footnotes|summary|commentary|"
    r"sources?|references|bibliography|abstract|calendar|contents)\]?\s*:?$",  # "[Translation]"
    re.IGNORECASE,
)
# a rank or an office signed after the name ("W. T. SHERMAN, Major-General.", "J. Smith, M.D.")
_RANKS = (
    r"(?:brevet\s+)?(?:(?:lieut(?:enant)?|major|brigadier|vice|rear)[- ])?"
    r"(?:general|colonel|captain|admiral|"
    r"commodore|commander|major|lieut(?:enant)?|governor|president|secretary|minister|consul|"
    r"ambassador|envoy|bishop|archbishop|chairman|treasurer|sec|secy|pres|treas|hon\.\s?sec)"
    r"|m\.\s?d|f\.\s?r\.\s?s|esq|bart|"
    r"k\.\s?[gcb]|r\.\s?a|m\.\s?p"
)
# the addressee as the letter's outside or the editor gives it: "[Addressed: John James
# Ruskin, Esq., Denmark Hill, …]", or a peer under an official letter ("The Earl of Clarendon")
ENDORSED_TO = re.compile(
    r"(?i)^\[?(?:addressed|superscribed|directed|address)(?:\s+to)?\s*[:—–-]?\s+(?=[A-Z])"
)
PEER = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:[Rr]ight\s+)?[Hh]on(?:ou?rable|\.)\s+(?:the\s+)?)?(?=(?:Earl|Duke|"
    r"Marquis|Marquess|Viscount|Lord|Countess|Duchess|EARL|DUKE|MARQUIS|VISCOUNT|LORD)\s)"
)
SIGNED_TITLE = re.compile(rf"(?i),\s*(?:{_RANKS})\b.*$")
# letters after a name: "GERARD M. HOPKINS S.J.", "W. Osler, F.R.S."
POSTNOMINAL = re.compile(r"(?P<comma>,)?\s+(?:[A-Z][A-Za-z]?\.\s?){2,4}$")


def without_rank(name: str) -> str:
    """A signed name without the rank or the letters after it ("John Smith, Colonel",
    "GERARD M. HOPKINS S.J."); "Mary R. M." keeps her initials (one word before them)."""
    name = SIGNED_TITLE.sub("", name)
    name = re.sub(r"^(?i:thy|thine|your|yours)\s+(?=[A-Z])", "", name)  # "Thy R."
    caps = re.match(r"^([A-Z][A-Z.'’\" -]+[A-Z.]),\s+[A-Z][a-z]+\.?$", name)
    if caps is not None:
        return caps.group(1)  # "JOHN SMITH, Exovede": a name in capitals, then a style
    m = POSTNOMINAL.search(name)
    if m is not None and (m["comma"] or len(name[: m.start()].split()) >= 2):
        return name[: m.start()]
    return name


# an address panel's first line: "Robert Napier Esq.", "Wm. Hollis Esqre"
ESQUIRE = re.compile(  # "James Chambers, Esq., North Adelaide.": and the town he lives in
    r"^(?:[Tt]o\s+)?(?P<n>(?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+),?\s+Esq(?:uire|re|r)?\.?,?"
    r"(?:\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\.?)?$"
)
SIGNED = re.compile(r"(?i)^[(\[]signed[)\]]:?\s*|^signed[:,]?\s+")  # "(Signed)   W. H. BENTLEY."
# an addressee named with a rank or style at the head of an official letter
# ("Lieutenant-General U. S. GRANT, City Point, Virginia.", "The Right Hon. the Earl of X")
TITLED_ADDRESSEE = re.compile(
    rf"(?i)^(?:the\s+)?(?:(?:(?:right\s+)?hon(?:ou?rable|\.|ble|'ble)\.?\s+|"
    rf"his\s+(?:excellency|hono(?:u)?r|grace|lordship),?\s+|"  # "To His Excellency, X"
    rf"(?:{_RANKS})\.?\s+|(?:col|gen|capt|lieut|maj|adm|messrs|mr|mrs|dr|rev|revd|prof)\.\s+|"
    rf"(?:señor|senor|señora|signor|signore|herr|frau|monsieur|madame|don|doña|dona)\s+)+)"
    rf"(?=[A-Z])"
)
# a documentary edition's note of the manuscript: "ALS, InTH, Debs Collection.", "RC (Adams
# Papers).", "Dft, NNC": the kind of document, then where it is kept
SOURCE_NOTE = re.compile(r"^(?:A\.?L\.?S|A\.?L|L\.?S|T\.?L\.?S|ADf?S|Dft|RC|FC|LbC|Tr)\b\.?[,;(]")


# "[Editor of The Tribune.]—In your issue …": the paper's heading of a letter sent to it
EDITOR_SALUTATION = re.compile(
    r"(?i)^\[?(?:to\s+the\s+)?editor\s+of\s+[^\]]{3,40}?\.?\]?\s*[—–]+\s*"
)
