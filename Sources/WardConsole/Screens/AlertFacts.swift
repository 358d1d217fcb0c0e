import WardModel

/// What the alert timeline tells of one alert beyond its title: how long it lasted and
/// the numbers behind it. Ward's detectors write their detail as
/// `peak T: observed X UNIT vs baseline median B (MAD M, …); R×; robust z Z; …`
/// (WardRules `makeAlert`); an imported alert's detail is free text and is shown as it is.
struct AlertFacts: Sendable, Hashable {
  /// The observed value at the peak, with its unit (`583 errors/h`).
  var observed: String?
  /// The baseline median at the peak (`1.5`).
  var baseline: String?
  /// The ratio observed / baseline (`388.7×`, or `baseline 0`).
  var ratio: String?
  /// The robust z-score at the peak (`581.5`).
  var robustZ: String?
  /// The detail as stored, for alerts whose detail is not a detector's.
  var raw: String

  init(detail: String) {
    raw = detail
    let parts = detail.components(separatedBy: "; ")
    if let head = parts.first, let observedRange = head.range(of: "observed "),
      let versus = head.range(
        of: " vs baseline median ", range: observedRange.upperBound..<head.endIndex)
    {
      observed = String(head[observedRange.upperBound..<versus.lowerBound])
      let rest = head[versus.upperBound...]
      baseline = String(rest.prefix { $0 != " " })
    }
    for part in parts.dropFirst() {
      if part.hasPrefix("robust z ") {
        robustZ = String(part.dropFirst("robust z ".count))
      } else if ratio == nil, part.hasSuffix("×") || part == "baseline 0" {
        ratio = part
      }
    }
  }

  /// Whether the detail is a detector's (observed, baseline and z were found).
  var isDetector: Bool { observed != nil && baseline != nil && robustZ != nil }

  /// One short cell: `583 errors/h vs 1.5 · z 581.5`, else the raw detail.
  var summary: String {
    guard let observed, let baseline, let robustZ else { return raw }
    return "\(observed) vs \(baseline) · z \(robustZ)"
  }

  /// The line under the timeline for the selected alert: every number named.
  var sentence: String {
    guard let observed, let baseline, let robustZ else { return raw }
    return "observed \(observed) · baseline median \(baseline)"
      + (ratio.map { $0 == "baseline 0" ? "" : " · " + $0 } ?? "") + " · robust z \(robustZ)"
  }

  /// How long the alert lasted (`45m`, `6h`, `2d 4h`), or `ongoing` while it has no end.
  static func duration(start: EpochSeconds, end: EpochSeconds?) -> String {
    guard let end else { return "ongoing" }
    let minutes = max(0, end - start) / 60
    if minutes < 60 { return "\(minutes)m" }
    let hours = minutes / 60
    if hours < 48 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h \(minutes % 60)m" }
    return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d \(hours % 24)h"
  }
}
