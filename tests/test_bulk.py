"""Bulk loading into the embedded store: a new store is filled straight from N-Quads and TriG
files, N-Quads are cut into pieces loaded in parallel, and a failure leaves the store folder
as it was and names the problem exactly as the general path does.

The pieces are made small here (the real ones are megabytes), so that small files are cut.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import kgraph.store.bulk
import kgraph.store.embedded
from kgraph.errors import DataError
from kgraph.store.bulk import Piece, Unsuitable, pieces
from kgraph.store.embedded import LoadError, load_store
from kgraph.store.query import query
from kgraph.store.serve import serve_command
from kgraph.store.staging import read_graphs

KG = "https://w3id.org/kgraph/ontology#"
RES = "https://w3id.org/kgraph/resource/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SENDER = "https://schema.org/sender"
LETTERS = 40


def letter_lines(i: int, graph: bool = True) -> list[str]:
    """A small letter as N-Quads lines (N-Triples lines when not ``graph``)."""
    letter, person = f"<{RES}letter/l{i:03d}>", f"<{RES}person/p{i % 7}>"
    g = f" {letter}" if graph else ""
    return [
        f"{letter} <{RDF_TYPE}> <{KG}Letter>{g} .\n",
        f'{letter} <{LABEL}> "Letter {i}, with a \\"quote\\""{g} .\n',
        f"{letter} <{SENDER}> {person}{g} .\n",
        f"{person} <{RDF_TYPE}> <{KG}Person>{g} .\n",
        f'{person} <{LABEL}> "Person {i % 7}"{g} .\n',
    ]


def corpus(path: Path, letters: range = range(LETTERS), extra: str = "") -> Path:
    path.write_text("".join(line for i in letters for line in letter_lines(i)) + extra)
    return path


def dump(store: Path) -> list[bytes]:
    data = ox.Store.read_only(str(store)).dump(format=ox.RdfFormat.N_QUADS) or b""
    return sorted(data.splitlines())


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut anything into pieces of about 1,000 bytes, loaded by two threads."""
    monkeypatch.setattr(kgraph.store.bulk, "SPLIT_BYTES", 0)
    monkeypatch.setattr(kgraph.store.bulk, "PIECE_BYTES", 1000)
    monkeypatch.setattr(kgraph.store.bulk, "workers", lambda: 2)


