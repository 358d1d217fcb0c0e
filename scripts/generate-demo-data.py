#!/usr/bin/env python3
"""Generate Ward's SYNTHETIC demo dataset (demo-data/).

Everything written here is made up: the tenants, the 12-digit account ids (the fake range
9999 00xx xxxx, plus 9999 7777 0001 for an "external partner"), every ARN, every metric and
every "secret" (all clearly fake: ...EXAMPLE, FAKEFAKE, not-a-real-password). The files use
the exact shapes of the real tools' outputs (AWS CLI --output json, CloudWatch
get-metric-data, Cost Explorer get-cost-and-usage, Security Hub ASFF, Prowler JSON-OCSF,
Checkov JSON) so that `ward import demo-data/` exercises the same readers as real data.

Deterministic: the same --seed gives byte-identical files (gzip with mtime=0 and no file
name; JSON written in a fixed key order; floats rounded before they are written; random
numbers come from random.Random seeded per item with a string, never from hash()).

Usage: python3 scripts/generate-demo-data.py [--seed N] [--out DIR]
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import gzip
import hashlib
import json
import math
import os
import random
import shutil
import sys
import uuid
from dataclasses import dataclass, field

DEFAULT_SEED = 20261129
# The dataset's "now": its last hourly datapoint is the hour starting at NOW.
NOW = dt.datetime(2026, 11, 29, 0, 0, tzinfo=dt.timezone.utc)
HOURS = 720
START = NOW - dt.timedelta(hours=HOURS - 1)  # 2026-10-30T01:00Z, the oldest hour
COST_DAYS = 90
COST_END = NOW.date()  # exclusive End of the last daily period (2026-11-29)
COST_START = COST_END - dt.timedelta(days=COST_DAYS)  # 2026-08-31

PRICE_REQUEST = 0.20 / 1_000_000
PRICE_GBS = {"x86_64": 0.0000166667, "arm64": 0.0000133334}

PARTNER_ACCOUNT = "999977770001"  # an account outside every tenant (a "vendor")

# UTC offsets used for each region's diurnal cycle (local business hours).
REGION_TZ = {
  "us-east-1": -5, "us-east-2": -5, "us-west-2": -8, "eu-west-1": 0, "eu-central-1": 1,
  "ap-southeast-2": 11,
}
REGION_AZS = {
  "us-east-1": ["a", "b", "c", "d"], "us-east-2": ["a", "b", "c"], "us-west-2": ["a", "b", "c"],
  "eu-west-1": ["a", "b", "c"], "eu-central-1": ["a", "b", "c"], "ap-southeast-2": ["a", "b", "c"],
}

# ---------------------------------------------------------------------------------------------
# Tenants
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenantSpec:
  name: str
  company: str
  business_unit: str
  owner: str
  tier: str
  regions: tuple[str, ...]
  functions: int
  accounts: int
  domain: str
  weekend: float  # weekend traffic relative to weekdays


TENANTS = [
  TenantSpec("northwind-retail", "Northwind Traders", "Retail", "retail-platform", "gold",
             ("us-east-1", "us-west-2"), 56, 2, "retail", 0.85),
  TenantSpec("contoso-payments", "Contoso Ltd", "Payments", "payments-sre", "platinum",
             ("us-east-1", "eu-west-1", "eu-central-1"), 66, 2, "payments", 0.7),
  TenantSpec("fabrikam-logistics", "Fabrikam Inc", "Logistics", "fleet-engineering", "silver",
             ("eu-central-1", "eu-west-1"), 44, 1, "logistics", 0.45),
  TenantSpec("tailspin-media", "Tailspin Toys", "Media", "media-platform", "silver",
             ("us-west-2", "us-east-1"), 38, 1, "media", 1.2),
  TenantSpec("adventureworks-commerce", "Adventure Works", "Commerce", "storefront-team", "gold",
             ("us-east-1", "eu-west-1", "ap-southeast-2"), 60, 2, "retail", 0.9),
  TenantSpec("wingtip-ticketing", "Wingtip Toys", "Ticketing", "ticketing-ops", "bronze",
             ("us-east-1", "us-west-2"), 32, 1, "ticketing", 1.1),
  TenantSpec("litware-health", "Litware Inc", "Clinical", "clinical-apps", "platinum",
             ("us-east-1", "us-east-2"), 48, 2, "health", 0.4),
  TenantSpec("proseware-analytics", "Proseware Inc", "Analytics", "data-products", "silver",
             ("eu-west-1", "us-east-1"), 40, 1, "analytics", 0.5),
  TenantSpec("woodgrove-banking", "Woodgrove Bank", "Core Banking", "core-banking-cloud",
             "platinum", ("eu-west-1", "eu-central-1", "us-east-1"), 72, 2, "banking", 0.6),
  TenantSpec("fourthcoffee-loyalty", "Fourth Coffee", "Loyalty", "loyalty-apps", "bronze",
             ("us-west-2", "us-east-1"), 30, 1, "loyalty", 1.0),
  TenantSpec("alpine-ski-bookings", "Alpine Ski House", "Bookings", "bookings-dev", "bronze",
             ("eu-central-1", "eu-west-1"), 31, 1, "travel", 1.3),
  TenantSpec("margie-travel", "Margie's Travel", "Travel Platform", "travel-platform", "gold",
             ("us-east-1", "ap-southeast-2", "eu-west-1"), 52, 2, "travel", 1.05),
]


def account_id(tenant_index: int, account_index: int) -> str:
  """Fake 12-digit account ids: 9999 00TT 0A01 (TT tenant, A account)."""
  return f"999900{tenant_index + 1:02d}0{account_index + 1}01"


ACCOUNT_ENV = ["prod", "shared"]

# Application (prefix) names per business domain.
DOMAIN_APPS = {
  "retail": ["storefront", "checkout", "catalog", "inventory", "fulfilment"],
  "payments": ["payments", "ledger", "payouts", "fraud", "merchant"],
  "logistics": ["fleet", "routing", "shipment", "warehouse", "tracking"],
  "media": ["media", "stream", "content", "recs", "ads"],
  "ticketing": ["tickets", "events", "venue", "seatmap"],
  "health": ["claims", "patient", "records", "scheduling", "pharmacy"],
  "analytics": ["reports", "ingest", "warehouse", "dashboards"],
  "banking": ["accounts", "cards", "ledger", "kyc", "transfers", "statements"],
  "loyalty": ["loyalty", "rewards", "offers", "members"],
  "travel": ["bookings", "search", "pricing", "itinerary", "partners"],
}

# Function bases by trigger kind.
KIND_BASES = {
  "http": ["orders-api", "cart-api", "search-api", "graphql-resolver", "auth-callback",
           "payment-webhook", "profile-api", "session-api", "pricing-api", "quote-api",
           "status-api", "admin-api", "partner-webhook", "export-api"],
  "queue": ["order-processor", "email-sender", "invoice-generator", "notification-dispatcher",
            "fraud-scorer", "webhook-relay", "dlq-redrive", "reservation-worker",
            "sms-sender", "audit-writer"],
  "stream": ["clickstream-ingest", "cdc-replicator", "stream-consumer", "audit-log-shipper",
             "metrics-aggregator", "change-feed-indexer"],
  "s3": ["thumbnail-resizer", "pdf-renderer", "csv-importer", "image-moderation",
         "video-transcode-trigger", "document-ocr"],
  "timer": ["nightly-report", "cache-warmer", "cleanup-expired-sessions", "reconcile-batch",
            "token-rotator", "healthcheck-canary", "billing-rollup", "backup-verifier"],
}
KIND_WEIGHTS = [("http", 0.36), ("queue", 0.24), ("stream", 0.12), ("s3", 0.1), ("timer", 0.18)]

RUNTIME_WEIGHTS = [
  ("nodejs22.x", 14), ("nodejs20.x", 14), ("nodejs18.x", 7), ("python3.12", 14),
  ("python3.11", 10), ("python3.9", 5), ("python3.8", 4), ("java21", 5), ("java17", 4),
  ("java8", 1), ("dotnet8", 4), ("ruby3.3", 2), ("ruby3.2", 2), ("provided.al2023", 3),
  ("go1.x", 1), ("IMAGE", 5),
]
HANDLERS = {
  "nodejs": "index.handler", "python": "app.lambda_handler", "java": "com.example.Handler::handleRequest",
  "dotnet": "Function::Function.Handler::FunctionHandler", "ruby": "function.handler",
  "provided": "bootstrap", "go1.x": "main",
}

# Incident definitions (hours are UTC, end exclusive). Documented in README.md.
INCIDENTS = {
  "dow": dict(tenant="tailspin-media", function="media-preview-render",
              start=dt.datetime(2026, 11, 22, 2, tzinfo=dt.timezone.utc),
              end=dt.datetime(2026, 11, 22, 8, tzinfo=dt.timezone.utc), factor=80.0),
  "leaked-key": dict(tenant="fourthcoffee-loyalty", function="loyalty-points-sync",
                     start=dt.datetime(2026, 11, 25, 19, tzinfo=dt.timezone.utc),
                     end=dt.datetime(2026, 11, 25, 23, tzinfo=dt.timezone.utc), factor=14.0,
                     error_rate=0.42),
  "shared-layer": dict(tenant="contoso-payments", layer="shared-authz-toolkit", version=14,
                       consumers=["woodgrove-banking", "margie-travel"]),
  "throttle": dict(tenant="wingtip-ticketing", function="tickets-reservation-worker",
                   start=dt.datetime(2026, 11, 27, 14, tzinfo=dt.timezone.utc),
                   end=dt.datetime(2026, 11, 27, 18, tzinfo=dt.timezone.utc), factor=14.0,
                   reserved=10),
  "regression": dict(tenant="litware-health", function="claims-validator",
                     start=dt.datetime(2026, 11, 20, 9, tzinfo=dt.timezone.utc), factor=3.5,
                     last_modified="2026-11-20T09:14:27.311+0000"),
  "error-burst": dict(tenant="proseware-analytics", function="reports-export-api",
                      start=dt.datetime(2026, 11, 16, 13, tzinfo=dt.timezone.utc),
                      end=dt.datetime(2026, 11, 16, 16, tzinfo=dt.timezone.utc),
                      error_rate=0.35),
  "shared-role": dict(owner="northwind-retail", consumer="adventureworks-commerce",
                      role="platform-lambda-exec"),
}
# Planted functions: name -> (tenant, kind, runtime). Created first in their tenant.
PLANTED = {
  "media-preview-render": ("tailspin-media", "http", "nodejs20.x"),
  "loyalty-points-sync": ("fourthcoffee-loyalty", "queue", "python3.9"),
  "tickets-reservation-worker": ("wingtip-ticketing", "queue", "java17"),
  "claims-validator": ("litware-health", "http", "java21"),
  "reports-export-api": ("proseware-analytics", "http", "python3.12"),
}

# ---------------------------------------------------------------------------------------------
# Small deterministic helpers
# ---------------------------------------------------------------------------------------------


def rng_for(seed: int, *parts: object) -> random.Random:
  """A generator seeded from a string (Python seeds str deterministically via SHA-512)."""
  return random.Random(f"{seed}|" + "|".join(str(p) for p in parts))


def weighted(rng: random.Random, pairs) -> str:
  total = sum(w for _, w in pairs)
  x = rng.random() * total
  for value, w in pairs:
    x -= w
    if x < 0:
      return value
  return pairs[-1][0]


def poisson(rng: random.Random, lam: float) -> int:
  if lam <= 0:
    return 0
  if lam < 30:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
      p *= rng.random()
      if p <= limit:
        return k
      k += 1
  return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))


def fake_uuid(rng: random.Random) -> str:
  return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def hexid(rng: random.Random, n: int) -> str:
  return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng: random.Random, n: int, alphabet="abcdefghijklmnopqrstuvwxyz0123456789") -> str:
  return "".join(rng.choice(alphabet) for _ in range(n))


def iso_hour(t: dt.datetime) -> str:
  return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def lambda_time(t: dt.datetime, ms: int) -> str:
  return t.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}+0000"


def asff_time(t: dt.datetime, ms: int) -> str:
  return t.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}Z"


def money(x: float) -> str:
  return f"{x:.10f}"


# ---------------------------------------------------------------------------------------------
# Inventory model
# ---------------------------------------------------------------------------------------------


@dataclass
class Fn:
  tenant: str
  account: str
  region: str
  name: str
  app: str
  kind: str
  runtime: str  # "IMAGE" for container images
  arch: str
  memory: int
  timeout: int
  role: str
  layers: list[str] = field(default_factory=list)
  subnets: list[str] = field(default_factory=list)
  vpc_id: str = ""
  security_groups: list[str] = field(default_factory=list)
  tracing: str = "PassThrough"
  dlq: str | None = None
  kms: str | None = None
  reserved: int | None = None
  env: dict[str, str] = field(default_factory=dict)
  secrets: list[str] = field(default_factory=list)  # env var names holding fake secrets
  statements: list[dict] = field(default_factory=list)
  url: dict | None = None
  esms: list[dict] = field(default_factory=list)
  retention: int | None = None
  invoke_config: dict | None = None
  last_modified: str = ""
  code_size: int = 0
  # traffic model
  rate: float = 1.0  # mean invocations per hour
  timer_period: int = 0  # minutes between timer runs (0: not a timer); 1440 daily
  timer_hour: int = 0
  dur_median: float = 100.0  # ms
  dur_sigma: float = 0.5
  err_p: float = 0.001

  @property
  def arn(self) -> str:
    return f"arn:aws:lambda:{self.region}:{self.account}:function:{self.name}"


@dataclass
class Account:
  tenant: str
  account: str
  env: str
  regions: list[str]


def kms_arn(rng, region, account):
  return f"arn:aws:kms:{region}:{account}:key/{fake_uuid(rng)}"


def public_layers(region: str) -> list[tuple[str, int]]:
  """Layers published by AWS / vendors from their own accounts (cross-account by nature)."""
  return [
    (f"arn:aws:lambda:{region}:580247275435:layer:LambdaInsightsExtension:53", 1043561),
    (f"arn:aws:lambda:{region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-x86_64:7",
     4120873),
    (f"arn:aws:lambda:{region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:21", 2291754),
    (f"arn:aws:lambda:{region}:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12",
     1590110),
  ]


def build_inventory(seed: int):
  tenants_out, accounts, functions = [], [], []
  tenant_accounts: dict[str, list[str]] = {}
  for ti, spec in enumerate(TENANTS):
    ids = [account_id(ti, ai) for ai in range(spec.accounts)]
    tenant_accounts[spec.name] = ids
    for ai, acct in enumerate(ids):
      regions = list(spec.regions) if ai == 0 else list(spec.regions[:2])
      accounts.append(Account(spec.name, acct, ACCOUNT_ENV[ai], regions))
  shared_layer = INCIDENTS["shared-layer"]
  layer_owner = tenant_accounts[shared_layer["tenant"]][0]
  role_inc = INCIDENTS["shared-role"]
  shared_role_arn = f"arn:aws:iam::{tenant_accounts[role_inc['owner']][0]}:role/{role_inc['role']}"

  for ti, spec in enumerate(TENANTS):
    rng = rng_for(seed, "tenant", spec.name)
    tenants_out.append(spec)
    apps = DOMAIN_APPS[spec.domain]
    planted = [(n, k, r) for n, (t, k, r) in PLANTED.items() if t == spec.name]
    names: list[tuple[str, str, str, str | None]] = []  # name, app, kind, runtime
    used = set()
    for n, k, r in planted:
      names.append((n, n.split("-")[0], k, r))
      used.add(n)
    while len(names) < spec.functions:
      kind = weighted(rng, KIND_WEIGHTS)
      app = rng.choice(apps)
      base = rng.choice(KIND_BASES[kind])
      name = f"{app}-{base}"
      if name in used:
        continue
      used.add(name)
      names.append((name, app, kind, None))
    tenant_acct_objs = [a for a in accounts if a.tenant == spec.name]
    # Place functions: account 0 gets ~70 %, regions weighted to the first region.
    for idx, (name, app, kind, runtime) in enumerate(names):
      frng = rng_for(seed, "fn", spec.name, name)
      acct = tenant_acct_objs[0] if (len(tenant_acct_objs) == 1 or frng.random() < 0.7
                                     or runtime) else tenant_acct_objs[1]
      region = acct.regions[0] if (frng.random() < 0.55 or runtime) else frng.choice(acct.regions)
      functions.append(make_function(frng, spec, acct, region, name, app, kind, runtime,
                                     tenant_accounts))
  # Cross-tenant incidents in the inventory.
  by_tenant: dict[str, list[Fn]] = {}
  for f in functions:
    by_tenant.setdefault(f.tenant, []).append(f)
  # (c) one tenant's private layer used by two other tenants.
  for consumer in shared_layer["consumers"]:
    picks = [f for f in by_tenant[consumer] if f.runtime.startswith("nodejs")][:2]
    for f in picks:
      f.layers.append(f"arn:aws:lambda:{f.region}:{layer_owner}:layer:"
                      f"{shared_layer['layer']}:{shared_layer['version']}")
  for f in [f for f in by_tenant[shared_layer["tenant"]] if f.runtime.startswith("nodejs")][:3]:
    f.layers.append(f"arn:aws:lambda:{f.region}:{layer_owner}:layer:"
                    f"{shared_layer['layer']}:{shared_layer['version']}")
  # One execution role shared across two tenants.
  for f in [f for f in by_tenant[role_inc["consumer"]] if f.kind == "queue"][:2]:
    f.role = shared_role_arn
  for f in by_tenant[role_inc["owner"]][:3]:
    f.role = shared_role_arn if f.account == shared_role_arn.split(":")[4] else f.role
  apply_planted_config(functions, tenant_accounts)
  return tenants_out, accounts, functions, tenant_accounts


def make_function(rng, spec, acct, region, name, app, kind, runtime, tenant_accounts) -> Fn:
  a = acct.account
  runtime = runtime or weighted(rng, RUNTIME_WEIGHTS)
  arch = "arm64" if (runtime != "IMAGE" and not runtime.startswith(("java8", "go1.x"))
                     and rng.random() < 0.3) else "x86_64"
  memory = rng.choice([128, 256, 512, 512, 1024, 1024, 1536, 2048, 3008])
  if kind == "s3":
    memory = rng.choice([1024, 1536, 2048, 3008])
  if runtime.startswith("java"):
    memory = max(memory, 1024)
  timeout = {"http": rng.choice([6, 10, 15, 29, 30]), "queue": rng.choice([30, 60, 120, 300]),
             "stream": rng.choice([60, 120, 300]), "s3": rng.choice([60, 300, 900]),
             "timer": rng.choice([60, 300, 900])}[kind]
  if rng.random() < 0.55:
    role = f"arn:aws:iam::{a}:role/{app}-lambda-role"
  else:
    role = f"arn:aws:iam::{a}:role/service-role/{name}-role-{alnum(rng, 8)}"
  f = Fn(spec.name, a, region, name, app, kind, runtime, arch, memory, timeout, role)
  f.last_modified = lambda_time(dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
                                + dt.timedelta(seconds=rng.randrange(0, 600 * 86400)),
                                rng.randrange(1000))
  f.code_size = rng.randrange(2_000, 30_000_000) if runtime != "IMAGE" else 0
  # Layers: public (AWS/vendor) layers for some, the tenant's own for others.
  if runtime != "IMAGE":
    r = rng.random()
    pls = public_layers(region)
    if runtime.startswith("python") and r < 0.35:
      f.layers.append(pls[1][0])
    elif runtime.startswith("nodejs") and r < 0.3:
      f.layers.append(pls[2][0])
    if rng.random() < 0.12:
      f.layers.append(pls[0][0])
    if rng.random() < 0.08:
      f.layers.append(pls[3][0])
    if rng.random() < 0.15:
      f.layers.append(f"arn:aws:lambda:{region}:{a}:layer:{app}-common-deps:{rng.randrange(2, 40)}")
  # VPC: regulated domains more often.
  vpc_p = 0.55 if spec.domain in ("banking", "health", "payments") else 0.18
  if rng.random() < vpc_p:
    azs = REGION_AZS[region]
    n = 1 if rng.random() < 0.2 else rng.choice([2, 3])
    f.vpc_id = f"vpc-0{hexid(rng_for(0, 'vpc', a, region), 16)}"
    f.subnets = [f"subnet-0{hexid(rng_for(0, 'subnet', a, region, az), 16)}" for az in azs[:n]]
    f.security_groups = [f"sg-0{hexid(rng_for(0, 'sg', a, region, app), 16)}"]
  f.tracing = "Active" if rng.random() < (0.6 if spec.tier == "platinum" else 0.3) else "PassThrough"
  if kind in ("queue", "s3", "timer") and rng.random() < 0.35:
    f.dlq = f"arn:aws:sqs:{region}:{a}:{name}-dlq"
  if rng.random() < (0.6 if spec.tier == "platinum" else 0.2):
    f.kms = kms_arn(rng_for(0, "kms", a, region, app), region, a)
  # Environment variables: harmless configuration.
  env = {}
  if rng.random() < 0.88:
    env["LOG_LEVEL"] = rng.choice(["INFO", "INFO", "WARN", "DEBUG"])
    env["STAGE"] = "prod"
    env["POWERTOOLS_SERVICE_NAME"] = app
    if kind in ("http", "queue", "stream"):
      env["TABLE_NAME"] = f"{app}-{rng.choice(['orders', 'items', 'state', 'events'])}"
    if kind == "queue":
      env["QUEUE_URL"] = f"https://sqs.{region}.amazonaws.com/{a}/{name}-queue"
    if kind == "s3":
      env["OUTPUT_BUCKET"] = f"{spec.name}-{app}-output-{a[-4:]}"
    if rng.random() < 0.3:
      env["FEATURE_FLAGS"] = rng.choice(["new-pricing,fast-path", "beta-ui", "none"])
    if rng.random() < 0.25:
      env["SECRET_ARN"] = f"arn:aws:secretsmanager:{region}:{a}:secret:{app}/db-{alnum(rng, 6)}"
  f.env = env
  # Triggers -> resource policy, URL, event source mappings.
  if kind == "http":
    api = alnum(rng, 10)
    if rng.random() < 0.85:
      f.statements.append(stmt_service(rng, f, "apigateway.amazonaws.com",
                                       source_arn=f"arn:aws:execute-api:{region}:{a}:{api}/*/*/"
                                       f"{name.split('-', 1)[1]}"))
    if rng.random() < 0.16:
      auth = "NONE" if rng.random() < 0.5 else "AWS_IAM"
      set_url(rng, f, auth, cors_star=rng.random() < 0.5)
  elif kind == "s3":
    bucket = f"{spec.name}-{app}-uploads-{a[-4:]}"
    f.statements.append(stmt_service(rng, f, "s3.amazonaws.com",
                                     source_arn=f"arn:aws:s3:::{bucket}",
                                     source_account=a if rng.random() < 0.7 else None))
  elif kind == "timer":
    f.statements.append(stmt_service(rng, f, "events.amazonaws.com",
                                     source_arn=f"arn:aws:events:{region}:{a}:rule/{name}-schedule"))
  elif kind == "queue":
    src_queue = f"arn:aws:sqs:{region}:{a}:{name.replace('-worker', '').replace('-processor', '')}-queue"
    f.esms.append(esm_sqs(rng, f, src_queue))
    if rng.random() < 0.15:
      f.statements.append(stmt_service(rng, f, "sns.amazonaws.com",
                                       source_arn=f"arn:aws:sns:{region}:{a}:{app}-events"))
  elif kind == "stream":
    if rng.random() < 0.5:
      f.esms.append(esm_stream(rng, f, f"arn:aws:kinesis:{region}:{a}:stream/{app}-events"))
    else:
      table = f"{app}-{rng.choice(['orders', 'accounts', 'bookings', 'events'])}"
      f.esms.append(esm_stream(rng, f, f"arn:aws:dynamodb:{region}:{a}:table/{table}/stream/"
                               f"2026-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}T08:12:44.517"))
  if kind in ("queue", "s3", "timer") and rng.random() < 0.25:
    f.invoke_config = {
      "LastModified": 1760000000.0 + rng.randrange(0, 5_000_000) + rng.randrange(1000) / 1000,
      "FunctionArn": f.arn + ":$LATEST", "MaximumRetryAttempts": rng.choice([0, 1, 2]),
      "MaximumEventAgeInSeconds": rng.choice([3600, 21600, 21600]),
      "DestinationConfig": {"OnSuccess": {},
                            "OnFailure": {"Destination": f"arn:aws:sqs:{region}:{a}:{name}-failures"}}}
  f.retention = rng.choice([None, None, None, 7, 14, 30, 30, 90, 90, 365, 731])
  # Traffic model parameters (Shahrad et al. 2020: rates span ~8 orders of magnitude,
  # most functions are invoked less than once a minute).
  if kind == "timer":
    f.timer_period = rng.choice([5, 5, 15, 30, 60, 60, 1440, 1440])
    f.timer_hour = rng.randrange(24)
    f.rate = 60 / f.timer_period if f.timer_period < 1440 else 1 / 24
  else:
    mu = {"http": math.log(40), "queue": math.log(25), "stream": math.log(300),
          "s3": math.log(6)}[kind]
    f.rate = min(math.exp(rng.gauss(mu, 2.1)), 250_000.0)
  med = {"http": 70, "queue": 250, "stream": 120, "s3": 1400, "timer": 3500}[kind]
  f.dur_median = med * math.exp(rng.gauss(0, 0.6))
  if runtime.startswith("java") or runtime.startswith("dotnet"):
    f.dur_median *= 1.5
  if runtime in ("provided.al2023", "go1.x"):
    f.dur_median *= 0.5
  f.dur_median = min(f.dur_median, f.timeout * 1000 / 12)
  f.dur_sigma = rng.uniform(0.3, 0.75)
  f.err_p = min(0.01, math.exp(rng.gauss(math.log(0.0015), 0.9)))
  # Reserved concurrency for some, always well above the normal peak.
  if rng.random() < 0.18:
    peak = peak_concurrency(f)
    f.reserved = max(rng.choice([5, 10, 20, 50, 100, 200]), int(math.ceil(peak * 4 / 5.0)) * 5)
  return f


def peak_concurrency(f: Fn) -> float:
  mean_ms = f.dur_median * math.exp(f.dur_sigma ** 2 / 2)
  mean_c = f.rate * 2.4 * mean_ms / 3.6e6
  return mean_c + 3 * math.sqrt(mean_c) + 1


def stmt_service(rng, f: Fn, service: str, source_arn=None, source_account=None) -> dict:
  s = {"Sid": f"{service.split('.')[0]}-invoke-{hexid(rng, 8)}", "Effect": "Allow",
       "Principal": {"Service": service}, "Action": "lambda:InvokeFunction", "Resource": f.arn}
  cond = {}
  if source_account:
    cond["StringEquals"] = {"AWS:SourceAccount": source_account}
  if source_arn:
    cond["ArnLike"] = {"AWS:SourceArn": source_arn}
  if cond:
    s["Condition"] = cond
  return s


def set_url(rng, f: Fn, auth: str, cors_star: bool) -> None:
  url = {"FunctionUrl": f"https://{alnum(rng, 32)}.lambda-url.{f.region}.on.aws/",
         "FunctionArn": f.arn, "AuthType": auth}
  if cors_star:
    url["Cors"] = {"AllowCredentials": False, "AllowHeaders": ["content-type"],
                   "AllowMethods": ["*"], "AllowOrigins": ["*"], "MaxAge": 300}
  else:
    url["Cors"] = {"AllowCredentials": False, "AllowMethods": ["GET", "POST"],
                   "AllowOrigins": [f"https://www.{f.tenant}.example"], "MaxAge": 300}
  url["CreationTime"] = "2026-0{}-{:02d}T10:{:02d}:{:02d}.{:06d}Z".format(
    rng.randrange(1, 10), rng.randrange(1, 28), rng.randrange(60), rng.randrange(60),
    rng.randrange(1_000_000))
  url["LastModifiedTime"] = url["CreationTime"]
  url["InvokeMode"] = "BUFFERED"
  f.url = url
  if auth == "NONE":
    f.statements.append({"Sid": "FunctionURLAllowPublicAccess", "Effect": "Allow", "Principal": "*",
                         "Action": "lambda:InvokeFunctionUrl", "Resource": f.arn,
                         "Condition": {"StringEquals": {"lambda:FunctionUrlAuthType": "NONE"}}})


def esm_sqs(rng, f: Fn, queue_arn: str) -> dict:
  u = fake_uuid(rng)
  return {"UUID": u, "BatchSize": rng.choice([1, 5, 10, 10]), "MaximumBatchingWindowInSeconds": 0,
          "EventSourceArn": queue_arn, "FunctionArn": f.arn,
          "LastModified": 1750000000.0 + rng.randrange(0, 8_000_000) + rng.randrange(1000) / 1000,
          "State": "Enabled", "StateTransitionReason": "USER_INITIATED",
          "FunctionResponseTypes": ["ReportBatchItemFailures"] if rng.random() < 0.5 else [],
          "EventSourceMappingArn": f"arn:aws:lambda:{f.region}:{f.account}:event-source-mapping:{u}"}


def esm_stream(rng, f: Fn, stream_arn: str) -> dict:
  u = fake_uuid(rng)
  return {"UUID": u, "StartingPosition": rng.choice(["LATEST", "TRIM_HORIZON"]),
          "BatchSize": rng.choice([100, 100, 500]), "MaximumBatchingWindowInSeconds": 0,
          "ParallelizationFactor": 1, "EventSourceArn": stream_arn, "FunctionArn": f.arn,
          "LastModified": 1750000000.0 + rng.randrange(0, 8_000_000) + rng.randrange(1000) / 1000,
          "LastProcessingResult": "OK", "State": "Enabled",
          "StateTransitionReason": "User action", "DestinationConfig": {"OnFailure": {}},
          "MaximumRecordAgeInSeconds": -1, "BisectBatchOnFunctionError": False,
          "MaximumRetryAttempts": -1, "TumblingWindowInSeconds": 0, "FunctionResponseTypes": [],
          "EventSourceMappingArn": f"arn:aws:lambda:{f.region}:{f.account}:event-source-mapping:{u}"}


FAKE_AKIA = "AKIAWARDDEMO2EXAMPLE"
FAKE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWARDDEMOEXAMPLEKEY"
FAKE_PEM = ("-----BEGIN RSA PRIVATE KEY-----\nFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE"
            "FAKEFAKE\nTHISISNOTAREALKEYITISWARDDEMODATAFAKEFAKEFAKEFAKEFAKEFAKE\n"
            "-----END RSA PRIVATE KEY-----")


def fake_jwt() -> str:
  def b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")
  return (b64({"alg": "HS256", "typ": "JWT"}) + "." +
          b64({"sub": "ward-demo", "note": "FAKE token, Ward demo data", "iat": 1767225600}) +
          ".ZmFrZS1zaWduYXR1cmUtd2FyZC1kZW1v")


def apply_planted_config(functions: list[Fn], tenant_accounts) -> None:
  """Make the planted story functions look the way their incidents need."""
  by_name = {(f.tenant, f.name): f for f in functions}
  by_tenant: dict[str, list[Fn]] = {}
  for f in functions:
    by_tenant.setdefault(f.tenant, []).append(f)
  rng = random.Random("planted")
  # (a) Denial of wallet: public URL, CORS *, no reserved concurrency, moderate normal traffic.
  f = by_name[("tailspin-media", "media-preview-render")]
  f.statements = []
  set_url(rng, f, "NONE", cors_star=True)
  f.reserved, f.memory, f.timeout, f.arch = None, 2048, 30, "x86_64"
  f.rate, f.dur_median, f.dur_sigma, f.err_p = 520.0, 900.0, 0.45, 0.0015
  f.env = {"LOG_LEVEL": "INFO", "STAGE": "prod", "RENDER_BUCKET": "tailspin-media-previews-4401"}
  # (b) Leaked key: AKIA... env var; normal rate low.
  f = by_name[("fourthcoffee-loyalty", "loyalty-points-sync")]
  f.env = {"LOG_LEVEL": "INFO", "STAGE": "prod", "AWS_ACCESS_KEY_ID": FAKE_AKIA,
           "AWS_SECRET_ACCESS_KEY": FAKE_SECRET, "POINTS_TABLE": "loyalty-points"}
  f.secrets = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
  f.kms, f.rate, f.dur_median, f.err_p = None, 45.0, 180.0, 0.002
  # (d) Throttling storm: SQS consumer with reserved concurrency 10.
  f = by_name[("wingtip-ticketing", "tickets-reservation-worker")]
  f.reserved, f.rate, f.dur_median, f.dur_sigma, f.memory = 10, 1800.0, 900.0, 0.35, 1024
  # (e) Duration regression after a deploy.
  f = by_name[("litware-health", "claims-validator")]
  f.last_modified = INCIDENTS["regression"]["last_modified"]
  f.rate, f.dur_median, f.dur_sigma, f.timeout, f.memory = 2400.0, 110.0, 0.4, 30, 1536
  # (f) Error burst.
  f = by_name[("proseware-analytics", "reports-export-api")]
  f.rate, f.dur_median, f.err_p = 900.0, 240.0, 0.001
  # Other fake secrets (inventory only).
  plants = [
    ("northwind-retail", "DATABASE_URL", "postgres://app:not-a-real-password@orders-db.demo.invalid:5432/orders"),
    ("contoso-payments", "SIGNING_KEY_PEM", FAKE_PEM),
    ("margie-travel", "PARTNER_API_TOKEN", fake_jwt()),
    ("alpine-ski-bookings", "DB_PASSWORD", "not-a-real-password"),
    ("tailspin-media", "AWS_ACCESS_KEY_ID", "AKIAWARDDEMO7EXAMPLE"),
    ("woodgrove-banking", "SESSION_JWT", fake_jwt()),
  ]
  for tenant, var, value in plants:
    cands = [g for g in by_tenant[tenant] if g.env and g.name not in PLANTED]
    g = cands[len(cands) // 3]
    g.env[var] = value
    g.secrets.append(var)
  # Public resource policies (Principal "*") and cross-account principals.
  pub = [("northwind-retail", 5), ("margie-travel", 7), ("alpine-ski-bookings", 2)]
  for tenant, k in pub:
    cands = [g for g in by_tenant[tenant] if g.kind == "http" and g.name not in PLANTED]
    g = cands[k % len(cands)]
    g.statements.append({"Sid": "PublicInvoke", "Effect": "Allow", "Principal": "*",
                         "Action": "lambda:InvokeFunction", "Resource": g.arn})
    # A search API over a database, reachable by anyone: the event-injection shape.
    g.env.setdefault("DB_HOST", f"{g.app}-db.demo.invalid")
    g.env.setdefault("DB_NAME", g.app.replace("-", "_"))
  xacct = [("contoso-payments", "woodgrove-banking"), ("margie-travel", None),
           ("fabrikam-logistics", None), ("litware-health", "proseware-analytics")]
  for tenant, other in xacct:
    cands = [g for g in by_tenant[tenant] if g.kind in ("http", "queue") and g.name not in PLANTED]
    g = cands[1 % len(cands)]
    principal = tenant_accounts[other][0] if other else PARTNER_ACCOUNT
    g.statements.append({"Sid": f"xacct-{principal[-4:]}", "Effect": "Allow",
                         "Principal": {"AWS": f"arn:aws:iam::{principal}:root"},
                         "Action": "lambda:InvokeFunction", "Resource": g.arn})
  # SNS invoke without a source condition (confused deputy) on a few.
  for tenant in ("fabrikam-logistics", "adventureworks-commerce"):
    g = [g for g in by_tenant[tenant] if g.kind == "queue" and g.name not in PLANTED][0]
    g.statements.append({"Sid": "sns-invoke", "Effect": "Allow",
                         "Principal": {"Service": "sns.amazonaws.com"},
                         "Action": "lambda:InvokeFunction", "Resource": g.arn})
  # Event sources in accounts outside the tenant.
  for tenant, other in (("adventureworks-commerce", "northwind-retail"), ("margie-travel", None),
                        ("proseware-analytics", "woodgrove-banking")):
    g = [g for g in by_tenant[tenant] if g.kind in ("queue", "stream") and g.name not in PLANTED][0]
    src = tenant_accounts[other][0] if other else PARTNER_ACCOUNT
    g.esms.append(esm_sqs(rng, g, f"arn:aws:sqs:{g.region}:{src}:{g.app}-shared-feed"))
  # A few more public URLs (AuthType NONE) with reserved concurrency (safer variant).
  for tenant in ("adventureworks-commerce", "wingtip-ticketing"):
    g = [g for g in by_tenant[tenant] if g.kind == "http" and g.url is None and g.name not in PLANTED][0]
    set_url(rng, g, "NONE", cors_star=tenant == "wingtip-ticketing")
    g.reserved = max(g.reserved or 0, 50, int(math.ceil(peak_concurrency(g) * 4 / 5.0)) * 5)
  # A few hot functions: thousands of calls per minute (clamped to plausible concurrency).
  hot = [("contoso-payments", 1), ("northwind-retail", 2), ("adventureworks-commerce", 0),
         ("woodgrove-banking", 3), ("tailspin-media", 4)]
  for tenant, k in hot:
    cands = [g for g in by_tenant[tenant] if g.kind in ("http", "stream") and g.name not in PLANTED]
    g = cands[k % len(cands)]
    g.rate = [90_000.0, 150_000.0, 240_000.0, 60_000.0, 120_000.0][k]
    g.dur_median = min(g.dur_median, 60.0)
    if g.reserved is not None:
      g.reserved = int(math.ceil(peak_concurrency(g) * 4 / 50.0)) * 50


# ---------------------------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------------------------

HOUR_TIMES = [START + dt.timedelta(hours=h) for h in range(HOURS)]
HOUR_STAMPS = [iso_hour(t) for t in HOUR_TIMES]


def in_window(t, inc) -> bool:
  return inc["start"] <= t < inc.get("end", NOW + dt.timedelta(hours=1))


def diurnal(kind: str, local_hour: float) -> float:
  amp = {"http": 0.75, "queue": 0.5, "stream": 0.45, "s3": 0.6}.get(kind, 0.0)
  return 1 + amp * math.cos(2 * math.pi * (local_hour - 14.5) / 24)


def simulate(seed: int, f: Fn, weekend_factor: float) -> dict[str, list[float]]:
  """Hourly series for one function over the 720-hour window (index 0 = oldest)."""
  rng = rng_for(seed, "metrics", f.account, f.region, f.name)
  tz = REGION_TZ[f.region]
  inv = [0.0] * HOURS
  # Day-level wobble and occasional mild bursts (normal noise, not anomalies).
  day_noise = [math.exp(rng.gauss(0, 0.08)) for _ in range(32)]
  bursts = {}
  if f.kind in ("http", "s3") and f.name not in PLANTED:
    for _ in range(poisson(rng, 1.2)):
      h0 = rng.randrange(HOURS)
      k = rng.uniform(1.4, 2.2)
      for h in range(h0, min(HOURS, h0 + rng.choice([1, 2]))):
        bursts[h] = k
  for h, t in enumerate(HOUR_TIMES):
    local = t + dt.timedelta(hours=tz)
    if f.timer_period:
      if f.timer_period >= 1440:
        inv[h] = 1.0 if local.hour == f.timer_hour else 0.0
      else:
        inv[h] = 60.0 / f.timer_period
        if rng.random() < 0.01:
          inv[h] += 1  # an occasional retry
      continue
    weekend = local.weekday() >= 5
    lam = f.rate * diurnal(f.kind, local.hour) * (weekend_factor if weekend else 1.0)
    lam *= day_noise[(t - START).days] * math.exp(rng.gauss(0, 0.1)) * bursts.get(h, 1.0)
    inv[h] = lam  # expected demand, sampled below
  # Incidents that change demand.
  dur_mult = [1.0] * HOURS
  err_rate = [None] * HOURS
  for key, inc in INCIDENTS.items():
    if inc.get("function") != f.name or inc.get("tenant") != f.tenant:
      continue
    for h, t in enumerate(HOUR_TIMES):
      if not in_window(t, inc):
        continue
      if key == "dow":
        ramp = [0.6, 0.9, 1.0, 1.1, 1.0, 0.8][int((t - inc["start"]).total_seconds() // 3600)]
        inv[h] = f.rate * inc["factor"] * ramp * math.exp(rng.gauss(0, 0.05))
        dur_mult[h] = 1.15
      elif key == "leaked-key":
        inv[h] = f.rate * inc["factor"] * math.exp(rng.gauss(0, 0.1))
        err_rate[h] = inc["error_rate"]
      elif key == "throttle":
        inv[h] *= inc["factor"]
      elif key == "regression":
        dur_mult[h] = inc["factor"]
      elif key == "error-burst":
        err_rate[h] = inc["error_rate"]
  out = {k: [0.0] * HOURS for k in ("invocations", "errors", "throttles", "duration_avg",
                                    "duration_p99", "duration_max", "concurrency_max",
                                    "cold_starts")}
  s = f.dur_sigma
  prev_conc = 0
  tmax = f.timeout * 1000.0
  for h in range(HOURS):
    demand = inv[h] if f.timer_period else poisson(rng, inv[h])
    if demand <= 0:
      prev_conc = 0
      continue
    med = f.dur_median * dur_mult[h] * math.exp(rng.gauss(0, 0.03))
    mean_ms = med * math.exp(s * s / 2)
    n = demand
    throttles = 0
    if f.reserved is not None:
      capacity = f.reserved * 3.6e6 / mean_ms * 0.85
      peak_conc = (n * mean_ms / 3.6e6) * 1.6 + 2 * math.sqrt(n * mean_ms / 3.6e6)
      if peak_conc > f.reserved:
        served = min(n, capacity) if n > capacity else n * f.reserved / peak_conc * 1.0
        served = max(1, int(min(n, served)))
        throttles = int((n - served) * 1.6) + poisson(rng, 3)
        n = served
    n = int(n)
    # Durations: exact samples for small n, lognormal statistics for large n.
    if n <= 6:
      samples = sorted(min(tmax, med * math.exp(rng.gauss(0, s))) for _ in range(n))
      avg = sum(samples) / n
      p99 = samples[min(n - 1, int(math.ceil(0.99 * n)) - 1)]
      mx = samples[-1]
    else:
      sd = mean_ms * math.sqrt(math.exp(s * s) - 1) / math.sqrt(n)
      avg = max(med * 0.5, rng.gauss(mean_ms, sd))
      zmax = math.sqrt(2 * math.log(n))
      p99 = med * math.exp(min(2.326, zmax * 0.9) * s) * math.exp(rng.gauss(0, 0.04 + 1 / math.sqrt(n)))
      mx = med * math.exp(s * zmax) * math.exp(abs(rng.gauss(0, 0.15)))
      p99 = max(p99, avg * 1.05)
      mx = max(mx, p99 * 1.02)
      avg, p99, mx = min(avg, tmax), min(p99, tmax), min(mx, tmax)
    mean_c = n * avg / 3.6e6
    conc = max(1, int(math.ceil(mean_c * 1.3 + 2.5 * math.sqrt(mean_c) + rng.random())))
    if f.reserved is not None:
      conc = min(conc, f.reserved)
      if throttles:
        conc = f.reserved
    # Errors.
    p = err_rate[h] if err_rate[h] is not None else f.err_p
    errors = min(n, poisson(rng, n * p))
    # Cold starts: idle gaps for sparse functions, scale-out and recycling for busy ones.
    per_min = n / 60.0
    keep_alive = 7.0
    if f.timer_period:
      gap_cold = n if f.timer_period > keep_alive else (1 if rng.random() < 0.08 else 0)
      cold = gap_cold
    else:
      cold_exp = n * math.exp(-per_min * keep_alive) + max(0, conc - prev_conc) + mean_c * 0.25
      cold = min(n, poisson(rng, cold_exp))
    prev_conc = conc
    out["invocations"][h] = float(n)
    out["errors"][h] = float(errors)
    out["throttles"][h] = float(throttles)
    out["duration_avg"][h] = round(avg, 2)
    out["duration_p99"][h] = round(p99, 2)
    out["duration_max"][h] = round(mx, 2)
    out["concurrency_max"][h] = float(conc)
    out["cold_starts"][h] = float(cold)
  return out


METRIC_QUERIES = [
  ("invocations", "Invocations"), ("errors", "Errors"), ("throttles", "Throttles"),
  ("duration_avg", "Duration"), ("duration_p99", "Duration"), ("duration_max", "Duration"),
  ("concurrency_max", "ConcurrentExecutions"), ("cold_starts", "ColdStarts"),
]


def metric_response(f: Fn, series: dict[str, list[float]]) -> dict:
  results = []
  for mid, metric in METRIC_QUERIES:
    values = series[mid]
    ts, vs = [], []
    for h in range(HOURS - 1, -1, -1):  # newest first
      if values[h] != 0:
        ts.append(HOUR_STAMPS[h])
        vs.append(values[h])
    results.append({"Id": mid, "Label": f"{f.name} {metric}", "Timestamps": ts, "Values": vs,
                    "StatusCode": "Complete"})
  return {"MetricDataResults": results, "Messages": []}


# ---------------------------------------------------------------------------------------------
# Inventory responses (AWS CLI shapes)
# ---------------------------------------------------------------------------------------------


def function_configuration(f: Fn) -> dict:
  c: dict = {"FunctionName": f.name, "FunctionArn": f.arn}
  if f.runtime != "IMAGE":
    c["Runtime"] = f.runtime
  c["Role"] = f.role
  if f.runtime != "IMAGE":
    c["Handler"] = HANDLERS.get(f.runtime if f.runtime == "go1.x" else
                                f.runtime.rstrip("0123456789.x").replace("provided.al", "provided"),
                                "index.handler")
  c["CodeSize"] = f.code_size
  c["Description"] = f"{f.app} {f.kind} function ({f.tenant})"
  c["Timeout"] = f.timeout
  c["MemorySize"] = f.memory
  c["LastModified"] = f.last_modified
  c["CodeSha256"] = base64.b64encode(hashlib.sha256(f"{f.arn}|{f.last_modified}".encode()).digest()).decode()
  c["Version"] = "$LATEST"
  c["VpcConfig"] = {"SubnetIds": list(f.subnets), "SecurityGroupIds": list(f.security_groups),
                    "VpcId": f.vpc_id, "Ipv6AllowedForDualStack": False}
  if f.dlq:
    c["DeadLetterConfig"] = {"TargetArn": f.dlq}
  if f.env:
    c["Environment"] = {"Variables": dict(f.env)}
  if f.kms:
    c["KMSKeyArn"] = f.kms
  c["TracingConfig"] = {"Mode": f.tracing}
  c["RevisionId"] = fake_uuid(random.Random(f"rev|{f.arn}|{f.last_modified}"))
  if f.layers:
    c["Layers"] = [{"Arn": arn, "CodeSize": 100_000 + int(hashlib.sha256(arn.encode()).hexdigest()[:6], 16)}
                   for arn in f.layers]
  c["PackageType"] = "Image" if f.runtime == "IMAGE" else "Zip"
  c["Architectures"] = [f.arch]
  c["EphemeralStorage"] = {"Size": 512}
  c["SnapStart"] = {"ApplyOn": "None", "OptimizationStatus": "Off"}
  c["LoggingConfig"] = {"LogFormat": "Text", "LogGroup": f"/aws/lambda/{f.name}"}
  return c


def not_found(operation: str, message: str) -> str:
  return (f"An error occurred (ResourceNotFoundException) when calling the {operation} "
          f"operation: {message}\n")


def policy_response(f: Fn) -> dict:
  doc = {"Version": "2012-10-17", "Id": "default", "Statement": f.statements}
  return {"Policy": json.dumps(doc, separators=(",", ":")),
          "RevisionId": fake_uuid(random.Random(f"pol|{f.arn}"))}


# ---------------------------------------------------------------------------------------------
# Output helpers
# ---------------------------------------------------------------------------------------------


class Writer:
  def __init__(self, root: str):
    self.root = root
    self.count = 0

  def _path(self, rel: str) -> str:
    path = os.path.join(self.root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path

  def text(self, rel: str, text: str) -> None:
    with open(self._path(rel), "w", encoding="utf-8", newline="\n") as fh:
      fh.write(text)
    self.count += 1

  def json(self, rel: str, obj, compress=False) -> None:
    """Small files: indented like the AWS CLI. Compressed (large) files: compact JSON, which
    the C encoder writes fast; the content is the same."""
    if compress:
      text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False) + "\n"
    else:
      text = json.dumps(obj, indent=4, ensure_ascii=False) + "\n"
    if compress:
      with open(self._path(rel + ".gz"), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
          gz.write(text.encode("utf-8"))
      self.count += 1
    else:
      self.text(rel, text)


# ---------------------------------------------------------------------------------------------
# Cost
# ---------------------------------------------------------------------------------------------

SERVICES = ["AWS Key Management Service", "AWS Lambda", "AWS X-Ray", "Amazon API Gateway",
            "Amazon DynamoDB", "Amazon Simple Queue Service", "Amazon Simple Storage Service",
            "Amazon Virtual Private Cloud", "AmazonCloudWatch"]


def lambda_daily_cost(f: Fn, series) -> dict[dt.date, float]:
  """Cost per day from invocations x duration x memory at public prices (last 30 days)."""
  by_day: dict[dt.date, float] = {}
  gb = f.memory / 1024.0
  price = PRICE_GBS[f.arch]
  for h, t in enumerate(HOUR_TIMES):
    n = series["invocations"][h]
    if n == 0:
      continue
    c = n * PRICE_REQUEST + n * series["duration_avg"][h] / 1000.0 * gb * price
    by_day[t.date()] = by_day.get(t.date(), 0.0) + c
  return by_day


def extrapolate(rng: random.Random, medians: tuple[float, float], day: dt.date) -> float:
  """Earlier days: the recent weekday/weekend median shape, with a slowly growing trend."""
  base = medians[1 if day.weekday() >= 5 else 0]
  days_before = ((NOW - dt.timedelta(days=29)).date() - day).days
  return max(0.0, base * (1 - 0.0035 * days_before) * math.exp(rng.gauss(0, 0.05)))


def recent_medians(recent: dict[dt.date, float]) -> tuple[float, float]:
  first = (NOW - dt.timedelta(days=29)).date()
  out = []
  for weekend in (False, True):
    same = sorted(v for d, v in recent.items() if d >= first and (d.weekday() >= 5) == weekend)
    out.append(same[len(same) // 2] if same else 0.0)
  return out[0], out[1]


def cost_days() -> list[dt.date]:
  return [COST_START + dt.timedelta(days=i) for i in range(COST_DAYS)]


def full_series(seed: int, key: str, recent: dict[dt.date, float]) -> dict[dt.date, float]:
  """Exact values for the metric window (first partial day scaled to 24 h), extrapolated before."""
  first = START.date()
  out = {}
  medians = recent_medians(recent)
  rng = rng_for(seed, "cost", key)
  for d in cost_days():
    if d > first:
      out[d] = recent.get(d, 0.0)
    elif d == first:
      out[d] = recent.get(d, 0.0) * 24 / 23
    else:
      out[d] = extrapolate(rng, medians, d)
  return out


def period(d: dt.date) -> dict:
  return {"Start": d.isoformat(), "End": (d + dt.timedelta(days=1)).isoformat()}


def estimated(d: dt.date) -> bool:
  return d >= dt.date(2026, 11, 1)  # the current (not yet invoiced) month


# ---------------------------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------------------------

SH_ALLOWED_RUNTIMES = {"dotnet8", "java25", "java21", "java17", "java11", "java8.al2", "nodejs24.x",
                       "nodejs22.x", "nodejs20.x", "python3.14", "python3.13", "python3.12",
                       "python3.11", "python3.10", "ruby3.4", "ruby3.3", "ruby3.2"}
# Prowler's obsolete_lambda_runtimes lacks python3.9, nodejs18.x, ruby3.2 (tools disagree).
PROWLER_OBSOLETE = {"java8", "go1.x", "provided", "python3.8", "python3.7", "python3.6",
                    "python2.7", "nodejs16.x", "nodejs14.x", "nodejs12.x",
                    "nodejs10.x", "dotnetcore3.1", "dotnet6", "ruby2.7"}
SH_CONTROLS = {
  "Lambda.1": ("CRITICAL", 90, "Lambda function policies should prohibit public access",
               "This control checks whether the Lambda function resource-based policy prohibits public access outside of your account. The control fails if public access is allowed. The control also fails if a Lambda function is invoked from Amazon S3, and the policy doesn't include a condition to limit public access, such as AWS:SourceAccount.",
               "lambda-function-public-access-prohibited"),
  "Lambda.2": ("MEDIUM", 40, "Lambda functions should use supported runtimes",
               "This control checks whether the AWS Lambda function settings for runtimes match the expected values set for the supported runtimes in each language. The control fails if a Lambda function doesn't use a supported runtime.",
               "lambda-function-settings-check"),
  "Lambda.3": ("LOW", 1, "Lambda functions should be in a VPC",
               "This control checks whether a Lambda function is deployed in a virtual private cloud (VPC). The control fails if the Lambda function isn't deployed in a VPC.",
               "lambda-inside-vpc"),
  "Lambda.5": ("MEDIUM", 40, "VPC Lambda functions should operate in multiple Availability Zones",
               "This control checks if an AWS Lambda function that connects to a virtual private cloud (VPC) operates in at least the specified number of Availability Zones (AZs). The control fails if the function doesn't operate in at least the specified number of AZs. Unless you provide a custom parameter value for the minimum number of AZs, Security Hub uses a default value of two AZs.",
               "lambda-vpc-multi-az-check"),
  "Lambda.7": ("LOW", 1, "AWS X-Ray active tracing should be enabled for Lambda functions",
               "This control checks whether AWS X-Ray active tracing is enabled for your AWS Lambda functions. The control fails if active tracing is disabled for your Lambda functions.",
               "lambda-function-xray-enabled"),
}


def is_public_statement(s: dict) -> bool:
  p = s.get("Principal")
  if p == "*" or p == {"AWS": "*"}:
    return True  # including the FunctionURLAllowPublicAccess statement of an AuthType NONE URL
  if isinstance(p, dict) and p.get("Service") == "s3.amazonaws.com":
    return "AWS:SourceAccount" not in json.dumps(s.get("Condition", {}))
  return False


def control_status(f: Fn, control: str) -> str | None:
  if control == "Lambda.1":
    return "FAILED" if any(is_public_statement(s) for s in f.statements) else "PASSED"
  if control == "Lambda.2":
    if f.runtime == "IMAGE" or f.runtime.startswith("provided.al"):
      return None  # images and OS-only runtimes are not evaluated
    return "PASSED" if f.runtime in SH_ALLOWED_RUNTIMES else "FAILED"
  if control == "Lambda.3":
    return "PASSED" if f.vpc_id else "FAILED"
  if control == "Lambda.5":
    if not f.vpc_id:
      return None
    return "PASSED" if len(f.subnets) >= 2 else "FAILED"
  if control == "Lambda.7":
    return "PASSED" if f.tracing == "Active" else "FAILED"
  return None


def securityhub_findings(seed: int, fns: list[Fn]) -> list[dict]:
  out = []
  for f in fns:
    for control, (sev, norm, title, desc, rule) in SH_CONTROLS.items():
      status = control_status(f, control)
      if status is None:
        continue
      rng = rng_for(seed, "sh", f.arn, control)
      std = "aws-foundational-security-best-practices/v/1.0.0"
      fid = (f"arn:aws:securityhub:{f.region}:{f.account}:subscription/{std}/{control}/finding/"
             f"{fake_uuid(rng)}")
      first = NOW - dt.timedelta(days=rng.randrange(20, 300), seconds=rng.randrange(86400))
      last = NOW - dt.timedelta(seconds=rng.randrange(3600, 20 * 3600))
      label, normalized = (sev, norm) if status == "FAILED" else ("INFORMATIONAL", 0)
      workflow = "RESOLVED"
      note = None
      if status == "FAILED":
        r = rng.random()
        if r < 0.72:
          workflow = "NEW"
        elif r < 0.88:
          workflow = "NOTIFIED"
          note = f"Ticket SEC-{rng.randrange(1000, 9999)} opened for {f.tenant}"
        else:
          workflow = "SUPPRESSED"
          note = "Risk accepted by the tenant owner until the next architecture review"
        if control == "Lambda.1":
          workflow, note = "NEW", None
      ms1, ms2 = rng.randrange(1000), rng.randrange(1000)
      finding = {
        "SchemaVersion": "2018-10-08", "Id": fid,
        "ProductArn": f"arn:aws:securityhub:{f.region}::product/aws/securityhub",
        "GeneratorId": f"{std}/{control}", "AwsAccountId": f.account,
        "Types": ["Software and Configuration Checks/Industry and Regulatory Standards/"
                  "AWS-Foundational-Security-Best-Practices"],
        "FirstObservedAt": asff_time(first, ms1), "LastObservedAt": asff_time(last, ms2),
        "CreatedAt": asff_time(first, ms1), "UpdatedAt": asff_time(last, ms2),
        "Severity": {"Product": normalized, "Label": label, "Normalized": normalized,
                     "Original": label},
        "Title": f"{control} {title}", "Description": desc,
        "Remediation": {"Recommendation": {
          "Text": "For directions on how to fix this issue, please consult the AWS Security Hub "
                  "Foundational Security Best Practices documentation.",
          "Url": f"https://docs.aws.amazon.com/console/securityhub/{control}/remediation"}},
        "ProductFields": {
          "StandardsArn": f"arn:aws:securityhub:::standards/{std}",
          "StandardsSubscriptionArn": f"arn:aws:securityhub:{f.region}:{f.account}:subscription/{std}",
          "ControlId": control,
          "RecommendationUrl": f"https://docs.aws.amazon.com/console/securityhub/{control}/remediation",
          "RelatedAWSResources:0/name": f"securityhub-{rule}-{hexid(rng_for(0, rule, f.account, f.region), 8)}",
          "RelatedAWSResources:0/type": "AWS::Config::ConfigRule",
          "StandardsControlArn": f"arn:aws:securityhub:{f.region}:{f.account}:control/{std}/{control}",
          "aws/securityhub/ProductName": "Security Hub", "aws/securityhub/CompanyName": "AWS",
          "aws/securityhub/FindingId": f"arn:aws:securityhub:{f.region}::product/aws/securityhub/{fid}",
        },
        "Resources": [{"Type": "AwsLambdaFunction", "Id": f.arn, "Partition": "aws",
                       "Region": f.region,
                       "Details": {"AwsLambdaFunction": sh_details(f)}}],
        "Compliance": {"Status": status, "SecurityControlId": control,
                       "AssociatedStandards": [{"StandardsId": f"standards/{std}"}]},
        "WorkflowState": "RESOLVED" if workflow == "RESOLVED" else "NEW",  # legacy field
        "Workflow": {"Status": workflow}, "RecordState": "ACTIVE",
      }
      if note:
        finding["Note"] = {"Text": note, "UpdatedBy": f"arn:aws:iam::{f.account}:user/secops-"
                                                       f"{rng.choice(['jsmith', 'akhan', 'mlopez'])}",
                           "UpdatedAt": asff_time(last - dt.timedelta(days=rng.randrange(1, 15)), 0)}
      out.append(finding)
  return out


def sh_details(f: Fn) -> dict:
  c = function_configuration(f)
  d = {k: c[k] for k in ("CodeSha256", "FunctionName", "Handler", "MemorySize", "RevisionId",
                         "Role", "Runtime", "Timeout", "TracingConfig", "Version") if k in c}
  d["LastModified"] = f.last_modified[:19] + "." + f.last_modified[20:23] + "Z"
  if f.vpc_id:
    d["VpcConfig"] = {"SecurityGroupIds": f.security_groups, "SubnetIds": f.subnets, "VpcId": f.vpc_id}
  return dict(sorted(d.items()))


def secret_kind(name: str, value: str) -> str:
  if value.startswith("AKIA"):
    return "AWS Access Key"
  if "PRIVATE KEY" in value:
    return "Private Key"
  if value.startswith("eyJ"):
    return "JSON Web Token"
  if "://" in value and "@" in value:
    return "Basic Auth Credentials"
  return "Secret Keyword"


def prowler_results(f: Fn) -> list[tuple[str, str, str]]:
  """(check, PASS|FAIL, status_detail) consistent with the function's configuration."""
  n, res = f.name, []
  public = any(s.get("Principal") in ("*", {"AWS": "*"}) for s in f.statements)
  res.append(("awslambda_function_not_publicly_accessible", "FAIL" if public else "PASS",
              f"Lambda function {n} has a resource-based policy with public access." if public
              else f"Lambda function {n} has a resource-based policy without public access."))
  if f.url:
    none = f.url["AuthType"] == "NONE"
    res.append(("awslambda_function_url_public", "FAIL" if none else "PASS",
                f"Lambda function {n} has a publicly accessible function URL." if none
                else f"Lambda function {n} does not have a publicly accessible function URL."))
    star = "*" in f.url.get("Cors", {}).get("AllowOrigins", [])
    res.append(("awslambda_function_url_cors_policy", "FAIL" if star else "PASS",
                f"Lambda function {n} URL has a wide CORS configuration." if star
                else f"Lambda function {n} does not have a wide CORS configuration."))
  if not f.env:
    res.append(("awslambda_function_no_secrets_in_variables", "PASS",
                f"No secrets found in Lambda function {n} variables."))
    res.append(("awslambda_function_env_vars_not_encrypted_with_cmk", "PASS",
                f"Lambda function {n} has no environment variables."))
  else:
    if f.secrets:
      kinds = ", ".join(f"{secret_kind(v, f.env[v])} in variable {v}" for v in f.secrets)
      res.append(("awslambda_function_no_secrets_in_variables", "FAIL",
                  f"Potential secrets found in Lambda function {n} variables -> {kinds}."))
    else:
      res.append(("awslambda_function_no_secrets_in_variables", "PASS",
                  f"No secrets found in Lambda function {n} variables."))
    res.append(("awslambda_function_env_vars_not_encrypted_with_cmk",
                "PASS" if f.kms else "FAIL",
                f"Lambda function {n} has environment variables encrypted with a customer-managed KMS key."
                if f.kms else
                f"Lambda function {n} has environment variables but they are not encrypted with a customer-managed KMS key."))
  if f.runtime != "IMAGE":
    bad = f.runtime in PROWLER_OBSOLETE
    res.append(("awslambda_function_using_supported_runtimes", "FAIL" if bad else "PASS",
                f"Lambda function {n} is using {f.runtime} which is obsolete." if bad
                else f"Lambda function {n} is using {f.runtime} which is supported."))
  foreign = [a for a in f.layers if a.split(":")[4] != f.account]
  if not f.layers:
    res.append(("awslambda_function_using_cross_account_layers", "PASS",
                f"Lambda function {n} does not use any layers."))
  elif foreign:
    res.append(("awslambda_function_using_cross_account_layers", "FAIL",
                f"Lambda function {n} is using cross-account layers: {', '.join(foreign)}."))
  else:
    res.append(("awslambda_function_using_cross_account_layers", "PASS",
                f"Lambda function {n} is not using cross-account layers."))
  res.append(("awslambda_function_no_dead_letter_queue", "PASS" if f.dlq else "FAIL",
              f"Lambda function {n} has a Dead Letter Queue configured." if f.dlq
              else f"Lambda function {n} does not have a Dead Letter Queue configured."))
  res.append(("awslambda_function_inside_vpc", "PASS" if f.vpc_id else "FAIL",
              f"Lambda function {n} is inside of VPC {f.vpc_id}" if f.vpc_id
              else f"Lambda function {n} is not inside a VPC"))
  res.append(("awslambda_function_invoke_api_operations_cloudtrail_logging_enabled", "FAIL",
              f"Lambda function {n} is not recorded by CloudTrail."))
  return res


