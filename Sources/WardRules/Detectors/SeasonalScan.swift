import WardModel

/// One anomalous point: where, what was seen, what was expected.
struct AnomalousPoint: Sendable, Hashable {
  var index: Int
  var observed: Double
  var baseline: RobustBaseline
  var score: Double
}

/// A run of consecutive anomalous points, merged into one alert.
struct AnomalyRun: Sendable, Hashable {
  var first: Int
  var last: Int
  /// The point with the highest score.
  var peak: AnomalousPoint
  var length: Int { last - first + 1 }
}

/// Scans a dense series against a seasonal robust baseline.
///
/// For each index `i` the baseline is the values at `i − period`, `i − 2·period`, …
/// (up to `lookback` of them, NaN skipped); a point is scored once at least
/// `DetectorThresholds.minimumBaselineSamples` are available and `prefilter` accepts it.
/// Points below `minRatio` × the baseline median are never anomalous; that gate is tested
/// first by counting (no sort), which skips most points cheaply.
/// `accept` decides anomaly from the point, its baseline and robust score.
func seasonalAnomalies(
  _ series: [Double], period: Int, lookback: Int, absoluteSpreadFloor: Double, minRatio: Double,
  prefilter: (Int, Double) -> Bool,
  accept: (Int, Double, RobustBaseline, Double) -> Bool
) -> [AnomalousPoint] {
  var buffer = [Double](repeating: 0, count: lookback)
  var scratch = [Double](repeating: 0, count: lookback)
  var points: [AnomalousPoint] = []
  let minSamples = DetectorThresholds.minimumBaselineSamples
  guard series.count > minSamples * period else { return [] }
  for i in (minSamples * period)..<series.count {
    let x = series[i]
    guard !x.isNaN, prefilter(i, x) else { continue }
    var n = 0
    var k = 1
    while k <= lookback, i - k * period >= 0 {
      let v = series[i - k * period]
      if !v.isNaN {
        buffer[n] = v
        n += 1
      }
      k += 1
    }
    guard n >= minSamples else { continue }
    // If fewer than half the baseline values are ≤ x / minRatio, the median is above it.
    let limit = x / minRatio
    var below = 0
    for j in 0..<n where buffer[j] <= limit { below += 1 }
    guard below >= n / 2 else { continue }
    let base = robustBaseline(&buffer, count: n, scratch: &scratch)
    guard x > base.median else { continue }
    let spread = base.spread(
      relativeFloor: DetectorThresholds.relativeSpreadFloor, absoluteFloor: absoluteSpreadFloor)
    let score = (x - base.median) / spread
    if score >= DetectorThresholds.robustZ, x >= minRatio * base.median,
      accept(i, x, base, score)
    {
      points.append(AnomalousPoint(index: i, observed: x, baseline: base, score: score))
    }
  }
  return points
}

/// Merges consecutive anomalous points into runs, keeping runs of at least `minLength`.
func mergeRuns(_ points: [AnomalousPoint], minLength: Int = 1) -> [AnomalyRun] {
  var runs: [AnomalyRun] = []
  for p in points {
    if var run = runs.last, run.last + 1 == p.index {
      run.last = p.index
      if p.score > run.peak.score { run.peak = p }
      runs[runs.count - 1] = run
    } else {
      runs.append(AnomalyRun(first: p.index, last: p.index, peak: p))
    }
  }
  return runs.filter { $0.length >= minLength }
}

/// Severity of an anomaly from how far above its baseline it went.
func anomalySeverity(ratio: Double) -> Severity {
  switch ratio {
  case 20...: .critical
  case 10...: .high
  case 4...: .medium
  default: .low
  }
}

/// observed / median, infinite when the median is 0.
func anomalyRatio(_ observed: Double, _ median: Double) -> Double {
  median > 0 ? observed / median : .infinity
}
