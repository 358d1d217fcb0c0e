import Foundation
import Testing

/// `ward export --format securityhub-updates` end to end (issue 15, item 5): the demo's
/// real-format Security Hub responses imported from the data's own directory with relative
/// paths, nothing to send until a decision is made in Ward, then the requests that carry it,
/// checked against botocore's model of BatchUpdateFindings.
@Suite struct SecurityHubUpdatesExportTests {
  @Test func decisionsMadeInWardBecomeValidBatchUpdateRequests() throws {
    let tmp = try TempDir("ward-sh-updates")
    defer { tmp.cleanup() }
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("demo-data/securityhub").path,
      toPath: tmp.file("data"))
    let env = ["WARD_STORE": "posture.db", "WARD_OPERATOR": "ops"]
    func ward(_ args: [String]) throws -> RunResult {
      try WardEndToEndTests.ward(args, environment: env, currentDirectory: tmp.path)
    }
    let imported = try ward(["import", "data"])
    #expect(imported.status == 0, "\(imported.stderr)")

    // Nothing decided in Ward yet: nothing to send.
    let untouched = try ward(["export", "--format", "securityhub-updates"])
    #expect(untouched.status == 0, "\(untouched.stderr)")
    #expect(untouched.stdout.isEmpty, "\(untouched.stdout.prefix(500))")

    let criticals = try jsonArray(
      try ward([
        "findings", "--source", "securityhub", "--severity", "critical", "--format", "json",
      ]).stdout)
    #expect(!criticals.isEmpty)
    let triaged = try ward([
      "triage", "--state", "risk-accepted", "--reason", "vendor invokes it by contract",
      "--until", "2099-01-01", "--source", "securityhub", "--severity", "critical",
    ])
    #expect(triaged.status == 0, "\(triaged.stderr)")

    let export = try ward(["export", "--format", "securityhub-updates"])
    #expect(export.status == 0, "\(export.stderr)")
    let lines = export.stdout.split(separator: "\n").map(String.init)
    #expect(!lines.isEmpty)
    var ids = Set<String>()
    for line in lines {
      let request = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let identifiers = try #require(request["FindingIdentifiers"] as? [[String: Any]])
      #expect((1...100).contains(identifiers.count))
      for identifier in identifiers { ids.insert(identifier["Id"] as? String ?? "") }
      let workflow = try #require(request["Workflow"] as? [String: Any])
      #expect(workflow["Status"] as? String == "SUPPRESSED")
      let note = try #require(request["Note"] as? [String: Any])
      #expect((note["Text"] as? String ?? "").contains("vendor invokes it by contract"))
      #expect(note["UpdatedBy"] as? String == "ops")
    }
    #expect(ids.count == criticals.count, "one identifier per risk-accepted critical")
    #expect(!ids.contains(""))

    // The shape the AWS CLI checks before sending, from botocore's service model.
    try export.stdout.write(toFile: tmp.file("updates.jsonl"), atomically: true, encoding: .utf8)
    let script = Repo.root.appendingPathComponent(
      "Tests/WardEndToEndTests/Scripts/validate-batch-update-findings.py"
    ).path
    let validated = try run("/usr/bin/env", ["python3", script, tmp.file("updates.jsonl")])
    if validated.status == 3 {
      print("botocore is not importable here: the request shape was not validated")
    } else {
      #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    }

    // A run that was never recorded is an error, not an empty export.
    let unknown = try ward(["export", "--format", "securityhub-updates", "--since", "9999"])
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("9999"), "\(unknown.stderr)")
  }
}
