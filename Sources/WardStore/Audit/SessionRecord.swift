import WardModel

/// The start or end of an operator's console session, as recorded in the audit chain.
public struct SessionRecord: Sendable, Hashable {
  /// Which end of the session.
  public enum Phase: String, Sendable, Hashable {
    case start, end
  }

  public var phase: Phase
  /// `TERM` of the operator's terminal.
  public var term: String?
  /// Window size in columns and rows.
  public var width: Int?
  public var height: Int?
  /// Seconds since the session started (end only).
  public var durationSeconds: Int64?
  /// Why the session ended (`quit`, `idle timeout`, ...), end only.
  public var endReason: String?

  public init(
    phase: Phase, term: String? = nil, width: Int? = nil, height: Int? = nil,
    durationSeconds: Int64? = nil, endReason: String? = nil
  ) {
    self.phase = phase
    self.term = term
    self.width = width
    self.height = height
    self.durationSeconds = durationSeconds
    self.endReason = endReason
  }

  /// The event's reason: `session start` or `session end`.
  var reason: String { "session \(phase.rawValue)" }

  /// The event's note: `term=T size=WxH[ duration=Ns][ ended=WHY]` (values sanitised to one
  /// printable token each, so the note cannot be made to look like another field).
  var note: String {
    func token(_ s: String) -> String { NoteToken.clean(s) }
    var parts = ["term=\(term.map(token) ?? "unknown")"]
    if let width, let height { parts.append("size=\(width)x\(height)") }
    if let durationSeconds { parts.append("duration=\(durationSeconds)s") }
    if let endReason { parts.append("ended=\(token(endReason))") }
    return parts.joined(separator: " ")
  }
}
