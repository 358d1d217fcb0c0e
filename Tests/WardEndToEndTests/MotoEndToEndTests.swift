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

    env = ["WARD_STORE": tmp.file("posture.db")]
    let imported = try ward(["import", collected], environment: env)
    #expect(imported.status == 0, "import failed: \(imported.stdout)\(imported.stderr)")

    // The inventory arrived whole: both functions, in the account's tenant.
    let functions = try jsonArray(
      try ward(["functions", "--format", "json"], environment: env).stdout)
    #expect(
      Set(functions.compactMap { $0["name"] as? String }) == [
        "checkout-api", "nightly-report", "thumbnailer", "archive-indexer", "invoice-worker",
        "ledger-worker", "notify-worker", "audit-sink", "status-page",
      ])
    #expect(functions.allSatisfy { ($0["tenant"] as? String) == "123456789012" })
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

    // Trigger sources (moto-populate.sh): each public source raises its rule on the function it
    // feeds and nothing else; the controls (a blocked bucket, a queue only this account may send
    // to, a topic with the default policy, an EventBridge rule) raise none of them.
    let all = try jsonArray(
      try ward(["findings", "--source", "ward", "--format", "json"], environment: env).stdout)
    let triggerRules: Set<String> = ["WARD-ATS-007", "WARD-ATS-008", "WARD-DOS-005"]
    let triggerFindings = Set(
      all.compactMap { f -> String? in
        guard let rule = f["rule"] as? String, triggerRules.contains(rule) else { return nil }
        return "\(f["function"] as? String ?? "?") \(rule)"
      })
    #expect(
      triggerFindings == [
        "thumbnailer WARD-ATS-007", "invoice-worker WARD-ATS-008", "notify-worker WARD-ATS-008",
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
