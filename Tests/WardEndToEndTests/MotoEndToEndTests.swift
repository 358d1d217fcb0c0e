import Foundation
import Testing

/// The collect script, the importer, the store and the rules against a real AWS API
/// emulator (moto), through the real aws CLI and the built `ward` binary.
@Suite(.serialized) struct MotoEndToEndTests {
  @Test func collectImportScanFindsThePlantedProblems() throws {
    let tmp = try TempDir("ward-moto")
    defer { tmp.cleanup() }
    let moto = try MotoServer.start(logPath: tmp.file("moto.log"))
    defer { moto.stop() }

    var env = [
      "AWS_ENDPOINT_URL": moto.endpoint, "AWS_DEFAULT_REGION": "eu-west-1",
      "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
      "AWS_PAGER": "", "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    ]
    let populate = try run(
      "/bin/bash",
      [
        Repo.root.appendingPathComponent("Tests/WardEndToEndTests/Scripts/moto-populate.sh").path,
        tmp.file("work"),
      ],
      environment: env)
    #expect(populate.status == 0, "moto-populate.sh failed: \(populate.stderr)")

    let collected = tmp.file("collected")
    let collect = try run(
      "/bin/bash", [Repo.root.appendingPathComponent("scripts/collect-aws.sh").path, collected],
      environment: env)
    #expect(collect.status == 0, "collect-aws.sh failed: \(collect.stderr)")
    #expect(FileManager.default.fileExists(atPath: collected + "/lambda-list-functions.json"))
    #expect(
      FileManager.default.fileExists(
        atPath: collected + "/functions/checkout-api/get-function-code-signing-config.json"))
    let iamFile = collected + "/iam-get-account-authorization-details.json"
    #expect(FileManager.default.fileExists(atPath: iamFile))

    // The same collection without IAM, scanned apart: "before" for the report, and the
    // permission rules must raise nothing when the roles' policies are unknown.
    let withoutIAM = tmp.file("collected-without-iam")
    try FileManager.default.copyItem(atPath: collected, toPath: withoutIAM)
    try FileManager.default.removeItem(
      atPath: withoutIAM + "/iam-get-account-authorization-details.json")
    let before = try scanned(
      withoutIAM, store: tmp.file("before.db"), tenants: tmp.file("tenants.yaml"))

    env = ["WARD_STORE": tmp.file("posture.db")]
    #expect(try ward(["import", tmp.file("tenants.yaml")], environment: env).status == 0)
    let imported = try ward(["import", collected], environment: env)
    #expect(imported.status == 0, "import failed: \(imported.stdout)\(imported.stderr)")

    // The inventory arrived whole: every function, in the account's tenant.
    let functions = try jsonArray(
      try ward(["functions", "--format", "json"], environment: env).stdout)
    #expect(Set(functions.compactMap { $0["name"] as? String }) == Self.functionNames)
    #expect(functions.allSatisfy { ($0["tenant"] as? String) == "acme" })
    #expect(
      functions.first { ($0["name"] as? String) == "nightly-report" }?["runtime"] as? String
        == "python3.9")

    // No secret value reached the store file.
    let storeBytes = try Data(contentsOf: URL(fileURLWithPath: tmp.file("posture.db")))
    for secret in ["AKIAIOSFODNN7EXAMPLE", "not-a-real-password"] {
      #expect(storeBytes.range(of: Data(secret.utf8)) == nil, "\(secret) leaked into the store")
    }

    let scan = try ward(["scan"], environment: env)
    #expect(scan.status == 0, "scan failed: \(scan.stderr)")

