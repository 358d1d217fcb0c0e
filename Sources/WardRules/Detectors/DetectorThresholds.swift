/// Named constants of the anomaly detectors (documented in docs/rules.md).
public enum DetectorThresholds {
  /// Normal-consistent scale of the median absolute deviation.
  public static let madScale = 1.4826
  /// Hourly series: the baseline for an hour is the same hour of day on this many previous days.
  public static let hourlyBaselineDays = 14
  /// Daily cost: the baseline for a day is this many previous days.
  public static let dailyBaselineDays = 14
  /// Baseline values required before a point is scored.
  public static let minimumBaselineSamples = 7
  /// Robust z-score `(observed − median) / spread` at or above which a point is anomalous.
  public static let robustZ = 6.0
  /// Spread floor as a share of the median (flat baselines).
  public static let relativeSpreadFloor = 0.05

  /// Invocation spike: observed ≥ 3 × median and ≥ median + 100.
  public static let spikeRatio = 3.0
  public static let spikeMinExcess = 100.0
  /// Error burst: ≥ 10 errors, ≥ 5% of invocations, ≥ 3 × median.
  public static let errorMinCount = 10.0
  public static let errorMinShare = 0.05
  public static let errorRatio = 3.0
  /// Throttling storm: ≥ 20 throttles, ≥ 5% of attempts, ≥ 3 × median.
  public static let throttleMinCount = 20.0
  public static let throttleMinShare = 0.05
  public static let throttleRatio = 3.0
  /// Duration regression: p99 (else average) ≥ 1.5 × median for ≥ 3 consecutive hours with
  /// ≥ 10 invocations each.
  public static let durationRatio = 1.5
  public static let durationMinInvocations = 10.0
  public static let durationMinHours = 3
  /// Cold-start surge: ≥ 20 cold starts and ≥ 3 × median.
  public static let coldStartMinCount = 20.0
  public static let coldStartRatio = 3.0
  /// Cost anomaly: ≥ 2 × the 14-day median and at least this many currency units above it.
  public static let costRatio = 2.0
  public static let functionCostMinExcess = 1.0
  public static let tenantCostMinExcess = 10.0
}
