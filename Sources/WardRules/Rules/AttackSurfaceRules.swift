import WardModel

/// WARD-ATS-001: an event source mapping that reads from an account no tenant owns.
struct UnknownAccountTriggerRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-001", category: .attackSurface, severity: .high,
    title: "Event source in an account outside the tenant",
    rationale:
      "A queue, stream or table in an account that belongs to no known tenant feeds events into the function: whoever controls that account controls the function's input. (Sources in another tenant's account are WARD-XTN-004.)",
    remediation:
      "Confirm the source account is trusted and record it as a tenant account, or move the source into the tenant's account."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let outside = s.inventory.triggers.filter { t in
      guard let a = t.sourceAccount else { return false }
      return s.relation(of: a) == .unknown
    }
    guard !outside.isEmpty else { return nil }
    return RuleHit(
      evidence: outside.map {
        "mapping \($0.id): source \($0.sourceArn) (account \($0.sourceAccount ?? "?"))"
      }
      .joined(separator: "; "))
  }
}

/// WARD-ATS-002: a policy that names an account no tenant owns.
struct UnknownAccountPrincipalRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-002", category: .attackSurface, severity: .high,
    title: "Resource policy trusts an account outside the tenant",
    rationale:
      "An account principal or SourceAccount condition naming an account that belongs to no known tenant lets that account (or its resources) invoke the function. (Another tenant's account is WARD-XTN-003.)",
    remediation: "Remove the permission or confirm the account and record it under the tenant.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    var hits: [String] = []
    for st in s.inventory.allowStatements {
      let accounts = st.principalAccounts + [st.sourceAccount].compactMap { $0 }
      for a in Set(accounts).sorted() where s.relation(of: a) == .unknown {
        hits.append("account \(a) in \(st.evidenceText)")
      }
    }
    return .listing(hits)
  }
}

/// WARD-ATS-003: a bucket, topic or queue principal not pinned to an account.
struct UnpinnedNotificationSourceRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-003", category: .attackSurface, severity: .high,
    title: "Bucket, topic or queue trigger not pinned to an account",
    rationale:
      "An s3, sns or sqs service principal with no aws:SourceAccount, and no SourceArn that names an account, accepts events from a bucket, topic or queue in any account: bucket ARNs carry no account, so a deleted bucket's name can be re-created by anyone (Security Hub Lambda.1 fails S3 invokes without SourceAccount).",
    remediation: "Add an aws:SourceAccount condition with the owning account to the permission.")

  private static let services: Set<String> = [
    "s3.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com",
  ]

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let loose = s.inventory.allowStatements.filter { st in
      guard st.principals.contains(where: { Self.services.contains($0) }) else { return false }
      guard st.sourceAccount == nil, st.principalOrgId == nil else { return false }
      let arnAccount = st.sourceArn.flatMap { ARN($0)?.account } ?? ""
      return arnAccount.isEmpty
    }
    guard !loose.isEmpty else { return nil }
    return RuleHit(evidence: loose.map(\.evidenceText).joined(separator: "; "))
  }
}

/// WARD-ATS-004: more event sources than one function should need.
struct ManyEventSourcesRule: Rule {
  /// Event sources at or above which the rule fires.
  static let threshold = 5
  let entry = RuleEntry(
    id: "WARD-ATS-004", category: .attackSurface, severity: .low,
    title: "Function has many event sources",
    rationale:
      "Every event source is an input path with its own format and trust level; a function fed by many sources is harder to validate and to reason about.",
    remediation: "Split the function per source, or remove mappings and permissions no longer used."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let sources = s.inventory.eventSourceDescriptions
    guard sources.count >= Self.threshold else { return nil }
    return RuleHit(
      evidence: "\(sources.count) event sources (threshold \(Self.threshold)): "
        + sources.joined(separator: "; "))
  }
}

/// WARD-ATS-005: not attached to a VPC (parity with Prowler / Security Hub Lambda.3).
struct OutsideVPCRule: Rule {
  let entry = RuleEntry(
    id: "WARD-ATS-005", category: .attackSurface, severity: .low, severityNote: Hygiene.note(),
    title: "Function is not attached to a VPC",
    rationale:
      "Outside a VPC the function reaches the internet and AWS APIs directly; its egress cannot be filtered by security groups, NACLs or VPC endpoints policies.",
    remediation:
      "Attach the function to private subnets in at least two AZs with VPC endpoints, where it reaches private resources or needs egress control."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let vpc = s.function.vpcId ?? ""
    guard vpc.isEmpty else { return nil }
    return RuleHit(
      evidence: "VpcConfig.VpcId empty" + Hygiene.exposureNote(s), severity: Hygiene.severity(s))
  }
}
