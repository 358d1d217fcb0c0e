import Foundation
import Testing

/// One CLI (issue 9, item 11): `--state` takes open/closed/all and ids everywhere, `ward
/// findings` lists what the console shows (open) unless told otherwise, labels are a JSON
/// object, a table on a pipe keeps every cell whole, and `ward export --help` says what
/// ASFF carries.
@Suite struct CLIConsistencyTests {
  @Test func stateWordsAndTheOpenDefault() throws {
    let fx = try TriageFixture(count: 4)
    defer { fx.dir.cleanup() }
    let set = try fx.ward(["triage"], ["--state", "resolved", "--reason", "fixed", "f1"])
    #expect(set.status == 0, "\(set.stderr)")
    func ids(_ args: [String]) throws -> [String] {
      let r = try fx.ward(["findings"], args + ["--format", "json"])
      #expect(r.status == 0, "\(args): \(r.stderr)")
      return try jsonArray(r.stdout).compactMap { $0["id"] as? String }.sorted()
    }
    #expect(try ids([]) == ["f0", "f2", "f3"])  // open by default, as the console
    #expect(try ids(["--state", "open"]) == ["f0", "f2", "f3"])
    #expect(try ids(["--state", "closed"]) == ["f1"])
    #expect(try ids(["--state", "all"]) == ["f0", "f1", "f2", "f3"])
    #expect(try ids(["--state", "resolved,new"]) == ["f0", "f1", "f2", "f3"])
    let bad = try fx.ward(["findings"], ["--state", "shut"])
    #expect(bad.status != 0 && bad.stderr.contains("--state: unknown state shut"))
    // triage's filter takes the same words (--in-state), export too.
    let reopen = try fx.ward(
      ["triage"], ["--state", "new", "--in-state", "closed", "--operator", "alice"])
    #expect(reopen.status == 0 && reopen.stdout.contains("applied   f1 -> new"), "\(reopen.stdout)")
    let export = try fx.ward(["export"], ["--format", "json", "--state", "open"])
    #expect(try jsonArray(export.stdout).count == 4)
    let help = try fx.ward(["findings"], ["--help"])
    #expect(help.stdout.contains("only open findings are listed"), "\(help.stdout)")
  }

  @Test func labelsAreAnObjectAndPipedTablesAreWhole() throws {
    let dir = try TempDir("ward-cli")
    defer { dir.cleanup() }
    let store = dir.file("posture.db")
    let tenants = dir.file("tenants.yaml")
    let long = String(repeating: "platform-", count: 10) + "team"
    try """
    tenants:
      - name: acme-retail
        accounts: ["111122223333"]
        labels: {owner: \(long), tier: gold}
    """.write(toFile: tenants, atomically: true, encoding: .utf8)
    let imported = try ward(["import", "--store", store, "--quiet", tenants])
    #expect(imported.status == 0, "\(imported.stderr)")
    let json = try jsonArray(try ward(["tenants", "--store", store, "--format", "json"]).stdout)
    let labels = try #require(json.first?["labels"] as? [String: String])
    #expect(labels == ["owner": long, "tier": "gold"])
    // stdout is a pipe here: no cell is cut.
    let table = try ward(["tenants", "--store", store]).stdout
    #expect(table.contains("owner=\(long);tier=gold"), "\(table)")
    #expect(!table.contains("…"))
  }

  @Test func exportHelpSaysWhatASFFCarries() throws {
    let help = try ward(["export", "--help"]).stdout
    for field in [
      "SchemaVersion", "ProductArn", "GeneratorId", "Severity.Label", "Resources",
      "Remediation.Recommendation", "Workflow.Status", "ProductFields", "Note",
    ] {
      #expect(help.contains(field), "\(field) missing from export --help")
    }
  }
  /// Every command that reads a store takes `--store` (found from `ward --help`, so a new
  /// command is checked without editing this test); only `demo` (its own cached store),
  /// `rules` (the catalogue) and `evidence verify` (a pack, offline by design) read none.
  @Test func everyCommandThatReadsAStoreTakesStore() throws {
    func subcommands(_ path: [String]) throws -> [String] {
      let help = try ward(path + ["--help"]).stdout
      guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
      return help[start.upperBound...].split(separator: "\n").compactMap { line in
        guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  See ") else {
          return nil
        }
        return line.split(separator: " ").first.map(String.init)
      }
    }
    let top = try subcommands([])
    #expect(top.count >= 14, "\(top)")
    var checked = 0
    for command in top where !["demo", "rules"].contains(command) {
      let nested = try subcommands([command])
      for path in nested.isEmpty ? [[command]] : nested.map({ [command, $0] })
      where path != ["evidence", "verify"] {
        let help = try ward(path + ["--help"]).stdout
        #expect(help.contains("--store"), "ward \(path.joined(separator: " ")) has no --store")
        checked += 1
      }
    }
    #expect(checked >= 15)
  }
}
