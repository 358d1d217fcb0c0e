#!/usr/bin/env python3
"""Time `ward evidence` (write a pack) and `ward evidence verify` on a real store, and on
the same store grown until one tenant has about --decisions audit events in the period.

The store starts as a copy of a Ward store (e.g. the demo store, `ward demo
--print-store`). With --decisions, the tenant's `new` findings are copied with new ids
(SYNTHETIC duplicates: same functions, rules and text) until it has that many, and one
`ward triage --state acknowledged --tenant T --in-state new` writes one audit event per
finding (one batch). Then, --runs times each, with the real binary:

  1. ward evidence --tenant T --from D --to D PACK   (each run appends one audit event)
  2. ward evidence verify PACK

and prints one Markdown table of medians (with the range). Say SYNTHETIC next to any
figure taken from a grown store (docs/performance.md).

Usage: python3 scripts/evidence-benchmark.py --ward .build/release/ward \\
         --store "$(ward demo --print-store)" --tenant adventureworks-commerce \\
         --decisions 100000 --runs 3 --work /tmp/ward-evidence-bench
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

COLUMNS = (
    "tenant_id, account, region, function_arn, resource, resource_type, category, severity, "
    "title, description, remediation, source, rule_id, evidence, first_seen, last_seen, "
    "state, state_by, state_at, version"
)


def grow(path: str, tenant: str, decisions: int) -> int:
    """Copies the tenant's `new` findings until it has at least `decisions` of them;
    returns how many `new` findings it has."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    (tenant_id,) = db.execute("SELECT id FROM tenants WHERE name = ?", (tenant,)).fetchone()
    (base,) = db.execute(
        "SELECT count(*) FROM findings WHERE tenant_id = ? AND state = 'new'", (tenant_id,)
    ).fetchone()
    copies = max(0, -(-(decisions - base) // base))
    db.execute(
        f"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO findings (id, {COLUMNS})
        SELECT f.id || '-x' || n.i, {COLUMNS} FROM findings f, n
        WHERE f.tenant_id = ? AND f.state = 'new'
        """,
        (copies, tenant_id),
    )
    db.commit()
    (count,) = db.execute(
        "SELECT count(*) FROM findings WHERE tenant_id = ? AND state = 'new'", (tenant_id,)
    ).fetchone()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return count


def timed(args: list[str]) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    out = (done.stdout.strip() or done.stderr.strip()).splitlines()
    return elapsed, out[-1] if out else ""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--ward", default=".build/release/ward")
    p.add_argument("--store", required=True, help="a Ward store to start from (copied)")
    p.add_argument("--tenant", required=True)
    p.add_argument("--decisions", type=int, default=0, help="grow the tenant to this many")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--from", dest="start", help="first day (default: yesterday, UTC)")
    p.add_argument("--to", dest="end", help="last day (default: tomorrow, UTC)")
    p.add_argument("--work", default="/tmp/ward-evidence-bench")
    a = p.parse_args()

    os.makedirs(a.work, exist_ok=True)
    store = os.path.join(a.work, "posture.db")
    pack = os.path.join(a.work, "pack.tar.gz")
    for path in (store, store + "-wal", store + "-shm", pack):
        if os.path.exists(path):
            os.remove(path)
    shutil.copyfile(a.store, store)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    days = [(today - datetime.timedelta(days=1)).isoformat(),
            (today + datetime.timedelta(days=1)).isoformat()]
    days = [a.start or days[0], a.end or days[1]]
    note = ""
    if a.decisions > 0:
        count = grow(store, a.tenant, a.decisions)
        seconds, last = timed([
            a.ward, "triage", "--store", store, "--state", "acknowledged", "--tenant", a.tenant,
            "--in-state", "new", "--operator", "bench", "--note", "evidence benchmark",
        ])
        note = (f"grown to {count:,} new findings of {a.tenant} (SYNTHETIC copies), "
                f"triaged in {seconds:.1f} s: {last[-80:]}")
    load = os.getloadavg()[0]
    write_s, verify_s, lines = [], [], ("", "")
    for _ in range(a.runs):
        s, w = timed([a.ward, "evidence", "--store", store, "--tenant", a.tenant,
                      "--from", days[0], "--to", days[1], pack])
        write_s.append(s)
        s, v = timed([a.ward, "evidence", "verify", pack])
        verify_s.append(s)
        lines = (w, v)
    size = os.path.getsize(pack)
    if note:
        print(note)
    print(f"pack: {size / 1e6:.2f} MB; load average {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after; {a.runs} runs")
    print(f"  {lines[0][:160]}")
    print(f"  {lines[1][:160]}")
    print()
    print("| command | median | range |")
    print("|---|---|---|")
    for label, values in (("ward evidence (write)", write_s), ("ward evidence verify", verify_s)):
        print(f"| {label} | {statistics.median(values):.2f} s | "
              f"{min(values):.2f}–{max(values):.2f} s |")


if __name__ == "__main__":
    main()
