#!/usr/bin/env python3
"""Time `ward policy check` and `ward policy apply` on a store grown to N findings.

The store starts as a copy of a real Ward store (e.g. the demo store, `ward demo
--print-store`), and its `new` findings are copied --copies times with new ids (same
tenants, functions, rules and text), so the policy sees realistic rows at scale without an
hour of importing. Then, with the real binary:

  1. ward policy check   (the preview: the one decision query, nothing written)
  2. ward policy apply   (first apply: every change written, one audit batch)
  3. ward policy apply   (again: nothing changes)
  4. ward audit verify   (the chain and every finding's state still agree)

and prints one Markdown table. SYNTHETIC: the copied findings are duplicates, not scanner
output; say so next to any figure taken from here (docs/performance.md).

Usage: python3 scripts/policy-benchmark.py --ward .build/release/ward \
         --store "$(ward demo --print-store)" --policy demo-data/ward-policy.yaml \
         --copies 245 --work /tmp/ward-policy-bench
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time

COLUMNS = (
    "tenant_id, account, region, function_arn, resource, resource_type, category, severity, "
    "title, description, remediation, source, rule_id, evidence, first_seen, last_seen, "
    "state, state_by, state_at, version"
)


def grow(path: str, copies: int) -> int:
    """Adds `copies` copies of every `new` finding; returns the store's finding count."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(
        f"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO findings (id, {COLUMNS})
        SELECT f.id || '-x' || n.i, {COLUMNS} FROM findings f, n WHERE f.state = 'new'
        """,
        (copies,),
    )
    db.commit()
    count = db.execute("SELECT count(*) FROM findings").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return count


def timed(args: list[str]) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--ward", default=".build/release/ward")
    p.add_argument("--store", required=True, help="a Ward store to start from (copied)")
    p.add_argument("--policy", default="demo-data/ward-policy.yaml")
    p.add_argument("--copies", type=int, default=0, help="copies of each new finding to add")
    p.add_argument("--work", default="/tmp/ward-policy-bench")
    a = p.parse_args()

    os.makedirs(a.work, exist_ok=True)
    store = os.path.join(a.work, "posture.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    shutil.copyfile(a.store, store)
    started = time.monotonic()
    findings = grow(store, a.copies) if a.copies > 0 else sqlite3.connect(store).execute(
        "SELECT count(*) FROM findings").fetchone()[0]
    grow_s = time.monotonic() - started
    load = os.getloadavg()[0]
    rows = []
    for label, args in (
        ("policy check (preview)", [a.ward, "policy", "check", "--store", store, a.policy]),
        ("policy apply (first)", [a.ward, "policy", "apply", "--store", store, a.policy]),
        ("policy apply (again)", [a.ward, "policy", "apply", "--store", store, a.policy]),
        ("audit verify", [a.ward, "audit", "verify", "--store", store]),
    ):
        seconds, last = timed(args)
        rows.append((label, seconds, last))
    print(f"store: {findings:,} findings ({a.copies} copies of the new ones added in {grow_s:.1f} s); "
          f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    print()
    print("| command | wall | last line |")
    print("|---|---|---|")
    for label, seconds, last in rows:
        print(f"| {label} | {seconds:.2f} s | {last[-100:]} |")


if __name__ == "__main__":
    main()
