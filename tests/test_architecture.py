"""The package's layout: imports point one way (cli → corpus/api → store/rdf → extract/link →
nlp → text/knowledge → model/settings/errors) and no module imports itself back.

The imports are read with ``ast`` from the source, including imports inside functions and
under ``TYPE_CHECKING``: a lazy import still ties two modules together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kgraph"

# The rank of each top-level part: a module may import only parts of its own rank or lower
# (within a rank, only its own part). Documented in docs/architecture.md.
RANKS = {
    "errors": 0,
    "version": 0,
    "model": 1,
    "settings": 1,
    "knowledge": 2,
    "text": 2,
    "nlp": 3,
    "extract": 4,
    "link": 4,
    "rdf": 5,
    "store": 6,
    "evaluation": 6,
    "corpus": 7,
    "api": 8,
    "export": 8,
    "cli": 9,
    "__init__": 10,
    "__main__": 10,
}
TOP_LEVEL_MODULES = {"__init__", "__main__", "api", "errors", "model", "settings", "version"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The kgraph modules ``path`` (module ``name``) imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            targets = [stem] + [f"{stem}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("kgraph"):
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    edges = {name: imports_of(path, name, known) for name, path in mods.items()}
    # importing kgraph.a.b runs kgraph/a/__init__.py first: a package's own __init__ is not
    # an import of the package's modules by its modules, so drop module → its own package
    return {n: {t for t in ts if not n.startswith(t + ".")} for n, ts in edges.items()}


def part(name: str) -> str:
    pieces = name.split(".")
    return "__init__" if len(pieces) == 1 else pieces[1]


def test_the_top_level_holds_only_the_api_modules() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top == TOP_LEVEL_MODULES


def test_every_part_has_a_rank_and_a_documented_init() -> None:
    for folder in sorted(p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()):
        assert folder.name in RANKS, f"{folder.name}: add it to RANKS and docs/architecture.md"
        tree = ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{folder.name}/__init__.py needs a docstring"
        names = [
            n
            for n in tree.body
            if isinstance(n, ast.Assign | ast.AnnAssign)
            and "__all__" in ast.unparse(n).split("=")[0]
        ]
        assert names, f"{folder.name}/__init__.py needs __all__"


def test_imports_point_down() -> None:
    upward = []
    for name, targets in graph().items():
        mine = part(name)
        for target in targets:
            theirs = part(target)
            if theirs == mine:
                continue
            if RANKS[theirs] > RANKS[mine] or (RANKS[theirs] == RANKS[mine]):
                upward.append(f"{name} imports {target}")
    assert not upward, "imports that point up or sideways:\n" + "\n".join(sorted(upward))


def test_no_import_cycles_between_modules() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


@pytest.mark.parametrize(
    "source",
    [
        "from kgraph.cli.main import main\n",
        "from ..rdf import graph\n",
    ],
)
def test_the_checker_sees_upward_imports(tmp_path: Path, source: str) -> None:
    """The walk above must notice an upward import written either way."""
    fake = PACKAGE / "text" / "letters.py"
    found = imports_of(fake, "kgraph.text.letters", set(modules()))
    assert "kgraph.cli.main" not in found  # the real module is clean
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    got = imports_of(probe, "kgraph.text.probe", set(modules()))
    assert got and all(RANKS[part(t)] > RANKS["text"] for t in got)
