import WardModel

/// WARD-MON-001: X-Ray active tracing off.
struct TracingOffRule: Rule {
  let entry = RuleEntry(
    id: "WARD-MON-001", category: .monitoring, severity: .low, severityNote: Hygiene.note(),
    title: "Active tracing is off",
    rationale:
      "Without X-Ray active tracing there is no per-request trace across the function and its downstream calls, which slows incident investigation (Security Hub Lambda.7).",
    remediation: "Set TracingConfig.Mode to Active.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.function.tracingMode?.lowercased() != "active" else { return nil }
    return RuleHit(
      evidence: "TracingConfig.Mode=\(s.function.tracingMode ?? "(unset)")"
        + Hygiene.exposureNote(s),
      severity: Hygiene.severity(s))
  }
}

/// WARD-MON-002: asynchronous invokers and nowhere for failed events to go.
struct AsyncNoFailureTargetRule: Rule {
  let entry = RuleEntry(
    id: "WARD-MON-002", category: .monitoring, severity: .medium,
    title: "Asynchronous events can be lost: no DLQ or on-failure destination",
    rationale:
      "S3, SNS, EventBridge and similar services invoke asynchronously; after the retries Lambda drops the event unless a dead-letter queue or on-failure destination catches it, so failures and attacks leave no trace.",
    remediation:
      "Configure an on-failure destination (put-function-event-invoke-config) or a DeadLetterConfig target, and alarm on it."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let invokers = s.inventory.asynchronousInvokers
    guard !invokers.isEmpty, !s.inventory.hasAsyncFailureTarget else { return nil }
    let services = Set(invokers.flatMap(\.servicePrincipals)).sorted()
    return RuleHit(
      evidence:
        "async invokers \(services.joined(separator: ",")); DeadLetterConfig.TargetArn absent; no on-failure destination"
    )
  }
}

/// WARD-MON-003: no DLQ or on-failure destination on a function with no known async source.
struct NoFailureTargetRule: Rule {
  let entry = RuleEntry(
    id: "WARD-MON-003", category: .monitoring, severity: .low, severityNote: Hygiene.note(),
    title: "No DLQ or on-failure destination",
    rationale:
      "Any asynchronous invocation (from a source Ward has not seen, or added later) that keeps failing is dropped without a record. WARD-MON-002 covers functions with known asynchronous invokers.",
    remediation: "Configure an on-failure destination or a dead-letter queue.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.inventory.asynchronousInvokers.isEmpty, !s.inventory.hasAsyncFailureTarget else {
      return nil
    }
    return RuleHit(
      evidence: "DeadLetterConfig.TargetArn absent; no on-failure destination"
        + Hygiene.exposureNote(s), severity: Hygiene.severity(s))
  }
}

/// WARD-MON-004: a stream mapping that retries forever with no on-failure destination.
struct StreamNoFailureTargetRule: Rule {
  static let streamServices: Set<String> = ["kinesis", "dynamodb", "kafka"]
  let entry = RuleEntry(
    id: "WARD-MON-004", category: .monitoring, severity: .low,
    title: "Stream trigger retries forever with no on-failure destination",
    rationale:
      "A Kinesis, DynamoDB or Kafka mapping with unlimited retries and no on-failure destination blocks the shard on one bad record (a poison-pill event stalls processing) and discards it without trace when it expires.",
    remediation:
      "Set MaximumRetryAttempts, BisectBatchOnFunctionError and an on-failure destination on the mapping."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let bad = s.inventory.triggers.filter { t in
      Self.streamServices.contains(t.sourceService) && t.onFailureDestination == nil
        && (t.maximumRetryAttempts == nil || t.maximumRetryAttempts == -1)
    }
    guard !bad.isEmpty else { return nil }
    return RuleHit(
      evidence: bad.map {
        "mapping \($0.id): \($0.sourceArn) MaximumRetryAttempts=\($0.maximumRetryAttempts.map(String.init) ?? "unset") no on-failure destination"
      }.joined(separator: "; "))
  }
}
