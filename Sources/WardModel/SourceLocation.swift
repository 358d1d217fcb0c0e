/// Where in a file a finding points: an infrastructure-as-code template or source file and
/// its lines, as Checkov and SARIF tools report them. Exported to SARIF so code-scanning
/// tools can show the finding on the line it is about.
public struct SourceLocation: Sendable, Hashable, Codable {
  /// The file as the tool named it: a relative path, an absolute path or a URI.
  public var uri: String
  /// First line (1-based), when the tool gave one.
  public var startLine: Int?
  /// Last line (1-based, at least `startLine`), when the tool gave one.
  public var endLine: Int?

  public init(uri: String, startLine: Int? = nil, endLine: Int? = nil) {
    self.uri = uri
    self.startLine = startLine.flatMap { $0 >= 1 ? $0 : nil }
    self.endLine = endLine.flatMap { end in
      guard end >= 1 else { return nil }
      return self.startLine.map { max($0, end) } ?? end
    }
  }
}
