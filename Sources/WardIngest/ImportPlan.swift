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
  /// What a scan found: the files to import, and the entries refused with a reason
  /// (special files, symlink loops, unreadable directories, directories with nothing to
  /// import). Refusals never stop the other files.
  public struct Result: Sendable {
    public var files: [PlannedFile] = []
    public var problems: [ImportError] = []
  }

  /// Expands directories recursively (skipping hidden files, `README*`, `*.md`,
  /// `SOURCES*`), derives each file's context from its path (docs/formats.md), and
  /// orders tenants, inventories, aspects, series, then findings (stable within a stage).
  /// Throws the first problem; ``plan(paths:workingDirectory:)`` returns them all.
  public static func scan(paths: [String]) throws(ImportError) -> [PlannedFile] {
    let result = plan(paths: paths)
    if let first = result.problems.first { throw first }
    return result.files
  }

  /// Like ``scan(paths:)``, but returns every refused entry beside the planned files.
  /// Paths may take any form (`file.json`, `.`, `./x`, `../x/`, symlinks); they are
  /// reported as given.
  public static func plan(
    paths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath
  ) -> Result {
    var walker = Walker()
    for path in paths {
      let before = walker.files.count
      switch FileKind.of(path) {
      case .missing:
        walker.problems.append(ImportError(file: path, reason: "no such file or directory"))
      case .directory:
        let problemsBefore = walker.problems.count
        walker.walk(path)
        if walker.files.count == before && walker.problems.count == problemsBefore {
          walker.problems.append(
            ImportError(
              file: path,
              reason:
                "no importable files in this directory (hidden files, README*, SOURCES*, *.md, ward-policy*.yaml and collect-summary*.json are skipped)"
            ))
        }
      case .regular:
        walker.files.append(path)
      case .refused(let reason):
        walker.problems.append(ImportError(file: path, reason: reason))
      }
    }
    var contexts = DirectoryContexts(workingDirectory: workingDirectory)
    var planned: [PlannedFile] = []
    for file in walker.files {
      planned.append(
        PlannedFile(path: file, context: contexts.context(for: file), stage: stage(of: file)))
    }
    let ordered = planned.enumerated().sorted { a, b in
      a.element.stage != b.element.stage ? a.element.stage < b.element.stage : a.offset < b.offset
    }.map(\.element)
    return Result(files: ordered, problems: walker.problems)
  }

  /// Collects the regular files below directories, refusing what cannot be read safely.
  private struct Walker {
    var files: [String] = []
    var problems: [ImportError] = []
    /// Directories on the current descent, by device and inode, to catch symlink loops.
    private var ancestors: Set<FileKind.Identity> = []

    /// Adds the files under `directory`, sorted by path.
    mutating func walk(_ directory: String) {
      guard let identity = FileKind.identity(of: directory) else {
        problems.append(ImportError(file: directory, reason: "cannot read the directory"))
        return
      }
      guard ancestors.insert(identity).inserted else {
        problems.append(
          ImportError(
            file: directory, reason: "symlink loop: this directory is one of its own ancestors"))
        return
      }
      defer { ancestors.remove(identity) }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: directory)
      } catch {
        problems.append(
          ImportError(file: directory, reason: "cannot read the directory (permission denied?)"))
        return
      }
      for name in names.sorted() where !ImportPlan.skipped(name) {
        let path = PathText.join(directory, name)
        switch FileKind.of(path) {
        case .missing:
          problems.append(ImportError(file: path, reason: "dangling symlink"))
        case .directory: walk(path)
        case .regular: files.append(path)
        case .refused(let reason): problems.append(ImportError(file: path, reason: reason))
        }
      }
    }
  }

  /// Names a directory walk passes over: documentation, triage policy files
  /// (`ward-policy*.yaml`, applied with `--policy`, never imported as data), and the report
  /// scripts/collect-org.sh leaves at the root of its tree (`collect-summary*.json`), so a
  /// collection can carry its README, its policy and its summary.
  static func skipped(_ name: String) -> Bool {
    let upper = name.uppercased()
    let lower = name.lowercased()
    return name.hasPrefix(".") || upper.hasPrefix("README") || upper.hasPrefix("SOURCES")
      || lower.hasSuffix(".md")
      || (lower.hasPrefix("ward-policy") && (lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")))
      || (lower.hasPrefix("collect-summary") && lower.hasSuffix(".json"))
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
  /// Relative paths are resolved against this to walk up to a collected root.
  let workingDirectory: String
  private var cache: [String: (account: String?, region: String?)] = [:]

  init(workingDirectory: String) { self.workingDirectory = workingDirectory }

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
    // apigateway/API_ID/… and apigatewayv2/API_ID/…
    if components.count >= 3,
      ["apigateway", "apigatewayv2"].contains(components[components.count - 3])
    {
      context.apiId = components[components.count - 2]
    }
    // s3/BUCKET/… and events/RULE/…
    if components.count >= 3, components[components.count - 3] == "s3" {
      context.bucket = components[components.count - 2]
    }
    if components.count >= 3, components[components.count - 3] == "events" {
      context.eventRule = components[components.count - 2]
    }
    let directory = PathText.parent(
      of: PathText.absolute(file, workingDirectory: workingDirectory))
    let (account, region) = collected(startingAt: directory)
    context.account = account
    context.region = region
    return context
  }

  /// Account and region from the nearest ancestor holding sts-get-caller-identity.json
  /// or lambda-list-functions.json.
  private mutating func collected(startingAt start: String) -> (String?, String?) {
    var dir = start
    for _ in 0..<8 {
      if let hit = cache[dir] { return hit }
      let found = DirectoryContexts.read(dir)
      if found.account != nil || found.region != nil {
        cache[dir] = found
        return found
      }
      let parent = PathText.parent(of: dir)
      if parent == dir { break }
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
    if let data = try? root["data"], data.isObject, root.hasKey("status_code") { return data }
    return root
  }

  private static func load(_ dir: String, _ name: String) -> JSONValue? {
    for candidate in [name, name + ".gz"] {
      let path = PathText.join(dir, candidate)
      guard FileManager.default.fileExists(atPath: path),
        let bytes = try? FileInput.load(path: path)
      else { continue }
      let plain = Gzip.isGzip(bytes) ? (try? Gzip.inflate(bytes)) ?? [] : bytes
      if let doc = try? JSONDocument(parsing: plain) { return doc.root }
    }
    return nil
  }
}
