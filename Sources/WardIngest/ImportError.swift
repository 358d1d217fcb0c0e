/// Why an input file was rejected, and where.
///
/// Its description is always one line: `FILE: PLACE: REASON` (or `FILE: REASON` when no
/// place inside the file applies, e.g. a missing file).
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// A JSON path and/or `line:column`, or `line N` for text; empty when none applies.
  public var place: String
  /// What is wrong, in words.
  public var reason: String

  public init(file: String, place: String = "", reason: String) {
    self.file = file
    self.place = place
    self.reason = reason
  }

  public var description: String {
    let line = place.isEmpty ? "\(file): \(reason)" : "\(file): \(place): \(reason)"
    return line.replacing("\n", with: " ").replacing("\r", with: " ")
  }
}

/// A problem found inside a file, before the file name is attached.
public struct ReadError: Error, Sendable {
  /// Where in the input: a JSON path and line:column, `line N`, `byte N`, or empty.
  public var place: String
  public var reason: String

  public init(place: String = "", _ reason: String) {
    self.place = place
    self.reason = reason
  }

  func named(_ file: String) -> ImportError {
    ImportError(file: file, place: place, reason: reason)
  }
}
