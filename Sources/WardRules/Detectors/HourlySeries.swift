import WardModel

/// One function's hourly metrics as dense arrays from its first sample to its last
/// (capped at `now`). Counts missing for an hour are 0; durations missing are NaN.
struct HourlySeries: Sendable {
  var start: EpochSeconds
  var invocations: [Double]
  var errors: [Double]
  var throttles: [Double]
  var coldStarts: [Double]
  /// p99 duration, else average duration, in milliseconds.
  var duration: [Double]

  var count: Int { invocations.count }
  func hour(at index: Int) -> EpochSeconds { start + EpochSeconds(index) * UTC.hour }

  init?(samples: [MetricSample], now: EpochSeconds) {
    let cap = UTC.hourFloor(now)
    var lo = EpochSeconds.max
    var hi = EpochSeconds.min
    for m in samples where m.hour <= cap {
      let h = UTC.hourFloor(m.hour)
      lo = min(lo, h)
      hi = max(hi, h)
    }
    guard lo <= hi else { return nil }
    let n = Int((hi - lo) / UTC.hour) + 1
    start = lo
    invocations = Array(repeating: 0, count: n)
    errors = Array(repeating: 0, count: n)
    throttles = Array(repeating: 0, count: n)
    coldStarts = Array(repeating: 0, count: n)
    duration = Array(repeating: .nan, count: n)
    for m in samples where m.hour <= cap {
      let i = Int((UTC.hourFloor(m.hour) - lo) / UTC.hour)
      // Several samples for one hour (merged files) add their counts.
      if let v = m.invocations { invocations[i] += v }
      if let v = m.errors { errors[i] += v }
      if let v = m.throttles { throttles[i] += v }
      if let v = m.coldStarts { coldStarts[i] += v }
      if let v = m.durationP99 ?? m.durationAvg {
        duration[i] = duration[i].isNaN ? v : max(duration[i], v)
      }
    }
  }
}
