import Foundation
import Testing
import WardModel

@testable import WardIngest

/// SARIF 2.1.0 on real tool output: Checkov (run here over Tests/Fixtures/sarif/template.yaml)
/// and Trivy (its own integration test data).
@Suite struct SARIFFormatTests {
  @Test func checkovResultsKeepRuleLevelMessageAndLines() throws {
    let batch = try Fixture.read("sarif/checkov-template.sarif")
    #expect(batch.format == "sarif")
    #expect(batch.findings.count == 9, "every result is one finding, none merged")
    #expect(Set(batch.findings.map(\.id)).count == 9)
    #expect(batch.findings.allSatisfy { $0.source == "checkov" && $0.compliance == .failed })
    let dlq = batch.findings.filter { $0.ruleId == "CKV_AWS_116" }
    #expect(
      Set(dlq.map { $0.location?.startLine }) == [6, 21],
      "the same rule on two resources is two findings")
    let first = try #require(dlq.first { $0.location?.startLine == 6 })
    #expect(first.location == SourceLocation(uri: "template.yaml", startLine: 6, endLine: 19))
    #expect(first.evidence == "template.yaml lines 6-19")
    #expect(
      first.title == "Ensure that AWS Lambda function is configured for a Dead Letter Queue(DLQ)")
    // Checkov writes level "error" for every failure: the severity is Checkov's default
    // by check, the same one its JSON report gets.
    #expect(
      first.severity
        == CategoryMap.checkovDefaultSeverity(checkId: "CKV_AWS_116", category: first.category))
    let secret = try #require(batch.findings.first { $0.ruleId == "CKV_SECRET_2" })
    #expect(secret.category == .secrets)
  }

  /// The snippet of CKV_AWS_45 holds the secret access key whole: nothing of a snippet is
  /// kept, anywhere in the finding.
  @Test func noSnippetAndSoNoSecretIsKept() throws {
    let batch = try Fixture.read("sarif/checkov-template.sarif")
    let raw = try String(
      contentsOfFile: Fixture.path("sarif/checkov-template.sarif"), encoding: .utf8)
    #expect(raw.contains("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "the fixture holds it")
    for f in batch.findings {
      for text in [f.title, f.description, f.remediation, f.evidence, f.resource] {
        #expect(!text.contains("wJalrXUtnFEMI"), "\(f.ruleId): \(text)")
        #expect(!text.contains("AKIAIOSFODNN7EXAMPLE"), "\(f.ruleId): \(text)")
      }
    }
  }

  @Test func trivyVulnerabilitiesAreDependenciesWithTheirScore() throws {
    let batch = try Fixture.read("sarif/trivy-alpine-310.sarif")
    #expect(batch.findings.count == 4, "two CVEs in two packages at one line are four findings")
    #expect(Set(batch.findings.map(\.id)).count == 4)
    #expect(batch.findings.allSatisfy { $0.source == "trivy" && $0.category == .dependencies })
    // security-severity 5.3 is medium (GitHub's bands), whatever the level says.
    #expect(batch.findings.allSatisfy { $0.severity == .medium })
    let f = try #require(
      batch.findings.first { $0.ruleId == "CVE-2019-1549" && $0.description.contains("libssl1.1") })
    #expect(f.title == "openssl: information disclosure in fork()")
    #expect(f.remediation.contains("https://avd.aquasec.com/nvd/cve-2019-1549"))
    #expect(f.location?.uri == "testdata/fixtures/images/alpine-310.tar.gz")
  }

  @Test func reimportingTheSameLogGivesTheSameIds() throws {
    let a = try Fixture.read("sarif/trivy-alpine-310.sarif").findings.map(\.id).sorted()
    let b = try Fixture.read("sarif/trivy-alpine-310.sarif").findings.map(\.id).sorted()
    #expect(a == b)
  }

  /// A result that names a Lambda function ARN (a logical location, or a property) is tied
  /// to that function; a suppressed result starts suppressed; pass/notApplicable are not
  /// open findings.
  @Test func functionTiesSuppressionsAndKinds() throws {
    let log = """
      {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Semgrep OSS", "rules": [
        {"id": "python.lang.security.audit.eval", "shortDescription": {"text": "eval() on input"},
         "properties": {"tags": ["security", "injection"]}}]}},
       "results": [
        {"ruleId": "python.lang.security.audit.eval", "level": "error", "message": {"text": "eval of event body"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/app.py"}, "region": {"startLine": 12}},
           "logicalLocations": [{"fullyQualifiedName": "arn:aws:lambda:eu-west-1:123456789012:function:orders-api:live"}]}]},
        {"ruleId": "python.lang.security.audit.eval", "level": "error", "message": {"text": "eval again"},
         "suppressions": [{"kind": "inSource"}],
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/app.py"}, "region": {"startLine": 40}}}]},
        {"ruleId": "python.lang.security.audit.eval", "kind": "pass", "message": {"text": "fine"}},
        {"ruleId": "python.lang.security.audit.eval", "kind": "notApplicable", "message": {"text": "n/a"}}]}]}
      """
    let batch = try Fixture.read(json: log, name: "semgrep.sarif")
    let open = batch.findings.filter { $0.compliance == .failed }
    #expect(open.count == 2)
    let tied = try #require(open.first { $0.location?.startLine == 12 })
    #expect(tied.functionArn == "arn:aws:lambda:eu-west-1:123456789012:function:orders-api")
    #expect(tied.account == "123456789012")
    #expect(tied.source == "semgrep-oss")
    #expect(tied.severity == .high, "level error without a security-severity")
    #expect(tied.title == "eval() on input")
    let suppressed = try #require(open.first { $0.location?.startLine == 40 })
    #expect(suppressed.sourceState == .suppressed)
    #expect(batch.findings.filter { $0.compliance == .passed }.count == 1)
  }

  @Test(arguments: [
    (#"{"version": "2.0.0", "runs": []}"#, "$.version", "is not 2.1.0"),
    (
      #"{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0"}"#, "$",
      "no \"runs\""
    ),
    (
      #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r", "level": "fatal", "message": {"text": "m"}}]}]}"#,
      "$.runs[0].results[0].level", "is not one of none, note, warning, error"
    ),
    (
      #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "a"}]}}, "results": [{"ruleIndex": 3, "message": {"text": "m"}}]}]}"#,
      "$.runs[0].results[0].ruleIndex", "outside the 1 rules"
    ),
    (
      #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r", "message": {}}]}]}"#,
      "$.runs[0].results[0].message", "has no text"
    ),
    (
      #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Ward"}}, "results": []}]}"#,
      "$.runs[0].tool.driver.name", "Ward's own SARIF export"
    ),
  ])
  func badLogsAreRefusedWhole(log: String, path: String, reason: String) throws {
    let e = try #require(Fixture.error(Array(log.utf8), name: "bad.sarif"))
    #expect(e.description.hasPrefix("bad.sarif: \(path)"), "\(e)")
    #expect(e.description.contains(reason), "\(e)")
  }
}
