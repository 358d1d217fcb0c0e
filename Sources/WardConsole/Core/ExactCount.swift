/// Exact counts for headers, positions and confirmations: `4,660`, never `4.7k` (compact
/// cells use `Format.count`).
enum ExactCount {
  /// `n` with `,` between groups of three digits: `4660` → `4,660`, `-1234` → `-1,234`.
  static func text(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }
}

extension PagedList {
  /// `row 12 of 4,660` (`no rows` when the list is empty), for a list screen's title.
  public var positionText: String {
    total == 0 ? "no rows" : "row \(ExactCount.text(cursor + 1)) of \(ExactCount.text(total))"
  }
}
