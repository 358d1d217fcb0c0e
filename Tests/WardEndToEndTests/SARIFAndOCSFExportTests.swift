import Foundation
import Testing

/// SARIF and OCSF in and out with the real binary, the way an operator calls it: real tool
/// output (Checkov, Trivy, Security Hub's OCSF) imported by relative path from the current
/// directory, `ward export sarif` and `ward export ocsf` checked by outside validators, and
/// Ward's OCSF read back into a second store unchanged.
@Suite struct SARIFAndOCSFExportTests {
  @Test func scannerOutputInStandardFormatsOut() throws {
    let tmp = try TempDir("ward-sarif-ocsf")
    defer { tmp.cleanup() }
    let fixtures = Repo.root.appendingPathComponent("Tests/Fixtures")
    for name in [
      "sarif/checkov-template.sarif", "sarif/trivy-alpine-310.sarif", "ocsf/securityhub-ocsf.jsonl",
      "checkov/lambda-sam.checkov.json",
    ] {
      try FileManager.default.copyItem(
        atPath: fixtures.appendingPathComponent(name).path,
        toPath: tmp.file(URL(fileURLWithPath: name).lastPathComponent))
    }
    func ward(_ args: [String], store: String = "posture.db") throws -> RunResult {
      try WardEndToEndTests.ward(
        args, environment: ["WARD_STORE": store, "WARD_OPERATOR": "ops"],
        currentDirectory: tmp.path)
    }
    let imported = try ward(
      [
        "import", "checkov-template.sarif", "trivy-alpine-310.sarif", "securityhub-ocsf.jsonl",
        "lambda-sam.checkov.json",
      ])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("checkov-template.sarif: sarif"), "\(imported.stdout)")
    #expect(
      imported.stdout.contains("securityhub-ocsf.jsonl: securityhub-ocsf"), "\(imported.stdout)")
    let all = try jsonArray(try ward(["findings", "--format", "json"]).stdout)
    #expect(all.count == 17, "9 Checkov SARIF, 4 Trivy, 2 open Security Hub, 2 Checkov JSON")

    // A decision travels: a closed finding is an accepted suppression in SARIF.
    let secret = try #require(all.first { $0["rule"] as? String == "CKV_AWS_45" })
    let id = try #require(secret["id"] as? String)
    let triaged = try ward([
      "triage", id, "--state", "false-positive", "--reason", "AWS's documented example key",
    ])
    #expect(triaged.status == 0, "\(triaged.stderr)")

    let sarif = try ward(["export", "sarif", "--output", "ward.sarif"])
    #expect(sarif.status == 0, "\(sarif.stderr)")
    #expect(
      sarif.stderr.contains("left out 2 of 17 findings: they have no location"),
      "Security Hub's findings point at no file: \(sarif.stderr)")
    let sarifCheck = try run(
      "/usr/bin/env", ["python3", script("validate-sarif.py"), tmp.file("ward.sarif")])
    #expect(sarifCheck.status == 0, "\(sarifCheck.stdout)\(sarifCheck.stderr)")
    #expect(sarifCheck.stdout.contains("ok: 15 results"), "\(sarifCheck.stdout)")
    let log = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: tmp.file("ward.sarif"))))
        as? [String: Any])
    let results = try #require(
      ((log["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
    let suppressed = results.filter { $0["suppressions"] != nil }
    #expect(suppressed.count == 1)
    #expect(
      ((suppressed.first?["suppressions"] as? [[String: Any]])?.first?["justification"] as? String)?
        .contains("AWS's documented example key") == true)
    // Checkov's `/template.yaml` is relative to the directory it scanned (the validator
    // refuses an absolute uri).
    #expect(
      results.contains {
        ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
          "artifactLocation"] as? [String: Any])?["uri"] as? String == "template.yaml"
      })
    // Ward's SARIF is for code scanning: reading it back is refused, not half-merged.
    let back = try ward(["import", "ward.sarif"])
    #expect(back.status != 0)
    #expect(back.stderr.contains("Ward's own SARIF export"), "\(back.stderr)")

    let ocsf = try ward([
      "export", "--format", "ocsf", "--state", "all", "--output", "ward.ocsf.json",
    ])
    #expect(ocsf.status == 0, "\(ocsf.stderr)")
    let ocsfCheck = try run(
      "/usr/bin/env", ["python3", script("validate-ocsf.py"), tmp.file("ward.ocsf.json")])
    #expect(
      ocsfCheck.status == 0,
      "py-ocsf-models (CI installs it; pip install py-ocsf-models): \(ocsfCheck.stdout)\(ocsfCheck.stderr)"
    )
    #expect(ocsfCheck.stdout.contains("ok: 17 Detection Findings"), "\(ocsfCheck.stdout)")

    // The same store's OCSF read again changes nothing; read into a new store it gives
    // the same findings.
    let again = try ward(["import", "ward.ocsf.json"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("ward.ocsf.json: ward-ocsf: no change"), "\(again.stdout)")
    let copied = try ward(["import", "ward.ocsf.json"], store: "copy.db")
    #expect(copied.status == 0, "\(copied.stderr)")
    let keys = ["id", "rule", "title", "severity", "category", "source", "resource", "evidence"]
    func rows(_ store: String) throws -> [String] {
      try jsonArray(
        try ward(["export", "--format", "json", "--state", "all"], store: store).stdout
      )
      .map { row in keys.map { "\(row[$0] ?? "")" }.joined(separator: "|") }.sorted()
    }
    #expect(try rows("copy.db") == rows("posture.db"))
  }

  private func script(_ name: String) -> String {
    Repo.root.appendingPathComponent("Tests/WardEndToEndTests/Scripts/\(name)").path
  }
}
