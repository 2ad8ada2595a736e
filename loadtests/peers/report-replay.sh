#!/usr/bin/env bash
# Rebuilds the run directory of the last loadtests/compare.sh from what it left: every phase is in
# summary.json under "raw" (as the driver wrote it, with its command line), the run's meta in its other
# keys, and the few meta lines summary.json does not keep (the queries note, the Gatling note, the
# seconds) in the RESULTS.md section "Comparison: floors, our service, the peers". The report can then
# be made again from it without the 25-minute load run, e.g. to check that a change of the report
# keeps the figures (compare its section with the one in RESULTS.md):
#
#   loadtests/peers/report-replay.sh /tmp/replay
#   java -cp loadtests/peers/target/peers.jar org.frontline.peers.report.Report --dir /tmp/replay \
#     --summary /tmp/replay-out/summary.json --html /tmp/replay-out/compare.html --section /tmp/replay-out/section.md
#
# usage: loadtests/peers/report-replay.sh OUT_DIR [SUMMARY (loadtests/results/summary.json)] [RESULTS (loadtests/RESULTS.md)]
# What cannot come back: the RSS samples themselves (summary.json keeps their count, peak and VmHWM, so
# each rss-<service>.txt holds that many samples at the peak, which gives the same figures).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:?usage: loadtests/peers/report-replay.sh OUT_DIR [SUMMARY] [RESULTS]}"
SUMMARY="${2:-loadtests/results/summary.json}"
RESULTS="${3:-loadtests/RESULTS.md}"
mkdir -p "$OUT"
python3 - "$SUMMARY" "$RESULTS" "$OUT" <<'PY'
import json, os, re, sys

summary_path, results_path, out = sys.argv[1:4]
s = json.load(open(summary_path, encoding="utf-8"))

commands = []
for label, phase in s["raw"].items():
    phase = dict(phase)
    command = phase.pop("command", None)
    if command is not None:
        commands.append(label + "\t" + command)
    with open(os.path.join(out, label + ".json"), "w", encoding="utf-8") as f:
        json.dump(phase, f, indent=2, ensure_ascii=False)
        f.write("\n")
with open(os.path.join(out, "commands.tsv"), "w", encoding="utf-8") as f:
    f.write("".join(c + "\n" for c in commands))

for service, m in (s.get("rss") or {}).items():
    peak = m.get("peak_vmrss_mb")
    with open(os.path.join(out, "rss-" + service + ".txt"), "w") as f:
        for i in range(m.get("samples") or 0):
            f.write("%d %d\n" % (i * 250, round(peak * 1024)))
    if m.get("vmhwm_mb") is not None:
        with open(os.path.join(out, "hwm-" + service + ".txt"), "w") as f:
            f.write("%d\n" % round(m["vmhwm_mb"] * 1024))

def number(v):
    return str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer() else str(v)

if s.get("gatling_border_mix") is not None:
    with open(os.path.join(out, "gatling.txt"), "w", encoding="utf-8") as f:
        for r in s["gatling_border_mix"]:
            f.write("|".join([r["request"]] + [number(r[k]) for k in ("count", "ko", "p50_ms", "p95_ms", "p99_ms", "max_ms")]) + "\n")

machine = s.get("machine") or {}
meta = {
    "date": machine.get("date"), "command": s.get("command"), "nproc": machine.get("nproc"),
    "memory": machine.get("memory"), "loadavg_start": machine.get("load_average_at_start"),
    "loadavg_end": machine.get("load_average_at_end"), "commit": machine.get("git_commit"),
    "data": s.get("data"), "rows": s.get("rows_per_source"),
    "deadline_ms": None if s.get("deadline_ms") is None else number(s["deadline_ms"]),
    "skipped": s.get("skipped"), "note": machine.get("note"),
}
# the lines the section printed from meta.properties and summary.json does not keep
text = open(results_path, encoding="utf-8").read() if os.path.exists(results_path) else ""
section = re.search(r"^## Comparison: floors, our service, the peers\n(.*?)(?=^## |\Z)", text, re.M | re.S)
if section:
    body = section.group(1)
    q = re.search(r"^Queries: (.*)\.$", body, re.M)
    if q:
        meta["queries"] = q.group(1)
    g = re.search(r"^### Realistic border mix \(Gatling BorderMixSimulation, open model\)\n\n(.*)$", body, re.M)
    if g and g.group(1).strip():
        meta["gatling"] = g.group(1)
    t = re.search(r"Each phase: (\S+) s unmeasured warm-up, then (\S+) s measured\..*? for (\S+) s, unmeasured", body, re.S)
    if t:
        meta["warmup_seconds"], meta["seconds"], meta["jit_warmup_seconds"] = t.groups()
with open(os.path.join(out, "meta.properties"), "w", encoding="utf-8") as f:
    for k, v in meta.items():
        if v is not None:
            f.write(k + "=" + str(v).replace("\\", "\\\\") + "\n")
print("replayed %d phases into %s" % (len(s["raw"]), out), file=sys.stderr)
PY
