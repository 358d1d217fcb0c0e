import Foundation
import WardModel
import WardStore

/// A store with findings, made through the store API, for the triage command tests.
struct TriageFixture {
  let dir: TempDir
  var store: String { dir.file("posture.db") }

  /// `count` findings `f0...`: even ones critical/invocation, odd ones low/secrets.
  init(count: Int = 4) throws {
    dir = try TempDir("ward-triage")
    let batch = {
      var b = ImportBatch(format: "test")
      b.tenants = [Tenant(name: "acme", accounts: ["111122223333"])]
      b.findings = (0..<count).map { i in
        Finding(
          id: "f\(i)", account: "111122223333", region: "eu-west-1", functionArn: nil,
          resource: "arn:aws:lambda:eu-west-1:111122223333:function:fn\(i)",
          category: i % 2 == 0 ? .invocation : .secrets, severity: i % 2 == 0 ? .critical : .low,
          title: "Finding \(i)", source: "prowler", ruleId: "rule-\(i)",
          firstSeen: 1_764_000_000, lastSeen: 1_764_000_000)
      }
      return b
    }()
    try PostureStore(path: dir.file("posture.db")).apply(batch, now: 1_764_000_000)
  }

  func open() throws -> PostureStore { try PostureStore(path: store) }

  /// Runs `ward` with `--store` appended after the subcommand path `command`.
  func ward(
    _ command: [String], _ arguments: [String] = [], environment: [String: String] = [:]
  ) throws -> RunResult {
    try WardEndToEndTests.ward(
      command + ["--store", store] + arguments,
      environment: ["WARD_OPERATOR": "", "SSH_CONNECTION": "", "SSH_USER_AUTH": ""]
        .merging(environment) { $1 })
  }
}
