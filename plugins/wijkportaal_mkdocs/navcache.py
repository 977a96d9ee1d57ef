"""The theme's navigation, rendered once for all pages that are not in it.

Material renders the whole navigation (the sidebar and the tabs) into every page.
Thousands of record pages are not in the navigation: for them nothing in it is
active, so the HTML depends only on the folder the page lies in (the links are
relative to the page: from ``wijken/x/`` the overview ``wijken/`` is ``../``).
:func:`cache_navigatie` wraps the theme's navigation templates so that HTML is
made once per folder and reused; a page that is in the navigation (an overview,
a hand-written page) is rendered as usual.

This leans on Jinja2's ``Template.root_render_func`` (what ``{% include %}``
runs), the same in every Jinja2 3.x; ``tests/test_site.py`` checks that a
record page's navigation equals a freshly rendered one.
"""

from __future__ import annotations

import posixpath
from typing import Callable, Iterator

from jinja2 import Environment, TemplateNotFound

SJABLONEN = ("partials/nav.html", "partials/tabs.html")


def _actief(nav) -> bool:
    """Whether an item of the navigation is active, i.e. the page being rendered is in it."""
    return any(getattr(item, "active", False) for item in (nav.items if nav is not None else ()))


def cache_navigatie(env: Environment) -> None:
    for naam in SJABLONEN:
        try:
            sjabloon = env.get_template(naam)
        except TemplateNotFound:  # another theme
            continue
        if getattr(sjabloon.root_render_func, "wijkportaal_cache", None) is not None:
            continue
        sjabloon.root_render_func = _met_cache(sjabloon.root_render_func)


def _met_cache(origineel: Callable) -> Callable:
    cache: dict[str, str] = {}

    def render(context) -> Iterator[str]:
        if _actief(context.get("nav")):
            yield from origineel(context)
            return
        page = context.get("page")
        url = getattr(page, "url", None)
        if url is None:  # not a page (404.html): as usual
            yield from origineel(context)
            return
        sleutel = posixpath.dirname(url.rstrip("/"))  # the folder: voorzieningen for voorzieningen/meubeldepot/
        if sleutel not in cache:
            cache[sleutel] = "".join(origineel(context))
        yield cache[sleutel]

    render.wijkportaal_cache = cache  # type: ignore[attr-defined]
    return render
