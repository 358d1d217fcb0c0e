/// Path arithmetic on strings, total for every input.
///
/// Foundation's `NSString` path calls trap on some short strings (a bare `file.json`, `.`),
/// so Ward does its own: purely lexical, `/` as the separator, no file system access.
public enum PathText {
  /// The directory part of `path`: `a/b/c` → `a/b`, `c` → `.`, `/c` → `/`, `a/b/` → `a`,
  /// `/` → `/`, `` → `.`.
  public static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    if slash == trimmed.startIndex { return "/" }
    var head = trimmed[..<slash]
    while head.count > 1, head.hasSuffix("/") { head.removeLast() }
    return String(head)
  }

  /// `name` inside `directory`, with exactly one `/` between them.
  public static func join(_ directory: String, _ name: String) -> String {
    if directory.isEmpty { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// `path` made absolute against `workingDirectory` (when relative) and normalised:
  /// empty and `.` components dropped, `..` applied lexically (never above `/`), no
  /// trailing slash.
  public static func absolute(_ path: String, workingDirectory: String) -> String {
    let full = path.hasPrefix("/") ? path : join(workingDirectory, path)
    var parts: [Substring] = []
    for component in full.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(component)
      }
    }
    return "/" + parts.joined(separator: "/")
  }
}
