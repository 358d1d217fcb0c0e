import Foundation
import WardModel
import WardUI

/// The bodies `ward notify` posts: Ward's own JSON, or a Slack Block Kit message
/// (docs/notify.md). Neither holds evidence, previews or notes (``NotificationDigest``).
enum NotificationBody {
  /// Ward's JSON: `{"ward_notification": 1, "since", "until", "summary", "counts",
  /// "new_findings", "alerts", "lapsed", "stale"}`; each list holds at most the digest's
  /// limit, `counts` the totals.
  static func json(_ d: NotificationDigest) -> String {
    func finding(_ f: NotificationDigest.FindingItem) -> [String: Any] {
      var o: [String: Any] = [
        "id": f.id, "tenant": f.tenant, "severity": f.severity.rawValue, "title": f.title,
      ]
      if let function = f.function { o["function"] = function }
      if let reason = f.reason { o["reason"] = reason }
      return o
    }
    let body: [String: Any] = [
      "ward_notification": 1,
      "since": d.since.map { UTC.iso8601($0) as Any } ?? NSNull(),
      "until": UTC.iso8601(d.until),
      "summary": d.summary,
      "counts": [
        "new_findings": d.newFindings.total, "alerts": d.alerts.total,
        "lapsed": d.lapsed.total, "stale": d.stale.total,
      ],
      "new_findings": d.newFindings.items.map(finding),
      "alerts": d.alerts.items.map {
        [
          "id": $0.id, "tenant": $0.tenant, "severity": $0.severity.rawValue, "kind": $0.kind,
          "title": $0.title, "start": UTC.iso8601($0.start),
        ]
      },
      "lapsed": d.lapsed.items.map(finding),
      "stale": d.stale.items.map(finding),
    ]
    return serialise(body)
  }

  /// A Slack message: `text` (the summary, for notifications and screen readers) and
  /// `blocks`: a header, the summary, one section per non-empty list (one line per item,
  /// `…and N more` when cut), and the window as context. Section texts stay under Slack's
  /// 3000 characters; `&`, `<` and `>` are escaped as Slack's mrkdwn requires.
  static func slack(_ d: NotificationDigest) -> String {
    var blocks: [[String: Any]] = [
      ["type": "header", "text": ["type": "plain_text", "text": "Ward: what is new"]],
      ["type": "section", "text": ["type": "mrkdwn", "text": escape(d.summary)]],
    ]
    func section(_ heading: String, _ lines: [String], leftOut: Int) {
      guard !lines.isEmpty else { return }
      var text = "*\(escape(heading))*"
      for line in lines {
        let next = text + "\n• " + line
        if next.count > 2800 { break }
        text = next
      }
      if leftOut > 0 { text += "\n…and \(leftOut) more" }
      blocks.append(["type": "section", "text": ["type": "mrkdwn", "text": text]])
    }
    func line(_ f: NotificationDigest.FindingItem) -> String {
      var text = "`\(f.severity.rawValue)` \(escape(f.title)) (\(escape(f.tenant))"
      if let function = f.function { text += ", \(escape(function))" }
      text += ") `\(escape(f.id))`"
      if let reason = f.reason { text += ": \(escape(reason))" }
      return text
    }
    section(
      "New critical and high findings", d.newFindings.items.map(line),
      leftOut: d.newFindings.leftOut)
    section(
      "New alerts",
      d.alerts.items.map {
        "`\($0.severity.rawValue)` \(escape($0.title)) (\(escape($0.tenant)), \(escape($0.kind)), \(UTC.iso8601($0.start)))"
      }, leftOut: d.alerts.leftOut)
    section("Lapsed decisions (open again)", d.lapsed.items.map(line), leftOut: d.lapsed.leftOut)
    section("Stale decisions (reopened)", d.stale.items.map(line), leftOut: d.stale.leftOut)
    let window = d.since.map { "since \(UTC.iso8601($0))" } ?? "since the previous run"
    blocks.append([
      "type": "context",
      "elements": [["type": "mrkdwn", "text": "\(window), until \(UTC.iso8601(d.until))"]],
    ])
    return serialise(["text": d.summary, "blocks": blocks])
  }

  /// Slack mrkdwn's three control characters.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  static func serialise(_ object: [String: Any]) -> String {
    let data =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return OutputText.escapingJSONDocument(String(decoding: data, as: UTF8.self))
  }
}
