"""Atomic builds: a failed build leaves the previous site exactly as it was.

MkDocs cleans and writes ``site_dir`` in place. The plugin points MkDocs at a
fresh temporary folder beside it and, only when the build finished without
errors (and without warnings under ``--strict``), swaps the two folders.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path


class Teller(logging.Handler):
    """Counts warnings and errors logged by MkDocs during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.aantal = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.aantal += 1


class AtomischeBouw:
    """One build into a temporary folder, swapped in by :meth:`afronden`."""

    def __init__(self, doel: Path) -> None:
        self.doel = doel.resolve()
        self.doel.parent.mkdir(parents=True, exist_ok=True)
        self.tijdelijk = Path(tempfile.mkdtemp(prefix=f".{self.doel.name}-bouw-", dir=self.doel.parent))
        masker = os.umask(0)
        os.umask(masker)
        self.tijdelijk.chmod(0o777 & ~masker)  # mkdtemp makes it private; a web server must read it
        self.teller = Teller()
        logging.getLogger("mkdocs").addHandler(self.teller)

    def afronden(self, strikt: bool) -> bool:
        """Put the new site in place; False (and nothing changed) if the build must fail."""
        logging.getLogger("mkdocs").removeHandler(self.teller)
        if strikt and self.teller.aantal:
            self.opruimen()
            return False
        oud = None
        if self.doel.exists():
            oud = self.doel.with_name(f".{self.doel.name}-oud-{self.tijdelijk.name.rsplit('-', 1)[-1]}")
            self.doel.rename(oud)
        self.tijdelijk.rename(self.doel)
        if oud is not None:
            shutil.rmtree(oud, ignore_errors=True)
        return True

    def opruimen(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.teller)
        shutil.rmtree(self.tijdelijk, ignore_errors=True)
