import Foundation
import Testing
import WardModel

@testable import WardIngest

@Suite struct FindingFormatTests {
  @Test func prowlerMotoScan() throws {
    let batch = try Fixture.read("real/prowler-moto/lambda.ocsf.json")
    #expect(batch.format == "prowler-ocsf")
    #expect(batch.findings.count == 34)
    #expect(batch.findings.filter { $0.compliance == .failed }.count == 18)
    #expect(Set(batch.findings.map(\.id)).count == 34)
    let url = try #require(batch.findings.first { $0.ruleId == "awslambda_function_url_public" })
    #expect(url.category == .invocation)
    #expect(url.account == "123456789012")
    #expect(url.region == "eu-west-1")
    #expect(url.functionArn?.hasPrefix("arn:aws:lambda:eu-west-1:123456789012:function:") == true)
    #expect(url.source == "prowler")
    #expect(
      try uid(of: url).hasPrefix(
        "prowler-aws-awslambda_function_url_public-123456789012-eu-west-1-"))
    #expect(batch.findings.allSatisfy { $0.firstSeen > 1_700_000_000 })
  }

  /// A failing Prowler row is titled by what is wrong (status_detail), not by the check's
  /// title, which says what passing means; a passing row keeps the check's title.
  @Test func prowlerFailRowsAreTitledByWhatIsWrong() throws {
    let batch = try Fixture.read("real/prowler-moto/lambda.ocsf.json")
    let vpc = batch.findings.filter { $0.ruleId == "awslambda_function_inside_vpc" }
    let failing = try #require(
      vpc.first { $0.compliance == .failed && $0.resource.hasSuffix(":pay-api") })
    #expect(failing.title == "Lambda function pay-api is not inside a VPC")
    #expect(failing.category == .attackSurface, "categorised by the check, as before")
    #expect(
      batch.findings.filter { $0.compliance == .passed }.allSatisfy {
        !$0.title.contains(" is not ") && !$0.title.contains(" has no ")
      })
    #expect(
      batch.findings.filter { $0.compliance == .failed }.allSatisfy {
        $0.title != "Lambda function is deployed inside a VPC"
      })
  }

  /// Prowler's ASFF (as sent to Security Hub) does the same with its Description.
  @Test func prowlerASFFFailRowsAreTitledByTheDescription() throws {
    func asff(_ status: String) -> String {
      """
      {"Findings": [{"Id": "prowler-1", "ProductArn": "arn:aws:securityhub:eu-west-1::product/prowler/prowler",
        "ProductName": "Prowler", "GeneratorId": "prowler-awslambda_function_url_public",
        "AwsAccountId": "123456789012", "Title": "Lambda function URL is not publicly accessible",
        "Description": "Lambda function pay-api has a publicly accessible function URL.",
        "Severity": {"Label": "HIGH"}, "Compliance": {"Status": "\(status)"},
        "Resources": [{"Type": "AwsLambdaFunction", "Id": "arn:aws:lambda:eu-west-1:123456789012:function:pay-api", "Region": "eu-west-1"}],
        "CreatedAt": "2026-11-20T10:00:00Z", "UpdatedAt": "2026-11-20T10:00:00Z"}]}
      """
    }
    let failed = try Fixture.read(json: asff("FAILED"), name: "prowler.asff.json").findings[0]
    #expect(failed.title == "Lambda function pay-api has a publicly accessible function URL.")
    #expect(failed.category == .invocation)
    let passed = try Fixture.read(json: asff("PASSED"), name: "prowler.asff.json").findings[0]
    #expect(passed.title == "Lambda function URL is not publicly accessible")
  }

  /// The OCSF finding_info.uid for a finding (re-read from the fixture).
  func uid(of finding: Finding) throws -> String {
    let bytes = [UInt8](
      try Data(contentsOf: URL(fileURLWithPath: Fixture.path("real/prowler-moto/lambda.ocsf.json")))
    )
    let doc = try JSONDocument(parsing: bytes)
    for item in try doc.root.array() {
      let uid = try item.required("finding_info").requiredString("uid")
      if StableID.make("prow", [uid, finding.resource, finding.region ?? ""]) == finding.id {
        return uid
      }
    }
    return ""
  }

  @Test func prowlerExampleOutput() throws {
    let batch = try Fixture.read("real/prowler/examples/output/example_output_aws.ocsf.json")
    #expect(!batch.findings.isEmpty)
    #expect(batch.findings.allSatisfy { !$0.ruleId.isEmpty && $0.account != nil })
  }

  @Test func prowlerStatusMapping() throws {
    let json = """
      [{"class_uid":2004,"status_code":"FAIL","status_id":3,"severity_id":4,"metadata":{"event_code":"some_new_secret_check"},
        "finding_info":{"uid":"u1","title":"T","created_time":1700000000},"cloud":{"account":{"uid":"111122223333"},"region":"eu-west-1"},
        "resources":[{"uid":"arn:aws:lambda:eu-west-1:111122223333:function:f:live","type":"Other"}],"time":1700000100,
        "remediation":{"desc":"Fix it.","references":["https://example.com"]}},
       {"class_uid":2004,"status_code":"MANUAL","finding_info":{"uid":"u2"}}]
      """
    let batch = try Fixture.read(json: json)
    #expect(batch.findings.count == 1)
    let f = batch.findings[0]
    #expect(f.sourceState == .suppressed)
    #expect(f.severity == .high)
    #expect(f.category == .secrets)  // keyword fallback
    #expect(f.functionArn == "arn:aws:lambda:eu-west-1:111122223333:function:f")
    #expect(f.remediation == "Fix it. https://example.com")
    #expect(f.firstSeen == 1_700_000_000 && f.lastSeen == 1_700_000_100)
  }

  @Test func securityHubControlFinding() throws {
    let batch = try Fixture.read(
      "real/automated-security-response-on-aws/simtest/simdata/afsbp-lambda.1.json")
    let f = try #require(batch.findings.first)
    #expect(batch.format == "asff")
    #expect(f.ruleId == "Lambda.1")
    #expect(f.category == .invocation)
    #expect(f.severity == .info)
    #expect(f.account == "111111111111")
    #expect(f.region == "us-east-1")
    #expect(f.functionArn == "arn:aws:lambda:us-east-1:111111111111:function:TAEBSVolumeSnapDelete")
    #expect(f.compliance == .failed)
    #expect(f.sourceState == .new)
    #expect(
      f.remediation.hasSuffix(
        "https://docs.aws.amazon.com/console/securityhub/Lambda.1/remediation"))
    #expect(f.firstSeen == UTC.parse("2020-05-29T12:57:03Z"))
    let id =
      "arn:aws:securityhub:us-east-1:111111111111:subscription/aws-foundational-security-best-practices/v/1.0.0/Lambda.1/finding/bb04d4d9-375b-46c9-a35a-6dc9c29259eb"
    #expect(f.id == StableID.make("shub", [id]))
  }

  @Test func securityHubOtherShapes() throws {
    for name in [
      "afsbp-iam.7", "afsbp-s3.2", "afsbp-sqs.1", "afsbp-sns.2", "afsbp-cloudtrail.1",
      "pci-lambda.1",
    ] {
      let batch = try Fixture.read(
        "real/automated-security-response-on-aws/simtest/simdata/\(name).json")
      #expect(batch.findings.count == 1, "\(name)")
    }
    let docs = try Fixture.read("real/aws-cli/securityhub_get-findings.example1.json")
    #expect(docs.findings.first?.ruleId == "PCI.Lambda.2")
    #expect(docs.findings.first?.category == .attackSurface)
    let custodian = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_security_hub_lambda_update/securityhub.GetFindings_1.json"
    )
    let f = try #require(custodian.findings.first)
    #expect(f.functionArn == "arn:aws:lambda:us-east-2:644160558196:function:check")
    #expect(f.severity == .low)  // from ProductFields' label when Severity has no Label
    let insight = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_security_hub_mode_action_insight/securityhub.GetFindings_1.json"
    )
    #expect(!insight.findings.isEmpty)
  }

  @Test func securityHubFindingsKeepTheirIdAndProductArn() throws {
    // A single finding with Security Hub's own product: held by Security Hub.
    let single = try #require(
      try Fixture.read(
        "real/automated-security-response-on-aws/simtest/simdata/afsbp-lambda.1.json"
      ).findings.first)
    #expect(
      single.sourceRef
        == SourceRef(
          system: "securityhub",
          id:
            "arn:aws:securityhub:us-east-1:111111111111:subscription/aws-foundational-security-best-practices/v/1.0.0/Lambda.1/finding/bb04d4d9-375b-46c9-a35a-6dc9c29259eb",
          productArn: "arn:aws:securityhub:us-east-1::product/aws/securityhub",
          workflowStatus: "NEW"))
    // A get-findings response (the AWS CLI documentation's example).
    let docs = try #require(
      try Fixture.read("real/aws-cli/securityhub_get-findings.example1.json").findings.first)
    #expect(docs.sourceRef?.system == "securityhub")
    #expect(docs.sourceRef?.productArn == "arn:aws:securityhub:us-west-1::product/aws/securityhub")
    #expect(docs.sourceRef?.region == "us-west-1")
    #expect(docs.id == StableID.make("shub", [docs.sourceRef!.id]))
    // A recorded GetFindings (Cloud Custodian's placebo: {"status_code", "data"}).
    let custodian = try Fixture.read(
      "real/cloud-custodian/tests/data/placebo/test_security_hub_mode_action_insight/securityhub.GetFindings_1.json"
    )
    #expect(custodian.findings.allSatisfy { $0.sourceRef?.system == "securityhub" })
    #expect(Set(custodian.findings.compactMap(\.sourceRef?.id)).count == custodian.findings.count)
  }

  @Test func asffOfAnotherProductIsKeptButNotHeldBySecurityHub() throws {
    let finding = """
      {"SchemaVersion":"2018-10-08","Id":"prowler-lambda-1","ProductArn":"arn:aws:securityhub:eu-west-1::product/prowler/prowler",
       "GeneratorId":"prowler-awslambda_function_url_public","AwsAccountId":"111122223333",
       "CreatedAt":"2025-01-01T00:00:00Z","UpdatedAt":"2025-01-02T00:00:00Z","Severity":{"Label":"HIGH"},"Title":"URL",
       "Resources":[{"Type":"AwsLambdaFunction","Id":"arn:aws:lambda:eu-west-1:111122223333:function:f","Region":"eu-west-1"}],
       "Compliance":{"Status":"FAILED"},"Workflow":{"Status":"NEW"},"VerificationState":"TRUE_POSITIVE"}
      """
    // Prowler's -M json-asff is a bare list: Security Hub is not known to hold it.
    let bare = try #require(try Fixture.read(json: "[\(finding)]").findings.first)
    #expect(bare.sourceRef?.system == "asff")
    #expect(bare.sourceRef?.id == "prowler-lambda-1")
    #expect(bare.sourceRef?.verificationState == "TRUE_POSITIVE")
    // The same finding in a get-findings response: Security Hub holds it.
    let held = try #require(try Fixture.read(json: "{\"Findings\": [\(finding)]}").findings.first)
    #expect(held.sourceRef?.system == "securityhub")
    #expect(held.id == bare.id)
  }

  @Test func wardsOwnASFFExportKeepsTheIdentityButNotItsWorkflow() throws {
    let json = """
      {"Findings": [{"SchemaVersion":"2018-10-08","Id":"arn:aws:securityhub:us-east-1:111122223333:subscription/x/finding/1",
       "ProductArn":"arn:aws:securityhub:us-east-1::product/aws/securityhub","GeneratorId":"ward/securityhub/Lambda.1",
       "AwsAccountId":"111122223333","CreatedAt":"2025-01-01T00:00:00Z","UpdatedAt":"2025-01-02T00:00:00Z",
       "Severity":{"Label":"HIGH"},"Title":"t","Resources":[{"Type":"Other","Id":"r","Region":"us-east-1"}],
       "Workflow":{"Status":"SUPPRESSED"},"RecordState":"ACTIVE",
       "ProductFields":{"ward/finding-id":"shub-0011223344556677","ward/source-system":"securityhub"}}]}
      """
    let f = try #require(try Fixture.read(json: json).findings.first)
    #expect(f.sourceRef?.system == "securityhub")
    #expect(f.sourceRef?.workflowStatus == nil)
    #expect(
      f.id
        == StableID.make(
          "shub", ["arn:aws:securityhub:us-east-1:111122223333:subscription/x/finding/1"]))
  }

  @Test func asffArchivedIsPassed() throws {
    let json = """
      {"SchemaVersion":"2018-10-08","Id":"x","ProductArn":"p","GeneratorId":"g/Lambda.7","AwsAccountId":"111122223333",
       "CreatedAt":"2025-01-01T00:00:00Z","UpdatedAt":"2025-01-02T00:00:00Z","Severity":{"Label":"LOW"},"Title":"X-Ray",
       "Resources":[{"Type":"AwsLambdaFunction","Id":"arn:aws:lambda:eu-west-1:111122223333:function:f","Region":"eu-west-1"}],
       "RecordState":"ARCHIVED","Workflow":{"Status":"SUPPRESSED"}}
      """
    let f = try #require(try Fixture.read(json: json).findings.first)
    #expect(f.compliance == .passed)
    #expect(f.sourceState == .suppressed)
    #expect(f.ruleId == "g/Lambda.7")
    #expect(f.category == .monitoring)
    #expect(f.lastSeen == UTC.parse("2025-01-02T00:00:00Z"))
  }

  @Test func checkovReport() throws {
    let batch = try Fixture.read(
      "checkov/lambda-sam.checkov.json", context: ImportContext(importTime: 1_750_000_000))
    #expect(batch.format == "checkov")
    #expect(batch.findings.count == 3)
    let secret = try #require(batch.findings.first { $0.ruleId == "CKV_AWS_45" })
    #expect(secret.category == .secrets)
    #expect(secret.severity == .high)
    #expect(secret.account == nil)
    #expect(secret.resource == "/template.yaml:AWS::Serverless::Function.OrdersFunction")
    #expect(secret.firstSeen == 1_750_000_000)
    #expect(batch.findings.first { $0.ruleId == "CKV_AWS_115" }?.compliance == .passed)
  }

  @Test func everyMappedCategoryIsReachable() {
    #expect(Set(CategoryMap.table.values).count >= 9)
    #expect(
      CategoryMap.category(
        ruleId: "custom_check", title: "Provisioned concurrency for cold start", resourceType: nil)
        == .coldStart)
    #expect(
      CategoryMap.category(ruleId: "x", title: "Something else", resourceType: nil) == .monitoring)
  }
}
