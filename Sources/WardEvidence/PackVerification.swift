import WardStore

/// One thing wrong with a pack: the file, the place in it, and why.
public struct PackProblem: Sendable, Hashable, CustomStringConvertible {
  /// The file in the pack (or the archive itself).
  public var file: String
  /// `line N (seq S)`, `byte N` ...; empty for the file as a whole.
  public var place: String
  public var reason: String

  public init(file: String, place: String = "", _ reason: String) {
    self.file = file
    self.place = place
    self.reason = reason
  }

  public var description: String {
    place.isEmpty ? "\(file): \(reason)" : "\(file) \(place): \(reason)"
  }
}

/// What ``PackVerifier`` found: the pack's facts and every problem (empty when it is good).
public struct PackVerification: Sendable {
  public var tenant: String = ""
  public var fromDay: String = ""
  public var toDay: String = ""
  public var findingCount = 0
  public var decisionCount = 0
  public var chainCount = 0
  public var redactedCount = 0
  public var headBefore = AuditHead(seq: 0, hash: "")
  public var headAfter = AuditHead(seq: 0, hash: "")
  public var storeHead = AuditHead(seq: 0, hash: "")
  /// The problems found, at most ``PackVerifier/problemLimit``.
  public var problems: [PackProblem] = []

  public var isGood: Bool { problems.isEmpty }
}