def prowler_findings(seed: int, fns: list[Fn], scan_time: dt.datetime) -> list[dict]:
  out = []
  ts = int(scan_time.timestamp())
  ts_dt = scan_time.strftime("%Y-%m-%dT%H:%M:%S.%f")
  scan_id = fake_uuid(rng_for(seed, "prowler-scan", fns[0].account))
  for f in fns:
    meta = {
      "name": f.name, "arn": f.arn, "security_groups": f.security_groups,
      "last_modified": f.last_modified[:19] + ".000000000Z", "runtime": f.runtime if f.runtime != "IMAGE" else None,
      "environment": {k: "REDACTED" for k in f.env} or None, "region": f.region,
      "policy": {"Version": "2012-10-17", "Id": "default", "Statement": f.statements} if f.statements else {},
      "code": None,
      "url_config": None if not f.url else {
        "auth_type": f"AuthType.{f.url['AuthType']}", "url": f.url["FunctionUrl"].rstrip("/"),
        "cors_config": {"allow_origins": f.url.get("Cors", {}).get("AllowOrigins", [])}},
      "vpc_id": f.vpc_id or None,
      "subnet_ids": "{" + ", ".join(f"'{s}'" for s in f.subnets) + "}" if f.subnets else "set()",
      "kms_key_arn": f.kms, "layers": [{"arn": a} for a in f.layers],
      "dead_letter_config": {"target_arn": f.dlq} if f.dlq else None,
      "event_source_mappings": [], "tags": [{"Tenant": f.tenant, "Function": f.name}],
    }
    for check, status, detail in prowler_results(f):
      c = PROWLER_CHECKS[check]
      out.append({
        "message": detail,
        "metadata": {"event_code": check,
                     "product": {"name": "Prowler", "uid": "prowler", "vendor_name": "Prowler",
                                 "version": "5.46.0"},
                     "profiles": ["cloud", "datetime"], "tenant_uid": "", "version": "1.5.0"},
        "severity_id": c["severity_id"], "severity": c["severity"], "status": "New",
        "status_code": status, "status_detail": detail, "status_id": 1,
        "unmapped": {"related_url": "", "categories": c["categories"], "depends_on": [],
                     "related_to": [], "additional_urls": c["additional_urls"], "notes": "",
                     "compliance": c["compliance"], "scan_id": scan_id,
                     "provider_uid": f.account, "provider": "aws"},
        "activity_name": "Create", "activity_id": 1,
        "finding_info": {"analytic": {"category": "awslambda", "name": c["title"], "type": "Rule",
                                      "type_id": 1, "uid": check},
                         "created_time": ts, "created_time_dt": ts_dt, "desc": c["desc"],
                         "title": c["title"], "types": c["types"],
                         "uid": f"prowler-aws-{check}-{f.account}-{f.region}-{f.name}"},
        "resources": [{"cloud_partition": "aws", "region": f.region,
                       "data": {"details": "", "metadata": meta}, "group": {"name": "awslambda"},
                       "labels": [], "name": f.name, "type": "AwsLambdaFunction", "uid": f.arn}],
        "category_name": "Findings", "category_uid": 2, "class_name": "Detection Finding",
        "class_uid": 2004,
        "cloud": {"account": {"name": f.tenant, "type": "AWS Account", "type_id": 10,
                              "uid": f.account, "labels": []},
                  "org": {"name": "", "ou_uid": "", "ou_name": "", "uid": ""},
                  "provider": "aws", "region": f.region},
        "remediation": c["remediation"], "risk_details": c["risk_details"],
        "time": ts, "time_dt": ts_dt, "type_uid": 200401,
        "type_name": "Detection Finding: Create",
      })
  return out


