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

# Trigger sources. Each function below is fed by one source; the public ones must raise
# WARD-ATS-010 / WARD-ATS-011, the controls nothing:
#   thumbnailer     <- bucket ward-e2e-uploads: policy PutObject to *, ACL WRITE to AllUsers,
#                      no public access block (public)
#   archive-indexer <- bucket ward-e2e-archive: the same policy, stopped by a public access
#                      block with every setting on (control)
#   invoice-worker  <- queue ward-e2e-orders: SendMessage to * with no condition (public)
#   ledger-worker   <- queue ward-e2e-ledger: SendMessage only from this account (control)
#   notify-worker   <- topic ward-e2e-public-events: Publish to * (public)
#   audit-sink      <- topic ward-e2e-audit: the default policy, AWS:SourceOwner (control)
#   nightly-report  <- EventBridge rule ward-e2e-nightly (no exposure Ward can judge: quiet)
# and status-page, a public URL with reserved concurrency 2 (WARD-DOS-005).
# (The aws CLI v1 resolves the SQS endpoint itself: give it the emulator's explicitly.)
sqs() { aws --endpoint-url "$AWS_ENDPOINT_URL" sqs "$@"; }
for fn in thumbnailer archive-indexer invoice-worker ledger-worker notify-worker audit-sink \
  status-page; do
  aws lambda create-function --function-name "$fn" --runtime python3.12 --role "$role" \
    --handler handler.handler --zip-file fileb://fn.zip >/dev/null
done
aws lambda create-function-url-config --function-name status-page --auth-type NONE >/dev/null
aws lambda put-function-concurrency --function-name status-page \
  --reserved-concurrent-executions 2 >/dev/null

public_put_policy() { # BUCKET
  printf '{"Version":"2012-10-17","Statement":[{"Sid":"AnyoneUploads","Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::%s/*"}]}' "$1"
}
bucket_feeds() { # BUCKET FUNCTION
  aws s3api create-bucket --bucket "$1" \
    --create-bucket-configuration "LocationConstraint=$region" >/dev/null
  aws s3api put-bucket-policy --bucket "$1" --policy "$(public_put_policy "$1")"
  aws lambda add-permission --function-name "$2" --statement-id s3-invoke \
    --action lambda:InvokeFunction --principal s3.amazonaws.com \
    --source-arn "arn:aws:s3:::$1" --source-account "$account" >/dev/null
  aws s3api put-bucket-notification-configuration --bucket "$1" --notification-configuration \
    "{\"LambdaFunctionConfigurations\":[{\"Id\":\"to-$2\",\"LambdaFunctionArn\":\"$(fn_arn "$2")\",\"Events\":[\"s3:ObjectCreated:*\"]}]}"
}
bucket_feeds ward-e2e-uploads thumbnailer
owner=$(aws s3api get-bucket-acl --bucket ward-e2e-uploads --query Owner.ID --output text)
aws s3api put-bucket-acl --bucket ward-e2e-uploads --grant-full-control "id=$owner" \
  --grant-write uri=http://acs.amazonaws.com/groups/global/AllUsers
bucket_feeds ward-e2e-archive archive-indexer
aws s3api put-public-access-block --bucket ward-e2e-archive --public-access-block-configuration \
  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true

queue_feeds() { # QUEUE FUNCTION CONDITION-JSON
  local url qarn
  url=$(sqs create-queue --queue-name "$1" --query QueueUrl --output text)
  qarn="arn:aws:sqs:$region:$account:$1"
  local policy="{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Send\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"$qarn\"$3}]}"
  sqs set-queue-attributes --queue-url "$url" \
    --attributes "{\"Policy\":$(printf '%s' "$policy" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
  aws lambda create-event-source-mapping --function-name "$2" --event-source-arn "$qarn" >/dev/null
}
queue_feeds ward-e2e-orders invoice-worker ''
queue_feeds ward-e2e-ledger ledger-worker \
  ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"$account\"}}"

topic_feeds() { # TOPIC FUNCTION
  local topic
  topic=$(aws sns create-topic --name "$1" --query TopicArn --output text)
  aws lambda add-permission --function-name "$2" --statement-id sns-invoke \
    --action lambda:InvokeFunction --principal sns.amazonaws.com --source-arn "$topic" \
    --source-account "$account" >/dev/null
  aws sns subscribe --topic-arn "$topic" --protocol lambda \
    --notification-endpoint "$(fn_arn "$2")" >/dev/null
  echo "$topic"
}
public_topic=$(topic_feeds ward-e2e-public-events notify-worker)
aws sns set-topic-attributes --topic-arn "$public_topic" --attribute-name Policy --attribute-value \
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AnyonePublishes\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sns:Publish\",\"Resource\":\"$public_topic\"}]}"
topic_feeds ward-e2e-audit audit-sink >/dev/null

aws events put-rule --name ward-e2e-nightly --schedule-expression 'cron(0 2 * * ? *)' >/dev/null
aws events put-targets --rule ward-e2e-nightly \
  --targets "Id=report,Arn=$(fn_arn nightly-report)" >/dev/null
