"""Loading YAML files into plain data, with the line and column of every value.

PyYAML's ``safe_load`` forgets where values came from and silently keeps the
last of two duplicate keys. Partners edit these files by hand, so every message
must point at a line. This module composes the YAML node tree (with libyaml when
available), converts it to plain Python values itself and records, for every
path such as ``("locaties", 0, "coordinaten")``, where its key and its value
stand in the file.

Deliberate differences from ``safe_load``:

- duplicate keys are reported, the first value is kept;
- dates stay text (``"2024-02-30"``) so the validator can say which date is wrong;
- ``12:30`` stays the text ``"12:30"`` (YAML 1.1 would read it as 750);
- only the standard YAML tags are accepted; anchors/aliases are capped so a
  "billion laughs" file is rejected, not expanded;
- files above a size limit or nested too deeply are rejected with a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problemen import Plek, Problemen

MAX_BYTES = 256 * 1024
MAX_DIEPTE = 40
MAX_KNOPEN = 50_000

Pad = tuple  # a path into the data: keys (str) and list indexes (int)

_COMPOSE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_STANDAARD_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


@dataclass
class Bestand:
    """A loaded YAML file: its data and where every part of it stands."""

    pad: Path
    data: Any
    waarden: dict[Pad, Plek] = field(default_factory=dict)
    sleutels: dict[Pad, Plek] = field(default_factory=dict)
    ruw: dict[Pad, str] = field(default_factory=dict)
    syntaxfout: bool = False
    overgeslagen: list[str] = field(default_factory=list)  # lines left out after a syntax error

    def plek(self, pad: Pad) -> Plek:
        """Where the value at ``pad`` stands, or its nearest existing parent."""
        pad = tuple(pad)
        while pad:
            if pad in self.waarden:
                return self.waarden[pad]
            pad = pad[:-1]
        return self.waarden.get((), Plek(1, 1))

    def sleutelplek(self, pad: Pad) -> Plek:
        """Where the key of ``pad`` stands (falls back to the value's place)."""
        pad = tuple(pad)
        if pad in self.sleutels:
            return self.sleutels[pad]
        return self.plek(pad)


class _Fout(Exception):
    def __init__(self, plek: Plek, bericht: str) -> None:
        super().__init__(bericht)
        self.plek = plek
        self.bericht = bericht


def _plek(mark) -> Plek:
    return Plek(mark.line + 1, mark.column + 1)


# English PyYAML messages -> plain Dutch. Checked in order; the first match wins.
_YAML_BERICHTEN: list[tuple[str, str]] = [
    (r"could not find expected ':'", "hier ontbreekt een dubbele punt ':' na de veldnaam, of de regel springt verkeerd in"),
    (r"mapping values are not allowed", "hier mag geen 'veld: waarde' staan; controleer de inspringing, of zet de tekst tussen aanhalingstekens"),
    (r"found character '\\t'|cannot start any token", "tab-teken gevonden: spring in met spaties, niet met tabs"),
    (r"found undefined alias", "verwijzing (*naam) naar een anker dat niet bestaat"),
    (r"found unknown escape character", "onbekend escape-teken (\\) in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    (r"found unexpected end of stream", "het bestand houdt onverwacht op; ontbreekt er een afsluitend aanhalingsteken?"),
    (r"but found another document", "meer dan één YAML-document in dit bestand ('---'); zet één record per bestand"),
    (r"expected ',' or '\]'|did not find expected ',' or '\]'", "een lijst tussen [ ] is niet afgesloten, of mist een komma"),
    (r"expected ',' or '\}'|did not find expected ',' or '\}'", "een mapping tussen { } is niet afgesloten, of mist een komma"),
    (r"did not find expected '-' indicator|expected <block end>, but found '-'", "een lijstregel ('- ...') springt verkeerd in"),
    (r"expected <block end>|did not find expected key", "deze regel springt verkeerd in ten opzichte van de regels erboven"),
    (r"found a tab character", "tab-teken gevonden: spring in met spaties, niet met tabs"),
    (r"while scanning an? (alias|anchor)", "ongeldig anker of verwijzing (& of *)"),
    (r"found unacceptable character|special characters are not allowed", "het bestand bevat een teken dat in YAML niet is toegestaan"),
]


def _vertaal_yaml_fout(probleem: str | None, context: str | None) -> str:
    tekst = " ".join(t for t in (context, probleem) if t)
    for patroon, bericht in _YAML_BERICHTEN:
        if re.search(patroon, tekst):
            return f"YAML-syntaxfout: {bericht}"
    return f"YAML-syntaxfout: {probleem or tekst or 'onbekende fout'}"


class _Omzetter:
    """Turns a composed node tree into plain data, recording positions."""

    def __init__(self, bestand: Bestand, problemen: Problemen) -> None:
        self.bestand = bestand
        self.problemen = problemen
        self.knopen = 0
        self.constructor = yaml.SafeLoader("")

    def zet_om(self, node, pad: Pad, diepte: int):
        self.knopen += 1
        if self.knopen > MAX_KNOPEN:
            raise _Fout(_plek(node.start_mark), f"het bestand is te groot of te ingewikkeld (meer dan {MAX_KNOPEN} waarden)")
        if diepte > MAX_DIEPTE:
            raise _Fout(_plek(node.start_mark), f"de gegevens zijn dieper genest dan {MAX_DIEPTE} niveaus")
        if node.tag not in _STANDAARD_TAGS and node.tag != _TAG + "merge":
            raise _Fout(_plek(node.start_mark), f"de YAML-tag '{node.tag.replace(_TAG, '!!')}' is niet toegestaan")
        self.bestand.waarden[pad] = _plek(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pad, diepte)
        if isinstance(node, yaml.SequenceNode):
            return [self.zet_om(kind, pad + (i,), diepte + 1) for i, kind in enumerate(node.value)]
        return self._scalar(node, pad)

    def _mapping(self, node, pad: Pad, diepte: int) -> dict:
        uit: dict[str, Any] = {}
        eerst: dict[str, Plek] = {}
        for sleutel_node, waarde_node in node.value:
            plek = _plek(sleutel_node.start_mark)
            if sleutel_node.tag == _TAG + "merge":
                raise _Fout(plek, "samenvoegen met '<<' wordt niet ondersteund; schrijf de velden uit")
            if not isinstance(sleutel_node, yaml.ScalarNode):
                raise _Fout(plek, "een veldnaam moet gewone tekst zijn")
            sleutel = str(sleutel_node.value)
            if sleutel in eerst:
                self.problemen.fout(
                    self.bestand.pad,
                    plek,
                    f"veld '{sleutel}' staat twee keer in dezelfde mapping (eerst op regel {eerst[sleutel].regel}); "
                    "alleen de eerste waarde telt",
                )
                continue
            eerst[sleutel] = plek
            self.bestand.sleutels[pad + (sleutel,)] = plek
            uit[sleutel] = self.zet_om(waarde_node, pad + (sleutel,), diepte + 1)
        return uit

    def _scalar(self, node, pad: Pad):
        tekst = node.value
        self.bestand.ruw[pad] = tekst
        tag = node.tag
        if tag == _TAG + "str" or tag == _TAG + "timestamp":
            return tekst
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return self.constructor.construct_yaml_bool(node)
        if tag == _TAG + "int":
            if ":" in tekst:  # YAML 1.1 base-60 (12:30 -> 750): keep what the user wrote
                return tekst
            return self.constructor.construct_yaml_int(node)
        if tag == _TAG + "float":
            if ":" in tekst:
                return tekst
            return self.constructor.construct_yaml_float(node)
        return tekst


def laad_yaml(pad: Path, problemen: Problemen, *, max_bytes: int = MAX_BYTES) -> Bestand | None:
    """Load one YAML file. Problems go to ``problemen``; returns None if unusable."""
    pad = Path(pad)
    try:
        ruwe_bytes = pad.read_bytes()
    except OSError as fout:
        problemen.fout(pad, None, f"kan het bestand niet lezen: {fout.strerror or fout}")
        return None
    if len(ruwe_bytes) > max_bytes:
        problemen.fout(
            pad, None, f"het bestand is te groot ({len(ruwe_bytes) // 1024} KB; de grens is {max_bytes // 1024} KB)"
        )
        return None
    try:
        tekst = ruwe_bytes.decode("utf-8")
    except UnicodeDecodeError as fout:
        voor = ruwe_bytes[: fout.start]
        regel = voor.count(b"\n") + 1
        kolom = fout.start - (voor.rfind(b"\n") + 1) + 1
        problemen.fout(pad, Plek(regel, kolom), "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")
        return None
    return laad_tekst(tekst, pad, problemen)


_TEKST_MET_DUBBELE_PUNT = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*):\s+([^'\"\s|>].*:.*)$")


def _tip_aanhalingstekens(regel: str) -> str:
    """For ``veld: Let op: tekst`` the line as it should be written, with quotes."""
    m = _TEKST_MET_DUBBELE_PUNT.match(regel)
    if not m:
        return ""
    waarde = m.group(3).rstrip().replace('"', '\\"')
    return f'. Schrijf bijvoorbeeld: {m.group(2)}: "{waarde}"'


def _kies_plek(fout: yaml.MarkedYAMLError):
    """The mark that points at the offending line: for an unclosed quote, bracket or
    a key without ':' that is where the construct starts (the context), else the problem."""
    context = fout.context or ""
    if fout.context_mark is not None and re.search(r"simple key|quoted scalar|flow (sequence|mapping)", context):
        return fout.context_mark
    return fout.problem_mark or fout.context_mark


def _compose(tekst: str, pad: Path, problemen: Problemen, overgeslagen: list[str]):
    """Compose the node tree. After a syntax error, blank the offending line and try
    again (a few times), so one run reports the other problems in the file too.
    The blanked lines go to ``overgeslagen``: what is missing because of them is
    not a mistake of its own."""
    regels: list[str] | None = None
    gemeld: set[int] = set()
    for _poging in range(8):
        bron = tekst if regels is None else "\n".join(regels)
        try:
            try:
                return yaml.compose(bron, Loader=_COMPOSE_LOADER), bool(gemeld)
            except yaml.YAMLError:
                # libyaml's messages are terse; the pure-Python parser says more.
                return yaml.compose(bron, Loader=yaml.SafeLoader), bool(gemeld)
        except yaml.MarkedYAMLError as fout:
            mark = _kies_plek(fout)
            if mark is None:
                problemen.fout(pad, None, _vertaal_yaml_fout(fout.problem, fout.context))
                return None, True
            if regels is None:
                regels = tekst.split("\n")
            if mark.line not in gemeld:
                gemeld.add(mark.line)
                bericht = _vertaal_yaml_fout(fout.problem, fout.context)
                if "mapping values are not allowed" in (fout.problem or "") and mark.line < len(regels):
                    bericht += _tip_aanhalingstekens(regels[mark.line])
                problemen.fout(pad, _plek(mark), bericht)
            doel = mark.line
            if doel >= len(regels) or not regels[doel].strip():
                doel = fout.problem_mark.line if fout.problem_mark else doel
            if doel >= len(regels) or not regels[doel].strip():
                return None, True
            overgeslagen.append(regels[doel])
            regels[doel] = ""
    return None, True


def laad_tekst(tekst: str, pad: Path, problemen: Problemen) -> Bestand | None:
    """Load YAML text that belongs to ``pad`` (used for files and for tests)."""
    bestand = Bestand(pad=Path(pad), data=None)
    try:
        wortel, bestand.syntaxfout = _compose(tekst, pad, problemen, bestand.overgeslagen)
    except yaml.YAMLError as fout:
        problemen.fout(pad, None, f"YAML-syntaxfout: {fout}")
        return None
    except RecursionError:
        problemen.fout(pad, None, "de gegevens zijn te diep genest")
        return None
    if wortel is None:
        if not bestand.syntaxfout:
            problemen.fout(pad, None, "het bestand is leeg")
        return None
    try:
        bestand.data = _Omzetter(bestand, problemen).zet_om(wortel, (), 0)
    except _Fout as fout:
        problemen.fout(pad, fout.plek, fout.bericht)
        return None
    except RecursionError:
        problemen.fout(pad, None, "de gegevens zijn te diep genest")
        return None
    return bestand
