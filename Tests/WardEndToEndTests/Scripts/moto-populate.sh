#!/usr/bin/env bash
# Creates a small, deliberately insecure Lambda estate in a moto server, through the real
# aws CLI: a function with a public URL (AuthType NONE), a wildcard resource policy and a
# credential-like environment variable; a second, tidy function; and some metrics.
# Usage: AWS_ENDPOINT_URL=http://127.0.0.1:PORT moto-populate.sh WORKDIR
set -euo pipefail
work=$1
mkdir -p "$work"
cd "$work"

printf 'def handler(event, context):\n    return {"ok": True}\n' > handler.py
python3 -c 'import zipfile; z = zipfile.ZipFile("fn.zip", "w"); z.write("handler.py"); z.close()'

role=$(aws iam create-role --role-name ward-e2e \
  --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' \
  --query Role.Arn --output text)

aws lambda create-function --function-name checkout-api --runtime python3.12 \
  --role "$role" --handler handler.handler --zip-file fileb://fn.zip \
  --environment 'Variables={STAGE=prod,AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE,DB_PASSWORD=not-a-real-password}' >/dev/null
aws lambda create-function --function-name nightly-report --runtime python3.9 \
  --role "$role" --handler handler.handler --zip-file fileb://fn.zip --timeout 60 >/dev/null

aws lambda create-function-url-config --function-name checkout-api --auth-type NONE \
  --cors 'AllowOrigins=*,AllowMethods=*' >/dev/null
aws lambda add-permission --function-name checkout-api --statement-id open-to-world \
  --action lambda:InvokeFunction --principal '*' >/dev/null
aws lambda put-function-concurrency --function-name nightly-report \
  --reserved-concurrent-executions 2 >/dev/null

now=$(date -u +%s)
for h in 1 2 3; do
  ts=$(date -u -d "@$((now - h * 3600))" +%Y-%m-%dT%H:00:00Z)
  aws cloudwatch put-metric-data --namespace AWS/Lambda --metric-data \
    "MetricName=Invocations,Dimensions=[{Name=FunctionName,Value=checkout-api}],Timestamp=$ts,Value=$((100 * h)),Unit=Count" \
    "MetricName=Errors,Dimensions=[{Name=FunctionName,Value=checkout-api}],Timestamp=$ts,Value=$h,Unit=Count" \
    "MetricName=Duration,Dimensions=[{Name=FunctionName,Value=checkout-api}],Timestamp=$ts,Value=250,Unit=Milliseconds"
done
