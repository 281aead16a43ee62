"""``kgraph site``: a static reading site of a collection (plain HTML, CSS and a little
JavaScript, every file local): an index of the letters, a page per letter with its text and
every mention marked, a page per entity, and the network of correspondents.

Modules: ``html`` (escaping, file names, the page shell), ``assets`` (style sheet and
script), ``sitemap`` (where each page is), ``index``, ``letter``, ``entity`` and
``network_page`` (the pages), ``build`` (the whole site, written all or nothing).
"""

from kgraph.export.site.build import SiteReport, build_site, export_site, write_site

__all__ = ["SiteReport", "build_site", "export_site", "write_site"]
