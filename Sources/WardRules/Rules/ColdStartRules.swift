import WardModel

/// WARD-CLD-001: errors concentrated in hours with cold starts (init failures).
struct ColdStartErrorsRule: Rule {
  /// Minimum errors in cold-start hours.
  static let minErrors = 5.0
  /// Minimum error share in cold-start hours.
  static let minShare = 0.10
  /// Cold-hour error share must be at least this multiple of the warm-hour share.
  static let minRatioToWarm = 3.0
  let entry = RuleEntry(
    id: "WARD-CLD-001", category: .coldStart, severity: .medium,
    title: "Errors concentrate in cold-start hours",
    rationale:
      "When the error share in hours with cold starts is far above the rest, initialisation is failing (missing secret, extension or layer, init timeout): new execution environments start without their security controls or not at all.",
    remediation:
      "Read the INIT_REPORT and init-phase log lines; make the init code fail closed and fast, fix missing configuration, and consider SnapStart or provisioned concurrency."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let w = MetricWindow(samples: s.metrics, now: s.context.now)
    let cold = MetricWindow.share(w.coldHourErrors, w.coldHourInvocations)
    let warm = MetricWindow.share(w.warmHourErrors, w.warmHourInvocations)
    guard w.coldHourErrors >= Self.minErrors, cold >= Self.minShare,
      cold >= Self.minRatioToWarm * warm
    else { return nil }
    return RuleHit(
      evidence:
        "last 7 d: error share \(formatPercent(cold)) in cold-start hours (\(formatNumber(w.coldHourErrors)) of \(formatNumber(w.coldHourInvocations))) vs \(formatPercent(warm)) in other hours"
    )
  }
}

/// WARD-CLD-002: cold-start share surging with no SnapStart to absorb it.
struct ColdStartSurgeRule: Rule {
  static let minRecentColdStarts = 20.0
  static let minRecentShare = 0.10
  static let minRatio = 2.0
  let entry = RuleEntry(
    id: "WARD-CLD-002", category: .coldStart, severity: .low,
    title: "Cold-start share surging without provisioned concurrency or SnapStart",
    rationale:
      "A jump in the share of invocations that start a new execution environment means scaling out under new load (or an attack) with every start paying init latency and running init code; Ward cannot see provisioned concurrency in the inventory, so the rule fires when SnapStart is off and the share in the last 24 h is at least double the previous 6 days.",
    remediation:
      "Configure provisioned concurrency (or SnapStart for Java/Python/.NET) sized to the new baseline, and check whether the new load is legitimate."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    if s.function.snapStart == "PublishedVersions" { return nil }
    let w = MetricWindow(samples: s.metrics, now: s.context.now)
    let recent = MetricWindow.share(w.recentColdStarts, w.recentInvocations)
    let earlier = MetricWindow.share(w.earlierColdStarts, w.earlierInvocations)
    guard w.recentColdStarts >= Self.minRecentColdStarts, recent >= Self.minRecentShare,
      recent >= Self.minRatio * earlier
    else { return nil }
    return RuleHit(
      evidence:
        "cold-start share \(formatPercent(recent)) in the last 24 h (\(formatNumber(w.recentColdStarts)) cold starts) vs \(formatPercent(earlier)) over the previous 6 d; SnapStart \(s.function.snapStart ?? "off")"
    )
  }
}

/// WARD-CLD-003: cold-start duration close to the timeout.
struct ColdStartNearTimeoutRule: Rule {
  /// Share of the timeout at which a cold-start hour's p99 duration fires the rule.
  static let timeoutShare = 0.8
  let entry = RuleEntry(
    id: "WARD-CLD-003", category: .coldStart, severity: .medium,
    title: "Cold-start duration close to the timeout",
    rationale:
      "When p99 duration in hours with cold starts reaches 80% of the timeout, cold invocations time out: initialisation plus handler work no longer fits, and requests fail intermittently under scale-out.",
    remediation:
      "Shrink init work (lazy imports, smaller package), raise memory, or raise the timeout; consider provisioned concurrency or SnapStart."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let timeout = s.function.timeoutSeconds, timeout > 0 else { return nil }
    let w = MetricWindow(samples: s.metrics, now: s.context.now)
    let limitMs = Double(timeout) * 1000
    guard let hour = w.worstColdDurationHour, w.worstColdDurationMs >= Self.timeoutShare * limitMs
    else { return nil }
    return RuleHit(
      evidence:
        "p99 duration \(formatNumber(w.worstColdDurationMs)) ms in cold-start hour \(UTC.iso8601(hour)) vs timeout \(timeout) s"
    )
  }
}

/// WARD-CLD-004: the function is in the Failed state.
struct FailedStateRule: Rule {
  let entry = RuleEntry(
    id: "WARD-CLD-004", category: .coldStart, severity: .medium,
    title: "Function is in a Failed state",
    rationale:
      "State Failed means Lambda could not prepare the function (missing role, layer, image or VPC resources): every invocation fails at initialisation.",
    remediation:
      "Read StateReasonCode with get-function-configuration and fix the dependency; redeploy.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.function.state?.lowercased() == "failed" else { return nil }
    return RuleHit(evidence: "State=\(s.function.state ?? "")")
  }
}
