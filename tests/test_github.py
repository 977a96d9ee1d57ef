"""The GitHub setup in .github/: workflows linted (actionlint) and audited (zizmor),
issue forms valid against GitHub's schema, and the workflows doing what CONTRIBUTING
promises partners. Fast and offline: no site is built here."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import BIN, PROJECT

GITHUB = PROJECT / ".github"
WORKFLOWS = sorted([*GITHUB.glob("workflows/*.yml"), *GITHUB.glob("workflows/*.yaml")])
FORMULIEREN = GITHUB / "ISSUE_TEMPLATE"


def _draai(*args: str | Path, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=60)


def _workflow(naam: str) -> dict:
    return yaml.safe_load((GITHUB / "workflows" / naam).read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    triggers = workflow.get("on", workflow.get(True))
    return triggers if isinstance(triggers, dict) else {t: None for t in ([triggers] if isinstance(triggers, str) else triggers)}


def _stappen(workflow: dict) -> list[dict]:
    return [stap for job in workflow["jobs"].values() for stap in job.get("steps", [])]


def _opdrachten(workflow: dict) -> str:
    return "\n".join(stap.get("run", "") for stap in _stappen(workflow))


def _gebruikt(workflow: dict, actie: str) -> list[dict]:
    return [stap for stap in _stappen(workflow) if stap.get("uses", "").startswith(actie + "@")]


def test_er_zijn_workflows():
    namen = {p.name for p in WORKFLOWS}
    assert {"controle.yml", "publiceer.yml", "opmerking.yml"} <= namen


def test_actionlint_vindt_niets_in_alle_workflows():
    uitkomst = _draai(BIN / "actionlint", "-no-color", *WORKFLOWS)
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr


def test_actionlint_meldt_een_kapotte_workflow(tmp_path):
    # Proves the linter really checks: a job that needs a job that does not exist.
    tekst = (GITHUB / "workflows" / "controle.yml").read_text(encoding="utf-8")
    kapot = tekst.replace("    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    needs: bestaat-niet\n", 1)
    assert kapot != tekst
    (tmp_path / "kapot.yml").write_text(kapot, encoding="utf-8")
    uitkomst = _draai(BIN / "actionlint", "-no-color", tmp_path / "kapot.yml")
    assert uitkomst.returncode == 1
    assert "bestaat-niet" in uitkomst.stdout


def _zizmor(*args: str) -> list[dict]:
    uitkomst = _draai(BIN / "zizmor", "--offline", "--strict-collection", "--format", "json", *args, GITHUB)
    assert uitkomst.stdout.strip(), uitkomst.stderr
    return json.loads(uitkomst.stdout)


def test_zizmor_vindt_niets():
    assert _zizmor() == []


def test_zizmor_enige_uitzondering_is_workflow_run_van_de_opmerking():
    # Without ignore comments zizmor reports exactly the one deliberate exception:
    # the workflow_run trigger of opmerking.yml, which runs no code from the pull
    # request (checked in test_opmerking_draait_geen_code_uit_de_pull_request).
    bevindingen = _zizmor("--no-ignores")
    gevonden = [(b["ident"], Path(b["locations"][0]["symbolic"]["key"]["Local"]["verbatim_path"]).name) for b in bevindingen]
    assert gevonden == [("dangerous-triggers", "opmerking.yml")]


@pytest.mark.parametrize("pad", WORKFLOWS, ids=lambda p: p.name)
def test_acties_vastgezet_op_commit(pad):
    # A tag can be moved to other code; a full commit SHA cannot. The comment says which release.
    regels = [r for r in pad.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", r)]
    assert regels
    for regel in regels:
        assert re.fullmatch(r"\s*(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", regel), regel


@pytest.mark.parametrize("pad", WORKFLOWS, ids=lambda p: p.name)
def test_minimale_rechten_en_geen_bewaard_token(pad):
    workflow = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert workflow.get("permissions") == {}, "rechten alleen per job"
    for stap in _gebruikt(workflow, "actions/checkout"):
        assert stap["with"]["persist-credentials"] is False


def test_controle_van_een_pull_request():
    workflow = _workflow("controle.yml")
    assert "pull_request" in _triggers(workflow)
    assert "pull_request_target" not in _triggers(workflow)
    paden = _triggers(workflow)["pull_request"]["paths"]
    assert {"data/**", "docs/**", "schema/**", "mkdocs*.yml", "src/**", "plugins/**", "pyproject.toml", ".github/**"} <= set(paden)
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    opdrachten = _opdrachten(workflow)
    for opdracht in ("wijkportaal validate", "wijkportaal codeowners --controleer", "wijkportaal wijzigingen"):
        assert opdracht in opdrachten
    assert re.search(r"^wijkportaal bouw$", opdrachten, re.M)
    assert re.search(r"^wijkportaal bouw --publiek$", opdrachten, re.M)
    (checkout,) = _gebruikt(workflow, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0  # wijzigingen needs the base branch
    bewaard = {stap["with"]["name"]: stap["with"]["path"] for stap in _gebruikt(workflow, "actions/upload-artifact")}
    assert bewaard["voorbeeld-intern"] == "site/"
    assert bewaard["voorbeeld-publiek"] == "site-publiek/"
    assert "wijzigingen" in bewaard


def test_opmerking_draait_geen_code_uit_de_pull_request():
    workflow = _workflow("opmerking.yml")
    triggers = _triggers(workflow)
    assert set(triggers) == {"workflow_run"}
    # workflow_run matches workflows by name: renaming 'Controle' would silently stop the comments.
    assert triggers["workflow_run"]["workflows"] == [_workflow("controle.yml")["name"]]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    stappen = _stappen(workflow)
    assert not any("run" in stap for stap in stappen)
    assert [stap["uses"].split("@")[0] for stap in stappen] == ["actions/download-artifact", "actions/github-script"]
    # The artifact is data: the script reads it from files, nothing is expanded into it.
    script = _gebruikt(workflow, "actions/github-script")[0]["with"]["script"]
    assert "${{" not in script
    assert "pr.head.sha !== run.head_sha" in script


def test_publiceren():
    workflow = _workflow("publiceer.yml")
    triggers = _triggers(workflow)
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"]
    assert "workflow_dispatch" in triggers
    assert workflow["concurrency"]["cancel-in-progress"] is False
    opdrachten = _opdrachten(workflow)
    assert "wijkportaal validate" in opdrachten
    assert re.search(r"^wijkportaal bouw$", opdrachten, re.M)
    assert re.search(r"^wijkportaal bouw --publiek$", opdrachten, re.M)
    # Only the publiek edition goes to Pages; the intern edition only as an artifact.
    (pages,) = _gebruikt(workflow, "actions/upload-pages-artifact")
    assert pages["with"]["path"] == "site-publiek/"
    (intern,) = _gebruikt(workflow, "actions/upload-artifact")
    assert intern["with"]["path"] == "site/"
    (publiceer,) = [job for job in workflow["jobs"].values() if any(
        s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"])]
    assert publiceer["permissions"] == {"pages": "write", "id-token": "write"}
    assert publiceer["environment"]["name"] == "github-pages"
    assert workflow["jobs"]["bouw"]["permissions"] == {"contents": "read"}


def test_formulieren_volgens_het_schema_van_github():
    formulieren = sorted(FORMULIEREN.glob("*.yml"))
    assert {p.name for p in formulieren} == {"config.yml", "fout-melden.yml", "nieuwe-voorziening.yml", "probleem-melden.yml"}
    for schema, paden in (
        ("vendor.github-issue-forms", [p for p in formulieren if p.name != "config.yml"]),
        ("vendor.github-issue-config", [FORMULIEREN / "config.yml"]),
    ):
        uitkomst = _draai(BIN / "check-jsonschema", "--builtin-schema", schema, *paden)
        assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr


def test_fout_melden_velden_vooraf_in_te_vullen():
    # The site links to ...issues/new?template=fout-melden.yml&record=voorzieningen/<id>;
    # GitHub fills in the field whose id is 'record'.
    formulier = yaml.safe_load((FORMULIEREN / "fout-melden.yml").read_text(encoding="utf-8"))
    assert formulier["name"] == "Fout melden in een voorziening"
    velden = {v["id"]: v for v in formulier["body"] if "id" in v}
    assert velden["record"]["type"] == "input"
    assert velden["wat"]["type"] == "textarea"
    assert velden["wat"]["validations"]["required"] is True
    assert velden["juist"]["type"] == "textarea"
    assert velden["juist"]["validations"]["required"] is False
    for naam in ("fout-melden.yml", "nieuwe-voorziening.yml", "probleem-melden.yml"):
        tekst = (FORMULIEREN / naam).read_text(encoding="utf-8")
        assert "iedereen kan dit bericht lezen" in tekst and "persoonlijke gegevens" in tekst
    nieuw = yaml.safe_load((FORMULIEREN / "nieuwe-voorziening.yml").read_text(encoding="utf-8"))
    assert nieuw["name"] == "Nieuwe voorziening voorstellen"


def test_probleem_melden_formulier():
    # /toegankelijkheid/ links to ...issues/new?template=probleem-melden.yml (Repository.meld_probleem)
    formulier = yaml.safe_load((FORMULIEREN / "probleem-melden.yml").read_text(encoding="utf-8"))
    assert formulier["name"] == "Probleem met de site melden"
    assert formulier["labels"] == ["toegankelijkheid"]
    velden = {v["id"]: v for v in formulier["body"] if "id" in v}
    assert velden["pagina"]["validations"]["required"] is True
    assert velden["wat"]["type"] == "textarea" and velden["wat"]["validations"]["required"] is True
    assert velden["hulpmiddel"]["validations"]["required"] is False


def test_pull_request_sjabloon():
    tekst = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for punt in ("`bron`", "verzonnen", "namen van personen", "`laatst_gecontroleerd`", "controle is groen"):
        assert punt in tekst
    assert tekst.count("- [ ]") == 5
