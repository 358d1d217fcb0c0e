#!/usr/bin/env python3
"""Validates `ward export --format ocsf` output against Prowler's own OCSF models
(py-ocsf-models, the pydantic classes Prowler writes its json-ocsf with): every object
must build a DetectionFinding, and be class 2004 with type 200401.

usage: validate-ocsf.py FILE.json   (a JSON array, or JSON Lines)
Prints `ok: N Detection Findings` and exits 0, or the first problem of each bad object
and exits 1. Exits 3 when py_ocsf_models is not importable (pip install py-ocsf-models).
"""
import json
import sys

try:
    from py_ocsf_models.events.findings.detection_finding import DetectionFinding
except ImportError as e:  # pragma: no cover
    print(f"py_ocsf_models is not available ({e}): pip install py-ocsf-models", file=sys.stderr)
    sys.exit(3)


def load(path):
    text = open(path, encoding="utf-8").read()
    stripped = text.lstrip()
    if stripped.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def main():
    items = load(sys.argv[1])
    problems = []
    for i, item in enumerate(items):
        try:
            DetectionFinding(**item)
        except Exception as e:  # pydantic.ValidationError, TypeError
            problems.append(f"[{i}]: {str(e).splitlines()[0]}: {str(e)[:400]}")
            continue
        if item.get("class_uid") != 2004 or item.get("type_uid") != 200401:
            problems.append(f"[{i}]: class_uid/type_uid {item.get('class_uid')}/{item.get('type_uid')}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"ok: {len(items)} Detection Findings")


main()
