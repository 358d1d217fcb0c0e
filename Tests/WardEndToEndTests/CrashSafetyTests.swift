import Foundation
import Testing

/// `kill -9` at random points of an import, a scan and a triage loop, and a disk that
/// fills up mid-import: the store always passes SQLite's integrity check, the audit chain
/// verifies, and finishing the work afterwards gives the same store as never stopping
/// (each file is one transaction: nothing half-written survives).
@Suite(.serialized) struct CrashSafetyTests {
  static let demo = Repo.root.appendingPathComponent("demo-data").path
  /// A small collection (one region of one account, the tenants): a few seconds to import.
  static let inputs = ["\(demo)/tenants.yaml", "\(demo)/accounts/999900010101/us-east-1"]
  static let killPoints = 20

  /// Runs the binary and SIGKILLs it after `delay` seconds (if still running).
  func killed(_ arguments: [String], after delay: Double) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Repo.wardBinary)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    usleep(UInt32(delay * 1_000_000))
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process.terminationStatus
  }

  func expectSound(_ store: String, _ context: String) throws {
    let integrity = try run("/usr/bin/sqlite3", [store, "PRAGMA integrity_check;"]).stdout
    #expect(
      integrity.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(context): \(integrity)")
    let verify = try ward(["audit", "verify", "--store", store])
    #expect(verify.status == 0, "\(context): \(verify.stdout) \(verify.stderr)")
  }

  /// Counts of what the store holds, to compare with a store that was never interrupted.
  func census(_ store: String) throws -> String {
    try run(
      "/usr/bin/sqlite3",
      [
        store,
        "SELECT (SELECT COUNT(*) FROM tenants), (SELECT COUNT(*) FROM functions), (SELECT COUNT(*) FROM findings), (SELECT COUNT(*) FROM metrics), (SELECT COUNT(*) FROM costs), (SELECT COUNT(*) FROM alerts), (SELECT ROUND(SUM(amount), 4) FROM costs);",
      ]
    ).stdout
  }

  @Test func killedImportsAndScansLeaveASoundStoreThatFinishesTheSame() throws {
    let tmp = try TempDir("ward-kill")
    defer { tmp.cleanup() }
    let reference = tmp.file("reference.db")
    let started = Date()
    #expect(try ward(["import", "--quiet", "--store", reference] + Self.inputs).status == 0)
    let importSeconds = Date().timeIntervalSince(started)
    let scanStarted = Date()
    #expect(try ward(["scan", "--store", reference]).status == 0)
    let scanSeconds = Date().timeIntervalSince(scanStarted)

    var random = SplitMix(seed: 99)
    let store = tmp.file("posture.db")
    var killedRuns = 0
    for point in 0..<Self.killPoints {
      let delay = 0.05 + Double(random.next() % 1000) / 1000 * importSeconds
      if try killed(["import", "--quiet", "--store", store] + Self.inputs, after: delay) != 0 {
        killedRuns += 1
      }
      try expectSound(store, "import killed at \(point) after \(delay) s")
    }
    #expect(try ward(["import", "--quiet", "--store", store] + Self.inputs).status == 0)
    for point in 0..<Self.killPoints {
      let delay = 0.05 + Double(random.next() % 1000) / 1000 * scanSeconds
      _ = try killed(["scan", "--store", store], after: delay)
      try expectSound(store, "scan killed at \(point) after \(delay) s")
    }
    #expect(try ward(["scan", "--store", store]).status == 0)
    #expect(try census(store) == census(reference))
    print(
      "crash safety: \(Self.killPoints) import kills (\(killedRuns) mid-run, import \(String(format: "%.1f", importSeconds)) s), \(Self.killPoints) scan kills (scan \(String(format: "%.1f", scanSeconds)) s): integrity ok, chain intact, final store equal"
    )
  }

  @Test func aKilledTriageLoopKeepsTheChainIntact() throws {
    let tmp = try TempDir("ward-kill-triage")
    defer { tmp.cleanup() }
    let store = tmp.file("posture.db")
    #expect(try ward(["import", "--quiet", "--store", store] + Self.inputs).status == 0)
    #expect(try ward(["scan", "--store", store]).status == 0)
    let ids = try jsonArray(
      try ward(["findings", "--store", store, "--format", "json"]).stdout
    ).prefix(5).compactMap { $0["id"] as? String }
    #expect(ids.count == 5)
    let loop = tmp.file("loop.sh")
    try """
    while true; do
      "$1" triage --store "$2" --operator kim --state acknowledged \(ids.joined(separator: " "))
      "$1" triage --store "$2" --operator kim --state new \(ids.joined(separator: " "))
    done
    """.write(toFile: loop, atomically: true, encoding: .utf8)
    var random = SplitMix(seed: 7)
    for point in 0..<Self.killPoints {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = [loop, Repo.wardBinary, store]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(UInt32(100_000 + random.next() % 900_000))
      // SIGKILL the loop's current ward (mid-transaction or not), then the loop.
      _ = try run("/usr/bin/pkill", ["-KILL", "-P", String(process.processIdentifier)])
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      try expectSound(store, "triage loop killed at \(point)")
    }
    let log = try jsonArray(
      try ward(["audit", "log", "--store", store, "--format", "json"]).stdout)
    #expect(log.count > Self.killPoints, "the loop triaged too little to test: \(log.count) events")
    print(
      "crash safety: \(Self.killPoints) triage-loop kills, \(log.count) audit events, chain intact")
  }

  @Test func aFullDiskFailsTheFileCleanlyAndLosesNothing() throws {
    let mountPoint = try TempDir("ward-full")
    defer { mountPoint.cleanup() }
    // A 1 MiB file system: the schema and the tenants fit, the inventory does not.
    let mounted = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path])
    guard mounted.status == 0 else {
      print("full disk: skipped, cannot mount a tmpfs here (\(mounted.stderr))")
      return
    }
    defer { _ = try? run("/bin/umount", [mountPoint.path]) }
    let store = mountPoint.file("posture.db")
    let result = try ward(["import", "--store", store] + Self.inputs)
    #expect(result.status != 0, "the import fit in 1 MiB; the test needs a fuller disk")
    #expect(result.stderr.contains("the disk holding the store is full"), "\(result.stderr)")
    #expect(result.stdout.contains("not attempted (the disk is full)"), "\(result.stdout)")
    #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
    try expectSound(store, "after the disk filled")
    print("full disk: \(result.stderr.split(separator: "\n").first ?? "")")
  }
}
