"""Blocks for hand-written pages that must follow the site's configuration.

The pages /over/, /privacy/ and /toegankelijkheid/ are Markdown in ``docs/``,
but some of what they say depends on how the site is built: which server the
map tiles come from (plugin option ``kaart_tegels``), where a typed address is
looked up (option ``geocoder``), where a visitor can report a problem (option
``repository``, else the website of the organisation that runs the portal), and
where the boundaries of the wijken and buurten come from
(``data/gebieden/bron.yml``). A page asks for such a block with a marker on a line of
its own; :func:`vul_in` replaces the markers, so the page stays true when the
configuration changes.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import urlsplit

from ..adressen import Repository
from ..catalogus import Catalogus
from ..codeowners import HUISORGANISATIE
from ..dichtbij import geocoderhost
from ..gebieden import Gebiedsbron
from ..kaart import Kaartinstellingen
from ..opmaak import datum

# /over/: where the background of the maps comes from, with its attribution.
MARKER_KAARTACHTERGROND = "<!-- wijkportaal:kaartachtergrond -->"
# /privacy/: the one request to another server (the map tiles), or that there is none.
MARKER_KAARTVERZOEKEN = "<!-- wijkportaal:kaartverzoeken -->"
# /privacy/: what the address search ("Hulp dichtbij") sends where, or that there is none.
MARKER_ADRESZOEKEN = "<!-- wijkportaal:adreszoeken -->"
# /toegankelijkheid/ and /over/: where to report a problem with the site.
MARKER_MELDEN = "<!-- wijkportaal:melden -->"
# /over/: where the boundaries of the wijken and buurten come from, with the attribution CBS asks for.
MARKER_GEBIEDSBRON = "<!-- wijkportaal:gebiedsbron -->"


def tegelserver(instellingen: Kaartinstellingen) -> str | None:
    """The host the browser fetches map tiles from, or None for maps without a base map."""
    if not instellingen.tegels:
        return None
    return urlsplit(instellingen.tegels.replace("{s}", "a")).hostname or None


def _servernaam(host: str, als_pdok: str) -> str:
    """The host in bold, and what it is when it is one of PDOK's (``als_pdok``)."""
    naam = f"<strong>{escape(host)}</strong>"
    if host == "pdok.nl" or host.endswith(".pdok.nl"):
        naam += f" ({als_pdok})"
    return naam


def _tegelserver_html(host: str) -> str:
    return _servernaam(host, "PDOK, de kaartdienst van de overheid")


def kaartachtergrond(instellingen: Kaartinstellingen) -> str:
    host = tegelserver(instellingen)
    if host is None:
        return (
            '<p class="wp-kaartbron">De kaarten hebben geen achtergrondkaart: ze tonen alleen de grenzen '
            "van de wijken en buurten en de plekken van de voorzieningen.</p>"
        )
    # the attribution is site configuration (HTML, like the map itself shows it)
    return (
        f'<p class="wp-kaartbron">De achtergrond van de kaarten: {instellingen.attributie}. '
        f"De kaartplaatjes komen van {_tegelserver_html(host)}.</p>"
    )


def kaartverzoeken(instellingen: Kaartinstellingen) -> str:
    host = tegelserver(instellingen)
    if host is None:
        return (
            '<p class="wp-kaartverzoeken">De kaarten op deze site hebben geen achtergrondkaart. '
            "Deze site laadt dus niets van andere servers: alles komt van deze site zelf.</p>"
        )
    return (
        '<div class="wp-kaartverzoeken">\n'
        "<p>Op een pagina met een kaart haalt uw browser de achtergrond van de kaart op bij "
        f"{_tegelserver_html(host)}. Dat zijn kleine plaatjes van de kaart. "
        "Dit is de enige andere server waar deze site iets van laadt.</p>\n"
        "<p>Die server ziet dan, net als elke website, uw IP-adres, van welke site het verzoek komt en welk "
        "stuk van de kaart u bekijkt. Hij ziet niet wat u zoekt en niet welke pagina u leest.</p>\n"
        "<p>Een kaart staat op de pagina <em>Kaart</em>, op de zoekpagina, op de pagina van elke wijk en op de "
        "pagina van een voorziening met een locatie.</p>\n"
        "</div>"
    )


def adreszoeken(geocoder: str) -> str:
    host = geocoderhost(geocoder)
    if host is None:
        return (
            '<p class="wp-adreszoeken">Deze site heeft geen zoeken op adres. Zoekt u hulp bij u in de buurt? '
            "Kies dan uw wijk.</p>"
        )
    naam = _servernaam(host, "de Locatieserver van PDOK: de adressenzoeker van de overheid")
    return (
        '<div class="wp-adreszoeken">\n'
        "<p>Op de zoekpagina en op de startpagina kunt u uw adres of postcode typen. Dan ziet u de hulp die het "
        f"dichtst bij is. Terwijl u typt, stuurt uw browser wat u typt naar {naam}. Die stuurt adressen terug die "
        "erop lijken. Kiest u een adres, dan vraagt uw browser daar ook waar dat adres ligt.</p>\n"
        "<p>Die server ziet dan wat u typt en, net als elke website, uw IP-adres. Uw adres gaat niet naar deze "
        "site en niet naar anderen. Uw browser bewaart het adres ook niet. Typt u niets in het veld, dan vraagt de "
        "site ook niets aan die server.</p>\n"
        "<p>Uw browser rekent zelf uit in welke buurt en wijk het adres ligt, en hoe ver de hulp is. In het adres "
        "van de zoekpagina komt alleen het punt op de kaart, bijvoorbeeld <code>bij=52.2215,6.8937</code>, en niet "
        "uw straat of huisnummer. Zo kunt u de lijst doorsturen. Let op: dat punt ligt dicht bij uw adres. Wie het "
        "adres van de pagina krijgt, kan dus ongeveer zien waar u woont. Wilt u dat niet? Klik dan eerst op "
        "<em>Adres wissen</em>.</p>\n"
        "<p>Klikt u bij een plek op <em>Route</em>, dan opent OpenStreetMap met dat punt en de plek van de hulp, "
        "om de route te tonen.</p>\n"
        "</div>"
    )


