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


# ---- penata score ---------------------------------------------------------------------------------

APPRAISAL_COLS = ["rating_hasil_kerja", "rating_perilaku", "has_leadership_training", "has_functional_training",
                  "has_seminar", "potential"]
APPRAISAL_VALUES = [["di_atas", "di_atas", "false", "true", "true", "95"],
                    ["sesuai", "sesuai", "false", "false", "false", "50"],
                    ["di_bawah", "sesuai", "true", "false", "false", "80"]]


def score_csv(values=APPRAISAL_VALUES, rows=GOOD_ROWS):
    header = list(penata.FIELDS) + APPRAISAL_COLS
    rows = [dict(r, **dict(zip(APPRAISAL_COLS, v))) for r, v in zip(rows, values)]
    return csv_text(rows, header)


def test_score_adds_the_output_columns(write_csv, tmp_path):
    import pandas as pd

    out = tmp_path / "scored.csv"
    r = run("score", write_csv(score_csv()), "-o", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3 rows scored" in r.stdout
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert df["predikat"].tolist() == ["sangat_baik", "baik", "butuh_perbaikan"]
    assert df["talent_box"].tolist() == ["9", "2", "3"]
    assert df["ip_asn_category"].tolist()[0] in penata.APPRAISAL_ENUMS["ip_asn_category"]
    for c in ("ip_asn", "ip_kualifikasi", "ip_kompetensi", "ip_kinerja", "ip_disiplin", "talent_action",
              "angka_kredit", "reward", "reward_reason", "coaching", "coaching_reason"):
        assert c in df.columns, c
    assert df["reward"].tolist()[0] == "true" and df["coaching"].tolist()[1] == "true"
    assert df["nip"].tolist() == [r["nip"] for r in GOOD_ROWS]  # input columns kept as given


def test_score_with_a_rule_set_name_and_file(write_csv, tmp_path):
    rs = penata.RuleSet.builtin("default")
    path = tmp_path / "mine.json"
    rs.to_file(path)
    for rules in ("default", str(path)):
        out = tmp_path / "o.csv"
        r = run("score", write_csv(score_csv()), "-o", str(out), "--rules", rules)
        assert r.returncode == 0, r.stderr
    # A rule set with only the predikat matrix cannot score the IP ASN and talent inputs: a
    # structural error naming the missing section, never a silent omission.
    r = run("score", write_csv(score_csv()), "-o", str(tmp_path / "p.csv"), "--rules", "permenpanrb-6-2022")
    assert r.returncode == 2 and "section" in r.stderr, r.stdout + r.stderr


def test_score_bad_rows_exit_1_with_report(write_csv, tmp_path):
    bad = [list(v) for v in APPRAISAL_VALUES]
    bad[1][1] = "luar_biasa"
    bad[2][5] = "150"
    report = tmp_path / "report.csv"
    out = tmp_path / "o.csv"
    r = run("score", write_csv(score_csv(bad)), "-o", str(out), "--report", str(report))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "rating_perilaku.known" in r.stdout and "luar_biasa" in r.stdout
    assert report.exists() and not out.exists()
    # A bad workforce row is reported the same way.
    rows = [dict(GOOD_ROWS[0]), dict(GOOD_ROWS[1], golongan="IV/z"), dict(GOOD_ROWS[2])]
    r = run("score", write_csv(score_csv(rows=rows)), "-o", str(out))
    assert r.returncode == 1 and "golongan" in r.stdout


def test_score_structural_errors_exit_2(write_csv, tmp_path):
    out = str(tmp_path / "o.csv")
    assert run("score", str(tmp_path / "missing.csv"), "-o", out).returncode == 2
    r = run("score", write_csv(csv_text(GOOD_ROWS)), "-o", out)  # no appraisal column
    assert r.returncode == 2 and "appraisal input" in r.stderr
    r = run("score", write_csv(score_csv()), "-o", out, "--rules", "no-such-rules")
    assert r.returncode == 2 and "no-such-rules" in r.stderr
    bad_rules = tmp_path / "bad.json"
    bad_rules.write_text(penata.RuleSet.builtin("perban-8-2019").to_json().replace('"kinerja": 0.3', '"kinerja": 0.2'))
    r = run("score", write_csv(score_csv()), "-o", out, "--rules", str(bad_rules))
    assert r.returncode == 2 and "ip_asn.weights" in r.stderr
    header = [c for c in list(penata.FIELDS) + APPRAISAL_COLS if c != "golongan"]
    text = csv_text([dict(r, **dict(zip(APPRAISAL_COLS, v))) for r, v in zip(GOOD_ROWS, APPRAISAL_VALUES)], header)
    r = run("score", write_csv(text), "-o", out)
    assert r.returncode == 2 and "golongan" in r.stderr


def test_demo_reports_the_appraisal(tmp_path):
    out = tmp_path / "out"
    r = run("demo", "--n", "1500", "--seed", "3", "--out", str(out))
    assert r.returncode == 0, r.stderr
    for word in ("Appraisal", "IP ASN", "b9", "Predikat shares", "Reward list", "Coaching list", "talent box"):
        assert word in r.stdout, word
    assert (out / "appraisal.csv").exists()
    assert len(r.stdout.splitlines()) < 400
    # The written appraisal CSV scores to the same outputs.
    scored = tmp_path / "scored.csv"
    import pandas as pd

    src = pd.read_csv(out / "appraisal.csv", dtype=str, keep_default_na=False)
    inputs = src[[c for c in src.columns if c in list(penata.FIELDS) + APPRAISAL_COLS]]
    inputs.to_csv(tmp_path / "in.csv", index=False)
    r = run("score", str(tmp_path / "in.csv"), "-o", str(scored), "--units", str(out / "units.csv"))
    assert r.returncode == 0, r.stdout + r.stderr
    again = pd.read_csv(scored, dtype=str, keep_default_na=False)
    for c in ("predikat", "talent_box", "ip_asn_category", "reward", "coaching_reason"):
        assert again[c].tolist() == src[c].tolist(), c


# ---- penata gaps ------------------------------------------------------------------------------------

def _gaps_inputs(tmp_path, n=400):
    wf = penata.datasets.bengkulu(n=n, seed=2)
    wf.to_csv(tmp_path / "w.csv")
    wf.units.to_csv(tmp_path / "u.csv")
    penata.datasets.assessments(wf, seed=2).to_csv(tmp_path / "a.csv")
    return wf


def test_gaps_writes_per_employee_and_tna(tmp_path):
    wf = _gaps_inputs(tmp_path)
    r = run("gaps", str(tmp_path / "w.csv"), str(tmp_path / "a.csv"), "--units", str(tmp_path / "u.csv"),
            "--as-of", "2025-06-30", "-o", str(tmp_path / "g.csv"), "--tna", str(tmp_path / "t.csv"))
    assert r.returncode == 0, r.stderr
    assert "400 employees analysed" in r.stdout and "mean JPM" in r.stdout
    import pandas as pd

    g = pd.read_csv(tmp_path / "g.csv", dtype={"nip": str})
    assert len(g) == len(wf) and {"jpm", "jpm_category", "potential", "gap_M.01", "gap_SK.01"} <= set(g.columns)
    t = pd.read_csv(tmp_path / "t.csv")
    assert {"unit_code", "competency", "mean_gap", "share_below", "need_1", "training_share"} <= set(t.columns)
    sel = run("gaps", str(tmp_path / "w.csv"), str(tmp_path / "a.csv"), "--units", str(tmp_path / "u.csv"),
              "--as-of", "2025-06-30", "--scheme", "selection", "--cap", "-o", str(tmp_path / "s.csv"))
    assert sel.returncode == 0, sel.stderr
    assert set(pd.read_csv(tmp_path / "s.csv")["jpm_category"].dropna()) <= {"ms", "mms", "kms"}


def test_gaps_bad_assessment_rows_exit_1(tmp_path):
    _gaps_inputs(tmp_path, n=50)
    lines = (tmp_path / "a.csv").read_text().splitlines()
    cells = lines[3].split(",")
    header = lines[0].split(",")
    cells[header.index("level")] = "6"
    lines[3] = ",".join(cells)
    (tmp_path / "a.csv").write_text("\n".join(lines) + "\n")
    r = run("gaps", str(tmp_path / "w.csv"), str(tmp_path / "a.csv"), "--units", str(tmp_path / "u.csv"),
            "-o", str(tmp_path / "g.csv"), "--report", str(tmp_path / "rep.csv"))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "assessment.level" in r.stdout and not (tmp_path / "g.csv").exists()
    assert "assessment.level" in (tmp_path / "rep.csv").read_text()


def test_gaps_refuse_policy_exit_1_and_structural_exit_2(tmp_path):
    _gaps_inputs(tmp_path, n=50)
    lines = (tmp_path / "a.csv").read_text().splitlines()
    (tmp_path / "a.csv").write_text("\n".join(lines[:-1]) + "\n")  # one required cell now missing
    base = [str(tmp_path / "w.csv"), str(tmp_path / "a.csv"), "--units", str(tmp_path / "u.csv"),
            "--as-of", "2025-06-30", "-o", str(tmp_path / "g.csv")]
    assert run("gaps", *base).returncode == 0
    r = run("gaps", *base, "--missing", "refuse")
    assert r.returncode == 1 and "gaps.missing_assessment" in r.stdout
    (tmp_path / "bad.csv").write_text("nip,competency\n")
    r = run("gaps", str(tmp_path / "w.csv"), str(tmp_path / "bad.csv"), "-o", str(tmp_path / "g.csv"))
    assert r.returncode == 2 and "method" in r.stderr
    r = run("gaps", str(tmp_path / "w.csv"), str(tmp_path / "nope.csv"), "-o", str(tmp_path / "g.csv"))
    assert r.returncode == 2


def test_demo_reports_competency(tmp_path):
    r = run("demo", "--n", "800", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    for word in ("Competency (SYNTHETIC", "Mean gap", "20JP", "JPM:", "optimal", "Largest gaps", "M.08"):
        assert word in r.stdout, word
    assert (tmp_path / "tna.csv").exists() and (tmp_path / "gaps.csv").exists()
