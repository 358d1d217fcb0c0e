import CSQLite
import Foundation
import Testing
import WardModel
import WardStore

/// `ward triage`, `ward audit` and `ward export` through the built binary.
@Suite struct TriageCommandTests {
  @Test func triageByIdAndByFilterIsAuditedWithTheOperator() throws {
    let fx = try TriageFixture(count: 4)
    defer { fx.dir.cleanup() }
    let byId = try fx.ward(
      ["triage"], ["--state", "acknowledged", "--operator", "alice", "f1"],
      environment: ["SSH_CONNECTION": "198.51.100.9 52311 10.0.0.1 22"])
    #expect(byId.status == 0, "\(byId.stderr)")
    #expect(byId.stdout.contains("applied   f1 -> acknowledged (version 2, event #1)"))

    let byFilter = try fx.ward(
      ["triage"], ["--state", "suppressed", "--reason", "noisy", "--severity", "critical"],
      environment: ["WARD_OPERATOR": "bob"])
    #expect(byFilter.status == 0, "\(byFilter.stderr)")
    #expect(byFilter.stdout.contains("2 applied, 0 conflicts, 0 unknown, of 2"))

    let store = try fx.open()
    #expect(try store.finding(id: "f0")?.triage.state == .suppressed)
    #expect(try store.finding(id: "f2")?.triage.reason == "noisy")
    #expect(try store.finding(id: "f3")?.triage.state == .new)

    let log = try jsonArray(try fx.ward(["audit", "log"], ["--format", "json"]).stdout)
    #expect(log.count == 3)
    for key in [
      "seq", "finding", "from", "to", "reason", "note", "until", "operator", "address", "key",
      "source", "at", "prev_hash", "hash",
    ] {
      #expect(log[0].keys.contains(key), "missing \(key)")
    }
    #expect(log[0]["operator"] as? String == "alice")
    #expect(log[0]["address"] as? String == "198.51.100.9")
    #expect(log[0]["source"] as? String == "cli")
    #expect(log[1]["operator"] as? String == "bob")
    let bobs = try jsonArray(
      try fx.ward(["audit", "log"], ["--format", "json", "--operator", "bob"]).stdout)
    #expect(bobs.count == 2)

    // A note alone, then undo of bob's last triage.
    let note = try fx.ward(["triage"], ["--note", "owner on leave", "--operator", "carol", "f3"])
    #expect(note.status == 0, "\(note.stderr)")
    // Bob's last triage set two findings: without a terminal to ask on, --yes is needed,
    // and nothing is undone without it.
    let unconfirmed = try fx.ward(["triage"], ["--undo", "--operator", "bob"])
    #expect(unconfirmed.status != 0)
    #expect(
      unconfirmed.stderr.contains("Undo your last triage of 2 findings (set to suppressed)?")
        && unconfirmed.stderr.contains("--yes"), "\(unconfirmed.stderr)")
    #expect(try store.finding(id: "f0")?.triage.state == .suppressed)
    let undo = try fx.ward(["triage"], ["--undo", "--yes", "--operator", "bob"])
    #expect(undo.status == 0, "\(undo.stderr)")
    #expect(undo.stdout.contains("undid 2 findings of your last triage"), "\(undo.stdout)")
    // The batch as a whole: both findings are back to new.
    #expect(try store.finding(id: "f0")?.triage.state == .new)
    #expect(try store.finding(id: "f2")?.triage.state == .new)
    #expect(try store.finding(id: "f3")?.triage.note == "owner on leave")
    #expect(try fx.ward(["audit", "verify"]).status == 0)
  }

  @Test func refusalsExitNonZeroWithAClearMessage() throws {
    let fx = try TriageFixture(count: 2)
    defer { fx.dir.cleanup() }
    func refused(_ args: [String], _ message: String) throws {
      let r = try fx.ward(["triage"], args + ["--operator", "alice"])
      #expect(r.status != 0, "\(args) should fail")
      #expect(
        (r.stderr + r.stdout).contains(message), "\(args): \(r.stderr)\(r.stdout)")
    }
    try refused(["--state", "acknowledged", "nope"], "no finding nope")
    try refused(["--state", "resolved", "f0"], "resolved needs a reason")
    try refused(
      ["--state", "risk-accepted", "--reason", "ok", "f0"], "risk-accepted needs an expiry")
    try refused(
      ["--state", "risk-accepted", "--reason", "ok", "--until", "2001-01-01", "f0"],
      "the expiry must be in the future")
    try refused(["--state", "acknowledged"], "give ids or a filter")
    // A stale version: someone changed f0 since version 1 was read.
    #expect(
      try fx.ward(["triage"], ["--state", "in-progress", "--operator", "bob", "f0@1"]).status == 0)
    try refused(["--state", "acknowledged", "f0@1"], "changed by bob at")
    #expect(try fx.open().finding(id: "f0")?.triage.state == .inProgress)
    // A risk acceptance with a future expiry is fine.
    let ok = try fx.ward(
      ["triage"],
      ["--state", "risk-accepted", "--reason", "vendor fix due", "--until", "2999-01-01", "f1"])
    #expect(ok.status == 0, "\(ok.stderr)")
  }

  @Test func verifyNamesTheTamperedEventAndHeadAnchorsTheLog() throws {
    let fx = try TriageFixture(count: 4)
    defer { fx.dir.cleanup() }
    for id in ["f0", "f1", "f2", "f3"] {
      #expect(try fx.ward(["triage"], ["--state", "acknowledged", id]).status == 0)
    }
    let head2 =
      try jsonArray(try fx.ward(["audit", "log"], ["--format", "json"]).stdout)[1][
        "hash"] as? String
    let verify = try fx.ward(["audit", "verify"])
    #expect(verify.status == 0 && verify.stdout.contains("4 events"), "\(verify.stderr)")
    let head = try fx.ward(["audit", "head"])
    #expect(head.stdout.hasPrefix("4 "))
    #expect(try fx.ward(["audit", "verify"], ["--head", try #require(head2)]).status == 0)
    let forged = try fx.ward(["audit", "verify"], ["--head", String(repeating: "ab", count: 32)])
    #expect(forged.status != 0 && forged.stderr.contains("not in the log"))

    // An attacker drops the guard and edits event 3.
    try sql(
      fx.store,
      "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET operator = 'x' WHERE seq = 3")
    let broken = try fx.ward(["audit", "verify"])
    #expect(broken.status != 0)
    #expect(broken.stderr.contains("event #3"), "\(broken.stderr)")
  }

  @Test func exportFormatsParse() throws {
    let fx = try TriageFixture(count: 4)
    defer { fx.dir.cleanup() }
    _ = try fx.ward(
      ["triage"],
      [
        "--state", "false-positive", "--reason", "test account", "--note", "see T-1",
        "--operator", "alice", "f0",
      ])
    _ = try fx.ward(["triage"], ["--state", "in-progress", "f1"])

    let json = try jsonArray(try fx.ward(["export"], ["--format", "json"]).stdout)
    #expect(json.count == 4)
    let f0 = try #require(json.first { $0["id"] as? String == "f0" })
    #expect(f0["state"] as? String == "false-positive" && f0["reason"] as? String == "test account")
    #expect(f0["note"] as? String == "see T-1" && f0["state_by"] as? String == "alice")

    let csv = try fx.ward(["export"], ["--format", "csv", "--severity", "low"]).stdout
    let lines = csv.split(separator: "\r\n")
    #expect(lines.count == 3)
    #expect(
      lines[0].hasPrefix(
        "id,tenant,account,region,function,resource,category,severity,state,reason,note"))

    let out = fx.dir.file("asff.json")
    #expect(try fx.ward(["export"], ["--format", "asff", "--output", out]).status == 0)
    let asff = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
    let items = try #require((asff as? [String: Any])?["Findings"] as? [[String: Any]])
    let statuses = Dictionary(
      uniqueKeysWithValues: items.map {
        ($0["Id"] as? String ?? "", ($0["Workflow"] as? [String: Any])?["Status"] as? String)
      })
    #expect(statuses == ["f0": "RESOLVED", "f1": "NOTIFIED", "f2": "NEW", "f3": "NEW"])
    let note = try #require(items.first { $0["Id"] as? String == "f0" }?["Note"] as? [String: Any])
    #expect(note["Text"] as? String == "false-positive: test account — see T-1")
    #expect(note["UpdatedBy"] as? String == "alice" && note["UpdatedAt"] is String)

    let md = try fx.ward(["export"], ["--format", "markdown"]).stdout
    #expect(md.contains("## Tenant acme"))
    #expect(md.contains("### Insecure invocation (`invocation`)"))
    #expect(md.contains("| false-positive | alice |"))
  }
}

/// Runs SQL on a store file through the C API (as an attacker with file access would).
func sql(_ path: String, _ statements: String) throws {
  var db: OpaquePointer?
  guard sqlite3_open(path, &db) == SQLITE_OK else { throw CocoaError(.fileReadUnknown) }
  defer { sqlite3_close(db) }
  sqlite3_busy_timeout(db, 5000)
  guard sqlite3_exec(db, statements, nil, nil, nil) == SQLITE_OK else {
    throw CocoaError(.fileWriteUnknown)
  }
}
