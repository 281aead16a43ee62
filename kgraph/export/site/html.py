"""The site's HTML helpers: escaping for each context, safe file names from IRIs, links, and
the page shell every page shares.

Everything printed comes from the data and is untrusted: names, labels, letter texts and
IRIs. Text and attribute values go through ``html.escape`` (quotes included); an external
link is kept only when it is an http(s) IRI and is percent-encoded where it is not plain
IRI. The pages hold no inline script or JSON: the one script is a file of its own.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from urllib.parse import quote

__all__ = [
    "attr",
    "entity_path",
    "esc",
    "external_href",
    "letter_path",
    "local_href",
    "page",
    "slug",
]

_SAFE_IRI = "/:?#[]@!$&'()*+,;=%-._~"


def esc(value: object) -> str:
    """``value`` as HTML text (and as a double-quoted attribute value). A carriage return
    is written as a character reference, which the HTML parser keeps (a raw one it turns
    into a line feed, which would shift every offset after it)."""
    return html.escape(str(value), quote=True).replace("\r", "&#13;")


attr = esc


def external_href(iri: str) -> str | None:
    """An escaped href for an http(s) IRI, or None for any other scheme (javascript:, data:…)."""
    if not re.match(r"(?i)https?://", iri):
        return None
    return esc(quote(iri, safe=_SAFE_IRI))


def local_href(path: str, fragment: str | None = None) -> str:
    """An escaped href to one of the site's own pages (a relative path kgraph made)."""
    href = quote(path, safe="/.-_~")
    if fragment is not None:
        href += "#" + quote(fragment, safe="=,")
    return esc(href)


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII letters, digits and hyphens from ``text`` (at most ``limit``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].strip("-") or "x"


def _name(iri: str, label: str) -> str:
    digest = hashlib.sha256(iri.encode("utf-8")).hexdigest()[:10]
    return f"{slug(label)}-{digest}.html"


def letter_path(iri: str, label: str) -> str:
    """The letter page's path from the site's root: ``letter/SLUG-HASH.html``."""
    return "letter/" + _name(iri, label)


def entity_path(iri: str, label: str) -> str:
    """The entity page's path from the site's root: ``entity/SLUG-HASH.html``."""
    return "entity/" + _name(iri, label)


NAV = (("index.html", "Letters"), ("entities.html", "Entities"), ("network.html", "Network"))


def page(title: str, body: str, *, root: str, current: str, script: bool = True) -> str:
    """A whole page: ``root`` is the relative path to the site's root ("" or "../")."""
    links = "".join(
        f'<li><a href="{esc(root + href)}"'
        + (' aria-current="page"' if href == current else "")
        + f">{esc(name)}</a></li>"
        for href, name in NAV
    )
    scripts = f'<script src="{esc(root)}assets/site.js" defer></script>\n' if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{esc(root)}assets/site.css">\n{scripts}'
        "</head>\n<body>\n"
        f'<header><nav aria-label="Site"><ul>{links}</ul></nav></header>\n'
        f"<main>\n{body}</main>\n"
        "<footer><p>Made with kgraph from the collection's RDF.</p></footer>\n"
        "</body>\n</html>\n"
    )
