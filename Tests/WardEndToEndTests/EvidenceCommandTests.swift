import Foundation
import Testing

/// `ward evidence`, `ward evidence verify` and `ward audit head --json`, run as the real
/// binary on a copy of the demo store (writing a pack appends an audit event).
@Suite(.serialized) struct EvidenceCommandTests {
  /// The busiest demo tenant by audit events.
  static let tenant = "adventureworks-commerce"

  /// A private copy of the demo store in `dir`.
  static func demoCopy(in dir: TempDir) throws -> String {
    let demo = try DemoFixture.storePath.get()
    let copy = dir.file("posture.db")
    try FileManager.default.copyItem(atPath: demo, toPath: copy)
    return copy
  }

  /// Yesterday and tomorrow (UTC), a period that holds the demo store's events (made when
  /// the demo store was built).
  static var days: (String, String) {
    let f = DateFormatter()
    f.dateFormat = "yyyy-MM-dd"
    f.timeZone = TimeZone(identifier: "UTC")
    f.locale = Locale(identifier: "en_US_POSIX")
    return (f.string(from: Date() - 86_400), f.string(from: Date() + 86_400))
  }

  static func head(_ store: String) throws -> String {
    try ward(["audit", "head", "--store", store]).stdout
  }

  @Test func aPackWrittenToARelativePathVerifiesAndIsRecorded() throws {
    let dir = try TempDir("ward-evidence")
    defer { dir.cleanup() }
    let store = try Self.demoCopy(in: dir)
    let (from, to) = Self.days
    let written = try ward(
      [
        "evidence", "--store", store, "--tenant", Self.tenant, "--from", from, "--to", to,
        "pack.tar.gz",
      ], currentDirectory: dir.path)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.file("pack.tar.gz")))
    #expect(
      written.stderr.contains("wrote pack.tar.gz: tenant \(Self.tenant)"), "\(written.stderr)")
    let verified = try ward(["evidence", "verify", "pack.tar.gz"], currentDirectory: dir.path)
    #expect(verified.status == 0, "\(verified.stderr)")
    #expect(
      verified.stdout.hasPrefix("evidence pack verified: tenant \(Self.tenant), \(from)…\(to): "))
    #expect(verified.stdout.contains(" 0 redacted) intact"), "\(verified.stdout)")
    // Writing it is the newest audit event, naming the tenant and the manifest's SHA-256.
    let log = try jsonArray(
      try ward(["audit", "log", "--store", store, "--format", "json"]).stdout)
    let last = try #require(log.last)
    #expect(last["kind"] as? String == "evidence")
    let note = try #require(last["note"] as? String)
    #expect(note.hasPrefix("tenant=\(Self.tenant) from=\(from) to=\(to) findings="))
    #expect(try ward(["audit", "verify", "--store", store]).status == 0)
    // The system's tar and sha256sum agree with the pack's manifest.
    #expect(
      try run("/usr/bin/env", ["tar", "-xzf", "pack.tar.gz"], currentDirectory: dir.path).status
        == 0)
    let folder = dir.file("ward-evidence")
    let sums = try run(
      "/usr/bin/env", ["sha256sum", "-c", "MANIFEST.sha256"], currentDirectory: folder)
    #expect(sums.status == 0, "\(sums.stdout)\(sums.stderr)")
    #expect(sums.stdout.split(separator: "\n").count == 5)
    let manifestSum = try run(
      "/usr/bin/env", ["sha256sum", "MANIFEST.sha256"], currentDirectory: folder)
    #expect(note.hasSuffix("manifest-sha256=\(manifestSum.stdout.prefix(64))"))
  }

  @Test func aPackReplacesAnOlderFileButNeverAFolder() throws {
    let dir = try TempDir("ward-evidence")
    defer { dir.cleanup() }
    let store = try Self.demoCopy(in: dir)
    let (from, to) = Self.days
    let args = ["evidence", "--store", store, "--tenant", Self.tenant, "--from", from, "--to", to]
    try Data("old".utf8).write(to: URL(fileURLWithPath: dir.file("pack.tar.gz")))
    let again = try ward(args + ["pack.tar.gz"], currentDirectory: dir.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try ward(["evidence", "verify", dir.file("pack.tar.gz")]).status == 0)
    try FileManager.default.createDirectory(
      atPath: dir.file("folder"), withIntermediateDirectories: false)
    let before = try Self.head(store)
    let refused = try ward(args + ["folder"], currentDirectory: dir.path)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("cannot write folder: it is a folder"), "\(refused.stderr)")
    var isFolder: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: dir.file("folder"), isDirectory: &isFolder))
    #expect(isFolder.boolValue)
    #expect(try Self.head(store) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".partial") }
    #expect(leftovers == [])
  }

  @Test func aDamagedPackFailsWithTheFileAndReason() throws {
    let dir = try TempDir("ward-evidence")
    defer { dir.cleanup() }
    let store = try Self.demoCopy(in: dir)
    let (from, to) = Self.days
    let path = dir.file("pack.tar.gz")
    #expect(
      try ward(
        ["evidence", "--store", store, "--tenant", Self.tenant, "--from", from, "--to", to, path]
      ).status == 0)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[bytes.count / 2] ^= 0x40
    try bytes.write(to: URL(fileURLWithPath: path))
    let verified = try ward(["evidence", "verify", path])
    #expect(verified.status == 1)
    #expect(verified.stderr.contains("\(path): archive"), "\(verified.stderr)")
    #expect(verified.stderr.contains("evidence pack NOT verified"))
    let missing = try ward(["evidence", "verify", dir.file("nope.tar.gz")])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("cannot read \(dir.file("nope.tar.gz"))"))
  }

  @Test(arguments: [
    ("2025-02-30", "2025-03-01", "--from: expected a day as YYYY-MM-DD (UTC), got 2025-02-30"),
    (
      "2025-11-24T00:00:00Z", "2025-11-25",
      "--from: expected a day as YYYY-MM-DD (UTC), got 2025-11-24T00:00:00Z"
    ),
    ("2025-11-24", "24/11/2025", "--to: expected a day as YYYY-MM-DD (UTC), got 24/11/2025"),
    ("2025-11-24", "2025-11-23", "--to 2025-11-23 is before --from 2025-11-24"),
  ])
  func badDatesAreRefusedAndNothingIsWritten(from: String, to: String, message: String) throws {
    let dir = try TempDir("ward-evidence")
    defer { dir.cleanup() }
    let store = try Self.demoCopy(in: dir)
    let before = try Self.head(store)
    let r = try ward(
      [
        "evidence", "--store", store, "--tenant", Self.tenant, "--from", from, "--to", to,
        "pack.tar.gz",
      ], currentDirectory: dir.path)
    #expect(r.status != 0)
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("pack.tar.gz")))
    #expect(try Self.head(store) == before)
  }

  @Test func theHeadAsJSONMatchesThePlainFormAndVerifiesLater() throws {
    let dir = try TempDir("ward-evidence")
    defer { dir.cleanup() }
    let store = try Self.demoCopy(in: dir)
    let plain = try Self.head(store).trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = plain.split(separator: " ")
    #expect(parts.count == 2 && parts[1].count == 64, "plain form unchanged: SEQ HASH")
    let r = try ward(["audit", "head", "--json", "--store", store])
    #expect(r.status == 0)
    let head = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect((head["seq"] as? NSNumber)?.stringValue == String(parts[0]))
    #expect(head["hash"] as? String == String(parts[1]))
    #expect(head["head"] as? String == "\(parts[0]):\(parts[1])")
    #expect((head["events"] as? NSNumber)?.stringValue == String(parts[0]))
    #expect((head["at"] as? String)?.hasSuffix("Z") == true)
    // Later, after a pack was written (one more event), the recorded head still verifies.
    let (from, to) = Self.days
    #expect(
      try ward(
        [
          "evidence", "--store", store, "--tenant", Self.tenant, "--from", from, "--to", to,
          dir.file("p.tar.gz"),
        ]).status == 0)
    let later = try ward(["audit", "verify", "--store", store, "--head", head["head"] as! String])
    #expect(later.status == 0, "\(later.stderr)")
    #expect(later.stdout.contains("1 events appended since"), "\(later.stdout)")
  }

  /// A scoped operator, as sshd's ForceCommand runs Ward (identified by login user here).
  struct ScopedCaller {
    let dir: TempDir
    let store: String
    let operators: String

    init(tenants: [String]) throws {
      dir = try TempDir("ward-evidence-ssh")
      chmod(dir.path, 0o700)
      store = try EvidenceCommandTests.demoCopy(in: dir)
      operators = dir.file("operators.yaml")
      let user = String(cString: getpwuid(getuid())!.pointee.pw_name)
      try """
      operators:
        - name: vera
          users: [\(user)]
          role: viewer
          tenants: [\(tenants.joined(separator: ", "))]
      """.write(toFile: operators, atomically: true, encoding: .utf8)
      chmod(operators, 0o600)
    }

    /// Runs `command` as SSH_ORIGINAL_COMMAND; standard output goes to `stdoutPath`.
    func ssh(_ command: String, stdoutPath: String) throws -> (status: Int32, stderr: String) {
      FileManager.default.createFile(atPath: stdoutPath, contents: nil)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Repo.wardBinary)
      process.arguments = ["console", "--ssh", "--store", store, "--operators", operators]
      var env = ProcessInfo.processInfo.environment
      env["SSH_CONNECTION"] = "127.0.0.1 50001 127.0.0.1 22"
      env["SSH_ORIGINAL_COMMAND"] = command
      env["SSH_USER_AUTH"] = nil
      process.environment = env
      process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
      let err = Pipe()
      process.standardError = err
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let errData = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }
  }

  @Test func aScopedOperatorIsRefusedAnotherTenantsPackAndNothingIsWritten() throws {
    let caller = try ScopedCaller(tenants: ["northwind-retail"])
    defer { caller.dir.cleanup() }
    let (from, to) = Self.days
    let before = try Self.head(caller.store)
    let out = caller.dir.file("out.tar.gz")
    let refused = try caller.ssh(
      "ward evidence --tenant \(Self.tenant) --from \(from) --to \(to) -", stdoutPath: out)
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains("no tenant \(Self.tenant) (or it is outside your tenant scope)"),
      "\(refused.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)).isEmpty)
    #expect(try Self.head(caller.store) == before)
    // A file on the bastion is refused; the pack goes to standard output.
    let toFile = try caller.ssh(
      "ward evidence --tenant northwind-retail --from \(from) --to \(to) p.tar.gz",
      stdoutPath: out)
    #expect(toFile.status == 1)
    #expect(toFile.stderr.contains("over SSH the pack goes to standard output"), "\(toFile.stderr)")
    #expect(try Self.head(caller.store) == before)
    let verify = try caller.ssh("ward evidence verify p.tar.gz", stdoutPath: out)
    #expect(verify.status == 1)
    #expect(verify.stderr.contains("`ward evidence verify` reads a file on this host"))
  }

  @Test func aScopedOperatorWritesItsOwnTenantsPackToStandardOutput() throws {
    let caller = try ScopedCaller(tenants: ["northwind-retail"])
    defer { caller.dir.cleanup() }
    let (from, to) = Self.days
    let out = caller.dir.file("northwind.tar.gz")
    let written = try caller.ssh(
      "ward evidence --tenant northwind-retail --from \(from) --to \(to) -", stdoutPath: out)
    #expect(written.status == 0, "\(written.stderr)")
    let verified = try ward(["evidence", "verify", out])
    #expect(verified.status == 0, "\(verified.stderr)")
    #expect(verified.stdout.contains("tenant northwind-retail"))
    let log = try jsonArray(
      try ward(["audit", "log", "--store", caller.store, "--format", "json"]).stdout)
    let last = try #require(log.last)
    #expect(last["kind"] as? String == "evidence")
    #expect(last["operator"] as? String == "vera")
    #expect(last["address"] as? String == "127.0.0.1")
  }
}