def melden(cat: Catalogus, repository: Repository | None) -> str:
    """Where to report a problem: the issue form when the repository is configured, and the
    website of the organisation that runs the portal (from its record), for people without GitHub."""
    huis = cat.zoek(f"organisaties/{HUISORGANISATIE}")
    website = (getattr(huis, "contact", None) or {}).get("website") if huis else None
    if website:
        contact = f'de {escape(huis.naam)} via <a href="{escape(website, quote=True)}">hun website</a>'
    else:
        contact = "de beheerder van deze site"
    if repository is None:
        return f'<p class="wp-melden">Loopt u tegen een probleem aan? Of mist u iets? Neem dan contact op met {contact}.</p>'
    return (
        '<div class="wp-melden">\n'
        "<p>Loopt u tegen een probleem aan? Of mist u iets? Meld het met het formulier "
        f'<a href="{escape(repository.meld_probleem(), quote=True)}">Probleem met de site melden</a>. '
        "U hebt daarvoor een gratis GitHub-account nodig. Let op: iedereen kan uw melding lezen. "
        "Schrijf er geen persoonlijke gegevens in.</p>\n"
        f"<p>Hebt u geen GitHub-account? Of gaat het over uw eigen situatie? Neem dan contact op met {contact}.</p>\n"
        "</div>"
    )


def gebiedsbron(bron: Gebiedsbron, editie: str) -> str:
    """The source of the boundaries (data/gebieden/bron.yml): the attribution, the edition, how precise."""
    vermelding = f"<strong>Bron: {escape(bron.vermelding)}</strong>"
    opgehaald = f", opgehaald op {datum(dt.date.fromisoformat(bron.opgehaald))}" if bron.opgehaald else ""
    lijnen = dict(bron.kaartlijnen)
    if editie == "publiek":
        tekst = (
            f"De grenzen van de wijken en buurten: {vermelding}. Dat zijn open gegevens van het CBS "
            "(het Centraal Bureau voor de Statistiek). "
        )
        if bron.volledig:
            tekst += "We gebruiken de precieze grenzen. Op de kaarten zijn de lijnen een beetje vereenvoudigd."
        else:
            tekst += (
                f"De grenzen zijn niet heel precies: op {escape(bron.nauwkeurigheid or 'ongeveer 100 meter')}. "
                "Woont u vlak bij een grens? Dan kan uw adres bij de wijk ernaast staan."
            )
        return f'<p class="wp-gebiedsbron">{tekst}</p>'
    tekst = f"Grenzen van wijken en buurten: {vermelding}"
    tekst += f", {'volledige resolutie' if bron.volledig else 'gegeneraliseerde editie'}. " if bron.editie else ". "
    tekst += "Het CBS publiceert deze gegevens als open data. "
    if bron.herkomst:
        tekst += f"Ze komen uit {escape(bron.herkomst)}{opgehaald}. Zie ook <code>data/gebieden/BRON.md</code>. "
    if bron.volledig:
        tekst += "Een locatie wordt met de precieze grenzen aan een buurt toegewezen."
        if lijnen:
            tekst += (
                f" De kaarten tekenen de grenzen iets vereenvoudigd: hooguit {lijnen['wijk']} meter op de kaart "
                f"van een wijk, hooguit {lijnen['stad']} meter op de kaarten van de hele stad."
            )
    else:
        tekst += (
            f"De grenzen zijn vereenvoudigd en op {escape(bron.nauwkeurigheid or 'ongeveer 100 meter')} nauwkeurig: "
            "een locatie vlak bij een grens kan in de buurwijk vallen."
        )
    return f'<p class="wp-gebiedsbron">{tekst}</p>'


def vul_in(
    pagina_html: str, cat: Catalogus, instellingen: Kaartinstellingen, repository: Repository | None, geocoder: str = ""
) -> str:
    """``pagina_html`` with every block marker replaced by its block (only the markers present are made)."""
    blokken = {
        MARKER_KAARTACHTERGROND: lambda: kaartachtergrond(instellingen),
        MARKER_KAARTVERZOEKEN: lambda: kaartverzoeken(instellingen),
        MARKER_ADRESZOEKEN: lambda: adreszoeken(geocoder),
        MARKER_MELDEN: lambda: melden(cat, repository),
        MARKER_GEBIEDSBRON: lambda: gebiedsbron(cat.gebieden.bron, cat.editie),
    }
    for marker, maak in blokken.items():
        if marker in pagina_html:
            pagina_html = pagina_html.replace(marker, maak())
    return pagina_html
