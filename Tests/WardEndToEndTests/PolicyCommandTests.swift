import Foundation
import Testing

/// `ward policy check/apply`, `ward scan` with `$WARD_POLICY` and `ward findings --expiring`
/// through the real binary, from a working directory with relative paths, as the README
/// shows them.
@Suite struct PolicyCommandTests {
  static let policy = """
    version: 1
    rules:
      - id: sandbox-minor
        match:
          labels: {tier: sandbox}
          severity: [medium, low, info]
        state: suppressed
        reason: "sandbox account: minor findings do not page"
        owner: platform-security
        expires: 2099-06-30
    """

  @Test func aPolicyClosesScannedFindingsAndEveryChangeIsAudited() throws {
    let tmp = try TempDir("ward-policy")
    defer { tmp.cleanup() }
    try FileManager.default.copyItem(
      atPath: Repo.root.appendingPathComponent("Tests/Fixtures/moto-collect").path,
      toPath: tmp.file("data"))
    try """
    tenants:
      - name: sandbox-co
        accounts: ["123456789012"]
        labels: {tier: sandbox}
    """.write(toFile: tmp.file("tenants.yaml"), atomically: true, encoding: .utf8)
    try Self.policy.write(toFile: tmp.file("ward-policy.yaml"), atomically: true, encoding: .utf8)
    try
      "rules:\n  - id: x\n    match: {severity: loud}\n    state: suppressed\n    reason: r\n    owner: o\n"
      .write(
        toFile: tmp.file("bad.yaml"), atomically: true, encoding: .utf8)
    let env = ["WARD_STORE": "posture.db"]
    func run(_ args: [String], _ extra: [String: String] = [:]) throws -> RunResult {
      try ward(args, environment: env.merging(extra) { $1 }, currentDirectory: tmp.path)
    }

    let bad = try run(["policy", "check", "bad.yaml"])
    #expect(bad.status != 0)
    #expect(
      bad.stderr.contains(
        "bad.yaml: line 3:23: rule x: match: severity loud is not one of critical, high, medium, low, info"
      ), "\(bad.stderr)")
    let noStore = try run(["policy", "check", "ward-policy.yaml"])
    #expect(noStore.status == 0, "\(noStore.stderr)")
    #expect(
      noStore.stdout.contains("ward-policy.yaml: valid, 1 rule (sha256 "), "\(noStore.stdout)")
    #expect(noStore.stdout.contains("no store at posture.db: nothing to preview"))

    #expect(try run(["import", "--quiet", "tenants.yaml", "data/"]).status == 0)
    let scan = try run(["scan"], ["WARD_POLICY": "ward-policy.yaml"])
    #expect(scan.status == 0, "\(scan.stderr)")
    let closed = try jsonArray(
      try run(["findings", "--state", "suppressed", "--format", "json"]).stdout)
    let open = try jsonArray(
      try run(["findings", "--state", "new", "--format", "json"]).stdout)
    #expect(!closed.isEmpty, "\(scan.stdout)")
    #expect(scan.stdout.contains(", \(closed.count) by the policy"), "\(scan.stdout)")
    #expect(closed.allSatisfy { ["medium", "low", "info"].contains($0["severity"] as? String) })
    #expect(open.allSatisfy { ["critical", "high"].contains($0["severity"] as? String) })

    // Every change names the rule and the file's SHA-256, in one batch; the chain verifies.
    let events = try jsonArray(
      try run(["audit", "log", "--source", "policy", "--format", "json"]).stdout)
    #expect(events.count == closed.count)
    #expect(Set(events.compactMap { $0["batch"] as? String }).count == 1)
    #expect(events.allSatisfy { ($0["rule"] as? String) == "sandbox-minor" })
    let sha = try #require(events.first?["policy_sha256"] as? String)
    #expect(noStore.stdout.contains(sha))
    #expect(try run(["audit", "verify"]).status == 0)

    // Applying the same file again changes nothing; check previews the same counts.
    let again = try run(["policy", "apply", "ward-policy.yaml"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains(": 0 findings changed"), "\(again.stdout)")
    let check = try run(["policy", "check", "ward-policy.yaml"])
    #expect(
      check.stdout.contains(
        "rule sandbox-minor (suppressed): matches \(closed.count), would change 0, already \(closed.count)"
      ), "\(check.stdout)")

    // The decisions lapse in 2099: listed by --expiring with a long enough horizon only.
    let expiring = try jsonArray(
      try run(["findings", "--expiring", "2099-07-01", "--format", "json"]).stdout)
    #expect(expiring.count == closed.count)
    #expect(expiring.allSatisfy { ($0["until"] as? String) == "2099-06-30T00:00:00Z" })
    #expect(
      try jsonArray(try run(["findings", "--expiring", "14d", "--format", "json"]).stdout).isEmpty)
    #expect(try run(["findings", "--expiring", "soon"]).status != 0)
  }
}
