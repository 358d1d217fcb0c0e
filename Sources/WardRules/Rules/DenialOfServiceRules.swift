import WardModel

/// WARD-DOS-001: a public function that can scale to the whole account's concurrency.
struct PublicNoReservedConcurrencyRule: Rule {
  let entry = RuleEntry(
    id: "WARD-DOS-001", category: .dos, severity: .medium,
    title: "Publicly invocable function without reserved concurrency",
    rationale:
      "Anyone can call it, and without reserved concurrency a flood scales it to the account's whole concurrency limit: the other functions in the account are throttled and the bill grows (denial of wallet).",
    remediation:
      "Set reserved concurrency to the expected peak, and front the function with throttling (API Gateway usage plans, WAF rate rules)."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.inventory.isPubliclyInvocable, s.function.reservedConcurrency == nil else {
      return nil
    }
    return RuleHit(
      evidence: "public: \(s.inventory.publicInputPaths.first ?? "yes"); reserved concurrency unset"
    )
  }
}

/// WARD-DOS-002: reserved concurrency of zero (the function is switched off).
struct ZeroReservedConcurrencyRule: Rule {
  let entry = RuleEntry(
    id: "WARD-DOS-002", category: .dos, severity: .info,
    title: "Reserved concurrency is 0 (all invocations throttled)",
    rationale:
      "Reserved concurrency 0 throttles every invocation. It is the emergency stop for a function under attack; left in place it is an outage.",
    remediation:
      "Confirm the stop is intended; remove it (delete-function-concurrency) when the incident is over."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.function.reservedConcurrency == 0 else { return nil }
    return RuleHit(evidence: "ReservedConcurrentExecutions=0")
  }
}

/// WARD-DOS-003: a very long timeout on a public function.
struct PublicLongTimeoutRule: Rule {
  /// Timeout in seconds at or above which the rule fires.
  static let thresholdSeconds = 300
  let entry = RuleEntry(
    id: "WARD-DOS-003", category: .dos, severity: .medium,
    title: "Very long timeout on a publicly invocable function",
    rationale:
      "Each slow or hanging request holds an execution environment for up to the timeout: with 5 minutes or more, a few requests per second exhaust concurrency and bill the maximum duration.",
    remediation:
      "Set the timeout close to the p99 duration; move long work to asynchronous processing.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.inventory.isPubliclyInvocable, let t = s.function.timeoutSeconds,
      t >= Self.thresholdSeconds
    else { return nil }
    return RuleHit(evidence: "Timeout=\(t) s (threshold \(Self.thresholdSeconds) s); public")
  }
}
