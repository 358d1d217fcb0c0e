import Foundation
import Testing
import WardModel

@testable import WardAccess

@Suite struct TenantScopeTests {
  @Test func globsMatchWholeNames() {
    let scope = TenantScope(patterns: [TenantPattern("acme-*"), TenantPattern("globex")])
    #expect(scope.allows("acme-retail"))
    #expect(scope.allows("globex"))
    #expect(!scope.allows("globex-eu"))
    #expect(!scope.allows("initech"))
    #expect(!scope.isAll)
    #expect(TenantScope.all.allows("anything"))
    #expect(TenantPattern("a?c").matches("abc"))
    #expect(!TenantPattern("a?c").matches("abbc"))
  }
}

@Suite struct OperatorsFileTests {
  let yaml = """
    idle_timeout_minutes: 10
    operators:
      - name: alice
        keys: ["SHA256:abc"]
        users: ["alice"]
        role: triager
        tenants: ["acme-*", "globex"]
        theme: high-contrast
      - name: bob
        users: [bob]
        role: viewer
        tenants: "*"
    """

  @Test func parsesEntries() throws {
    let file = try OperatorsFile.parse(yaml, path: "ops.yaml")
    #expect(file.idleTimeoutSeconds == 600)
    #expect(file.operators.count == 2)
    #expect(file.operators[0].role == .triager)
    #expect(file.operators[0].theme == "high-contrast")
    #expect(file.operators[1].scope.isAll)
    #expect(file.operatorFor(keyFingerprint: "SHA256:abc")?.name == "alice")
    #expect(file.operatorFor(user: "bob")?.name == "bob")
  }

  @Test func rejectsBadEntriesWithPlace() {
    #expect(throws: AccessError.self) {
      try OperatorsFile.parse(
        "operators: [{name: x, users: [x], role: god, tenants: ['*']}]", path: "f")
    }
    do {
      _ = try OperatorsFile.parse(
        "operators: [{name: x, users: [x], role: god, tenants: ['*']}]", path: "f")
    } catch {
      #expect(error.description == "f: operators[0].role: god is not viewer, triager or admin")
    }
    do {
      _ = try OperatorsFile.parse("operators: [{name: x, keys: [abc], tenants: ['*']}]", path: "f")
      Issue.record("expected a refusal")
    } catch {
      #expect(error.description.contains("operators[0].keys"))
    }
  }

  @Test func strictModesRefuseWritableFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ward-ops-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("operators.yaml").path
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o664)
    do {
      _ = try OperatorsFile.load(path: path, strictModes: true, ownerUID: getuid())
      Issue.record("a group-writable file must be refused")
    } catch {
      #expect(error.description.contains("writable by group or others"))
    }
    chmod(path, 0o644)
    let file = try OperatorsFile.load(path: path, strictModes: true, ownerUID: getuid())
    #expect(file.operators.count == 2)
    // Owned by the current user (root here), so another expected owner is still fine for root.
  }
}

@Suite struct SSHIdentityTests {
  // An ed25519 public key made with `ssh-keygen -t ed25519` for this test.
  let blob = "AAAAC3NzaC1lZDI1NTE5AAAAIMyDXpiJkMDfkx2T+i148kRpxveinYu8xYlRT6SJG3+J"

  @Test func fingerprintMatchesSSHKeygen() {
    // `ssh-keygen -lf` printed this for the key above.
    #expect(
      SSHContext.fingerprint(base64Blob: blob)
        == "SHA256:zmWujF9i53CxylM+z7Qjc5TSRZ3ot5LB9Ywb0moh3/o")
    #expect(SSHContext.fingerprint(base64Blob: "not base64!") == nil)
  }

  @Test func readsContextFromEnvironment() {
    let env = [
      "SSH_CONNECTION": "127.0.0.1 50022 127.0.0.1 22", "SSH_USER_AUTH": "/auth", "USER": "alice",
      "SSH_ORIGINAL_COMMAND": "ward findings",
    ]
    let ctx = SSHContext.from(environment: env) { path in
      path == "/auth" ? "publickey ssh-ed25519 \(blob)\n" : nil
    }
    #expect(ctx.clientAddress == "127.0.0.1")
    #expect(ctx.keyFingerprint == SSHContext.fingerprint(base64Blob: blob))
    #expect(ctx.user == "alice")
    #expect(ctx.isSSH)
  }

  @Test func resolvesByKeyThenUserAndRefusesStrangers() throws {
    let file = try OperatorsFile.parse(
      """
      operators:
        - {name: alice, keys: ["SHA256:k1"], users: [alice], role: triager, tenants: ["*"]}
        - {name: carol, users: [carol], role: viewer, tenants: [globex]}
      """, path: "f")
    #expect(
      try IdentityResolver.resolve(SSHContext(keyFingerprint: "SHA256:k1", user: "x"), in: file)
        .get().name == "alice")
    #expect(try IdentityResolver.resolve(SSHContext(user: "carol"), in: file).get().name == "carol")
    // A key the file does not know cannot borrow alice's login name.
    #expect(throws: AccessError.self) {
      try IdentityResolver.resolve(
        SSHContext(keyFingerprint: "SHA256:other", user: "alice"), in: file
      ).get()
    }
    #expect(throws: AccessError.self) {
      try IdentityResolver.resolve(SSHContext(user: "mallory"), in: file).get()
    }
  }
}

@Suite struct SSHCommandPolicyTests {
  @Test func allowsReadCommands() throws {
    #expect(
      try SSHCommandPolicy.check("ward findings --format json").get() == [
        "findings", "--format", "json",
      ])
    #expect(try SSHCommandPolicy.check("/usr/local/bin/ward audit log").get() == ["audit", "log"])
    #expect(try SSHCommandPolicy.check("ward findings --severity 'high'").get().last == "high")
  }

  @Test func refusesEverythingElse() {
    for cmd in [
      "bash", "ward import /tmp/x", "ward findings; bash", "ward findings | sh",
      "ward findings --store /etc/x.db",
      "ward export --output /tmp/x", "ward $(id)", "ward", "ward scan", "ward console",
      "sh -c 'ward findings'",
      "ward audit", "ward findings --store=/x",
    ] {
      #expect(throws: AccessError.self, "\(cmd)") { try SSHCommandPolicy.check(cmd).get() }
    }
  }
}

@Suite struct OperatorColorTests {
  @Test func colorAcceptsTheConsoleValuesIncludingBareNumbers() throws {
    let file = try OperatorsFile.parse(
      """
      operators:
        - {name: a, users: [a], tenants: ['*'], color: 256}
        - {name: b, users: [b], tenants: ['*'], color: never}
        - {name: c, users: [c], tenants: ['*']}
      """, path: "f")
    #expect(file.operators.map(\.color) == ["256", "never", nil])
  }

  @Test func anUnknownColorIsRefusedWithItsPlace() {
    do {
      _ = try OperatorsFile.parse(
        "operators: [{name: a, users: [a], tenants: ['*'], color: rainbow}]", path: "f")
      Issue.record("accepted color: rainbow")
    } catch {
      #expect(
        error.description
          == "f: operators[0].color: expected one of auto, never, 16, 256, truecolor")
    }
  }
}
