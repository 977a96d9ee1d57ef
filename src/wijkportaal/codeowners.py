"""CODEOWNERS: each record file is reviewed by the organisation that maintains it.

Every organisatie lists its ``beheerders`` (GitHub names ``@naam`` or teams
``@organisatie/team``). :func:`codeowners` writes one line per record file,
naming the beheerders of the record's ``beheer.organisatie``. Records of an
organisation without beheerders fall to the catch-all line ``*``: the
beheerders of the house organisation (the one that runs the portal), who also
review code and configuration. In a CODEOWNERS file the last matching line
wins, so the catch-all comes first.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from .catalogus import Catalogus

HUISORGANISATIE = "wijkteams-enschede"

KOP = """\
# Wie een wijziging moet goedkeuren. GitHub vraagt bij een pull request om een
# review van de eigenaren van elk gewijzigd bestand (de laatste regel die past telt).
#
# Dit bestand is gemaakt met 'wijkportaal codeowners'. Wijzig het niet met de hand:
# pas 'beheerders' aan in data/organisaties/ en draai de opdracht opnieuw.
"""


def codeowners(catalogus: Catalogus, data: str = "data", huisorganisatie: str = HUISORGANISATIE) -> str:
    """The text of ``.github/CODEOWNERS`` for this catalogue (intern edition: every record).

    ``data`` is the data folder relative to the repository root.
    """
    organisaties = catalogus.records.get("organisaties", {})
    huis = organisaties.get(huisorganisatie)
    regels = [KOP]
    if huis is not None and huis.beheerders:
        regels.append(f"# Alles zonder eigen beheerders: de beheerders van {huis.naam}.")
        regels.append(f"* {' '.join(huis.beheerders)}")
    else:
        regels.append(f"# Let op: '{huisorganisatie}' heeft geen beheerders; alleen de regels hieronder gelden.")
    per_organisatie: dict[str, list[str]] = {}
    for soort in catalogus.records:
        for record in catalogus.soort_alle(soort):
            org = organisaties.get(record.beheerder)
            if org is None or not org.beheerders or org is huis:
                continue
            pad = PurePosixPath("/", data, soort, f"{record.id}.yml")
            per_organisatie.setdefault(org.id, []).append(f"{pad} {' '.join(org.beheerders)}")
    for org_id in sorted(per_organisatie):
        regels.append("")
        regels.append(f"# {organisaties[org_id].naam}")
        regels.extend(sorted(per_organisatie[org_id]))
    return "\n".join(regels) + "\n"
