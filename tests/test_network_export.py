"""``kgraph export network``: correspondence and co-mention networks as GEXF, GraphML and CSV,
read back with networkx and csv."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kgraph.cli.main import main
from kgraph.export.collection import Collection, EntityView, LetterView, MentionView
from kgraph.export.network import CO_MENTION, CORRESPONDENCE, export_network, network_of
from tests.conftest import GOLDEN

R = "https://example.org/r/"


def person(n: str, label: str, kind: str = "Person", qid: str | None = None) -> EntityView:
    return EntityView(R + n, kind, label, (), qid, ())


def letter(
    n: str, sender: EntityView, recipient: EntityView, date: str, named: list[EntityView]
) -> LetterView:
    mentions = tuple(MentionView(i, i + 1, "x", e.iri) for i, e in enumerate(named))
    return LetterView(
        R + n, None, n, sender.iri, recipient.iri, date, None, None, "x" * 10, None,
        mentions, (), R + n,
    )  # fmt: skip


ADA = person("ada", "Ada Quill", qid="Q1")
BO = person("bo", "Bo Varga")
GUILD = person("guild", "Weavers' Guild", "Organization")
TOWN = person("town", "Brindle", "Place")
COLLECTION = Collection(
    (
        letter("l1", ADA, BO, "1890-05-02", [BO, GUILD, TOWN]),
        letter("l2", ADA, BO, "1887-01-10", [GUILD, BO]),
        letter("l3", BO, ADA, "1893-11", [ADA, TOWN]),
    ),
    {e.iri: e for e in (ADA, BO, GUILD, TOWN)},
)


def test_network_counts_letters_and_dates() -> None:
    net = network_of(COLLECTION)
    assert [n.iri for n in net.nodes] == sorted([ADA.iri, BO.iri, GUILD.iri])
    ties = {(e.kind, e.source, e.target): e for e in net.edges}
    ada_bo = ties[(CORRESPONDENCE, ADA.iri, BO.iri)]
    assert (ada_bo.weight, ada_bo.first, ada_bo.last) == (2, "1887-01-10", "1890-05-02")
    assert ties[(CORRESPONDENCE, BO.iri, ADA.iri)].weight == 1
    assert ties[(CO_MENTION, BO.iri, GUILD.iri)].weight == 2
    assert not any(TOWN.iri in (e.source, e.target) for e in net.edges)
    with_places = network_of(COLLECTION, places=True)
    assert TOWN.iri in {n.iri for n in with_places.nodes}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gexf_and_graphml_load_back_with_the_same_nodes_and_edges(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"net.{fmt}"
    net, _ = export_network([GOLDEN], out, fmt=fmt)  # type: ignore[arg-type]
    assert net.nodes and net.edges
    graph = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert set(graph.nodes) == {n.iri for n in net.nodes}
    for n in net.nodes:
        assert graph.nodes[n.iri]["label"] == n.label
        assert graph.nodes[n.iri]["type"] == n.type
    got = sorted((s, t, d["kind"], int(d["weight"])) for s, t, d in graph.edges(data=True))
    assert got == sorted((e.source, e.target, e.kind, e.weight) for e in net.edges)
    again = tmp_path / f"again.{fmt}"
    export_network([GOLDEN], again, fmt=fmt)  # type: ignore[arg-type]
    assert again.read_bytes() == out.read_bytes()


def test_csv_as_gephi_reads_it(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(
        main, ["export", "network", str(GOLDEN), "-f", "csv", "-o", str(tmp_path / "net.csv")]
    )
    assert done.exit_code == 0, done.output
    with (tmp_path / "net-nodes.csv").open(newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "net-edges.csv").open(newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert list(nodes[0])[:4] == ["Id", "Label", "Type", "Wikidata"]
    assert list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"]
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)
    assert {e["Type"] for e in edges} == {"Directed", "Undirected"}
    assert any(n["Wikidata"].startswith("Q") for n in nodes)
    folder = runner.invoke(
        main, ["export", "network", str(GOLDEN), "-f", "csv", "-o", str(tmp_path / "d") + "/"]
    )
    assert folder.exit_code == 0 and (tmp_path / "d" / "edges.csv").exists()
    assert "Example" in runner.invoke(main, ["export", "network", "--help"]).output
