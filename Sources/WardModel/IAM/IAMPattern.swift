/// IAM wildcard patterns (`*` any run of characters, `?` any one character): matching,
/// and the two set questions the permission evaluator asks of a pair of patterns.
///
/// Actions compare case-insensitively (IAM action names are), resources exactly.
public enum IAMPattern {
  /// Whether `value` (a literal) matches `pattern`.
  public static func matches(_ pattern: String, _ value: String, caseInsensitive: Bool) -> Bool {
    covers(pattern, literal(value), caseInsensitive: caseInsensitive)
  }

  /// Whether every string `inner` matches also matches `outer` (`s3:*` covers `s3:Get*`,
  /// `*` covers everything, `s3:Get*` does not cover `s3:*`).
  public static func covers(_ outer: String, _ inner: String, caseInsensitive: Bool) -> Bool {
    let a = tokens(outer, caseInsensitive)
    let b = tokens(inner, caseInsensitive)
    var memo: [Int: Bool] = [:]
    // covered(i, j): a[i...] matches every string b[j...] matches. A `*` of `inner` can only
    // be absorbed by a `*` of `outer`; a `?` of `inner` by a `?` or `*` of `outer`.
    func covered(_ i: Int, _ j: Int) -> Bool {
      let key = i * (b.count + 1) + j
      if let known = memo[key] { return known }
      let result: Bool
      if i == a.count {
        result = j == b.count
      } else if a[i] == .star {
        result = covered(i + 1, j) || (j < b.count && covered(i, j + 1))
      } else if j == b.count || b[j] == .star {
        result = false
      } else if a[i] == .one {
        result = covered(i + 1, j + 1)
      } else {
        result = a[i] == b[j] && covered(i + 1, j + 1)
      }
      memo[key] = result
      return result
    }
    return covered(0, 0)
  }

  /// Whether some string matches both patterns (`s3:Get*` and `s3:*Object` overlap).
  public static func overlaps(_ x: String, _ y: String, caseInsensitive: Bool) -> Bool {
    let a = tokens(x, caseInsensitive)
    let b = tokens(y, caseInsensitive)
    var memo: [Int: Bool] = [:]
    func meet(_ i: Int, _ j: Int) -> Bool {
      let key = i * (b.count + 1) + j
      if let known = memo[key] { return known }
      let result: Bool
      if i == a.count && j == b.count {
        result = true
      } else if i < a.count && a[i] == .star {
        result = meet(i + 1, j) || (j < b.count && meet(i, j + 1))
      } else if j < b.count && b[j] == .star {
        result = meet(i, j + 1) || (i < a.count && meet(i + 1, j))
      } else if i == a.count || j == b.count {
        result = false
      } else if a[i] == .one || b[j] == .one || a[i] == b[j] {
        result = meet(i + 1, j + 1)
      } else {
        result = false
      }
      memo[key] = result
      return result
    }
    return meet(0, 0)
  }

  /// A pattern for the strings both match: the narrower one when one covers the other;
  /// when they only partly overlap, the one with fewer wildcards (an over-approximation);
  /// nil when nothing matches both.
  public static func intersection(_ x: String, _ y: String, caseInsensitive: Bool) -> String? {
    if covers(x, y, caseInsensitive: caseInsensitive) { return y }
    if covers(y, x, caseInsensitive: caseInsensitive) { return x }
    guard overlaps(x, y, caseInsensitive: caseInsensitive) else { return nil }
    return wildcards(x) <= wildcards(y) ? x : y
  }

  enum Token: Hashable {
    case star, one
    case char(Character)
  }

  static func tokens(_ pattern: String, _ caseInsensitive: Bool) -> [Token] {
    let text = caseInsensitive ? pattern.lowercased() : pattern
    return text.map { c in c == "*" ? .star : c == "?" ? .one : .char(c) }
  }

  /// `value` as a pattern that matches only itself (its `*` and `?` are literal).
  static func literal(_ value: String) -> String {
    // A private-use scalar stands in for a literal wildcard: it matches only itself.
    String(value.map { $0 == "*" ? "\u{F8FF}" : $0 == "?" ? "\u{F8FE}" : $0 })
  }

  static func wildcards(_ pattern: String) -> Int {
    pattern.filter { $0 == "*" || $0 == "?" }.count
  }
}
