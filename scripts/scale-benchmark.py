#!/usr/bin/env python3
"""Build a scale store with the real `ward import` and `ward scan` and print the figures.

Drives a built `ward` binary (release by default) over a tier written by
scripts/generate-scale-data.py, so what is measured is exactly what an operator runs:

  1. generate the tier (unless --data names an existing one),
  2. import it stage by stage, in the importer's own order (tenants, inventories,
     per-function aspects, metrics, costs, findings): wall time, records changed, records/s
     and peak RSS per stage (`/usr/bin/time -v`),
  3. `ward scan` once on the fresh store (writes every finding), then --runs more times with
     nothing changed: median, min-max wall time and peak RSS,
  2b. the floor for the metrics stage: `sqlite3 .import` of the same metric rows as CSV,
     in the same run (the issue's ingest ratio),
  4. the floor for the scan's read: `sqlite3` reading every metric row in key order
     (the one ordered query a streamed scan makes), median of --runs,
  5. row counts and the store's size.

Prints a Markdown table (and --json for machines). Load average is printed before and after:
the machine is shared, so say it with the figures.

Usage:
  python3 scripts/scale-benchmark.py --ward .build/release/ward --work /tmp/ward-scale \\
      [--accounts 1000 --functions-per-account 50 --findings 1000000 --metric-days 14] \\
      [--data DIR] [--runs 3] [--skip-import] [--json]
Python 3.11 standard library; needs /usr/bin/time and (for the floor) sqlite3 on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CHUNK = 5000  # paths per `ward import` call (argv stays well under ARG_MAX)


def stage_of(path: str) -> int:
  """The importer's stage order (docs/formats.md: tenants, inventories, aspects, series,
  findings); metrics and costs are separate rows of the table."""
  name = os.path.basename(path)
  if name.startswith("tenants"):
    return 0
  if name.startswith("lambda-list-functions"):
    return 1
  if "/metrics/" in path:
    return 3
  if "/cost/" in path:
    return 4
  if "/securityhub/" in path or "/prowler/" in path:
    return 5
  return 2


STAGES = ("tenants", "inventory", "aspects", "metrics", "costs", "findings")


def timed(cmd: list[str]) -> tuple[float, int, str]:
  """Runs cmd under /usr/bin/time -v: (wall seconds, peak RSS KiB, stdout)."""
  started = time.monotonic()
  proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
  wall = time.monotonic() - started
  if proc.returncode != 0:
    sys.stderr.write(proc.stdout[-2000:] + proc.stderr[-4000:])
    raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd[:4])} ...")
  rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
  return wall, rss, proc.stdout


def changed(stdout: str) -> int:
  m = re.search(r"(\d+) records changed", stdout)
  return int(m.group(1)) if m else 0


def load() -> str:
  return " ".join(open("/proc/loadavg").read().split()[:3])


def files_under(root: str) -> list[str]:
  out = []
  for d, dirs, files in os.walk(root):
    dirs[:] = sorted(x for x in dirs if not x.startswith("."))
    out += [os.path.join(d, f) for f in sorted(files)
            if not f.startswith(".") and not f.startswith("README") and not f.endswith(".md")]
  return sorted(out)


def median_range(values: list[float]) -> str:
  return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def import_floor(store: str, work: str) -> float:
  """Rows/s of `sqlite3 .import` loading the store's metric rows (as CSV) into an empty
  copy of the metrics table in a WAL file with synchronous=NORMAL, as ward writes: the
  floor for the metrics stage, measured in the same run under the same load."""
  csv_path = os.path.join(work, "metrics.csv")
  floor_db = os.path.join(work, "floor.db")
  for f in (floor_db, floor_db + "-wal", floor_db + "-shm"):
    if os.path.exists(f):
      os.remove(f)
  with open(csv_path, "w") as out:
    subprocess.run(["sqlite3", "-readonly", "-csv", store, "SELECT * FROM metrics"],
                   check=True, stdout=out)
  con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
  ddl = con.execute("SELECT sql FROM sqlite_master WHERE name = 'metrics'").fetchone()[0]
  n = con.execute("SELECT COUNT(*) FROM metrics").fetchone()[0]
  con.close()
  script = (f"PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n{ddl};\n"
            f".import --csv {csv_path} metrics\n")
  started = time.monotonic()
  subprocess.run(["sqlite3", floor_db], input=script, text=True, check=True,
                 stdout=subprocess.DEVNULL)
  seconds = time.monotonic() - started
  for f in (csv_path, floor_db, floor_db + "-wal", floor_db + "-shm"):
    if os.path.exists(f):
      os.remove(f)
  return n / seconds


def main(argv=None) -> int:
  p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  p.add_argument("--ward", default=os.path.join(HERE, "..", ".build", "release", "ward"))
  p.add_argument("--work", default="/tmp/ward-scale", help="tier and store go here")
  p.add_argument("--data", help="an existing tier (skips generation)")
  p.add_argument("--accounts", type=int, default=1000)
  p.add_argument("--functions-per-account", type=int, default=50)
  p.add_argument("--findings", type=int, default=1_000_000)
  p.add_argument("--metric-days", type=int, default=14)
  p.add_argument("--seed", type=int, default=1)
  p.add_argument("--runs", type=int, default=3, help="repeats of the nothing-changed scan")
  p.add_argument("--skip-import", action="store_true", help="reuse the store in --work")
  p.add_argument("--json", action="store_true")
  args = p.parse_args(argv)
  ward = os.path.abspath(args.ward)
  os.makedirs(args.work, exist_ok=True)
  store = os.path.join(args.work, "posture.db")
  rows: list[tuple[str, str, str]] = []
  figures: dict = {"load_before": load()}

  data = args.data
  if not data:
    data = os.path.join(args.work, "data")
    if not os.path.exists(data):
      started = time.monotonic()
      subprocess.run([sys.executable, os.path.join(HERE, "generate-scale-data.py"), "--out", data,
                      "--accounts", str(args.accounts), "--functions-per-account",
                      str(args.functions_per_account), "--findings", str(args.findings),
                      "--metric-days", str(args.metric_days), "--seed", str(args.seed)],
                     check=True, stdout=subprocess.DEVNULL)
      rows.append(("generate tier", f"{time.monotonic() - started:.1f} s", ""))

  if not args.skip_import:
    for f in (store, store + "-wal", store + "-shm"):
      if os.path.exists(f):
        os.remove(f)
    by_stage: dict[int, list[str]] = {}
    for f in files_under(data):
      by_stage.setdefault(stage_of(f), []).append(f)
    total_wall, total_changed, peak = 0.0, 0, 0
    for stage in sorted(by_stage):
      paths = by_stage[stage]
      wall, rss, n = 0.0, 0, 0
      for i in range(0, len(paths), CHUNK):
        w, r, out = timed([ward, "import", "--quiet", "--store", store] + paths[i:i + CHUNK])
        wall, rss, n = wall + w, max(rss, r), n + changed(out)
      total_wall, total_changed, peak = total_wall + wall, total_changed + n, max(peak, rss)
      figures[f"import_{STAGES[stage]}"] = {"files": len(paths), "seconds": wall, "records": n,
                                            "peak_rss_kib": rss}
      rows.append((f"import {STAGES[stage]} ({len(paths):,} files)",
                   f"{wall:.1f} s, {n:,} records, {n / wall:,.0f} records/s" if wall else "",
                   f"{rss / 1024:.0f} MB"))
    rows.append(("import, all stages", f"{total_wall:.1f} s, {total_changed:,} records, "
                 f"{total_changed / total_wall:,.0f} records/s", f"{peak / 1024:.0f} MB"))

    if shutil.which("sqlite3") and "import_metrics" in figures:
      ward_rate = figures["import_metrics"]["records"] / figures["import_metrics"]["seconds"]
      floor_rate = import_floor(store, args.work)
      figures["floor_metric_import_rows_per_s"] = floor_rate
      rows.append(("floor: `sqlite3 .import` of the same metric rows as CSV (same table, WAL)",
                   f"{floor_rate:,.0f} rows/s; ward's metrics stage = "
                   f"{ward_rate / floor_rate:.2f}× the floor", ""))

  first_wall, first_rss, out = timed([ward, "scan", "--store", store])
  figures["scan_first"] = {"seconds": first_wall, "peak_rss_kib": first_rss}
  rows.append(("scan, fresh store", f"{first_wall:.2f} s ({out.strip()})",
               f"{first_rss / 1024:.0f} MB"))
  walls, rsses = [], []
  for _ in range(args.runs):
    w, r, _ = timed([ward, "scan", "--store", store])
    walls.append(w)
    rsses.append(r)
  figures["scan_unchanged"] = {"seconds": walls, "peak_rss_kib": rsses}

  con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
  counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("tenants", "functions", "findings", "metrics", "costs", "alerts")}
  con.close()
  figures["counts"] = counts
  per10k = statistics.median(walls) / max(1, counts["functions"]) * 10_000
  rows.append((f"scan, nothing changed (median of {args.runs})",
               f"{median_range(walls)} s; {per10k:.2f} s per 10k functions",
               f"{statistics.median(rsses) / 1024:.0f} MB"))

  if shutil.which("sqlite3"):
    floor = []
    for _ in range(args.runs):
      started = time.monotonic()
      subprocess.run(["sqlite3", "-readonly", store,
                      "SELECT COUNT(*), SUM(invocations) FROM "
                      "(SELECT * FROM metrics ORDER BY function_id, hour)"],
                     check=True, stdout=subprocess.DEVNULL)
      floor.append(time.monotonic() - started)
    figures["floor_metric_read"] = floor
    rows.append(("floor: sqlite3 reads every metric row in key order",
                 f"{median_range(floor)} s; scan = "
                 f"{statistics.median(walls) / statistics.median(floor):.1f}× the floor", ""))

  size = sum(os.path.getsize(store + s) for s in ("", "-wal") if os.path.exists(store + s))
  figures["store_bytes"] = size
  rows.append(("store", f"{size / 2**20:,.0f} MiB; " + ", ".join(
    f"{k} {v:,}" for k, v in counts.items()), ""))
  figures["load_after"] = load()

  if args.json:
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
  print(f"ward: {ward}\nload average before: {figures['load_before']}, after: "
        f"{figures['load_after']} ({os.cpu_count()} cores)\n")
  print("| what | figure | peak RSS |\n|---|---|---|")
  for what, figure, rss in rows:
    print(f"| {what} | {figure} | {rss} |")
  return 0


if __name__ == "__main__":
  sys.exit(main())
