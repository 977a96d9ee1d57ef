"""Change summary: which records a branch adds, changes and removes, for a pull request comment.

:func:`vergelijk` compares the record files at a base commit (``git``) with the
working tree and returns :class:`Wijziging` values; :func:`als_markdown` writes
them as Dutch Markdown. Record content written by partners is escaped, so a name
cannot add links, images or @-mentions to the comment.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from .catalogus import laad_catalogus
from .soorten import SOORTEN

MARKERING = "<!-- wijkportaal-wijzigingen -->"  # lets a workflow find and update its own comment
TOEGEVOEGD, GEWIJZIGD, VERWIJDERD = "toegevoegd", "gewijzigd", "verwijderd"


class GitFout(Exception):
    """Git could not answer (no repository, unknown base); the message is Dutch."""


@dataclass
class Wijziging:
    """One record file that differs from the base."""

    soort: str
    id: str
    pad: str  # as in the repository, e.g. data/voorzieningen/meubeldepot.yml
    wat: str  # toegevoegd | gewijzigd | verwijderd
    naam: str = ""
    velden: list[str] = field(default_factory=list)  # changed fields, e.g. beheer.laatst_gecontroleerd
    onleesbaar: bool = False  # the new version is not valid YAML
    genoemd_door: list[str] = field(default_factory=list)  # for a removed record: who still refers to it

    @property
    def ref(self) -> str:
        return f"{self.soort}/{self.id}"


def _git(project: Path, *args: str) -> str:
    try:
        proces = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise GitFout("git is niet geïnstalleerd") from None
    if proces.returncode != 0:
        raise GitFout(proces.stderr.strip().splitlines()[-1] if proces.stderr.strip() else "git gaf een fout")
    return proces.stdout


def _lees(tekst: str | None) -> tuple[dict | None, bool]:
    """(mapping or None, readable?) of a record file's text."""
    if tekst is None:
        return None, True
    try:
        data = yaml.safe_load(tekst)
    except yaml.YAMLError:
        return None, False
    return (data if isinstance(data, dict) else None), isinstance(data, dict)


def gewijzigde_velden(oud: dict, nieuw: dict) -> list[str]:
    """Fields whose value differs; one level deep into groups (``beheer.laatst_gecontroleerd``)."""
    velden = []
    for sleutel in sorted(set(oud) | set(nieuw), key=str):
        a, b = oud.get(sleutel), nieuw.get(sleutel)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            velden += [f"{sleutel}.{sub}" for sub in sorted(set(a) | set(b), key=str) if a.get(sub) != b.get(sub)]
        else:
            velden.append(str(sleutel))
    return velden


def _recordpad(pad: str, data: str) -> tuple[str, str] | None:
    """(soort, id) if ``pad`` is a record file in the data folder."""
    deel = PurePosixPath(pad)
    if deel.suffix != ".yml" or len(deel.parts) < 2 or deel.parent.parent != PurePosixPath(data):
        return None
    soort = deel.parent.name
    return (soort, deel.stem) if soort in SOORTEN else None


def vergelijk(project: Path, basis: str, data: str = "data") -> list[Wijziging]:
    """Every record file added, changed or removed in the working tree compared with ``basis``."""
    project = Path(project)
    try:
        _git(project, "rev-parse", "--verify", "--quiet", f"{basis}^{{commit}}")
    except GitFout:
        raise GitFout(f"'{basis}' is geen commit of tak in deze repository (haal hem eerst op met git fetch)") from None
    status: dict[str, str] = {}
    for regel in _git(project, "diff", "--name-status", "--no-renames", basis, "--", data).splitlines():
        letter, _, pad = regel.partition("\t")
        status[pad] = letter[:1]
    for pad in _git(project, "ls-files", "--others", "--exclude-standard", "--", data).splitlines():
        status[pad] = "A"
    wijzigingen = []
    for pad, letter in sorted(status.items()):
        soort_id = _recordpad(pad, data)
        if soort_id is None:
            continue
        oud_tekst = _git(project, "show", f"{basis}:{pad}") if letter in "MD" else None
        nieuw_tekst = (project / pad).read_text(encoding="utf-8", errors="replace") if letter != "D" else None
        oud, _ = _lees(oud_tekst)
        nieuw, leesbaar = _lees(nieuw_tekst)
        wat = {"A": TOEGEVOEGD, "D": VERWIJDERD}.get(letter, GEWIJZIGD)
        naam = _naam(nieuw) or _naam(oud) or soort_id[1]
        w = Wijziging(*soort_id, pad=pad, wat=wat, naam=naam, onleesbaar=not leesbaar)
        if wat == GEWIJZIGD and oud is not None and nieuw is not None:
            w.velden = gewijzigde_velden(oud, nieuw)
        wijzigingen.append(w)
    _wie_verwijst(project / data, [w for w in wijzigingen if w.wat == VERWIJDERD])
    return wijzigingen


