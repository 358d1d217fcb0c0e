/// Exact counts for headers, positions, confirmations and CLI messages: `4,660`, never
/// `4.7k` (compact cells use `Format.count`).
public enum ExactCount {
  /// `n` with `,` between groups of three digits: `4660` → `4,660`, `-1234` → `-1,234`.
  public static func text(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }
}
