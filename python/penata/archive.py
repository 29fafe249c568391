"""Saving and loading model objects: snapshot files written by the library's own serialization
(Boost.Serialization inside a checked container; see docs/persistence.md).

>>> penata.save("bengkulu.pnt", wf, wf.units, encoding="binary")
>>> wf, units = penata.load("bengkulu.pnt")
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Tuple, Union

from . import _core
from .nip import NipRules
from .rules import RuleSet
from .competency import Assessments, CompetencyFramework, PositionStandards
from .units import Units
from .workforce import Workforce

PathLike = Union[str, "os.PathLike[str]"]
_ENCODINGS = ("portable", "binary")
_KIND = {Workforce: "workforce", Units: "units", NipRules: "nip_rules", RuleSet: "ruleset",
         CompetencyFramework: "competency_framework", PositionStandards: "position_standards",
         Assessments: "assessments"}


def _to_core(obj: Any):
    if isinstance(obj, Workforce):
        return obj._wf
    if isinstance(obj, Units):
        return obj._u
    if isinstance(obj, NipRules):
        return obj._to_core()
    if isinstance(obj, RuleSet):
        return obj._r
    if isinstance(obj, CompetencyFramework):
        return obj._f
    if isinstance(obj, PositionStandards):
        return obj._s
    if isinstance(obj, Assessments):
        return obj._a
    raise TypeError(f"cannot save an object of type {type(obj).__name__}; penata saves Workforce, Units, "
                    "NipRules, RuleSet, CompetencyFramework, PositionStandards and Assessments")


def _from_core(obj: Any):
    if isinstance(obj, _core.Workforce):
        return Workforce._wrap(obj)
    if isinstance(obj, _core.Units):
        return Units._wrap(obj)
    if isinstance(obj, _core.NipRules):
        return NipRules._from_core(obj)
    if isinstance(obj, _core.RuleSet):
        return RuleSet._wrap(obj)
    if isinstance(obj, _core.CompetencyFramework):
        return CompetencyFramework._wrap(obj)
    if isinstance(obj, _core.PositionStandards):
        return PositionStandards._wrap(obj)
    if isinstance(obj, _core.Assessments):
        return Assessments._wrap(obj)
    raise TypeError(f"unexpected object {type(obj).__name__} in snapshot")


def _pairs(objects: Tuple[Any, ...], named: Dict[str, Any]) -> List[Tuple[str, Any]]:
    pairs: List[Tuple[str, Any]] = []
    seen: Dict[str, int] = {}
    for obj in objects:
        kind = next((k for cls, k in _KIND.items() if isinstance(obj, cls)), None)
        if kind is None:
            _to_core(obj)  # raises the TypeError naming the type
        seen[kind] = seen.get(kind, 0) + 1
        pairs.append((kind if seen[kind] == 1 else f"{kind}_{seen[kind]}", _to_core(obj)))
    for name, obj in named.items():
        if any(name == p[0] for p in pairs):
            raise ValueError(f"two objects are named {name!r}")
        pairs.append((name, _to_core(obj)))
    if not pairs:
        raise ValueError("nothing to save: pass at least one model object (Workforce, Units, NipRules, RuleSet, "
                         "CompetencyFramework, PositionStandards, Assessments)")
    return pairs


def _check_encoding(encoding: str) -> None:
    if encoding not in _ENCODINGS:
        raise ValueError(f"encoding must be one of {_ENCODINGS}, not {encoding!r}")


def save(path: PathLike, *objects: Any, encoding: str = "portable", **named: Any) -> None:
    """Saves model objects into one snapshot file, atomically (the old file survives a failure).

    Objects given by position are named by kind ("workforce", "units", "nip_rules", then
    "workforce_2", ...); objects given by keyword keep their keyword as name.

    Args:
        encoding: "portable" (text archive, for exchange and the long term) or "binary"
            (several times faster, only for the platform that wrote it).

    Raises:
        IoError: the file cannot be written.
    """
    _check_encoding(encoding)
    _core.save(os.fspath(path), _pairs(objects, named), encoding)


def load(path: PathLike, as_dict: bool = False):
    """Loads a snapshot file: the object when it holds one, a tuple in saved order when it holds
    several, or with ``as_dict=True`` a dict name -> object.

    Raises:
        FormatError: the file is truncated, corrupted, not a penata snapshot, written by a newer
            penata, or a binary snapshot from another platform (the message says which).
        IoError: the file cannot be read.
    """
    return _unpack(_core.load(os.fspath(path)), as_dict)


def dumps(*objects: Any, encoding: str = "portable", **named: Any) -> bytes:
    """The snapshot bytes of model objects (what ``save`` writes to a file)."""
    _check_encoding(encoding)
    return _core.save_bytes(_pairs(objects, named), encoding)


def loads(data: bytes, as_dict: bool = False):
    """Model objects from snapshot bytes (see ``load``)."""
    return _unpack(_core.load_bytes(bytes(data)), as_dict)


def _unpack(pairs, as_dict: bool):
    if as_dict:
        return {name: _from_core(o) for name, o in pairs}
    objs = tuple(_from_core(o) for _, o in pairs)
    return objs[0] if len(objs) == 1 else objs


def _restore(data: bytes):
    """Pickle support: the single object in snapshot bytes."""
    return _from_core(_core.load_bytes(data)[0][1])
