/// Why an archive could not be read or written: where (a byte offset or an entry) and why.
public struct ArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The place in the archive, e.g. `byte 1024` or `entry 3 (findings.jsonl)`.
  public var place: String
  public var reason: String

  public init(place: String, _ reason: String) {
    self.place = place
    self.reason = reason
  }

  public var description: String { "\(place): \(reason)" }
}
