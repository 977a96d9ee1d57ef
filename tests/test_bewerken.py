"""Record pages link to their file in the repository and to the issue form, when a repository is set."""

from __future__ import annotations

import html as _html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from conftest import PROJECT, REPOSITORY, inhoud, pagina


def links(html: str) -> dict[str, str]:
    """Link text -> href inside the record's footer."""
    voet = html[html.index('<footer class="wp-controle">') :]
    voet = voet[: voet.index("</footer>")]
    return {
        " ".join(_html.unescape(re.sub(r"<[^>]+>", "", tekst)).split()): _html.unescape(href)
        for href, tekst in re.findall(r'<a href="([^"]+)">(.*?)</a>', voet, re.S)
    }


def test_intern_record_page_links_to_its_yaml_file_and_the_issue_form(proef: Path):
    gevonden = links(inhoud(pagina(proef / "site", "voorzieningen/meubeldepot/")))
    assert gevonden["Wijzig deze pagina"] == f"{REPOSITORY}/edit/hoofdtak/data/voorzieningen/meubeldepot.yml"
    assert gevonden["zo werkt wijzigen"] == f"{REPOSITORY}/blob/hoofdtak/CONTRIBUTING.md"
    melden = urlsplit(gevonden["Meld een fout"])
    assert f"{melden.scheme}://{melden.netloc}{melden.path}" == f"{REPOSITORY}/issues/new"
    velden = parse_qs(melden.query)
    assert velden == {"template": ["fout-melden.yml"], "record": ["voorzieningen/meubeldepot"], "title": ["Fout in: Meubeldepot"]}
    # the issue form the link opens has a field with that id, so GitHub fills it in
    formulier = yaml.safe_load((PROJECT / ".github/ISSUE_TEMPLATE/fout-melden.yml").read_text(encoding="utf-8"))
    assert "record" in {veld.get("id") for veld in formulier["body"]}


def test_every_kind_of_record_page_has_the_links(proef: Path):
    for url, bestand in [
        ("methodieken/presentiebenadering/", "data/methodieken/presentiebenadering.yml"),
        ("werkinstructies/meubeldepot-aanmelden/", "data/werkinstructies/meubeldepot-aanmelden.yml"),
        ("organisaties/humanitas/", "data/organisaties/humanitas.yml"),
    ]:
        gevonden = links(inhoud(pagina(proef / "site", url)))
        assert gevonden["Wijzig deze pagina"].endswith(f"/edit/hoofdtak/{bestand}"), url
        assert (PROJECT / bestand).is_file()


def test_publiek_edition_words_the_links_for_residents(proef: Path):
    html = inhoud(pagina(proef / "site-publiek", "voorzieningen/meubeldepot/"))
    gevonden = links(html)
    assert "Wijzig deze pagina" not in gevonden and "Meld een fout" not in gevonden
    assert parse_qs(urlsplit(gevonden["Klopt er iets niet? Laat het ons weten."]).query)["record"] == ["voorzieningen/meubeldepot"]
    assert gevonden["Pas de gegevens aan."] == f"{REPOSITORY}/edit/main/data/voorzieningen/meubeldepot.yml"
    assert "GitHub-account" in html


def test_no_links_without_a_repository(site: Path):
    html = inhoud(pagina(site, "voorzieningen/meubeldepot/"))
    assert "/edit/" not in html and "issues/new" not in html and "Meld een fout" not in html
