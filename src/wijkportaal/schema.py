"""JSON Schema: small builders for the record schemas, and Dutch messages for errors.

Each record kind writes its schema with the builders below (so every field has a
Dutch ``description`` that editors show as help). :func:`controleer_schema` runs
a schema over a loaded file, turns every jsonschema error into one located
Dutch problem (with a "did you mean" for unknown fields that look like known
ones), and returns the *validated part* of the data: a copy with every value
that broke the schema removed. Everything after this step (models, cross-checks,
pages) only ever sees data in which each present value fits its schema node;
only required fields may be missing. So no later code needs to re-check types.

A schema node may carry ``x-foutmelding``: the message to use when a value does
not fit that node, and ``x-datum`` when its pattern is a (partial) date, so a date
written the Dutch way gets a "Bedoelt u ...?" like a ``format: date`` node.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from pathlib import Path
from typing import Any, Iterator

from jsonschema import Draft202012Validator, FormatChecker

from .laden import Bestand, Pad
from .problemen import Problemen

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# --- builders -----------------------------------------------------------------
#
# Every builder takes a ``voorbeeld``: a realistic value that editors show next to
# the description (JSON Schema ``examples``) and that ``wijkportaal nieuw`` writes as
# a commented-out example. Ids in examples exist in data/. ``verzonnen=True`` marks an
# example that is made up (a phone number, e-mail address or street that does not
# exist): a record that still holds it gets a warning (see ``controleer_invulling``).
# Lists and groups take their example from their parts unless given one.

VERZONNEN = "x-voorbeeld-verzonnen"
# On a group: {required field: what to do when it is missing}, added to the message.
VERPLICHT_UITLEG = "x-verplicht-uitleg"


def _voorbeeld(schema: dict, *voorbeelden: Any, verzonnen: bool = False) -> dict:
    gegeven = [v for v in voorbeelden if v is not None]
    if gegeven:
        schema["examples"] = gegeven
    if verzonnen:
        schema[VERZONNEN] = True
    return schema


def eerste_voorbeeld(schema: dict) -> Any:
    """The first example of a schema node, or None."""
    return (schema.get("examples") or [None])[0]


def tekst(beschrijving: str, voorbeeld: str | None = None, *, verzonnen: bool = False, **extra: Any) -> dict:
    return _voorbeeld({"type": "string", "minLength": 1, "description": beschrijving, **extra}, voorbeeld, verzonnen=verzonnen)


def keuze(beschrijving: str, waarden: dict[str, str], voorbeeld: str | None = None) -> dict:
    """A choice from a fixed list; ``waarden`` maps each value to its Dutch meaning (example: the first)."""
    uitleg = "; ".join(f"{k}: {v}" for k, v in waarden.items())
    schema = {"type": "string", "enum": list(waarden), "description": f"{beschrijving} ({uitleg})"}
    return _voorbeeld(schema, voorbeeld or next(iter(waarden)))


def lijst(beschrijving: str, items: dict, voorbeeld: list | None = None, **extra: Any) -> dict:
    if voorbeeld is None and "examples" in items:
        voorbeeld = [eerste_voorbeeld(items)]
    return _voorbeeld({"type": "array", "items": items, "description": beschrijving, **extra}, voorbeeld)


def mapping(
    beschrijving: str, velden: dict[str, dict], verplicht: list[str] | None = None, voorbeeld: dict | None = None, **extra: Any
) -> dict:
    schema = {
        "type": "object",
        "description": beschrijving,
        "properties": velden,
        "additionalProperties": False,
        **extra,
    }
    if verplicht:
        schema["required"] = verplicht
    if voorbeeld is None:
        voorbeeld = {naam: eerste_voorbeeld(veld) for naam, veld in velden.items() if "examples" in veld}
    return _voorbeeld(schema, voorbeeld)


def vrije_mapping(beschrijving: str, waarde: dict, voorbeeld: dict, sleutel: dict | None = None) -> dict:
    """A group whose keys are free (each fitting ``sleutel``, if given) and each value fits ``waarde``."""
    schema = {"type": "object", "description": beschrijving}
    if sleutel is not None:
        schema["propertyNames"] = sleutel
    schema["additionalProperties"] = waarde
    return _voorbeeld(schema, voorbeeld)


def datum(beschrijving: str, voorbeeld: str = "2024-03-01") -> dict:
    schema = {
        "type": "string",
        "format": "date",
        "description": f"{beschrijving} Schrijf als JJJJ-MM-DD, bijvoorbeeld 2024-03-01.",
        "x-foutmelding": "geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-01",
    }
    return _voorbeeld(schema, voorbeeld)


def geheel_getal(beschrijving: str, minimum: int, maximum: int, voorbeeld: int) -> dict:
    return _voorbeeld({"type": "integer", "minimum": minimum, "maximum": maximum, "description": beschrijving}, voorbeeld)


def ja_nee(beschrijving: str, voorbeeld: bool = True) -> dict:
    return _voorbeeld({"type": "boolean", "description": beschrijving}, voorbeeld)


def veld(beschrijving: str, *voorbeelden: Any, **schema: Any) -> dict:
    """Any other node (several types, anyOf, a fixed-length list), with its examples."""
    return _voorbeeld({"description": beschrijving, **schema}, *voorbeelden)


ID_PATROON = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def id_veld(
    beschrijving: str = "Vaste sleutel van het record; moet gelijk zijn aan de bestandsnaam zonder .yml.",
    voorbeeld: str = "meubeldepot",
) -> dict:
    return tekst(
        beschrijving,
        voorbeeld,
        pattern=ID_PATROON,
        **{"x-foutmelding": "geen geldige id: alleen kleine letters, cijfers en streepjes (bijvoorbeeld 'meubeldepot')"},
    )


def id_lijst(beschrijving: str, voorbeeld: list[str], **extra: Any) -> dict:
    return lijst(beschrijving, id_veld("Een id uit de taxonomie.", voorbeeld[0]), voorbeeld, uniqueItems=True, **extra)


def record_schema(soort: str, titel: str, beschrijving: str, velden: dict, verplicht: list[str]) -> dict:
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://wijkportaal.enschede.example/schema/{soort}.json",
        "title": titel,
        "description": beschrijving,
        "type": "object",
        "properties": velden,
        "required": verplicht,
        "additionalProperties": False,
    }


def schrijf_schema(schema: dict, pad: Path) -> bool:
    """Write ``schema`` as pretty JSON; returns True if the file changed."""
    tekst_ = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    if pad.exists() and pad.read_text(encoding="utf-8") == tekst_:
        return False
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst_, encoding="utf-8")
    return True


# --- validation ---------------------------------------------------------------

_TYPEN = {
    "string": "tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "ja of nee (true of false)",
    "array": "een lijst",
    "object": "een groep velden (veld: waarde)",
    "null": "leeg",
}


def _soort_waarde(waarde: Any) -> str:
    if waarde is None:
        return "leeg"
    if isinstance(waarde, bool):
        return "ja/nee"
    if isinstance(waarde, int):
        return "een geheel getal"
    if isinstance(waarde, float):
        return "een getal"
    if isinstance(waarde, str):
        return "tekst"
    if isinstance(waarde, list):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een groep velden"
    return type(waarde).__name__


def veldnaam(pad: Pad) -> str:
    """``("locaties", 0, "coordinaten")`` -> ``locaties.coordinaten``."""
    namen = [str(deel) for deel in pad if not isinstance(deel, int)]
    return ".".join(namen) or "record"


def _kort(waarde: Any, max_len: int = 60) -> str:
    tekst_ = waarde if isinstance(waarde, str) else json.dumps(waarde, ensure_ascii=False, default=str)
    tekst_ = tekst_.replace("\n", " ")
    return tekst_ if len(tekst_) <= max_len else tekst_[: max_len - 1] + "…"


def _alle_velden(schema: dict, voor: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """Every (field name, dotted path) a schema knows, through lists and groups."""
    for naam, sub in schema.get("properties", {}).items():
        pad = voor + (naam,)
        yield naam, ".".join(pad)
        yield from _alle_velden(sub, pad)
        if isinstance(sub.get("items"), dict):
            yield from _alle_velden(sub["items"], pad)


def suggestie(onbekend: str, hier: list[str], schema: dict) -> str | None:
    """A known field that ``onbekend`` probably meant, as a path, or None."""
    sleutel = onbekend.lower().replace(" ", "_")
    naast = difflib.get_close_matches(sleutel, hier, n=1, cutoff=0.75)
    if naast:
        return naast[0]
    elders = [(naam, pad) for naam, pad in _alle_velden(schema) if naam not in hier or "." in pad]
    for naam, pad in elders:
        if naam == sleutel and "." in pad:
            return pad
    beste, beste_score = None, 0.0
    for naam, pad in elders:
        score = difflib.SequenceMatcher(None, sleutel, naam).ratio()
        if len(naam) >= 4 and (sleutel.startswith(naam) or naam.startswith(sleutel)):
            score = max(score, 0.85)
        if score > beste_score:
            beste, beste_score = pad, score
    return beste if beste_score >= 0.8 else None


def validator(schema: dict) -> Draft202012Validator:
    """A compiled validator; build it once per schema (module level), not per file."""
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


_SNEL: dict[int, Any] = {}


def snel_geldig(schema: dict) -> Any:
    """A quick check whether data fits ``schema`` (True/False), for the common case of a valid file.

    fastjsonschema compiles the schema to Python code, many times faster than jsonschema's
    interpreter, which stays the one that explains a mistake: only a file this check
    rejects goes through it. It knows JSON Schema draft 7, so ``prefixItems`` becomes the
    draft-7 ``items`` list; formats are checked by jsonschema's own FormatChecker, so both
    agree on what a date is (tests/test_schema.py compares them on every kind of mistake).
    """
    if id(schema) not in _SNEL:
        import fastjsonschema

        controle = FormatChecker()
        formaten = {naam: (lambda waarde, naam=naam: controle.conforms(waarde, naam)) for naam in controle.checkers}
        functie = fastjsonschema.compile(_als_draft7(schema), formats=formaten)

        def geldig(data: Any) -> bool:
            try:
                functie(data)
            except fastjsonschema.JsonSchemaException:
                return False
            return True

        _SNEL[id(schema)] = (schema, geldig)  # the schema kept alive, so its id stays its own
    return _SNEL[id(schema)][1]


def _als_draft7(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_als_draft7(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    uit = {k: _als_draft7(v) for k, v in schema.items() if k not in ("$schema", "$id") and not k.startswith("x-")}
    if "prefixItems" in uit:  # 2020-12: prefixItems + items (the rest); draft 7: items (list) + additionalItems
        rest = uit.pop("items", True)
        uit["items"] = uit.pop("prefixItems")
        uit["additionalItems"] = rest
    return uit


def _types(schema: dict) -> set[str]:
    soort = schema.get("type")
    return {soort} if isinstance(soort, str) else set(soort or ())


def getallen_als_tekst(data: Any, schema: dict, bestand: Bestand, pad: Pad = ()) -> Any:
    """Where the schema expects text and YAML read a number, use the text as written.

    ``telefoon: 0537654321`` is an (octal!) number to YAML and ``versie: 1.10`` is
    1.1; partners mean the digits they typed. Returns a copy of the data (every
    mapping and every list with a schema for its items is new, so the caller may
    remove values from it) with those values replaced by their source text.
    """
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return bestand.ruw.get(pad, str(data)) if "string" in _types(schema) else data
    if isinstance(data, dict):
        velden = schema.get("properties", {})
        overig = schema.get("additionalProperties")
        uit = {}
        for sleutel, waarde in data.items():
            sub = velden.get(sleutel, overig if isinstance(overig, dict) else None)
            tekst = isinstance(waarde, str)  # most values: nothing to do, no call
            uit[sleutel] = getallen_als_tekst(waarde, sub, bestand, pad + (sleutel,)) if sub and not tekst else waarde
        return uit
    if isinstance(data, list):
        items = schema.get("items")
        if isinstance(items, dict):
            return [x if isinstance(x, str) else getallen_als_tekst(x, items, bestand, pad + (i,)) for i, x in enumerate(data)]
    return data


def _haal(data: Any, pad: Pad) -> Any:
    for deel in pad:
        data = data[deel]
    return data


def _verwijder(data: Any, fout) -> None:
    """Remove from ``data`` the value that ``fout`` is about: its nearest field.

    A wrong value inside a list takes the whole list field with it (list positions
    stay as in the file); an unknown field or a bad key of a free mapping goes alone.
    Removing a field can only make a required field missing, never a new wrong value.
    """
    pad = tuple(fout.absolute_path)
    if fout.validator == "required":
        return
    if fout.validator == "additionalProperties":
        bekend = fout.schema.get("properties", {}) if isinstance(fout.schema, dict) else {}
        ouder = _haal(data, pad)
        for sleutel in [k for k in ouder if k not in bekend]:
            del ouder[sleutel]
        return
    if "propertyNames" in fout.schema_path:  # a bad key of a free mapping (taxonomy ids)
        _haal(data, pad).pop(fout.instance, None)
        return
    veld = max((i for i, deel in enumerate(pad) if isinstance(deel, str)), default=None)
    if veld is None:
        return  # the file itself is wrong; callers check that it is a mapping first
    _haal(data, pad[:veld]).pop(pad[veld], None)


def controleer_schema(bestand: Bestand, schema: dict, problemen: Problemen, geldig: Draft202012Validator | None = None) -> dict:
    """Check ``bestand.data`` (a mapping) against ``schema``; report each error, located.

    Returns the validated part: a copy of the data with numbers-as-text restored
    and every value that did not fit removed (see the module docstring).
    """
    data = getallen_als_tekst(bestand.data, schema, bestand)  # a copy: bestand.data stays as written
    if snel_geldig(schema)(data):
        fouten = []
    else:
        geldig = geldig or validator(schema)
        fouten = sorted(geldig.iter_errors(data), key=lambda f: [str(d) for d in f.absolute_path])
    vervangen = _vervangen_verplichte_velden(fouten, schema)
    for fout in fouten:
        if fout.validator == "required" and _op_overgeslagen_regel(_ontbrekend_veld(fout), bestand):
            continue
        if is_invulplek(fout.instance):
            continue  # a placeholder not yet replaced: one warning below, not an error
        for pad, plek_van_sleutel, bericht in _berichten(fout, schema, vervangen):
            plek = bestand.sleutelplek(pad) if plek_van_sleutel else bestand.plek(pad)
            problemen.fout(bestand.pad, plek, bericht)
    if _kan_invulling_hebben(data, schema):
        controleer_invulling(bestand, data, schema, problemen)
    for fout in sorted(fouten, key=lambda f: -len(f.absolute_path)):  # deepest first
        try:
            _verwijder(data, fout)
        except (KeyError, IndexError, TypeError):
            pass  # already removed with its parent
    return data


# A value a partner still has to write: ``wijkportaal nieuw`` puts these in required
# fields. Each is a warning (so the strict build of a pull request fails, while the
# fresh file validates); where it breaks the schema (a choice, a list) it is removed
# like any wrong value, but reported only as this warning.
INVULLEN = "VUL IN"


_VERZONNEN_TEKSTEN: dict[int, tuple[dict, tuple[str, ...]]] = {}


def _kan_invulling_hebben(data: Any, schema: dict) -> bool:
    """Whether ``data`` may hold a placeholder or a made-up example at all: the walk of
    :func:`controleer_invulling` is only needed then (most files have neither)."""
    if id(schema) not in _VERZONNEN_TEKSTEN:
        teksten: list[str] = []

        def zoek(s: Any) -> None:
            if isinstance(s, dict):
                if s.get(VERZONNEN):
                    teksten.extend(json.dumps(v, ensure_ascii=False) for v in s.get("examples", []))
                for v in s.values():
                    zoek(v)
            elif isinstance(s, list):
                for v in s:
                    zoek(v)

        zoek(schema)
        _VERZONNEN_TEKSTEN[id(schema)] = (schema, tuple(teksten))
    tekst = json.dumps(data, ensure_ascii=False, default=str)
    return INVULLEN in tekst or any(voorbeeld in tekst for voorbeeld in _VERZONNEN_TEKSTEN[id(schema)][1])


def is_invulplek(waarde: Any) -> bool:
    return isinstance(waarde, str) and waarde.lstrip().startswith(INVULLEN)


def controleer_invulling(bestand: Bestand, data: Any, schema: dict, problemen: Problemen, pad: Pad = ()) -> None:
    """Warn at every placeholder ('VUL IN ...') and every made-up example value left in the data."""
    if is_invulplek(data):
        bericht = f"nog niet ingevuld: vervang de voorbeeldtekst bij '{veldnaam(pad)}' door de echte inhoud"
        if "enum" in schema:
            bericht += f"; kies uit: {', '.join(map(str, schema['enum']))}"
        problemen.waarschuwing(bestand.pad, bestand.plek(pad), bericht)
        return
    if schema.get(VERZONNEN) and data in schema.get("examples", []):
        problemen.waarschuwing(
            bestand.pad,
            bestand.plek(pad),
            f"'{veldnaam(pad)}' is nog het verzonnen voorbeeld uit het schema ('{_kort(data)}'); vul in wat de "
            "organisatie zelf publiceert, of haal het veld weg",
        )
    if isinstance(data, dict):
        velden, overig = schema.get("properties", {}), schema.get("additionalProperties")
        for sleutel, waarde in data.items():
            sub = velden.get(sleutel, overig if isinstance(overig, dict) else {})
            controleer_invulling(bestand, waarde, sub, problemen, pad + (sleutel,))
    elif isinstance(data, list):
        items, vooraan = schema.get("items"), schema.get("prefixItems", [])
        for i, waarde in enumerate(data):
            sub = vooraan[i] if i < len(vooraan) else items if isinstance(items, dict) else {}
            controleer_invulling(bestand, waarde, sub, problemen, pad + (i,))


def _vervangen_verplichte_velden(fouten: list, schema: dict) -> dict[tuple, str]:
    """Unknown fields that are a misspelling of a missing required field at the same place.

    ``samenvating: ...`` next to a missing ``samenvatting`` is one mistake, so it gets
    one message (on the misspelled key). Returns {(path, unknown key): required field}.
    """
    ontbrekend: dict[tuple, set[str]] = {}
    for fout in fouten:
        if fout.validator == "required":
            ontbrekend.setdefault(tuple(fout.absolute_path), set()).add(_ontbrekend_veld(fout))
    vervangen: dict[tuple, str] = {}
    for fout in fouten:
        pad = tuple(fout.absolute_path)
        if fout.validator != "additionalProperties" or pad not in ontbrekend:
            continue
        bekend = list(fout.schema.get("properties", {}))
        for sleutel in fout.instance:
            if sleutel in bekend:
                continue
            beter = suggestie(str(sleutel), bekend, schema)
            if beter in ontbrekend[pad]:
                vervangen[(pad, sleutel)] = beter
    return vervangen


def _ontbrekend_veld(fout) -> str:
    return fout.message.split("'")[1] if "'" in fout.message else str(fout.validator_value)


def _iso_datum(waarde: Any) -> str | None:
    """A date written the Dutch way (29-11-2026, 1/3/2024) as JJJJ-MM-DD, if it is one."""
    m = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*", str(waarde))
    if not m:
        return None
    dag, maand, jaar = (int(g) for g in m.groups())
    try:
        return dt.date(jaar, maand, dag).isoformat()
    except ValueError:
        return None


def _op_overgeslagen_regel(veld: str, bestand: Bestand) -> bool:
    """Whether ``veld`` stood on a line the loader left out after a syntax error
    (a tab before ``organisatie:``): it is missing because of that error, already reported."""
    sleutel = re.compile(rf"^[\s-]*[\"']?{re.escape(veld)}[\"']?\s*:")
    return any(sleutel.match(regel) for regel in bestand.overgeslagen)


def _berichten(fout, schema: dict, vervangen: dict[tuple, str]) -> Iterator[tuple[Pad, bool, str]]:
    """Dutch message(s) for one jsonschema error: (path, point at key?, message)."""
    pad: Pad = tuple(fout.absolute_path)
    veld = veldnaam(pad)
    sub = fout.schema if isinstance(fout.schema, dict) else {}
    soort = fout.validator
    waarde = fout.instance

    if soort == "additionalProperties":
        bekend = list(sub.get("properties", {}))
        for sleutel in waarde:
            if sleutel in bekend:
                continue
            bericht = f"onbekend veld '{_kort(sleutel)}'"
            if pad:
                bericht += f" in '{veld}'"
            beter = suggestie(str(sleutel), bekend, schema)
            if (pad, sleutel) in vervangen:
                bericht += f"; bedoelt u '{beter}'? Dat veld is verplicht"
            elif beter:
                bericht += f"; bedoelt u '{beter}'?"
            else:
                bericht += f"; toegestaan zijn: {', '.join(bekend)}"
            yield pad + (sleutel,), True, bericht
        return
    if soort == "required":
        ontbrekend = _ontbrekend_veld(fout)
        if any(p == pad and v == ontbrekend for (p, _), v in vervangen.items()):
            return  # reported on the misspelled key
        waar = f" in '{veld}'" if pad else ""
        uitleg = sub.get(VERPLICHT_UITLEG, {}).get(ontbrekend)
        yield pad, bool(pad), f"verplicht veld '{ontbrekend}' ontbreekt{waar}" + (f"; {uitleg}" if uitleg else "")
        return
    if "propertyNames" in fout.schema_path:
        sleutel = _kort(waarde)
        uitleg = sub.get("x-foutmelding", "geen geldige naam")
        yield pad + (waarde,), True, f"'{sleutel}' in '{veld}' is {uitleg}"
        return
    if soort == "type":
        verwacht = fout.validator_value
        verwacht = [verwacht] if isinstance(verwacht, str) else verwacht
        namen = " of ".join(_TYPEN.get(t, t) for t in verwacht)
        yield pad, False, f"'{veld}' moet {namen} zijn, maar is {_soort_waarde(waarde)}"
        return
    if "x-foutmelding" in sub:
        if soort not in ("format", "pattern"):
            yield pad, False, f"'{veld}': {sub['x-foutmelding']}"
            return
        bericht = f"'{veld}': '{_kort(waarde)}' is {sub['x-foutmelding']}"
        is_datum = soort == "format" and fout.validator_value == "date" or soort == "pattern" and sub.get("x-datum")
        if is_datum and (iso := _iso_datum(waarde)):
            bericht += f". Bedoelt u {iso}?"
        yield pad, False, bericht
        return
    if soort == "enum":
        keuzes = [str(k) for k in fout.validator_value]
        bericht = f"'{_kort(waarde)}' is geen geldige waarde voor '{veld}'"
        beter = difflib.get_close_matches(str(waarde), keuzes, n=1, cutoff=0.6)
        if beter:
            bericht += f"; bedoelt u '{beter[0]}'?"
        else:
            bericht += f"; kies uit: {', '.join(keuzes)}"
        yield pad, False, bericht
        return
    if soort == "format":
        yield pad, False, f"'{veld}': '{_kort(waarde)}' is geen geldige {fout.validator_value}"
        return
    if soort == "pattern":
        yield pad, False, f"'{veld}': '{_kort(waarde)}' heeft niet de juiste vorm"
        return
    if soort == "minLength":
        yield pad, False, f"'{veld}' mag niet leeg zijn"
        return
    if soort == "maxLength":
        yield pad, False, f"'{veld}' is te lang ({len(waarde)} tekens; maximaal {fout.validator_value})"
        return
    if soort == "minItems":
        n = fout.validator_value
        yield pad, False, f"'{veld}' moet minstens {n} {'waarde' if n == 1 else 'waarden'} hebben"
        return
    if soort == "maxItems":
        n = fout.validator_value
        yield pad, False, f"'{veld}' mag hoogstens {n} {'waarde' if n == 1 else 'waarden'} hebben"
        return
    if soort == "uniqueItems":
        yield pad, False, f"'{veld}' bevat een waarde twee keer"
        return
    if soort == "minimum":
        yield pad, False, f"'{veld}' moet minstens {fout.validator_value} zijn (nu {waarde})"
        return
    if soort == "maximum":
        yield pad, False, f"'{veld}' mag hoogstens {fout.validator_value} zijn (nu {waarde})"
        return
    if soort in ("oneOf", "anyOf"):
        yield pad, False, f"'{veld}': de waarde '{_kort(waarde)}' past niet; zie de uitleg bij dit veld"
        return
    yield pad, False, f"'{veld}': de waarde '{_kort(waarde)}' past niet; zie de uitleg bij dit veld in het schema"
