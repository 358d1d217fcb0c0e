import Foundation
import Testing

/// `ward import` and the list commands, through the built binary: good and bad files in
/// one command, what reaches the store, and the three output formats.
@Suite struct ImportCommandTests {
  static let fixtures = Repo.root.appendingPathComponent("Tests/Fixtures")

  func copyFixture(_ relative: String, to dir: TempDir, as name: String) throws {
    try FileManager.default.copyItem(
      atPath: Self.fixtures.appendingPathComponent(relative).path, toPath: dir.file(name))
  }

  @Test func badFilesAreRejectedWithPlaceAndTheOthersStillImport() throws {
    let tmp = try TempDir("ward-import")
    defer { tmp.cleanup() }
    try FileManager.default.createDirectory(
      atPath: tmp.file("in"), withIntermediateDirectories: true)
    try copyFixture("real/prowler-moto/lambda.ocsf.json", to: tmp, as: "in/1-prowler.json")
    try copyFixture(
      "real/aws-cli/lambda_list-functions.example1.json", to: tmp, as: "in/2-functions.json")
    try Data(#"{"Functions": [{"FunctionName": "x", "MemorySize": "#.utf8).write(
      to: tmp.url.appendingPathComponent("in/3-truncated.json"))
    try Data(
      #"{"Functions": [{"FunctionName": "x", "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:x", "MemorySize": "big"}]}"#
        .utf8
    )
    .write(to: tmp.url.appendingPathComponent("in/4-wrongtype.json"))
    try Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]).write(
      to: tmp.url.appendingPathComponent("in/5-utf8.json"))
    try Data(#"{"kind": "Deployment", "spec": {}}"#.utf8).write(
      to: tmp.url.appendingPathComponent("in/6-unknown.json"))

    let store = tmp.file("posture.db")
    let result = try ward(["import", "--store", store, tmp.file("in"), tmp.file("missing.json")])
    #expect(result.status == 1)
    let errors = result.stderr.split(separator: "\n").map(String.init)
    func error(for file: String) -> String? { errors.first { $0.contains(file) } }
    // Each bad file: one line naming the file, the place and the reason.
    #expect(error(for: "3-truncated.json")?.contains("truncated") == true, "\(result.stderr)")
    #expect(
      error(for: "4-wrongtype.json")?.contains("$.Functions[0].MemorySize") == true,
      "\(result.stderr)")
    #expect(error(for: "5-utf8.json")?.contains("UTF-8") == true, "\(result.stderr)")
    #expect(error(for: "6-unknown.json") != nil, "\(result.stderr)")
    #expect(error(for: "missing.json")?.contains("no such file") == true, "\(result.stderr)")
    #expect(result.stdout.contains("imported 2 files"), "\(result.stdout)")
    #expect(result.stdout.contains("5 failed"), "\(result.stdout)")

    // The good files are in; nothing of the bad ones (function `x`) is.
    let functions = try jsonArray(
      try ward(["functions", "--store", store, "--format", "json"]).stdout)
    let names = Set(functions.compactMap { $0["name"] as? String })
    #expect(names == ["helloworld", "my-function", "my-python-function"])
    let prowler = try jsonArray(
      try ward(["findings", "--store", store, "--source", "prowler", "--format", "json"]).stdout)
    #expect(prowler.count == 18)
  }

  @Test func aRejectedFileLeavesTheStoreByteForByte() throws {
    let tmp = try TempDir("ward-atomic")
    defer { tmp.cleanup() }
    let store = tmp.file("posture.db")
    try copyFixture("real/prowler-moto/lambda.ocsf.json", to: tmp, as: "good.json")
    #expect(try ward(["import", "--store", store, tmp.file("good.json")]).status == 0)
    let before = try run("/usr/bin/sqlite3", [store, ".dump"]).stdout
    // Valid JSON whose last finding has a status code of the wrong type.
    var text = try String(contentsOfFile: tmp.file("good.json"), encoding: .utf8)
    let last = try #require(text.range(of: "\"status_code\": \"FAIL\"", options: .backwards))
    text.replaceSubrange(last, with: "\"status_code\": [\"FAIL\"]")
    try text.write(toFile: tmp.file("bad.json"), atomically: true, encoding: .utf8)
    let result = try ward(["import", "--store", store, tmp.file("bad.json")])
    #expect(result.status == 1)
    let after = try run("/usr/bin/sqlite3", [store, ".dump"]).stdout
    #expect(before == after)
  }

  @Test func listsPrintTableJSONAndCSV() throws {
    let tmp = try TempDir("ward-lists")
    defer { tmp.cleanup() }
    let store = tmp.file("posture.db")
    #expect(
      try ward([
        "import", "--store", store, Self.fixtures.appendingPathComponent("moto-collect").path,
      ]).status == 0)
    #expect(
      try ward([
        "import", "--store", store, "--tenant", "acme",
        Self.fixtures.appendingPathComponent("real/prowler-moto/lambda.ocsf.json").path,
      ]).status == 0)

    let json = try jsonArray(
      try ward(["findings", "--store", store, "--format", "json", "--severity", "critical,high"])
        .stdout)
    #expect(!json.isEmpty)
    let required = [
      "id", "tenant", "account", "region", "function", "resource", "category", "severity", "state",
      "title",
      "source", "rule", "first_seen", "last_seen", "description", "evidence", "remediation",
      "urls",
    ]
    for row in json {
      for key in required { #expect(row.keys.contains(key), "missing \(key)") }
      #expect(["critical", "high"].contains(row["severity"] as? String ?? ""))
      #expect(row["tenant"] as? String == "acme")
    }

    // The long fields arrive whole: Prowler's remediation text and its reference URLs.
    #expect(json.contains { !($0["remediation"] as? String ?? "").isEmpty })
    #expect(
      json.contains { ($0["urls"] as? [String])?.contains { $0.hasPrefix("https://") } == true },
      "no finding carries its URLs")
    let exported = try jsonArray(
      try ward(["export", "--store", store, "--format", "json", "--severity", "critical,high"])
        .stdout)
    #expect(!exported.isEmpty)
    #expect(exported.allSatisfy { $0.keys.contains("evidence") && $0.keys.contains("urls") })

    let csv = try ward([
      "findings", "--store", store, "--format", "csv", "--category", "invocation",
    ]).stdout
    let lines = csv.split(separator: "\r\n")
    #expect(
      lines.first?.hasPrefix("id,tenant,account,region,function,resource,category,severity,state")
        == true)
    #expect(lines.count > 1)
    #expect(lines.dropFirst().allSatisfy { $0.contains(",invocation,") })

    let table = try ward(["tenants", "--store", store]).stdout
    #expect(table.hasPrefix("NAME"))
    #expect(table.contains("acme"))

    let functions = try jsonArray(
      try ward(["functions", "--store", store, "--format", "json"]).stdout)
    for key in ["name", "tenant", "account", "region", "arn", "runtime"] {
      #expect(functions.allSatisfy { $0.keys.contains(key) })
    }

    let bad = try ward(["findings", "--store", store, "--severity", "urgent"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("urgent"))
  }
}