CHECKOV_CHECKS = {
  "CKV_AWS_45": ("BC_AWS_SECRETS_3", "Ensure no hard-coded secrets exist in lambda environment",
                 "LambdaEnvironmentCredentials", "bc-aws-secrets-3"),
  "CKV_AWS_115": ("BC_AWS_GENERAL_63", "Ensure that AWS Lambda function is configured for function-level concurrent execution limit",
                  "LambdaFunctionLevelConcurrentExecutionLimit", "ensure-that-aws-lambda-function-is-configured-for-function-level-concurrent-execution-limit"),
  "CKV_AWS_116": ("BC_AWS_GENERAL_64", "Ensure that AWS Lambda function is configured for a Dead Letter Queue(DLQ)",
                  "LambdaDLQConfigured", "ensure-that-aws-lambda-function-is-configured-for-a-dead-letter-queue-dlq"),
  "CKV_AWS_117": ("BC_AWS_GENERAL_65", "Ensure that AWS Lambda function is configured inside a VPC",
                  "LambdaInVPC", "ensure-that-aws-lambda-function-is-configured-inside-a-vpc-1"),
  "CKV_AWS_173": ("BC_AWS_SERVERLESS_5", "Check encryption settings for Lambda environmental variable",
                  "LambdaEnvironmentEncryptionSettings", "bc-aws-serverless-5"),
  "CKV_AWS_363": (None, "Ensure Lambda Runtime is not deprecated", "DeprecatedLambdaRuntime",
                  "bc-aws-363"),
  "CKV_AWS_258": (None, "Ensure that Lambda function URLs AuthType is not None",
                  "LambdaFunctionURLAuth", "bc-aws-258"),
}
CHECKOV_DEPRECATED = {"nodejs16.x", "nodejs14.x", "python3.7", "python3.6",
                      "python2.7", "java8", "go1.x", "dotnetcore3.1", "dotnet6", "ruby2.7",
                      "python3.9", "dotnet7"}  # no python3.8 / nodejs18.x, as in Checkov's list


