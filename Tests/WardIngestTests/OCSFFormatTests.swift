import Foundation
import Testing
import WardModel

@testable import WardIngest

/// Security Hub's OCSF findings (GetFindingsV2 records, JSON Lines) beside Prowler's OCSF.
@Suite struct OCSFFormatTests {
  @Test func securityHubComplianceAndVulnerabilityFindings() throws {
    let batch = try Fixture.read("ocsf/securityhub-ocsf.jsonl")
    #expect(batch.format == "securityhub-ocsf")
    #expect(batch.findings.count == 3)
    let sqs = try #require(batch.findings.first { $0.ruleId == "SQS.1" })
    #expect(sqs.compliance == .failed)
    #expect(sqs.source == "securityhub")
    #expect(sqs.severity == .medium)
    #expect(sqs.account == "123456789012")
    #expect(sqs.region == "us-east-2")
    #expect(sqs.title == "Amazon SQS queues should be encrypted at rest")
    #expect(
      sqs.id
        == StableID.make(
          "shub",
          [
            "arn:aws:securityhub:us-east-2:123456789012:security-control/SQS.1/finding/7dabcdef-1234-8912-5678-5012345678904"
          ]), "the id its ASFF finding has, so ASFF and OCSF of one finding are one")
    let iam = try #require(batch.findings.first { $0.ruleId == "IAM.1" })
    #expect(iam.compliance == .passed)
    #expect(iam.region == "us-east-2", "Security Hub's `global` is the account's region")
    let cve = try #require(batch.findings.first { $0.ruleId == "CVE-2025-8194" })
    #expect(cve.category == .dependencies)
    #expect(cve.severity == .high)
    #expect(cve.evidence.hasPrefix("python 2.7.18 (fixed in 0:2.7.18-1.amzn2.0.14); python-devel"))
    #expect(cve.evidence.hasSuffix("CVSS 7.5"))
    #expect(cve.firstSeen < cve.lastSeen)
  }

  /// JSON Lines is read as the list of its lines; an error names the line of the file.
  @Test func jsonLinesErrorsNameTheirLine() throws {
    let text = try String(
      contentsOfFile: Fixture.path("ocsf/securityhub-ocsf.jsonl"), encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    var broken = lines
    broken[2] = broken[2].replacingOccurrences(
      of: #""severity_id":4,"status""#, with: #""severity_id":four,"status""#)
    let e = try #require(
      Fixture.error(Array(broken.joined(separator: "\n").utf8), name: "sh.jsonl"))
    #expect(e.description.hasPrefix("sh.jsonl: $[2].severity_id at 3:"), "\(e)")
    let blankLines = "\n" + lines[0] + "\n\n" + lines[2] + "\n\n"
    #expect(try Fixture.read(json: blankLines, name: "sh.jsonl").findings.count == 2)
  }

  @Test func aClassWardDoesNotReadIsRefused() throws {
    let e = try #require(
      Fixture.error(
        Array(#"[{"class_uid": 3002, "finding_info": {"uid": "x"}}]"#.utf8), name: "auth.json"))
    #expect(e.description.contains("OCSF class 3002 is not a finding class Ward reads"), "\(e)")
  }
}
