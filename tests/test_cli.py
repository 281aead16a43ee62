"""The command line, run in-process through click's runner (and once as a real process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgraph.cli.main import main

COMMANDS = ["build", "query", "validate", "summary", "eval"]


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_main_help_lists_every_command_with_an_example(flag: str) -> None:
    result = CliRunner().invoke(main, [flag])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output
    assert "Examples:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "-h"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output and f"kgraph {command}" in result.output


def test_version_names_kgraph_spacy_and_the_model() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("kgraph ") and "spacy" in result.output
    assert "en" in result.output and "core-web-sm" in result.output.replace("_", "-")


def test_build_query_and_validate_a_letter(tmp_path: Path) -> None:
    letter = tmp_path / "ada-to-charles.txt"
    letter.write_text(
        "London, 3 May 1843.\n\nDear Charles,\n\nI was lately in Paris with my mother.\n\n"
        "Yours ever,\nAda Lovelace\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(letter), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = out / "ada-to-charles.ttl"
    assert f"wrote {written}" in result.output
    assert "1 letter;" in result.output
    graph = Graph().parse(written, format="turtle")
    assert len(graph) > 10
    result = runner.invoke(main, ["query", "letters", str(written), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Ada Lovelace" in result.output and "1843-05-03" in result.output
    result = runner.invoke(main, ["validate", str(written)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_bad_inputs_give_one_line_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = tmp_path / "missing.txt"
    result = runner.invoke(main, ["build", str(missing), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {missing} does not exist; check the path"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Chère amie,\n\nà bientôt\n".encode("latin-1"))
    result = runner.invoke(main, ["build", str(latin), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "is not utf-8 text" in result.output and "--encoding latin-1" in result.output
    assert len(result.output.strip().splitlines()) == 1
    result = runner.invoke(main, ["query", "peple", str(tmp_path)])
    assert result.exit_code == 1 and "unknown query 'peple'" in result.output
    result = runner.invoke(main, ["build", "--format", "xml"])
    assert result.exit_code == 2  # usage error


@pytest.mark.slow  # a fresh Python process loads spaCy
def test_stdin_and_module_entry_point(tmp_path: Path) -> None:
    out = tmp_path / "stdin.ttl"
    done = subprocess.run(
        [sys.executable, "-m", "kgraph", "build", "-", "-o", str(out), "--link", "none"],
        input=b"Dear Ann,\n\nI was at Rome in May.\n\nYours,\nJohn Keats\n",
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    graph = Graph().parse(out, format="turtle")
    assert any("Keats" in str(o) for o in graph.objects())


def test_the_summary_of_the_files_is_the_summary_of_the_build(tmp_path: Path) -> None:
    """The relations the build counts are the ones the summary counts from the graph (the
    cues for a letter's metadata are assertions too, but no relations)."""
    runner = CliRunner()
    letter = (
        Path(__file__).resolve().parent.parent / "data/letters/kropotkin-to-berkman-1908-11-20.txt"
    )
    built = runner.invoke(main, ["build", str(letter), "-o", str(tmp_path), "--link", "none"])
    assert built.exit_code == 0, built.output
    summary = runner.invoke(main, ["summary", str(tmp_path)])
    assert summary.exit_code == 0, summary.output
    assert built.output.strip().splitlines()[-1] == summary.output.strip().splitlines()[-1]
