import Foundation
import Testing

/// The committed demo dataset (`demo-data/`) is exactly what `scripts/generate-demo-data.py`
/// produces with its default seed: no file missing, none extra, every file equal byte for
/// byte. Gzip files are compared by their decompressed bytes (via `gzip -dc`), so a
/// different zlib version cannot break the test.
@Suite struct DemoDataTests {
  @Test func generatorReproducesCommittedDemoData() throws {
    let root = repositoryRoot()
    let committed = root.appendingPathComponent("demo-data")
    let script = root.appendingPathComponent("scripts/generate-demo-data.py")
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("ward-demo-data-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }

    let generation = try runProcess(
      "/usr/bin/env", ["python3", script.path, "--out", scratch.path])
    try #require(
      generation.status == 0,
      "generator exited \(generation.status): \(String(decoding: generation.stderr, as: UTF8.self))"
    )

    let expected = try regularFiles(under: committed)
    let produced = try regularFiles(under: scratch)
    try #require(!expected.isEmpty, "no committed demo data under \(committed.path)")
    #expect(expected.subtracting(produced).sorted() == [], "files missing from the generated set")
    #expect(produced.subtracting(expected).sorted() == [], "files the committed set lacks")

    var differing: [String] = []
    for path in expected.intersection(produced).sorted() {
      let equal = try sameContent(
        committed.appendingPathComponent(path), scratch.appendingPathComponent(path))
      if !equal { differing.append(path) }
    }
    #expect(differing == [], "files whose content differs from the generator's output")
  }
}

/// The repository root, found from this file's path (Tests/WardEndToEndTests/<file>).
private func repositoryRoot() -> URL {
  URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
}

/// Paths (relative to `directory`) of every regular file below it.
private func regularFiles(under directory: URL) throws -> Set<String> {
  let manager = FileManager.default
  var files = Set<String>()
  for path in try manager.subpathsOfDirectory(atPath: directory.path) {
    var isDirectory: ObjCBool = false
    let full = directory.appendingPathComponent(path).path
    if manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
      files.insert(path)
    }
  }
  return files
}

/// Whether two files hold the same content; gzip files (magic 1f 8b) are compared
/// decompressed when their compressed bytes differ.
private func sameContent(_ left: URL, _ right: URL) throws -> Bool {
  let leftBytes = try Data(contentsOf: left)
  let rightBytes = try Data(contentsOf: right)
  if leftBytes == rightBytes { return true }
  guard isGzip(leftBytes), isGzip(rightBytes) else { return false }
  let leftPlain = try runProcess("/usr/bin/env", ["gzip", "-dc", left.path])
  let rightPlain = try runProcess("/usr/bin/env", ["gzip", "-dc", right.path])
  return leftPlain.status == 0 && rightPlain.status == 0 && leftPlain.stdout == rightPlain.stdout
}

private func isGzip(_ data: Data) -> Bool {
  data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
}

/// Runs a program to completion and returns its exit status and output.
private func runProcess(_ executable: String, _ arguments: [String]) throws -> (
  status: Int32, stdout: Data, stderr: Data
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Drain stderr concurrently so neither pipe can fill up and block the child.
  let errorBox = DataBox()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errorBox.set(err.fileHandleForReading.readDataToEndOfFile())
    group.leave()
  }
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return (process.terminationStatus, stdout, errorBox.get())
}

/// A lock-protected Data holder for handing bytes back from a background read.
private final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data } }
}
