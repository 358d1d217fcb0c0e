import Foundation
import Testing

/// scripts/collect-org.sh against an AWS Organization in moto: three member accounts, two
/// regions, each account reached through its OrganizationAccountAccessRole (moto then acts
/// in that account), the tree imported whole by the built `ward`.
@Suite(.serialized) struct OrgCollectTests {
  static let regions = ["eu-west-1", "us-east-1"]
  static var script: String { Repo.root.appendingPathComponent("scripts/collect-org.sh").path }

  @Test func collectsEveryAccountAndRegionResumesAndReportsFailures() throws {
    let tmp = try TempDir("ward-org")
    defer { tmp.cleanup() }
    let moto = try MotoServer.start(logPath: tmp.file("moto.log"))
    defer { moto.stop() }
    let env = [
      "AWS_ENDPOINT_URL": moto.endpoint, "AWS_DEFAULT_REGION": "eu-west-1",
      "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
      "AWS_PAGER": "", "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
      "WARD_COLLECT_BACKOFF": "0",
    ]
    let org = try Self.populate(endpoint: moto.endpoint)
    let out = tmp.file("org")
    let regionList = Self.regions.joined(separator: ",")

    // 1. The organization's ACTIVE accounts but the management one, 3 at a time.
    let started = Date()
    let first = try run(
      "/bin/bash",
      [
        Self.script, "--regions", regionList, "--parallel", "3", "--exclude", org.management,
        out,
      ], environment: env)
    print("collect-org.sh, 3 accounts x 2 regions: \(Int(Date().timeIntervalSince(started))) s")
    #expect(first.status == 0, "collect-org.sh failed: \(first.stdout)\(first.stderr)")
    #expect(first.stdout.contains("collected 6,"), "\(first.stdout)")
    // One complete directory per account x region holding that account's function there, and
    // nothing for the excluded management account.
    for function in org.functions {
      let dir = "\(out)/accounts/\(function.account)/\(function.region)"
      #expect(FileManager.default.fileExists(atPath: dir + "/.complete"), "\(dir) not complete")
      let listed = try Self.object(dir + "/lambda-list-functions.json")
      let names = (listed["Functions"] as? [[String: Any]] ?? []).compactMap {
        $0["FunctionName"] as? String
      }
      #expect(names == [function.name], "\(dir): \(names)")
      #expect(
        try Self.object(dir + "/sts-get-caller-identity.json")["Account"] as? String
          == function.account)
    }
    let accountDirs = try FileManager.default.contentsOfDirectory(atPath: out + "/accounts")
    #expect(Set(accountDirs) == Set(org.members), "\(accountDirs)")
    var summary = try Self.object(out + "/collect-summary.json")
    #expect(Self.count(summary, "collected") == 6 && Self.count(summary, "failed") == 0)

    // 2. `ward import` takes the whole tree (the summary and the hidden markers are passed
    // over): every function lands in its own account and region.
    let store = ["WARD_STORE": tmp.file("org.db")]
    let imported = try ward(["import", out], environment: store)
    #expect(imported.status == 0, "import failed: \(imported.stdout)\(imported.stderr)")
    let functions = try jsonArray(
      try ward(["functions", "--format", "json"], environment: store).stdout)
    let seen = Set(
      functions.map {
        Self.Function(
          name: $0["name"] as? String ?? "?", account: $0["account"] as? String ?? "?",
          region: $0["region"] as? String ?? "?")
      })
    #expect(seen == Set(org.functions), "\(seen)")

    // 3. A re-run skips every complete directory without calling AWS for it.
    let again = try run(
      "/bin/bash",
      [Self.script, "--regions", regionList, "--exclude", org.management, out], environment: env)
    #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    #expect(again.stdout.contains("skipped 6 (already complete)"), "\(again.stdout)")
    summary = try Self.object(out + "/collect-summary.json")
    #expect(Self.count(summary, "skipped") == 6 && Self.count(summary, "collected") == 0)

