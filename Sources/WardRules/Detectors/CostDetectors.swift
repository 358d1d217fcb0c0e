import WardModel

/// Daily cost anomaly detection per function and per tenant (denial of wallet).
///
/// Method: the baseline for a day is the previous `DetectorThresholds.dailyBaselineDays`
/// days (median and MAD); a day is anomalous when its robust z-score passes, it is at least
/// `costRatio` × the median and at least the minimum excess above it. Missing days cost 0.
public enum CostDetectors {
  public static let costAnomaly = "cost-anomaly"

  /// Sums samples per UTC day into a dense series from the first day to the last
  /// (capped at `now`).
  static func dailySeries(_ samples: [CostSample], now: EpochSeconds) -> (
    start: EpochSeconds, values: [Double], currency: String
  )? {
    let cap = UTC.dayFloor(now)
    let days = samples.map { UTC.dayFloor($0.day) }.filter { $0 <= cap }
    guard let lo = days.min(), let hi = days.max() else { return nil }
    var values = [Double](repeating: 0, count: Int((hi - lo) / UTC.day) + 1)
    for s in samples where UTC.dayFloor(s.day) <= cap {
      values[Int((UTC.dayFloor(s.day) - lo) / UTC.day)] += s.amount
    }
    return (lo, values, samples.first?.currency ?? "USD")
  }

  /// Cost anomalies of one subject's daily cost.
  static func detect(
    samples: [CostSample], subject: String, account: String?, tenant: String?,
    functionArn: String?, minExcess: Double, title: String, now: EpochSeconds
  ) -> [Alert] {
    guard let (start, values, currency) = dailySeries(samples, now: now) else { return [] }
    let T = DetectorThresholds.self
    let points = seasonalAnomalies(
      values, period: 1, lookback: T.dailyBaselineDays, absoluteSpreadFloor: 0.01,
      minRatio: T.costRatio,
      prefilter: { _, x in x >= minExcess },
      accept: { _, x, b, _ in x >= T.costRatio * b.median && x - b.median >= minExcess })
    return mergeRuns(points).map { run in
      makeAlert(
        kind: costAnomaly, subject: subject, account: account, tenant: tenant,
        functionArn: functionArn, title: title, unit: "\(currency)/day", run: run,
        step: UTC.day, start: start, seriesCount: values.count, now: now,
        severity: anomalySeverity(ratio: anomalyRatio(run.peak.observed, run.peak.baseline.median)),
        baselineWhat: "previous \(T.dailyBaselineDays) d", extra: "")
    }
  }

  /// Per-function cost anomalies. Keys are function ARNs or names; a name is resolved to
  /// the ARN of the only function with that name (in the samples' account when given).
  public static func detectFunctions(
    _ costs: [String: [CostSample]], functions: [Function], now: EpochSeconds
  ) -> [Alert] {
    var byName: [String: [Function]] = [:]
    for f in functions { byName[f.name, default: []].append(f) }
    return costs.keys.sorted().flatMap {
      detectFunction(key: $0, samples: costs[$0] ?? [], functionsByName: byName, now: now)
    }
  }

  /// Cost anomalies of one function's daily cost. `key` is its ARN or name; a name is
  /// resolved through `functionsByName` to the only function of that name (in the samples'
  /// account when given); unresolved, the key itself is the alert's subject.
  public static func detectFunction(
    key: String, samples: [CostSample], functionsByName: [String: [Function]] = [:],
    now: EpochSeconds
  ) -> [Alert] {
    var arn: String? = nil
    var account = samples.lazy.compactMap(\.account).first
    if let parsed = ARN(key) {
      arn = parsed.unqualifiedLambdaARN ?? key
      account = account ?? parsed.account
    } else {
      let candidates = (functionsByName[key] ?? []).filter {
        account == nil || $0.account == account
      }
      if candidates.count == 1 {
        arn = candidates[0].arn
        account = candidates[0].account
      }
    }
    return detect(
      samples: samples, subject: arn ?? key, account: account, tenant: nil, functionArn: arn,
      minExcess: DetectorThresholds.functionCostMinExcess, title: "Function cost anomaly",
      now: now)
  }

  /// Per-tenant cost anomalies (denial of wallet).
  public static func detectTenants(_ costs: [String: [CostSample]], now: EpochSeconds) -> [Alert] {
    costs.keys.sorted().flatMap { name in
      detect(
        samples: costs[name] ?? [], subject: name, account: nil, tenant: name, functionArn: nil,
        minExcess: DetectorThresholds.tenantCostMinExcess,
        title: "Tenant cost anomaly (denial of wallet)", now: now)
    }
  }
}
