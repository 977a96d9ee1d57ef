"""Atomic builds: a failed build leaves the previous site exactly as it was.

MkDocs cleans and writes ``site_dir`` in place. The plugin points MkDocs at a
fresh temporary folder beside it and, only when the build finished without
errors (and without warnings under ``--strict``), swaps the two folders.

Under ``--strict`` MkDocs decides only *after* ``on_post_build`` that warnings
fail the build, so the plugin must count the same warnings itself, from the
very start of the build: the :class:`Teller` is attached before the data is
loaded (the data warnings are logged in ``on_config``), not when the temporary
folder is made. It listens on the engine's top logger: ``mkdocs`` under MkDocs,
``properdocs`` under ProperDocs (which aliases ``mkdocs`` to its own package and
logs its warnings, such as a broken link, under its own name).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import mkdocs

MKDOCS_LOG = logging.getLogger(mkdocs.__name__)  # "properdocs" under ProperDocs


class Teller(logging.Handler):
    """Counts warnings and errors logged under ``mkdocs`` while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.aantal = 0

    @classmethod
    def start(cls) -> Teller:
        teller = cls()
        MKDOCS_LOG.addHandler(teller)
        return teller

    def stop(self) -> None:
        MKDOCS_LOG.removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.aantal += 1


class AtomischeBouw:
    """One build into a temporary folder, swapped in by :meth:`afronden`.

    ``teller`` must have been started at the beginning of the build, before
    anything could log a warning; without one, counting starts here.
    """

    def __init__(self, doel: Path, teller: Teller | None = None) -> None:
        self.teller = teller or Teller.start()
        self.doel = doel.resolve()
        self.doel.parent.mkdir(parents=True, exist_ok=True)
        self.tijdelijk = Path(tempfile.mkdtemp(prefix=f".{self.doel.name}-bouw-", dir=self.doel.parent))
        masker = os.umask(0)
        os.umask(masker)
        self.tijdelijk.chmod(0o777 & ~masker)  # mkdtemp makes it private; a web server must read it

    def afronden(self, strikt: bool) -> bool:
        """Put the new site in place; False (and nothing changed) if the build must fail."""
        self.teller.stop()
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
        self.teller.stop()
        shutil.rmtree(self.tijdelijk, ignore_errors=True)
