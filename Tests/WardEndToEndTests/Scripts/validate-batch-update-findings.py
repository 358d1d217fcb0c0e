#!/usr/bin/env python3
"""Validates `ward export --format securityhub-updates` output (JSON Lines) against
botocore's service model for Security Hub's BatchUpdateFindings, the check the AWS CLI
makes before sending `--cli-input-json`, plus the enums (which botocore's validator leaves alone) and the limits the API documents and the model
does not carry: 1-100 FindingIdentifiers, Note.Text at most 512 UTF-16 units,
Note.UpdatedBy at most 128, both with a non-blank character.

usage: validate-batch-update-findings.py FILE.jsonl
Prints `ok: N requests, M finding ids` and exits 0, or each problem and exits 1.
Exits 3 when botocore is not importable.
"""
import json
import sys

try:
    import botocore.session
    from botocore.exceptions import ParamValidationError
    from botocore.validate import validate_parameters
except ImportError as e:  # pragma: no cover
    print(f"botocore is not available: {e}", file=sys.stderr)
    sys.exit(3)


def enum_problems(value, shape, path):
    """botocore's validator does not check enums: every string the model enumerates must
    be one of its values."""
    if shape.type_name == "structure" and isinstance(value, dict):
        for key, member in shape.members.items():
            if key in value:
                yield from enum_problems(value[key], member, f"{path}.{key}")
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            yield from enum_problems(item, shape.member, f"{path}[{i}]")
    elif shape.type_name == "string" and shape.enum and value not in shape.enum:
        yield f"{path} is {value!r}, not one of {', '.join(shape.enum)}"


def utf16_units(s):
    return len(s.encode("utf-16-le")) // 2


def main(path):
    model = botocore.session.get_session().get_service_model("securityhub")
    shape = model.operation_model("BatchUpdateFindings").input_shape
    problems, requests, ids = [], 0, 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            if not line.endswith("\n"):
                problems.append(f"{where}: the line does not end with a newline")
            try:
                body = json.loads(line)
            except ValueError as e:
                problems.append(f"{where}: not JSON: {e}")
                continue
            try:
                validate_parameters(body, shape)
            except ParamValidationError as e:
                problems.append(f"{where}: {e}")
            for p in enum_problems(body, shape, "$"):
                problems.append(f"{where}: {p}")
            requests += 1
            idents = body.get("FindingIdentifiers", [])
            ids += len(idents)
            if not 1 <= len(idents) <= 100:
                problems.append(f"{where}: {len(idents)} FindingIdentifiers (1-100 allowed)")
            pairs = [(i.get("Id"), i.get("ProductArn")) for i in idents]
            if len(set(pairs)) != len(pairs):
                problems.append(f"{where}: a finding is named twice")
            note = body.get("Note")
            if note is not None:
                for key, limit in (("Text", 512), ("UpdatedBy", 128)):
                    value = note.get(key, "")
                    if not 1 <= utf16_units(value) <= limit or not value.strip():
                        problems.append(
                            f"{where}: Note.{key} has {utf16_units(value)} UTF-16 units (1-{limit}, not blank)")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"ok: {requests} requests, {ids} finding ids")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
