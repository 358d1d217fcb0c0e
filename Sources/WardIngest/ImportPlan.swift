import Foundation
import WardModel

/// The order files are applied in within one `ward import`.
public enum ImportStage: Int, Sendable, Comparable, CaseIterable {
  case tenants, inventory, aspects, series, findings

  public static func < (a: ImportStage, b: ImportStage) -> Bool { a.rawValue < b.rawValue }
}

/// One file to import, with what its path says about it.
public struct PlannedFile: Sendable, Hashable {
  public var path: String
  public var context: ImportContext
  /// Guessed from the file's first bytes; the reader still decides the format.
  public var stage: ImportStage
}

/// Expands the paths given to `ward import` into an ordered list of files.
public enum ImportPlan {
  /// Expands directories recursively (skipping hidden files, `README*`, `*.md`,
  /// `SOURCES*`), derives each file's context from its path (docs/formats.md), and
  /// orders tenants, inventories, aspects, series, then findings (stable within a stage).
  public static func scan(paths: [String]) throws(ImportError) -> [PlannedFile] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ImportError(file: path, reason: "no such file or directory")
      }
      if isDirectory.boolValue {
        files += walk(path)
      } else {
        files.append(path)
      }
    }
    var contexts = DirectoryContexts()
    var planned: [PlannedFile] = []
    for file in files {
      planned.append(
        PlannedFile(path: file, context: contexts.context(for: file), stage: stage(of: file)))
    }
    return planned.enumerated().sorted { a, b in
      a.element.stage != b.element.stage ? a.element.stage < b.element.stage : a.offset < b.offset
    }.map(\.element)
  }

  /// Files under `directory`, sorted by path.
  static func walk(_ directory: String) -> [String] {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return [] }
    var out: [String] = []
    for name in names.sorted() where !skipped(name) {
      let path = (directory as NSString).appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue { out += walk(path) } else { out.append(path) }
    }
    return out
  }

  static func skipped(_ name: String) -> Bool {
    let upper = name.uppercased()
    return name.hasPrefix(".") || upper.hasPrefix("README") || upper.hasPrefix("SOURCES")
      || name.lowercased().hasSuffix(".md")
  }

  /// The stage, sniffed from the first 64 KB (inflated when gzip).
  static func stage(of path: String) -> ImportStage {
    guard let handle = FileHandle(forReadingAtPath: path) else { return .findings }
    defer { try? handle.close() }
    // The keys that decide the stage sit near the top of every format; 16 KiB is plenty and
    // keeps planning thousands of files cheap (byte search, no String conversion).
    var head = [UInt8]((try? handle.read(upToCount: 1 << 14)) ?? Data())
    if Gzip.isGzip(head) { head = (try? Gzip.inflate(head, limit: 1 << 14)) ?? [] }
    func has(_ key: String) -> Bool { head.containsBytes(Array("\"\(key)\"".utf8)) }
    if head.first != UInt8(ascii: "{") && head.first != UInt8(ascii: "["),
      head.startsWithLine("tenants:") || head.containsBytes(Array("\ntenants:".utf8))
    {
      return .tenants
    }
    if has("Functions") || has("Configuration") { return .inventory }
    if has("MetricDataResults") || has("Datapoints") || has("ResultsByTime") { return .series }
    if has("Findings") || has("SchemaVersion") || has("class_uid") || has("check_type") {
      return .findings
    }
    if has("FunctionName") && has("Runtime") { return .inventory }
    return .aspects
  }
}

extension Array where Element == UInt8 {
  /// Whether `needle` occurs in the bytes (a plain scan; inputs here are a few KiB).
  func containsBytes(_ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
    let first = needle[0]
    var i = 0
    let last = count - needle.count
    return withUnsafeBufferPointer { hay in
      while i <= last {
        if hay[i] == first {
          var j = 1
          while j < needle.count && hay[i + j] == needle[j] { j += 1 }
          if j == needle.count { return true }
        }
        i += 1
      }
      return false
    }
  }

  /// Whether the bytes start with `prefix` (after a UTF-8 byte-order mark, if any).
  func startsWithLine(_ prefix: String) -> Bool {
    let body = starts(with: [0xEF, 0xBB, 0xBF]) ? Array(dropFirst(3)) : self
    return body.starts(with: Array(prefix.utf8))
  }
}

/// Context rules for collected directories (layout.md), cached per directory.
struct DirectoryContexts {
  private var cache: [String: (account: String?, region: String?)] = [:]

  mutating func context(for file: String) -> ImportContext {
    let components = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    var context = ImportContext()
    // functions/NAME/… and metrics/NAME.json(.gz)
    if components.count >= 3, components[components.count - 3] == "functions" {
      context.functionName = components[components.count - 2]
    } else if components.count >= 2, components[components.count - 2] == "metrics" {
      var name = components[components.count - 1]
      for suffix in [".gz", ".json"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
      context.functionName = name
    }
    let (account, region) = collected(startingAt: (file as NSString).deletingLastPathComponent)
    context.account = account
    context.region = region
    return context
  }

  /// Account and region from the nearest ancestor holding sts-get-caller-identity.json
  /// or lambda-list-functions.json.
  private mutating func collected(startingAt start: String) -> (String?, String?) {
    var dir = start.isEmpty ? "." : start
    for _ in 0..<8 {
      if let hit = cache[dir] { return hit }
      let found = DirectoryContexts.read(dir)
      if found.account != nil || found.region != nil {
        cache[dir] = found
        return found
      }
      let parent = (dir as NSString).deletingLastPathComponent
      if parent == dir || parent.isEmpty { break }
      dir = parent
    }
    return (nil, nil)
  }

  private static func read(_ dir: String) -> (account: String?, region: String?) {
    var account: String? = nil
    var region: String? = nil
    if let sts = load(dir, "sts-get-caller-identity.json") {
      account = try? unwrap(sts).string("Account")
    }
    if let list = load(dir, "lambda-list-functions.json"),
      let functions = try? unwrap(list).array("Functions")
    {
      for f in functions {
        if let arn = (try? f.string("FunctionArn")).flatMap({ $0 }).flatMap({ ARN($0) }) {
          account = account ?? arn.account
          region = arn.region
          break
        }
      }
    }
    return (account, region)
  }

  private static func unwrap(_ root: JSONValue) -> JSONValue {
    if let data = root["data"], data.isObject, root["status_code"] != nil { return data }
    return root
  }

  private static func load(_ dir: String, _ name: String) -> JSONValue? {
    for candidate in [name, name + ".gz"] {
      let path = (dir as NSString).appendingPathComponent(candidate)
      guard FileManager.default.fileExists(atPath: path),
        let bytes = try? FileInput.load(path: path)
      else { continue }
      let plain = Gzip.isGzip(bytes) ? (try? Gzip.inflate(bytes)) ?? [] : bytes
      if let doc = try? JSONDocument(parsing: plain) { return doc.root }
    }
    return nil
  }
}
