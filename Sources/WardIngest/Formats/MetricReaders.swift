import WardModel

/// The Lambda metrics Ward keeps, and how sub-hour points combine into an hour.
enum LambdaMetric: CaseIterable {
  case invocations, errors, throttles, durationAvg, durationP99, durationMax, concurrencyMax,
    coldStarts

  /// Counts sum, maxima and p99 take the max, averages take the mean.
  enum Aggregation { case sum, max, mean }

  var aggregation: Aggregation {
    switch self {
    case .invocations, .errors, .throttles, .coldStarts: .sum
    case .durationAvg: .mean
    case .durationP99, .durationMax, .concurrencyMax: .max
    }
  }

  /// Count metrics: a missing point means 0.
  var isCount: Bool { aggregation == .sum }

  /// The collect script's query Ids (layout.md).
  static func fromId(_ id: String) -> LambdaMetric? {
    switch id.lowercased() {
    case "invocations": .invocations
    case "errors": .errors
    case "throttles": .throttles
    case "duration_avg": .durationAvg
    case "duration_p99": .durationP99
    case "duration_max": .durationMax
    case "concurrency_max", "concurrent_executions": .concurrencyMax
    case "cold_starts", "coldstarts", "init_count": .coldStarts
    default: nil
    }
  }

  /// A CloudWatch metric name, with an optional statistic word (`Duration p99`).
  static func fromLabel(_ label: String, statistic: String? = nil) -> LambdaMetric? {
    let words = label.split(separator: " ").map { $0.lowercased() }
    guard let name = words.first else { return nil }
    let stat = (statistic ?? (words.count > 1 ? words[1] : "")).lowercased()
    switch name {
    case "invocations": return .invocations
    case "errors": return .errors
    case "throttles": return .throttles
    case "coldstarts", "cold_starts", "init_duration_count": return .coldStarts
    case "concurrentexecutions": return .concurrencyMax
    case "duration":
      switch stat {
      case "p99": return .durationP99
      case "maximum", "max": return .durationMax
      default: return .durationAvg
      }
    default: return nil
    }
  }

  func set(_ value: Double, on sample: inout MetricSample) {
    switch self {
    case .invocations: sample.invocations = value
    case .errors: sample.errors = value
    case .throttles: sample.throttles = value
    case .durationAvg: sample.durationAvg = value
    case .durationP99: sample.durationP99 = value
    case .durationMax: sample.durationMax = value
    case .concurrencyMax: sample.maxConcurrency = value
    case .coldStarts: sample.coldStarts = value
    }
  }
}

/// Collects points per (function, metric, hour) and emits hourly `MetricSample` rows.
struct HourlyAccumulator {
  private struct Cell {
    var total = 0.0
    var count = 0
    var maximum = -Double.infinity
  }
  private var cells: [String: [LambdaMetric: [EpochSeconds: Cell]]] = [:]

  mutating func add(function: String, metric: LambdaMetric, time: EpochSeconds, value: Double) {
    let hour = UTC.hourFloor(time)
    var cell = cells[function, default: [:]][metric, default: [:]][hour] ?? Cell()
    cell.total += value
    cell.count += 1
    cell.maximum = max(cell.maximum, value)
    cells[function, default: [:]][metric, default: [:]][hour] = cell
  }

  /// Adds a whole series at once (one dictionary merge instead of one per point).
  mutating func add(function: String, metric: LambdaMetric, points: [(EpochSeconds, Double)]) {
    var local = cells[function]?[metric] ?? [:]
    for (time, value) in points {
      let hour = UTC.hourFloor(time)
      var cell = local[hour] ?? Cell()
      cell.total += value
      cell.count += 1
      cell.maximum = max(cell.maximum, value)
      local[hour] = cell
    }
    cells[function, default: [:]][metric] = local
  }

  /// Marks a metric as queried for a function even when it had no points.
  mutating func declare(function: String, metric: LambdaMetric) {
    if cells[function]?[metric] == nil { cells[function, default: [:]][metric] = [:] }
  }

  /// One row per function and hour between the first and last hour seen; count
  /// metrics that were queried but have no point in an hour are 0. Refuses a series that
  /// spans more than ``ImportLimits/metricSpanHours`` (it would fill every hour between).
  func samples() throws -> [MetricSample] {
    var out: [MetricSample] = []
    for function in cells.keys.sorted() {
      let metrics = cells[function]!
      let hours = metrics.values.flatMap(\.keys)
      guard let first = hours.min(), let last = hours.max() else { continue }
      if (last - first) / UTC.hour > ImportLimits.metricSpanHours {
        throw ReadError(
          "\(function): the data points span \(UTC.date(first)) to \(UTC.date(last)), more than the \(ImportLimits.metricSpanHours / 24) days one metric file may cover (docs/formats.md)"
        )
      }
      var hour = first
      while hour <= last {
        var sample = MetricSample(functionArn: function, hour: hour)
        var any = false
        for (metric, byHour) in metrics {
          if let cell = byHour[hour] {
            let value: Double
            switch metric.aggregation {
            case .sum: value = cell.total
            case .max: value = cell.maximum
            case .mean: value = cell.total / Double(cell.count)
            }
            metric.set(value, on: &sample)
            any = true
          } else if metric.isCount {
            metric.set(0, on: &sample)
            any = true
          }
        }
        if any { out.append(sample) }
        hour += UTC.hour
      }
    }
    return out
  }
}