def logical_id(name: str) -> str:
  return "".join(p.capitalize() for p in name.replace("_", "-").split("-")) + "Function"


def sam_template(fns: list[Fn]) -> tuple[list[str], dict[str, tuple[int, int]]]:
  """A SAM template (as lines) matching the deployed functions, and each resource's lines."""
  lines = ["AWSTemplateFormatVersion: '2010-09-09'", "Transform: AWS::Serverless-2016-10-31",
           "Description: Deployed by the tenant's CI pipeline", "Resources:"]
  ranges = {}
  for f in fns:
    lid = logical_id(f.name)
    start = len(lines) + 1
    lines += [f"  {lid}:", "    Type: AWS::Serverless::Function", "    Properties:",
              f"      FunctionName: {f.name}"]
    if f.runtime != "IMAGE":
      lines += [f"      Runtime: {f.runtime}", f"      Handler: {function_configuration(f)['Handler']}",
                f"      CodeUri: src/{f.name}/"]
    lines += [f"      MemorySize: {f.memory}", f"      Timeout: {f.timeout}",
              f"      Tracing: {f.tracing}"]
    if f.reserved is not None:
      lines.append(f"      ReservedConcurrentExecutions: {f.reserved}")
    if f.dlq:
      lines += ["      DeadLetterQueue:", "        Type: SQS", f"        TargetArn: {f.dlq}"]
    if f.kms:
      lines.append(f"      KmsKeyArn: {f.kms}")
    if f.vpc_id:
      lines += ["      VpcConfig:", "        SubnetIds:"] + [f"          - {s}" for s in f.subnets]
      lines += ["        SecurityGroupIds:"] + [f"          - {s}" for s in f.security_groups]
    if f.env:
      lines += ["      Environment:", "        Variables:"]
      for k, v in f.env.items():
        shown = v.split("\n")[0] + ("..." if "\n" in v else "")
        lines.append(f"          {k}: {json.dumps(shown)}")
    if f.url:
      lines += ["      FunctionUrlConfig:", f"        AuthType: {f.url['AuthType']}"]
    ranges[lid] = (start, len(lines))
    if f.url:
      ustart = len(lines) + 1
      lines += [f"  {lid}Url:", "    Type: AWS::Lambda::Url", "    Properties:",
                f"      TargetFunctionArn: !Ref {lid}", f"      AuthType: {f.url['AuthType']}"]
      ranges[lid + "Url"] = (ustart, len(lines))
  return lines, ranges


