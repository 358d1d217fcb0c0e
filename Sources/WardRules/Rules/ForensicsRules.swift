import WardModel

/// WARD-FOR-001: logs expire before an investigation can use them.
struct ShortLogRetentionRule: Rule {
  /// Retention in days below which the rule fires.
  static let minimumDays = 90
  let entry = RuleEntry(
    id: "WARD-FOR-001", category: .forensics, severity: .medium,
    severityNote: Hygiene.note(exposed: .medium),
    title: "Log retention shorter than 90 days",
    rationale:
      "Functions leave no host to image: the log group is the main forensic record. Breaches are often found weeks later; logs kept under 90 days are gone by then.",
    remediation: "Set the log group's retention to at least 90 days (365 for regulated workloads).")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let days = s.function.logRetentionDays, days < Self.minimumDays else { return nil }
    return RuleHit(
      evidence:
        "log group \(s.function.logGroup ?? "/aws/lambda/\(s.function.name)"): retention \(days) d"
        + Hygiene.exposureNote(s), severity: Hygiene.severity(s, exposed: .medium))
  }
}

/// WARD-FOR-002: retention unset or unknown.
struct UnsetLogRetentionRule: Rule {
  let entry = RuleEntry(
    id: "WARD-FOR-002", category: .forensics, severity: .low, severityNote: Hygiene.note(),
    title: "Log retention unset or unknown",
    rationale:
      "With no retention policy the logs either never expire (no deliberate retention decision, unbounded cost) or the log group was not collected, so Ward cannot tell whether evidence survives.",
    remediation:
      "Set an explicit retention (at least 90 days) and include describe-log-groups in the collection."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.function.logRetentionDays == nil else { return nil }
    return RuleHit(
      evidence:
        "log group \(s.function.logGroup ?? "/aws/lambda/\(s.function.name)"): retention unset"
        + Hygiene.exposureNote(s), severity: Hygiene.severity(s))
  }
}

/// WARD-FOR-003: retention under a year (Prowler's default and CKV_AWS_338).
struct SubYearLogRetentionRule: Rule {
  static let yearDays = 365
  let entry = RuleEntry(
    id: "WARD-FOR-003", category: .forensics, severity: .info,
    title: "Log retention under one year",
    rationale:
      "Retention between 90 and 365 days meets Ward's floor but not the one-year retention Prowler and Checkov expect by default.",
    remediation: "Raise retention to 365 days where the workload's policy requires it.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard let days = s.function.logRetentionDays,
      days >= ShortLogRetentionRule.minimumDays, days < Self.yearDays
    else { return nil }
    return RuleHit(evidence: "retention \(days) d")
  }
}
