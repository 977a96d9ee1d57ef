"""`mkdocs serve` rebuilds when a record in data/ changes."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import BIN, omgeving


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def haal(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as antwoord:
            return antwoord.read().decode("utf-8")
    except OSError:
        return None


def wacht_op(test, seconden: float = 60) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if test():
            return True
        time.sleep(0.3)
    return False


def test_serve_picks_up_a_change_in_data(project_kopie: Path):
    poort = vrije_poort()
    proces = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{poort}"],
        cwd=project_kopie, env=omgeving(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{poort}/voorzieningen/meubeldepot/"
    try:
        assert wacht_op(lambda: (haal(url) or "").find("Meubeldepot") >= 0), "serve kwam niet op"
        pad = project_kopie / "data/voorzieningen/meubeldepot.yml"
        pad.write_text(
            pad.read_text(encoding="utf-8").replace("naam: Meubeldepot", "naam: Meubeldepot Vernieuwd"), encoding="utf-8"
        )
        assert wacht_op(lambda: "Meubeldepot Vernieuwd" in (haal(url) or "")), "de wijziging in data/ kwam niet door"
        # a mistake stops the rebuild; fixing it brings the site back
        goed = pad.read_text(encoding="utf-8")
        pad.write_text(goed + "naam: dubbel\n", encoding="utf-8")
        time.sleep(3)
        pad.write_text(goed.replace("Meubeldepot Vernieuwd", "Meubeldepot Hersteld"), encoding="utf-8")
        assert wacht_op(lambda: "Meubeldepot Hersteld" in (haal(url) or "")), "na een fout herstelde serve niet"
    finally:
        proces.terminate()
        proces.wait(timeout=10)
