import Foundation
import Testing

@testable import WardEvidence

@Suite struct EvidenceArchiveTests {
  @Test func aTarOfTwoFilesReadsBackWithTheirNamesAndBytes() throws {
    var tar = TarWriter()
    let big = (0..<1500).map { UInt8(truncatingIfNeeded: $0 * 7) }
    try tar.add(name: "ward-evidence/a.txt", data: Array("hello\n".utf8), mtime: 1_700_000_000)
    try tar.add(name: "ward-evidence/b.bin", data: big, mtime: 1_700_000_000)
    let archive = tar.finished()
    #expect(archive.count % 10_240 == 0)
    let entries = try TarReader.entries(archive)
    #expect(entries.map(\.name) == ["ward-evidence/a.txt", "ward-evidence/b.bin"])
    #expect(entries[0].data == Array("hello\n".utf8))
    #expect(entries[1].data == big)
  }

  @Test func anAlteredHeaderFailsItsChecksumNamingTheEntry() throws {
    var tar = TarWriter()
    try tar.add(name: "x.txt", data: [1, 2, 3], mtime: 0)
    var archive = tar.finished()
    archive[0] = UInt8(ascii: "y")
    #expect {
      try TarReader.entries(archive)
    } throws: { error in
      "\(error)".contains("byte 0 (header of entry 1)") && "\(error)".contains("checksum")
    }
  }

  @Test func unsafeNamesAreRefusedWhenWritten() throws {
    var tar = TarWriter()
    #expect(throws: ArchiveError.self) { try tar.add(name: "../x", data: [], mtime: 0) }
    #expect(throws: ArchiveError.self) { try tar.add(name: "/etc/x", data: [], mtime: 0) }
    #expect(throws: ArchiveError.self) {
      try tar.add(name: String(repeating: "a", count: 101), data: [], mtime: 0)
    }
  }

  @Test func gzipRoundTripsAndATruncatedStreamIsAnError() throws {
    let text = Array(String(repeating: "ward evidence ", count: 5000).utf8)
    let packed = try GzipCodec.compress(text)
    #expect(packed.count < text.count / 10)
    #expect(packed[0] == 0x1F && packed[1] == 0x8B)
    #expect(try GzipCodec.decompress(packed) == text)
    #expect(throws: ArchiveError.self) { try GzipCodec.decompress(Array(packed.prefix(40))) }
    #expect(throws: ArchiveError.self) { try GzipCodec.decompress(Array("plain".utf8)) }
  }

  /// The system's tar reads what TarWriter writes (and gzip, what GzipCodec writes).
  @Test func systemTarExtractsTheArchive() throws {
    guard
      FileManager.default.isExecutableFile(atPath: "/usr/bin/tar")
        || FileManager.default.isExecutableFile(atPath: "/bin/tar")
    else { return }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ward-tar-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var tar = TarWriter()
    try tar.add(name: "ward-evidence/README.txt", data: Array("read me\n".utf8), mtime: 86_400)
    let path = dir.appendingPathComponent("p.tar.gz")
    try Data(try GzipCodec.compress(tar.finished())).write(to: path)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["tar", "-xzf", path.path, "-C", dir.path]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    let text = try String(
      contentsOf: dir.appendingPathComponent("ward-evidence/README.txt"), encoding: .utf8)
    #expect(text == "read me\n")
  }
}
