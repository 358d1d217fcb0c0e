/// The `Note` Ward writes on a Security Hub finding (ASFF export and `BatchUpdateFindings`):
/// `state: reason — note (until DATE)`, cut to Security Hub's limits.
public enum SecurityHubNote {
  /// Security Hub's limit on `Note.Text`, in UTF-16 code units (what AWS counts).
  public static let textLimit = 512
  /// The limit Ward keeps on `Note.UpdatedBy`, in UTF-16 code units
  /// (`BatchUpdateFindings`' NoteUpdate; the ASFF export uses the same).
  public static let updatedByLimit = 128

  /// The note text of a decision, at most ``textLimit`` UTF-16 units; nil when there is
  /// nothing to say (state `new` with no reason and no note).
  public static func text(
    state: TriageState, reason: String?, note: String?, until: EpochSeconds?
  ) -> String? {
    guard reason != nil || note != nil || state != .new else { return nil }
    var text = state.rawValue
    if let reason, !reason.isEmpty { text += ": \(reason)" }
    if let note, !note.isEmpty { text += " — \(note)" }
    if let until { text += " (until \(UTC.date(until)))" }
    return truncated(text, toUTF16: textLimit)
  }

  /// `Note.UpdatedBy`: the operator (`ward` when none), at most ``updatedByLimit`` units.
  public static func updatedBy(_ operatorName: String?) -> String {
    let name = operatorName?.trimmingWhitespace ?? ""
    return truncated(name.isEmpty ? "ward" : name, toUTF16: updatedByLimit)
  }

  /// `text` whole when it fits in `limit` UTF-16 units; else as many whole characters
  /// (grapheme clusters: an emoji or a combined accent is never split) as fit with `…`.
  public static func truncated(_ text: String, toUTF16 limit: Int) -> String {
    guard text.utf16.count > limit else { return text }
    let ellipsis = "…"
    let room = limit - ellipsis.utf16.count
    var out = ""
    var used = 0
    for character in text {
      let units = character.utf16.count
      if used + units > room { break }
      out.append(character)
      used += units
    }
    // Do not leave the ellipsis after a space.
    while let last = out.last, last.isWhitespace { out.removeLast() }
    return out + ellipsis
  }
}

extension String {
  fileprivate var trimmingWhitespace: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
