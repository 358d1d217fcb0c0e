import WardModel

/// An evidence pack written for a tenant and period, as recorded in the audit chain (kind
/// `evidence`): who wrote it is the event's operator, what it holds is the note.
public struct EvidenceRecord: Sendable, Hashable {
  /// The tenant the pack is for.
  public var tenant: String
  /// The period as given: first and last day, `YYYY-MM-DD`.
  public var fromDay: String
  public var toDay: String
  /// How many findings and decisions the pack holds.
  public var findingCount: Int
  public var decisionCount: Int
  /// The chain slice: first and last seq (nil when the period has no decision).
  public var sliceFirst: Int64?
  public var sliceLast: Int64?
  /// Hex SHA-256 of the pack's manifest file, which names the SHA-256 of every other file.
  public var manifestSHA256: String

  public init(
    tenant: String, fromDay: String, toDay: String, findingCount: Int, decisionCount: Int,
    sliceFirst: Int64?, sliceLast: Int64?, manifestSHA256: String
  ) {
    self.tenant = tenant
    self.fromDay = fromDay
    self.toDay = toDay
    self.findingCount = findingCount
    self.decisionCount = decisionCount
    self.sliceFirst = sliceFirst
    self.sliceLast = sliceLast
    self.manifestSHA256 = manifestSHA256
  }

  /// The event's reason.
  static let reason = "evidence pack"

  /// The event's note: `tenant=T from=D to=D findings=N decisions=N slice=#A-#B
  /// manifest-sha256=HEX` (`slice=none` without decisions; values one printable token each).
  var note: String {
    let slice = sliceFirst.flatMap { a in sliceLast.map { "#\(a)-#\($0)" } } ?? "none"
    return [
      "tenant=\(NoteToken.clean(tenant))", "from=\(NoteToken.clean(fromDay))",
      "to=\(NoteToken.clean(toDay))", "findings=\(findingCount)", "decisions=\(decisionCount)",
      "slice=\(slice)", "manifest-sha256=\(NoteToken.clean(manifestSHA256))",
    ].joined(separator: " ")
  }
}
