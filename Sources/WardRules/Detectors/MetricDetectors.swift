import WardModel

/// Detectors over one function's hourly metrics: invocation spikes, error bursts,
/// throttling storms, duration regressions and cold-start surges.
///
/// Method: for every hour, the baseline is the same hour of day over the previous
/// `DetectorThresholds.hourlyBaselineDays` days (median and MAD); an hour is anomalous when
/// its robust z-score and its ratio to the median both pass the detector's thresholds;
/// consecutive anomalous hours merge into one alert.
public enum MetricDetectors {
  /// Alert kinds, as stored in `Alert.kind`.
  public static let invocationSpike = "invocation-spike"
  public static let errorBurst = "error-burst"
  public static let throttleStorm = "throttle-storm"
  public static let durationRegression = "duration-regression"
  public static let coldStartSurge = "cold-start-surge"

  /// Runs every hourly detector on one function's samples.
  public static func detect(
    functionArn: String, account: String?, samples: [MetricSample], now: EpochSeconds
  ) -> [Alert] {
    guard let s = HourlySeries(samples: samples, now: now) else { return [] }
    let T = DetectorThresholds.self
    let days = T.hourlyBaselineDays
    var alerts: [Alert] = []

    func emit(
      _ kind: String, _ title: String, _ unit: String, _ runs: [AnomalyRun],
      severity: (AnomalyRun) -> Severity, extra: (AnomalyRun) -> String = { _ in "" }
    ) {
      for run in runs {
        alerts.append(
          makeAlert(
            kind: kind, subject: functionArn, account: account, tenant: nil,
            functionArn: functionArn, title: title, unit: unit, run: run,
            step: UTC.hour, start: s.start, seriesCount: s.count, now: now,
            severity: severity(run), baselineWhat: "same hour of day, previous \(days) d",
            extra: extra(run)))
      }
    }

    let spikes = seasonalAnomalies(
      s.invocations, period: 24, lookback: days, absoluteSpreadFloor: 1, minRatio: T.spikeRatio,
      prefilter: { _, x in x >= T.spikeMinExcess },
      accept: { _, x, b, _ in x >= T.spikeRatio * b.median && x - b.median >= T.spikeMinExcess })
    emit(
      invocationSpike, "Invocation spike", "invocations/h", mergeRuns(spikes),
      severity: { anomalySeverity(ratio: anomalyRatio($0.peak.observed, $0.peak.baseline.median)) })

    let errors = seasonalAnomalies(
      s.errors, period: 24, lookback: days, absoluteSpreadFloor: 1, minRatio: T.errorRatio,
      prefilter: { i, x in
        x >= T.errorMinCount && x >= T.errorMinShare * max(s.invocations[i], x)
      },
      accept: { _, x, b, _ in x >= T.errorRatio * b.median })
    emit(
      errorBurst, "Error burst", "errors/h", mergeRuns(errors),
      severity: { run in
        let i = run.peak.index
        let share = run.peak.observed / max(s.invocations[i], run.peak.observed)
        return share >= 0.5 ? .high : .medium
      },
      extra: { run in
        let i = run.peak.index
        return
          "; error share \(formatPercent(run.peak.observed / max(s.invocations[i], run.peak.observed)))"
      })

    let throttles = seasonalAnomalies(
      s.throttles, period: 24, lookback: days, absoluteSpreadFloor: 1, minRatio: T.throttleRatio,
      prefilter: { i, x in
        x >= T.throttleMinCount && x >= T.throttleMinShare * (s.invocations[i] + x)
      },
      accept: { _, x, b, _ in x >= T.throttleRatio * b.median })
    emit(
      throttleStorm, "Throttling storm", "throttles/h", mergeRuns(throttles),
      severity: { run in
        let i = run.peak.index
        return run.peak.observed >= s.invocations[i] ? .high : .medium
      },
      extra: { run in
        let i = run.peak.index
        return
          "; \(formatPercent(run.peak.observed / (s.invocations[i] + run.peak.observed))) of attempts throttled"
      })

    let slow = seasonalAnomalies(
      s.duration, period: 24, lookback: days, absoluteSpreadFloor: 1, minRatio: T.durationRatio,
      prefilter: { i, _ in s.invocations[i] >= T.durationMinInvocations },
      accept: { _, x, b, _ in x >= T.durationRatio * b.median })
    emit(
      durationRegression, "Duration regression", "ms (p99)",
      mergeRuns(slow, minLength: T.durationMinHours),
      severity: { $0.length >= 24 ? .medium : .low })

    let cold = seasonalAnomalies(
      s.coldStarts, period: 24, lookback: days, absoluteSpreadFloor: 1, minRatio: T.coldStartRatio,
      prefilter: { _, x in x >= T.coldStartMinCount },
      accept: { _, x, b, _ in x >= T.coldStartRatio * b.median })
    emit(
      coldStartSurge, "Cold-start surge", "cold starts/h", mergeRuns(cold),
      severity: { anomalySeverity(ratio: anomalyRatio($0.peak.observed, $0.peak.baseline.median)) })

    return alerts
  }
}

/// Builds an alert for a merged run. Ongoing (end nil) when the run reaches the newest
/// period of the series and that period is the latest one before `now`.
func makeAlert(
  kind: String, subject: String, account: String?, tenant: String?, functionArn: String?,
  title: String, unit: String, run: AnomalyRun, step: EpochSeconds, start: EpochSeconds,
  seriesCount: Int, now: EpochSeconds, severity: Severity, baselineWhat: String, extra: String
) -> Alert {
  let runStart = start + EpochSeconds(run.first) * step
  let runEnd = start + EpochSeconds(run.last + 1) * step
  let ongoing = run.last == seriesCount - 1 && runEnd + step > now
  let p = run.peak
  let ratio = anomalyRatio(p.observed, p.baseline.median)
  let peakTime = start + EpochSeconds(p.index) * step
  let detail =
    "peak \(UTC.iso8601(peakTime)): observed \(formatNumber(p.observed)) \(unit) vs baseline median "
    + "\(formatNumber(p.baseline.median)) (MAD \(formatNumber(p.baseline.mad)), \(p.baseline.samples) samples, \(baselineWhat)); "
    + "\(ratio.isInfinite ? "baseline 0" : formatNumber((ratio * 10).rounded() / 10) + "×"); "
    + "robust z \(formatNumber((p.score * 10).rounded() / 10)); \(run.length) \(step == UTC.hour ? "h" : "d")"
    + extra
  return Alert(
    id: StableID.make("alert", [kind, subject, String(runStart)]), account: account,
    tenant: tenant, functionArn: functionArn, kind: kind, severity: severity, start: runStart,
    end: ongoing ? nil : runEnd, title: title, detail: detail, source: "ward")
}