    let findings = try jsonArray(
      try ward(
        ["findings", "--source", "ward", "--function", "checkout-api", "--format", "json"],
        environment: env
      ).stdout)
    func fired(_ rule: String, _ category: String) -> Bool {
      findings.contains {
        ($0["rule"] as? String) == rule && ($0["category"] as? String) == category
      }
    }
    let titles = String(describing: findings.map { $0["title"] as? String ?? "" })
    // WARD-INV-001: function URL with AuthType NONE; WARD-INV-003: Principal "*".
    #expect(fired("WARD-INV-001", "invocation"), "public function URL not reported: \(titles)")
    #expect(fired("WARD-INV-003", "invocation"), "wildcard policy not reported: \(titles)")
    // Code signing was collected (moto: none attached), so its absence is a fact.
    #expect(fired("WARD-DEP-003", "dependencies"), "missing code signing not reported: \(titles)")
    // The AKIA… access key id in the environment.
    #expect(
      findings.contains {
        ($0["category"] as? String) == "secrets" && ($0["severity"] as? String) == "critical"
      },
      "credential-like variable not reported: \(titles)")

    // API Gateway: the open REST route and the open HTTP API route reach checkout-api.
    for (rule, category) in [
      ("WARD-INV-006", "invocation"), ("WARD-INJ-003", "injection"),
      ("WARD-ATS-006", "attack-surface"), ("WARD-MON-005", "monitoring"), ("WARD-DOS-004", "dos"),
    ] {
      #expect(fired(rule, category), "\(rule) not reported on checkout-api: \(titles)")
    }
    // (WARD-ATS-006 can only come from the HTTP API, joined route → integration → function;
    // WARD-INJ-003 only from the REST method.)
    // The IAM-only API with a logged, throttled stage in front of nightly-report: quiet.
    let control = try jsonArray(
      try ward(
        ["findings", "--source", "ward", "--function", "nightly-report", "--format", "json"],
        environment: env
      ).stdout)
    let apiRules: Set<String> = [
      "WARD-INV-006", "WARD-INJ-003", "WARD-ATS-006", "WARD-MON-005", "WARD-DOS-004",
    ]
    #expect(
      control.allSatisfy { !apiRules.contains($0["rule"] as? String ?? "") },
      "API findings on the protected control: \(control.map { $0["rule"] ?? "" })")

    // Execution roles: every planted problem, and nothing on the controls.
    let after = try findingsByFunction(store: tmp.file("posture.db"))
    for (function, rules) in Self.plantedRoleProblems {
      for rule in rules {
        #expect(
          after[function]?.contains { $0.rule == rule } == true,
          "\(rule) not on \(function): \(after[function] ?? [])")
      }
    }
    let roleRules: Set<String> = [
      "WARD-ATS-007", "WARD-ATS-008", "WARD-ATS-009", "WARD-INV-007", "WARD-XTN-008",
      "WARD-INJ-001",
    ]
    for (function, rows) in after {
      let unexpected = rows.filter {
        roleRules.contains($0.rule) && !(Self.plantedRoleProblems[function] ?? []).contains($0.rule)
      }
      #expect(unexpected.isEmpty, "role findings not planted on \(function): \(unexpected)")
    }
    // The toxic chain: way in → function → role → grant, critical.
    let toxic = try #require(after["checkout-api"]?.first { $0.rule == "WARD-INV-007" })
    #expect(toxic.severity == "critical")
    #expect(toxic.evidence.contains("function URL https://"), "\(toxic.evidence)")
    #expect(
      toxic.evidence.contains(
        "→ function checkout-api → role arn:aws:iam::123456789012:role/checkout-role → s3:* on * via s3:* on * (inline policy data-access)"
      ), "\(toxic.evidence)")
    // Without IAM nothing was assumed.
    for (function, rows) in before {
      let assumed = rows.filter { roleRules.subtracting(["WARD-INJ-001"]).contains($0.rule) }
      #expect(assumed.isEmpty, "permission findings on \(function) without IAM: \(assumed)")
    }
    print("moto scenario, findings per function (medium and above / all), before → after IAM:")
    for name in Self.functionNames.sorted() {
      func counts(_ rows: [StoredRow]?) -> String {
        let rows = rows ?? []
        return "\(rows.filter(\.isMediumOrAbove).count)/\(rows.count)"
      }
      print("  \(name): \(counts(before[name])) → \(counts(after[name]))")
    }
    for (label, result) in [("before", before), ("after", after)] {
      let medium = result.values.flatMap { $0 }.filter(\.isMediumOrAbove)
      let real = medium.filter { Self.isPlanted($0) }
      let others = medium.filter { !Self.isPlanted($0) }.map { "\($0.function) \($0.rule)" }
      print(
        "  \(label): \(real.count) of \(medium.count) medium-and-above findings are planted problems; others: \(others.sorted())"
      )
    }
    // Trigger sources (moto-populate.sh): each public source raises its rule on the function it
    // feeds and nothing else; the controls (a blocked bucket, a queue only this account may send
    // to, a topic with the default policy, an EventBridge rule) raise none of them.
    let all = try jsonArray(
      try ward(["findings", "--source", "ward", "--format", "json"], environment: env).stdout)
    let triggerRules: Set<String> = ["WARD-ATS-010", "WARD-ATS-011", "WARD-DOS-005"]
    let triggerFindings = Set(
      all.compactMap { f -> String? in
        guard let rule = f["rule"] as? String, triggerRules.contains(rule) else { return nil }
        return "\(f["function"] as? String ?? "?") \(rule)"
      })
    #expect(
      triggerFindings == [
        "thumbnailer WARD-ATS-010", "invoice-worker WARD-ATS-011", "notify-worker WARD-ATS-011",
        "status-page WARD-DOS-005",
      ], "\(triggerFindings.sorted())")
    // Quiet where nothing is wrong: on the controls no finding is medium or above except the
    // ones their own configuration earns (python3.9 on nightly-report, async invokers with no
    // DLQ on the bucket and topic controls).
    let expectedOnControls: Set<String> = [
      "nightly-report WARD-DEP-001", "archive-indexer WARD-MON-002", "audit-sink WARD-MON-002",
    ]
    let serious = Set(
      all.compactMap { f -> String? in
        let name = f["function"] as? String ?? "?"
        guard ["archive-indexer", "ledger-worker", "audit-sink", "nightly-report"].contains(name),
          ["critical", "high", "medium"].contains(f["severity"] as? String ?? "")
        else { return nil }
        return "\(name) \(f["rule"] as? String ?? "?")"
      })
    #expect(serious == expectedOnControls, "\(serious.sorted())")
    // Hygiene on a function nobody outside can reach is info; on an exposed one it is low.
    func severity(_ function: String, _ rule: String) -> String? {
      all.first { ($0["function"] as? String) == function && ($0["rule"] as? String) == rule }?[
        "severity"] as? String
    }
    #expect(severity("ledger-worker", "WARD-MON-001") == "info")
    #expect(severity("thumbnailer", "WARD-MON-001") == "low")

    // Re-importing the same directory changes nothing.
    let again = try ward(["import", "--quiet", collected], environment: env)
    #expect(again.stdout.contains("0 records changed"), "\(again.stdout)")
  }

  static let functionNames: Set<String> = [
    "checkout-api", "nightly-report", "admin-task", "deployer", "bounded-worker",
    "denied-worker", "partner-sync", "thumbnailer", "archive-indexer", "invoice-worker",
    "ledger-worker", "notify-worker", "audit-sink", "status-page",
  ]
  /// The role problems moto-populate.sh plants (nightly-report, bounded-worker and
  /// denied-worker are the controls).
  static let plantedRoleProblems: [String: Set<String>] = [
    "checkout-api": ["WARD-INV-007", "WARD-ATS-009"],
    "admin-task": ["WARD-ATS-007"],
    "deployer": ["WARD-ATS-008"],
    "partner-sync": ["WARD-XTN-008"],
  ]
  /// The trigger-source problems moto-populate.sh plants (archive-indexer, ledger-worker and
  /// audit-sink are the controls).
  static let plantedTriggerProblems: [String: Set<String>] = [
    "thumbnailer": ["WARD-ATS-010"], "invoice-worker": ["WARD-ATS-011"],
    "notify-worker": ["WARD-ATS-011"], "status-page": ["WARD-DOS-005", "WARD-INV-001"],
  ]
  /// Every problem the scenario plants, by function: the role and trigger problems above
  /// plus checkout-api's open URL, open policy, credentials and open API routes.
  static func isPlanted(_ row: StoredRow) -> Bool {
    if plantedRoleProblems[row.function]?.contains(row.rule) == true { return true }
    if plantedTriggerProblems[row.function]?.contains(row.rule) == true { return true }
    guard row.function == "checkout-api" else { return false }
    return [
      "WARD-INV-001", "WARD-INV-002", "WARD-INV-003", "WARD-INV-006", "WARD-INJ-003",
      "WARD-ATS-006", "WARD-DOS-004", "WARD-SEC-001", "WARD-INJ-002", "WARD-DOS-001",
    ].contains(row.rule)
  }

  /// One Ward finding as stored (the CLI's JSON carries no evidence).
  struct StoredRow: CustomStringConvertible {
    var function: String
    var rule: String
    var severity: String
    var evidence: String
    var isMediumOrAbove: Bool { ["critical", "high", "medium"].contains(severity) }
    var description: String { "\(rule) \(severity)" }
  }

  /// The store's open Ward findings, by function name.
  func findingsByFunction(store: String) throws -> [String: [StoredRow]] {
    let query = try run(
      "/usr/bin/env",
      [
        "python3", "-c",
        """
        import json, sqlite3, sys
        db = sqlite3.connect(sys.argv[1])
        rows = db.execute("SELECT function_arn, rule_id, severity, evidence FROM findings WHERE source = 'ward' AND state NOT IN ('resolved')").fetchall()
        names = {4: "critical", 3: "high", 2: "medium", 1: "low", 0: "info"}
        print(json.dumps([{"arn": a or "", "rule": r, "severity": names[s], "evidence": e} for a, r, s, e in rows]))
        """, store,
      ])
    var out: [String: [StoredRow]] = [:]
    for row in try jsonArray(query.stdout) {
      let arn = row["arn"] as? String ?? ""
      let name = String(arn.split(separator: ":").last ?? "")
      out[name, default: []].append(
        StoredRow(
          function: name, rule: row["rule"] as? String ?? "",
          severity: row["severity"] as? String ?? "", evidence: row["evidence"] as? String ?? ""))
    }
    return out
  }

  /// Imports `tenants` (written here: acme owns the moto account, globex 210987654321) and
  /// `directory` into a new store, scans, and returns its findings.
  func scanned(_ directory: String, store: String, tenants: String) throws -> [String: [StoredRow]]
  {
    try
      "tenants:\n  - name: acme\n    accounts: [\"123456789012\"]\n  - name: globex\n    accounts: [\"210987654321\"]\n"
      .write(toFile: tenants, atomically: true, encoding: .utf8)
    let env = ["WARD_STORE": store]
    #expect(try ward(["import", tenants], environment: env).status == 0)
    let imported = try ward(["import", directory], environment: env)
    #expect(imported.status == 0, "import failed: \(imported.stdout)\(imported.stderr)")
    #expect(try ward(["scan"], environment: env).status == 0)
    return try findingsByFunction(store: store)
  }
}

/// A moto server on a free loopback port, for one test.
struct MotoServer {
  let process: Process
  let endpoint: String

  static func start(logPath: String) throws -> MotoServer {
    let port = Int.random(in: 20_000..<40_000)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
    FileManager.default.createFile(atPath: logPath, contents: nil)
    let log = FileHandle(forWritingAtPath: logPath)
    process.standardOutput = log
    process.standardError = log
    try process.run()
    let endpoint = "http://127.0.0.1:\(port)"
    // Wait until it answers (moto prints nothing useful to poll on).
    for _ in 0..<100 {
      if (try? run(
        "/usr/bin/env",
        ["python3", "-c", "import urllib.request; urllib.request.urlopen('\(endpoint)/moto-api/')"]))?
        .status == 0
      {
        return MotoServer(process: process, endpoint: endpoint)
      }
      usleep(100_000)
    }
    process.terminate()
    throw NSError(
      domain: "ward-tests", code: 2,
      userInfo: [
        NSLocalizedDescriptionKey:
          "moto_server did not start: \((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "")"
      ])
  }

  /// Kills the server (werkzeug may ignore SIGTERM while serving) and reaps it.
  func stop() {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}
