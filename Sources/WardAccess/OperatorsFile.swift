import Foundation
import WardModel
import Yams

/// One operator entry of the operators file.
public struct OperatorEntry: Sendable, Hashable {
  public var name: String
  /// Public key fingerprints as `ssh-keygen -lf` prints them (`SHA256:...`).
  public var keys: [String]
  /// Login names, used when no key fingerprint is available.
  public var users: [String]
  public var role: Role
  public var scope: TenantScope
  /// Optional console defaults.
  public var theme: String?
  public var color: String?
  public var ascii: Bool?

  public init(
    name: String, keys: [String] = [], users: [String] = [], role: Role,
    scope: TenantScope, theme: String? = nil, color: String? = nil, ascii: Bool? = nil
  ) {
    self.name = name
    self.keys = keys
    self.users = users
    self.role = role
    self.scope = scope
    self.theme = theme
    self.color = color
    self.ascii = ascii
  }
}

/// The operators file (`--operators PATH`, `$WARD_OPERATORS`, `/etc/ward/operators.yaml`):
/// who may use the console over SSH, with which role and tenant scope.
public struct OperatorsFile: Sendable, Hashable {
  public var operators: [OperatorEntry]
  /// Idle timeout for console sessions, in seconds (default 30 minutes).
  public var idleTimeoutSeconds: Int

  /// The default path when neither the option nor the environment names one.
  public static let defaultPath = "/etc/ward/operators.yaml"

  public init(operators: [OperatorEntry], idleTimeoutSeconds: Int = 1800) {
    self.operators = operators
    self.idleTimeoutSeconds = idleTimeoutSeconds
  }

  /// Resolves the file's path from the option, then `WARD_OPERATORS`, then the default.
  public static func path(option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let env = environment["WARD_OPERATORS"], !env.isEmpty { return env }
    return defaultPath
  }

