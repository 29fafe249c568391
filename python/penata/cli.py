"""The ``penata`` command.

    penata demo [--n N] [--seed S] [--out DIR]     generate, validate and summarise the SYNTHETIC
                                                   Bengkulu sample; writes DIR/workforce.csv and
                                                   DIR/units.csv
    penata validate FILE.csv [--units UNITS.csv]   check a CSV of the canonical schema
    penata score INPUT.csv -o OUT.csv [--rules NAME|FILE.json] [--units UNITS.csv]
                                                   appraise: the canonical columns plus the appraisal
                                                   input columns in, the same with the output columns
                                                   added out (docs/schema.md)
    penata gaps WORKFORCE.csv ASSESSMENTS.csv -o OUT.csv [--units UNITS.csv] [--framework FILE]
                [--standards FILE.json] [--rules FILE.json] [--as-of DATE] [--tna TNA.csv]
                                                   competency gaps and Job Person Match per employee
                                                   (OUT.csv), training needs per unit (TNA.csv)
    penata --version

``validate``, ``score`` and ``gaps`` exit 0 when every row is valid, 1 when rows are rejected (the rejection
report is printed), 2 when the file (or the rule set) cannot be read or its structure is wrong
(message on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from typing import List, Optional, Sequence

import numpy as np

from . import __version__, _core
from .errors import FormatError, IoError, PenataError, PenataWarning, ValidationError

__all__ = ["main"]

JP_RULE = 20.0  # minimum JP of competency development a year for a PNS: PP 11/2017 Pasal 203 ayat (4)
_GOLONGAN_GROUPS = ["I", "II", "III", "IV"]  # PNS golongan codes 1-4, 5-8, 9-12, 13-17


def _percent(x: float) -> str:
    return f"{100.0 * x:.1f}%"


def _unit_groups(wf) -> "tuple":
    """The reporting groups: the top-level units or, when there is a single root (the province),
    the units directly below it. Returns (labels, names, group index per unit index)."""
    units = wf.units
    codes = units.codes
    roots = units.roots()
    tops = units.children(roots[0]) if len(roots) == 1 and units.children(roots[0]) else roots
    group_of = np.full(len(codes), -1, dtype=np.int64)
    pos = {c: i for i, c in enumerate(codes)}
    for g, top in enumerate(tops):
        for c in units.subtree(top):
            group_of[pos[c]] = g
    labels = list(tops)
    names = [units.name(t) for t in tops]
    rest = group_of < 0  # the single root itself: a row of its own, when it has employees
    if rest.any():
        if np.isin(wf.column("unit_code"), np.flatnonzero(rest)).any():
            labels.append(roots[0])
            names.append(units.name(roots[0]))
        group_of[rest] = len(labels) - 1 if len(labels) > len(tops) else -1
    return labels, names, group_of


def demo_report(wf, title: str) -> str:
    """The demo's text report: head counts, golongan groups, position classes, education and the
    20 JP training rule, per top-level unit."""
    import pandas as pd

    from .frames import ENUM_FIELDS

    labels, names, group_of = _unit_groups(wf)
    g = group_of[wf.column("unit_code")]
    et = wf.column("employment_type")
    pns = et == 0
    gol = wf.column("golongan").astype(np.int64)
    hours = wf.column("training_hours")
    ng = len(labels)

    def count(mask: Optional[np.ndarray] = None) -> np.ndarray:
        sel = g if mask is None else g[mask]
        return np.bincount(sel, minlength=ng)

    index = pd.Index(labels)
    total = count()
    group = np.where(gol <= 4, 0, np.where(gol <= 8, 1, np.where(gol <= 12, 2, 3)))
    meets = hours >= JP_RULE
    head = pd.DataFrame({"name": [n if len(n) <= 34 else n[:33] + "\u2026" for n in names], "total": total,
                         "PNS": count(pns)}, index=index)
    for i, name in enumerate(_GOLONGAN_GROUPS):
        head[name] = count(pns & (group == i))
    head["PPPK"] = count(~pns)
    jp = f">={JP_RULE:g} JP"
    head[jp] = [_percent(a / b) if b else "-" for a, b in zip(count(meets), total)]
    sums = head.drop(columns=["name", jp]).sum()
    head.loc["TOTAL"] = ["", *sums.tolist(), _percent(float(meets.mean())) if len(hours) else "-"]

    def by_enum(field: str) -> "pd.DataFrame":
        col = wf.column(field)
        texts = ENUM_FIELDS[field]
        t = pd.DataFrame({texts[i] or "(none)": count(col == i) for i in range(len(texts))}, index=index)
        return t.loc[:, t.sum() > 0] if len(t) else t

    with_totals = lambda t: pd.concat([t, t.sum().to_frame("TOTAL").T])  # noqa: E731

    n = len(wf)
    pppk_gol = pd.Series(gol[~pns]).value_counts().sort_index()
    pppk_names = _core.GOLONGAN_NAMES["PPPK"]
    pppk_line = ", ".join(f"{pppk_names[k - 1]} {v:,}" for k, v in pppk_gol.items() if 1 <= k <= 17)

    out: List[str] = [title, ""]
    out += ["Head count: PNS and their golongan group (I = I/a-I/d, II, III, IV = IV/a-IV/e), PPPK,",
            f"and the share meeting the {JP_RULE:g} JP a year training rule (training_hours >= {JP_RULE:g}; PP 11/2017 Pasal 203)",
            head.to_string(), f"PPPK by golongan (I..XVII): {pppk_line or '-'}", ""]
    out += ["Position class", with_totals(by_enum("position_class")).to_string(), ""]
    out += ["Education", with_totals(by_enum("education")).to_string(), ""]
    out += [f"SYNTHETIC DATA: {n:,} generated employees; no real person is described."]
    return "\n".join(out)


def appraisal_report(wf, appraised, top: int = 5) -> str:
    """The demo's appraisal section: predikat distribution, mean IP ASN and talent-box counts per
    top-level unit, then the reward and coaching lists (counts and the first ``top``)."""
    import pandas as pd

    from .appraisal import PREDIKAT, coaching_list, reward_list

    labels, names, group_of = _unit_groups(wf)
    g = group_of[wf.column("unit_code")]
    keep = g >= 0
    ng = len(labels)
    index = pd.Index(labels)
    pred = appraised["predikat"].cat.codes.to_numpy()
    short = {"sangat_baik": "SB", "baik": "B", "butuh_perbaikan": "BP", "kurang": "K", "sangat_kurang": "SK"}
    t = pd.DataFrame({short[p]: np.bincount(g[keep & (pred == k)], minlength=ng) for k, p in enumerate(PREDIKAT)},
                     index=index)
    n_unit = np.bincount(g[keep], minlength=ng)
    ip = appraised["ip_asn"].to_numpy()
    sums = np.bincount(g[keep], weights=ip[keep], minlength=ng)
    t["IP ASN"] = [f"{s / c:.1f}" if c else "-" for s, c in zip(sums, n_unit)]
    box = appraised["talent_box"].to_numpy()
    for b in range(1, 10):
        t[f"b{b}"] = np.bincount(g[keep & (box == b)], minlength=ng)
    total = t.drop(columns=["IP ASN"]).sum()
    t.loc["TOTAL"] = [*total[list(short.values())].tolist(), f"{float(ip.mean()):.1f}" if len(ip) else "-",
                      *total[[f"b{b}" for b in range(1, 10)]].tolist()]
    n = len(appraised)
    shares = ", ".join(f"{p} {_percent(float((pred == k).mean())) if n else '-'}" for k, p in enumerate(PREDIKAT))
    out = ["Appraisal (SYNTHETIC inputs; rules 'default': PermenPANRB 6/2022 predikat, Perban BKN 8/2019 IP ASN,",
           "PermenPANRB 3/2020 talent boxes). Predikat SB sangat_baik, B baik, BP butuh_perbaikan, K kurang,",
           "SK sangat_kurang; mean IP ASN; employees in talent boxes b1..b9",
           t.to_string(), f"Predikat shares: {shares}", ""]
    rewards, coaching = reward_list(appraised), coaching_list(appraised)
    cols = ["nip", "unit_code", "predikat", "ip_asn", "talent_box", "reason"]
    out += [f"Reward list: {len(rewards):,} employees (predikat sangat_baik or talent boxes 7-9); top {top} by IP ASN",
            rewards[cols].head(top).to_string(index=False), ""]
    out += [f"Coaching list: {len(coaching):,} employees (predikat butuh_perbaikan/kurang/sangat_kurang or boxes "
            f"1-3, 6); lowest {top} IP ASN", coaching[cols].head(top).to_string(index=False)]
    return "\n".join(out)


def _demo(args: argparse.Namespace) -> int:
    import pandas as pd

    from . import datasets
    from .workforce import Workforce

    wf = datasets.bengkulu(n=args.n, seed=args.seed)
    os.makedirs(args.out, exist_ok=True)
    csv_path = os.path.join(args.out, "workforce.csv")
    units_path = os.path.join(args.out, "units.csv")
    wf.to_csv(csv_path)
    wf.units.to_csv(units_path)

    # Validate what was written: through the validating reader, against the written unit tree.
    back = Workforce.from_csv(csv_path, units=units_path, errors="collect")
    if len(back.rejected) or len(back) != len(wf):
        print(f"penata demo: the written sample did not validate: {back.import_report}", file=sys.stderr)
        print(back.rejected.head(20).to_string(index=False), file=sys.stderr)
        return 1
    if not back.to_frame().equals(wf.to_frame()):
        print("penata demo: the re-imported sample differs from the generated one", file=sys.stderr)
        return 1

    title = (f"penata {__version__} demo - SYNTHETIC Pemerintah Provinsi Bengkulu workforce "
             f"(n={args.n:,}, seed={args.seed})\n"
             f"Validated: {csv_path} re-imported against {units_path}: {len(back):,} rows, 0 rejected.")
    from .appraisal import appraise, sample_inputs

    inputs = sample_inputs(back, seed=args.seed)
    appraised = appraise(back, rules="default", inputs=inputs)
    scoring_path = os.path.join(args.out, "appraisal.csv")
    _write_scored(pd.concat([back.to_frame(), inputs], axis=1), appraised, scoring_path)
    from .competency import gap_analysis
    from .datasets import assessments as sample_assessments

    assessments = sample_assessments(back, seed=args.seed)
    assessments_path, gaps_path, tna_path = (os.path.join(args.out, f) for f in ("assessments.csv", "gaps.csv",
                                                                                   "tna.csv"))
    assessments.to_csv(assessments_path)
    result = gap_analysis(back, assessments, as_of="2025-06-30")
    result.to_frame().to_csv(gaps_path, index=False)
    result.by_unit().to_csv(tna_path, index=False)
    with pd.option_context("display.width", 200, "display.max_columns", 30, "display.max_rows", 500,
                           "display.max_colwidth", 60):
        print(demo_report(back, title))
        print()
        print(appraisal_report(back, appraised))
        print()
        print(competency_report(back, result))
        print()
        print(privacy_report(back, args.out))
    print(f"Wrote {csv_path}, {units_path}, {scoring_path} (workforce + SYNTHETIC appraisal inputs + outputs; "
          f"`penata score` reproduces its output columns), {assessments_path}, {gaps_path} and {tna_path} "
          f"(`penata gaps {csv_path} {assessments_path} --units {units_path} --as-of 2025-06-30` reproduces them).")
    return 0


def _write_scored(frame, appraised, path: str) -> None:
    """The input frame with the appraisal output columns added (bools as true/false)."""
    out = frame.copy()
    for c in appraised.columns:
        if c in ("nip", "unit_code"):
            continue
        v = appraised[c].to_numpy()
        if v.dtype == bool:
            v = np.where(v, "true", "false")
        out[c] = v
    for c in out.columns:
        if out[c].dtype == bool:
            out[c] = np.where(out[c].to_numpy(), "true", "false")
    out.to_csv(path, index=False)


def _score(args: argparse.Namespace) -> int:
    import pandas as pd

    from .appraisal import INPUT_COLUMNS, appraise
    from .rules import coerce_rules
    from .workforce import Workforce

    prog = "penata score"
    try:
        rules = coerce_rules(args.rules or "default")
    except (PenataError, OSError) as e:  # unknown name, unreadable or invalid rule set
        print(f"{prog}: rule set {args.rules!r}: {e}", file=sys.stderr)
        return 2
    try:
        frame = pd.read_csv(args.input, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, pd.errors.ParserError) as e:
        print(f"{prog}: {args.input}: {e}", file=sys.stderr)
        return 2
    frame.index = pd.RangeIndex(1, len(frame) + 1)  # issue rows are data rows, as for `validate`
    canonical = [c for c in frame.columns if c in _core.FIELD_NAMES]
    inputs = [c for c in frame.columns if c in INPUT_COLUMNS]
    unknown = [c for c in frame.columns if c not in _core.FIELD_NAMES and c not in INPUT_COLUMNS]
    if unknown:
        print(f"note: ignored unknown column(s) {', '.join(unknown)}", file=sys.stderr)
    if not inputs:
        print(f"{prog}: {args.input}: no appraisal input column; expected some of {', '.join(INPUT_COLUMNS)}",
              file=sys.stderr)
        return 2

    def report(rejected: "pd.DataFrame", what: str) -> int:
        rows = rejected["row"].nunique()
        print(f"INVALID {args.input}: {rows:,} of {len(frame):,} rows rejected ({len(rejected):,} issues; {what}); "
              "nothing written.")
        return _print_rejections(rejected, args.max_issues, args.report)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PenataWarning)
            wf = Workforce.from_frame(frame[canonical], units=args.units, errors="collect")
    except (FormatError, IoError, ValidationError) as e:  # missing columns, a bad units file
        print(f"{prog}: {args.input}: {e}", file=sys.stderr)
        return 2
    if len(wf.rejected):
        return report(wf.rejected, "workforce columns")
    try:
        appraised = appraise(wf, rules=rules, inputs=frame[inputs])
    except ValidationError as e:
        structural = [i for i in e.issues if str(i.get("rule", "")).startswith(("ruleset.", "input."))
                      and i.get("rule") != "input.more_issues"]
        if structural:  # the rule set lacks a section for the given inputs, or an input pair is split
            print(f"{prog}: {args.input}: {e} (rule set '{rules.name}' has sections "
                  f"{', '.join(rules.sections)})", file=sys.stderr)
            return 2
        rejected = pd.DataFrame([{"row": i["row"], "field": i["field"], "value": i["value"], "rule": i["rule"],
                                  "reason": i["message"]} for i in e.issues],
                                columns=["row", "field", "value", "rule", "reason"])
        return report(rejected, "appraisal columns")
    except (FormatError, ValueError) as e:  # e.g. one rating without the other
        print(f"{prog}: {args.input}: {e}", file=sys.stderr)
        return 2
    try:
        _write_scored(frame, appraised, args.output)
    except OSError as e:
        print(f"{prog}: cannot write {args.output}: {e}", file=sys.stderr)
        return 2
    added = [c for c in appraised.columns if c not in ("nip", "unit_code")]
    print(f"OK {args.input}: {len(frame):,} rows scored with rule set '{rules.name}'; added {', '.join(added)}; "
          f"wrote {args.output}.")
    return 0


def competency_report(wf, result, top: int = 3) -> str:
    """The demo's competency section: mean gap per top-level unit x competency, the share below
    standard, the 20 JP compliance, the largest gaps and the JPM distribution."""
    import pandas as pd

    labels, names, group_of = _unit_groups(wf)
    tna = result.by_unit()
    tna = tna[tna["unit_code"].isin(labels)]
    mean = tna.pivot_table(index="unit_code", columns="competency", values="mean_gap", sort=False).reindex(labels)
    below = tna.pivot_table(index="unit_code", columns="competency", values="share_below", sort=False).reindex(labels)
    mean = mean[[c for c in result.codes if c in mean.columns]]
    below = below[[c for c in result.codes if c in below.columns]]
    jp = result.training_compliance().reindex(labels)
    t = mean.map(lambda v: f"{v:+.2f}" if pd.notna(v) else "-") if hasattr(mean, "map") else \
        mean.applymap(lambda v: f"{v:+.2f}" if pd.notna(v) else "-")  # pandas < 2.1
    t["below"] = [f"{b:.0%}" if pd.notna(b) else "-" for b in below.mean(axis=1)]
    t["20JP"] = [f"{s:.0%}" if pd.notna(s) else "-" for s in jp["share"]]
    dist = result.jpm_distribution()
    dist_text = ", ".join(f"{k} {int(r.employees):,} ({r.share:.1%})" for k, r in dist.iterrows())
    jpm = result.jpm.dropna()
    out = [f"Competency (SYNTHETIC assessments as of {result.as_of}; PermenPANRB 38/2017 M.01-M.08 + SK.01, "
           "standards by position class [MEMORY defaults]).",
           "Mean gap (achieved - required) per unit and competency; 'below' = mean share of employees below",
           "standard; '20JP' = share with >= 20 JP of training a year",
           t.to_string(), "",
           f"JPM: {len(jpm):,} employees, mean {jpm.mean():.1f}, median {jpm.median():.1f}; {dist_text}"]
    worst = below.mean(axis=1).sort_values(ascending=False, kind="stable").index[:3].tolist()
    largest = result.largest_gaps(top)
    largest = largest[largest["unit_code"].isin(worst)]
    out += [f"Largest gaps in the {len(worst)} units with the most employees below standard (top {top} "
            "competencies each):",
            largest[["unit_code", "competency", "competency_name", "assessed", "mean_gap", "share_below", "need_1",
                     "need_2", "need_3"]].to_string(index=False, float_format=lambda v: f"{v:.2f}")]
    return "\n".join(out)


def privacy_report(wf, out_dir: str) -> str:
    """The demo's research release: pseudonymised with a fresh key that is not kept, and its
    disclosure check before and after coarsening."""
    from .privacy import disclosure_check, new_key, pseudonymise

    release = pseudonymise(wf, new_key(), birth="age_band", as_of="2025-06-30", band_years=10, tmt="drop")
    path = os.path.join(out_dir, "release.csv")
    release.to_csv(path, index=False)
    fine = disclosure_check(wf, ["unit_code", "golongan", "gender", "birth_year", "education"], k=5)
    coarse = disclosure_check(release, ["unit_code", "gender", "age_band"], k=5)
    people = int(coarse.below_k["count"].sum()) if len(coarse.below_k) else 0
    return ("Research release (UU 27/2022; docs/privacy.md) - SYNTHETIC\n"
            f"  unit x golongan x gender x birth year x education singles out: smallest group {fine.smallest}, "
            f"{len(fine.below_k):,} of {fine.groups:,} groups below k=5.\n"
            f"  Released {path}: NIPs as keyed tokens (a fresh key, not kept), no names, 10-year age bands, no TMT;\n"
            f"  unit x gender x age band: smallest group {coarse.smallest}, {len(coarse.below_k):,} group(s) "
            f"({people:,} people) below k=5 - coarsen or suppress those before publishing.")


def _issue_count(e: ValidationError) -> int:
    """Issues of an error, counting those a "*.more_issues" entry stands for."""
    n = 0
    for i in e.issues:
        if str(i.get("rule", "")).endswith("more_issues"):
            n += int(i.get("value") or 0) if str(i.get("value", "")).isdigit() else 0
        else:
            n += 1
    return n


def _gaps(args: argparse.Namespace) -> int:
    import pandas as pd

    from .competency import Assessments, CompetencyFramework, GapRules, PositionStandards, gap_analysis
    from .workforce import Workforce

    prog = "penata gaps"
    try:
        framework = CompetencyFramework.from_file(args.framework) if args.framework else CompetencyFramework.builtin()
        standards = (PositionStandards.from_file(args.standards, framework) if args.standards
                     else PositionStandards(framework))
        rules = GapRules.from_file(args.rules) if args.rules else GapRules.builtin()
        changes = {k: v for k, v in (("scheme", args.scheme), ("missing", args.missing)) if v}
        if args.cap:
            changes["cap_at_standard"] = True
        if changes:
            rules = rules.replace(**changes)
    except (PenataError, ValueError) as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return 2
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PenataWarning)
            wf = Workforce.from_csv(args.workforce, units=args.units, errors="collect")
    except (FormatError, IoError, ValidationError) as e:
        print(f"{prog}: {args.workforce}: {e}", file=sys.stderr)
        return 2
    if len(wf.rejected):
        print(f"INVALID {args.workforce}: {wf.import_report.rows_rejected:,} rows rejected; nothing written.")
        return _print_rejections(wf.rejected, args.max_issues, args.report)

    def rejected_of(e: ValidationError) -> "pd.DataFrame":
        return pd.DataFrame([{"row": i["row"], "field": i["field"], "value": i["value"], "rule": i["rule"],
                              "reason": i["message"]} for i in e.issues],
                            columns=["row", "field", "value", "rule", "reason"])

    try:
        assessments = Assessments.from_csv(args.assessments, framework)
    except (FormatError, IoError) as e:
        print(f"{prog}: {args.assessments}: {e}", file=sys.stderr)
        return 2
    except ValidationError as e:
        structural = [i for i in e.issues if str(i.get("rule", "")).startswith("assessment.column")
                      or (i.get("row", 0) in (-1, 0) and not str(i.get("rule", "")).endswith("more_issues"))]
        if structural:
            for i in structural:
                print(f"{prog}: {args.assessments}: column '{i['field']}': {i['message']} [rule {i['rule']}]",
                      file=sys.stderr)
            return 2
        print(f"INVALID {args.assessments}: {_issue_count(e):,} issues; nothing written.")
        return _print_rejections(rejected_of(e), args.max_issues, args.report)
    try:
        result = gap_analysis(wf, assessments, standards, rules, as_of=args.as_of)
    except ValidationError as e:
        if any(str(i.get("rule", "")) == "gaps.missing_assessment" for i in e.issues):
            print(f"REFUSED: missing assessments under the 'refuse' policy ({_issue_count(e):,} cells); "
                  "nothing written.")
            return _print_rejections(rejected_of(e), args.max_issues, args.report)
        print(f"{prog}: {e}", file=sys.stderr)
        return 2
    try:
        result.to_frame().to_csv(args.output, index=False)
        if args.tna:
            result.by_unit().to_csv(args.tna, index=False)
    except OSError as e:
        print(f"{prog}: cannot write: {e}", file=sys.stderr)
        return 2
    jpm = result.jpm.dropna()
    dist = result.jpm_distribution()
    print(f"OK {args.workforce}: {len(result):,} employees analysed as of {result.as_of} with {len(assessments):,} "
          f"assessment records; {len(result.missing):,} excluded (missing assessments); mean JPM "
          f"{jpm.mean() if len(jpm) else float('nan'):.1f}; "
          + ", ".join(f"{k} {int(r.employees):,}" for k, r in dist.iterrows())
          + f". Wrote {args.output}" + (f" and {args.tna}." if args.tna else "."))
    return 0


def _validate(args: argparse.Namespace) -> int:
    import pandas as pd

    from .workforce import Workforce

    notes: List[str] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PenataWarning)
            wf = Workforce.from_csv(args.file, units=args.units, errors="collect")
        notes = [str(w.message) for w in caught if issubclass(w.category, PenataWarning)]
    except (FormatError, IoError, ValidationError) as e:  # ValidationError: a bad units CSV
        print(f"penata validate: {args.file}: {e}", file=sys.stderr)
        return 2
    except PenataError as e:  # pragma: no cover - any other structural failure
        print(f"penata validate: {args.file}: {e}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}", file=sys.stderr)

    rep = wf.import_report
    created = (f"; {len(rep.created_units):,} unit codes taken as top-level units (no --units given)"
               if rep.created_units else "")
    if rep.rows_rejected == 0:
        print(f"OK {args.file}: {rep.rows_read:,} rows, all valid{created}.")
        return 0

    rejected = wf.rejected
    print(f"INVALID {args.file}: {rep.rows_rejected:,} of {rep.rows_read:,} rows rejected "
          f"({len(rejected):,} issues); {rep.rows_loaded:,} rows valid.")
    return _print_rejections(rejected, args.max_issues, args.report)


def _print_rejections(rejected: "pd.DataFrame", max_issues: int, report: Optional[str]) -> int:
    """Prints the first max_issues rejections (all when <= 0), writes them all to `report` when
    given, and returns the exit status for rejected rows (1)."""
    import pandas as pd

    shown = rejected if max_issues <= 0 else rejected.head(max_issues)
    with pd.option_context("display.width", 250, "display.max_colwidth", 80):
        print(shown.to_string(index=False))
    if len(shown) < len(rejected):
        print(f"... {len(rejected) - len(shown):,} more issues (--max-issues 0 shows all, --report FILE writes all)")
    if report:
        rejected.to_csv(report, index=False)
        print(f"Wrote the rejection report to {report}.")
    return 1


def _read_key(args: argparse.Namespace) -> bytes:
    """The key from --key-file (raw bytes, or a hex text) or --key-env (hex); never echoed."""
    if args.key_file:
        with open(args.key_file, "rb") as f:
            raw = f.read()
        text = raw.strip()
        try:
            return bytes.fromhex(text.decode("ascii")) if text and all(c in b"0123456789abcdefABCDEF" for c in text) \
                else raw
        except (UnicodeDecodeError, ValueError):
            return raw
    value = os.environ.get(args.key_env or "")
    if not value:
        raise ValidationError.from_issues([{"row": -1, "field": "key", "value": args.key_env or "",
                                            "rule": "privacy.key_empty",
                                            "message": "the environment variable is not set or empty"}])
    return bytes.fromhex(value)


def _pseudonymise(args: argparse.Namespace) -> int:
    from .privacy import disclosure_check, pseudonymise
    from .workforce import Workforce

    try:
        key = _read_key(args)
        wf = Workforce.from_csv(args.input, units=args.units)
        out = pseudonymise(wf, key, birth=args.birth, tmt=args.tmt, as_of=args.as_of,
                           keep_position_name=args.keep_position_name)
    except (FormatError, IoError, ValidationError, OSError, ValueError) as e:
        print(f"penata pseudonymise: {e}", file=sys.stderr)
        return 2
    out.to_csv(args.output, index=False)
    if args.check is None:  # the default quasi-identifiers, as far as the release keeps them
        birth = {"year": ["birth_year"], "age_band": ["age_band"], "drop": []}[args.birth]
        qi = ["unit_code", "golongan", "gender"] + birth + ["education"]
    else:
        qi = [c for c in args.check.split(",") if c]
    check = disclosure_check(out, qi, k=args.k) if qi else None
    print(f"Wrote {args.output}: {len(out):,} rows, NIPs as keyed tokens (HMAC-SHA-256), no names; "
          f"pseudonymised, not anonymised (docs/privacy.md). The key was not written anywhere.")
    if check is not None:
        print(f"Disclosure check over {', '.join(qi)}: smallest group {check.smallest}; "
              f"{len(check.below_k):,} group(s) below k={check.k} "
              f"({int(check.below_k['count'].sum()) if len(check.below_k) else 0:,} people).")
        if not check.ok:
            if args.report:
                check.below_k.to_csv(args.report, index=False)
                print(f"Wrote the groups below k to {args.report}.")
            return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="penata", description="Indonesian civil-service (ASN) workforce tools.")
    p.add_argument("--version", action="version", version=f"penata {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    d = sub.add_parser("demo", help="generate, validate and summarise the SYNTHETIC Bengkulu sample")
    d.add_argument("--n", type=int, default=10300, help="number of employees (default 10300)")
    d.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    d.add_argument("--out", default="out", help="output folder (default out)")
    v = sub.add_parser("validate", help="check a workforce CSV; exit 0 valid, 1 rows rejected, 2 unreadable")
    v.add_argument("file", help="workforce CSV of the canonical schema")
    v.add_argument("--units", help="units CSV (code,name,parent_code); without it unknown unit codes are accepted")
    v.add_argument("--max-issues", type=int, default=200, help="issues to print (default 200, 0 = all)")
    v.add_argument("--report", help="also write every issue to this CSV file")
    sc = sub.add_parser("score", help="appraise a CSV (workforce + appraisal input columns); exit 0 ok, 1 rows "
                                      "rejected, 2 unreadable")
    sc.add_argument("input", help="CSV with the canonical columns and appraisal input columns (docs/schema.md)")
    sc.add_argument("-o", "--output", required=True, help="output CSV: the input with the output columns added")
    sc.add_argument("--rules", help="built-in rule set name or a rule-set JSON file (default: 'default')")
    sc.add_argument("--units", help="units CSV (code,name,parent_code); without it unknown unit codes are accepted")
    sc.add_argument("--max-issues", type=int, default=200, help="issues to print (default 200, 0 = all)")
    sc.add_argument("--report", help="also write every issue to this CSV file")
    g = sub.add_parser("gaps", help="competency gaps and Job Person Match; exit 0 ok, 1 rows rejected, 2 unreadable")
    g.add_argument("workforce", help="workforce CSV of the canonical schema")
    g.add_argument("assessments", help="assessments CSV: nip, competency, level, date (YYYY-MM-DD), method")
    g.add_argument("-o", "--output", required=True,
                   help="output CSV: one row per employee with jpm, jpm_category, potential, missing, gap_<code>")
    g.add_argument("--tna", help="also write the training needs per unit x competency to this CSV")
    g.add_argument("--units", help="units CSV (code,name,parent_code)")
    g.add_argument("--framework", help="competency framework (.json or .csv); default the built-in M.01-M.08, SK.01")
    g.add_argument("--standards", help="position standards JSON (default: the built-in defaults)")
    g.add_argument("--rules", help="gap rules JSON (default: the built-in rules)")
    g.add_argument("--as-of", dest="as_of", help="analysis date YYYY-MM-DD (default today)")
    g.add_argument("--scheme", choices=["mapping", "selection"], help="JPM category scheme (default from the rules)")
    g.add_argument("--missing", choices=["exclude", "refuse"], help="missing-assessment policy (default from the rules)")
    g.add_argument("--cap", action="store_true", help="cap each competency at its standard")
    g.add_argument("--max-issues", type=int, default=200, help="issues to print (default 200, 0 = all)")
    g.add_argument("--report", help="also write every issue to this CSV file")
    ps = sub.add_parser("pseudonymise", help="a workforce CSV for researchers: NIPs as keyed tokens, no names, coarse "
                                             "dates, with a disclosure check; exit 0 ok, 1 groups below k, 2 error")
    ps.add_argument("input", help="workforce CSV of the canonical schema")
    ps.add_argument("-o", "--output", required=True, help="output CSV (token instead of nip)")
    keys = ps.add_mutually_exclusive_group(required=True)
    keys.add_argument("--key-file", help="file holding the secret key (32+ raw bytes, or their hex)")
    keys.add_argument("--key-env", help="environment variable holding the key as hex")
    ps.add_argument("--units", help="units CSV (code,name,parent_code)")
    ps.add_argument("--birth", choices=["year", "age_band", "drop"], default="year", help="birth date detail")
    ps.add_argument("--tmt", choices=["year", "drop"], default="year", help="TMT detail")
    ps.add_argument("--as-of", dest="as_of", help="date of the age bands, YYYY-MM-DD")
    ps.add_argument("--keep-position-name", action="store_true", help="keep position names (a unique post names "
                                                                     "its holder)")
    ps.add_argument("--check", help="quasi-identifier columns of the output to check, comma-separated ('' for none; "
                                    "default unit_code,golongan,gender,<birth column>,education)")
    ps.add_argument("--k", type=int, default=5, help="smallest group size allowed (default 5)")
    ps.add_argument("--report", help="write the groups below k to this CSV")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "demo":
            if args.n < 0:
                parser.error("--n must be >= 0")
            return _demo(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "score":
            return _score(args)
        if args.command == "gaps":
            return _gaps(args)
        if args.command == "pseudonymise":
            return _pseudonymise(args)
    except BrokenPipeError:  # output piped into `head` and the like
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    parser.print_help()
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
