#!/usr/bin/env python3
"""Creates an AWS Organization in a moto server for the organization collection test.

The management account (moto's default, 123456789012) creates the organization and three
member accounts; in each member account, with credentials of the OrganizationAccountAccessRole
assumed there (moto then acts in that account), one Lambda function per region and one
CloudWatch Invocations datapoint two hours ago. boto3, not the aws CLI: one process instead
of dozens keeps the test quick; the collection under test still goes through the aws CLI.

Usage: moto-org-populate.py ENDPOINT REGION... ; prints JSON
{"management": ID, "members": [ID...], "functions": [{"name", "account", "region"}...]}
"""

import datetime
import io
import json
import sys
import zipfile

import boto3

endpoint, regions = sys.argv[1], sys.argv[2:]
keys = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def client(service, region=regions[0], **credentials):
    return boto3.client(
        service, region_name=region, endpoint_url=endpoint, **(credentials or keys)
    )


org = client("organizations")
management = org.create_organization(FeatureSet="ALL")["Organization"]["MasterAccountId"]
members = []
for name in ["payments", "search", "reports"]:
    status = org.create_account(Email=f"{name}@example.com", AccountName=name)
    members.append(status["CreateAccountStatus"]["AccountId"])

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    archive.writestr("handler.py", "def handler(event, context):\n    return 1\n")
code = buffer.getvalue()
trust = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
)
two_hours_ago = datetime.datetime.now(datetime.timezone.utc).replace(
    minute=0, second=0, microsecond=0
) - datetime.timedelta(hours=2)

functions = []
for account in members:
    assumed = client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
        RoleSessionName="populate",
    )["Credentials"]
    creds = {
        "aws_access_key_id": assumed["AccessKeyId"],
        "aws_secret_access_key": assumed["SecretAccessKey"],
        "aws_session_token": assumed["SessionToken"],
    }
    role = client("iam", **creds).create_role(
        RoleName="fn-role", AssumeRolePolicyDocument=trust
    )["Role"]["Arn"]
    for region in regions:
        name = f"fn-{account[-4:]}-{region}"
        client("lambda", region, **creds).create_function(
            FunctionName=name,
            Runtime="python3.12",
            Role=role,
            Handler="handler.handler",
            Code={"ZipFile": code},
        )
        client("cloudwatch", region, **creds).put_metric_data(
            Namespace="AWS/Lambda",
            MetricData=[
                {
                    "MetricName": "Invocations",
                    "Dimensions": [{"Name": "FunctionName", "Value": name}],
                    "Timestamp": two_hours_ago,
                    "Value": 7,
                    "Unit": "Count",
                }
            ],
        )
        functions.append({"name": name, "account": account, "region": region})

print(json.dumps({"management": management, "members": members, "functions": functions}))
