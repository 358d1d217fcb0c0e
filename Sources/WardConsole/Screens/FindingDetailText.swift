import WardModel
import WardStore
import WardUI

/// The text of one finding's detail: what it is, where, its triage state, its whole
/// history, then description, evidence and remediation. Shared by the Findings screen's
/// detail pane and the full-screen finding detail, so both say the same.
enum FindingDetailText {
  /// The detail lines of `detail`, wrapped at word boundaries to `width` columns (nil: not
  /// wrapped); `emptyText` (muted) when nothing is loaded. Markdown from the source
  /// (Prowler, Checkov) is shown as plain text; URLs are never cut, only wrapped.
  static func lines(
    _ detail: FindingDetailData?, emptyText: String = "loading…", glyphs: GlyphSet,
    width: Int? = nil
  ) -> [TextLine] {
    let out = unwrapped(detail, emptyText: emptyText, glyphs: glyphs)
    return width.map { out.wrapped(width: $0) } ?? out
  }

  private static func unwrapped(_ detail: FindingDetailData?, emptyText: String, glyphs: GlyphSet)
    -> [TextLine]
  {
    guard let stored = detail?.finding else {
      return [TextLine(emptyText, style: Style(role: .muted))]
    }
    let f = stored.finding
    let t = stored.triage
    var out: [TextLine] = [
      TextLine(
        RenderKit.severityLabel(f.severity, glyphs: glyphs),
        style: Style(fg: .role(.severity(f.severity.rawValue)), attributes: .bold)
      )
      .then("  " + f.title, style: Style(attributes: .bold)),
      .field("resource", f.resource),
      .field("tenant", stored.tenant + (f.account.map { "  account " + $0 } ?? "")),
      .field("category", f.category.rawValue + " (" + f.category.title + ")"),
      .field("source", f.source + "  rule " + f.ruleId),
      .field(
        "state",
        t.state.rawValue + (t.by.map { "  by " + $0 } ?? "")
          + (t.at.map { " at " + RenderKit.minute($0) } ?? ""),
        style: Style(fg: .role(.state(t.state.rawValue)))),
      .field("seen", RenderKit.minute(f.firstSeen) + " .. " + RenderKit.minute(f.lastSeen)),
    ]
    if let reason = t.reason { out.append(.field("reason", reason)) }
    if let note = t.note { out.append(.field("note", note)) }
    if let history = detail?.history, !history.isEmpty {
      out.append(.heading("History (\(history.count))"))
      for e in history { out += Self.historyLines(e) }
    }
    for (heading, text) in [
      ("Description", f.description), ("Evidence", f.evidence), ("Remediation", f.remediation),
    ] where !text.isEmpty {
      out.append(.heading(heading))
      for line in PlainText.fromMarkdown(text).split(
        separator: "\n", omittingEmptySubsequences: false)
      {
        out.append(TextLine("  " + line))
      }
    }
    return out
  }

  /// One audit event as detail lines: when, who (and from where), what; then reason, note
  /// and expiry when present.
  static func historyLines(_ e: AuditEvent) -> [TextLine] {
    var who = e.operatorName + " (" + e.source.rawValue
    if let address = e.address { who += ", from " + address }
    if let key = e.keyFingerprint { who += ", key " + key }
    who += ")"
    let what: String
    switch e.kind {
    case .note: what = "note"
    // A finding's history never holds session or evidence events (they name no finding).
    case .session: what = e.reason ?? "session"
    case .evidence: what = e.reason ?? "evidence pack"
    case .state:
      what =
        (e.from.map { $0.rawValue + " → " } ?? "created ") + e.to.rawValue
        + (e.undoes.map { "  (undoes #\($0))" } ?? "")
    }
    var out = [
      TextLine("  #\(e.seq) " + RenderKit.minute(e.at) + "  ", style: Style(fg: .role(.muted)))
        .then(what, style: Style(fg: .role(.state(e.to.rawValue)), attributes: .bold))
        .then("  by " + who)
    ]
    if let reason = e.reason { out.append(.field("      reason", reason)) }
    if let note = e.note { out.append(.field("      note", note)) }
    if let until = e.until { out.append(.field("      until", UTC.date(until))) }
    return out
  }
}