def checkov_report(fns: list[Fn]) -> dict:
  lines, ranges = sam_template(fns)
  passed, failed = [], []

  def record(cid, lid, rtype, ok, keys):
    bc, name, cls, guide = CHECKOV_CHECKS[cid]
    a, b = ranges[lid]
    entry = {
      "check_id": cid, "bc_check_id": bc, "check_name": name,
      "check_result": {"result": "PASSED" if ok else "FAILED", "evaluated_keys": keys},
      "code_block": [[i, lines[i - 1] + "\n"] for i in range(a, b + 1)],
      "file_path": "/template.yaml", "file_abs_path": "/src/template.yaml",
      "repo_file_path": "/template.yaml", "file_line_range": [a, b],
      "resource": f"{rtype}.{lid}", "evaluations": None,
      "check_class": f"checkov.cloudformation.checks.resource.aws.{cls}",
      "fixed_definition": None, "entity_tags": None, "caller_file_path": None,
      "caller_file_line_range": None, "resource_address": None, "severity": None,
      "bc_category": None, "benchmarks": None, "description": None, "short_description": None,
      "vulnerability_details": None, "connected_node": None,
      "guideline": f"https://docs.prismacloud.io/en/enterprise-edition/policy-reference/aws-policies/aws-general-policies/{guide}",
      "details": [], "check_len": None, "definition_context_file_path": "/template.yaml",
    }
    (passed if ok else failed).append(entry)

  for f in fns:
    lid, t = logical_id(f.name), "AWS::Serverless::Function"
    if f.env:
      record("CKV_AWS_45", lid, t, not f.secrets, ["Properties/Environment/Variables"])
      record("CKV_AWS_173", lid, t, f.kms is not None, ["Properties/KmsKeyArn"])
    record("CKV_AWS_115", lid, t, f.reserved is not None, ["Properties/ReservedConcurrentExecutions"])
    record("CKV_AWS_116", lid, t, f.dlq is not None, ["Properties/DeadLetterQueue"])
    record("CKV_AWS_117", lid, t, bool(f.vpc_id), ["Properties/VpcConfig"])
    if f.runtime != "IMAGE":
      record("CKV_AWS_363", lid, t, f.runtime not in CHECKOV_DEPRECATED, ["Properties/Runtime"])
    if f.url:
      record("CKV_AWS_258", lid + "Url", "AWS::Lambda::Url", f.url["AuthType"] != "NONE",
             ["Properties/AuthType"])
  return {"check_type": "cloudformation",
          "results": {"passed_checks": passed, "failed_checks": failed, "skipped_checks": [],
                      "parsing_errors": []},
          "summary": {"passed": len(passed), "failed": len(failed), "skipped": 0,
                      "parsing_errors": 0, "resource_count": len(ranges),
                      "checkov_version": "3.2.334"},
          "url": "Add an api key '--bc-api-key <api-key>' to see more detailed insights via https://bridgecrew.cloud"}


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def tenants_yaml(accounts: list[Account]) -> str:
  out = ["# Ward demo tenants (SYNTHETIC: fictional companies, fake account ids).", "tenants:"]
  for spec in TENANTS:
    ids = [a.account for a in accounts if a.tenant == spec.name]
    out.append(f"  - name: {spec.name}")
    out.append("    accounts: [" + ", ".join(f'"{i}"' for i in ids) + "]")
    out.append(f'    labels: {{owner: "{spec.owner}", tier: "{spec.tier}", company: "{spec.company}", '
               f'business_unit: "{spec.business_unit}"}}')
  return "\n".join(out) + "\n"


