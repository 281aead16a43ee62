"""Build the reading site of a collection and write it to a folder, all or nothing."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import DataError
from kgraph.export.collection import Collection, read_collection
from kgraph.export.network import network_of
from kgraph.export.site.assets import CSS, JS
from kgraph.export.site.entity import entity_page
from kgraph.export.site.index import entities_page, index_page
from kgraph.export.site.letter import letter_page
from kgraph.export.site.network_page import network_page
from kgraph.export.site.sitemap import site_map
from kgraph.rdf.write import check_folder

__all__ = ["MARKER", "SiteReport", "build_site", "export_site", "write_site"]

MARKER = ".kgraph-site"  # in every site folder kgraph writes: it may replace it next time


@dataclass(frozen=True)
class SiteReport:
    folder: Path
    letters: int
    entities: int
    files: int
    largest: tuple[str, int]  # the largest page and its size in bytes


def build_site(collection: Collection) -> dict[str, bytes]:
    """Every file of the site, by its path from the site's root."""
    site = site_map(collection)
    pages: dict[str, str] = {
        "index.html": index_page(site),
        "entities.html": entities_page(site),
        "network.html": network_page(network_of(collection), site),
        "assets/site.css": CSS,
        "assets/site.js": JS,
    }
    for letter in collection.letters:
        path = site.letters[letter.iri]
        if path in pages:
            raise DataError(f"two letters would share the page {path}", "rename one of them")
        pages[path] = letter_page(letter, site)
    for iri, view in collection.entities.items():
        path = site.entities[iri]
        if path in pages:
            raise DataError(f"two entities would share the page {path}", "report this")
        pages[path] = entity_page(view, site)
    files = {path: text.encode("utf-8") for path, text in sorted(pages.items())}
    files[MARKER] = b"A reading site written by kgraph site; kgraph may replace this folder.\n"
    return files


def write_site(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into a new hidden folder beside ``folder``, then put it in its place.

    An existing ``folder`` is replaced only when it is empty or a site kgraph wrote (it holds
    ``MARKER``); a failure leaves it as it was."""
    check_folder(folder.parent if folder.parent != Path("") else Path("."))
    if folder.exists():
        if not folder.is_dir():
            raise DataError(f"{folder} is a file, not a folder", "pass -o another folder")
        if any(folder.iterdir()) and not (folder / MARKER).exists():
            raise DataError(
                f"{folder} is not empty and not a site kgraph wrote, so it is left alone",
                "pass -o a new or empty folder",
            )
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    old = staging.with_suffix(".old")
    try:
        for path, data in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        staging.chmod(0o755)
        if folder.exists():
            folder.rename(old)
        try:
            staging.rename(folder)
        except OSError:
            if old.exists():
                old.rename(folder)
            raise
    except OSError as err:
        raise DataError(f"{folder}: the site cannot be written ({err.strerror or err})") from err
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        with contextlib.suppress(OSError):
            shutil.rmtree(old)


def export_site(
    data: Sequence[str | Path] = (),
    out: str | Path = "site",
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
) -> SiteReport:
    """Read a collection (files, a store or an endpoint) and write its reading site to ``out``."""
    collection = read_collection(data, store=store, endpoint=endpoint)
    files = build_site(collection)
    folder = Path(out)
    write_site(folder, files)
    pages = {p: len(b) for p, b in files.items() if p.endswith(".html")}
    largest = max(sorted(pages.items()), key=lambda item: item[1])
    return SiteReport(
        folder, len(collection.letters), len(collection.entities), len(files), largest
    )
