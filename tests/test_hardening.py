"""Hardening: bad input gives one line naming the file and the problem, and a documented exit
code (0 ok, 1 failure, 2 usage); an interrupted or failed build or load loses nothing that was
written before it; nothing in a letter can change a SPARQL query kgraph builds; queries on
local data send nothing over the network; stores are read-only unless asked.

Builds here reuse the session's spaCy pipeline (the ``shared_pipeline`` fixture) rather than
each loading their own; a build that fails before it reads a letter never loads it.
"""

from __future__ import annotations

import codecs
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kgraph.cli.main import main
from kgraph.corpus.batch import build_corpus
from kgraph.errors import DataError, InputError
from kgraph.knowledge.authority import Authority
from kgraph.link.linker import LANGUAGES, Linker, candidate_query, name_forms, sparql_literal
from kgraph.model import Entity, EntityType, LetterResult, Mention, TextSpan
from kgraph.rdf.graph import to_graph
from kgraph.rdf.namespace import KG, SCHEMA
from kgraph.rdf.validate import format_report, validate
from kgraph.rdf.write import serialize, write_atomic, write_results
from kgraph.settings import Settings
from kgraph.store.query import named_queries
from kgraph.text.reading import MAX_BYTES, read_path, read_text

from .conftest import GOLDEN

AS_ROOT = os.name == "posix" and os.geteuid() == 0
ROOT_REASON = "runs as root, and root may read and write whatever the permission bits say"
BASE = Settings().base

LETTERS = {
    "a-first.txt": "Down, 3 May 1860.\n\nMy dear Hooker,\n\nI was in London last week.\n\n"
    "Ever yours,\nC. Darwin\n",
    "b-second.txt": "Nohant, 12 juin 1861.\n\nDear Gustave,\n\n"
    "We went to Paris and saw Delacroix.\n\nYour old friend,\nGeorge Sand\n",
    "c-third.txt": "Rome, 30 November 1820.\n\nMy dear Brown,\n\n"
    "I am at Rome with Severn.\n\nGod bless you,\nJohn Keats\n",
}


@pytest.fixture()
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, processor: Any) -> None:
    """Every Processor built in the test gets the session's spaCy pipeline (same settings)."""
    import kgraph.nlp

    monkeypatch.setattr(kgraph.nlp, "build_pipeline", lambda settings: processor.nlp)


