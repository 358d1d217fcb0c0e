import Foundation
import Testing
import WardModel

@testable import WardIngest

/// Values that make no sense are refused at import with the file, the JSON path and the
/// reason, never stored and never a trap: a 144-byte metric file with `1e31` crashed every
/// console of its tenant; `1e300` as a timestamp crashed `ward import` (SIGILL).
@Suite struct ValueDomainTests {
  static let arn = "arn:aws:lambda:eu-west-1:111122223333:function:orders"

  static func metricFile(values: String, timestamps: String) -> [UInt8] {
    Array(
      """
      {"MetricDataResults": [{"Id": "invocations", "Label": "orders Invocations",
        "Timestamps": [\(timestamps)], "Values": [\(values)], "StatusCode": "Complete"}]}
      """.utf8)
  }

  static func read(_ bytes: [UInt8]) throws(ImportError) -> ImportBatch {
    try Importer.read(
      bytes: bytes, name: "m.json",
      context: ImportContext(account: "111122223333", region: "eu-west-1"))
  }

  @Test(arguments: ["1e31", "-1", "1e999", "-1e999"])
  func outOfRangeMetricValuesAreRefusedWithTheirPlace(value: String) {
    let error = #expect(throws: ImportError.self) {
      try Self.read(Self.metricFile(values: value, timestamps: "\"2026-11-28T00:00:00Z\""))
    }
    #expect(error?.place.contains("Values[0]") == true, "\(String(describing: error))")
    #expect(error?.reason.contains("out of range") == true, "\(String(describing: error))")
  }

  @Test(arguments: [
    "1e300", "-1e300", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T00:00:00Z\"",
    #"{"__class__": "datetime", "year": 1000000000000, "month": 1, "day": 1}"#,
  ])
  func outOfRangeTimestampsAreRefusedNotTrapped(timestamp: String) {
    let error = #expect(throws: ImportError.self) {
      try Self.read(Self.metricFile(values: "1", timestamps: timestamp))
    }
    #expect(error?.reason.contains("out of range") == true, "\(String(describing: error))")
  }

  @Test func aMetricFileSpanningYearsIsRefusedBeforeFillingTheHours() {
    let error = #expect(throws: ImportError.self) {
      try Self.read(
        Self.metricFile(
          values: "1, 1", timestamps: "\"2001-01-01T00:00:00Z\", \"2098-12-31T00:00:00Z\""))
    }
    #expect(error?.reason.contains("455 days") == true, "\(String(describing: error))")
  }

  @Test(arguments: ["-128", "0", "1e-999", "100000"])
  func memoryOutsideLambdasBoundsIsRefused(memory: String) {
    let file = """
      {"Functions": [{"FunctionName": "orders", "FunctionArn": "\(Self.arn)", "MemorySize": \(memory)}]}
      """
    let error = #expect(throws: ImportError.self) { try Self.read(Array(file.utf8)) }
    #expect(error?.place.contains("MemorySize") == true, "\(String(describing: error))")
  }

  @Test func garbageAfterAGzipStreamIsRefused() throws {
    let plain = Self.metricFile(values: "1", timestamps: "\"2026-11-28T00:00:00Z\"")
    let packed = try gzip(plain) + Array("trailing junk".utf8)
    let error = #expect(throws: ImportError.self) { try Self.read(packed) }
    #expect(error?.reason.contains("after the end of the gzip stream") == true)
  }

  @Test func aGzipBombStopsAtTheLimitWithBoundedMemory() throws {
    // 64 MiB of zeros packs to about 64 KiB; with a 4 MiB limit the inflate must stop.
    let bomb = try gzip([UInt8](repeating: 0x20, count: 64 << 20))
    #expect(bomb.count < 1 << 20)
    #expect(throws: ReadError.self) { try Gzip.inflate(bomb, maxOutput: 4 << 20) }
  }

  /// gzip via the system's `gzip -c` (the same tool users compress collections with).
  func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-gz-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("in")
    try Data(bytes).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-kf", input.path]
    try process.run()
    process.waitUntilExit()
    return [UInt8](try Data(contentsOf: dir.appendingPathComponent("in.gz")))
  }
}

/// What used to be merged or guessed silently is refused, naming the place.
@Suite struct NothingMergedSilentlyTests {
  func read(_ text: String) throws(ImportError) -> ImportBatch {
    try Importer.read(bytes: Array(text.utf8), name: "x")
  }

