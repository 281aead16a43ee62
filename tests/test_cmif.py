"""CMIF export: valid against the official CMIF 1.1 RelaxNG schema and Schematron (jing),
deterministic, authority refs as CMIF lists them, unknown parties, failures change nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from lxml import etree

from kgraph.errors import DataError
from kgraph.export.cmif import CmifInfo, bibl_id, cmif_bytes, export_cmif, write_cmif
from kgraph.export.collection import read_collection
from kgraph.export.correspondence import write_all
from tests.conftest import GOLDEN, ROOT
from tests.test_collection import TRIG

SCHEMAS = ROOT.parent / "shared" / "schemas" / "cmif"
T = "{http://www.tei-c.org/ns/1.0}"
INFO = CmifInfo(url="https://example.org/letters-cmif.xml", editor="A. Editor", date="2024-05-01")


def jing(schema: str, path: Path) -> tuple[int, list[str]]:
    """jing's exit code and its findings (Debian's three ``[warning]`` lines left out)."""
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed (apt-get install jing)")
    if not (SCHEMAS / schema).is_file():
        pytest.skip(f"the CMIF schema folder {SCHEMAS} is absent")
    done = subprocess.run(
        ["jing", str(SCHEMAS / schema), str(path)], capture_output=True, text=True, timeout=120
    )
    lines = (done.stdout + done.stderr).splitlines()
    return done.returncode, [line for line in lines if not line.startswith("[warning]")]


def assert_valid_cmif(path: Path) -> list[str]:
    """RelaxNG exit 0; Schematron without [E…] findings. Returns the [W…] findings."""
    code, findings = jing("cmi-customization.rng", path)
    assert code == 0, findings
    _, findings = jing("cmif.sch", path)
    errors = [line for line in findings if re.search(r"\[E\d+\]", line)]
    assert not errors, findings
    return [line for line in findings if re.search(r"\[W\d+\]", line)]


@pytest.fixture
def trig(tmp_path: Path) -> Path:
    path = tmp_path / "two.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


@pytest.mark.slow  # runs jing (Java)
def test_sample_output_is_valid_cmif(tmp_path: Path) -> None:
    path, count = export_cmif([GOLDEN.parent], tmp_path / "letters-cmif.xml", INFO)
    assert count == 1
    assert assert_valid_cmif(path) == []
    doc = etree.parse(str(path))
    (desc,) = doc.iter(f"{T}correspDesc")
    sent = desc.find(f"{T}correspAction[@type='sent']")
    assert sent is not None and sent.find(f"{T}date").get("when") == "1908-11-20"


def test_refs_unknown_parties_and_editions(trig: Path, tmp_path: Path) -> None:
    path = write_cmif(read_collection([trig]), tmp_path / "c.xml", INFO)
    assert_valid_cmif(path)
    doc = etree.parse(str(path))
    a, b = doc.iter(f"{T}correspDesc")
    # letter a: no sender (CMIF's "Unknown"), no date (no <date>), recipient with GND preferred
    sent_a = a.find(f"{T}correspAction[@type='sent']")
    assert [e.text for e in sent_a.iter(f"{T}persName")] == ["Unknown"]
    assert sent_a.find(f"{T}date") is None
    place = sent_a.find(f"{T}placeName")
    assert place.text == "Brindle" and place.get("ref") is None  # Wikidata only: not a CMIF id
    ada = a.find(f"{T}correspAction[@type='received']/{T}persName")
    assert ada.get("ref") == "https://d-nb.info/gnd/1234567"
    assert b.find(f".//{T}date").get("when") == "1890-03"
    # two editions: the one letter a's graph names and the default one for letter b
    bibls = {
        e.text: e.get("{http://www.w3.org/XML/1998/namespace}id") for e in doc.iter(f"{T}bibl")
    }
    assert set(bibls) == {"Collected Quills", "Letters"}
    assert a.get("source") == f"#{bibls['Collected Quills']}"
    assert b.get("source") == f"#{bibls['Letters']}"
    assert all(i[0].isalpha() for i in bibls.values())


def test_deterministic_and_stable_ids(trig: Path) -> None:
    collection = read_collection([trig])
    assert cmif_bytes(collection, INFO) == cmif_bytes(read_collection([trig]), INFO)
    assert bibl_id(INFO.url, "Letters") == bibl_id(INFO.url, "Letters")
    assert bibl_id(INFO.url, "Letters") != bibl_id(INFO.url, "Other")


def test_bad_options_are_refused() -> None:
    with pytest.raises(DataError, match="public http"):
        CmifInfo(url="letters.xml", editor="E", date="2024-01-01")
    with pytest.raises(DataError, match="date"):
        CmifInfo(url="https://x.org/c.xml", editor="E", date="May 2024")
    with pytest.raises(DataError, match="editor"):
        CmifInfo(url="https://x.org/c.xml", editor=" ", date="2024-01-01")


def test_failed_export_keeps_earlier_file(trig: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.xml"
    write_cmif(read_collection([trig]), out, INFO)
    before = out.read_bytes()
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.ttl"):
        export_cmif([bad], out, INFO)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.ttl", "c.xml", "two.trig"]


class _Interrupted(Mapping[Path, bytes]):
    """Files to write, with Ctrl-C arriving while the second one is made."""

    def __init__(self, files: dict[Path, bytes]) -> None:
        self.files = files

    def __getitem__(self, key: Path) -> bytes:
        return self.files[key]

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[Path]:
        for n, path in enumerate(self.files):
            if n == 1:
                raise KeyboardInterrupt
            yield path


def test_interrupted_write_keeps_every_earlier_file(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    first.write_bytes(b"old a")
    second.write_bytes(b"old b")
    with pytest.raises(KeyboardInterrupt):
        write_all(_Interrupted({first: b"new a", second: b"new b"}))
    assert first.read_bytes() == b"old a" and second.read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xml", "b.xml"]


LETTERS = {
    "ames-to-brook.txt": "Hollin, 3 March 1891\n\nDear Brook,\n\nI met Clara Venn in Paris "
    "last week; she spoke of the Quarry Society.\n\nYours ever,\nJonas Ames\n",
    "unsigned.txt": "A note with no date and no name, about London and Clara Venn.\n",
}


@pytest.mark.slow  # builds letters, runs jing
def test_built_collection_is_valid_cmif(tmp_path: Path) -> None:
    """Letters written for this test, built by kgraph (offline, no linking), then exported."""
    from kgraph.api import build_files
    from kgraph.settings import Settings

    letters = tmp_path / "letters"
    letters.mkdir()
    for name, text in LETTERS.items():
        (letters / name).write_text(text, encoding="utf-8")
    settings = Settings(link="none")
    build_files([letters], tmp_path / "out", fmt="nq", settings=settings)
    path, count = export_cmif([tmp_path / "out"], tmp_path / "c.xml", INFO)
    assert count == 2
    assert_valid_cmif(path)
    names = [e.text for e in etree.parse(str(path)).iter(f"{T}persName")]
    assert "Unknown" in names  # the unsigned note
