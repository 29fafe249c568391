"""penata: the Indonesian civil-service (ASN: PNS and PPPK) workforce, modelled as regulation
describes it.

>>> import penata
>>> penata.parse_nip("198609262015051001").birth_date
datetime.date(1986, 9, 26)
>>> wf = penata.datasets.bengkulu(n=1000, seed=1)   # SYNTHETIC sample
>>> df = wf.to_frame()

The compiled core is ``penata._core`` (private); this package is the public API.
"""

from . import _core
from .errors import FormatError, IoError, NotFoundError, PenataError, PenataWarning, ValidationError
from .nip import NipParts, NipRules, parse_nip
from .units import Units
from .workforce import ImportReport, Workforce
from . import datasets
from .archive import dumps, load, loads, save

__version__: str = _core.__version__

#: The canonical CSV / DataFrame columns, in order.
FIELDS = tuple(_core.FIELD_NAMES)

__all__ = [
    "__version__",
    "FIELDS",
    "Workforce",
    "ImportReport",
    "Units",
    "parse_nip",
    "NipParts",
    "NipRules",
    "PenataError",
    "ValidationError",
    "FormatError",
    "IoError",
    "NotFoundError",
    "PenataWarning",
    "datasets",
    "save",
    "load",
    "dumps",
    "loads",
]