    // 4. --refresh-metrics adds only the hours since the last collection, beside the old
    // files. One directory is made to look collected three hours ago, before its datapoint.
    let stale = org.functions[0]
    let staleDir = "\(out)/accounts/\(stale.account)/\(stale.region)"
    let threeHoursAgo = Self.hour(Date().addingTimeInterval(-3 * 3600))
    let marker = try String(contentsOfFile: staleDir + "/.complete", encoding: .utf8)
    try marker.replacingOccurrences(
      of: #"metrics_end=\S+"#, with: "metrics_end=\(threeHoursAgo)", options: .regularExpression
    ).write(toFile: staleDir + "/.complete", atomically: true, encoding: .utf8)
    let refreshHour = Self.hour(Date())
    let refreshed = try run(
      "/bin/bash",
      [
        Self.script, "--refresh-metrics", "--regions", regionList, "--exclude", org.management, out,
      ],
      environment: env)
    #expect(refreshed.status == 0, "\(refreshed.stdout)\(refreshed.stderr)")
    #expect(refreshed.stdout.contains("refreshed 1, skipped 5"), "\(refreshed.stdout)")
    let stamp = threeHoursAgo.replacingOccurrences(of: "-", with: "")
      .replacingOccurrences(of: ":00:00Z", with: "00Z").replacingOccurrences(of: ":", with: "")
    let since = "\(staleDir)/metrics-since-\(stamp)/metrics/\(stale.name).json"
    let sinceResults = try Self.object(since)["MetricDataResults"] as? [[String: Any]] ?? []
    let invocations = sinceResults.first { $0["Id"] as? String == "invocations" }
    #expect(invocations?["Values"] as? [Double] == [7], "\(since): \(sinceResults)")
    #expect(FileManager.default.fileExists(atPath: "\(staleDir)/metrics/\(stale.name).json"))
    let newMarker = try String(contentsOfFile: staleDir + "/.complete", encoding: .utf8)
    // (The hour the run started in, or the next one if it crossed the hour.)
    #expect(
      newMarker.contains("metrics_end=\(refreshHour)")
        || newMarker.contains("metrics_end=\(Self.hour(Date()))"), "\(newMarker)")
    let reimported = try ward(["import", out], environment: store)
    #expect(reimported.status == 0, "re-import failed: \(reimported.stdout)\(reimported.stderr)")

    // 5. An account whose role cannot be assumed, and one that stays throttled, fail with
    // their reasons; the others are still reported, and the exit status says so. Moto lets
    // any role be assumed, so an `aws` in front of the real one refuses those two accounts
    // with the error text the CLI prints for them.
    let bin = tmp.file("bin")
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    let realAWS = try run("/bin/bash", ["-c", "command -v aws"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let count = tmp.file("throttled.count")
    try """
    #!/usr/bin/env bash
    for a in "$@"; do
      case $a in
        arn:aws:iam::111111111111:role/*)
          printf '\\nAn error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::123456789012:user/moto is not authorized to perform: sts:AssumeRole on resource: %s\\n' "$a" >&2
          exit 255 ;;
        arn:aws:iam::222222222222:role/*)
          echo try >>'\(count)'
          printf '\\nAn error occurred (Throttling) when calling the AssumeRole operation (reached max retries: 7): Rate exceeded\\n' >&2
          exit 255 ;;
      esac
    done
    exec '\(realAWS)' "$@"

    """.write(toFile: bin + "/aws", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/aws")
    let accountsFile = tmp.file("accounts.txt")
    try
      ("# the members, one not in the organization, one throttled\n"
      + org.members.map { "\($0)  # member\n" }.joined() + "111111111111\n222222222222\n")
      .write(toFile: accountsFile, atomically: true, encoding: .utf8)
    var failingEnv = env
    failingEnv["PATH"] =
      bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let failing = try run(
      "/bin/bash",
      [Self.script, "--accounts-file", accountsFile, "--regions", regionList, out],
      environment: failingEnv)
    #expect(failing.status == 1, "\(failing.stdout)\(failing.stderr)")
    #expect(failing.stdout.contains("skipped 6 (already complete), failed 4"), "\(failing.stdout)")
    #expect(
      failing.stdout.contains("failed 111111111111 eu-west-1: access denied"), "\(failing.stdout)")
    summary = try Self.object(out + "/collect-summary.json")
    let failed = summary["failed"] as? [[String: Any]] ?? []
    let reasons = Dictionary(
      grouping: failed, by: { $0["account"] as? String ?? "?" }
    ).mapValues { Set($0.compactMap { $0["reason"] as? String }) }
    #expect(
      reasons == ["111111111111": ["access denied"], "222222222222": ["throttled"]], "\(failed)")
    #expect(
      failed.allSatisfy { ($0["error"] as? String)?.hasPrefix("An error occurred (") == true })
    #expect(Self.count(summary, "skipped") == 6)
    // Tried three times (WARD_COLLECT_TRIES), then given up; nothing written for either.
    let tries = try String(contentsOfFile: count, encoding: .utf8).split(separator: "\n").count
    #expect(tries == 3)
    #expect(
      !FileManager.default.fileExists(atPath: out + "/accounts/111111111111/eu-west-1/.complete"))
    #expect(try ward(["import", out], environment: store).status == 0)
  }

  @Test func refusesBadArgumentsWithUsage() throws {
    let tmp = try TempDir("ward-org-args")
    defer { tmp.cleanup() }
    try "123456789012\nnot-an-account\n".write(
      toFile: tmp.file("accounts.txt"), atomically: true, encoding: .utf8)
    for (arguments, message) in [
      ([String](), "OUTDIR is missing"),
      (["--parallel", "0", tmp.file("o")], "--parallel must be a positive whole number"),
      (["--regions", "eu-west-1,Mars", tmp.file("o")], "not a region name: 'Mars'"),
      (["--bogus", tmp.file("o")], "unknown option: --bogus"),
      (
        ["--accounts-file", tmp.file("accounts.txt"), tmp.file("o")],
        "accounts.txt:2: not a 12-digit account id: 'not-an-account'"
      ),
    ] {
      // No AWS endpoint: a bad argument must be refused before any call.
      let result = try run(
        "/bin/bash", [Self.script] + arguments,
        environment: [
          "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
          "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_DEFAULT_REGION": "eu-west-1",
          "AWS_MAX_ATTEMPTS": "1",
        ])
      #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("usage: collect-org.sh"), "\(arguments): \(result.stderr)")
    }
  }

  /// One function the populate script created.
  struct Function: Hashable, CustomStringConvertible {
    var name: String
    var account: String
    var region: String
    var description: String { "\(name)@\(account)/\(region)" }
  }

  /// What Scripts/moto-org-populate.py created.
  struct Organization {
    var management: String
    var members: [String]
    var functions: [Function]
  }

  static func populate(endpoint: String) throws -> Organization {
    let script = Repo.root.appendingPathComponent(
      "Tests/WardEndToEndTests/Scripts/moto-org-populate.py"
    ).path
    let result = try run("/usr/bin/env", ["python3", script, endpoint] + regions)
    #expect(result.status == 0, "moto-org-populate.py failed: \(result.stderr)")
    let json =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    let functions = (json["functions"] as? [[String: String]] ?? []).map {
      Function(name: $0["name"] ?? "?", account: $0["account"] ?? "?", region: $0["region"] ?? "?")
    }
    return Organization(
      management: json["management"] as? String ?? "?", members: json["members"] as? [String] ?? [],
      functions: functions)
  }

  static func object(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  static func count(_ summary: [String: Any], _ key: String) -> Int {
    (summary[key] as? [Any])?.count ?? -1
  }

  /// The UTC hour of `date` as collect-org.sh writes it: 2026-12-02T13:00:00Z.
  static func hour(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:00:00'Z'"
    return formatter.string(from: date)
  }
}
