import Foundation
import Testing

/// `ward changes` after a second import of a changed collection (issue 13, item 4): run
/// from the data's own directory with relative paths, one Prowler finding removed, one
/// added and one triaged in between.
@Suite struct ChangesCommandTests {
  /// The moto collection plus the Prowler report, in `tmp/data`.
  func collection(in tmp: TempDir) throws {
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("Tests/Fixtures/moto-collect").path,
      toPath: tmp.file("data"))
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("Tests/Fixtures/real/prowler-moto/lambda.ocsf.json")
        .path, toPath: tmp.file("data/prowler.ocsf.json"))
  }

  /// Removes the failing dead-letter-queue check of pay-api and adds a failing VPC check for
  /// a function named pay-api-v2 (a copy of pay-api's with another resource and uid).
  func change(_ path: String) throws {
    let url = URL(fileURLWithPath: path)
    var results = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    func uid(_ r: [String: Any]) -> String {
      ((r["finding_info"] as? [String: Any])?["uid"] as? String) ?? ""
    }
    func failing(_ r: [String: Any], _ check: String) -> Bool {
      r["status_code"] as? String == "FAIL" && uid(r).contains(check)
        && "\(r["resources"] ?? "")".contains("function:pay-api")
    }
    let gone = try #require(results.firstIndex { failing($0, "no_dead_letter_queue") })
    results.remove(at: gone)
    var added = try #require(results.first { failing($0, "inside_vpc") })
    var info = try #require(added["finding_info"] as? [String: Any])
    info["uid"] = uid(added) + "-v2"
    added["finding_info"] = info
    added["resources"] = try #require(added["resources"] as? [[String: Any]]).map { r in
      var r = r
      r["uid"] = (r["uid"] as? String)?.replacingOccurrences(of: "pay-api", with: "pay-api-v2")
      return r
    }
    results.append(added)
    try JSONSerialization.data(withJSONObject: results).write(to: url)
  }

  @Test func changesAfterASecondImportOfAChangedCollection() throws {
    let tmp = try TempDir("ward-changes")
    defer { tmp.cleanup() }
    try collection(in: tmp)
    let env = ["WARD_STORE": "posture.db", "WARD_OPERATOR": "ops"]
    func ward(_ args: [String]) throws -> RunResult {
      try WardEndToEndTests.ward(args, environment: env, currentDirectory: tmp.path)
    }
    let first = try ward(["import", "data"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("; run #1"), "\(first.stdout)")
    let open = try jsonArray(
      try ward(["findings", "--source", "prowler", "--format", "json"]).stdout)
    let triaged = try #require(open.first { ($0["function"] as? String) == "legacy-node" })
    let triagedId = try #require(triaged["id"] as? String)
    let t = try ward(["triage", "--operator", "alice", "--state", "acknowledged", triagedId])
    #expect(t.status == 0, "\(t.stderr)")

    try change(tmp.file("data/prowler.ocsf.json"))
    let second = try ward(["import", "data"])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("run #2, 1 finding no longer seen"), "\(second.stdout)")

    let table = try ward(["changes"])
    #expect(table.status == 0, "\(table.stderr)")
    let lines = table.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("changes since run #1 (import by ops, ") == true, "\(lines)")
    #expect(lines.first?.hasSuffix("runs #2; 1 tenant changed") == true, "\(lines)")
    #expect(
      lines.dropFirst().first?.split(separator: " ") == [
        "TENANT", "FINDINGS", "NEW", "RESOLVED", "REOPENED", "LAPSED", "STALE", "TRIAGED", "BY",
      ])
    #expect(
      lines.dropFirst(2).first?.split(separator: " ") == [
        "123456789012", "3", "1", "1", "0", "0", "0", "1", "alice=1",
      ], "\(table.stdout)")

    let json = try jsonArray(try ward(["changes", "--format", "json"]).stdout)
    #expect(json.count == 1)
    let row = try #require(json.first)
    #expect(row["tenant"] as? String == "123456789012" && row["since_run"] as? Int == 1)
    for (key, n) in [("findings", 3), ("new", 1), ("resolved", 1), ("reopened", 0), ("lapsed", 0)] {
      #expect(row[key] as? Int == n, "\(key): \(row)")
    }
    #expect(row["stale"] as? Int == 0 && row["triaged"] as? Int == 1)
    #expect(row["by"] as? [String: Int] == ["alice": 1])
    // --since 1 is the default window spelled out.
    #expect(
      try ward(["changes", "--since", "1", "--format", "json"]).stdout
        == (try ward(["changes", "--format", "json"]).stdout))

    let details = try jsonArray(try ward(["changes", "--details", "--format", "json"]).stdout)
    #expect(details.map { $0["change"] as? String } == ["new", "resolved", "triaged"])
    #expect((details[0]["id"] as? String)?.hasPrefix("prow-") == true)
    #expect(details[1]["reason"] as? String == "no longer seen")
    #expect(details[1]["state"] as? String == "new", "not seen is not a state change")
    #expect(details[2]["id"] as? String == triagedId && details[2]["by"] as? String == "alice")
    #expect(details[2]["to_state"] as? String == "acknowledged")

    let runs = try jsonArray(try ward(["changes", "--runs", "--format", "json"]).stdout)
    #expect(runs.map { $0["id"] as? Int } == [2, 1])
    #expect(
      runs.allSatisfy { $0["kind"] as? String == "import" && $0["operator"] as? String == "ops" })
    #expect(runs.first?["files"] as? [String] == ["data"] && runs.first?["unseen"] as? Int == 1)
    // Since the first run began, everything is new.
    let all = try jsonArray(try ward(["changes", "--since", "0", "--format", "json"]).stdout)
    #expect(all.first?["new"] as? Int == 19)
    #expect(
      try jsonArray(try ward(["changes", "--tenant", "nobody", "--format", "json"]).stdout).isEmpty)
  }

  @Test func aSinceThatIsNeitherARunNorADateIsRefused() throws {
    let tmp = try TempDir("ward-changes-bad")
    defer { tmp.cleanup() }
    try collection(in: tmp)
    let env = ["WARD_STORE": tmp.file("s.db")]
    // A store whose only import found nothing: no run, and `ward changes` says so.
    let nothing = try WardEndToEndTests.ward(
      ["import", tmp.file("missing.json")], environment: env)
    #expect(nothing.status != 0)
    let none = try WardEndToEndTests.ward(["changes"], environment: env)
    #expect(none.status == 0, "\(none.stderr)")
    #expect(none.stdout.hasPrefix("changes: no run recorded yet"), "\(none.stdout)")
    #expect(
      try WardEndToEndTests.ward(["import", "data"], environment: env, currentDirectory: tmp.path)
        .status == 0)
    let word = try WardEndToEndTests.ward(["changes", "--since", "yesterday"], environment: env)
    #expect(word.status != 0)
    #expect(word.stderr.contains("--since: expected a run id"), "\(word.stderr)")
    let unknown = try WardEndToEndTests.ward(["changes", "--since", "9"], environment: env)
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("no run #9 is recorded"), "\(unknown.stderr)")
    let mixed = try WardEndToEndTests.ward(["changes", "--runs", "--details"], environment: env)
    #expect(mixed.status != 0 && mixed.stderr.contains("--runs lists every run"))
  }
}