def _naam(data: dict | None) -> str:
    naam = data.get("naam") if data else None
    return str(naam) if isinstance(naam, (str, int, float)) else ""


def _wie_verwijst(data: Path, verwijderd: list[Wijziging]) -> None:
    """Fill ``genoemd_door`` of removed records with the current records that still refer to them."""
    if not verwijderd:
        return
    catalogus, _ = laad_catalogus(data)  # problems are the validator's job; here only the references count
    gezocht = {w.ref: w for w in verwijderd}
    for soort in catalogus.records:
        for record in catalogus.soort_alle(soort):
            for ref in dict.fromkeys(record.verwijzingen()):
                if ref in gezocht and ref != record.ref:
                    gezocht[ref].genoemd_door.append(record.ref)


# --- Markdown -----------------------------------------------------------------------------

_MARKDOWN_TEKENS = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def veilig(tekst: str) -> str:
    """Text from a record as inert Markdown: no markup, links, HTML or @-mentions."""
    tekst = " ".join(str(tekst).split())
    tekst = _MARKDOWN_TEKENS.sub(r"\\\1", tekst)
    return tekst.replace("@", "@\u200b").replace("://", ":\u200b//")


def _soortnaam(soort: str) -> str:
    return SOORTEN[soort].enkelvoud


def _regel(w: Wijziging) -> str:
    pad = w.pad.replace("`", "'")
    regel = f"- **{veilig(w.naam)}** ({_soortnaam(w.soort)}, `{pad}`)"
    if w.onleesbaar:
        regel += ": het bestand kan niet gelezen worden; zie de controle"
    elif w.wat == GEWIJZIGD:
        if not w.velden:
            regel += ": alleen opmaak of commentaar"
        elif w.velden == ["beheer.laatst_gecontroleerd"]:
            regel += ": nagekeken, inhoud ongewijzigd (`beheer.laatst_gecontroleerd`)"
        else:
            regel += ": " + ", ".join(f"`{v}`" for v in w.velden)
    return regel


def als_markdown(wijzigingen: list[Wijziging], basis: str) -> str:
    """The Dutch summary for a pull request comment."""
    regels = [MARKERING, "## Wijzigingen in de gegevens", ""]
    if not wijzigingen:
        regels.append(f"Geen records toegevoegd, gewijzigd of verwijderd ten opzichte van `{veilig(basis)}`.")
        return "\n".join(regels) + "\n"
    tellingen = {wat: sum(w.wat == wat for w in wijzigingen) for wat in (TOEGEVOEGD, GEWIJZIGD, VERWIJDERD)}
    regels.append(
        f"Ten opzichte van `{veilig(basis)}`: " + ", ".join(f"{n} {wat}" for wat, n in tellingen.items() if n) + "."
    )
    for wat, kop in ((TOEGEVOEGD, "Toegevoegd"), (GEWIJZIGD, "Gewijzigd"), (VERWIJDERD, "Verwijderd")):
        groep = [w for w in wijzigingen if w.wat == wat]
        if not groep:
            continue
        regels += ["", f"### {kop}", ""]
        for w in groep:
            regels.append(_regel(w))
            if w.genoemd_door:
                namen = ", ".join(f"`{ref}`" for ref in w.genoemd_door)
                regels.append(f"  - **Let op:** hier wordt nog naar verwezen vanuit {namen}. Pas die records aan, "
                              "of zet dit record op `status: gestopt` in plaats van het te verwijderen.")  # fmt: skip
    return "\n".join(regels) + "\n"
