import Foundation
import WardModel
import WardStore
import WardUI

/// `ward export --format securityhub-updates`: `BatchUpdateFindings` request bodies, one
/// JSON object a line, each ready for `aws securityhub batch-update-findings
/// --cli-input-json` in its findings' region.
enum SecurityHubUpdatesExport {
  /// The JSON Lines text of `updates` (empty when there is nothing to send).
  static func render(_ updates: SecurityHubUpdates) -> String {
    updates.requests.map { line(for: $0) + "\n" }.joined()
  }

  /// One request body as one line: FindingIdentifiers, Workflow, VerificationState (when
  /// set) and Note (when the decision has one), keys sorted.
  static func line(for request: SecurityHubUpdateRequest) -> String {
    var body: [String: Any] = [
      "FindingIdentifiers": request.identifiers.map { ["Id": $0.id, "ProductArn": $0.productArn] },
      "Workflow": ["Status": request.status],
    ]
    if let v = request.verificationState { body["VerificationState"] = v }
    if let text = request.noteText {
      body["Note"] = ["Text": text, "UpdatedBy": request.updatedBy]
    }
    let data =
      (try? JSONSerialization.data(
        withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    // JSONSerialization leaves DEL, C1 and bidi controls raw inside strings.
    return OutputText.escapingJSONDocument(String(decoding: data, as: UTF8.self))
  }

  /// What was written and what was left out, for standard error: requests, ids and bytes
  /// per region, then each reason with its count.
  static func summary(_ updates: SecurityHubUpdates, bytes: Int, destination: String?) -> [String] {
    var lines: [String] = []
    let byRegion = Dictionary(grouping: updates.requests, by: \.region)
    let regions = byRegion.keys.sorted().map { region -> String in
      let requests = byRegion[region]!
      let ids = requests.reduce(0) { $0 + $1.identifiers.count }
      return
        "\(region.isEmpty ? "(no region)" : region): \(plural(requests.count, "request")), \(plural(ids, "id"))"
    }
    var head =
      "securityhub-updates: wrote \(plural(updates.requests.count, "request")) "
      + "(\(plural(updates.identifierCount, "finding id")), \(plural(bytes, "byte")))"
    if let destination { head += " to \(destination)" }
    if !regions.isEmpty { head += "; " + regions.joined(separator: "; ") }
    lines.append(head)
    if byRegion.count > 1 {
      lines.append(
        "securityhub-updates: the requests span \(byRegion.count) regions: send each line to its findings' region (--region R exports one)"
      )
    }
    let skipped = updates.skipped.values.reduce(0, +)
    if skipped > 0 {
      let parts = updates.skipped.sorted { $0.key < $1.key }.map {
        "\($0.value) \($0.key.rawValue)"
      }
      lines.append(
        "securityhub-updates: skipped \(plural(skipped, "finding")): "
          + parts.joined(separator: "; "))
    }
    return lines
  }

  static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
