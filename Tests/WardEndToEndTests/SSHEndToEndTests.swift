import Foundation
import Testing

/// Ward as sshd's ForceCommand, end to end: a real sshd on 127.0.0.1, real keys, the
/// built binary, tmux as the operator's terminal. One bastion is shared by the steps (the
/// store import and scan take a few seconds). Needs root, openssh-server and tmux (CI has them).
@Suite(.serialized) struct SSHEndToEndTests {
  @Test func operatorsSeeOnlyTheirScopeAndOnlyReadCommandsRun() throws {
    let b = try SSHBastion()

    // Read commands run in-process with the operator's scope.
    let findings = try b.ssh("viewer", ["ward", "findings", "--format", "json"])
    #expect(findings.status == 0, "\(findings.stderr)")
    let rows = try jsonArray(findings.stdout)
    #expect(!rows.isEmpty)
    #expect(Set(rows.compactMap { $0["tenant"] as? String }) == [SSHBastion.viewerTenant])
    let tenants = try jsonArray(
      try b.ssh("viewer", ["ward", "tenants", "--format", "json"]).stdout)
    #expect(tenants.compactMap { $0["name"] as? String } == [SSHBastion.viewerTenant])
    let triagerRows = try jsonArray(
      try b.ssh("triager", ["ward", "findings", "--format", "json"]).stdout)
    #expect(!triagerRows.isEmpty)
    #expect(Set(triagerRows.compactMap { $0["tenant"] as? String }) == [SSHBastion.triagerTenant])
    let costs = try b.ssh("viewer", ["ward", "costs", "--format", "csv"]).stdout
    #expect(costs.contains(SSHBastion.viewerTenant) && !costs.contains("contoso"))
    // What changed since the first run: only the viewer's tenant; of the runs, no files or
    // store-wide counts.
    let changes = try b.ssh("viewer", ["ward", "changes", "--since", "0", "--format", "json"])
    #expect(changes.status == 0, "\(changes.stderr)")
    #expect(
      try jsonArray(changes.stdout).compactMap { $0["tenant"] as? String } == [
        SSHBastion.viewerTenant
      ])
    let runs = try jsonArray(
      try b.ssh("viewer", ["ward", "changes", "--runs", "--format", "json"]).stdout)
    #expect(runs.map { $0["kind"] as? String } == ["scan", "import"])
    #expect(runs.allSatisfy { $0["files"] == nil && $0["new"] == nil }, "\(runs)")

    // Anything else is refused with a message and a non-zero exit.
    for command in [
      ["bash"], ["sh", "-c", "id"], ["ward", "triage", "--state", "resolved", "x"],
      ["ward", "import", "/tmp"], ["ward", "scan"], ["ward", "findings", "--store", "/tmp/x.db"],
      ["ward", "export", "--output", "/tmp/x.csv"], ["ward", "findings;", "id"],
      ["ward", "console"], ["ward", "audit", "verify"],
    ] {
      let r = try b.ssh("viewer", command)
      #expect(r.status != 0, "\(command) was not refused")
      #expect(r.stderr.contains("refused"), "\(command): \(r.stderr)")
      #expect(r.stdout.isEmpty, "\(command) printed \(r.stdout.prefix(200))")
    }

