"""A research release with penata: keyed NIP tokens, coarse dates, a disclosure check (SYNTHETIC data).

    python examples/python/privacy.py

The sample workforce is SYNTHETIC: no real person is described. A real release takes the key
from where the BKD keeps its secrets (docs/privacy.md), never from the data or the code.
"""

import penata

wf = penata.datasets.bengkulu(n=3000, seed=2)
key = penata.privacy.new_key()          # a new key per release: releases do not link

# Age bands instead of birth years, no TMT: check the groups first.
release = penata.pseudonymise(wf, key, birth="age_band", as_of="2025-06-30", band_years=10, tmt="drop")
check = penata.disclosure_check(release, ["unit_code", "golongan", "gender", "age_band"], k=5)
print(check)
print(check.below_k.sort_values("count").head())

# Coarser: golongan groups (I..IV) and top-level units only, until no group is below 5.
release["golongan_group"] = release["golongan"].astype(str).str.split("/").str[0]
release = release.drop(columns=["golongan"])
check = penata.disclosure_check(release, ["unit_code", "golongan_group", "gender", "age_band"], k=5)
print(check)

# The same key gives every other table the same tokens, so they still join.
scores = penata.Pseudonymiser(key).apply(penata.appraise(wf, inputs="sample").reset_index())
joined = release.merge(scores[["token", "predikat", "ip_asn"]], on="token")
assert len(joined) == len(wf)
print(joined.groupby(["unit_code", "predikat"], observed=True).size().head())