@pytest.fixture()
def letters(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    for name, text in LETTERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def cli(*args: str | Path, stdin: bytes | None = None) -> tuple[int, list[str]]:
    """Exit code and the lines a user sees (stdout and stderr); never a traceback."""
    result = CliRunner().invoke(main, [str(a) for a in args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output.splitlines()


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too) and its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def leftovers(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.tmp"))


# --- 1. bad input: one line, naming the file and the problem, and an exit code -------------

BAD_FILES = [
    ("empty", b"", "{p} is empty; pass a file that holds the text of a letter"),
    ("blank", b" \r\n\t\n\x0c\n", "{p} is empty; pass a file that holds the text of a letter"),
    (
        "bom-only",
        codecs.BOM_UTF8 + b"\n",
        "{p} is empty; pass a file that holds the text of a letter",
    ),
    (
        "png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "{p} is a binary file, not text; pass a plain-text letter",
    ),
    (
        "utf16",
        "Dear Ann,\n\nHello.\n".encode("utf-16"),
        "{p} is UTF-16 text; pass --encoding utf-16",
    ),
    (
        "latin1",
        "Chère amie,\n\nà bientôt\n".encode("latin-1"),
        "{p} is not utf-8 text (byte 2); pass --encoding latin-1",
    ),
    (
        "cp1252",
        "Dear Ann,\n\n“Quoted” text\n".encode("cp1252"),
        "{p} is not utf-8 text (byte 11); pass --encoding cp1252",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_gives_one_line_and_exit_code_1(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    out = tmp_path / "out"
    assert cli("build", path, "-o", out) == (1, [f"Error: {message.format(p=path)}"])
    assert not out.exists()  # a failed build creates nothing


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "standard input is empty; pass a file that holds the text of a letter"),
        (b"\x00\x01\x02", "standard input is a binary file, not text; pass a plain-text letter"),
    ],
)
def test_bad_standard_input(tmp_path: Path, data: bytes, message: str) -> None:
    assert cli("build", "-", "-o", tmp_path / "out", stdin=data) == (1, [f"Error: {message}"])


def test_the_right_encoding_reads_what_the_hint_names(tmp_path: Path) -> None:
    for encoding, text in (("utf-16", "Dear Ann,\n"), ("latin-1", "Chère"), ("cp1252", "“Ann”")):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert read_path(path, encoding=encoding).text == text
    assert read_path(path, encoding="Windows-1252").text == "“Ann”"  # any spelling of a codec


def test_missing_unusable_and_endless_paths(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert cli("build", missing, "-o", tmp_path / "out") == (
        1,
        [f"Error: {missing} does not exist; check the path"],
    )
    long_name = tmp_path / ("x" * 300 + ".txt")
    assert cli("build", long_name, "-o", tmp_path / "out") == (
        1,
        [f"Error: {long_name} cannot be read (File name too long); check the path"],
    )
    (tmp_path / "empty-folder").mkdir()
    assert cli("build", tmp_path / "empty-folder", "-o", tmp_path / "out") == (
        1,
        [
            f"Error: {tmp_path / 'empty-folder'} holds no .txt, .md or .xml letters; "
            "pass letter files or another folder"
        ],
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_that_never_ends_is_refused_after_max_bytes(tmp_path: Path) -> None:
    assert cli("build", "/dev/zero", "-o", tmp_path / "out") == (
        1,
        [
            f"Error: /dev/zero goes on past {MAX_BYTES:,} bytes, more than a letter "
            f"({MAX_BYTES:,} at most); split the file into letters"
        ],
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(AS_ROOT, reason=ROOT_REASON)
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Dear Ann,\n\nHello.\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert cli("build", path, "-o", tmp_path / "out") == (
            1,
            [f"Error: {path} cannot be read (permission denied); check its mode"],
        )
    finally:
        path.chmod(0o644)


def test_text_no_output_can_hold_is_refused() -> None:
    with pytest.raises(InputError, match=r"lone surrogate \(U\+D800 at character 5\)"):
        read_text("Dear \ud800 Ann,\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--encoding", "klingon"), "unknown encoding 'klingon'; pass --encoding utf-8 or latin-1"),
        (("--encoding", "rot13"), "unknown encoding 'rot13'; pass --encoding utf-8 or latin-1"),
        (
            ("--base", "https://example.org/my letters/"),
            "base IRI 'https://example.org/my letters/' is not a valid IRI ending in '/' "
            "(without '#'); pass --base https://example.org/letters/",
        ),
        (
            ("--base", "https://example.org/letters#"),
            "base IRI 'https://example.org/letters#' is not a valid IRI ending in '/' "
            "(without '#'); pass --base https://example.org/letters/",
        ),
    ],
)
def test_bad_settings_are_usage_errors(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    letter = tmp_path / "a.txt"
    letter.write_text("Dear Ann,\n\nHello.\n", encoding="utf-8")
    assert cli("build", letter, "-o", tmp_path / "out", *args) == (2, [f"Error: {message}"])


def test_a_format_other_than_the_output_suffix_names(tmp_path: Path) -> None:
    letter = tmp_path / "a.txt"
    letter.write_text("Dear Ann,\n\nHello.\n", encoding="utf-8")
    corpus = tmp_path / "corpus.nq"
    assert cli("build", letter, "-o", corpus, "-f", "trig") == (
        2,
        [f"Error: {corpus} ends in .nq but the format asked for is trig; pass -o "
         f"{tmp_path / 'corpus.trig'} or -f nq"],
    )  # fmt: skip


def test_click_usage_errors_exit_2(tmp_path: Path) -> None:
    code, lines = cli("build", "--format", "xml")
    assert code == 2 and lines[-1].startswith("Error: Invalid value for '-f' / '--format'")
    code, lines = cli("build", "--jobs", "0")
    assert code == 2 and lines[-1].startswith("Error: Invalid value for '-j' / '--jobs'")
    code, lines = cli("query")
    assert code == 2 and lines[-1] == "Error: Missing argument 'QUERY'."


@pytest.mark.parametrize("output", ["out", "out/letters.ttl", "out/corpus.nq"])
def test_an_output_path_under_a_file(tmp_path: Path, output: str) -> None:
    """Root may write anywhere, so the output's parent is a regular file, not a locked folder."""
    letter = tmp_path / "a.txt"
    letter.write_text("Dear Ann,\n\nHello.\n", encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"a file")
    target = blocker / output
    folder = target if target.suffix == "" else target.parent
    problem = f"{folder} cannot be made: " if folder != blocker else ""
    assert cli("build", letter, "-o", target) == (
        1,
        [f"Error: {problem}{blocker} is a file, not a folder; pass -o another folder"],
    )
    assert blocker.read_bytes() == b"a file" and not leftovers(tmp_path)


@pytest.mark.skipif(AS_ROOT, reason=ROOT_REASON)
def test_a_read_only_output_folder(tmp_path: Path) -> None:
    letter = tmp_path / "a.txt"
    letter.write_text("Dear Ann,\n\nHello.\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert cli("build", letter, "-o", locked) == (
            1,
            [f"Error: {locked} is not writable (permission denied); pass -o another folder"],
        )
    finally:
        locked.chmod(0o755)


def test_a_letter_with_no_date_signature_or_salutation_builds(
    tmp_path: Path, shared_pipeline: None
) -> None:
    letter = tmp_path / "fragment.txt"
    letter.write_text(
        "went on to Geneva, where the meeting was put off again.\nNothing more to say.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, lines = cli("build", letter, "-o", out)
    assert code == 0, lines
    graph = Graph().parse(out / "fragment.ttl", format="turtle")
    (node,) = graph.subjects(RDF.type, KG.Letter)
    for absent in (SCHEMA.dateSent, SCHEMA.sender, SCHEMA.recipient, KG.salutation, KG.signature):
        assert graph.value(node, absent) is None
    assert cli("validate", out / "fragment.ttl") == (0, ["✓ conforms"])


def test_malformed_sparql_names_line_and_column() -> None:
    code, lines = cli("query", "SELECT ?s\nWHERE { ?s ?p ?o .\n  FILTER( }", GOLDEN)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("Error: query is not valid SPARQL: line 3, column ")
    assert lines[0].endswith("; look at line 3: 'FILTER( }'")


def test_an_unknown_query_name_lists_the_known_ones() -> None:
    known = ", ".join(named_queries())
    assert cli("query", "nosuchquery", GOLDEN) == (
        1,
        [
            f"Error: unknown query 'nosuchquery'; known queries: {known}; "
            "or give a .rq file or inline SPARQL"
        ],
    )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port  # nothing listens there now


def test_an_unreachable_endpoint(tmp_path: Path, shared_pipeline: None) -> None:
    letter = tmp_path / "a.txt"
    letter.write_text(LETTERS["b-second.txt"], encoding="utf-8")
    endpoint = f"http://127.0.0.1:{closed_port()}/sparql"
    out = tmp_path / "out"
    code, lines = cli(
        "build", letter, "-o", out, "--link", "online", "--endpoint", endpoint,
        "--link-timeout", "5", "--cache", tmp_path / "cache",
    )  # fmt: skip
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"Error: cannot reach {endpoint}: ")
    assert lines[0].endswith("; pass --link offline or --link-failures skip")
    assert not (out / "a.ttl").exists()


def test_an_unwritable_store(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"a file")
    code, lines = cli("load", GOLDEN, "--store", blocker / "store")
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(
        f"Error: {blocker / 'store'}: the store cannot be opened for writing"
    )
    code, lines = cli("load", GOLDEN, "--store", blocker)
    assert (
        code == 2
        and lines[-1] == f"Error: Invalid value for '--store': Directory '{blocker}' is a file."
    )


# --- a letter larger than spaCy's max_length ------------------------------------------------

SENTENCE = "I met Peter Kropotkin and Emma Goldman in London, then “Zoë 🌹” O'Brien in Paris. "


@pytest.mark.slow
def test_a_paragraph_larger_than_spacys_max_length(
    run: Callable[[str, str], LetterResult], processor: Any
) -> None:
    """One paragraph of 1.2 million characters (spaCy reads at most ``nlp.max_length``, a
    million, at once) builds, and every mention's offsets slice the text exactly."""
    body = (SENTENCE * (1_200_000 // len(SENTENCE) + 1))[:1_200_000]
    assert len(body) > processor.nlp.max_length
    text = f"London, 3 May 1908.\n\nDear Alexander,\n\n{body}\n\nYours truly,\nPeter Kropotkin\n"
    result = run(text, "giant")
    mentions = [m for e in result.entities for m in e.mentions]
    assert len(mentions) > 10_000
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert max(m.start for m in mentions) > len(text) * 0.99  # read to the end
    assert result.letter.date is not None and result.sender is not None
    store = ox.Store()
    store.load(serialize([result], "ttl", BASE), format=ox.RdfFormat.TURTLE)
    assert len(store) > 6 * len(mentions)


# --- 2. nothing lost: temporary files and renames -------------------------------------------


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "letter.ttl"
    target.write_bytes(b"old")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kgraph.rdf.write.os.replace", full)
    with pytest.raises(DataError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == (
        f"{target} could not be written (No space left on device); check the disk and the path"
    )
    assert target.read_bytes() == b"old" and not leftovers(tmp_path)


def test_an_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "letter.ttl"
    target.write_bytes(b"old")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kgraph.rdf.write.os.fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"old" and not leftovers(tmp_path)


@pytest.mark.parametrize("output", ["out", "corpus.nq", "corpus.trig", "corpus.ttl"])
def test_a_failed_build_keeps_earlier_outputs(
    letters: Path,
    tmp_path: Path,
    output: str,
    shared_pipeline: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / output
    assert cli("build", letters, "-o", target)[0] == 0
    if target.suffix:  # the suffix names the format ("-o corpus.nq" writes N-Quads)
        fmt = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
        ox.Store().load(target.read_bytes(), format=fmt.get(target.suffix, ox.RdfFormat.TURTLE))
    before = files_under(tmp_path / "out" if output == "out" else tmp_path)

    real = serialize

    def failing(results: list[LetterResult], fmt: Any, base: str) -> bytes:
        if any(r.letter.source.name == "b-second" for r in results):
            raise RuntimeError("the serialiser broke\non two lines")
        return real(results, fmt, base)

    monkeypatch.setattr("kgraph.corpus.batch.serialize", failing)
    fmt = "ttl" if output == "out" else output.rsplit(".", 1)[1]
    code, lines = cli("build", letters, "-o", target, "--force")
    named = letters / "b-second.txt" if fmt != "ttl" or output == "out" else None
    culprits = (
        str(named)
        if named
        else ", ".join(str(letters / name) for name in sorted(LETTERS))  # one file for all
    )
    assert (code, lines) == (
        1,
        [
            f"Error: {culprits} could not be written as {fmt} (internal error RuntimeError: "
            "the serialiser broke); please report this as a bug"
        ],
    )
    assert files_under(tmp_path / "out" if output == "out" else tmp_path) == before
    assert not leftovers(tmp_path)


def test_an_interrupted_build_keeps_the_earlier_corpus(
    letters: Path, tmp_path: Path, shared_pipeline: None
) -> None:
    corpus = tmp_path / "corpus.nq"
    build_corpus([letters], corpus, "nq")
    before = corpus.read_bytes()

    def interrupt(done: int, total: int, words: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_corpus([letters], corpus, "nq", incremental=False, progress=interrupt)
    assert corpus.read_bytes() == before and not leftovers(tmp_path)


def test_a_full_disk_while_appending_keeps_the_earlier_corpus(
    letters: Path, tmp_path: Path, shared_pipeline: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus.nq"
    build_corpus([letters], corpus, "nq")
    before = corpus.read_bytes()

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kgraph.corpus.batch.os.fsync", full)
    with pytest.raises(DataError) as caught:
        build_corpus([letters], corpus, "nq", incremental=False)
    assert caught.value.message == f"{corpus} could not be written (No space left on device)"
    assert corpus.read_bytes() == before and not leftovers(tmp_path)


def test_two_letters_of_one_name_do_not_overwrite_each_other(
    tmp_path: Path, shared_pipeline: None
) -> None:
    first, second = tmp_path / "in" / "a" / "letter.txt", tmp_path / "in" / "b" / "Letter.md"
    for path, key in ((first, "a-first.txt"), (second, "c-third.txt")):
        path.parent.mkdir(parents=True)
        path.write_text(LETTERS[key], encoding="utf-8")
    out = tmp_path / "out"
    code, lines = cli("build", tmp_path / "in", "-o", out)
    assert code == 1
    assert (
        f"Error: {second}: its name (letter) is that of {first}, so it would overwrite that "
        "letter's IRIs and output; rename one of them"
    ) in lines
    assert lines[-1] == "Error: 1 of 2 letters failed"
    assert "Darwin" in (out / "letter.ttl").read_text(encoding="utf-8")
    # the same file named twice is built once, not refused
    assert cli("build", first, first, "-o", tmp_path / "again")[0] == 0
    source = read_text(LETTERS["a-first.txt"], "same")
    with pytest.raises(DataError, match="would both be written to"):
        write_results([fake_result(source), fake_result(source)], tmp_path / "x", "ttl", BASE)


@pytest.mark.parametrize(
    "manifest", ['{"letters": {"LETTER": "oops", "x": 3}}', "[1, 2", '{"letters": [1]}', ""]
)
def test_a_damaged_manifest_means_build_again(
    tmp_path: Path, manifest: str, shared_pipeline: None
) -> None:
    letter = tmp_path / "a.txt"
    letter.write_text(LETTERS["a-first.txt"], encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".kgraph-manifest.json").write_text(manifest.replace("LETTER", str(letter)))
    assert cli("build", letter, "-o", out)[0] == 0
    assert (out / "a.ttl").exists()
    assert cli("build", letter, "-o", out)[1][0].startswith("1 unchanged letter skipped")


def fake_result(source: Any) -> LetterResult:
    from kgraph.text.letters import parse_letter

    return LetterResult(parse_letter(source), (), (), (), None, None, None, "none", "0")


# --- a failed store load leaves the store as it was -----------------------------------------


class FailingStore:
    """A real on-disk store whose writes fail midway: a bulk load writes half of its lines
    first; an update fails before its transaction ends (so it writes nothing)."""

    def __init__(self, real: ox.Store) -> None:
        self.real = real

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    failed: ClassVar[list[str]] = []

    def bulk_load(self, data: bytes, format: ox.RdfFormat) -> None:
        self.failed.append("bulk_load")
        lines = data.splitlines(keepends=True)
        self.real.load(b"".join(lines[: len(lines) // 2]), format=format)
        raise OSError("No space left on device")

    def update(self, sparql: str) -> None:
        self.failed.append("update")
        raise OSError("No space left on device")


def dump(store: Path) -> list[bytes]:
    data = ox.Store.read_only(str(store)).dump(format=ox.RdfFormat.N_QUADS) or b""
    return sorted(data.splitlines())


@pytest.mark.parametrize("change", ["new letters", "changed letters"])
def test_a_failed_store_load_leaves_the_store_as_it_was(
    letters: Path,
    tmp_path: Path,
    change: str,
    shared_pipeline: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kgraph.store.embedded

    first = tmp_path / "first.nq"
    build_corpus([letters / "a-first.txt"], first, "nq")
    store = tmp_path / "store"
    kgraph.store.embedded.load_store([first], store)
    before = dump(store)
    if change == "changed letters":
        (letters / "a-first.txt").write_text(LETTERS["a-first.txt"] + "\nP.S. Love to Kew.\n")
    everything = tmp_path / "all.nq"
    build_corpus([letters], everything, "nq")
    FailingStore.failed.clear()
    real_open = kgraph.store.embedded.open_store
    monkeypatch.setattr(
        kgraph.store.embedded,
        "open_store",
        lambda folder, **kw: FailingStore(real_open(folder, **kw)),
    )
    code, lines = cli("load", everything, "--store", store)
    assert code == 1 and len(lines) == 1, lines
    assert (
        lines[0] == f"Error: {store}: nothing was written (No space left on device); check the disk"
    )
    monkeypatch.undo()
    assert FailingStore.failed == ["bulk_load" if change == "new letters" else "update"]
    assert dump(store) == before


def test_hostile_literals_survive_a_store_reload_exactly(
    tmp_path: Path, run: Callable[[str, str], LetterResult]
) -> None:
    """Replacing a letter in a store goes through a SPARQL Update made from its triples:
    hostile strings must come out exactly as they went in."""
    from kgraph.store.embedded import load_results

    built = run("Dear Ann,\n\nI was at Kew.\n\nYours,\nJo Ruiz\n", "hostile")

    def with_heading(text: str) -> LetterResult:
        letter = replace(built.letter, heading=TextSpan(0, 0, text))
        return replace(built, letter=letter)

    store = tmp_path / "store"
    load_results([with_heading("\n".join(HOSTILE_SPARQL))], store, BASE)
    new = with_heading("|".join(reversed(HOSTILE_SPARQL)))
    report = load_results([new], store, BASE)
    assert report.written and not report.unchanged  # replaced, through a SPARQL Update
    expected = ox.Store()
    expected.load(serialize([new], "nq", BASE), format=ox.RdfFormat.N_QUADS)
    data = expected.dump(format=ox.RdfFormat.N_QUADS) or b""
    assert dump(store) == sorted(data.splitlines())
    predicate = ox.NamedNode(str(SCHEMA.name))
    (name,) = ox.Store.read_only(str(store)).quads_for_pattern(None, predicate, None)
    assert name.object.value == "|".join(reversed(HOSTILE_SPARQL))


# --- 4. injection: names cannot change the SPARQL kgraph builds -----------------------------

HOSTILE_SPARQL = [
    'say "hi"',
    "back\\slash",
    "ends with \\",
    "close } brace",
    "{ open brace",
    "new\nline",
    "carriage\rreturn",
    "hash # not a comment",
    "'''triple single'''",
    '"""triple double"""',
    'x" } ?item ?p ?o . FILTER(true) } #',
    "x' } DROP ALL ; INSERT DATA { <a> <b> <c> } #",
    "\\u0022 escaped quote",
    "\\U0000007D escaped brace",
    "tab\there",
    'O\'Brien "the <Bold>" \\ Müller',
    "\u200f\u0639\u0628\u062f \u0627\u0644\u0644\u0647\u200f",
    "Zoë 🌹",
    "nul\x00byte",
    "line\u2028separator",
    "max \U0010ffff",
]


def values_in(sparql: str) -> set[tuple[str, str | None]]:
    """The (string, language) pairs of every VALUES block of ``sparql``, as rdflib reads it."""
    found: set[tuple[str, str | None]] = set()

    def walk(node: Any) -> None:
        if isinstance(node, CompValue):
            if node.name == "values":
                for row in node["res"]:
                    for term in row.values():
                        assert isinstance(term, Literal)
                        found.add((str(term), term.language))
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(prepareQuery(sparql).algebra)
    return found


def test_candidate_query_values_hold_exactly_the_names() -> None:
    sparql = candidate_query(HOSTILE_SPARQL)
    assert values_in(sparql) == {(n, tag) for n in HOSTILE_SPARQL for tag in LANGUAGES}
    # and pyoxigraph finds exactly the items so labelled, nothing else
    store = ox.Store()
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for i, name in enumerate(["distractor", "x", "", *HOSTILE_SPARQL]):
        item = ox.NamedNode(f"http://www.wikidata.org/entity/Q{1000 + i}")
        store.add(ox.Quad(item, label, ox.Literal(name, language="en")))
    rows: Any = store.query(sparql)
    found = {(row["name"].value, row["item"].value) for row in rows}
    assert found == {
        (name, f"http://www.wikidata.org/entity/Q{1003 + i}")
        for i, name in enumerate(HOSTILE_SPARQL)
    }


@pytest.mark.parametrize("name", HOSTILE_SPARQL)
def test_a_literal_is_one_string_whatever_it_holds(name: str) -> None:
    sparql = f"SELECT ?x WHERE {{ VALUES ?x {{ {sparql_literal(name)} }} }}"
    rows: Any = ox.Store().query(sparql)
    assert [row["x"].value for row in rows] == [name]
    assert values_in(sparql) == {(name, None)}


class RecordingStore:
    """A store that keeps every query the linker sends and answers none."""

    known = None

    def __init__(self) -> None:
        self.queries: list[str] = []

    def select(self, query: str) -> list[dict[str, str]]:
        self.queries.append(query)
        ox.Store().query(query)  # pyoxigraph parses it (raises SyntaxError if it cannot)
        return []


@pytest.mark.parametrize("kind", ["Person", "Work", "Concept"])
def test_the_linker_sends_only_the_names_it_means(kind: EntityType) -> None:
    entities = [
        Entity(f"{kind}:{i}", kind, name, (f"{name} (again)",), (), None)
        for i, name in enumerate(HOSTILE_SPARQL)
    ]
    store = RecordingStore()
    assert Linker(store, Authority(())).link(entities, 1900) == ()
    (sparql,) = store.queries
    forms = {form for e in entities for form in name_forms(e)}
    assert values_in(sparql) == {(form, tag) for form in forms for tag in LANGUAGES}


# --- queries on local data stay local; stores are read-only unless --update -----------------


class Listener:
    """A TCP port on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port: int = self.sock.getsockname()[1]
        self.connections = 0
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


SERVICE_FORMS = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service\tsilent\n<{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE<{url}>{{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE # a comment\n <{url}> {{ ?s ?p ?o }} }}",
    "BASE <{url}>\nSELECT * WHERE {{ SERVICE <> {{ ?s ?p ?o }} }}",
    "PREFIX e: <{url}>\nSELECT * WHERE {{ SERVICE e:x {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_a_query_on_local_data_sends_nothing(form: str, listener: Listener) -> None:
    sparql = form.format(url=f"http://127.0.0.1:{listener.port}/sparql")
    assert cli("query", sparql, GOLDEN) == (
        1,
        [
            "Error: the query calls a remote endpoint with SERVICE, which is off by default; "
            "pass --allow-service (allow_service=True) to let it send requests"
        ],
    )
    time.sleep(0.05)
    assert listener.connections == 0


def test_allow_service_does_send(listener: Listener) -> None:
    """The listener sees a query that may call it: the test above would see one too."""
    sparql = SERVICE_FORMS[0].format(url=f"http://127.0.0.1:{listener.port}/sparql")
    code, lines = cli("query", sparql, GOLDEN, "--allow-service")
    assert code == 1 and lines[0].startswith("Error: the query failed: ")
    assert listener.connections >= 1


def test_named_queries_on_local_data_send_nothing(listener: Listener) -> None:
    for name in named_queries():
        assert cli("query", name, GOLDEN)[0] == 0
    assert listener.connections == 0


def test_validating_json_ld_sends_nothing(tmp_path: Path, listener: Listener) -> None:
    data = tmp_path / "remote-context.jsonld"
    data.write_text(
        f'{{"@context": "http://127.0.0.1:{listener.port}/context", "@id": "http://e.org/a"}}',
        encoding="utf-8",
    )
    code, lines = cli("validate", data)
    assert listener.connections == 0
    assert code == 1 and len(lines) == 1 and "remote JSON-LD @context" in lines[0]


UPDATES = [
    "DELETE WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "# harmless\nDROP ALL",
    "PREFIX x: <http://e.org/>\nINSERT DATA {{ x:a x:b x:c }}",
    "WITH <{g}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    "CLEAR GRAPH <{g}>",
]


@pytest.mark.parametrize("update", UPDATES)
def test_queries_are_read_only_unless_update(update: str, tmp_path: Path) -> None:
    from kgraph.store.embedded import load_store

    store = tmp_path / "store"
    load_store([GOLDEN], store)
    before = dump(store)
    graph = before[0].decode().rsplit(" ", 2)[-2].strip("<>")
    sparql = update.format(g=graph)
    code, lines = cli("query", sparql, "--store", store)
    assert code == 1 and len(lines) == 1 and "is refused" in lines[0] and "--update" in lines[0]
    golden = GOLDEN.read_bytes()
    code, lines = cli("query", sparql, GOLDEN)
    assert code == 1 and len(lines) == 1 and "read-only" in lines[0]
    assert dump(store) == before and GOLDEN.read_bytes() == golden
    assert cli("query", sparql, "--store", store, "--update")[0] == 0
    assert dump(store) != before


def test_serve_is_read_only_and_local_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kgraph.store.embedded
    import kgraph.store.serve

    store = tmp_path / "store"
    kgraph.store.embedded.load_store([GOLDEN], store)
    seen: list[list[str]] = []
    monkeypatch.setattr(
        kgraph.store.serve, "serve", lambda command: seen.append(list(command)) or 0
    )
    code, lines = cli("serve", "--store", store)
    assert code == 0, lines
    (command,) = seen
    assert command[1] == "serve-read-only"
    assert command[command.index("--bind") + 1] == "127.0.0.1:7878"
    assert (
        lines[0]
        == f"serving {store} read-only at http://127.0.0.1:7878/ (SPARQL endpoint http://127.0.0.1:7878/query)"
    )


def test_letter_text_is_never_run_or_fetched(
    tmp_path: Path, listener: Listener, shared_pipeline: None
) -> None:
    """A letter that names URLs, file paths and shell syntax builds into literals only."""
    url = f"http://127.0.0.1:{listener.port}/x"
    letter = tmp_path / "sneaky.md"
    letter.write_text(
        f"Dear Ann,\n\nSee [the page]({url}) and <{url}> and $(touch {tmp_path}/pwned).\n\n"
        f"Yours,\nJo\n\nSource: {url}\n",
        encoding="utf-8",
    )
    assert cli("build", letter, "-o", tmp_path / "out")[0] == 0
    assert listener.connections == 0 and not (tmp_path / "pwned").exists()
    graph = Graph().parse(tmp_path / "out" / "sneaky.ttl", format="turtle")
    assert URIRef(url) in set(graph.objects())  # the colophon's URL, as an IRI, not fetched


# --- bugs the property tests found, kept as plain examples ----------------------------------


def test_names_in_other_scripts_and_lookalike_names_get_iris_of_their_own(
    run: Callable[[str, str], LetterResult],
) -> None:
    """Every name without Latin letters once slugged to "person/person" (and "O’Brien" and
    "OBrien" both to "obrien"): two things, one IRI, two labels."""
    built = run("Dear Ann,\n\nI was at Kew.\n\nYours,\nJo Ruiz\n", "scripts")
    names = ["Москва", "Петербург", "李白", "杜甫", "O’Brien", "OBrien", "Łódź", "Lodz"]
    text = built.letter.source.text
    entities = tuple(
        Entity(f"Place:{i}", "Place", name, (), (Mention(i, i + 1, text[i], "Place", "ner"),))
        for i, name in enumerate(names)
    )
    alone = replace(built, entities=entities, relations=(), links=(), sender=None, recipient=None)
    graph = to_graph([replace(alone, place=None)], BASE)
    iris = {graph.value(predicate=RDFS.label, object=Literal(name)) for name in names}
    assert len(iris) == len(names) and None not in iris
    assert URIRef(f"{BASE}place/москва") in iris and URIRef(f"{BASE}place/lodz") in iris
    report = validate(graph)
    assert report.conforms, format_report(report)


def test_one_thing_named_two_ways_in_two_letters_keeps_one_label(
    tmp_path: Path, shared_pipeline: None
) -> None:
    """ "Zoë" in one letter and "Zoe" in the next are one IRI: one file of both must still
    give it exactly one rdfs:label (the first letter's), or it does not conform."""
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "a.txt").write_text("Dear Zoë,\n\nI was in Paris.\n\nYours,\nJo Ruiz\n")
    (folder / "b.txt").write_text("Dear Zoe,\n\nI was in Rome.\n\nYours,\nJo Ruiz\n")
    corpus = tmp_path / "both.ttl"
    assert cli("build", folder, "-o", corpus)[0] == 0
    assert cli("validate", corpus) == (0, ["✓ conforms"])
    zoe = URIRef(f"{BASE}person/zoe")
    graph = Graph().parse(corpus, format="turtle")
    assert list(graph.objects(zoe, RDFS.label)) == [Literal("Zoë")]
    assert Literal("Zoe") in set(graph.objects(zoe, SCHEMA.alternateName))
