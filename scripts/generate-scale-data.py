#!/usr/bin/env python3
"""Generate a SYNTHETIC scale tier for Ward: an Organization's worth of real-format input.

Writes the same shapes as scripts/collect-aws.sh, Security Hub and Prowler (see
docs/formats.md, "Directory layout and context"), at a chosen size:

  OUT/tenants.yaml                                     one tenant per account
  OUT/accounts/ACCOUNT/REGION/sts-get-caller-identity.json
  OUT/accounts/ACCOUNT/REGION/lambda-list-functions.json
  OUT/accounts/ACCOUNT/REGION/lambda-list-event-source-mappings.json
  OUT/accounts/ACCOUNT/REGION/logs-describe-log-groups.json
  OUT/accounts/ACCOUNT/REGION/functions/NAME/get-policy.json (+ url, concurrency, invoke config)
  OUT/accounts/ACCOUNT/REGION/metrics/NAME.json.gz     get-metric-data, hourly, --metric-days
  OUT/accounts/ACCOUNT/REGION/cost/get-cost-and-usage.json.gz               by service, --cost-days
  OUT/accounts/ACCOUNT/REGION/cost/get-cost-and-usage-by-function.json.gz   by Function tag
  OUT/securityhub/ACCOUNT-get-findings.json.gz
  OUT/prowler/prowler-output-ACCOUNT-20261128.ocsf.json.gz

Function names come from one shared pool, so the same name appears in many accounts (as in a
real Organization, where every account deploys the same services): they must stay distinct
functions, with their own metrics and cost. About --findings findings are written in total,
split evenly between Security Hub and Prowler, FAILED and PASSED mixed. A few functions per
account get planted anomalies (an error burst, a cost spike) so `ward scan` raises alerts.

Deterministic: the same arguments give byte-identical files (random.Random seeded per
account with a string; gzip with mtime 0 and no name; fixed key order).

Usage: python3 scripts/generate-scale-data.py --out /tmp/ward-scale [--accounts 1000]
         [--functions-per-account 50] [--findings 1000000] [--metric-days 14]
         [--cost-days 90] [--seed 1]
Python 3.11 standard library only. Everything is fake: account ids 8888xxxxxxxx, ARNs, values.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import sys

NOW = dt.datetime(2026, 11, 29, 0, 0, tzinfo=dt.timezone.utc)  # the newest hour of metrics
REGIONS = ("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2")
RUNTIMES = ("python3.12", "python3.13", "nodejs22.x", "nodejs20.x", "java21", "python3.8",
            "nodejs16.x", "go1.x", "provided.al2023")
APPS = ("orders", "billing", "catalog", "payments", "ledger", "search", "identity", "media",
        "shipping", "loyalty", "reports", "notify", "inventory", "pricing", "fraud", "audit",
        "profile", "session", "export", "import", "booking", "claims", "quotes", "tickets")
ROLES = ("api", "worker", "consumer", "resolver", "scheduler", "cache-warmer", "sms-sender",
         "pdf-renderer", "stream-consumer", "cleanup", "webhook", "authorizer", "ingest",
         "thumbnailer", "dispatcher", "sync", "validator", "exporter", "indexer", "poller")
NAME_POOL = tuple(f"{a}-{r}" for a in APPS for r in ROLES)  # 480 names, shared by every account

SH_CONTROLS = (
  ("Lambda.1", "Lambda function policies should prohibit public access", "CRITICAL"),
  ("Lambda.2", "Lambda functions should use supported runtimes", "MEDIUM"),
  ("Lambda.3", "Lambda functions should be in a VPC", "LOW"),
  ("Lambda.5", "VPC Lambda functions should operate in multiple Availability Zones", "MEDIUM"),
  ("Lambda.6", "Lambda functions should be tagged", "LOW"),
  ("Lambda.7", "Lambda functions should have AWS X-Ray active tracing enabled", "LOW"),
)
PROWLER_CHECKS = (
  ("awslambda_function_no_dead_letter_queue", "Lambda function has a Dead Letter Queue configured",
   "Medium", 3),
  ("awslambda_function_not_publicly_accessible",
   "Lambda function has a resource-based policy without public access", "Critical", 5),
  ("awslambda_function_url_public", "Lambda function URL is not publicly accessible", "High", 4),
  ("awslambda_function_using_supported_runtimes", "Lambda function uses a supported runtime",
   "Medium", 3),
  ("awslambda_function_no_secrets_in_variables",
   "Lambda function environment variables contain no secrets", "Critical", 5),
  ("awslambda_function_inside_vpc", "Lambda function is deployed inside a VPC", "Low", 2),
  ("awslambda_function_invoke_api_operations_cloudtrail_logging_enabled",
   "Lambda function invoke API operations are logged by CloudTrail", "Low", 2),
)


def rng_for(seed: int, *parts: object) -> random.Random:
  return random.Random(f"{seed}:" + ":".join(str(p) for p in parts))


def account_id(i: int) -> str:
  return f"8888{i:08d}"


def stamp(t: dt.datetime) -> str:
  return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def write(path: str, obj, gz: bool = False, text: str | None = None) -> None:
  os.makedirs(os.path.dirname(path), exist_ok=True)
  data = (text if text is not None else json.dumps(obj, separators=(",", ":")) + "\n").encode()
  if gz:
    with open(path, "wb") as raw:
      with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=1) as f:
        f.write(data)
  else:
    with open(path, "wb") as f:
      f.write(data)


class Fn:
  __slots__ = ("name", "arn", "account", "region", "runtime", "memory", "public", "url_auth",
               "secret", "vpc", "tracing", "rate", "anomaly", "role")

  def __init__(self, rng: random.Random, name: str, account: str, region: str):
    self.name = name
    self.account = account
    self.region = region
    self.arn = f"arn:aws:lambda:{region}:{account}:function:{name}"
    self.runtime = rng.choice(RUNTIMES)
    self.memory = rng.choice((128, 256, 512, 1024, 2048))
    self.public = rng.random() < 0.03
    self.url_auth = "NONE" if rng.random() < 0.04 else ("AWS_IAM" if rng.random() < 0.1 else None)
    self.secret = rng.random() < 0.05
    self.vpc = rng.random() < 0.5
    self.tracing = "Active" if rng.random() < 0.4 else "PassThrough"
    self.rate = rng.choice((0.2, 2.0, 20.0, 200.0))  # mean invocations per hour
    self.anomaly = rng.random() < 0.02
    self.role = f"arn:aws:iam::{account}:role/service-role/{name}-role"


def configuration(f: Fn) -> dict:
  env = {"LOG_LEVEL": "INFO", "STAGE": "prod"}
  if f.secret:
    env["DB_PASSWORD"] = "not-a-real-password-FAKEFAKE"
  out = {
    "FunctionName": f.name, "FunctionArn": f.arn, "Runtime": f.runtime, "Role": f.role,
    "Handler": "index.handler", "CodeSize": 1048576, "Description": f"{f.name} (synthetic)",
    "Timeout": 30, "MemorySize": f.memory, "LastModified": "2026-08-24T04:54:16.820+0000",
    "CodeSha256": "jfkee4FZ/TSg7TY/kMdffVdheIVJZ23B/S4/qPxezK8=", "Version": "$LATEST",
    "Environment": {"Variables": env}, "TracingConfig": {"Mode": f.tracing},
    "PackageType": "Zip", "Architectures": ["x86_64"], "EphemeralStorage": {"Size": 512},
    "LoggingConfig": {"LogFormat": "Text", "LogGroup": f"/aws/lambda/{f.name}"},
  }
  if f.vpc:
    out["VpcConfig"] = {"SubnetIds": ["subnet-0a", "subnet-0b"], "SecurityGroupIds": ["sg-0a"],
                        "VpcId": "vpc-0a", "Ipv6AllowedForDualStack": False}
  return out


def not_found(op: str) -> str:
  return (f"An error occurred (ResourceNotFoundException) when calling the {op} operation: "
          "The resource you requested does not exist.\n")


def write_function_aspects(d: str, f: Fn) -> None:
  base = os.path.join(d, "functions", f.name)
  if f.public:
    stmt = {"Sid": "public", "Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunction",
            "Resource": f.arn}
    policy = {"Version": "2012-10-17", "Id": "default", "Statement": [stmt]}
    write(f"{base}/get-policy.json",
          {"Policy": json.dumps(policy, separators=(",", ":")), "RevisionId": "r-1"})
  else:
    write(f"{base}/get-policy.json", None, text=not_found("GetPolicy"))
  if f.url_auth:
    write(f"{base}/get-function-url-config.json", {
      "FunctionUrl": f"https://{f.name}-{f.account}.lambda-url.{f.region}.on.aws/",
      "FunctionArn": f.arn, "AuthType": f.url_auth,
      "CreationTime": "2026-01-01T00:00:00.000Z", "LastModifiedTime": "2026-01-01T00:00:00.000Z",
      "InvokeMode": "BUFFERED"})
  else:
    write(f"{base}/get-function-url-config.json", None, text=not_found("GetFunctionUrlConfig"))
  write(f"{base}/get-function-concurrency.json", {})
  write(f"{base}/get-function-event-invoke-config.json", None,
        text=not_found("GetFunctionEventInvokeConfig"))


DIURNAL = tuple(0.4 + 0.6 * max(0.0, 1 - abs(h - 14) / 8) for h in range(24))


def metric_response(rng: random.Random, f: Fn, hours: int) -> dict:
  inv, err, p99, avg, mx, conc, cold = [], [], [], [], [], [], []
  stamps = []
  burst_from = hours - 6 if f.anomaly else hours + 1
  for h in range(hours - 1, -1, -1):  # newest first, as CloudWatch returns them
    t = NOW - dt.timedelta(hours=h)
    stamps.append(stamp(t))
    i = float(round(f.rate * DIURNAL[t.hour] * (0.8 + 0.4 * rng.random())))
    e = float(round(i * (0.5 if hours - h > burst_from else 0.002)))
    inv.append(i)
    err.append(e)
    d = 50 + 200 * rng.random()
    avg.append(round(d, 2))
    p99.append(round(d * 3, 2))
    mx.append(round(d * 3.5, 2))
    conc.append(float(max(1, round(i / 100))))
    cold.append(float(round(i * 0.02)))
  results = []
  for mid, metric, values in (
      ("invocations", "Invocations", inv), ("errors", "Errors", err),
      ("throttles", "Throttles", None), ("duration_avg", "Duration", avg),
      ("duration_p99", "Duration", p99), ("duration_max", "Duration", mx),
      ("concurrency_max", "ConcurrentExecutions", conc), ("cold_starts", "ColdStarts", cold)):
    ts, vs = [], []
    if values is not None:
      for s, v in zip(stamps, values):
        if v != 0:
          ts.append(s)
          vs.append(v)
    results.append({"Id": mid, "Label": f"{f.name} {metric}", "Timestamps": ts, "Values": vs,
                    "StatusCode": "Complete"})
  return {"MetricDataResults": results, "Messages": []}


def cost_response(account: str, days: list[dt.date], second: dict, groups_of_day) -> dict:
  results = []
  for d in days:
    results.append({
      "TimePeriod": {"Start": d.isoformat(), "End": (d + dt.timedelta(days=1)).isoformat()},
      "Total": {},
      "Groups": [{"Keys": [account, key], "Metrics": {"UnblendedCost": {
        "Amount": f"{amount:.10f}", "Unit": "USD"}}} for key, amount in groups_of_day(d)],
      "Estimated": False})
  definitions = [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}, second]
  return {"GroupDefinitions": definitions, "ResultsByTime": results,
          "DimensionValueAttributes": [{"Value": account, "Attributes": {"description": account}}]}


def securityhub_finding(f: Fn, control: tuple, failed: bool) -> dict:
  cid, title, sev = control
  fid = (f"arn:aws:securityhub:{f.region}:{f.account}:subscription/"
         f"aws-foundational-security-best-practices/v/1.0.0/{cid}/finding/{f.account}-{f.name}")
  label = sev if failed else "INFORMATIONAL"
  return {
    "SchemaVersion": "2018-10-08", "Id": fid,
    "ProductArn": f"arn:aws:securityhub:{f.region}::product/aws/securityhub",
    "GeneratorId": f"aws-foundational-security-best-practices/v/1.0.0/{cid}",
    "AwsAccountId": f.account,
    "Types": ["Software and Configuration Checks/Industry and Regulatory Standards/"
              "AWS-Foundational-Security-Best-Practices"],
    "FirstObservedAt": "2026-06-22T16:05:46.690Z", "LastObservedAt": "2026-11-28T15:50:06.004Z",
    "CreatedAt": "2026-06-22T16:05:46.690Z", "UpdatedAt": "2026-11-28T15:50:06.004Z",
    "Severity": {"Label": label, "Original": label},
    "Title": f"{cid} {title}", "Description": f"This control checks: {title}.",
    "Remediation": {"Recommendation": {
      "Text": "See the AWS Security Hub documentation.",
      "Url": f"https://docs.aws.amazon.com/console/securityhub/{cid}/remediation"}},
    "ProductFields": {"ControlId": cid},
    "Resources": [{"Type": "AwsLambdaFunction", "Id": f.arn, "Partition": "aws",
                   "Region": f.region}],
    "Compliance": {"Status": "FAILED" if failed else "PASSED", "SecurityControlId": cid},
    "WorkflowState": "NEW" if failed else "RESOLVED",
    "Workflow": {"Status": "NEW" if failed else "RESOLVED"}, "RecordState": "ACTIVE"}


def prowler_finding(f: Fn, check: tuple, failed: bool) -> dict:
  code, title, sev, sev_id = check
  status = "FAIL" if failed else "PASS"
  msg = f"Lambda function {f.name}: {title} ({status})."
  return {
    "message": msg,
    "metadata": {"event_code": code, "product": {"name": "Prowler", "uid": "prowler",
                 "vendor_name": "Prowler", "version": "5.46.0"},
                 "profiles": ["cloud", "datetime"], "tenant_uid": "", "version": "1.5.0"},
    "severity_id": sev_id, "severity": sev, "status": "New", "status_code": status,
    "status_detail": msg, "status_id": 1,
    "unmapped": {"categories": [], "compliance": {}, "provider_uid": f.account, "provider": "aws"},
    "activity_name": "Create", "activity_id": 1,
    "finding_info": {"created_time": 1795896060, "created_time_dt": "2026-11-28T20:01:00.000000",
                     "desc": title, "title": title, "types": [],
                     "uid": f"prowler-aws-{code}-{f.account}-{f.region}-{f.name}"},
    "resources": [{"cloud_partition": "aws", "region": f.region,
                   "group": {"name": "awslambda"}, "labels": [], "name": f.name,
                   "type": "AwsLambdaFunction", "uid": f.arn}],
    "category_name": "Findings", "category_uid": 2, "class_name": "Detection Finding",
    "class_uid": 2004,
    "cloud": {"account": {"name": f.account, "type": "AWS Account", "type_id": 10,
                          "uid": f.account, "labels": []},
              "provider": "aws", "region": f.region},
    "remediation": {"desc": f"Fix: {title}.", "references": []},
    "time": 1795896060, "time_dt": "2026-11-28T20:01:00.000000", "type_uid": 200401,
    "type_name": "Detection Finding: Create"}


def generate_account(args, index: int, counts: dict) -> str:
  account = account_id(index)
  rng = rng_for(args.seed, "account", index)
  region = REGIONS[index % len(REGIONS)]
  d = os.path.join(args.out, "accounts", account, region)
  names = rng.sample(NAME_POOL, min(args.functions_per_account, len(NAME_POOL)))
  names += [f"extra-{k:05d}" for k in range(args.functions_per_account - len(names))]
  fns = [Fn(rng_for(args.seed, "fn", account, n), n, account, region) for n in sorted(names)]
  if index % 5 == 1:  # every fifth account has at least one anomaly, so small tiers alert too
    fns[index % len(fns)].anomaly = True
  write(f"{d}/sts-get-caller-identity.json", {
    "UserId": f"AROA{account}:ward-collector", "Account": account,
    "Arn": f"arn:aws:sts::{account}:assumed-role/WardReadOnly/ward-collector"})
  write(f"{d}/lambda-list-functions.json", {"Functions": [configuration(f) for f in fns]})
  write(f"{d}/lambda-list-event-source-mappings.json", {"EventSourceMappings": []})
  write(f"{d}/logs-describe-log-groups.json", {"logGroups": [{
    "logGroupName": f"/aws/lambda/{f.name}", "creationTime": 1743813036747,
    "retentionInDays": 365, "metricFilterCount": 0,
    "arn": f"arn:aws:logs:{region}:{account}:log-group:/aws/lambda/{f.name}:*",
    "storedBytes": 1000, "logGroupClass": "STANDARD",
    "logGroupArn": f"arn:aws:logs:{region}:{account}:log-group:/aws/lambda/{f.name}"}
    for f in fns if not f.secret]})
  hours = args.metric_days * 24
  for f in fns:
    write_function_aspects(d, f)
    write(f"{d}/metrics/{f.name}.json.gz", metric_response(rng_for(args.seed, "m", f.arn), f, hours),
          gz=True)
  counts["functions"] += len(fns)
  counts["metric_hours"] += len(fns) * hours

  days = [NOW.date() - dt.timedelta(days=k) for k in range(args.cost_days, 0, -1)]
  # Per-function daily cost: steady, with a 20x spike on the last day for anomalous functions.
  base = {f.name: f.rate * 24 * f.memory / 1024 * 0.00002 + 0.01 for f in fns}

  def by_function(day: dt.date):
    spike = day == days[-1]
    return [(f"Function${f.name}", base[f.name] * (20 if spike and f.anomaly else 1)
             * (0.9 + 0.2 * ((hash_day(day) + i) % 7) / 7)) for i, f in enumerate(fns)]

  def by_service(day: dt.date):
    total = sum(a for _, a in by_function(day))
    return [("AWS Lambda", total), ("Amazon API Gateway", total * 0.4)]

  write(f"{d}/cost/get-cost-and-usage-by-function.json.gz",
        cost_response(account, days, {"Type": "TAG", "Key": "Function"}, by_function), gz=True)
  write(f"{d}/cost/get-cost-and-usage.json.gz",
        cost_response(account, days, {"Type": "DIMENSION", "Key": "SERVICE"}, by_service), gz=True)
  counts["function_cost_rows"] += len(fns) * len(days)

  # Findings: per function, `per_fn` of them, half Security Hub, half Prowler.
  total_fns = args.accounts * args.functions_per_account
  per_fn = max(0, round(args.findings / total_fns)) if total_fns else 0
  sh_n = min(len(SH_CONTROLS), (per_fn + 1) // 2)
  pr_n = min(len(PROWLER_CHECKS), per_fn - sh_n)
  sh, pr = [], []
  for f in fns:
    frng = rng_for(args.seed, "findings", f.arn)
    for c in SH_CONTROLS[:sh_n]:
      failed = frng.random() < 0.6
      counts["securityhub_failed"] += failed
      sh.append(securityhub_finding(f, c, failed))
    for c in PROWLER_CHECKS[:pr_n]:
      failed = frng.random() < 0.6
      counts["prowler_failed"] += failed
      pr.append(prowler_finding(f, c, failed))
  if sh:
    write(os.path.join(args.out, "securityhub", f"{account}-get-findings.json.gz"),
          {"Findings": sh}, gz=True)
  if pr:
    write(os.path.join(args.out, "prowler", f"prowler-output-{account}-20261128.ocsf.json.gz"),
          pr, gz=True)
  counts["securityhub"] += len(sh)
  counts["prowler"] += len(pr)
  return account


def hash_day(day: dt.date) -> int:
  return day.toordinal() * 2654435761 % 1000003


def main(argv=None) -> int:
  p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  p.add_argument("--out", required=True, help="output directory (created; must be empty)")
  p.add_argument("--accounts", type=int, default=1000)
  p.add_argument("--functions-per-account", type=int, default=50)
  p.add_argument("--findings", type=int, default=1_000_000, help="approximate total")
  p.add_argument("--metric-days", type=int, default=14)
  p.add_argument("--cost-days", type=int, default=90)
  p.add_argument("--seed", type=int, default=1)
  args = p.parse_args(argv)
  if args.accounts < 1 or args.accounts > 999_999 or args.functions_per_account < 1:
    p.error("--accounts and --functions-per-account must be at least 1")
  if os.path.exists(args.out) and os.listdir(args.out):
    p.error(f"{args.out} is not empty")
  counts = {"functions": 0, "metric_hours": 0, "function_cost_rows": 0, "securityhub": 0,
            "prowler": 0, "securityhub_failed": 0, "prowler_failed": 0}
  accounts = [generate_account(args, i, counts) for i in range(1, args.accounts + 1)]
  lines = ["# Ward scale tier (SYNTHETIC): one tenant per account.", "tenants:"]
  for a in accounts:
    lines += [f"  - name: tenant-{a[-6:]}", f'    accounts: ["{a}"]',
              '    labels: {tier: "scale"}']
  write(os.path.join(args.out, "tenants.yaml"), None, text="\n".join(lines) + "\n")
  json.dump(counts, sys.stdout, sort_keys=True)
  sys.stdout.write("\n")
  return 0


if __name__ == "__main__":
  sys.exit(main())
