import CSQLite
import Foundation
import WardModel

@testable import WardStore

/// A fresh store file in a temporary directory, removed when the value is released.
final class TempStore {
  let directory: URL
  let path: String

  init() {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-store-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("posture.db").path
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  func open(_ mode: PostureStore.Mode = .readWrite, scope: StoreScope = .all) throws
    -> PostureStore
  {
    try PostureStore(path: path, mode: mode, scope: scope, now: T.now)
  }
}

/// A second, raw connection for checks the store API does not offer.
final class RawConnection {
  let db: OpaquePointer

  init(path: String) {
    var handle: OpaquePointer?
    sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
    db = handle!
    sqlite3_busy_timeout(db, 5000)
  }

  deinit { sqlite3_close_v2(db) }

  func exec(_ sql: String) {
    var err: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
      let message = err.map { String(cString: $0) } ?? "?"
      sqlite3_free(err)
      fatalError("test SQL failed: \(message): \(sql)")
    }
  }

  /// All rows of a query as text (NULL as "∅"), for comparisons.
  func rows(_ sql: String) -> [[String]] {
    var stmt: OpaquePointer?
    guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else {
      fatalError("prepare failed: \(String(cString: sqlite3_errmsg(db)))")
    }
    defer { sqlite3_finalize(stmt) }
    var out: [[String]] = []
    while sqlite3_step(stmt) == SQLITE_ROW {
      out.append(
        (0..<sqlite3_column_count(stmt)).map { i in
          sqlite3_column_type(stmt, i) == SQLITE_NULL
            ? "∅" : String(cString: sqlite3_column_text(stmt, i))
        })
    }
    return out
  }

  func int(_ sql: String) -> Int { Int(rows(sql).first?.first ?? "0") ?? 0 }

  /// A dump of every user table, to compare whole-store states.
  func snapshot() -> [String: [[String]]] {
    let tables = rows(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).map { $0[0] }
    var out: [String: [[String]]] = [:]
    for t in tables {
      let n = rows("PRAGMA table_info(\(t))").count
      let order = (1...n).map(String.init).joined(separator: ", ")
      out[t] = rows("SELECT * FROM \(t) ORDER BY \(order)")
    }
    return out
  }
}

/// Fixed instants and builders for test data.
enum T {
  static let now: EpochSeconds = 1_764_000_000  // 2025-11-24
  static let hour0: EpochSeconds = UTC.hourFloor(now) - 48 * 3600

  static func arn(_ name: String, account: String = "111122223333", region: String = "eu-west-1")
    -> String
  {
    ARN.lambdaFunction(name: name, account: account, region: region)
  }

  static func function(
    _ name: String, account: String = "111122223333", region: String = "eu-west-1",
    runtime: String? = "python3.12"
  ) -> Function {
    Function(
      arn: arn(name, account: account, region: region), name: name, account: account,
      region: region, runtime: runtime, handler: "app.handler", memoryMB: 128,
      timeoutSeconds: 30, role: "arn:aws:iam::\(account):role/\(name)",
      architectures: ["x86_64"],
      layers: [Layer(arn: "arn:aws:lambda:\(region):999988887777:layer:x:3")],
      environment: [
        EnvironmentVariable(
          name: "API_KEY", fingerprint: "sha256:0011223344556677", preview: "sk_…(32)",
          secretKind: nil, entropy: 4.5, length: 32)
      ], tags: ["team": "core"])
  }

  static func finding(
    _ id: String, account: String? = "111122223333", function: String? = "orders",
    category: Category = .invocation, severity: Severity = .high, source: String = "prowler",
    seen: EpochSeconds = T.now - 3600, compliance: Finding.Compliance = .failed,
    sourceState: TriageState? = nil, title: String? = nil
  ) -> Finding {
    Finding(
      id: id, account: account, region: "eu-west-1",
      functionArn: function.map { arn($0, account: account ?? "111122223333") },
      resource: function.map { arn($0, account: account ?? "111122223333") }
        ?? "main.tf:aws_lambda_function.x",
      category: category, severity: severity, title: title ?? "Finding \(id)", source: source,
      ruleId: "rule-\(id)", firstSeen: seen, lastSeen: seen, compliance: compliance,
      sourceState: sourceState)
  }

  static func batch(_ format: String = "test", _ fill: (inout ImportBatch) -> Void) -> ImportBatch {
    var b = ImportBatch(format: format)
    fill(&b)
    return b
  }
}

/// SplitMix64: a small seeded generator so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension RawConnection {
  /// What each migration after the rollups added, undone, keyed by the migration: so a
  /// test can take a store back to an older version and watch the later ones run again.
  static let undo: [(migration: String, sql: String)] = [
    (NotificationSchema.migration, "DROP TABLE notification_cursors;"),
    (
      FindingLocationSchema.migration,
      "ALTER TABLE findings DROP COLUMN location_end_line; ALTER TABLE findings DROP COLUMN location_start_line; ALTER TABLE findings DROP COLUMN location_uri;"
    ),
    (SourceIdentitySchema.migration, "DROP TABLE source_identities;"),
    (
      DecisionWatchSchema.migration,
      "ALTER TABLE findings DROP COLUMN state_watch_invocations; ALTER TABLE findings DROP COLUMN state_watch;"
    ),
    (
      RunSchema.migration,
      "DROP INDEX findings_by_back_run; DROP INDEX findings_by_unseen_run; DROP INDEX findings_by_first_run; ALTER TABLE findings DROP COLUMN back_run; ALTER TABLE findings DROP COLUMN unseen_run; ALTER TABLE findings DROP COLUMN first_run; DROP TABLE runs;"
    ),
    (CostActivitySchema.migration, "DROP INDEX costs_by_account_function_day;"),
    (IAMSchema.migration, "DROP TABLE iam_policies; DROP TABLE iam_roles;"),
    (
      TriagePolicySchema.migration,
      "ALTER TABLE findings DROP COLUMN state_rule; ALTER TABLE audit_events DROP COLUMN policy_sha256; ALTER TABLE audit_events DROP COLUMN rule_id;"
    ),
    (
      TriggerSourceSchema.migration,
      "DROP TABLE trigger_links; DROP TABLE trigger_sources;"
    ),
    (
      ApiGatewaySchema.migration,
      "DROP TABLE api_stages; DROP TABLE api_integrations; DROP TABLE api_routes; DROP TABLE api_gateway_apis;"
    ),
    (CodeSigningSchema.migration, "ALTER TABLE functions DROP COLUMN code_signing_known;"),
    (
      TriageBatchSchema.migration,
      "DROP INDEX audit_events_by_batch; ALTER TABLE audit_events DROP COLUMN batch;"
    ),
  ]

  /// Undoes every migration after `version` that added tables or columns (see ``undo``) and
  /// sets `user_version` to `version`.
  func rewind(to version: Int) {
    for (migration, sql) in Self.undo {
      guard let index = Schema.migrations.firstIndex(of: migration), index + 1 > version else {
        continue
      }
      exec(sql)
    }
    exec("PRAGMA user_version = \(version)")
  }
}
