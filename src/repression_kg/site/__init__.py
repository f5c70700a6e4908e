"""The static entity browser: one HTML page per entity, with the quote behind every fact.

>>> from repression_kg.site import write_site   # write_site(store, Path("site")) -> SiteStats
"""

from repression_kg.site.build import SiteError, SiteStats, write_site

__all__ = ["SiteError", "SiteStats", "write_site"]