def generate(seed: int, out_dir: str) -> dict:
  if os.path.isdir(out_dir):
    entries = os.listdir(out_dir)
    if entries and not os.path.exists(os.path.join(out_dir, "tenants.yaml")):
      raise SystemExit(f"refusing to clear {out_dir}: not empty and not a demo-data directory")
    for entry in sorted(entries):
      path = os.path.join(out_dir, entry)
      shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
  w = Writer(out_dir)
  tenants, accounts, functions, tenant_accounts = build_inventory(seed)
  weekend = {t.name: t.weekend for t in TENANTS}
  w.text("tenants.yaml", tenants_yaml(accounts))

  fn_cost: dict[tuple[str, str], dict[dt.date, float]] = {}
  acct_usage: dict[str, dict[str, dict[dt.date, float]]] = {}
  stats = {"functions": len(functions), "accounts": len(accounts)}
  for acct in accounts:
    for region in acct.regions:
      fns = sorted((f for f in functions if f.account == acct.account and f.region == region),
                   key=lambda f: f.name)
      if not fns:
        continue
      base = f"accounts/{acct.account}/{region}"
      w.json(f"{base}/sts-get-caller-identity.json",
             {"UserId": f"AROAWARDDEMO{acct.account[-6:]}:ward-collector", "Account": acct.account,
              "Arn": f"arn:aws:sts::{acct.account}:assumed-role/WardReadOnly/ward-collector"})
      w.json(f"{base}/lambda-list-functions.json",
             {"Functions": [function_configuration(f) for f in fns]})
      w.json(f"{base}/lambda-list-event-source-mappings.json",
             {"EventSourceMappings": [m for f in fns for m in f.esms]})
      groups = []
      for f in fns:
        g = {"logGroupName": f"/aws/lambda/{f.name}",
             "creationTime": 1740000000000 + int(hashlib.sha256(f.arn.encode()).hexdigest()[:8], 16) % 20_000_000_000}
        if f.retention:
          g["retentionInDays"] = f.retention
        g.update({"metricFilterCount": 0,
                  "arn": f"arn:aws:logs:{region}:{acct.account}:log-group:/aws/lambda/{f.name}:*",
                  "storedBytes": int(hashlib.sha256(f.name.encode()).hexdigest()[:7], 16),
                  "logGroupClass": "STANDARD",
                  "logGroupArn": f"arn:aws:logs:{region}:{acct.account}:log-group:/aws/lambda/{f.name}"})
        groups.append(g)
      w.json(f"{base}/logs-describe-log-groups.json", {"logGroups": groups})
      for f in fns:
        fb = f"{base}/functions/{f.name}"
        if f.statements:
          w.json(f"{fb}/get-policy.json", policy_response(f))
        else:
          w.text(f"{fb}/get-policy.json",
                 not_found("GetPolicy", "The resource you requested does not exist."))
        if f.url:
          w.json(f"{fb}/get-function-url-config.json", f.url)
        else:
          w.text(f"{fb}/get-function-url-config.json",
                 not_found("GetFunctionUrlConfig", "The resource you requested does not exist."))
        w.json(f"{fb}/get-function-concurrency.json",
               {"ReservedConcurrentExecutions": f.reserved} if f.reserved is not None else {})
        if f.invoke_config:
          w.json(f"{fb}/get-function-event-invoke-config.json", f.invoke_config)
        else:
          w.text(f"{fb}/get-function-event-invoke-config.json",
                 not_found("GetFunctionEventInvokeConfig",
                           f"The function {f.arn} doesn't have an EventInvokeConfig"))
        series = simulate(seed, f, weekend[f.tenant])
        w.json(f"{base}/metrics/{f.name}.json", metric_response(f, series), compress=True)
        fn_cost[(f.account, f.name)] = lambda_daily_cost(f, series)
        usage = acct_usage.setdefault(f.account, {})
        for h, t in enumerate(HOUR_TIMES):
          n = series["invocations"][h]
          if n:
            for key in ("all", f.kind) + (("traced",) if f.tracing == "Active" else ()):
              u = usage.setdefault(key, {})
              u[t.date()] = u.get(t.date(), 0.0) + n

  write_costs(w, seed, accounts, functions, fn_cost, acct_usage)
  write_findings(w, seed, accounts, functions)
  write_readme(w, seed, stats)
  # The demo's triage policy (docs/triage.md) travels with the data; its text is kept in
  # scripts/demo-ward-policy.yaml so it is edited in one place.
  with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo-ward-policy.yaml"),
            encoding="utf-8") as fh:
    w.text("ward-policy.yaml", fh.read())
  return stats


def write_costs(w, seed, accounts, functions, fn_cost, acct_usage) -> None:
  days = cost_days()
  fn_full = {k: full_series(seed, f"fn|{k[0]}|{k[1]}", v) for k, v in sorted(fn_cost.items())}
  names = {a.account: f"{a.tenant}-{a.env}" for a in accounts}
  svc_full: dict[tuple[str, str], dict[dt.date, float]] = {}
  for acct in accounts:
    a = acct.account
    arng = rng_for(seed, "acct-cost", a)
    fns = [f for f in functions if f.account == a]
    usage = acct_usage.get(a, {})
    lam = {d: 0.0 for d in days}
    for f in fns:
      for d, v in fn_full[(a, f.name)].items():
        lam[d] += round(v, 10)
    svc_full[(a, "AWS Lambda")] = lam
    s3_base, ddb_base = arng.uniform(0.8, 22.0), arng.uniform(0.4, 35.0)
    n_keys = len({f.kms for f in fns if f.kms}) + 2
    n_vpc_regions = len({f.region for f in fns if f.vpc_id})
    weekend = next(t.weekend for t in TENANTS if t.name == acct.tenant)

    def recent(key, fn):
      return {d: fn(d, usage.get(key, {}).get(d, 0.0)) for d in days
              if d >= START.date()}
    per_service = {
      "Amazon API Gateway": recent("http", lambda d, n: n * 3.5e-6),
      "AmazonCloudWatch": recent("all", lambda d, n: 0.35 + n * 1.4e-6 * 0.5 + len(fns) * 0.03),
      "Amazon Simple Queue Service": recent("queue", lambda d, n: n * 4e-7 * 3),
      "AWS X-Ray": recent("traced", lambda d, n: max(0.0, n * 0.05 - 100_000) * 5e-6),
      "Amazon Simple Storage Service": recent("all", lambda d, n: s3_base * (1 + 0.002 * (d - START.date()).days)),
      "Amazon DynamoDB": recent("all", lambda d, n: ddb_base * (weekend if d.weekday() >= 5 else 1.0) + n * 1.25e-6 * 0.3),
      "AWS Key Management Service": recent("all", lambda d, n: n_keys / 30.0 + n * 3e-8),
    }
    if n_vpc_regions:
      per_service["Amazon Virtual Private Cloud"] = recent(
        "all", lambda d, n: n_vpc_regions * 0.045 * 24 * 2 + n * 2e-8)
    for svc, rec in per_service.items():
      noisy = {d: v * math.exp(rng_for(seed, "svc", a, svc, d.isoformat()).gauss(0, 0.03))
               for d, v in rec.items()}
      svc_full[(a, svc)] = full_series(seed, f"svc|{a}|{svc}", noisy)

  results = []
  for d in days:
    groups = []
    for acct in accounts:
      for svc in SERVICES:
        series = svc_full.get((acct.account, svc))
        if series is None:
          continue
        groups.append({"Keys": [acct.account, svc],
                       "Metrics": {"UnblendedCost": {"Amount": money(series[d]), "Unit": "USD"}}})
    results.append({"TimePeriod": period(d), "Total": {}, "Groups": groups,
                    "Estimated": estimated(d)})
  attrs = [{"Value": a.account, "Attributes": {"description": names[a.account]}} for a in accounts]
  w.json("cost/get-cost-and-usage.json",
         {"GroupDefinitions": [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"},
                               {"Type": "DIMENSION", "Key": "SERVICE"}],
          "ResultsByTime": results, "DimensionValueAttributes": attrs}, compress=True)
  results = []
  for d in days:
    groups = []
    for (a, name), series in fn_full.items():
      groups.append({"Keys": [a, f"Function${name}"],
                     "Metrics": {"UnblendedCost": {"Amount": money(series[d]), "Unit": "USD"}}})
    results.append({"TimePeriod": period(d), "Total": {}, "Groups": groups,
                    "Estimated": estimated(d)})
  w.json("cost/get-cost-and-usage-by-function.json",
         {"GroupDefinitions": [{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"},
                               {"Type": "TAG", "Key": "Function"}],
          "ResultsByTime": results, "DimensionValueAttributes": attrs}, compress=True)


# Which tenants run which scanner (not every tenant runs every tool).
SECURITYHUB_TENANTS = ["northwind-retail", "contoso-payments", "adventureworks-commerce",
                       "litware-health", "woodgrove-banking", "margie-travel", "tailspin-media",
                       "fabrikam-logistics"]
PROWLER_TENANTS = ["contoso-payments", "tailspin-media", "wingtip-ticketing",
                   "proseware-analytics", "fourthcoffee-loyalty", "alpine-ski-bookings"]
CHECKOV_REPOS = [("tailspin-media", "media-services-sam", "media-"),
                 ("fourthcoffee-loyalty", "loyalty-backend-sam", "loyalty-")]


def write_findings(w, seed, accounts, functions) -> None:
  for acct in accounts:
    fns = sorted((f for f in functions if f.account == acct.account), key=lambda f: (f.region, f.name))
    if acct.tenant in SECURITYHUB_TENANTS:
      w.json(f"securityhub/{acct.account}-get-findings.json",
             {"Findings": securityhub_findings(seed, fns)}, compress=True)
    if acct.tenant in PROWLER_TENANTS:
      scan = NOW - dt.timedelta(hours=3, minutes=rng_for(seed, "scan", acct.account).randrange(60))
      w.json(f"prowler/prowler-output-{acct.account}-20261128.ocsf.json",
             prowler_findings(seed, fns, scan), compress=True)
  for tenant, repo, prefix in CHECKOV_REPOS:
    fns = sorted((f for f in functions if f.tenant == tenant and f.name.startswith(prefix)),
                 key=lambda f: f.name)
    # Filed inside the account directory the stack deploys to, so `ward import` attributes
    # the account-less Checkov findings to that account's tenant.
    home = fns[0]
    w.json(f"accounts/{home.account}/{home.region}/checkov/{repo}.json", checkov_report(fns))


def write_readme(w, seed, stats) -> None:
  inc = INCIDENTS

  def span(i):
    e = i.get("end")
    return (f"{i['start'].strftime('%Y-%m-%dT%H:00Z')} to "
            f"{e.strftime('%Y-%m-%dT%H:00Z') if e else 'now (still ongoing)'}")
  tenants_table = "\n".join(f"| {t.name} | {t.company} / {t.business_unit} | {t.owner} | {t.tier} | "
                            f"{', '.join(t.regions)} | {t.accounts} |" for t in TENANTS)
  text = f"""# Ward demo data (SYNTHETIC)

Everything in this directory is **synthetic**. The companies are fictional, the 12-digit
account ids are a fake range (`9999 00TT 0A01`: TT tenant, A account; `999977770001` plays an
external partner), and every "secret" is fake and says so (`...EXAMPLE`, `FAKEFAKE`,
`not-a-real-password`, a JWT whose payload reads "FAKE token"). No real account, no real
secret, no real traffic. The files use the exact shapes of the real tools' outputs, so
`ward import demo-data/` runs the same readers as real data.

## How it was made

`python3 scripts/generate-demo-data.py --seed {seed} --out demo-data` (Python 3.11 standard
library only; seed {DEFAULT_SEED} is the default). The generator is deterministic: the same seed
gives byte-identical files (gzip written with mtime 0 and no file name).
`Tests/WardEndToEndTests/DemoDataTests.swift` regenerates into a temporary directory and
compares every file with this directory. Regenerate only when the generator changes.

**Fixed now:** the dataset's latest hour is **2026-11-29T00:00:00Z**. Hourly metrics cover the
720 hours from 2026-10-30T01:00Z to 2026-11-29T00:00Z. Daily costs cover the 90 days
2026-08-31 to 2026-11-28 (the last period ends 2026-11-29). In demo mode the console treats the
latest hour in the data as "now".

Contents: {len(TENANTS)} tenants, {stats['accounts']} accounts, {stats['functions']} functions.

### Traffic model

Shaped after the Azure Functions traces (Shahrad et al., *Serverless in the Wild*, USENIX ATC
2020; Zhang et al., SOSP 2021). Rows of them ship in vhive-serverless/invitro
(`data/traces/example/Azure2021/Azure2021_200.csv`, `tools/mapper/test_files/extremes/*.csv`):
there, most functions see well under one call a minute (0.01 to 0.3 calls/min in the extremes
rows), and durations span 20 ms to minutes (median ~1.6 s in the 2021 rows). The model:

- Per-function mean rates are heavy-tailed over many orders of magnitude (lognormal, sigma 2.1):
  most functions are called less than once a minute, a handful thousands of times a minute.
- Diurnal cycle in the region's local time (peak mid-afternoon), a per-tenant weekend factor,
  day-to-day wobble, hourly lognormal noise, Poisson counts, and rare mild bursts (x1.4 to
  x2.2 for one or two hours) on HTTP/S3 functions.
- Timer functions (EventBridge schedules) have flat periodic load (every 5/15/30/60 minutes, or
  once a day at a fixed hour).
- Errors are a small per-function fraction (median ~0.15 %); throttles happen only where
  reserved concurrency is hit (normally never: it is set well above the normal peak).
- Duration is lognormal per function: for 6 or fewer calls in an hour the hour's statistics
  come from actual samples; above that, avg/p99/max come from the lognormal with sampling
  noise, always avg <= p99 <= max <= timeout.
- Cold starts depend on the rate: idle gaps longer than ~7 minutes (sparse functions: almost
  every call is cold), plus scale-out and recycling (rare for hot functions).
- Concurrency max is about rate x duration plus a Poisson peak margin.
- Metric points with value 0 are omitted, as CloudWatch does.

Cost: the last 30 days of Lambda cost are computed from the metrics at Lambda's public prices
(requests $0.20 per 1M; x86_64 $0.0000166667 and arm64 $0.0000133334 per GB-second; no free
tier). The 60 days before extrapolate each series from its recent weekday/weekend median with a
slowly growing trend (0.35 %/day). Other services (API Gateway, CloudWatch, S3, DynamoDB, SQS,
KMS, VPC, X-Ray) follow usage or a per-account base. Days in November are `"Estimated": true`
(the month is not yet invoiced).

## Planted incidents

Everything not listed here is normal noise, so detectors can be judged against this list.

| id | what | tenant | function / resource | hours (UTC, end exclusive) |
|---|---|---|---|---|
| a | denial of wallet: invocations x{inc['dow']['factor']:.0f} (ramped) through a public function URL (AuthType NONE, CORS *, no reserved concurrency); cost spike on 2026-11-22 | {inc['dow']['tenant']} | {inc['dow']['function']} | {span(inc['dow'])} |
| b | leaked key: env var AWS_ACCESS_KEY_ID={FAKE_AKIA} (+ secret key); invocations x{inc['leaked-key']['factor']:.0f} with {inc['leaked-key']['error_rate']:.0%} errors | {inc['leaked-key']['tenant']} | {inc['leaked-key']['function']} | {span(inc['leaked-key'])} |
| c | private layer `{inc['shared-layer']['layer']}:{inc['shared-layer']['version']}` of {inc['shared-layer']['tenant']} (account {account_id(1, 0)}) used by functions of {', '.join(inc['shared-layer']['consumers'])} (inventory only) | {', '.join(inc['shared-layer']['consumers'])} | see `Layers` in lambda-list-functions.json | - |
| d | throttling storm: demand x{inc['throttle']['factor']:.0f} on an SQS consumer with ReservedConcurrentExecutions {inc['throttle']['reserved']}; throttles, concurrency pinned at {inc['throttle']['reserved']} | {inc['throttle']['tenant']} | {inc['throttle']['function']} | {span(inc['throttle'])} |
| e | duration regression x{inc['regression']['factor']} after a deploy (LastModified {inc['regression']['last_modified']}) | {inc['regression']['tenant']} | {inc['regression']['function']} | {span(inc['regression'])} |
| f | error burst: {inc['error-burst']['error_rate']:.0%} of invocations fail | {inc['error-burst']['tenant']} | {inc['error-burst']['function']} | {span(inc['error-burst'])} |

Inventory-only findings planted as well (see the inventory files): an execution role
`{inc['shared-role']['role']}` of {inc['shared-role']['owner']} used by functions of
{inc['shared-role']['consumer']}; resource policies with `Principal "*"`, with cross-account
principals (other tenants and the partner account), S3 permissions without `AWS:SourceAccount`,
an SNS permission without any source condition; function URLs with AuthType NONE and CORS `*`;
event source mappings reading queues in other tenants' accounts and the partner account;
fake credentials in environment variables (AWS key pairs, a PEM private key, a Postgres URL
with a password, JWTs, a DB_PASSWORD); deprecated runtimes; log groups without retention.

## Tenants

| tenant | company / unit | owner | tier | regions | accounts |
|---|---|---|---|---|---|
{tenants_table}

## Layout

Same layout as `scripts/collect-aws.sh OUTDIR` writes (one AWS CLI response per file), one
directory per account and region:

```
tenants.yaml
accounts/ACCOUNT/REGION/
  sts-get-caller-identity.json
  lambda-list-functions.json
  lambda-list-event-source-mappings.json
  logs-describe-log-groups.json
  functions/NAME/get-policy.json                      (CLI error text when there is none)
  functions/NAME/get-function-url-config.json         (CLI error text when there is none)
  functions/NAME/get-function-concurrency.json
  functions/NAME/get-function-event-invoke-config.json (CLI error text when there is none)
  metrics/NAME.json.gz      get-metric-data, Period 3600, Ids invocations, errors, throttles,
                            duration_avg, duration_p99, duration_max, concurrency_max, cold_starts
cost/get-cost-and-usage.json.gz              DAILY, GroupBy LINKED_ACCOUNT + SERVICE, UnblendedCost
cost/get-cost-and-usage-by-function.json.gz  DAILY, GroupBy LINKED_ACCOUNT + TAG Function, AWS Lambda only
securityhub/ACCOUNT-get-findings.json.gz     get-findings (ASFF, FSBP Lambda.1/2/3/5/7)
prowler/prowler-output-ACCOUNT-20261128.ocsf.json.gz   Prowler JSON-OCSF (awslambda checks)
accounts/ACCOUNT/REGION/checkov/REPO.json    checkov -o json on a SAM repo deployed to that account
                                             (Checkov prints no account: its place gives one)
```

Large files are gzip-compressed (`.gz`) and hold compact JSON (same content as the CLI's
indented output); importers detect gzip by its magic bytes. Where an AWS call fails (no policy,
no URL, no event invoke config), the file holds the CLI's error text, e.g.
`An error occurred (ResourceNotFoundException) when calling the GetPolicy operation: ...`.
Security Hub runs in {len(SECURITYHUB_TENANTS)} tenants, Prowler in {len(PROWLER_TENANTS)}, Checkov on
{len(CHECKOV_REPOS)} repositories: not every tenant runs every tool.
"""
  w.text("README.md", text)


def main(argv=None) -> int:
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
  parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                    "..", "demo-data"))
  args = parser.parse_args(argv)
  stats = generate(args.seed, os.path.abspath(args.out))
  print(f"wrote {args.out}: {stats['functions']} functions in {stats['accounts']} accounts",
        file=sys.stderr)
  return 0



