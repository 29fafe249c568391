"""The `penata` command: demo, validate (exit 0/1/2), --version."""

import os
import subprocess
import sys

import pytest

import penata
from conftest import GOOD_ROWS, csv_text, penata_command, row


def run(*args, cwd=None, timeout=600):
    return subprocess.run(penata_command() + list(args), capture_output=True, text=True, cwd=cwd, timeout=timeout)


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"penata {penata.__version__}"


def test_demo_writes_files_and_reports(tmp_path):
    out = tmp_path / "out"
    r = run("demo", "--n", "1200", "--seed", "5", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert (out / "workforce.csv").exists() and (out / "units.csv").exists()
    text = r.stdout
    assert "SYNTHETIC" in text and "0 rejected" in text
    for word in ("PNS", "PPPK", " III ", "PPPK by golongan", "Position class", "fungsional", "Education",
                 "S1", "20 JP", "TOTAL"):
        assert word in text, word
    assert len(text.splitlines()) < 400
    wf = penata.Workforce.from_csv(out / "workforce.csv", units=out / "units.csv")
    assert len(wf) == 1200


def test_demo_default_out_folder(tmp_path):
    r = run("demo", "--n", "300", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "workforce.csv").exists() and (tmp_path / "out" / "units.csv").exists()


def test_validate_ok(tmp_path):
    p = tmp_path / "ok.csv"
    p.write_text(csv_text(GOOD_ROWS), encoding="utf-8")
    r = run("validate", str(p))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("OK ") and len(r.stdout.strip().splitlines()) == 1 and "3 rows" in r.stdout


def test_validate_rejections(tmp_path, units_path):
    p = tmp_path / "bad.csv"
    p.write_text(csv_text([GOOD_ROWS[0], row(1, golongan="XVIII"), row(2, unit_code="NOPE")]), encoding="utf-8")
    report = tmp_path / "rejected.csv"
    r = run("validate", str(p), "--units", units_path, "--report", str(report))
    assert r.returncode == 1
    for word in ("row", "field", "value", "rule", "reason", "golongan.known", "XVIII", "unit_code.known", "NOPE"):
        assert word in r.stdout, word
    assert "2 of 3 rows rejected" in r.stdout
    assert report.read_text().startswith("row,field,value,rule,reason")


@pytest.mark.parametrize("content", [None, "", "nip,name\n1,x\n", 'nip\n"unterminated\n'])
def test_validate_structural_errors_exit_2(tmp_path, content):
    p = tmp_path / "broken.csv"
    if content is not None:
        p.write_text(content, encoding="utf-8")
    r = run("validate", str(p))
    assert r.returncode == 2
    assert r.stdout == "" and "broken.csv" in r.stderr


def test_no_command_prints_help():
    r = run()
    assert r.returncode == 2 and "demo" in r.stdout


def test_python_dash_m():
    r = subprocess.run([sys.executable, "-m", "penata", "--version"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("penata ")
