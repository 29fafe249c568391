"""penata appraisal: predikat, SKP, IP ASN, talent boxes, rewards and coaching, the distribution
check, and an agency's own rule set. SYNTHETIC data: no real person is described.

Run:  python examples/python/appraisal.py
"""

import json

import pandas as pd

import penata

pd.set_option("display.width", 160)
pd.set_option("display.max_colwidth", 50)

# 1. Rule sets are data: built-ins per regulation, with notes on uncertain figures.
print(penata.RuleSet.names())
rs = penata.RuleSet.builtin("perban-8-2019")
print(rs)
print("note:", rs.note("ip_asn.points.kinerja")[:90], "...")

# 2. Predikat kinerja from the two ratings (PermenPANRB 6/2022); a Series keeps its index.
hasil = pd.Series(["di_atas", "sesuai", "di_bawah"], index=["Budi", "Siti", "Ahmad"])
perilaku = pd.Series(["di_atas", "sesuai", "sesuai"], index=hasil.index)
print(penata.predikat(hasil, perilaku).to_string())

try:
    penata.predikat(["sesuai"], ["luar_biasa"])
except penata.ValidationError as e:
    print("refused:", e.row, e.field, e.value, e.rule)

# 3. Legacy SKP (PP 46/2011): one task, (100 + 90 + 76 + 76) / 4 = 85.5.
tasks = pd.DataFrame(dict(nip=["198609262015051001"], task=["Menyusun laporan kepegawaian"],
                          target_output=[10], real_output=[10], target_quality=[100], real_quality=[90],
                          target_time=[12], real_time=[12], target_cost=[1_000_000.0], real_cost=[1_000_000.0]))
print(penata.skp_score(tasks).to_string(index=False))

# 4. A whole SYNTHETIC workforce: every output in one DataFrame.
wf = penata.datasets.bengkulu(n=10300, seed=0)
inputs = penata.datasets.appraisal_inputs(wf, seed=0)
scored = penata.appraise(wf, rules="default", inputs=inputs)
print(scored[["nip", "unit_code", "predikat", "ip_asn", "ip_asn_category", "talent_box"]].head().to_string())
print(scored["predikat"].value_counts().to_string())

# 5. Per unit (with sub-units), and the reward and coaching lists with reasons.
units = penata.summarise_units(wf, scored)
print(units.loc[["PROV", "BKD", "DINKES"], ["employees", "share_sangat_baik", "mean_ip_asn", "box_9"]].round(3))
print(penata.reward_list(scored, top=3).to_string(index=False))
print(len(penata.coaching_list(scored)), "employees listed for coaching")

# 6. The distribution check of one unit (never applied, only suggested).
bkd = scored.loc[wf.select_unit("BKD"), "predikat"]
check = penata.check_distribution(bkd, org_predikat="baik")
print(check)
if not check.ok:
    print(check.violations["message"].to_string(index=False))
    print(check.changes.to_string(index=False))

# 7. An agency's own rule set: edit the JSON, load it back (validated), score with it.
d = json.loads(penata.RuleSet.builtin("permenpanrb-3-2020").to_json())
d["name"] = "pemprov-bengkulu-talent"
d["talent"]["potential"]["bands"][1]["from"] = 70.0  # menengah from 70 instead of 78
d["talent"]["potential"]["bands"][0]["to"] = 70.0
mine = penata.RuleSet.from_json(json.dumps(d))
boxes = penata.talent_box(scored["predikat"], inputs["potential"], rules=mine)
print("box counts with the agency cut-offs:", boxes.value_counts().sort_index().to_dict())

d["talent"]["potential"]["bands"][0]["to"] = 65.0  # leaves a gap 65..70: refused, naming the figure
try:
    penata.RuleSet.from_json(json.dumps(d))
except penata.ValidationError as e:
    print("refused:", e.field, e.rule)
