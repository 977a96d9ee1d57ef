"""Under ``mkdocs serve``: notice a saved file at once, without polling thousands of files.

MkDocs watches with watchdog's *polling* observer: every half second it lists and
stats every file under the watched folders. With thousands of records that is a
few hundred thousand stat calls a minute, on the same interpreter (and lock) as
the rebuild, and a save waits a quarter of a second on average before anyone
sees it. On Linux the kernel can tell (inotify): :func:`meld_direct` moves
MkDocs' watches to watchdog's inotify observer before the server starts. Where
inotify is missing or refused (another system, no instances left), MkDocs'
polling stays as it is.

inotify also tells when a file is opened or closed after reading: the build itself reads every
record, and each read would ask for the next rebuild, without end. Only changes are watched
(:data:`VERANDERINGEN`: created, written, moved, deleted, attributes). A watched file
(``mkdocs.yml``) is scheduled again by the path MkDocs gave (``raw_path``; ``path`` is its
folder), so watchdog passes on the events of that file only, not those of its neighbours (a
log file beside it would rebuild forever).

This leans on two attributes of MkDocs' ``LiveReloadServer`` (``observer`` and
``_watch_refs``, the same in MkDocs 1.4 to 1.6) and on the handlers watchdog's
observer keeps per watch; ``tests/test_serve.py`` saves a record under a real
``mkdocs serve`` and waits for the new page.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.wijkportaal")


def _inotify():
    """watchdog's inotify observer class if the kernel gives an inotify instance, else None."""
    try:
        from watchdog.observers.inotify import InotifyObserver
        from watchdog.observers.inotify_c import InotifyFD

        InotifyFD.get_instance()  # the shared instance the observer will use: fails here, not later
    except (ImportError, OSError, AttributeError) as fout:
        log.debug(f"geen inotify ({fout}): MkDocs blijft de bestanden periodiek bekijken")
        return None
    return InotifyObserver


# watchdog's events that mean a file changed (names, as older watchdog versions lack some).
VERANDERINGEN = (
    "FileCreatedEvent", "FileModifiedEvent", "FileMovedEvent", "FileDeletedEvent", "FileClosedEvent",
    "FileAttribEvent", "DirCreatedEvent", "DirModifiedEvent", "DirMovedEvent", "DirDeletedEvent",
)  # fmt: skip


def _veranderingen() -> list:
    from watchdog import events

    return [getattr(events, naam) for naam in VERANDERINGEN if hasattr(events, naam)]


def meld_direct(server) -> bool:
    """Move the server's watches to an inotify observer (before it starts). True if it did."""
    oud = getattr(server, "observer", None)
    handlers = getattr(oud, "_handlers", None)
    if oud is None or handlers is None or oud.is_alive() or not hasattr(server, "_watch_refs"):
        return False
    waarnemer = _inotify()
    if waarnemer is None:
        return False
    nieuw, filter_ = waarnemer(), _veranderingen()
    refs = {}
    for watch, hs in list(handlers.items()):
        pad = getattr(watch, "raw_path", watch.path)  # a file: its own path (watch.path is its folder)
        for handler in hs:
            refs[pad] = nieuw.schedule(handler, pad, recursive=watch.is_recursive, event_filter=filter_)
    server.observer, server._watch_refs = nieuw, refs
    return True
