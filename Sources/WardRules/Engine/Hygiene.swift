import WardModel

/// Fleet-wide hygiene (tracing, VPC, code signing, DLQ, log retention, customer KMS key)
/// fires on most functions of most accounts. So that it never drowns the real problems, its
/// severity follows the function's exposure: one step lower on a function nobody outside
/// can reach than on one anyone can invoke or feed (docs/rules.md, "Hygiene").
enum Hygiene {
  /// The severity of a hygiene hit: `exposed` when outsiders can reach the function,
  /// one step lower (`info` at the bottom) when they cannot.
  static func severity(_ s: RuleSubject, exposed: Severity = .low) -> Severity {
    s.inventory.isExposed ? exposed : exposed.oneLower
  }

  /// The catalogue's severity note for a hygiene rule whose exposed severity is `exposed`.
  static func note(exposed: Severity = .low) -> String {
    "\(exposed.oneLower.rawValue) on a function nobody outside can reach; \(exposed.rawValue) when it is exposed (a public URL or policy, an API route with no authorizer, or a trigger source anyone can write to)"
  }

  /// ` (exposed: …)` for evidence, empty when the function is not exposed.
  static func exposureNote(_ s: RuleSubject) -> String {
    let why =
      s.inventory.anyoneCanInvoke.first
      ?? s.inventory.openTriggerSources.first.map { "trigger source \($0.sourceArn) is public" }
    return why.map { "; exposed: \($0)" } ?? ""
  }
}

extension Severity {
  /// The next lower severity (`info` stays `info`).
  var oneLower: Severity {
    switch self {
    case .critical: .high
    case .high: .medium
    case .medium: .low
    case .low, .info: .info
    }
  }
}
