"""Corpus builds: processes and Dask give the same bytes as one process; failures are
reported per letter; unchanged letters are skipped; progress is drawn only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli.main import main
from kgraph.corpus import manifest
from kgraph.corpus.batch import build_corpus
from kgraph.corpus.progress import ProgressBar
from kgraph.errors import KGraphError
from kgraph.settings import Settings

LETTERS = {
    "a-darwin.txt": "Down, 3 May 1860.\n\nMy dear Hooker,\n\nI was in London last week.\n\n"
    "Ever yours,\nC. Darwin\n",
    "b-sand.txt": "Nohant, 12 juin 1861.\n\nDear Gustave,\n\n"
    "We went to Paris and saw Delacroix.\n\nYour old friend,\nGeorge Sand\n",
    "c-nested/c-keats.md": "Rome, 30 November 1820.\n\nMy dear Brown,\n\n"
    "I am at Rome with Severn.\n\nGod bless you,\nJohn Keats\n",
}


@pytest.fixture()
def letters(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    for name, text in LETTERS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("Not a letter.\n", encoding="utf-8")
    return folder


@pytest.mark.slow  # worker processes
def test_two_processes_write_the_same_bytes_as_one(letters: Path, tmp_path: Path) -> None:
    one = build_corpus([letters], tmp_path / "one.nq", "nq", Settings(), jobs=1)
    two = build_corpus([letters], tmp_path / "two.nq", "nq", Settings(), jobs=2)
    assert one.letters == two.letters == 3  # README.md is not a letter
    data = (tmp_path / "one.nq").read_bytes()
    assert data == (tmp_path / "two.nq").read_bytes()
    graphs = {line.rsplit(" ", 2)[-2] for line in data.decode().splitlines()}
    assert len(graphs) == 3  # one named graph per letter


def test_a_bad_letter_is_reported_and_the_rest_are_built(letters: Path, tmp_path: Path) -> None:
    (letters / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    out = tmp_path / "out"
    report = build_corpus([letters], out, "ttl", Settings(), jobs=1)
    assert report.letters == 3
    assert [f.path for f in report.failures] == [str(letters / "bad.txt")]
    assert "binary" in report.failures[0].reason
    assert sorted(p.name for p in out.glob("*.ttl")) == [
        "a-darwin.ttl",
        "b-sand.ttl",
        "c-keats.ttl",
    ]
    with pytest.raises(KGraphError, match=r"bad\.txt"):
        build_corpus(
            [letters], tmp_path / "ff", "ttl", Settings(), fail_fast=True, incremental=False
        )
    result = CliRunner().invoke(main, ["build", str(letters), "-o", str(tmp_path / "cli")])
    assert result.exit_code == 1
    assert "1 of 4 letters failed" in result.output and "3 letters;" in result.output


@pytest.mark.slow  # builds a corpus three times
def test_unchanged_letters_are_skipped(letters: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_corpus([letters], out, "ttl", Settings())
    assert first.letters == 3 and not first.skipped
    stamp = (out / "b-sand.ttl").stat().st_mtime_ns
    again = build_corpus([letters], out, "ttl", Settings())
    assert again.letters == 0 and len(again.skipped) == 3
    assert (out / "b-sand.ttl").stat().st_mtime_ns == stamp
    (letters / "b-sand.txt").write_text(LETTERS["b-sand.txt"] + "\nP.S. Love to Maurice.\n")
    third = build_corpus([letters], out, "ttl", Settings())
    assert third.letters == 1 and len(third.skipped) == 2
    forced = build_corpus([letters], out, "ttl", Settings(), incremental=False)
    assert forced.letters == 3
    other = build_corpus([letters], out, "ttl", Settings(min_confidence=0.9))
    assert other.letters == 3  # other settings: every letter is built again


@pytest.mark.slow  # builds a corpus twice
def test_changed_code_builds_every_letter_again(
    letters: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert build_corpus([letters], out, "ttl", Settings()).letters == 3
    monkeypatch.setattr(manifest, "code_fingerprint", lambda: "an upgraded kgraph")
    again = build_corpus([letters], out, "ttl", Settings())
    assert again.letters == 3 and not again.skipped


def test_the_code_fingerprint_follows_every_module(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    (package / "sub" / "b.py").write_text("B = 2\n")
    (package / "notes.txt").write_text("not code\n")
    prints = [manifest.code_fingerprint(package)]
    for change in (
        lambda: (package / "sub" / "b.py").write_text("B = 3\n"),
        lambda: (package / "notes.txt").write_text("still not code\n"),
        lambda: (package / "sub" / "b.py").rename(package / "sub" / "c.py"),
    ):
        change()
        manifest.code_fingerprint.cache_clear()
        prints.append(manifest.code_fingerprint(package))
    assert prints[1] != prints[0]  # a module's text
    assert prints[2] == prints[1]  # a file that is not code
    assert prints[3] != prints[2]  # a module's name
    assert manifest.code_fingerprint() != prints[0]  # kgraph's own modules by default


@pytest.mark.slow  # a Dask cluster
def test_dask_cluster_gives_the_local_bytes(letters: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    local = build_corpus([letters], tmp_path / "local.nq", "nq", Settings())
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        remote = build_corpus(
            [letters],
            tmp_path / "dask.nq",
            "nq",
            Settings(),
            executor="dask",
            scheduler=cluster.scheduler_address,
        )
    assert remote.letters == local.letters == 3
    assert (tmp_path / "dask.nq").read_bytes() == (tmp_path / "local.nq").read_bytes()


def test_dask_without_a_scheduler_is_a_clear_error(letters: Path, tmp_path: Path) -> None:
    with pytest.raises(KGraphError, match="scheduler"):
        build_corpus([letters], tmp_path / "x.nq", "nq", Settings(), executor="dask")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    quiet = io.StringIO()
    ProgressBar(quiet)(1, 2, 100)
    assert quiet.getvalue() == ""
    tty = _Terminal()
    bar = ProgressBar(tty, interval=0)
    bar(1, 2, 100)
    bar(2, 2, 200)
    assert (
        "2/2 letters" in tty.getvalue() and "words/s" in tty.getvalue() and "ETA" in tty.getvalue()
    )
