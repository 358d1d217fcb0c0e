import Foundation
import Testing

@testable import WardAccess

/// The operators file refuses what used to give someone more than their entry: a key or
/// login listed twice (first entry won), a replaceable parent directory, and a scope that
/// matches no tenant (an empty console hid the typo).
@Suite struct OperatorsFileSafetyTests {
  @Test func aKeyListedForTwoOperatorsNamesBothLines() {
    let yaml = """
      operators:
        - name: root-admin
          keys: ["SHA256:aaa"]
          role: admin
          tenants: ["*"]
        - name: viewer
          keys:
            - "SHA256:bbb"
            - "SHA256:aaa"
          role: viewer
          tenants: ["acme"]
      """
    #expect {
      try OperatorsFile.parse(yaml, path: "ops.yaml")
    } throws: { error in
      let text = "\(error)"
      return text.contains("key SHA256:aaa") && text.contains("root-admin")
        && text.contains("viewer") && text.contains("line 3") && text.contains("line 9")
    }
  }

  @Test func aLoginListedTwiceInOneEntryOrTwoIsRefused() {
    let twice = """
      operators:
        - {name: a, users: [alice, alice], tenants: ["*"]}
      """
    #expect(throws: AccessError.self) { try OperatorsFile.parse(twice, path: "f") }
    let overlapping = """
      operators:
        - {name: a, users: [alice], tenants: ["*"]}
        - {name: b, keys: ["SHA256:x"], users: [alice], tenants: [acme]}
      """
    #expect {
      try OperatorsFile.parse(overlapping, path: "f")
    } throws: { error in
      "\(error)".contains("user alice is listed for both a and b: line 2 and line 3")
    }
  }

  @Test func aGroupWritableParentDirectoryIsRefused() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-ops-dir-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("operators.yaml").path
    try "operators: [{name: a, users: [alice], tenants: ['*']}]".write(
      toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o644)
    chmod(dir.path, 0o775)
    #expect {
      try OperatorsFile.load(path: path, strictModes: true, ownerUID: getuid())
    } throws: { error in
      "\(error)".contains("directory \(dir.path) is writable by group or others")
    }
    chmod(dir.path, 0o755)
    #expect(
      try OperatorsFile.load(path: path, strictModes: true, ownerUID: getuid()).operators.count == 1
    )
  }

  @Test func aScopeMatchingNoTenantIsAnErrorAtLogin() throws {
    let scope = TenantScope(patterns: [TenantPattern("acme-*"), TenantPattern("globx")])
    #expect {
      try scope.resolve(
        among: ["acme", "globex"], operatorName: "bob", operatorsFile: "/etc/ward/operators.yaml")
    } throws: { error in
      "\(error)".hasPrefix(
        "/etc/ward/operators.yaml: operator bob: tenants acme-*, globx match no tenant")
    }
    #expect(
      try scope.resolve(among: ["acme-eu", "globex"], operatorName: "bob", operatorsFile: "f")
        == ["acme-eu"])
    // An unrestricted scope over an empty store is fine (a bastion before its first import).
    #expect(try TenantScope.all.resolve(among: [], operatorName: "root", operatorsFile: "f") == [])
  }
}
