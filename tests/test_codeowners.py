"""CODEOWNERS: each record file is reviewed by the organisation that maintains it."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT, wijkportaal

from wijkportaal.catalogus import laad_catalogus
from wijkportaal.codeowners import codeowners


def regels_zonder_commentaar(tekst: str) -> list[str]:
    return [r for r in tekst.splitlines() if r.strip() and not r.startswith("#")]


def test_committed_codeowners_is_up_to_date():
    """Fails when someone changed 'beheerders' (or added a record) without running 'wijkportaal codeowners'."""
    catalogus, problemen = laad_catalogus(PROJECT / "data")
    assert not problemen.fouten
    assert (PROJECT / ".github/CODEOWNERS").read_text(encoding="utf-8") == codeowners(catalogus), (
        "draai 'wijkportaal codeowners' en commit .github/CODEOWNERS"
    )


def test_each_record_goes_to_the_beheerders_of_its_organisation(project_kopie: Path):
    org = project_kopie / "data/organisaties/humanitas.yml"
    org.write_text(org.read_text(encoding="utf-8") + 'beheerders: ["@humanitas-twente/sociale-kaart", "@een-vrijwilliger"]\n', encoding="utf-8")
    uit = wijkportaal("codeowners", cwd=project_kopie)
    assert uit.code == 0, uit.uitvoer
    assert "Bijgewerkt: .github/CODEOWNERS" in uit.uitvoer
    tekst = (project_kopie / ".github/CODEOWNERS").read_text(encoding="utf-8")
    regels = regels_zonder_commentaar(tekst)
    assert regels[0] == "* @wijkteams-enschede/kennisportaal"  # catch-all first: the last match wins
    catalogus, _ = laad_catalogus(project_kopie / "data")
    van_humanitas = sorted(f"/data/{r.SOORT}/{r.id}.yml" for s in catalogus.records for r in catalogus.soort_alle(s)
                           if r.beheerder == "humanitas")  # fmt: skip
    assert van_humanitas, "de voorbeeldgegevens hebben records van Humanitas"
    assert regels[1:] == [f"{pad} @humanitas-twente/sociale-kaart @een-vrijwilliger" for pad in van_humanitas]
    assert "# Humanitas" in tekst
    for pad in van_humanitas:
        assert (project_kopie / pad.lstrip("/")).is_file()

    # the check for CI: now up to date; after another change, out of date with a located Dutch message
    assert wijkportaal("codeowners", "--controleer", cwd=project_kopie).code == 0
    org.write_text(org.read_text(encoding="utf-8").replace("@een-vrijwilliger", "@iemand-anders"), encoding="utf-8")
    uit = wijkportaal("codeowners", "--controleer", cwd=project_kopie)
    assert uit.code == 1
    assert uit.regels[0].startswith(".github/CODEOWNERS:1:1: fout: dit bestand past niet meer bij de beheerders")


def test_beheerders_must_be_github_names(project_kopie: Path):
    org = project_kopie / "data/organisaties/humanitas.yml"
    org.write_text(org.read_text(encoding="utf-8") + "beheerders: [team humanitas]\n", encoding="utf-8")
    uit = wijkportaal("validate", "data/organisaties/humanitas.yml", cwd=project_kopie)
    assert uit.code == 1
    assert "geen geldige GitHub-naam; schrijf @naam of @organisatie/team" in uit.uitvoer
