import Foundation
import WardModel

/// The dated lifecycle of Lambda runtimes, shipped as data (`runtime-lifecycle.json`).
public struct RuntimeLifecycle: Sendable, Hashable {
  /// One runtime's dates; nil when AWS has not announced the date.
  public struct Entry: Sendable, Hashable {
    public var runtime: String
    public var deprecated: EpochSeconds?
    public var blockCreate: EpochSeconds?
    public var blockUpdate: EpochSeconds?
    public var successor: String?

    public init(
      runtime: String, deprecated: EpochSeconds?, blockCreate: EpochSeconds?,
      blockUpdate: EpochSeconds?, successor: String?
    ) {
      self.runtime = runtime
      self.deprecated = deprecated
      self.blockCreate = blockCreate
      self.blockUpdate = blockUpdate
      self.successor = successor
    }
  }

  /// Where a runtime stands on a given day, from least to most urgent.
  public enum Stage: Int, Sendable, Hashable, Comparable {
    case supported
    /// Deprecation is at most `RuntimeLifecycle.warningDays` away.
    case deprecationSoon
    case deprecated
    case createBlocked
    case updateBlocked

    public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
  }

  /// Days before deprecation at which Ward starts warning.
  public static let warningDays: Int64 = 90

  public private(set) var entries: [String: Entry]

  public init(entries: [Entry]) {
    self.entries = Dictionary(entries.map { ($0.runtime, $0) }, uniquingKeysWith: { _, b in b })
  }

  /// The runtime's entry, if the table knows it.
  public func entry(for runtime: String) -> Entry? { entries[runtime] }

  /// The stage of `runtime` at `now`; nil when the table does not know the runtime.
  public func stage(of runtime: String, at now: EpochSeconds) -> Stage? {
    guard let e = entries[runtime] else { return nil }
    if let d = e.blockUpdate, now >= d { return .updateBlocked }
    if let d = e.blockCreate, now >= d { return .createBlocked }
    if let d = e.deprecated, now >= d { return .deprecated }
    if let d = e.deprecated, now >= d - Self.warningDays * UTC.day { return .deprecationSoon }
    return .supported
  }

  /// Errors reading a lifecycle file.
  public struct FormatError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Parses the JSON form: `{"runtimes":[{"runtime","deprecated","blockCreate","blockUpdate","successor"}]}`
  /// with dates as `YYYY-MM-DD` or null.
  public init(json: Data) throws {
    struct File: Decodable {
      struct Row: Decodable {
        var runtime: String
        var deprecated: String?
        var blockCreate: String?
        var blockUpdate: String?
        var successor: String?
      }
      var runtimes: [Row]
    }
    let file = try JSONDecoder().decode(File.self, from: json)
    func date(_ text: String?, _ field: String, _ runtime: String) throws -> EpochSeconds? {
      guard let text else { return nil }
      guard let t = UTC.parse(text) else {
        throw FormatError(description: "runtime-lifecycle: \(runtime).\(field): bad date \(text)")
      }
      return t
    }
    self.init(
      entries: try file.runtimes.map { row in
        Entry(
          runtime: row.runtime, deprecated: try date(row.deprecated, "deprecated", row.runtime),
          blockCreate: try date(row.blockCreate, "blockCreate", row.runtime),
          blockUpdate: try date(row.blockUpdate, "blockUpdate", row.runtime),
          successor: row.successor)
      })
  }

  /// The table bundled with Ward (empty only if the bundle is broken, which a test guards).
  public static let bundled: RuntimeLifecycle = {
    #if SWIFT_PACKAGE
      if let url = Bundle.module.url(
        forResource: "runtime-lifecycle", withExtension: "json", subdirectory: "Resources"),
        let data = try? Data(contentsOf: url), let table = try? RuntimeLifecycle(json: data)
      {
        return table
      }
    #endif
    return RuntimeLifecycle(entries: [])
  }()
}
