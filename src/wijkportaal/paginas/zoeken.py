"""The finder, ``/zoeken/``: one search box and filters over the whole sociale kaart.

The page is a form that works as a plain GET form; ``assets/zoeken.js`` loads
the edition's index and data (:mod:`wijkportaal.zoekindex`) and answers every
change in the browser. The filter options are rendered here from the same lists
the data file holds, so the URL parameters mean the same with or without script.
"""

from __future__ import annotations

import html

from markupsafe import Markup

from .. import adressen
from ..adressen import relatief
from ..dichtbij import GEBIEDENBESTAND
from ..kaart import SCRIPTS, STIJLEN
from ..zoekindex import filters
from .basis import Pagina, Weergave

# Loaded in this order on every page with search (the finder and the header box).
ZOEK_SCRIPTS = (
    "assets/wijkportaal/vendor/lunr/lunr.js",
    "assets/wijkportaal/vendor/lunr/lunr.stemmer.support.js",
    "assets/wijkportaal/vendor/lunr/lunr.nl.js",
    "assets/wijkportaal/zoektaal.js",
    "assets/wijkportaal/zoekindex.js",
    "assets/wijkportaal/zoeken.js",
)
# The address search (Hulp dichtbij) on the finder and the home page: before zoeken.js.
DICHTBIJ_SCRIPTS = ("assets/wijkportaal/dichtbij.js",)
ZOEK_STIJLEN = ("assets/wijkportaal/zoeken.css",)
INDEX = "index.json"
TEKST = "tekst.json"
GEGEVENS = "gegevens.json"


def zoekpagina(w: Weergave) -> Pagina:
    url = adressen.ZOEKEN
    kaart = w.kaartmaker.kaart(
        "zoeken", [], wijken=sorted(w.cat.gebieden.wijken.values(), key=lambda g: g.code), hoogte="26rem",
        omschrijving="Kaart met de gevonden voorzieningen", lijst_anker="wp-resultaten",
    )  # fmt: skip
    return w.render(
        "zoeken.html", url, "Zoeken",
        beschrijving="Zoek hulp in Enschede op woord, wijk, onderwerp, leeftijd en meer.",
        filters=filters(w.cat), index=INDEX, tekst=TEKST, gegevens=GEGEVENS, kaart=Markup(kaart),
        gebieden=relatief(url, "") + GEBIEDENBESTAND,
        tags=Markup(w.assets(url, STIJLEN, SCRIPTS + ZOEK_SCRIPTS[:-1] + DICHTBIJ_SCRIPTS)),
    )  # fmt: skip


def zoekvak(pagina_url: str) -> str:
    """The search box for the header of every page: a plain GET form to the finder.

    ``assets/zoeken.js`` (on every page) adds suggestions as you type; without
    script, Enter opens the finder with the query.
    """
    naar = html.escape(relatief(pagina_url, adressen.ZOEKEN), quote=True)
    return (
        f'<form class="wp-zoekvak" role="search" action="{naar}" method="get" data-zoeken="{naar}">'
        '<label class="wp-zoekvak__label" for="wp-zoekvak-q">Zoeken</label>'
        '<input class="wp-zoekvak__invoer" id="wp-zoekvak-q" type="search" name="q" autocomplete="off" '
        'placeholder="Zoeken" aria-autocomplete="list" aria-controls="wp-zoekvak-suggesties">'
        '<ul class="wp-zoekvak__suggesties" id="wp-zoekvak-suggesties" role="listbox" hidden></ul>'
        "</form>"
    )
