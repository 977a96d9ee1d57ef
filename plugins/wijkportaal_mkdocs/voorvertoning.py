"""Live preview (``mkdocs serve``) that keeps working while the data has errors.

MkDocs' livereload server holds every request until a rebuild succeeds, so a
data error that aborts the rebuild makes every page hang. Under ``serve`` the
plugin therefore does not abort: it builds the site from the last good
catalogue of the same data folder and edition (or, if there never was a good
one, from the current catalogue: the core keeps only the valid part of each
file, so it renders safely) and puts a banner with the located errors on top of
every page, the 404 page included. The rebuild succeeds, so livereload reloads the browser both when the
error appears and when it is fixed.

The last good catalogue lives at module level, so it survives rebuilds even if
MkDocs makes new plugin objects for them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from wijkportaal.catalogus import Catalogus
from wijkportaal.problemen import Probleem

_laatste_goede: dict[tuple[Path, str], Catalogus] = {}

KOP = "De gegevens bevatten fouten; u ziet de laatste goede versie. Herstel deze fouten:"
KOP_ZONDER_VORIGE = (
    "De gegevens bevatten fouten en er is nog geen goede versie; u ziet de gegevens zonder de foute waarden. "
    "Herstel deze fouten:"
)

_HEADER = re.compile(r"<header\b", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def onthoud(data_map: Path, editie: str, catalogus: Catalogus) -> None:
    """Remember a catalogue without errors as the last good one."""
    _laatste_goede[(data_map.resolve(), editie)] = catalogus


def laatste_goede(data_map: Path, editie: str) -> Catalogus | None:
    return _laatste_goede.get((data_map.resolve(), editie))


def vervanging(data_map: Path, editie: str, huidige: Catalogus) -> tuple[Catalogus, bool]:
    """The catalogue to show instead of one with errors, and whether it is the last good one."""
    catalogus = laatste_goede(data_map, editie)
    if catalogus is not None:
        return catalogus, True
    return huidige, False


def banner(fouten: list[Probleem], *, vorige: bool = True) -> str:
    """The HTML banner that lists every error, one ``pad:regel:kolom: fout: bericht`` line each."""
    regels = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in sorted(fouten))
    kop = html.escape(KOP if vorige else KOP_ZONDER_VORIGE)
    return (
        '<div class="wp-gegevensfouten" role="alert">'
        f'<p class="wp-gegevensfouten__kop"><strong>{kop}</strong></p>'
        f'<ul class="wp-gegevensfouten__lijst">{regels}</ul>'
        "</div>"
    )


def met_banner(pagina_html: str, banner_html: str) -> str:
    """Put the banner at the top of the page: just before the header (after the skip link)."""
    kop = _HEADER.search(pagina_html)
    if kop is not None:
        return pagina_html[: kop.start()] + banner_html + pagina_html[kop.start() :]
    body = _BODY.search(pagina_html)
    if body is not None:
        return pagina_html[: body.end()] + banner_html + pagina_html[body.end() :]
    return banner_html + pagina_html
