"""Shared helpers for the Python tests: small valid rows of the canonical schema."""

from __future__ import annotations

import csv
import io
import os
import sys
from typing import Dict, List, Optional

import pytest

import penata

HEADER = list(penata.FIELDS)

# Three valid employees: a PNS fungsional, a PPPK (NI PPPK 199009132025242014, appointed 2025)
# and a PNS administrator (no level).
GOOD_ROWS: List[Dict[str, str]] = [
    dict(nip="198609262015051001", name="Budi Santoso", employment_type="PNS", gender="L",
         birth_date="1986-09-26", tmt="2015-05", golongan="III/a", position_class="fungsional",
         position_level="ahli_pertama", position_name="Analis SDM Aparatur", unit_code="BKD",
         education="S1", training_hours="24", discipline="none"),
    dict(nip="199009132025242014", name="Siti Aminah", employment_type="PPPK", gender="P",
         birth_date="1990-09-13", tmt="2025-01", golongan="IX", position_class="fungsional",
         position_level="ahli_pertama", position_name="Guru Ahli Pertama", unit_code="DISDIK",
         education="S1", training_hours="12.5", discipline="none"),
    dict(nip="197503122000031002", name="Ahmad, S.Sos.", employment_type="PNS", gender="L",
         birth_date="1975-03-12", tmt="2000-03", golongan="IV/a", position_class="administrator",
         position_level="", position_name="Kepala Bidang Mutasi", unit_code="BKD-MUT",
         education="S2", training_hours="30", discipline="ringan"),
]

UNITS_CSV = "code,name,parent_code\nPROV,Pemerintah Provinsi,\nBKD,Badan Kepegawaian Daerah,PROV\n" \
            "BKD-MUT,Bidang Mutasi,BKD\nDISDIK,Dinas Pendidikan,PROV\n"


def csv_text(rows: List[Dict[str, str]], header: Optional[List[str]] = None) -> str:
    """Rows as CSV text (RFC 4180 quoting), with the canonical header unless one is given."""
    header = header or HEADER
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    return buf.getvalue()


def row(i: int = 0, **changes: str) -> Dict[str, str]:
    """A copy of GOOD_ROWS[i] with some fields changed."""
    r = dict(GOOD_ROWS[i])
    r.update(changes)
    return r


@pytest.fixture
def write_csv(tmp_path):
    """write_csv(text_or_rows, name="w.csv", encoding="utf-8") -> path"""

    def _write(content, name: str = "w.csv", bom: bool = False) -> str:
        text = content if isinstance(content, str) else csv_text(content)
        path = tmp_path / name
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        return str(path)

    return _write


@pytest.fixture
def units_path(tmp_path) -> str:
    p = tmp_path / "units.csv"
    p.write_text(UNITS_CSV, encoding="utf-8")
    return str(p)


REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def penata_command() -> List[str]:
    """The console script if installed next to this interpreter, else `python -m penata`."""
    script = os.path.join(os.path.dirname(sys.executable), "penata")
    return [script] if os.path.exists(script) else [sys.executable, "-m", "penata"]
