import WardModel

/// The overview's posture score.
///
/// `score = round(100 / (1 + W / F / 10))` where W weighs open findings (critical 10,
/// high 5, medium 2, low 1, info 0) and F is the tenant's function count (at least 1).
/// 100 means no open findings; 50 means 10 weighted points per function (e.g. two highs
/// each); it approaches 0 as findings pile up and never goes negative, so tenants of
/// different sizes compare fairly.
public enum PostureScore {
  /// Weight of one open finding of `severity`.
  public static func weight(_ severity: Severity) -> Double {
    switch severity {
    case .critical: 10
    case .high: 5
    case .medium: 2
    case .low: 1
    case .info: 0
    }
  }

  /// The score for open findings `bySeverity` over `functions` functions.
  public static func score(openBySeverity: [Severity: Int], functions: Int) -> Int {
    let weighted = openBySeverity.reduce(0.0) { $0 + weight($1.key) * Double($1.value) }
    let perFunction = weighted / Double(max(1, functions))
    return Int((100 / (1 + perFunction / 10)).rounded())
  }
}
