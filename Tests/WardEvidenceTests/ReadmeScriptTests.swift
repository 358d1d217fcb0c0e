import Foundation
import Testing

@testable import WardEvidence

/// The Python check in every pack's README.txt is what an auditor runs by hand: it must
/// pass on a real pack (with redacted lines) and fail on an altered one.
@Suite struct EvidenceReadmeScriptTests {
  static var python: String? {
    ["/usr/bin/python3", "/usr/local/bin/python3"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// The script as README.txt prints it (indented four spaces), dedented.
  static func script() throws -> String {
    let lines = PackReadme.text.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex { $0.contains("import hashlib, json, struct") })
    let end = try #require(lines.firstIndex { $0.contains(#"print("chain slice intact")"#) })
    return lines[start...end].map { String($0.dropFirst(4)) }.joined(separator: "\n") + "\n"
  }

  func runScript(on files: [String: [UInt8]]) throws -> (Int32, String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-readme-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, data) in files { try Data(data).write(to: dir.appendingPathComponent(name)) }
    try Self.script().write(
      to: dir.appendingPathComponent("check.py"), atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.python!)
    p.arguments = ["check.py"]
    p.currentDirectoryURL = dir
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, text)
  }

  @Test(.enabled(if: python != nil)) func theHandCheckPassesAndCatchesAnAlteredEvent() throws {
    let fixture = try TwoTenantStore()
    let archive = try fixture.pack().archive
    var files = Dictionary(uniqueKeysWithValues: try PackSurgery.files(archive))
    #expect(String(decoding: files[PackFiles.chain]!, as: UTF8.self).contains(#""redacted":true"#))
    let (status, output) = try runScript(on: files)
    #expect(status == 0, "\(output)")
    #expect(output == "chain slice intact\n")
    files[PackFiles.chain] = PackSurgery.lines(files[PackFiles.chain]!) { lines in
      let i = lines.firstIndex { $0.contains("compensating control") }!
      lines[i] = lines[i].replacingOccurrences(of: "compensating", with: "compensatinG")
    }
    let (badStatus, badOutput) = try runScript(on: files)
    #expect(badStatus != 0)
    #expect(badOutput.contains("AssertionError: ('hash', \(fixture.acmeSeqs[1]))"), "\(badOutput)")
  }
}
