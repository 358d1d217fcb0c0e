import WardModel

/// "Now" for relative windows: the store's newest metric hour and cost day, so the demo
/// dataset and stale collections read right.
public struct DataClock: Sendable, Hashable {
  /// Start of the newest hour with metrics; nil when there are none.
  public var latestMetricHour: EpochSeconds?
  /// Start of the newest day with cost; nil when there is none.
  public var latestCostDay: EpochSeconds?

  public init(latestMetricHour: EpochSeconds? = nil, latestCostDay: EpochSeconds? = nil) {
    self.latestMetricHour = latestMetricHour
    self.latestCostDay = latestCostDay
  }

  /// Exclusive end of metric windows: the end of the newest hour (0 without metrics).
  public var metricsEnd: EpochSeconds { (latestMetricHour ?? 0) + UTC.hour }
  /// Exclusive end of cost windows: the end of the newest cost day, or the metric day.
  public var costEnd: EpochSeconds {
    if let day = latestCostDay { return day + UTC.day }
    return UTC.dayFloor(latestMetricHour ?? 0) + UTC.day
  }
  /// The instant used for "active" alerts.
  public var now: EpochSeconds { metricsEnd }

  /// Header text: `data as of 2026-11-29 14:00Z` or `no metrics`.
  public var asOfText: String {
    guard let hour = latestMetricHour ?? latestCostDay else { return "no data yet" }
    let iso = UTC.iso8601(hour)  // 2026-11-29T14:00:00Z
    return "data as of " + iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + "Z"
  }
}

/// A relative time window.
public enum TimeWindow: String, Sendable, Hashable, CaseIterable {
  case day = "24h"
  case week = "7d"
  case month = "30d"

  public var seconds: EpochSeconds {
    switch self {
    case .day: UTC.day
    case .week: 7 * UTC.day
    case .month: 30 * UTC.day
    }
  }

  /// The next window in 24h → 7d → 30d → 24h order.
  public var next: TimeWindow {
    switch self {
    case .day: .week
    case .week: .month
    case .month: .day
    }
  }

  /// The smallest window ending at `end` that contains `instant`.
  public static func covering(_ instant: EpochSeconds, end: EpochSeconds) -> TimeWindow {
    let age = end - instant
    if age <= UTC.day { return .day }
    if age <= 7 * UTC.day { return .week }
    return .month
  }
}