  /// Reads and validates the file. With `strictModes`, refuses a file writable by group or
  /// others, or owned by anyone but root or `ownerUID` (sshd's StrictModes rule).
  public static func load(path: String, strictModes: Bool, ownerUID: UInt32) throws(AccessError)
    -> OperatorsFile
  {
    var st = stat()
    guard stat(path, &st) == 0 else {
      throw AccessError(
        path: path, reason: "cannot read the operators file: \(String(cString: strerror(errno)))")
    }
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      throw AccessError(path: path, reason: "not a regular file")
    }
    if strictModes {
      try checkDirectories(above: path, ownerUID: ownerUID)
      try checkStrictModes(st, of: nil, path: path, ownerUID: ownerUID)
    }
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw AccessError(path: path, reason: "cannot read the operators file as UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// Parses the YAML text; errors name the operator entry and the field.
  public static func parse(_ text: String, path: String) throws(AccessError) -> OperatorsFile {
    let root: Any?
    do {
      root = try Yams.load(yaml: text)
    } catch {
      throw AccessError(path: path, reason: "not valid YAML: \(error)")
    }
    guard let top = root as? [String: Any], let list = top["operators"] as? [Any] else {
      throw AccessError(path: path, reason: "expected a top-level `operators:` list")
    }
    var idle = 1800
    if let minutes = top["idle_timeout_minutes"] {
      guard let m = minutes as? Int, m > 0 else {
        throw AccessError(
          path: path, reason: "idle_timeout_minutes: expected a positive whole number")
      }
      idle = m * 60
    }
    let lines = YAMLLines(text)
    var claimed = IdentityClaims(path: path)
    var entries: [OperatorEntry] = []
    var seen = Set<String>()
    for (i, item) in list.enumerated() {
      let place = "operators[\(i)]"
      guard let map = item as? [String: Any] else {
        throw AccessError(path: path, reason: "\(place): expected a mapping")
      }
      guard let name = map["name"] as? String, !name.isEmpty else {
        throw AccessError(path: path, reason: "\(place).name: required")
      }
      guard seen.insert(name).inserted else {
        throw AccessError(path: path, reason: "\(place).name: duplicate operator \(name)")
      }
      func strings(_ key: String) throws(AccessError) -> [String] {
        guard let v = map[key] else { return [] }
        if let s = v as? String { return [s] }
        guard let a = v as? [Any], a.allSatisfy({ $0 is String }) else {
          throw AccessError(path: path, reason: "\(place).\(key): expected a list of strings")
        }
        return a.map { $0 as! String }
      }
      let keys = try strings("keys")
      for k in keys where !k.hasPrefix("SHA256:") {
        throw AccessError(
          path: path,
          reason:
            "\(place).keys: \(k) is not a SHA256 fingerprint (ssh-keygen -lf prints SHA256:...)")
      }
      let users = try strings("users")
      for (k, key) in keys.enumerated() {
        try claimed.claim(
          "key \(key)", by: name, line: lines.line(operator: i, field: "keys", item: k))
      }
      for (u, user) in users.enumerated() {
        try claimed.claim(
          "user \(user)", by: name, line: lines.line(operator: i, field: "users", item: u))
      }
      if keys.isEmpty && users.isEmpty {
        throw AccessError(path: path, reason: "\(place): needs keys or users to identify \(name)")
      }
      let roleText = (map["role"] as? String) ?? "viewer"
      guard let role = Role(rawValue: roleText) else {
        throw AccessError(
          path: path, reason: "\(place).role: \(roleText) is not viewer, triager or admin")
      }
      let tenants = try strings("tenants")
      if tenants.isEmpty {
        throw AccessError(
          path: path, reason: "\(place).tenants: required (names or globs; \"*\" for all)")
      }
      // `color: 256` reads as a number in YAML; accept it as the text it is.
      let color = map["color"].map { "\($0)" }
      if map["color"] != nil {
        guard let color, Self.colorValues.contains(color) else {
          throw AccessError(
            path: path,
            reason: "\(place).color: expected one of \(Self.colorValues.joined(separator: ", "))")
        }
      }
      var ascii: Bool?
      if let a = map["ascii"] {
        guard let b = a as? Bool else {
          throw AccessError(path: path, reason: "\(place).ascii: expected true or false")
        }
        ascii = b
      }
      entries.append(
        OperatorEntry(
          name: name, keys: keys, users: users, role: role,
          scope: TenantScope(patterns: tenants.map(TenantPattern.init)),
          theme: map["theme"] as? String, color: color, ascii: ascii))
    }
    return OperatorsFile(operators: entries, idleTimeoutSeconds: idle)
  }

  /// sshd's StrictModes rule for every directory above the file: whoever can write one of
  /// them can replace the file.
  static func checkDirectories(above path: String, ownerUID: UInt32) throws(AccessError) {
    let absolute = PathText.absolute(
      path, workingDirectory: FileManager.default.currentDirectoryPath)
    var dir = PathText.parent(of: absolute)
    while true {
      var st = stat()
      guard stat(dir, &st) == 0 else {
        throw AccessError(
          path: path, reason: "cannot check directory \(dir): \(String(cString: strerror(errno)))")
      }
      try checkStrictModes(st, of: dir, path: path, ownerUID: ownerUID)
      if dir == "/" { return }
      dir = PathText.parent(of: dir)
    }
  }

  /// sshd's StrictModes rule for the file (`directory` nil) or one directory above it: not
  /// writable by group or others (a root-owned sticky directory such as /tmp excepted),
  /// owned by root or `ownerUID`.
  static func checkStrictModes(
    _ st: stat, of directory: String?, path: String, ownerUID: UInt32
  ) throws(AccessError) {
    let what = directory.map { "directory \($0) is " } ?? ""
    let stickyRootDirectory =
      directory != nil && st.st_mode & S_ISVTX != 0 && st.st_uid == 0
    if st.st_mode & (S_IWGRP | S_IWOTH) != 0 && !stickyRootDirectory {
      throw AccessError(
        path: path,
        reason:
          "\(what)writable by group or others (mode \(String(st.st_mode & 0o7777, radix: 8))); "
          + "run chmod go-w \(directory ?? path)")
    }
    if st.st_uid != 0 && st.st_uid != ownerUID {
      throw AccessError(
        path: path,
        reason:
          "\(what)owned by uid \(st.st_uid), not root or the user running Ward (uid \(ownerUID))")
    }
  }

  /// Accepted values of an entry's `color` (the console's `--color`). Over SSH, COLORTERM is
  /// normally not forwarded, so the depth comes from terminfo unless an entry overrides it.
  public static let colorValues = ["auto", "never", "16", "256", "truecolor"]

  /// The operator a key fingerprint belongs to, if any.
  public func operatorFor(keyFingerprint: String) -> OperatorEntry? {
    operators.first { $0.keys.contains(keyFingerprint) }
  }

  /// The operator a login name belongs to, if any.
  public func operatorFor(user: String) -> OperatorEntry? {
    operators.first { $0.users.contains(user) }
  }
}

/// A problem with the operators file or with who is connecting; one line, naming the file.
public struct AccessError: Error, Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }
}
