import WardModel

/// WARD-DEP-001: the runtime is deprecated or about to be, by the dated lifecycle table.
struct DeprecatedRuntimeRule: Rule {
  let entry = RuleEntry(
    id: "WARD-DEP-001", category: .dependencies, severity: .critical,
    severityNote:
      "low within 90 days of deprecation; medium once deprecated; high once creation is blocked; critical once updates are blocked",
    title: "Runtime deprecated or near end of support",
    rationale:
      "A deprecated runtime no longer receives security patches; once AWS blocks updates the function cannot even be patched in place. Dates come from the bundled lifecycle table (runtime-lifecycle.json). Container images are skipped: their runtime is inside the image.",
    remediation: "Move to the successor runtime named in the evidence, test, and redeploy.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.function.packageType?.lowercased() != "image", let runtime = s.function.runtime,
      let stage = s.context.lifecycle.stage(of: runtime, at: s.context.now),
      let e = s.context.lifecycle.entry(for: runtime)
    else { return nil }
    let severity: Severity
    let what: String
    switch stage {
    case .supported: return nil
    case .deprecationSoon: (severity, what) = (.low, "deprecated on")
    case .deprecated: (severity, what) = (.medium, "deprecated since")
    case .createBlocked: (severity, what) = (.high, "create blocked since")
    case .updateBlocked: (severity, what) = (.critical, "update blocked since")
    }
    let date: EpochSeconds? =
      switch stage {
      case .updateBlocked: e.blockUpdate
      case .createBlocked: e.blockCreate
      default: e.deprecated
      }
    return RuleHit(
      evidence:
        "Runtime=\(runtime): \(what) \(date.map(UTC.date) ?? "?")"
        + (e.successor.map { "; successor \($0)" } ?? ""),
      severity: severity)
  }
}

/// WARD-DEP-002: a layer published by an account no tenant owns.
struct ExternalLayerRule: Rule {
  let entry = RuleEntry(
    id: "WARD-DEP-002", category: .dependencies, severity: .high,
    title: "Layer from an account outside the tenant",
    rationale:
      "A layer's code runs inside the function with its role and sees every event; a layer published by an account outside the estate is third-party code the tenant does not control (the publisher can publish new versions). Another tenant's layers are WARD-XTN-005.",
    remediation:
      "Vendor the layer into the tenant's own account (or the package), pin versions, and review the publisher."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let outside = s.function.layers.filter { l in
      guard let a = l.account, !a.isEmpty else { return false }
      return s.relation(of: a) == .unknown
    }
    guard !outside.isEmpty else { return nil }
    return RuleHit(evidence: outside.map { "layer \($0.arn)" }.joined(separator: "; "))
  }
}

/// WARD-DEP-003: no code signing.
struct NoCodeSigningRule: Rule {
  let entry = RuleEntry(
    id: "WARD-DEP-003", category: .dependencies, severity: .low, severityNote: Hygiene.note(),
    title: "No code signing configuration",
    rationale:
      "Without a code signing config Lambda accepts any zip a principal with UpdateFunctionCode uploads; signing ties deployments to trusted publishers. Container images are skipped (signing does not apply), and so are functions whose code-signing config was not collected (unknown is not absent).",
    remediation:
      "Create a Signer profile and a code signing config with enforcement, and attach it.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.function.packageType?.lowercased() != "image", s.function.codeSigningKnown,
      s.function.codeSigningConfigArn == nil
    else { return nil }
    return RuleHit(
      evidence: "get-function-code-signing-config: no CodeSigningConfigArn"
        + Hygiene.exposureNote(s), severity: Hygiene.severity(s))
  }
}

/// WARD-DEP-004: a runtime the lifecycle table does not know.
struct UnknownRuntimeRule: Rule {
  let entry = RuleEntry(
    id: "WARD-DEP-004", category: .dependencies, severity: .info,
    title: "Runtime not in the lifecycle table",
    rationale:
      "Ward cannot tell whether this runtime is supported: either the table is out of date or the runtime id is unusual.",
    remediation: "Check the runtime against AWS's runtime page and update runtime-lifecycle.json.")

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    guard s.function.packageType?.lowercased() != "image", let runtime = s.function.runtime,
      s.context.lifecycle.entry(for: runtime) == nil
    else { return nil }
    return RuleHit(evidence: "Runtime=\(runtime) not in runtime-lifecycle.json")
  }
}
