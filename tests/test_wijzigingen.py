"""`wijkportaal wijzigingen BASIS_REF`: a Dutch Markdown summary of a branch, on a git history made here."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import kopieer_project, wijkportaal

from wijkportaal.wijzigingen import MARKERING, gewijzigde_velden, veilig


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=project, check=True, capture_output=True,
    )  # fmt: skip


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} staat niet in {pad}"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def samenvatting(tmp_path_factory) -> str:
    """A repository with one commit on main, then a branch that adds, changes and removes records."""
    project = kopieer_project(tmp_path_factory.mktemp("wijzigingen") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "basis")
    git(project, "checkout", "-q", "-b", "partner")
    data = project / "data"
    # changed: the sign-up text and the check date
    meubeldepot = data / "voorzieningen/meubeldepot.yml"
    vervang(meubeldepot, "laatst_gecontroleerd: 2020-12-31", "laatst_gecontroleerd: 2026-11-20")
    vervang(meubeldepot, "aanmelden: |\n", "aanmelden: |\n  Bel eerst met uw hulpverlener.\n")
    # checked only: nothing but the date
    vervang(data / "voorzieningen/alzheimercafe.yml", "laatst_gecontroleerd:", "laatst_gecontroleerd: 2026-11-21 #")
    # added, committed, with a name that tries Markdown and a mention
    nieuw = data / "voorzieningen/proefhulp.yml"
    nieuw.write_text(meubeldepot.read_text(encoding="utf-8").replace("naam: Meubeldepot", "naam: '[Klik](https://x.invalid) @iedereen <b>'"), encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "partner")
    # removed, still referred to by others; and a new file not yet committed
    (data / "voorzieningen/veilig-thuis-twente.yml").unlink()
    (data / "methodieken/nog-niet-gecommit.yml").write_text((data / "methodieken").glob("*.yml").__next__().read_text(encoding="utf-8"), encoding="utf-8")
    uit = wijkportaal("wijzigingen", "main", cwd=project)
    assert uit.code == 0, uit.uitvoer
    return uit.uitvoer


def regel_met(tekst: str, stuk: str) -> str:
    (regel,) = [r for r in tekst.splitlines() if stuk in r]
    return regel


def test_summary_counts_and_sections(samenvatting: str):
    assert samenvatting.startswith(MARKERING + "\n## Wijzigingen in de gegevens\n")
    assert "Ten opzichte van `main`: 2 toegevoegd, 2 gewijzigd, 1 verwijderd." in samenvatting
    koppen = [r for r in samenvatting.splitlines() if r.startswith("### ")]
    assert koppen == ["### Toegevoegd", "### Gewijzigd", "### Verwijderd"]


def test_changed_record_names_the_changed_fields(samenvatting: str):
    regel = regel_met(samenvatting, "meubeldepot.yml")
    assert regel == "- **Meubeldepot** (voorziening, `data/voorzieningen/meubeldepot.yml`): `aanmelden`, `beheer.laatst_gecontroleerd`"
    alleen_datum = regel_met(samenvatting, "alzheimercafe.yml")
    assert alleen_datum.endswith(": nagekeken, inhoud ongewijzigd (`beheer.laatst_gecontroleerd`)")


def test_removed_record_that_others_refer_to_is_called_out(samenvatting: str):
    regels = samenvatting.splitlines()
    i = regels.index(regel_met(samenvatting, "veilig-thuis-twente.yml"))
    assert regels[i].startswith("- **Veilig Thuis Twente** (voorziening,")
    let_op = regels[i + 1]
    assert let_op.startswith("  - **Let op:** hier wordt nog naar verwezen vanuit ")
    for ref in ("voorzieningen/mediant-ggz", "werkinstructies/meldcode-huiselijk-geweld-en-kindermishandeling"):
        assert f"`{ref}`" in let_op


def test_added_records_include_uncommitted_files_and_names_are_inert(samenvatting: str):
    assert "`data/methodieken/nog-niet-gecommit.yml`" in samenvatting
    regel = regel_met(samenvatting, "proefhulp.yml")
    assert "](" not in regel and "<b>" not in regel and "@iedereen" not in regel
    assert r"\[Klik\]\(https:" in regel


def test_unknown_base_is_a_dutch_error(tmp_path: Path):
    project = kopieer_project(tmp_path / "p")
    git(project, "init", "-q", "-b", "main")
    uit = wijkportaal("wijzigingen", "origin/main", cwd=project)
    assert uit.code == 2
    assert "fout: 'origin/main' is geen commit of tak in deze repository" in uit.uitvoer
    assert "Traceback" not in uit.uitvoer


def test_field_comparison_goes_one_level_into_groups():
    oud = {"naam": "A", "beheer": {"organisatie": "x", "laatst_gecontroleerd": "2024-01-01"}, "locaties": [{"naam": "a"}]}
    nieuw = {"naam": "A", "beheer": {"organisatie": "y", "laatst_gecontroleerd": "2024-01-01"}, "locaties": [{"naam": "b"}], "kosten": "gratis"}
    assert gewijzigde_velden(oud, nieuw) == ["beheer.organisatie", "kosten", "locaties"]
    assert veilig("*vet* @naam") == "\\*vet\\* @\u200bnaam"
