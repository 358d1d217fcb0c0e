#!/usr/bin/env bash
# collect-aws.sh OUTDIR: collects one AWS account + region into OUTDIR in the layout
# `ward import` reads (docs/formats.md). Uses the aws CLI's standard environment:
# AWS_PROFILE, AWS_DEFAULT_REGION/AWS_REGION, AWS_ENDPOINT_URL, credentials.
# Each file is one CLI response, unchanged (--output json). A "not found" answer
# (no policy, no URL, no event invoke config, no bucket policy or public access block) is
# saved as the CLI's error text.
# Optional environment: WARD_METRIC_DAYS (30), WARD_COST_DAYS (90); WARD_METRIC_START and
# WARD_METRIC_END (ISO 8601, e.g. 2026-12-01T13:00:00Z) fix the metric window instead of
# "WARD_METRIC_DAYS days ago" .. "this hour"; WARD_COLLECT_ONLY=metrics writes only
# metrics/NAME.json (scripts/collect-org.sh uses it to add the hours since a collection).
set -euo pipefail

if [[ $# -ne 1 || "$1" == -* ]]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
OUT=$1
DAYS_METRICS=${WARD_METRIC_DAYS:-30}
DAYS_COST=${WARD_COST_DAYS:-90}
ONLY=${WARD_COLLECT_ONLY:-}
if [[ -n "$ONLY" && "$ONLY" != metrics ]]; then
  echo "collect-aws: WARD_COLLECT_ONLY must be 'metrics' (or unset), not '$ONLY'" >&2
  exit 2
fi
for var in WARD_METRIC_START WARD_METRIC_END; do
  if [[ -n "${!var:-}" ]] && ! date -u -d "${!var}" >/dev/null 2>&1; then
    echo "collect-aws: $var is not a date: '${!var}' (expected ISO 8601, e.g. 2026-12-01T13:00:00Z)" >&2
    exit 2
  fi
done
mkdir -p "$OUT/metrics"
[[ -n "$ONLY" ]] || mkdir -p "$OUT/functions" "$OUT/cost"

aws_json() { aws --output json "$@"; }

# Saves a per-function aspect; a ResourceNotFoundException is kept as its error text.
save_aspect() {
  local file=$1
  shift
  local err
  err=$(mktemp)
  if aws_json "$@" >"$file" 2>"$err"; then
    rm -f "$err"
    # An empty response (e.g. get-function-concurrency with none set) prints nothing.
    [[ -s "$file" ]] || echo '{}' >"$file"
  elif grep -q ResourceNotFoundException "$err"; then
    tr -d '\r' <"$err" | sed '/^[[:space:]]*$/d' >"$file"
    rm -f "$err"
  else
    echo "collect-aws: $* failed:" >&2
    cat "$err" >&2
    rm -f "$err" "$file"
    return 1
  fi
}

iso() { date -u -d "$1" +%Y-%m-%dT%H:00:00Z; }

if [[ -z "$ONLY" ]]; then
  echo "collect-aws: caller identity" >&2
  aws_json sts get-caller-identity >"$OUT/sts-get-caller-identity.json"
  echo "collect-aws: functions" >&2
  aws_json lambda list-functions >"$OUT/lambda-list-functions.json"
  aws_json lambda list-event-source-mappings >"$OUT/lambda-list-event-source-mappings.json"
  aws_json logs describe-log-groups --log-group-name-prefix /aws/lambda/ \
    >"$OUT/logs-describe-log-groups.json"
fi

mapfile -t NAMES < <(aws lambda list-functions --query 'Functions[].FunctionName' --output text |
  tr '\t' '\n' | sed '/^$/d; /^None$/d')

END=$(iso "${WARD_METRIC_END:-now}")
START=$(iso "${WARD_METRIC_START:-$DAYS_METRICS days ago}")
for name in "${NAMES[@]}"; do
  echo "collect-aws: function $name" >&2
  if [[ -z "$ONLY" ]]; then
    dir="$OUT/functions/$name"
    mkdir -p "$dir"
    save_aspect "$dir/get-policy.json" lambda get-policy --function-name "$name"
    save_aspect "$dir/get-function-url-config.json" lambda get-function-url-config --function-name "$name"
    save_aspect "$dir/get-function-concurrency.json" lambda get-function-concurrency --function-name "$name"
    save_aspect "$dir/get-function-event-invoke-config.json" \
      lambda get-function-event-invoke-config --function-name "$name"
    save_aspect "$dir/get-function-code-signing-config.json" \
      lambda get-function-code-signing-config --function-name "$name"
  fi

  queries=$(mktemp)
  dim="{\"Name\":\"FunctionName\",\"Value\":\"$name\"}"
  q() { # Id MetricName Stat
    printf '{"Id":"%s","MetricStat":{"Metric":{"Namespace":"AWS/Lambda","MetricName":"%s","Dimensions":[%s]},"Period":3600,"Stat":"%s"},"ReturnData":true}' \
      "$1" "$2" "$dim" "$3"
  }
  write_queries() { # with_p99
    printf '['
    q invocations Invocations Sum; printf ','
    q errors Errors Sum; printf ','
    q throttles Throttles Sum; printf ','
    q duration_avg Duration Average; printf ','
    if [[ $1 == yes ]]; then q duration_p99 Duration p99; printf ','; fi
    q duration_max Duration Maximum; printf ','
    q concurrency_max ConcurrentExecutions Maximum
    printf ']'
  }
  write_queries yes >"$queries"
  if ! aws_json cloudwatch get-metric-data --start-time "$START" --end-time "$END" \
    --metric-data-queries "file://$queries" >"$OUT/metrics/$name.json"; then
    # Some endpoints (emulators) reject percentile statistics: retry without p99.
    echo "collect-aws: get-metric-data failed for $name; retrying without duration_p99" >&2
    write_queries no >"$queries"
    aws_json cloudwatch get-metric-data --start-time "$START" --end-time "$END" \
      --metric-data-queries "file://$queries" >"$OUT/metrics/$name.json"
  fi
  rm -f "$queries"
done
if [[ -n "$ONLY" ]]; then
  echo "collect-aws: wrote metrics $START .. $END to $OUT" >&2
  exit 0
fi

echo "collect-aws: API Gateway" >&2
mkdir -p "$OUT/apigateway" "$OUT/apigatewayv2"
# API Gateway is optional: a role without apigateway:GET skips it with a warning (the rest of
# the collection goes on, and Ward's API rules then have nothing to judge, not "no APIs").
optional_list() { # FILE CLI-ARGS...: saves the listing, or warns and removes it
  local file=$1
  shift
  local err
  err=$(mktemp)
  if aws_json "$@" >"$file" 2>"$err"; then
    rm -f "$err"
    return 0
  fi
  echo "collect-aws: skipped ($*): $(head -c 300 "$err" | tr -d '\r' | sed '/^[[:space:]]*$/d' | head -1)" >&2
  rm -f "$err" "$file"
  return 1
}
REST_IDS=()
if optional_list "$OUT/apigateway-get-rest-apis.json" apigateway get-rest-apis; then
  mapfile -t REST_IDS < <(aws apigateway get-rest-apis --query 'items[].id' --output text |
    tr '\t' '\n' | sed '/^$/d; /^None$/d')
fi
for api in "${REST_IDS[@]}"; do
  echo "collect-aws: REST API $api" >&2
  mkdir -p "$OUT/apigateway/$api"
  aws_json apigateway get-resources --rest-api-id "$api" --embed methods \
    >"$OUT/apigateway/$api/get-resources.json"
  aws_json apigateway get-stages --rest-api-id "$api" >"$OUT/apigateway/$api/get-stages.json"
done
HTTP_IDS=()
if optional_list "$OUT/apigatewayv2-get-apis.json" apigatewayv2 get-apis; then
  mapfile -t HTTP_IDS < <(aws apigatewayv2 get-apis --query 'Items[?ProtocolType==`HTTP`].ApiId' \
    --output text | tr '\t' '\n' | sed '/^$/d; /^None$/d')
fi
for api in "${HTTP_IDS[@]}"; do
  echo "collect-aws: HTTP API $api" >&2
  mkdir -p "$OUT/apigatewayv2/$api"
  aws_json apigatewayv2 get-routes --api-id "$api" >"$OUT/apigatewayv2/$api/get-routes.json"
  aws_json apigatewayv2 get-integrations --api-id "$api" \
    >"$OUT/apigatewayv2/$api/get-integrations.json"
  aws_json apigatewayv2 get-stages --api-id "$api" >"$OUT/apigatewayv2/$api/get-stages.json"
done

echo "collect-aws: IAM roles and policies" >&2
# IAM is optional like API Gateway: without iam:GetAccountAuthorizationDetails the roles'
# permissions stay unknown to Ward (the permission rules then raise nothing). The CLI
# follows the pagination and writes one merged response.
optional_list "$OUT/iam-get-account-authorization-details.json" \
  iam get-account-authorization-details --filter Role LocalManagedPolicy AWSManagedPolicy || true

echo "collect-aws: trigger sources" >&2
# Trigger sources are optional too: a call the role may not make is skipped with a warning,
# and Ward then says "unknown" for what it would have shown, never "not public".
# S3's "no policy" / "no public access block" answers are saved as the CLI's error text
# (they are facts: none is set).
# The aws CLI v1 resolves the SQS endpoint itself and ignores AWS_ENDPOINT_URL: pass it.
sqs_json() { aws --output json ${AWS_ENDPOINT_URL:+--endpoint-url "$AWS_ENDPOINT_URL"} sqs "$@"; }
optional_source() { # FILE COMMAND ARGS...: saves the response, a NoSuch… answer, or warns
  local file=$1
  shift
  local err
  err=$(mktemp)
  if "$@" >"$file" 2>"$err"; then
    rm -f "$err"
    return 0
  fi
  if grep -qE 'NoSuchBucketPolicy|NoSuchPublicAccessBlockConfiguration' "$err"; then
    tr -d '\r' <"$err" | sed '/^[[:space:]]*$/d' >"$file"
    rm -f "$err"
    return 0
  fi
  echo "collect-aws: skipped (${*:2}): $(tr -d '\r' <"$err" | sed '/^[[:space:]]*$/d' | head -1 | head -c 300)" >&2
  rm -f "$err" "$file"
  return 1
}
list_text() { tr '\t' '\n' | sed '/^$/d; /^None$/d'; }

# S3: every bucket whose notification configuration names a Lambda function.
BUCKETS=()
if buckets=$(aws s3api list-buckets --query 'Buckets[].Name' --output text 2>/dev/null); then
  mapfile -t BUCKETS < <(list_text <<<"$buckets")
else
  echo "collect-aws: skipped (s3api list-buckets): not allowed or not available" >&2
fi
for bucket in "${BUCKETS[@]}"; do
  notifications=$(mktemp)
  if ! optional_source "$notifications" aws_json s3api get-bucket-notification-configuration \
    --bucket "$bucket"; then
    continue
  fi
  if ! grep -q LambdaFunctionConfigurations "$notifications"; then
    rm -f "$notifications"
    continue
  fi
  echo "collect-aws: bucket $bucket" >&2
  dir="$OUT/s3/$bucket"
  mkdir -p "$dir"
  mv "$notifications" "$dir/get-bucket-notification-configuration.json"
  optional_source "$dir/get-bucket-policy.json" aws_json s3api get-bucket-policy --bucket "$bucket" || true
  optional_source "$dir/get-bucket-acl.json" aws_json s3api get-bucket-acl --bucket "$bucket" || true
  optional_source "$dir/get-public-access-block.json" \
    aws_json s3api get-public-access-block --bucket "$bucket" || true
done

# SQS: the policy of every queue an event source mapping reads.
mapfile -t QUEUES < <(aws lambda list-event-source-mappings \
  --query 'EventSourceMappings[].EventSourceArn' --output text | list_text |
  grep -E '^arn:[a-z-]+:sqs:' | sort -u || true)
for queue in "${QUEUES[@]}"; do
  IFS=: read -r _ _ _ qregion qaccount qname <<<"$queue"
  if ! url=$(sqs_json get-queue-url --queue-name "$qname" --queue-owner-aws-account-id "$qaccount" \
    --region "$qregion" --query QueueUrl --output text 2>/dev/null); then
    echo "collect-aws: skipped (sqs get-queue-url $qname): not allowed or not found" >&2
    continue
  fi
  echo "collect-aws: queue $qname" >&2
  mkdir -p "$OUT/sqs"
  optional_source "$OUT/sqs/$qname.json" sqs_json get-queue-attributes --queue-url "$url" \
    --region "$qregion" --attribute-names Policy QueueArn || true
done

# SNS: the account's subscriptions, and the policy of every topic that delivers to a function.
if optional_source "$OUT/sns-list-subscriptions.json" aws_json sns list-subscriptions; then
  mapfile -t TOPICS < <(aws sns list-subscriptions \
    --query 'Subscriptions[?Protocol==`lambda`].TopicArn' --output text | list_text | sort -u)
  for topic in "${TOPICS[@]}"; do
    echo "collect-aws: topic ${topic##*:}" >&2
    mkdir -p "$OUT/sns"
    optional_source "$OUT/sns/${topic##*:}.json" aws_json sns get-topic-attributes \
      --topic-arn "$topic" || true
  done
fi

# EventBridge: the default bus's rules and each rule's targets.
if optional_source "$OUT/events-list-rules.json" aws_json events list-rules; then
  mapfile -t RULES < <(aws events list-rules --query 'Rules[].Name' --output text | list_text)
  for rule in "${RULES[@]}"; do
    mkdir -p "$OUT/events/$rule"
    optional_source "$OUT/events/$rule/list-targets-by-rule.json" \
      aws_json events list-targets-by-rule --rule "$rule" || rmdir "$OUT/events/$rule"
  done
fi

echo "collect-aws: cost" >&2
CSTART=$(date -u -d "$DAYS_COST days ago" +%Y-%m-%d)
CEND=$(date -u +%Y-%m-%d)
if ! aws_json ce get-cost-and-usage --time-period "Start=$CSTART,End=$CEND" --granularity DAILY \
  --metrics UnblendedCost --group-by Type=DIMENSION,Key=LINKED_ACCOUNT Type=DIMENSION,Key=SERVICE \
  >"$OUT/cost/get-cost-and-usage.json"; then
  echo "collect-aws: Cost Explorer is not available here; skipping cost" >&2
  rm -f "$OUT/cost/get-cost-and-usage.json"
elif ! aws_json ce get-cost-and-usage --time-period "Start=$CSTART,End=$CEND" --granularity DAILY \
  --metrics UnblendedCost --group-by Type=DIMENSION,Key=LINKED_ACCOUNT Type=TAG,Key=Function \
  --filter '{"Dimensions":{"Key":"SERVICE","Values":["AWS Lambda"]}}' \
  >"$OUT/cost/get-cost-and-usage-by-function.json"; then
  echo "collect-aws: per-function cost (TAG Function) failed; skipping it" >&2
  rm -f "$OUT/cost/get-cost-and-usage-by-function.json"
fi
echo "collect-aws: wrote $OUT" >&2
