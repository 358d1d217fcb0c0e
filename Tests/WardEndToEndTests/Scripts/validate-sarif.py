#!/usr/bin/env python3
"""Checks `ward export --format sarif` output for what GitHub code scanning and other
SARIF consumers require of a SARIF 2.1.0 log: version and $schema; one run with
tool.driver.name and unique rule ids; every result with a message text, a ruleId whose
ruleIndex points at that rule, a level of none/note/warning/error, a physical location
with a relative artifact uri and startLine >= 1 (endLine >= startLine), a
security-severity between 0 and 10 on its rule, and partialFingerprints.
With SARIF_SCHEMA=PATH (the OASIS sarif-schema-2.1.0.json) the log is also validated
against the schema with jsonschema.

usage: validate-sarif.py FILE.sarif
Prints `ok: N results, M rules` and exits 0, or each problem and exits 1.
"""
import json
import os
import sys


def main():
    log = json.load(open(sys.argv[1], encoding="utf-8"))
    problems = []
    if log.get("version") != "2.1.0":
        problems.append(f"version {log.get('version')!r}")
    if "sarif" not in str(log.get("$schema", "")):
        problems.append("no SARIF $schema")
    runs = log.get("runs") or []
    if len(runs) != 1:
        problems.append(f"{len(runs)} runs")
    results = 0
    rules = 0
    for r, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            problems.append(f"runs[{r}]: no tool.driver.name")
        rule_list = driver.get("rules", [])
        rules += len(rule_list)
        ids = [rule.get("id") for rule in rule_list]
        if len(set(ids)) != len(ids):
            problems.append(f"runs[{r}]: duplicate rule ids")
        for k, rule in enumerate(rule_list):
            score = rule.get("properties", {}).get("security-severity")
            if score is not None and not 0 <= float(score) <= 10:
                problems.append(f"rules[{k}]: security-severity {score}")
        for i, res in enumerate(run.get("results", [])):
            results += 1
            where = f"runs[{r}].results[{i}]"
            if not res.get("message", {}).get("text"):
                problems.append(f"{where}: no message.text")
            index = res.get("ruleIndex")
            if index is None or not 0 <= index < len(rule_list) or ids[index] != res.get("ruleId"):
                problems.append(f"{where}: ruleIndex {index} does not name ruleId {res.get('ruleId')}")
            if res.get("level") not in ("none", "note", "warning", "error"):
                problems.append(f"{where}: level {res.get('level')!r}")
            if not res.get("partialFingerprints"):
                problems.append(f"{where}: no partialFingerprints")
            locations = res.get("locations") or []
            if not locations:
                problems.append(f"{where}: no location")
                continue
            physical = locations[0].get("physicalLocation", {})
            uri = physical.get("artifactLocation", {}).get("uri", "")
            if not uri or uri.startswith("/"):
                problems.append(f"{where}: artifact uri {uri!r}")
            region = physical.get("region", {})
            start = region.get("startLine")
            if start is not None and (start < 1 or region.get("endLine", start) < start):
                problems.append(f"{where}: lines {start}-{region.get('endLine')}")
    schema_path = os.environ.get("SARIF_SCHEMA")
    if schema_path:
        import jsonschema

        schema = json.load(open(schema_path, encoding="utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema)
        for e in validator.iter_errors(log):
            problems.append(f"schema: {list(e.path)}: {e.message[:200]}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"ok: {results} results, {rules} rules")


main()
