"""The synthetic corpus: letters made from the sample letter, the same bytes for one seed."""

from __future__ import annotations

import datetime as dt
import random
import re
import statistics
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from speedkit import ROOT

SAMPLE = ROOT / "data" / "letters" / "kropotkin-to-berkman-1908-11-20.txt"


# (full name, given name, surname) of the writers and their correspondents
PEOPLE = [
    ("Peter Kropotkin", "Peter", "Kropotkin"),
    ("Alexander Berkman", "Alexander", "Berkman"),
    ("Emma Goldman", "Emma", "Goldman"),
    ("Errico Malatesta", "Errico", "Malatesta"),
    ("Élisée Reclus", "Élisée", "Reclus"),
    ("Jean Grave", "Jean", "Grave"),
    ("Louise Michel", "Louise", "Michel"),
    ("Max Nettlau", "Max", "Nettlau"),
    ("Rudolf Rocker", "Rudolf", "Rocker"),
    ("Gustav Landauer", "Gustav", "Landauer"),
    ("Voltairine de Cleyre", "Voltairine", "de Cleyre"),
    ("Benjamin Tucker", "Benjamin", "Tucker"),
    ("Harry Kelly", "Harry", "Kelly"),
    ("Saul Yanovsky", "Saul", "Yanovsky"),
    ("Thomas Keell", "Thomas", "Keell"),
    ("Joseph Ishill", "Joseph", "Ishill"),
]
# (address lines, the town of the dateline)
ADDRESSES = [
    (["Viola. Muswill Hill Row", "London, N."], "London"),
    (["6 Crescent Road", "Bromley, Kent"], "Bromley"),
    (["Whiteway Colony", "Stroud, Gloucestershire"], "Stroud"),
    (["127 Ossulston Street", "London, N.W."], "London"),
    (["140 Rue Mouffetard", "Paris"], "Paris"),
    (["Via dei Serragli 14", "Florence"], "Florence"),
    (["210 East 13th Street", "New York"], "New York"),
    (["Rue de la Poste 8", "Brussels"], "Brussels"),
    (["Ixelles, Rue Vilain XIIII 27", "Brussels"], "Brussels"),
    (["Clarens, Villa Beau Site", "Vaud"], "Clarens"),
    (["Gartenstrasse 9", "Berlin"], "Berlin"),
    (["1207 Locust Street", "Philadelphia"], "Philadelphia"),
]
DATELINE_TOWNS = [
    "Brighton",
    "London",
    "Paris",
    "Geneva",
    "Lausanne",
    "Locarno",
    "Zurich",
    "Barcelona",
    "Chicago",
    "Bordighera",
]
CAPITALS = ["Paris", "Brussels", "Barcelona", "Milan", "Zurich", "Amsterdam", "Berlin"]
FRENCH_TOWNS = [
    "Lyons",
    "Vienne",
    "Montceau-les-Mines",
    "Saint-Étienne",
    "Marseilles",
    "Bourges",
    "Amiens",
    "Nantes",
    "Lille",
    "Roubaix",
    "Grenoble",
    "Limoges",
]
CONGRESS_TOWNS = ["Toulouse", "Amiens", "Bourges", "Marseilles", "Montpellier", "Nantes"]
SWISS_TOWNS = ["Geneva", "Lausanne", "Berne", "Lugano", "La Chaux-de-Fonds"]
COUNTRIES = [
    ("America", "American"),
    ("England", "English"),
    ("Italy", "Italian"),
    ("Spain", "Spanish"),
    ("Germany", "German"),
]
PERIODICALS = ["Mother Earth", "Freedom", "Free Society", "Freie Arbeiter Stimme", "Liberty"]
SALUTATIONS = ["Dear {s}", "Dear {s},", "Dear Comrade {s},", "My dear {g},", "Dear friend {s},"]
VALEDICTIONS = [
    "Much brotherly love,",
    "Yours fraternally,",
    "Ever yours,",
    "With warm greetings,",
    "Yours in the cause,",
    "Affectionately,",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def _date_text(date: dt.date, style: int) -> str:
    month = MONTHS[date.month - 1]
    short = month if len(month) <= 4 else month[:3] + "."
    return [
        f"{month} {date.day}, {date.year}.",
        f"{date.day} {month} {date.year}",
        f"{short} {_ordinal(date.day)}, {date.year}",
        f"{_ordinal(date.day)} {month}, {date.year}",
    ][style]


def _slug(value: str) -> str:
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def sample_body(text: str) -> list[str]:
    """The body paragraphs of the sample letter: after the salutation, before the valediction.
    A paragraph broken by a blank line (the next block starts in lower case) is kept whole."""
    blocks = [b.strip("\n") for b in text.split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.splitlines()[-1].startswith("Dear ")) + 1
    end = next(
        i
        for i in range(start, len(blocks))
        if re.fullmatch(r"[A-Z][a-z]+(?: [a-z]+)*,", blocks[i].strip())
    )
    body: list[str] = []
    for block in blocks[start:end]:
        if body and block[:1].islower():
            body[-1] += "\n\n" + block
        else:
            body.append(block)
    return body


def make_letter(rng: random.Random, body: Sequence[str]) -> tuple[str, str]:
    """(file stem, text) of one synthetic letter made from the sample's ``body``."""
    sender, recipient = rng.sample(PEOPLE, 2)
    date = dt.date(1885, 1, 1) + dt.timedelta(days=rng.randrange(36 * 365))
    date_text = _date_text(date, rng.randrange(4))
    shift = date.year - 1908
    country, adjective = rng.choice(COUNTRIES)
    towns = rng.sample(FRENCH_TOWNS, 3)
    swaps = {
        "Berkman": recipient[2],
        "Peter": sender[1],
        "America": country,
        "American": adjective,
        "Paris": rng.choice(CAPITALS),
        "Toulouse": rng.choice(CONGRESS_TOWNS),
        "Lyons": towns[0],
        "Vienne": towns[1],
        "Montceau-les-Mines": towns[2],
        "Geneva": rng.choice(SWISS_TOWNS),
        "1878": str(1878 + shift),
        "1886": str(1886 + shift),
        "Mother Earth": rng.choice(PERIODICALS),
    }
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, swaps)) + r")\b")
    keep = sorted(rng.sample(range(len(body)), rng.randint(3, 7)))
    if len(keep) > 3 and rng.random() < 0.4:  # two paragraphs the other way round
        i = rng.randrange(1, len(keep) - 1)
        keep[i], keep[i + 1] = keep[i + 1], keep[i]
    paragraphs = [pattern.sub(lambda m: swaps[m.group(1)], body[i]) for i in keep]

    parts: list[str] = []
    if rng.random() < 0.6:
        parts.append(f"# {sender[2]} to {recipient[0]}, {_date_text(date, 0).rstrip('.')}")
    if rng.random() < 0.5:
        parts.append(sender[0])
    head: list[str] = []
    if rng.random() < 0.3:
        head.append("Personal; not for print")
    if rng.random() < 0.6:  # a date line, then an address block
        parts.append(date_text)
        head += rng.choice(ADDRESSES)[0]
    else:  # "Brighton, 14 May 1912"
        head.append(f"{rng.choice(DATELINE_TOWNS)}, {date_text}")
    head.append(rng.choice(SALUTATIONS).format(s=recipient[2], g=recipient[1]))
    parts.append("  \n".join(head))
    parts += paragraphs
    parts.append(rng.choice(VALEDICTIONS))
    parts.append(rng.choice([sender[0], sender[0], f"{sender[1][0]}. {sender[2]}", sender[1]]))
    if rng.random() < 0.5:
        parts.append("The Anarchist Library  \nAnti-Copyright")
        parts.append(f"{sender[0]}  \n{sender[2]} to {recipient[0]}, {_date_text(date, 0)}")
    stem = f"{_slug(sender[2])}-to-{_slug(recipient[2])}-{date.isoformat()}"
    return stem, "\n\n".join(parts) + "\n"


def build_synthetic_corpus(folder: Path, count: int, seed: int) -> dict[str, Any]:
    """Write ``count`` letters into ``folder``; return their statistics."""
    rng = random.Random(seed)
    body = sample_body(SAMPLE.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    words: list[int] = []
    size = 0
    for index in range(count):
        stem, text = make_letter(rng, body)
        data = text.encode("utf-8")
        (folder / f"{index:05d}-{stem}.txt").write_bytes(data)
        words.append(len(text.split()))
        size += len(data)
    return {
        "letters": count,
        "words": sum(words),
        "bytes": size,
        "words_per_letter": {
            "mean": round(statistics.mean(words), 1),
            "min": min(words),
            "max": max(words),
        },
        "seed": seed,
        "sample_body_paragraphs": len(body),
    }


def corpus_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.txt"))
