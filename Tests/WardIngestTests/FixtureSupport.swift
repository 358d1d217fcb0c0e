import Foundation
import Testing
import WardModel

@testable import WardIngest

/// Paths to Tests/Fixtures, found relative to this source file.
enum Fixture {
  static let root: String = {
    let here = URL(fileURLWithPath: #filePath)
    return here.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures").path
  }()

  static func path(_ relative: String) -> String { root + "/" + relative }

  /// Reads a fixture with the importer (path context optional).
  static func read(_ relative: String, context: ImportContext = ImportContext()) throws
    -> ImportBatch
  {
    try Importer.read(path: path(relative), context: context)
  }

  /// The importer's error for some bytes, or nil when they import.
  static func error(
    _ bytes: [UInt8], name: String = "input.json", context: ImportContext = ImportContext()
  )
    -> ImportError?
  {
    do {
      _ = try Importer.read(bytes: bytes, name: name, context: context)
      return nil
    } catch {
      return error
    }
  }

  static func read(
    json: String, name: String = "input.json", context: ImportContext = ImportContext()
  )
    throws -> ImportBatch
  {
    try Importer.read(bytes: Array(json.utf8), name: name, context: context)
  }

  /// A botocore documentation example's output, re-serialised as JSON text.
  static func botocoreExample(_ operation: String) throws -> String {
    let bytes = [UInt8](
      try Data(
        contentsOf: URL(
          fileURLWithPath: path("real/botocore/botocore/data/lambda/2015-03-31/examples-1.json"))))
    let doc = try JSONDocument(parsing: bytes)
    let example = try #require(doc.root["examples"]?[operation]?.array().first)
    return try #require(example["output"]).canonicalJSON
  }

  /// A temporary directory removed by the caller.
  static func tempDirectory() throws -> String {
    let dir = NSTemporaryDirectory() + "ward-ingest-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }
}