# Static metadata of each Prowler check, as Prowler 5.46.0 emits it (from prowler-moto/lambda.ocsf.json).
PROWLER_CHECKS = json.loads(r'''
{
 "awslambda_function_env_vars_not_encrypted_with_cmk": {
  "additional_urls": [
   "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption",
   "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html",
   "https://docs.aws.amazon.com/kms/latest/developerguide/services-lambda.html"
  ],
  "categories": [
   "encryption"
  ],
  "compliance": {
   "AWS-AI-Security-Framework-1.0": [
    "AISF-RUNTIME-03"
   ]
  },
  "desc": "**AWS Lambda function** environment variables are encrypted at rest using a **customer-managed KMS key (CMK)** rather than the default AWS-managed Lambda service key.\n\nThe presence of a `KMSKeyArn` on the function configuration indicates CMK-based encryption is active.",
  "remediation": {
   "desc": "Encrypt Lambda environment variables with a customer-managed KMS key to maintain full control over key lifecycle and access.\n- Create a dedicated KMS key per application or per function for blast-radius isolation\n- Enable **automatic key rotation** (`EnableKeyRotation: true`)\n- Grant only the Lambda execution role decrypt access via a key policy condition on `kms:ViaService`\n- Prefer **AWS Secrets Manager** or **SSM Parameter Store (SecureString)** for secrets \u2014 environment variables should hold non-secret configuration only",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_env_vars_not_encrypted_with_cmk"
   ]
  },
  "risk_details": "Without a CMK, environment variables are encrypted with an AWS-managed key, removing **customer control** over rotation, auditing, and revocation.\n\nIf variables contain secrets or connection strings, loss of key control weakens **confidentiality** and can fail compliance requirements (PCI-DSS, HIPAA, FedRAMP) that mandate customer-controlled encryption.",
  "severity": "Medium",
  "severity_id": 3,
  "title": "Lambda function environment variables are encrypted with a customer-managed KMS key",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices",
   "Software and Configuration Checks/Industry and Regulatory Standards/AWS Foundational Security Best Practices"
  ]
 },
 "awslambda_function_inside_vpc": {
  "additional_urls": [
   "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
   "https://repost.aws/pt/knowledge-center/lambda-dedicated-vpc",
   "https://www.trendmicro.com/trendaivisiononecloudriskmanagement/knowledge-base/aws/Lambda/function-in-vpc.html",
   "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-3",
   "https://stackoverflow.com/questions/55074793/how-can-we-force-aws-lamda-to-run-securely-in-a-vpc",
   "https://www.techtarget.com/searchCloudComputing/answer/How-do-I-configure-AWS-Lambda-functions-in-a-VPC/"
  ],
  "categories": [
   "trust-boundaries"
  ],
  "compliance": {
   "AWS-AI-Security-Framework-1.0": [
    "AISF-RUNTIME-03"
   ],
   "AWS-Foundational-Security-Best-Practices": [
    "Lambda.3"
   ],
   "CCC-v2025.10": [
    "CCC.SvlsComp.CN01.AR01"
   ],
   "ISO27001-2022": [
    "A.8.20",
    "A.8.21",
    "A.8.22"
   ],
   "KISA-ISMS-P-2023": [
    "2.6.1",
    "2.10.2"
   ],
   "KISA-ISMS-P-2023-korean": [
    "2.6.1",
    "2.10.2"
   ],
   "PCI-3.2.1": [
    "1.2",
    "1.2.1",
    "1.2.1.a",
    "1.2.1.b",
    "1.2.1.c",
    "1.3",
    "1.3.1",
    "1.3.2",
    "1.3.4",
    "2.2",
    "2.2.2"
   ],
   "PCI-4.0": [
    "1.2.8.20",
    "1.3.1.23",
    "1.3.2.23",
    "1.4.2.21",
    "1.5.1.20",
    "A1.1.3.20"
   ]
  },
  "desc": "**AWS Lambda function** uses **VPC networking** with specified subnets and security groups, rather than the default Lambda-managed network.\n\nPresence of a VPC association (`vpc_id`) indicates private connectivity to VPC resources.",
  "remediation": {
   "desc": "Attach functions to a VPC with private subnets and restrictive security groups to enforce **least privilege** and egress control.\n- Prefer **VPC endpoints** for AWS services\n- Use NAT only when necessary\n- Spread subnets across AZs for resilience\n- Govern with IAM conditions requiring `VpcIds`, `SubnetIds`, and `SecurityGroupIds`.",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_inside_vpc"
   ]
  },
  "risk_details": "Without VPC attachment, functions lack network isolation and granular egress control, weakening **confidentiality** and **integrity**.\n\nTraffic must use public endpoints, raising risks of data exfiltration and SSRF via unrestricted outbound. If private databases are required, missing VPC access can impact **availability**.",
  "severity": "Low",
  "severity_id": 2,
  "title": "Lambda function is deployed inside a VPC",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices/Network Reachability",
   "Software and Configuration Checks/Industry and Regulatory Standards/AWS Foundational Security Best Practices"
  ]
 },
 "awslambda_function_invoke_api_operations_cloudtrail_logging_enabled": {
  "additional_urls": [
   "https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html",
   "https://support.icompaas.com/support/solutions/articles/62000127055-ensure-lambda-functions-invoke-api-operations-are-being-recorded-by-cloudtrail"
  ],
  "categories": [
   "logging"
  ],
  "compliance": {
   "AWS-AI-Security-Framework-1.0": [
    "AISF-RUNTIME-03"
   ],
   "AWS-Well-Architected-Framework-Reliability-Pillar": [
    "REL06-BP01"
   ],
   "AWS-Well-Architected-Framework-Security-Pillar": [
    "SEC04-BP01"
   ],
   "C5-2025": [
    "AM-01.01AC",
    "OPS-11.02AC",
    "OPS-15.01B",
    "OPS-15.02B",
    "OPS-15.03B",
    "OPS-15.01AC",
    "OPS-26.05B",
    "OPS-26.01AS",
    "SSO-05.01AC",
    "SIM-03.07B",
    "COM-04.01AC",
    "PSS-04.05B"
   ],
   "CCC-v2025.10": [
    "CCC.Core.CN04.AR02",
    "CCC.Logging.CN01.AR02"
   ],
   "ISO27001-2022": [
    "A.8.15"
   ],
   "KISA-ISMS-P-2023": [
    "2.9.4",
    "2.10.2"
   ],
   "KISA-ISMS-P-2023-korean": [
    "2.9.4",
    "2.10.2"
   ],
   "NIS2": [
    "3.2.3.c"
   ],
   "SOC2": [
    "cc_a_1_1"
   ]
  },
  "desc": "**AWS Lambda** function invocations are recorded as **CloudTrail data events** when trails include `AWS::Lambda::Function` resources.\n\nThe finding reflects whether a function's `Invoke` activity is being logged by an eligible trail.",
  "remediation": {
   "desc": "Enable **CloudTrail data event logging** for `AWS::Lambda::Function` to capture `Invoke` calls across required Regions and accounts. Apply **least privilege** selectors to scope events, centralize logs with strong retention, and integrate alerts for anomalous invokes as part of **defense in depth**.",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_invoke_api_operations_cloudtrail_logging_enabled"
   ]
  },
  "risk_details": "Without Lambda `Invoke` data events, per-invocation accountability is lost. Adversaries or misused automation can run code without an audit trail, obscuring actor, time, and source. This hinders forensics and enables covert exfiltration or unauthorized changes, impacting **confidentiality** and **integrity**.",
  "severity": "Low",
  "severity_id": 2,
  "title": "Lambda function Invoke API calls are recorded by CloudTrail",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices",
   "Software and Configuration Checks/Industry and Regulatory Standards/AWS Foundational Security Best Practices",
   "TTPs/Defense Evasion"
  ]
 },
 "awslambda_function_no_dead_letter_queue": {
  "additional_urls": [
   "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html#invocation-dlq",
   "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-4",
   "https://repost.aws/knowledge-center/lambda-dead-letter-queue"
  ],
  "categories": [
   "resilience"
  ],
  "compliance": {},
  "desc": "**AWS Lambda functions** have a **Dead Letter Queue (DLQ)** configured \u2014 an SQS queue or SNS topic that receives records of failed asynchronous invocations.\n\nWithout a DLQ, failed invocations are silently discarded after exhausting retries.",
  "remediation": {
   "desc": "Configure a Dead Letter Queue for every Lambda function that handles asynchronous invocations.\n- Prefer an **SQS queue** as the DLQ target for retry and replay capability\n- Ensure the Lambda execution role has `sqs:SendMessage` permission on the DLQ\n- Monitor DLQ depth with a CloudWatch alarm to alert on processing failures",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_no_dead_letter_queue"
   ]
  },
  "risk_details": "Without a DLQ, failed asynchronous invocations are permanently lost. This harms **availability** by hiding processing failures, and weakens **integrity** by making it impossible to replay or audit unprocessed events.\n\nIn security-sensitive pipelines (e.g., audit log processors, alerting functions), silent failure can mask security events entirely.",
  "severity": "Medium",
  "severity_id": 3,
  "title": "Lambda function has a Dead Letter Queue configured",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices",
   "Software and Configuration Checks/Industry and Regulatory Standards/AWS Foundational Security Best Practices"
  ]
 },
 "awslambda_function_no_secrets_in_variables": {
  "additional_urls": [
   "https://docs.aws.amazon.com/secretsmanager/latest/userguide/best-practices.html",
   "https://support.icompaas.com/support/solutions/articles/62000129505-ensure-there-are-no-secrets-in-lambda-functions-variables"
  ],
  "categories": [
   "secrets"
  ],
  "compliance": {
   "AWS-AI-Security-Framework-1.0": [
    "AISF-DATA-05",
    "AISF-RUNTIME-03"
   ],
   "AWS-Well-Architected-Framework-Security-Pillar": [
    "SEC02-BP03"
   ],
   "KISA-ISMS-P-2023": [
    "2.7.1",
    "2.10.2"
   ],
   "KISA-ISMS-P-2023-korean": [
    "2.7.1",
    "2.10.2"
   ],
   "MITRE-ATTACK": [
    "T1552"
   ],
   "NIST-CSF-2.0": [
    "ra_1",
    "ds_5"
   ],
   "SecNumCloud-3.2": [
    "10.5"
   ]
  },
  "desc": "AWS Lambda function environment variables are analyzed for content that resembles **secrets** (API keys, tokens, passwords). Pattern-based detection highlights potential hardcoded credentials present in the function's environment.",
  "remediation": {
   "desc": "Do not store secrets in environment variables or code. Use **AWS Secrets Manager** or **Parameter Store** with encryption, fetch at runtime using **least privilege** IAM, and prefer short-lived creds via **IAM roles**.\n\nRotate keys, limit configuration read access, and apply **defense in depth** with logging and alerts for secret access.",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_no_secrets_in_variables"
   ]
  },
  "risk_details": "Secrets in Lambda environment variables weaken **confidentiality**: users with config read access, runtime introspection, or logs may obtain them. Exposure can grant access to downstream systems, enable **lateral movement**, and allow tampering, impacting **integrity** and **availability**.",
  "severity": "Critical",
  "severity_id": 5,
  "title": "Lambda function environment variables do not contain secrets",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices",
   "Sensitive Data Identifications/Passwords",
   "Effects/Data Exposure"
  ]
 },
 "awslambda_function_not_publicly_accessible": {
  "additional_urls": [
   "https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-public-access-prohibited.html",
   "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
   "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html",
   "https://www.trendmicro.com/trendaivisiononecloudriskmanagement/knowledge-base/aws/Lambda/function-exposed.html"
  ],
  "categories": [
   "internet-exposed"
  ],
  "compliance": {
   "AWS-AI-Security-Framework-1.0": [
    "AISF-RUNTIME-03"
   ],
   "AWS-Foundational-Security-Best-Practices": [
    "Lambda.1"
   ],
   "AWS-Well-Architected-Framework-Security-Pillar": [
    "SEC03-BP07",
    "SEC03-BP08",
    "SEC05-BP01",
    "SEC06-BP02"
   ],
   "C5-2025": [
    "PS-03.02B",
    "IAM-10.01B",
    "COS-02.01B"
   ],
   "CCC-v2025.10": [
    "CCC.Core.CN05.AR01",
    "CCC.SvlsComp.CN01.AR01"
   ],
   "CIS-7.0": [
    "2.21"
   ],
   "CISA": [
    "your-systems-3",
    "your-data-2"
   ],
   "ENS-RD2022": [
    "op.acc.4.aws.iam.1"
   ],
   "FFIEC": [
    "d3-pc-im-b-1"
   ],
   "FedRAMP-Low-Revision-4": [
    "ac-3",
    "ac-17",
    "cm-2",
    "sc-7"
   ],
   "FedRamp-Moderate-Revision-4": [
    "ac-3",
    "ac-4",
    "ac-6",
    "ac-17-1",
    "cm-2",
    "sc-7-3",
    "sc-7"
   ],
   "GxP-21-CFR-Part-11": [
    "11.10-d",
    "11.10-g"
   ],
   "HIPAA": [
    "164_308_a_1_ii_b",
    "164_308_a_3_i",
    "164_312_a_1",
    "164_312_e_1"
   ],
   "ISO27001-2022": [
    "A.8.1"
   ],
   "KISA-ISMS-P-2023": [
    "2.6.1",
    "2.10.2"
   ],
   "KISA-ISMS-P-2023-korean": [
    "2.6.1",
    "2.10.2"
   ],
   "MITRE-ATTACK": [
    "T1190"
   ],
   "NIST-800-171-Revision-2": [
    "3_1_1",
    "3_1_2",
    "3_1_3",
    "3_1_14",
    "3_13_1",
    "3_13_2",
    "3_13_5"
   ],
   "NIST-800-53-Revision-4": [
    "ac_4",
    "sc_7_3",
    "sc_7"
   ],
   "NIST-800-53-Revision-5": [
    "ac_2_6",
    "ac_3",
    "ac_3_7",
    "ac_4_21",
    "ac_6",
    "ac_17_b",
    "ac_17_1",
    "ac_17_4_a",
    "ac_17_9",
    "ac_17_10",
    "mp_2",
    "sc_7_2",
    "sc_7_3",
    "sc_7_9_a",
    "sc_7_11",
    "sc_7_12",
    "sc_7_16",
    "sc_7_20",
    "sc_7_21",
    "sc_7_24_b",
    "sc_7_a",
    "sc_7_b",
    "sc_7_c",
    "sc_25"
   ],
   "NIST-CSF-1.1": [
    "ac_3",
    "ac_5",
    "pt_4"
   ],
   "NIST-CSF-2.0": [
    "ac_7"
   ],
   "PCI-3.2.1": [
    "1.2",
    "1.2.1",
    "1.2.1.a",
    "1.2.1.b",
    "1.2.1.c",
    "1.3",
    "1.3.1",
    "1.3.2",
    "1.3.4",
    "2.2",
    "2.2.2",
    "7.2",
    "7.2.1"
   ],
   "PCI-4.0": [
    "1.2.8.19",
    "1.3.1.22",
    "1.3.2.22",
    "1.4.2.20",
    "1.5.1.19",
    "10.3.2.13",
    "3.5.1.3.18",
    "A1.1.2.9",
    "A1.1.3.19",
    "A3.4.1.11"
   ],
   "ProwlerThreatScore-1.0": [
    "2.3.3"
   ],
   "RBI-Cyber-Security-Framework": [
    "annex_i_1_3"
   ]
  },
  "desc": "**AWS Lambda** function resource-based policies are assessed for **public access**. The finding identifies policies with wildcard or empty `Principal` that allow actions like `lambda:InvokeFunction` to any principal.",
  "remediation": {
   "desc": "Remove public principals from function policies. Grant access only to specific accounts, roles, or services using fixed ARNs and **least privilege**. Add conditions like `AWS:SourceAccount` and `AWS:SourceArn` to constrain service triggers. Enforce **separation of duties** and monitor access for **defense in depth**.",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_not_publicly_accessible"
   ]
  },
  "risk_details": "**Public invocation** lets outsiders run code under the function's IAM role.\n\nImpacts:\n- **Confidentiality**: data exfiltration via backend access\n- **Integrity**: unauthorized state changes from side effects\n- **Availability/cost**: invocation floods causing throttling and spend spikes",
  "severity": "Critical",
  "severity_id": 5,
  "title": "Lambda function resource-based policy does not allow public access",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices/Network Reachability",
   "Software and Configuration Checks/Industry and Regulatory Standards/AWS Foundational Security Best Practices"
  ]
 },
 "awslambda_function_url_cors_policy": {
  "additional_urls": [
   "https://support.icompaas.com/support/solutions/articles/62000229584-ensure-lambda-function-url-cors-configurations-were-checked",
   "https://docs.aws.amazon.com/lambda/latest/api/API_Cors.html",
   "https://tutorialsdojo.com/how-to-configure-aws-lambda-function-url-with-cross-origin-resource-sharing/",
   "https://dev.to/rimutaka/aws-lambda-function-url-with-cors-explained-by-example-14df"
  ],
  "categories": [
   "internet-exposed"
  ],
  "compliance": {
   "AWS-AI-Security-Framework-1.0": [
    "AISF-RUNTIME-03"
   ],
   "AWS-Well-Architected-Framework-Security-Pillar": [
    "SEC03-BP07"
   ],
   "ENS-RD2022": [
    "op.acc.4.aws.iam.1"
   ],
   "ISO27001-2022": [
    "A.8.1"
   ],
   "KISA-ISMS-P-2023": [
    "2.6.2",
    "2.10.2"
   ],
   "KISA-ISMS-P-2023-korean": [
    "2.6.2",
    "2.10.2"
   ]
  },
  "desc": "**Lambda function URL** CORS policy is reviewed for `AllowOrigins`. The presence of `*` indicates a wide origin allowance in the CORS configuration.",
  "remediation": {
   "desc": "Apply least privilege to CORS:\n- Restrict `AllowOrigins` to trusted domains; avoid `*`\n- Limit `AllowMethods`/`AllowHeaders`; disable `AllowCredentials` unless required\n- Prefer authenticated access (e.g., `AWS_IAM`) and enforce resource policies for defense in depth",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_url_cors_policy"
   ]
  },
  "risk_details": "**Wildcard origins** allow any website to call the endpoint from a browser and read responses, weakening origin isolation.\n\nThis can lead to data exposure (C) and unauthorized actions (I) if state-changing methods are reachable, enabling scripted abuse and cross-origin attacks.",
  "severity": "Medium",
  "severity_id": 3,
  "title": "Lambda function URL CORS does not allow wildcard origins (*)",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices/Network Reachability",
   "Effects/Data Exposure"
  ]
 },
 "awslambda_function_url_public": {
  "additional_urls": [
   "https://www.trendmicro.com/trendaivisiononecloudriskmanagement/knowledge-base/aws/Lambda/iam-auth-function-url.html",
   "https://www.roastdev.com/post/aws-lambda-url-invocations-with-iam-authentication-and-throttling-limits",
   "https://docs.aws.amazon.com/secretsmanager/latest/userguide/lambda-functions.html",
   "https://dev.to/aws-builders/hands-on-aws-lambda-function-url-with-aws-iam-authentication-type-180g",
   "https://www.rahulpnath.com/blog/how-to-secure-and-authenticate-lambda-function-urls/"
  ],
  "categories": [
   "internet-exposed"
  ],
  "compliance": {
   "AWS-AI-Security-Framework-1.0": [
    "AISF-RUNTIME-03"
   ],
   "AWS-Well-Architected-Framework-Security-Pillar": [
    "SEC03-BP07"
   ],
   "C5-2025": [
    "PS-03.02B"
   ],
   "CCC-v2025.10": [
    "CCC.Core.CN05.AR01",
    "CCC.Core.CN05.AR05",
    "CCC.SvlsComp.CN01.AR01"
   ],
   "ENS-RD2022": [
    "op.acc.4.aws.iam.1"
   ],
   "FFIEC": [
    "d3-pc-im-b-1"
   ],
   "FedRAMP-Low-Revision-4": [
    "ac-3",
    "ac-17",
    "cm-2",
    "sc-7"
   ],
   "FedRamp-Moderate-Revision-4": [
    "ac-3",
    "ac-4",
    "ac-6",
    "ac-17-1",
    "ac-21-b",
    "cm-2",
    "sc-4",
    "sc-7-3",
    "sc-7"
   ],
   "GxP-21-CFR-Part-11": [
    "11.10-d",
    "11.10-g"
   ],
   "HIPAA": [
    "164_308_a_1_ii_b",
    "164_308_a_3_i",
    "164_312_a_1"
   ],
   "ISO27001-2022": [
    "A.8.1"
   ],
   "KISA-ISMS-P-2023": [
    "2.6.2",
    "2.10.2"
   ],
   "KISA-ISMS-P-2023-korean": [
    "2.6.2",
    "2.10.2"
   ],
   "NIST-800-171-Revision-2": [
    "3_1_1",
    "3_1_2",
    "3_1_3",
    "3_1_14",
    "3_4_6",
    "3_13_2",
    "3_13_5"
   ],
   "NIST-800-53-Revision-4": [
    "ac_3",
    "ac_4",
    "ac_6",
    "ac_21",
    "sc_7_3",
    "sc_7"
   ],
   "NIST-800-53-Revision-5": [
    "ac_2_6",
    "ac_3",
    "ac_3_7",
    "ac_4_21",
    "ac_6",
    "ac_17_b",
    "ac_17_1",
    "ac_17_4_a",
    "ac_17_9",
    "ac_17_10",
    "mp_2",
    "sc_7_2",
    "sc_7_3",
    "sc_7_7",
    "sc_7_9_a",
    "sc_7_11",
    "sc_7_12",
    "sc_7_16",
    "sc_7_20",
    "sc_7_21",
    "sc_7_24_b",
    "sc_7_25",
    "sc_7_26",
    "sc_7_27",
    "sc_7_28",
    "sc_7_a",
    "sc_7_b",
    "sc_7_c",
    "sc_25"
   ],
   "NIST-CSF-1.1": [
    "ac_3",
    "ac_5",
    "ds_5",
    "ip_8",
    "pt_3"
   ],
   "NIST-CSF-2.0": [
    "ac_7"
   ],
   "ProwlerThreatScore-1.0": [
    "2.3.4"
   ],
   "RBI-Cyber-Security-Framework": [
    "annex_i_1_3"
   ]
  },
  "desc": "**AWS Lambda function URLs** are assessed to determine whether `AuthType` enforces **AWS IAM authentication** or permits **public invocation**.\n\nApplies to functions with a function URL and highlights when requests must be authenticated and authorized via IAM principals.",
  "remediation": {
   "desc": "Enforce `AWS_IAM` on function URLs and apply **least privilege**:\n- Grant `lambda:InvokeFunctionUrl` only to required principals\n- Avoid `*` principals or broad conditions\n- Limit CORS to trusted origins and methods\n- Set reserved concurrency to contain abuse\n\nConsider **defense in depth** (WAF/CDN or private access) for Internet use.",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_url_public"
   ]
  },
  "risk_details": "An unauthenticated function URL lets anyone invoke code:\n- Confidentiality: data exposure\n- Integrity: unintended changes via over-privileged logic\n- Availability: DoS/denial-of-wallet through high request rates\n\nAttackers can script calls, exfiltrate data, and pivot using the function's permissions.",
  "severity": "High",
  "severity_id": 4,
  "title": "Lambda function URL is not publicly accessible",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices/Network Reachability",
   "Effects/Data Exposure"
  ]
 },
 "awslambda_function_using_cross_account_layers": {
  "additional_urls": [
   "https://docs.aws.amazon.com/lambda/latest/dg/configuration-layers.html",
   "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
   "https://unit42.paloaltonetworks.com/lambda-layers-supply-chain/"
  ],
  "categories": [
   "software-supply-chain"
  ],
  "compliance": {},
  "desc": "**AWS Lambda functions** use only **layers published within the same AWS account**, rather than layers owned by external accounts.\n\nA Lambda layer bundles shared code or dependencies that are injected into the function execution environment at runtime.",
  "remediation": {
   "desc": "Eliminate cross-account layer dependencies by hosting all layers in your own AWS account.\n- Audit all layers with `aws lambda get-function-configuration` and inspect `Layers[].Arn`\n- Extract the account ID from the ARN (field 5 in colon-split) and compare against your account\n- For approved vendor layers, pin to a specific immutable version ARN and review on each update\n- Enforce this via SCP: deny `lambda:UpdateFunctionConfiguration` when `lambda:Layer` ARN does not match your account ID",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_using_cross_account_layers"
   ]
  },
  "risk_details": "A layer from an external account is a **supply chain dependency outside your control**. If that account is compromised or the layer is updated maliciously, every consumer function executes attacker code with its IAM role \u2014 a direct **privilege escalation** and **lateral movement** path across all functions using that layer.",
  "severity": "High",
  "severity_id": 4,
  "title": "Lambda function does not use cross-account layers",
  "types": [
   "Software and Configuration Checks/AWS Security Best Practices",
   "TTPs/Initial Access"
  ]
 },
 "awslambda_function_using_supported_runtimes": {
  "additional_urls": [
   "https://aws.amazon.com/blogs/compute/managing-aws-lambda-runtime-upgrades/",
   "https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html",
   "https://www.trendmicro.com/trendaivisiononecloudriskmanagement/knowledge-base/aws/Lambda/supported-runtime-environment.html",
   "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"
  ],
  "categories": [],
  "compliance": {
   "ASD-Essential-Eight-Nov 2023": [
    "E8-1.5",
    "E8-1.6",
    "E8-1.8"
   ],
   "AWS-AI-Security-Framework-1.0": [
    "AISF-RUNTIME-03"
   ],
   "AWS-Foundational-Security-Best-Practices": [
    "Lambda.2"
   ],
   "KISA-ISMS-P-2023": [
    "2.10.2",
    "2.10.8"
   ],
   "KISA-ISMS-P-2023-korean": [
    "2.10.2",
    "2.10.8"
   ]
  },
  "desc": "**Lambda functions** using **obsolete runtimes**-such as `python3.8`, `nodejs14.x`, `go1.x`, `ruby2.7`-are identified against a curated list of deprecated runtime identifiers.",
  "remediation": {
   "desc": "Upgrade to **supported LTS runtimes** (AL2/AL2023) and include runtime upgrades in a secure SDLC.\n\nTest in staging, deploy via versions/aliases, and keep dependencies current. Monitor deprecation notices. Apply guardrails to block deprecated `runtime` values and allow only approved runtimes, aligning with **defense in depth**.",
   "references": [
    "https://hub.prowler.com/check/awslambda_function_using_supported_runtimes"
   ]
  },
  "risk_details": "Unmaintained runtimes lack security patches, exposing code and libraries to known CVEs (**confidentiality, integrity**).\n\nDeprecation can block create/update and break builds, causing failed deployments or runtime errors (**availability**). Tooling may stop supporting builds, slowing fixes and recovery.",
  "severity": "Medium",
  "severity_id": 3,
  "title": "Lambda function uses a supported runtime",
  "types": [
   "Software and Configuration Checks/Patch Management",
   "Software and Configuration Checks/AWS Security Best Practices"
  ]
 }
}
''')


if __name__ == "__main__":
  sys.exit(main())
