/// Shell-style wildcard matching, `*` any run and `?` one character, over the whole text
/// (case-sensitive): tenant globs in the operators file, IAM action patterns.
public enum Glob {
  /// Whether `pattern` matches all of `text`.
  public static func matches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.unicodeScalars)
    let s = Array(text.unicodeScalars)
    var pi = 0
    var si = 0
    var star = -1
    var mark = 0
    while si < s.count {
      if pi < p.count && (p[pi] == "?" || p[pi] == s[si]) {
        pi += 1
        si += 1
      } else if pi < p.count && p[pi] == "*" {
        star = pi
        mark = si
        pi += 1
      } else if star >= 0 {
        pi = star + 1
        mark += 1
        si = mark
      } else {
        return false
      }
    }
    while pi < p.count && p[pi] == "*" { pi += 1 }
    return pi == p.count
  }
}
