"""penata quickstart: NIPs, the synthetic Bengkulu sample, pandas, and a bad CSV.

Run:  python examples/python/quickstart.py
"""

import os
import tempfile

import penata

# 1. A NIP tells birth date, first appointment (TMT), gender and sequence number.
parts = penata.parse_nip("198609262015051001")
print(parts.birth_date, parts.tmt, parts.gender, parts.sequence)  # 1986-09-26 2015-05 L 1

try:
    penata.parse_nip("198609262015131001")  # month 13
except penata.ValidationError as e:
    print("refused:", e.rule, "-", e)

# 2. A SYNTHETIC workforce of Pemerintah Provinsi Bengkulu (no real person is described).
wf = penata.datasets.bengkulu(n=10300, seed=0)
print(wf)

# 3. Analyse it with pandas.
df = wf.to_frame()
print(df.groupby("employment_type", observed=True)["training_hours"].agg(["count", "mean"]).round(1))
df["meets_20_jp"] = df["training_hours"] >= 20
print(df.groupby("education", observed=True)["meets_20_jp"].mean().round(2).to_string())

# 4. Import a CSV that has mistakes: collect every rejection instead of stopping at the first.
bad_csv = """nip,name,employment_type,gender,birth_date,tmt,golongan,position_class,position_level,position_name,unit_code,education,training_hours,discipline
198609262015051001,Budi Santoso,PNS,L,1986-09-26,2015-05,III/a,fungsional,ahli_pertama,Analis SDM Aparatur,BKD,S1,24,none
198609262015051002,Dedi Kurniawan,PNS,L,1986-09-26,2015-05,V/a,pelaksana,,Pengadministrasi Umum,BKD,S1,-3,none
199009132025242014,Siti Aminah,PPPK,P,1990-09-13,2025-01,IX,fungsional,ahli_pertama,Guru Ahli Pertama,DISDIK,S1,12,none
"""
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "pegawai.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(bad_csv)
    imported = penata.Workforce.from_csv(path, errors="collect")

print(imported.import_report)
print(imported.rejected.to_string(index=False))
