#!/usr/bin/env bash
# Creates a small, deliberately insecure Lambda estate in a moto server, through the real
# aws CLI: a function with a public URL (AuthType NONE), a wildcard resource policy and a
# credential-like environment variable; a second, tidy function; functions whose execution
# roles are admin, data-wide, able to escalate or reach another tenant, with least-privilege,
# boundary-capped and Deny-cancelled controls; and some metrics.
# Usage: AWS_ENDPOINT_URL=http://127.0.0.1:PORT moto-populate.sh WORKDIR
set -euo pipefail
work=$1
mkdir -p "$work"
cd "$work"

printf 'def handler(event, context):\n    return {"ok": True}\n' > handler.py
python3 -c 'import zipfile; z = zipfile.ZipFile("fn.zip", "w"); z.write("handler.py"); z.close()'

trust='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
new_role() { aws iam create-role --role-name "$1" --assume-role-policy-document "$trust" \
  --query Role.Arn --output text; }
inline() { aws iam put-role-policy --role-name "$1" --policy-name "$2" --policy-document "$3"; }

# Execution roles: one problem each, and controls that must stay quiet.
# ward-e2e: least privilege (its own log group, one bucket prefix) — the control.
role=$(new_role ward-e2e)
inline ward-e2e least-privilege '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:*:*:log-group:/aws/lambda/nightly-report:*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}'
# checkout-role: s3:* on * (data-wide) behind the public checkout-api (toxic).
checkout_role=$(new_role checkout-role)
inline checkout-role data-access '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:*:*:table/orders"}]}'
# admin-task-role: a managed policy granting * on * (moto loads no AWS-managed policies, so
# this is a customer-managed copy of AdministratorAccess).
admin_policy=$(aws iam create-policy --policy-name full-admin \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' \
  --query Policy.Arn --output text)
admin_role=$(new_role admin-task-role)
aws iam attach-role-policy --role-name admin-task-role --policy-arn "$admin_policy"
# deployer-role: iam:PassRole with lambda:UpdateFunctionCode, and iam:AttachUserPolicy.
deployer_role=$(new_role deployer-role)
inline deployer-role deploy '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole","lambda:UpdateFunctionCode","iam:AttachUserPolicy"],"Resource":"*"}]}'
# bounded-role: the same admin policy capped by a boundary to one bucket prefix — a control.
boundary=$(aws iam create-policy --policy-name reports-read-boundary \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}' \
  --query Policy.Arn --output text)
bounded_role=$(aws iam create-role --role-name bounded-role --assume-role-policy-document "$trust" \
  --permissions-boundary "$boundary" --query Role.Arn --output text)
aws iam attach-role-policy --role-name bounded-role --policy-arn "$admin_policy"
# denied-role: s3:* on * cancelled by an explicit Deny — a control.
denied_role=$(new_role denied-role)
inline denied-role allow-s3 '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
inline denied-role deny-s3 '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}'
# partner-role: reads a table in account 210987654321, another tenant's (tenants.yaml).
partner_role=$(new_role partner-role)
inline partner-role partner-read '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:eu-west-1:210987654321:table/globex-orders"}]}'

aws lambda create-function --function-name checkout-api --runtime python3.12 \
  --role "$checkout_role" --handler handler.handler --zip-file fileb://fn.zip \
  --environment 'Variables={STAGE=prod,AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE,DB_PASSWORD=not-a-real-password}' >/dev/null
aws lambda create-function --function-name nightly-report --runtime python3.9 \
  --role "$role" --handler handler.handler --zip-file fileb://fn.zip --timeout 60 >/dev/null
for pair in "admin-task:$admin_role" "deployer:$deployer_role" "bounded-worker:$bounded_role" \
  "denied-worker:$denied_role" "partner-sync:$partner_role"; do
  aws lambda create-function --function-name "${pair%%:*}" --runtime python3.12 \
    --role "${pair#*:}" --handler handler.handler --zip-file fileb://fn.zip >/dev/null
done

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

# API Gateway: a REST API with an open route to checkout-api (no authorizer, no validator, a
# stage with neither access logging nor throttling), an IAM-only REST API in front of
# nightly-report with a logged and throttled stage (the control), and an HTTP API with
# CORS * and an open route to checkout-api.
region=${AWS_DEFAULT_REGION:-eu-west-1}
account=$(aws sts get-caller-identity --query Account --output text)
fn_arn() { echo "arn:aws:lambda:$region:$account:function:$1"; }
lambda_uri() { echo "arn:aws:apigateway:$region:lambda:path/2015-03-31/functions/$(fn_arn "$1")/invocations"; }
rest_route() { # API_ID PATH_PART METHOD AUTH FUNCTION
  local root res
  root=$(aws apigateway get-resources --rest-api-id "$1" --query 'items[?path==`/`].id' --output text)
  res=$(aws apigateway create-resource --rest-api-id "$1" --parent-id "$root" --path-part "$2" \
    --query id --output text)
  aws apigateway put-method --rest-api-id "$1" --resource-id "$res" --http-method "$3" \
    --authorization-type "$4" >/dev/null
  aws apigateway put-integration --rest-api-id "$1" --resource-id "$res" --http-method "$3" \
    --type AWS_PROXY --integration-http-method POST --uri "$(lambda_uri "$5")" >/dev/null
}
shop=$(aws apigateway create-rest-api --name shop --query id --output text)
rest_route "$shop" pay POST NONE checkout-api
aws apigateway create-deployment --rest-api-id "$shop" --stage-name prod >/dev/null

internal=$(aws apigateway create-rest-api --name internal --query id --output text)
rest_route "$internal" report GET AWS_IAM nightly-report
aws apigateway create-deployment --rest-api-id "$internal" --stage-name prod >/dev/null
aws apigateway update-stage --rest-api-id "$internal" --stage-name prod --patch-operations \
  "op=replace,path=/accessLogSettings/destinationArn,value=arn:aws:logs:$region:$account:log-group:api-access" \
  'op=replace,path=/accessLogSettings/format,value=$context.requestId' \
  'op=replace,path=/*/*/throttling/rateLimit,value=100' \
  'op=replace,path=/*/*/throttling/burstLimit,value=50' >/dev/null

web=$(aws apigatewayv2 create-api --name web --protocol-type HTTP \
  --cors-configuration 'AllowOrigins=*' --query ApiId --output text)
integration=$(aws apigatewayv2 create-integration --api-id "$web" --integration-type AWS_PROXY \
  --integration-uri "$(fn_arn checkout-api)" --payload-format-version 2.0 \
  --query IntegrationId --output text)
aws apigatewayv2 create-route --api-id "$web" --route-key 'GET /items' \
  --target "integrations/$integration" >/dev/null
aws apigatewayv2 create-stage --api-id "$web" --stage-name '$default' >/dev/null
