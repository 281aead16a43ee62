"""TEI input against plain text: the same synthetic letters built from .txt files and from
TEI P5 files (opener, dateline, salute, paragraphs, closer, signed; a few tagged names and a
correspDesc), read and processed exactly as a build does (read_path, then the per-letter
stages in chunks of 32), several runs each, alternating, medians; ratio TEI / text.

    .venv/bin/python benchmarks/tei_speed.py --letters 200 --runs 3
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.corpus.runner import Processor  # noqa: E402
from kgraph.settings import Settings  # noqa: E402
from kgraph.text.reading import read_path  # noqa: E402

NS = "http://www.tei-c.org/ns/1.0"
PEOPLE = ["Anna Berg", "Carl Dorn", "Elsa Frey", "Hugo Lind", "Ida Moser", "Otto Pohl"]
PLACES = ["Lyon", "Vienna", "Geneva", "Paris", "London", "Graz"]
SENTENCES = [
    "I met {p} in {c} last week and we spoke of the new journal.",
    "The meeting in {c} was long, and {p} read a paper on the schools.",
    "Please send my regards to {p}; the books arrived safely in {c}.",
    "We hope to travel to {c} in the spring if {p} agrees.",
    "The weather has been cold, and the work goes slowly.",
]


def letter(n: int) -> tuple[str, str]:
    """One made-up letter as plain text and as TEI."""
    rng = random.Random(n)
    sender, recipient = rng.sample(PEOPLE, 2)
    place = rng.choice(PLACES)
    date = f"{rng.randint(1, 28)} May {1880 + n % 40}"
    paras = [
        " ".join(
            rng.choice(SENTENCES).format(p=rng.choice(PEOPLE), c=rng.choice(PLACES))
            for _ in range(4)
        )
        for _ in range(3)
    ]
    first = recipient.split()[0]
    text = f"{place}, {date}\n\nDear {first},\n\n" + "\n\n".join(paras) + f"\n\nYours,\n{sender}\n"
    body = "".join(f"<p>{p}</p>" for p in paras)
    tei = (
        f'<TEI xmlns="{NS}"><teiHeader><profileDesc><correspDesc>'
        f'<correspAction type="sent"><persName>{sender}</persName>'
        f"<placeName>{place}</placeName></correspAction>"
        f'<correspAction type="received"><persName>{recipient}</persName></correspAction>'
        f"</correspDesc></profileDesc></teiHeader><text><body>"
        f"<opener><dateline><placeName>{place}</placeName>, {date}</dateline>"
        f"<salute>Dear <persName>{first}</persName>,</salute></opener>{body}"
        f"<closer><salute>Yours,</salute><signed><persName>{sender}</persName></signed>"
        f"</closer></body></text></TEI>"
    )
    return text, tei


def run(processor: Processor, paths: list[Path]) -> float:
    started = time.perf_counter()
    for i in range(0, len(paths), 32):
        processor.process([read_path(p) for p in paths[i : i + 32]])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/tei_speed.json")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tei-speed-"))
    txt, xml = [], []
    for n in range(args.letters):
        text, tei = letter(n)
        (folder / f"l{n:05d}.txt").write_text(text, encoding="utf-8")
        (folder / f"l{n:05d}.xml").write_text(tei, encoding="utf-8")
        txt.append(folder / f"l{n:05d}.txt")
        xml.append(folder / f"l{n:05d}.xml")
    processor = Processor(Settings(link="none"))
    run(processor, txt[:8])  # warm up
    times: dict[str, list[float]] = {"text": [], "tei": []}
    for _ in range(args.runs):
        times["text"].append(run(processor, txt))
        times["tei"].append(run(processor, xml))
    medians = {k: statistics.median(v) for k, v in times.items()}
    result = {
        "letters": args.letters,
        "runs": args.runs,
        "seconds": times,
        "median_seconds": medians,
        "ratio_tei_to_text": round(medians["tei"] / medians["text"], 3),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
