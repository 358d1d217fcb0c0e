import Crypto
import Foundation
import Testing

/// The demo dataset end to end: `ward demo` builds, scans and caches it; the scan lights all
/// ten categories; the detectors find the planted incidents; the console runs in a real
/// terminal (tmux) and leaves the store byte-for-byte unchanged.
@Suite(.serialized) struct DemoConsoleTests {
  func demoStore() throws -> String { try DemoFixture.storePath.get() }

  @Test func scanLightsAllTenCategoriesAcrossTenants() throws {
    let store = try demoStore()
    let findings = try jsonArray(
      try ward(["findings", "--store", store, "--source", "ward", "--format", "json"]).stdout)
    var tenantsByCategory: [String: Set<String>] = [:]
    for f in findings {
      tenantsByCategory[f["category"] as? String ?? "", default: []].insert(
        f["tenant"] as? String ?? "")
    }
    let categories = [
      "invocation", "attack-surface", "cold-start", "injection", "dependencies", "monitoring",
      "forensics", "dos",
      "secrets", "cross-tenant",
    ]
    for c in categories {
      #expect(
        (tenantsByCategory[c]?.count ?? 0) >= 2,
        "category \(c) lit in \(tenantsByCategory[c]?.count ?? 0) tenants")
    }
    #expect(Set(findings.compactMap { $0["tenant"] as? String }).count == 12)
  }

  @Test func detectorsFindThePlantedIncidentsAtTheirHours() throws {
    let store = try demoStore()
    let alerts = try jsonArray(try ward(["alerts", "--store", store, "--format", "json"]).stdout)
    func found(_ function: String, _ kind: String, _ start: String) -> Bool {
      alerts.contains {
        ($0["function"] as? String) == function && ($0["kind"] as? String) == kind
          && ($0["start"] as? String) == start
      }
    }
    // demo-data/README.md lists these incidents and their hours.
    #expect(found("media-preview-render", "invocation-spike", "2026-11-22T02:00:00Z"))
    #expect(found("loyalty-points-sync", "error-burst", "2026-11-25T19:00:00Z"))
    #expect(found("tickets-reservation-worker", "throttle-storm", "2026-11-27T14:00:00Z"))
    #expect(found("claims-validator", "duration-regression", "2026-11-20T09:00:00Z"))
    #expect(found("reports-export-api", "error-burst", "2026-11-16T13:00:00Z"))
    let planted: Set<String> = [
      "media-preview-render", "loyalty-points-sync", "tickets-reservation-worker",
      "claims-validator",
      "reports-export-api",
    ]
    let elsewhere = alerts.filter { !planted.contains($0["function"] as? String ?? "") }
    // 569 functions x 720 hours of calm traffic: at most one false alarm, and never above low.
    #expect(elsewhere.count <= 1, "false alarms: \(String(describing: elsewhere))")
    #expect(
      elsewhere.allSatisfy {
        ($0["severity"] as? String) == "low" || ($0["severity"] as? String) == "info"
      })
  }

  @Test func consoleWalksTheScreensInTmuxAndLeavesTheStoreUnchanged() throws {
    let store = try demoStore()
    let before = SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: store)))
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) demo",
      environment: ["XDG_CACHE_HOME": DemoFixture.cacheHome, "TERM": "xterm-256color"])
    defer { session.kill() }

    let overview = try session.waitFor("DEMO · READ-ONLY")
    #expect(overview.contains("Ward Overview"))
    // The totals row's label is shown whole: its width joins TENANT's fit.
    #expect(overview.contains("= TOTAL (12) "), "\(overview)")
    #expect(overview.contains("tailspin"))
    #expect(try session.alternateScreenOn())

    try session.send("Enter")
    let functions = try session.waitFor("RUNTIME")
    #expect(functions.contains("▶ Functions:"))

    try session.send("Enter")
    // The body, not just the breadcrumb: a capture can catch the header of the new screen
    // above the old body (the release binary draws fast enough to show it).
    let detail = try session.waitFor("[Configuration]")
    #expect(detail.contains("▶ Function:"))
    #expect(detail.contains("Metrics"))

    try session.type(":findings")
    try session.send("Enter")
    let findings = try session.waitFor("SEV ▼")
    #expect(findings.contains("▶ Findings"))

    // A mutating key is refused in the demo, by the registry.
    try session.send("t")
    try session.waitFor("read-only")

    try session.send("?")
    let help = try session.waitFor("Triage dialog")
    #expect(help.contains("▶ Help") && help.contains("triage"))

    for _ in 0..<6 { try session.send("q") }
    let after = try session.waitFor("EXIT=")
    #expect(after.contains("EXIT=0"))
    #expect(try !session.alternateScreenOn(), "the terminal was not restored")
    #expect(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: store))) == before)
  }

  @Test func triageInTheConsoleIsAuditedWithTheOperator() throws {
    let tmp = try TempDir("ward-console-triage")
    defer { tmp.cleanup() }
    let store = tmp.file("posture.db")
    try FileManager.default.copyItem(atPath: try demoStore(), toPath: store)
    let session = try TmuxSession(
      command: "\(Repo.wardBinary) console --store \(store) --operator alice",
      environment: ["TERM": "xterm-256color"])
    defer { session.kill() }
    try session.waitFor("Ward Overview")
    try session.type(":findings")
    try session.send("Enter")
    try session.waitFor("▶ Findings")
    try session.send("t")
    try session.waitFor("▶ State")
    // 4 = resolved, which needs a reason: Enter without one is refused in the dialog.
    try session.send("4")
    try session.send("Enter")
    // The refusal names what is missing and moves the focus to the reason field.
    try session.waitFor("resolved needs a reason")
    try session.type("fixed in deploy 42")
    try session.send("Enter")
    try session.waitFor("→ resolved")
    for _ in 0..<4 { try session.send("q") }
    #expect(try session.waitFor("EXIT=").contains("EXIT=0"))

    let events = try jsonArray(
      try ward(["audit", "log", "--store", store, "--source", "console", "--format", "json"]).stdout
    )
    #expect(events.count == 1)
    #expect(events.first?["to"] as? String == "resolved")
    #expect(events.first?["reason"] as? String == "fixed in deploy 42")
    #expect(events.first?["operator"] as? String == "alice")
    let verify = try ward(["audit", "verify", "--store", store])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
  }
}
