import Foundation

/// Where the repository and the built `ward` binary are, for tests that run the real binary.
enum Repo {
  /// The repository root (three levels above this file).
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `ward` executable built next to the test bundle (`swift test` builds it too).
  static var wardBinary: String {
    if let env = ProcessInfo.processInfo.environment["WARD_BINARY"] { return env }
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("ward").path,
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ward").path,
      root.appendingPathComponent(".build/debug/ward").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
  }
}

/// The result of running a program to completion.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs `executable` with `arguments`, waiting for it; stdin is empty.
@discardableResult
func run(
  _ executable: String, _ arguments: [String], environment: [String: String] = [:],
  currentDirectory: String? = nil
) throws -> RunResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  var env = ProcessInfo.processInfo.environment
  for (k, v) in environment { env[k] = v }
  process.environment = env
  if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both pipes concurrently so a chatty child cannot block on a full pipe.
  nonisolated(unsafe) var errData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return RunResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the built `ward` binary.
@discardableResult
func ward(
  _ arguments: [String], environment: [String: String] = [:], currentDirectory: String? = nil
) throws -> RunResult {
  try run(
    Repo.wardBinary, arguments, environment: environment, currentDirectory: currentDirectory)
}

/// A fresh temporary directory, removed by the caller with `cleanup()`.
struct TempDir {
  let url: URL
  var path: String { url.path }

  init(_ label: String = "ward") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { url.appendingPathComponent(name).path }

  func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// Parses JSON output into an array of objects.
func jsonArray(_ text: String) throws -> [[String: Any]] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  guard let array = value as? [[String: Any]] else {
    throw NSError(
      domain: "ward-tests", code: 1,
      userInfo: [NSLocalizedDescriptionKey: "not a JSON array of objects"])
  }
  return array
}