/// cloudwatch get-metric-data for AWS/Lambda.
enum MetricDataReader {
  static func read(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-cloudwatch-get-metric-data")
    var acc = HourlyAccumulator()
    var unknown: [String] = []
    for result in try value.required("MetricDataResults").array() {
      let id = try result.string("Id") ?? ""
      let label = try result.string("Label") ?? ""
      var functionArn = context.functionArn
      var metric = LambdaMetric.fromId(id) ?? LambdaMetric.fromLabel(label)
      if metric == nil {
        // Dynamic label "NAME MetricName [stat]".
        let words = label.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, let m = LambdaMetric.fromLabel(words[1]) {
          metric = m
          functionArn = ImportContext(account: context.account, region: context.region)
            .functionArn(nameOrArn: words[0])
        }
      } else if LambdaMetric.fromId(id) != nil, label.split(separator: " ").count == 2 {
        // Id names the metric; label "NAME MetricName" names the function.
        let words = label.split(separator: " ").map(String.init)
        if LambdaMetric.fromLabel(words[1]) != nil {
          functionArn =
            ImportContext(account: context.account, region: context.region)
            .functionArn(nameOrArn: words[0]) ?? functionArn
        }
      }
      guard let metric else {
        unknown.append(id.isEmpty ? label : id)
        continue
      }
      guard let functionArn else {
        _ = try context.requireFunctionArn("get-metric-data result \"\(id)\"")
        continue
      }
      acc.declare(function: functionArn, metric: metric)
      let timestamps = try result.required("Timestamps")
      let values = try result.required("Values").array()
      guard timestamps.isArray else { throw timestamps.typeMismatch("a list of timestamps") }
      let times = try timestamps.array()
      guard times.count == values.count else {
        throw result.failure("\(times.count) timestamps but \(values.count) values")
      }
      var points: [(EpochSeconds, Double)] = []
      points.reserveCapacity(times.count)
      for (t, v) in zip(times, values) {
        points.append((try AWSTime.parse(t), try v.double(in: ValueDomain.measurements, "value")))
      }
      acc.add(function: functionArn, metric: metric, points: points)
    }
    batch.metrics = try acc.samples()
    if batch.metrics.isEmpty && !unknown.isEmpty {
      throw value.failure(
        "no AWS/Lambda metric recognised (Ids or labels: \(unknown.prefix(5).joined(separator: ", ")))"
      )
    }
    return batch
  }
}

/// cloudwatch get-metric-statistics (`{"Label": …, "Datapoints": […]}`) for one function.
enum MetricStatisticsReader {
  static func read(_ value: JSONValue, context: ImportContext) throws -> ImportBatch {
    var batch = ImportBatch(format: "aws-cloudwatch-get-metric-statistics")
    let label = try value.string("Label") ?? ""
    guard LambdaMetric.fromLabel(label) != nil else {
      throw value.failure("not an AWS/Lambda metric Ward keeps: \"\(label)\"")
    }
    let functionArn = try context.requireFunctionArn("get-metric-statistics")
    var acc = HourlyAccumulator()
    let name = label.split(separator: " ").first.map(String.init) ?? label
    for point in try value.required("Datapoints").array() {
      let time = try AWSTime.parse(try point.required("Timestamp"))
      var stats: [(String, Double)] = []
      for key in ["Sum", "Average", "Maximum", "Minimum", "SampleCount"] {
        if let v = try point.present(key)?.double(in: ValueDomain.measurements, key) {
          stats.append((key, v))
        }
      }
      if let extended = try point.object("ExtendedStatistics") {
        for m in try extended.members() {
          stats.append((m.key, try m.value.double(in: ValueDomain.measurements, m.key)))
        }
      }
      for (stat, v) in stats {
        let metric: LambdaMetric?
        switch (name.lowercased(), stat) {
        case ("duration", "Average"): metric = .durationAvg
        case ("duration", "Maximum"): metric = .durationMax
        case ("duration", "p99"): metric = .durationP99
        case ("concurrentexecutions", "Maximum"): metric = .concurrencyMax
        case (_, "Sum"): metric = LambdaMetric.fromLabel(name).flatMap { $0.isCount ? $0 : nil }
        default: metric = nil
        }
        if let metric { acc.add(function: functionArn, metric: metric, time: time, value: v) }
      }
    }
    batch.metrics = try acc.samples()
    return batch
  }
}