    // An unknown key gets one line and a non-zero exit, never a console.
    let stranger = try b.ssh("stranger", [])
    #expect(stranger.status != 0)
    #expect(stranger.stderr.contains("access denied: no operator matches key SHA256:"))
    let strangerCommand = try b.ssh("stranger", ["ward", "findings"])
    #expect(strangerCommand.status != 0 && strangerCommand.stdout.isEmpty)
  }

  @Test func theViewerConsoleShowsOnlyItsTenantAndRefusesTriage() throws {
    let b = try SSHBastion()
    try b.startConsole("v", key: "viewer")
    let overview = try b.waitForScreen("v") { $0.contains("Overview") && $0.contains("northwind") }
    #expect(overview.contains("READ-ONLY"), "\(overview)")
    #expect(overview.contains("TOTAL (1)"), "\(overview)")
    #expect(!overview.contains("contoso"), "\(overview)")
    for screen in ["functions", "findings", "alerts", "costs"] {
      try b.send("v", ":\(screen)", "Enter")
      let text = try b.waitForScreen("v") { $0.lowercased().contains(screen) }
      #expect(text.lowercased().contains(screen), "\(screen): \(text)")
      #expect(!text.contains("contoso"), "\(screen) shows another tenant:\n\(text)")
    }
    // `:tenant ` completion offers only names in scope.
    try b.send("v", "Escape")
    try b.send("v", ":tenant ")
    try b.send("v", "Tab")
    let completed = try b.waitForScreen("v") { $0.contains(":tenant northwind-retail") }
    #expect(completed.contains(":tenant northwind-retail"), "\(completed)")
    #expect(!completed.contains("contoso"), "\(completed)")
    try b.send("v", "Escape")
    try b.send("v", ":findings", "Enter")
    try b.waitForScreen("v") { $0.contains("findings") }
    try b.send("v", "t")
    let refused = try b.waitForScreen("v") { $0.contains("read-only: triage is disabled") }
    #expect(refused.contains("read-only: triage is disabled"), "\(refused)")
    try b.send("v", "q")
    try b.send("v", "q")
    try b.waitForScreen("v") { $0.contains("Pane is dead") || !$0.contains("Ward") }

    // The session start and end are in the chain, with key, address, TERM and size.
    let log = try jsonArray(
      try ward(["audit", "log", "--store", b.store, "--format", "json"]).stdout)
    let sessions = log.filter { $0["kind"] as? String == "session" }
    #expect(sessions.map { $0["reason"] as? String } == ["session start", "session end"])
    for s in sessions {
      #expect(s["operator"] as? String == "vera")
      #expect(s["key"] as? String == b.fingerprints["viewer"])
      #expect(s["address"] as? String == "127.0.0.1")
      #expect((s["note"] as? String)?.hasPrefix("term=xterm-256color size=120x40") == true)
    }
    #expect((sessions.last?["note"] as? String)?.contains("ended=quit") == true)
    #expect(try ward(["audit", "verify", "--store", b.store]).status == 0)
  }

  @Test func aTriagerTriagesInScopeWithItsKeyAndAddressOnTheEvent() throws {
    let b = try SSHBastion()
    try b.startConsole("t", key: "triager")
    let overview = try b.waitForScreen("t") { $0.contains("Overview") && $0.contains("contoso") }
    #expect(!overview.contains("READ-ONLY"), "a triager's console is read-write:\n\(overview)")
    #expect(!overview.contains("northwind"), "\(overview)")

    // Triage the first open finding through the console's dialog, over SSH.
    try b.send("t", ":findings", "Enter")
    _ = try b.waitForScreen("t") { $0.contains("▶ Findings") }
    try b.send("t", "t")
    _ = try b.waitForScreen("t") { $0.contains("State") && $0.contains("in-progress") }
    try b.send("t", "3", "Enter")  // in-progress: no reason needed (imports never set it)
    // The status line reads `ID → in-progress` (`>` in ASCII: sshd passes no UTF-8 locale).
    func isStatus(_ line: Substring) -> Bool {
      line.contains("→ in-progress") || line.contains("> in-progress")
    }
    let done = try b.waitForScreen("t") { $0.split(separator: "\n").contains(where: isStatus) }
    let status = try #require(done.split(separator: "\n").last(where: isStatus), "screen:\n\(done)")
    let id = String(try #require(status.split(separator: " ").first { $0.contains("-") }))
    for _ in 0..<4 { try b.send("t", "q") }

    let log = try jsonArray(
      try b.ssh("triager", ["ward", "audit", "log", "--finding", id, "--format", "json"]).stdout)
    let event = try #require(log.last)
    #expect(event["to"] as? String == "in-progress")
    #expect(event["source"] as? String == "console")
    #expect(event["operator"] as? String == "tomas")
    #expect(event["key"] as? String == b.fingerprints["triager"])
    #expect(event["address"] as? String == "127.0.0.1")
    // The viewer's scope does not include that finding, nor its audit events.
    let viewerLog = try b.ssh("viewer", ["ward", "audit", "log", "--format", "json"]).stdout
    #expect(!viewerLog.contains(id))
    let viewerExport = try b.ssh("viewer", ["ward", "export", "--format", "json"]).stdout
    #expect(!viewerExport.contains(id) && !viewerExport.contains("contoso"))
  }

  @Test(arguments: ["xterm-256color", "tmux-256color", "screen-256color", "linux", "vt100"])
  func theConsoleStartsUnderEachTerm(term: String) throws {
    let b = try SSHBastion()
    try b.startConsole("c", key: "viewer", term: term)
    let text = try b.waitForScreen("c") { $0.contains("Overview") && $0.contains("northwind") }
    #expect(text.contains("Overview") && text.contains("northwind"), "\(term):\n\(text)")
    try b.send("c", "q")
    try b.send("c", "q")
  }

  @Test func twentySessionsReadWhileAnImportWrites() throws {
    let b = try SSHBastion()
    let demo = Repo.root.appendingPathComponent("demo-data").path
    let importer = Process()
    importer.executableURL = URL(fileURLWithPath: Repo.wardBinary)
    importer.arguments = [
      "import", "--store", b.store, "\(demo)/accounts/999900010201",
      "\(demo)/accounts/999900020201",
    ]
    importer.standardOutput = FileHandle.nullDevice
    importer.standardError = FileHandle.nullDevice
    try importer.run()
    let results = ResultBox()
    DispatchQueue.concurrentPerform(iterations: 20) { i in
      let r = Result {
        try b.ssh(i % 2 == 0 ? "viewer" : "triager", ["ward", "findings", "--format", "json"])
      }
      results.append(r)
    }
    importer.waitUntilExit()
    #expect(importer.terminationStatus == 0)
    let all = results.values
    #expect(all.count == 20)
    var errors: [String] = []
    for r in all {
      switch r {
      case .success(let run):
        if run.status != 0 || !run.stderr.isEmpty || (try? jsonArray(run.stdout)) == nil {
          errors.append("status \(run.status): \(run.stderr.prefix(300))")
        }
      case .failure(let e): errors.append("\(e)")
      }
    }
    #expect(errors == [], "\(errors.count) sessions saw errors")
  }

  @Test func anIdleSessionEndsWithAMessageAndIsRecorded() throws {
    let b = try SSHBastion()
    // As sshd would start it, with a two-second idle timeout.
    let auth = try b.exposeAuthFile(for: "viewer")
    let command = [
      "env", "TERM=xterm-256color", "SSH_CONNECTION=127.0.0.1 50001 127.0.0.1 22",
      "SSH_USER_AUTH=\(auth)", Repo.wardBinary, "console", "--ssh", "--store", b.store,
      "--operators", b.operators, "--idle-timeout-seconds", "2",
    ].map { "'\($0)'" }.joined(separator: " ")
    try b.newSession("i", width: 100, height: 30, command + "; echo EXIT=$?; sleep 30")
    let text = try b.waitForScreen("i") { $0.contains("without input") }
    #expect(text.contains("session ended after"), "\(text)")
    let log = try jsonArray(
      try ward(["audit", "log", "--store", b.store, "--format", "json"]).stdout)
    let end = try #require(log.last)
    #expect(end["reason"] as? String == "session end")
    #expect((end["note"] as? String)?.contains("ended=idle-timeout") == true)
  }
}

/// Collects results from concurrent closures.
final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [Result<RunResult, any Error>] = []
  func append(_ r: Result<RunResult, any Error>) {
    lock.lock()
    items.append(r)
    lock.unlock()
  }
  var values: [Result<RunResult, any Error>] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
