"""Work on the other core: a forked child does part of a build with what this process holds.

A build is one long Python loop per phase; the machine it runs on (a laptop, CI) has
two cores or more. :func:`op_achtergrond` forks a child that runs a job on the state
of this process as it is at that moment (the loaded catalogue, no copying or
re-loading) and sends the result back; :func:`verdeeld` renders a list in two halves,
one in a child and one here, in order.

Only where ``fork`` exists (Linux) and only for large sites: below
:data:`DREMPEL` records the fork costs more than it saves. ``WIJKPORTAAL_PARALLEL``
overrides that: ``0`` never, ``1`` always (the tests build a small site both ways and
compare every byte).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
U = TypeVar("U")

DREMPEL = 1000  # records; from here on two cores pay off

_TAAK: Callable[[], object] | None = None  # the job a child runs (inherited through fork)


def aan(aantal_records: int) -> bool:
    """Whether to use a second process for a site of this size."""
    keuze = os.environ.get("WIJKPORTAAL_PARALLEL", "").strip()
    if keuze == "0" or "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return False
    return keuze == "1" or aantal_records >= DREMPEL


_BESCHEIDEN = False  # the child gives way to this process (os.nice)


def _voer_uit() -> object:
    assert _TAAK is not None
    if _BESCHEIDEN:
        os.nice(10)
    return _TAAK()


class _Meteen:
    """A job done here, when its result is asked for (no second process)."""

    def __init__(self, taak: Callable[[], T]) -> None:
        self._taak = taak

    def result(self) -> T:
        return self._taak()


def op_achtergrond(taak: Callable[[], T], parallel: bool = True, bescheiden: bool = False) -> "Future[T] | _Meteen":
    """``taak()`` in a forked child, started now; ``.result()`` waits for it (and raises what it raised).
    With ``parallel`` False the job runs in this process when its result is asked for. A ``bescheiden``
    child runs at a lower priority: work that may finish later (a live preview's search index)."""
    global _TAAK, _BESCHEIDEN
    if not parallel:
        return _Meteen(taak)
    _TAAK, _BESCHEIDEN = taak, bescheiden
    uitvoerder = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        toekomst = uitvoerder.submit(_voer_uit)  # forks here: the child has _TAAK
    finally:
        _TAAK, _BESCHEIDEN = None, False
        uitvoerder.shutdown(wait=False)  # the child finishes its one job and stops
    return toekomst


def verdeeld(items: Iterable[T], maak: Callable[[T], U], parallel: bool = True) -> Iterator[U]:
    """``maak(item)`` for every item, in order; with ``parallel`` the second half is made in a child
    at the same time as the first half here."""
    items = list(items)
    if not parallel or len(items) < 2:
        yield from (maak(i) for i in items)
        return
    helft = len(items) // 2
    tweede = op_achtergrond(lambda: [maak(i) for i in items[helft:]])
    for item in items[:helft]:
        yield maak(item)
    yield from tweede.result()
