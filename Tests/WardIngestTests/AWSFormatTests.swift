import Foundation
import Testing
import WardModel

@testable import WardIngest

@Suite struct AWSFormatTests {
  @Test func listFunctionsFromTheCLIDocs() throws {
    let batch = try Fixture.read("real/aws-cli/lambda_list-functions.example1.json")
    #expect(batch.format == "aws-lambda-list-functions")
    #expect(batch.functions.count == 3)
    let f = try #require(batch.functions.first { $0.name == "my-function" })
    #expect(f.arn == "arn:aws:lambda:us-west-2:123456789012:function:my-function")
    #expect(f.account == "123456789012")
    #expect(f.region == "us-west-2")
    #expect(f.memoryMB == 256)
    #expect(f.runtime == "nodejs22.x")
    #expect(f.vpcId == nil)
    #expect(f.logGroup == "/aws/lambda/my-function")
    #expect(f.lastModified == UTC.parse("2025-10-01T16:47:28.490+0000"))
    #expect(batch.functions.contains { !$0.layers.isEmpty })
  }

  @Test func custodianRecordingIsUnwrappedAndEnvironmentValuesDropped() throws {
    let batch = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_lambda_kms_key_filter/lambda.ListFunctions_1.json"
    )
    let f = try #require(batch.functions.first)
    #expect(f.kmsKeyArn?.hasPrefix("arn:aws:kms:us-east-1:644160558196:key/") == true)
    let v = try #require(f.environment.first)
    #expect(v.name == "test")
    #expect(v.fingerprint == EnvironmentReader.fingerprint("test"))
    #expect(v.fingerprint.count == "sha256:".count + 16)
  }

  @Test func getFunctionCarriesConcurrency() throws {
    let batch = try Fixture.read("real/aws-cli/lambda_get-function.example1.json")
    #expect(batch.format == "aws-lambda-get-function")
    #expect(batch.functions.first?.reservedConcurrency == 100)
    let config = try Fixture.read("real/aws-cli/lambda_get-function-configuration.example1.json")
    #expect(config.format == "aws-lambda-get-function-configuration")
    // A qualified ARN (":2") is unqualified.
    #expect(
      config.functions.first?.arn == "arn:aws:lambda:us-west-2:123456789012:function:my-function")
    let custodian = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_cross_account_lambda/lambda.GetFunctionConfiguration_1.json"
    )
    #expect(custodian.functions.count == 1)
  }

  @Test func secretValuesNeverLeaveTheReader() throws {
    let secret = "AKIAIOSFODNN7EXAMPLE"
    let password = "s3cr3t-Pa55word-value-xyz"
    let json = """
      {"Functions":[{"FunctionName":"f","FunctionArn":"arn:aws:lambda:eu-west-1:111122223333:function:f",
      "Environment":{"Variables":{"AWS_KEY":"\(secret)","DB_PASSWORD":"\(password)","MODE":"prod"}},
      "LoggingConfig":{"LogGroup":"/custom/f"}}]}
      """
    let batch = try Fixture.read(json: json)
    let dump = "\(batch)"
    #expect(!dump.contains(secret))
    #expect(!dump.contains(password))
    let env = try #require(batch.functions.first?.environment)
    #expect(env.first { $0.name == "AWS_KEY" }?.secretKind == .awsAccessKeyId)
    #expect(env.first { $0.name == "DB_PASSWORD" }?.secretKind != nil)
    #expect(env.first { $0.name == "MODE" }?.preview == "…(4)")
    #expect(batch.functions.first?.logGroup == "/custom/f")
  }

  @Test func policyAsStringAndAsObject() throws {
    let docs = try Fixture.read("real/aws-cli/lambda_get-policy.example1.json")
    let p = try #require(docs.policies.first)
    #expect(p.functionArn == "arn:aws:lambda:us-west-2:123456789012:function:my-function")
    #expect(p.statements.first?.principals == ["iotevents.amazonaws.com"])
    #expect(p.revisionId == "93017fc9-59cb-41dc-901b-4845ce4bf668")

    let matched = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_lambda_permission_matched/lambda.GetPolicy_1.json"
    )
    let statements = try #require(matched.policies.first?.statements)
    #expect(statements.count == 2)
    #expect(statements[0].isPublicPrincipal)
    #expect(statements[1].principals == ["185106417252"])

    // botocore example: a qualified Resource is unqualified; account root normalised.
    let boto = try Fixture.read(json: try Fixture.botocoreExample("GetPolicy"))
    #expect(
      boto.policies.first?.functionArn
        == "arn:aws:lambda:us-east-2:123456789012:function:my-function")
  }

  @Test func policyConditionsAreExtractedCaseInsensitively() throws {
    let json = #"""
      {"Policy":"{\"Statement\":[{\"Sid\":\"s3\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:eu-west-1:111122223333:function:f\",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::bucket\"},\"StringEquals\":{\"aws:sourceaccount\":\"111122223333\",\"aws:PrincipalOrgID\":\"o-abc\",\"lambda:FunctionUrlAuthType\":\"NONE\"}}},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":[\"lambda:InvokeFunctionUrl\"],\"Resource\":\"arn:aws:lambda:eu-west-1:111122223333:function:f\"}]}"}
      """#
    let batch = try Fixture.read(json: json)
    let s = try #require(batch.policies.first?.statements)
    #expect(s[0].sourceArn == "arn:aws:s3:::bucket")
    #expect(s[0].sourceAccount == "111122223333")
    #expect(s[0].principalOrgId == "o-abc")
    #expect(s[0].functionUrlAuthType == "NONE")
    #expect(s[0].conditionJSON.hasPrefix(#"{"ArnLike":{"AWS:SourceArn":"#))
    #expect(s[1].isPublicPrincipal)
  }

  @Test func missingPolicyFromCustodianAndFromCLIText() throws {
    let context = ImportContext(account: "111122223333", region: "eu-west-1", functionName: "f")
    let custodian = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_cross_account_lambda/lambda.GetPolicy_1.json",
      context: context)
    #expect(
      custodian.functionsWithoutPolicy == ["arn:aws:lambda:eu-west-1:111122223333:function:f"])
    let text =
      "\nAn error occurred (ResourceNotFoundException) when calling the GetPolicy operation: The resource you requested does not exist.\n"
    let cli = try Fixture.read(json: text, name: "functions/f/get-policy.json", context: context)
    #expect(cli.functionsWithoutPolicy.count == 1)
    let url = try Fixture.read(
      json:
        "An error occurred (ResourceNotFoundException) when calling the GetFunctionUrlConfig operation: Function does not exist",
      context: context)
    #expect(url.functionsWithoutURL.count == 1)
    let noContext = Fixture.error(Array(text.utf8), name: "x.json")
    #expect(noContext?.description.contains("cannot tell which function") == true)
  }

  @Test func urlConfigMappingsConcurrencyInvokeConfig() throws {
    let url = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_aws_lambda_function_url/lambda.GetFunctionUrlConfig_1.json"
    )
    #expect(url.urlConfigs.first?.authType == "AWS_IAM")
    #expect(
      url.urlConfigs.first?.functionArn
        == "arn:aws:lambda:us-west-2:644160558196:function:hello_world")

    let esm = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_aws_lambda_event_source_mapping/lambda.ListEventSourceMappings_1.json"
    )
    #expect(esm.triggers.count == 3)
    #expect(esm.triggers[0].sourceService == "sqs")
    #expect(esm.triggers[1].state == "Disabled")

    let context = ImportContext(
      account: "123456789012", region: "us-west-2", functionName: "my-function")
    let concurrency = try Fixture.read(
      "real/aws-cli/lambda_get-function-concurrency.example1.json", context: context)
    #expect(
      concurrency.functionPatches == [
        FunctionPatch(functionArn: context.functionArn!, change: .reservedConcurrency(250))
      ])
    let none = try Fixture.read(json: "{}", context: context)
    #expect(none.functionPatches.first?.change == .reservedConcurrency(nil))
    let err = Fixture.error(Array("{}".utf8))
    #expect(err?.reason.hasPrefix("cannot tell which function") == true)

    let invoke = try Fixture.read(json: try Fixture.botocoreExample("GetFunctionEventInvokeConfig"))
    #expect(
      invoke.functionPatches.first?.change
        == .onFailureDestination("arn:aws:sqs:us-east-2:123456789012:failed-invocations"))
    #expect(
      invoke.functionPatches.first?.functionArn
        == "arn:aws:lambda:us-east-2:123456789012:function:my-function")
  }

  @Test func logGroupsAndCallerIdentity() throws {
    let json = """
      {"logGroups":[{"logGroupName":"/aws/lambda/a","retentionInDays":14,"arn":"arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/a:*"},
      {"logGroupName":"/aws/lambda/b","arn":"arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/b:*"},
      {"logGroupName":"/other","retentionInDays":1}]}
      """
    let batch = try Fixture.read(json: json)
    #expect(batch.functionPatches.count == 2)
    #expect(batch.functionPatches[0].change == .logRetention(logGroup: "/aws/lambda/a", days: 14))
    #expect(batch.functionPatches[1].change == .logRetention(logGroup: "/aws/lambda/b", days: nil))
    let sts = try Fixture.read(
      json: #"{"UserId":"AIDA","Account":"111122223333","Arn":"arn:aws:iam::111122223333:user/x"}"#)
    #expect(sts.isEmpty)
    #expect(sts.format == "aws-sts-get-caller-identity")
  }

  /// get-function-code-signing-config in the shape LocalStack recorded against real AWS
  /// (test_lambda_api.snapshot.json, get_function_code_signing_config), AWS's empty-string
  /// answer for no config, and moto's answer, which omits the key.
  @Test func codeSigningConfigAttachedNoneAndBad() throws {
    let context = ImportContext(account: "111111111111", region: "us-east-1", functionName: "f")
    let attached = try Fixture.read(
      json: """
        {"CodeSigningConfigArn": "arn:aws:lambda:us-east-1:111111111111:code-signing-config:csc-0123456789abcdef0",
         "FunctionName": "f"}
        """, context: context)
    #expect(attached.format == "aws-lambda-get-function-code-signing-config")
    #expect(
      attached.functionPatches == [
        FunctionPatch(
          functionArn: "arn:aws:lambda:us-east-1:111111111111:function:f",
          change: .codeSigning(
            configArn:
              "arn:aws:lambda:us-east-1:111111111111:code-signing-config:csc-0123456789abcdef0"
          ))
      ])
    let empty = try Fixture.read(
      json: #"{"CodeSigningConfigArn": "", "FunctionName": "f"}"#, context: context)
    #expect(empty.functionPatches.first?.change == .codeSigning(configArn: nil))
    #expect(empty.functionPatches.first?.functionArn == context.functionArn)
    let moto = try Fixture.read(json: #"{"FunctionName": "f"}"#, context: context)
    #expect(moto.functionPatches.first?.change == .codeSigning(configArn: nil))

    let bad = Fixture.error(
      Array(#"{"CodeSigningConfigArn": "csc-1", "FunctionName": "f"}"#.utf8), context: context)
    #expect(bad?.description.contains("$.CodeSigningConfigArn") == true)
    #expect(bad?.reason.contains("not a Lambda code signing config ARN") == true)
    let unnamed = Fixture.error(Array(#"{"CodeSigningConfigArn": ""}"#.utf8))
    #expect(unnamed?.reason.hasPrefix("cannot tell which function") == true)
  }

  /// API Gateway responses as the aws CLI prints them (captured from moto through the real
  /// CLI; the shapes of the CLI reference's get-resources --embed methods, get-stages,
  /// get-apis, get-routes, get-integrations examples).
  @Test func apiGatewayRestAndHttpResponses() throws {
    var context = ImportContext(account: "123456789012", region: "us-east-1")
    let apis = try Fixture.read(
      json: """
        {"items": [{"id": "bsqnjnznv9", "name": "shop", "createdDate": 1796168703,
          "apiKeySource": "HEADER", "endpointConfiguration": {"types": ["EDGE"]},
          "rootResourceId": "avgjndnhic"}]}
        """, context: context)
    #expect(
      apis.apis == [
        ApiInfo(
          apiId: "bsqnjnznv9", kind: .rest, name: "shop", account: "123456789012",
          region: "us-east-1")
      ])

    let resourcesJSON = """
      {"items": [{"id": "avgjndnhic", "path": "/"},
        {"id": "6vqsgqizwf", "parentId": "avgjndnhic", "pathPart": "pay", "path": "/pay",
         "resourceMethods": {
           "POST": {"httpMethod": "POST", "authorizationType": "NONE", "apiKeyRequired": false,
             "methodIntegration": {"type": "AWS_PROXY", "httpMethod": "POST",
               "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f1:live/invocations"}},
           "GET": {"httpMethod": "GET", "authorizationType": "COGNITO_USER_POOLS", "authorizerId": "az1",
             "apiKeyRequired": true, "requestValidatorId": "v1"}}}]}
      """
    let noApi = Fixture.error(Array(resourcesJSON.utf8), context: context)
    #expect(noApi?.reason.hasPrefix("cannot tell which API") == true)
    context.apiId = "bsqnjnznv9"
    let resources = try Fixture.read(json: resourcesJSON, context: context)
    let routes = try #require(resources.apiRoutes.first)
    #expect(routes.apiId == "bsqnjnznv9" && routes.kind == .rest)
    #expect(
      routes.records.sorted { $0.method < $1.method } == [
        ApiRoute(
          method: "GET", path: "/pay", authType: .cognito, authorizerId: "az1",
          apiKeyRequired: true, requestValidatorId: "v1"),
        ApiRoute(
          method: "POST", path: "/pay", authType: .none,
          functionArn: "arn:aws:lambda:us-east-1:123456789012:function:f1"),
      ])
    let unembedded = Fixture.error(
      Array(#"{"items":[{"id":"r","path":"/x","resourceMethods":{"POST":{}}}]}"#.utf8),
      context: context)
    #expect(unembedded?.description.contains("$.items[0].resourceMethods.POST") == true)
    #expect(unembedded?.reason.contains("--embed methods") == true)

    let stages = try Fixture.read(
      json: """
        {"item": [{"stageName": "prod", "methodSettings": {"*/*": {"throttlingBurstLimit": 50,
          "throttlingRateLimit": 100.0}}, "accessLogSettings": {"format": "$context.requestId",
          "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:api-access"}},
          {"stageName": "dev", "methodSettings": {}}]}
        """, context: context)
    #expect(
      stages.apiStages.first?.records == [
        ApiStage(name: "prod", accessLogging: true, throttled: true),
        ApiStage(name: "dev", accessLogging: false, throttled: false),
      ])

    let httpApis = try Fixture.read(
      json: """
        {"Items": [{"ApiEndpoint": "https://khfdhdcx.execute-api.us-east-1.amazonaws.com",
          "ApiId": "khfdhdcx", "CorsConfiguration": {"AllowOrigins": ["*"]},
          "Name": "web", "ProtocolType": "HTTP"},
          {"ApiId": "ws1", "Name": "chat", "ProtocolType": "WEBSOCKET"}]}
        """, context: context)
    #expect(httpApis.apis.map(\.apiId) == ["khfdhdcx"])
    #expect(httpApis.apis.first?.corsAllowOrigins == ["*"])
    context.apiId = "khfdhdcx"
    let httpRoutes = try Fixture.read(
      json: """
        {"Items": [{"ApiKeyRequired": false, "AuthorizationType": "NONE", "RouteId": "rfhssuqb",
          "RouteKey": "GET /items", "Target": "integrations/ptkdocwd"},
          {"AuthorizationType": "JWT", "AuthorizerId": "j1", "RouteKey": "$default"}]}
        """, context: context)
    #expect(
      httpRoutes.apiRoutes.first?.records == [
        ApiRoute(method: "GET", path: "/items", authType: .none, integrationId: "ptkdocwd"),
        ApiRoute(method: "$default", path: "", authType: .jwt, authorizerId: "j1"),
      ])
    let integrations = try Fixture.read(
      json: """
        {"Items": [{"IntegrationId": "ptkdocwd", "IntegrationType": "AWS_PROXY",
          "IntegrationUri": "arn:aws:lambda:us-east-1:123456789012:function:f1",
          "PayloadFormatVersion": "2.0"},
          {"IntegrationId": "h1", "IntegrationType": "HTTP_PROXY", "IntegrationUri": "https://example.com"}]}
        """, context: context)
    #expect(
      integrations.apiIntegrations.first?.records == [
        ApiIntegration(
          integrationId: "ptkdocwd",
          functionArn: "arn:aws:lambda:us-east-1:123456789012:function:f1")
      ])
    let httpStages = try Fixture.read(
      json: """
        {"Items": [{"StageName": "$default", "DefaultRouteSettings": {"DetailedMetricsEnabled": false},
          "RouteSettings": {"GET /items": {"ThrottlingRateLimit": 5}}}]}
        """, context: context)
    #expect(
      httpStages.apiStages.first?.records == [
        ApiStage(name: "$default", accessLogging: false, throttled: true)
      ])
    let badAuth = Fixture.error(
      Array(#"{"Items":[{"RouteKey":"GET /x","AuthorizationType":"MAYBE"}]}"#.utf8),
      context: context)
    #expect(badAuth?.description.contains("$.Items[0].AuthorizationType") == true)
  }

  /// The path names the API of per-API responses, as functions/NAME/ names the function.
  @Test func apiIdComesFromThePath() throws {
    var contexts = DirectoryContexts(workingDirectory: "/")
    #expect(contexts.context(for: "/x/apigateway/abc123/get-resources.json").apiId == "abc123")
    #expect(contexts.context(for: "/x/apigatewayv2/h1/get-routes.json").apiId == "h1")
    #expect(contexts.context(for: "/x/apigateway-get-rest-apis.json").apiId == nil)
  }
}
