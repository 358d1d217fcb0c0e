import WardModel

/// Sums of one function's hourly metrics over a trailing window, split into hours with
/// and without cold starts. Used by the cold-start rules.
struct MetricWindow: Sendable {
  /// Hours the cold-start rules look back over.
  static let lookbackHours: Int64 = 7 * 24
  /// The "recent" part of the window, compared against the rest.
  static let recentHours: Int64 = 24

  var coldHourInvocations = 0.0
  var coldHourErrors = 0.0
  var warmHourInvocations = 0.0
  var warmHourErrors = 0.0
  var recentInvocations = 0.0
  var recentColdStarts = 0.0
  var earlierInvocations = 0.0
  var earlierColdStarts = 0.0
  /// Worst p99 (else max, else average) duration in an hour with cold starts, and its hour.
  var worstColdDurationMs = 0.0
  var worstColdDurationHour: EpochSeconds?

  init(samples: [MetricSample], now: EpochSeconds) {
    let end = UTC.hourFloor(now)
    let start = end - Self.lookbackHours * UTC.hour
    let recentStart = end - Self.recentHours * UTC.hour
    for m in samples where m.hour >= start && m.hour <= end {
      let inv = m.invocations ?? 0
      let err = m.errors ?? 0
      let cold = m.coldStarts ?? 0
      if cold > 0 {
        coldHourInvocations += inv
        coldHourErrors += err
        if let d = m.durationP99 ?? m.durationMax ?? m.durationAvg, d > worstColdDurationMs {
          worstColdDurationMs = d
          worstColdDurationHour = m.hour
        }
      } else {
        warmHourInvocations += inv
        warmHourErrors += err
      }
      if m.hour >= recentStart {
        recentInvocations += inv
        recentColdStarts += cold
      } else {
        earlierInvocations += inv
        earlierColdStarts += cold
      }
    }
  }

  static func share(_ part: Double, _ whole: Double) -> Double { whole > 0 ? part / whole : 0 }
}

/// Formats a number for evidence and alert details: integers plainly, others to 2 places.
func formatNumber(_ v: Double) -> String {
  if v.isNaN { return "n/a" }
  if v.isInfinite { return "inf" }
  if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
  let scaled = (v * 100).rounded() / 100
  return String(scaled)
}

/// Formats a share as a percentage with one decimal.
func formatPercent(_ share: Double) -> String { formatNumber((share * 1000).rounded() / 10) + "%" }
