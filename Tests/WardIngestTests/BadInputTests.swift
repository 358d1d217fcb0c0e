import Foundation
import Testing
import WardModel

@testable import WardIngest

/// Every rejection is one line: `FILE: PLACE: REASON`.
@Suite struct BadInputTests {
  func expectOneLine(_ e: ImportError?, file: String, place: String?, reason: String) {
    guard let e else {
      Issue.record("expected an error")
      return
    }
    let text = e.description
    #expect(!text.contains("\n"))
    #expect(text.hasPrefix("\(file): "), "\(text)")
    if let place { #expect(e.place == place, "\(text)") }
    #expect(text.contains(reason), "\(text)")
    if let place { #expect(text == "\(file): \(place): \(e.reason)") }
  }

  @Test func truncatedJSON() {
    let e = Fixture.error(
      Array("{\"Functions\": [{\"FunctionName\": \"a\",".utf8), name: "list.json")
    expectOneLine(
      e, file: "list.json", place: "$.Functions[0] at 1:37",
      reason: "truncated JSON: the file ends inside an object")
  }

  @Test func wrongTypes() {
    let json =
      "{\"Functions\": [\n  {\"FunctionName\": \"a\", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:111122223333:function:a\", \"MemorySize\": \"big\"}]}"
    let e = Fixture.error(Array(json.utf8), name: "list.json")
    expectOneLine(
      e, file: "list.json", place: "$.Functions[0].MemorySize at 2:106",
      reason: "expected a number, found string")
  }

  @Test func unknownFormats() {
    expectOneLine(
      Fixture.error(Array(#"{"Buckets": [], "Owner": {}}"#.utf8), name: "s3.json"), file: "s3.json",
      place: "$ at 1:1",
      reason: #"not a format Ward reads: looks like a JSON object with keys "Buckets", "Owner""#)
    expectOneLine(
      Fixture.error(Array("a,b,c\n1,2,3\n".utf8), name: "x.csv"), file: "x.csv", place: "line 1",
      reason: "not a format Ward reads: looks like CSV")
    expectOneLine(
      Fixture.error(Array("name: x\nother: y\n".utf8), name: "x.yaml"), file: "x.yaml",
      place: "line 1",
      reason: "looks like YAML without a top-level tenants: list")
  }

  @Test func invalidUTF8() {
    var bytes = Array("{\"Functions\": [\"".utf8)
    bytes += [0xFF]
    bytes += Array("\"]}".utf8)
    expectOneLine(
      Fixture.error(bytes, name: "u.json"), file: "u.json", place: "$.Functions[0] at 1:17",
      reason: "invalid UTF-8 (byte 0xFF)")
  }

  @Test func emptyMissingDirectoryAndCorruptGzip() throws {
    expectOneLine(
      Fixture.error([], name: "e.json"), file: "e.json", place: nil, reason: "empty file")
    let missing = Fixture.path("does-not-exist.json")
    do {
      _ = try Importer.read(path: missing)
      Issue.record("read a missing file")
    } catch {
      expectOneLine(error, file: missing, place: nil, reason: "no such file")
    }
    do {
      _ = try Importer.read(path: Fixture.path("real"))
      Issue.record("read a directory")
    } catch {
      expectOneLine(
        error, file: Fixture.path("real"), place: nil, reason: "is a directory, not a file")
    }
    var gz: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]
    gz += [0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x12]
    let e = Fixture.error(gz, name: "m.json.gz")
    expectOneLine(e, file: "m.json.gz", place: nil, reason: "corrupt gzip")
    #expect(e?.place.hasPrefix("byte ") == true)
  }

  @Test func gzipIsDetectedByContentNotName() throws {
    let dir = try Fixture.tempDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let plain = Fixture.path("real/aws-cli/lambda_list-functions.example1.json")
    let target = dir + "/no-suffix"
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
    gzip.arguments = ["-c", "gzip -c '\(plain)' > '\(target)'"]
    try gzip.run()
    gzip.waitUntilExit()
    let batch = try Importer.read(path: target)
    #expect(batch.functions.count == 3)
  }

  @Test func fiftyMegabyteSingleLine() throws {
    let dir = try Fixture.tempDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // One line: a list-functions with many functions and long descriptions, ~50 MB.
    var text = "{\"Functions\":["
    let filler = String(repeating: "x", count: 5000)
    var n = 0
    while text.utf8.count < 50_000_000 {
      if n > 0 { text += "," }
      text +=
        "{\"FunctionName\":\"f\(n)\",\"FunctionArn\":\"arn:aws:lambda:eu-west-1:111122223333:function:f\(n)\",\"Description\":\"\(filler)\",\"MemorySize\":128}"
      n += 1
    }
    text += "]}"
    let path = dir + "/big.json"
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let batch = try Importer.read(path: path)
    #expect(batch.functions.count == n)
    // The same line cut short: the column is reported on line 1.
    let cut = Array(text.utf8.prefix(text.utf8.count - 10))
    let e = Fixture.error(cut, name: "big.json")
    #expect(e?.place.contains(" at 1:") == true)
    #expect(e?.reason.hasPrefix("truncated JSON") == true)
  }
}