  @Test func aDuplicateJSONKeyIsRefused() {
    let error = #expect(throws: ImportError.self) {
      try read(#"{"Functions": [{"FunctionName": "a", "FunctionName": "b"}]}"#)
    }
    #expect(
      error?.reason.contains("duplicate key \"FunctionName\"") == true,
      "\(String(describing: error))")
    #expect(error?.place.contains("$.Functions[0]") == true, "\(String(describing: error))")
  }

  @Test func aShortAccountIdIsNotPaddedAndAnAccountBelongsToOneTenant() {
    let short = #expect(throws: ImportError.self) {
      try read("tenants:\n  - name: a\n    accounts: [12]\n")
    }
    #expect(short?.reason.contains("quote account ids") == true, "\(String(describing: short))")
    let twice = #expect(throws: ImportError.self) {
      try read(
        "tenants:\n  - name: a\n    accounts: ['111122223333']\n  - name: b\n    accounts: ['111122223333']\n"
      )
    }
    #expect(twice?.reason.contains("under tenant \"a\" and again under \"b\"") == true)
  }

  @Test func invalidUTF8InYAMLIsRefused() {
    var bytes = Array("tenants:\n  - name: ".utf8)
    bytes += [0xC3, 0x28]
    bytes += Array("\n".utf8)
    let error = #expect(throws: ImportError.self) {
      try Importer.read(bytes: bytes, name: "t.yaml")
    }
    #expect(error?.reason.contains("not valid UTF-8") == true, "\(String(describing: error))")
  }

  @Test func aNaNCostIsRefusedWithItsPlace() {
    let file = #"""
      {"ResultsByTime": [{"TimePeriod": {"Start": "2026-11-01", "End": "2026-11-02"},
        "Groups": [{"Keys": ["AWS Lambda"], "Metrics": {"UnblendedCost": {"Amount": "NaN", "Unit": "USD"}}}],
        "Total": {}, "Estimated": false}]}
      """#
    let error = #expect(throws: ImportError.self) {
      try Importer.read(
        bytes: Array(file.utf8), name: "c.json", context: ImportContext(account: "111122223333"))
    }
    #expect(error?.reason.contains("out of range") == true, "\(String(describing: error))")
    #expect(error?.place.contains("Amount") == true, "\(String(describing: error))")
  }

  @Test func prowlerResultsSharingAUIDKeepOneFindingEach() throws {
    func result(_ resource: String) -> String {
      #"{"class_uid": 2004, "status_code": "FAIL", "severity": "High", "finding_info": {"uid": "prowler-aws-apigateway_restapi_authorizers_enabled-123456789012-us-east-1-api", "title": "t"}, "resources": [{"uid": "\#(resource)", "type": "AwsApiGatewayStage"}], "cloud": {"account": {"uid": "123456789012"}}, "time": 1764547200}"#
    }
    let both =
      "[\(result("arn:aws:apigateway:us-east-1::/restapis/a/stages/dev")), \(result("arn:aws:apigateway:us-east-1::/restapis/a/stages/prod"))]"
    let batch = try read(both)
    #expect(Set(batch.findings.map(\.id)).count == 2)
    let swapped =
      "[\(result("arn:aws:apigateway:us-east-1::/restapis/a/stages/prod")), \(result("arn:aws:apigateway:us-east-1::/restapis/a/stages/dev"))]"
    #expect(Set(try read(swapped).findings.map(\.id)) == Set(batch.findings.map(\.id)))
    let same = "[\(result("r")), \(result("r"))]"
    let error = #expect(throws: ImportError.self) { try read(same) }
    #expect(error?.reason.contains("same finding_info.uid, resource and region") == true)
    // Across files too: each file's result lands under its own id.
    let dev = try read("[\(result("arn:aws:apigateway:us-east-1::/restapis/a/stages/dev"))]")
    let prod = try read("[\(result("arn:aws:apigateway:us-east-1::/restapis/a/stages/prod"))]")
    #expect(dev.findings.map(\.id) != prod.findings.map(\.id))
    #expect(Set(dev.findings.map(\.id) + prod.findings.map(\.id)) == Set(batch.findings.map(\.id)))
  }

  @Test func prowlerResultsSharingAUIDAndResourceInTwoRegionsKeepOneFindingEach() throws {
    func result(_ region: String) -> String {
      #"{"class_uid": 2004, "status_code": "FAIL", "severity": "Low", "finding_info": {"uid": "prowler-aws-account_check-123456789012", "title": "t"}, "resources": [{"uid": "123456789012", "type": "Other", "region": "\#(region)"}], "cloud": {"account": {"uid": "123456789012"}}, "time": 1764547200}"#
    }
    let batch = try read("[\(result("eu-west-1")), \(result("us-east-1"))]")
    #expect(Set(batch.findings.map(\.id)).count == 2)
    #expect(Set(batch.findings.compactMap(\.region)) == ["eu-west-1", "us-east-1"])
  }
}