@pytest.fixture
def no_staging(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if the load takes the general path (which stages the data in memory first)."""

    def staged(*args: object) -> None:
        raise AssertionError("the general path was taken")

    monkeypatch.setattr(kgraph.store.embedded, "read_graphs", staged)


def test_pieces_are_cut_at_line_ends(tmp_path: Path, small_pieces: None) -> None:
    path = corpus(tmp_path / "letters.nq")
    data = path.read_bytes()
    for cut in (pieces(data, ox.RdfFormat.N_QUADS), pieces(path, ox.RdfFormat.N_QUADS)):
        texts = [p.data if p.data is not None else read(p) for p in cut]
        assert len(texts) == len(data) // 1000 + 1 > 2
        assert all(text.endswith(b" .\n") for text in texts)
        assert b"".join(texts) == data
    # blank nodes are named afresh by each call: data holding one is not cut, and a piece
    # cut from a file refuses to load when it holds one
    (tmp_path / "blank.nq").write_bytes(b"_:b <http://e/p> <http://e/o> <http://e/g> .\n" + data)
    first, *rest = pieces(tmp_path / "blank.nq", ox.RdfFormat.N_QUADS)
    with pytest.raises(Unsuitable):
        first.load_into(ox.Store())
    rest[0].load_into(ox.Store())  # the others hold none
    assert len(pieces(b"_:b" + data, ox.RdfFormat.N_QUADS)) == 1
    assert len(pieces(data, ox.RdfFormat.TRIG)) == 1  # TriG is never cut


def read(piece: Piece) -> bytes:
    assert piece.path is not None and piece.end is not None
    return piece.path.read_bytes()[piece.start : piece.end]


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_a_new_store_is_filled_straight_from_the_files(
    folder: str, tmp_path: Path, small_pieces: None, no_staging: None
) -> None:
    nq = corpus(tmp_path / "letters.nq")
    trig = tmp_path / "more.trig"  # TriG files go the same way, in one piece
    trig.write_text(f"<{RES}letter/t> {{ <{RES}letter/t> a <{KG}Letter> . }}\n")
    store = tmp_path / "store"
    if folder == "empty":
        store.mkdir()
    report = load_store([nq, trig], store)
    expected = ox.Store()
    expected.load(path=nq, format=ox.RdfFormat.N_QUADS)
    expected.load(path=trig, format=ox.RdfFormat.TRIG)
    graphs = sorted(g.value for g in expected.named_graphs() if isinstance(g, ox.NamedNode))
    assert report.graphs == report.written == tuple(graphs) and len(graphs) == LETTERS + 1
    assert report.unchanged == () and report.triples == len(expected)
    assert dump(store) == sorted((expected.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines())


def test_the_general_path_gives_the_same_store(tmp_path: Path, small_pieces: None) -> None:
    nq = corpus(tmp_path / "letters.nq")
    fast = load_store([nq], tmp_path / "fast")
    general = load_store(read_graphs([nq]), tmp_path / "general")  # staged: the general path
    assert dump(tmp_path / "fast") == dump(tmp_path / "general")
    assert (fast.graphs, fast.written, fast.triples) == (
        general.graphs,
        general.written,
        general.triples,
    )
    again = load_store([nq], tmp_path / "fast")  # an existing store: nothing is written
    assert again.written == () and len(again.unchanged) == LETTERS


def test_blank_nodes_keep_their_identity(tmp_path: Path, small_pieces: None) -> None:
    blank = f'_:a <{LABEL}> "first" <{RES}letter/l000> .\n'
    nq = corpus(tmp_path / "letters.nq", extra=blank.replace("first", "last"))
    nq.write_text(blank + nq.read_text())
    load_store([nq], tmp_path / "store")
    subjects = {q.subject for q in ox.Store.read_only(str(tmp_path / "store"))}
    assert len([s for s in subjects if isinstance(s, ox.BlankNode)]) == 1


@pytest.mark.parametrize("folder", ["missing", "empty", "missing/nested"])
def test_a_bad_file_leaves_no_new_store(folder: str, tmp_path: Path, small_pieces: None) -> None:
    good = corpus(tmp_path / "good.nq")
    bad = corpus(tmp_path / "bad.nq", extra="<http://example.org/a> <http://example.org/b> .\n")
    with pytest.raises(DataError) as general:
        read_graphs([good, bad])
    assert f"line {LETTERS * 5 + 1}, column" in general.value.message
    store = tmp_path / folder
    if folder == "empty":
        store.mkdir()
    with pytest.raises(DataError) as caught:
        load_store([good, bad], store)  # the good file and most of the bad one were loaded
    assert (caught.value.message, caught.value.hint) == (general.value.message, general.value.hint)
    if folder == "empty":
        assert store.is_dir() and list(store.iterdir()) == []
    else:
        assert not (tmp_path / "missing").exists()


def test_default_graph_triples_take_the_general_path(tmp_path: Path, small_pieces: None) -> None:
    nq = tmp_path / "one.nq"  # N-Quads without graphs: the triples of one letter
    nq.write_text("".join(letter_lines(3, graph=False)))
    report = load_store([nq], tmp_path / "store")
    assert report.graphs == (f"{RES}letter/l003",)
    in_graph = f" <{RES}letter/l003> .".encode()
    assert all(line.endswith(in_graph) for line in dump(tmp_path / "store"))
    two = tmp_path / "two.nq"
    two.write_text("".join(letter_lines(3, graph=False) + letter_lines(4, graph=False)))
    with pytest.raises(DataError, match=r"two\.nq: 2 letters"):
        load_store([two], tmp_path / "other")
    assert not (tmp_path / "other").exists()


def test_a_failing_disk_leaves_no_new_store(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Piece.load_into
    calls: list[int] = []

    def load_into(self: Piece, store: ox.Store) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("No space left on device")
        real(self, store)

    monkeypatch.setattr(Piece, "load_into", load_into)
    store = tmp_path / "store"
    with pytest.raises(LoadError) as caught:
        load_store([corpus(tmp_path / "letters.nq")], store)
    assert caught.value.message == f"{store}: nothing was written (No space left on device)"
    assert not store.exists() and len(calls) >= 3


def test_new_letters_go_into_an_existing_store_in_pieces(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    load_store([corpus(tmp_path / "first.nq", range(5))], store)
    loaded: list[int] = []
    real = Piece.load_into
    monkeypatch.setattr(Piece, "load_into", lambda p, s: loaded.append(1) or real(p, s))
    everything = corpus(tmp_path / "all.nq")
    report = load_store([everything], store)
    assert len(report.written) == LETTERS - 5 and len(report.unchanged) == 5
    assert len(loaded) > 2  # the new letters went in by several bulk-load calls
    assert dump(store) == dump_of(everything)


def dump_of(path: Path) -> list[bytes]:
    store = ox.Store()
    store.load(path=path, format=ox.RdfFormat.N_QUADS)
    return sorted((store.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines())


def test_an_interrupted_load_removes_the_new_store(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    nq = corpus(tmp_path / "letters.nq")
    loaded = []
    real = Piece.load_into

    def interrupted(piece: Piece, store: ox.Store) -> None:
        if len(loaded) == 3:
            raise KeyboardInterrupt  # Ctrl-C while the fourth piece loads
        loaded.append(piece)
        real(piece, store)

    monkeypatch.setattr(Piece, "load_into", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_store([nq], tmp_path / "store")
    assert not (tmp_path / "store").exists()
    # no piece starts after the interrupt (two threads: each may have passed the check once)
    assert 3 <= len(loaded) <= 4 < len(pieces(nq, ox.RdfFormat.N_QUADS))


def test_an_interrupted_load_into_a_store_leaves_it_as_it_was(
    tmp_path: Path, small_pieces: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store"
    load_store([corpus(tmp_path / "old.nq", range(0, 5))], store)
    before = dump(store)
    real = Piece.load_into
    loaded: list[Piece] = []

    def interrupted(piece: Piece, target: ox.Store) -> None:
        if len(loaded) == 2:
            raise KeyboardInterrupt
        loaded.append(piece)
        real(piece, target)

    monkeypatch.setattr(Piece, "load_into", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_store([corpus(tmp_path / "new.nq", range(5, LETTERS))], store)
    assert len(loaded) >= 2 and dump(store) == before


CRASH = """
import os, sys
import kgraph.store.bulk
from kgraph.store.embedded import load_store

real = kgraph.store.bulk.Piece.load_into
count = []

def crash(piece, store):
    real(piece, store)
    count.append(piece)
    if len(count) == 3:
        os._exit(9)  # the process dies: no clean-up runs

kgraph.store.bulk.SPLIT_BYTES, kgraph.store.bulk.PIECE_BYTES = 0, 1000
kgraph.store.bulk.workers = lambda: 1
kgraph.store.bulk.Piece.load_into = crash
load_store([sys.argv[1]], sys.argv[2])
"""


def test_a_store_left_by_a_killed_load_is_refused(tmp_path: Path) -> None:
    nq = corpus(tmp_path / "letters.nq")
    folder = tmp_path / "store"
    done = subprocess.run([sys.executable, "-c", CRASH, str(nq), str(folder)], check=False)
    assert done.returncode == 9
    assert len(ox.Store.read_only(str(folder))) > 0  # part of the data is in it
    for run in (
        lambda: query("letters", store=folder),
        lambda: load_store([nq], folder),
        lambda: serve_command(folder),
    ):
        with pytest.raises(DataError) as refused:
            run()
        assert refused.value.message == (
            f"{folder}: a load into this new store was interrupted, so the store is incomplete"
        )
        assert refused.value.hint == f"remove the folder and load again: rm -r {folder}"
    shutil.rmtree(folder)
    assert load_store([nq], folder).triples == len(dump_store(nq))


def dump_store(nq: Path) -> list[bytes]:
    store = ox.Store()
    store.load(path=nq, format=ox.RdfFormat.N_QUADS)
    return (store.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines()
