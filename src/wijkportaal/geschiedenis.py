"""Which records changed most recently: from git history where the build has it,
else from the records' own dates (``beheer.laatst_gecontroleerd``).

One ``git log`` over the data folder gives the last commit date of every record
file. There is no usable history when git is not installed, the folder is not in
a repository, the clone is shallow (every file would get the date of the one
commit there is; CI checks out with the full history for this), or none of the
record files has a commit: then the records' own check dates are used, and the
result says so.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .record import Record

if TYPE_CHECKING:
    from .catalogus import Catalogus

GIT = "git"  # the versiegeschiedenis
CONTROLE = "controle"  # beheer.laatst_gecontroleerd


def _git(data: Path, *args: str) -> str | None:
    """stdout of a git command in ``data``, or None when git is missing or fails."""
    if shutil.which("git") is None:
        return None
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}  # not a hook's repository
    try:
        proces = subprocess.run(
            ["git", "-C", str(data), *args], capture_output=True, text=True, encoding="utf-8", env=omgeving, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proces.stdout if proces.returncode == 0 else None


def laatste_commits(data: Path) -> dict[str, dt.datetime]:
    """{``soort/id``: time of the last commit that changed ``data/soort/id.yml``}; empty without usable history."""
    if _git(data, "rev-parse", "--is-shallow-repository") != "false\n":
        return {}  # not a repository (or no git), or a shallow clone
    uitvoer = _git(data, "log", "--format=%x00%cI", "--name-only", "--relative", "--", ".")
    if not uitvoer:
        return {}
    datums: dict[str, dt.datetime] = {}
    datum: dt.datetime | None = None
    for regel in uitvoer.splitlines():
        if regel.startswith("\0"):
            datum = dt.datetime.fromisoformat(regel[1:])
        elif regel.endswith(".yml") and regel.count("/") == 1 and datum is not None:
            ref = regel[: -len(".yml")]
            if ref not in datums or datum > datums[ref]:  # history is not strictly by date after merges
                datums[ref] = datum
    return datums


@dataclass
class Recent:
    """The most recently changed records, newest first, and where the dates come from."""

    bron: str  # GIT or CONTROLE
    wijzigingen: list[tuple[Record, dt.date]]


def recent_gewijzigd(cat: "Catalogus", data: Path | None, aantal: int = 10) -> Recent:
    """The ``aantal`` current records of the edition changed last.

    With git history, records without a commit (a new file not yet committed) are
    left out; without it, the date each record was last checked is used.
    """
    records = list(cat.alle())
    commits = laatste_commits(data) if data is not None else {}
    # newest commit first (by time, so the records of today's last change lead)
    met_tijd = sorted(((r, commits[r.ref]) for r in records if r.ref in commits), key=lambda p: p[1], reverse=True)
    paren = [(r, tijd.date()) for r, tijd in met_tijd]
    bron = GIT
    if not paren:
        paren = [(r, r.laatst_gecontroleerd) for r in records if r.laatst_gecontroleerd is not None]  # type: ignore[misc]
        paren.sort(key=lambda paar: paar[1], reverse=True)  # stable: by kind and name within a day
        bron = CONTROLE
    return Recent(bron, paren[:aantal])
