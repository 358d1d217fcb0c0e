import Foundation
import Yams

/// Why a theme file was rejected: the file, the key path inside it and the reason.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var key: String
  public var reason: String
  public init(file: String, key: String, reason: String) {
    self.file = file
    self.key = key
    self.reason = reason
  }
  public var description: String {
    key.isEmpty ? "\(file): \(reason)" : "\(file): \(key): \(reason)"
  }
}

extension Theme {
  /// Loads a theme file. Errors name the file, the key and the reason.
  public static func load(contentsOf url: URL) throws(ThemeError) -> Theme {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ThemeError(file: url.path, key: "", reason: "cannot read file (\(error))")
    }
    return try parse(yaml: text, file: url.path)
  }

  /// Finds `<name>.yaml` in the first of `directories` that has it and loads it.
  public static func load(named name: String, in directories: [URL]) throws(ThemeError) -> Theme {
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
      throw ThemeError(file: name, key: "", reason: "theme names use letters, digits, - and _")
    }
    for directory in directories {
      let url = directory.appendingPathComponent(name + ".yaml")
      if FileManager.default.fileExists(atPath: url.path) { return try load(contentsOf: url) }
    }
    throw ThemeError(
      file: name + ".yaml", key: "",
      reason: "not found in " + directories.map(\.path).joined(separator: ", "))
  }

  /// Parses theme YAML (schema at the top of `themes/default.yaml`). `file` names the source
  /// in errors.
  public static func parse(yaml: String, file: String) throws(ThemeError) -> Theme {
    let root: Any?
    do {
      root = try Yams.load(yaml: yaml)
    } catch {
      throw ThemeError(file: file, key: "", reason: "not valid YAML: \(error)")
    }
    guard let top = root as? [String: Any] else {
      throw ThemeError(file: file, key: "", reason: "expected a mapping with `name` and `roles`")
    }
    for key in top.keys where !["name", "description", "roles"].contains(key) {
      throw ThemeError(
        file: file, key: key, reason: "unknown key (expected name, description, roles)")
    }
    guard let name = top["name"] as? String, !name.isEmpty else {
      throw ThemeError(file: file, key: "name", reason: "missing or not a string")
    }
    guard let roles = top["roles"] as? [String: Any] else {
      throw ThemeError(file: file, key: "roles", reason: "missing or not a mapping of role: entry")
    }
    var entries: [Role: ThemeEntry] = [:]
    for roleName in roles.keys.sorted() {
      let path = "roles." + roleName
      guard let role = Role(rawValue: roleName) else {
        throw ThemeError(file: file, key: path, reason: "unknown role")
      }
      guard let fields = roles[roleName] as? [String: Any] else {
        throw ThemeError(file: file, key: path, reason: "expected a mapping of fg, bg, attrs, mono")
      }
      entries[role] = try entry(fields, path: path, file: file)
    }
    return Theme(name: name, entries: entries)
  }

  private static func entry(_ fields: [String: Any], path: String, file: String) throws(ThemeError)
    -> ThemeEntry
  {
    var entry = ThemeEntry()
    for key in fields.keys.sorted() {
      let value = fields[key]!
      let keyPath = path + "." + key
      switch key {
      case "fg": entry.fg = try paint(value, key: keyPath, file: file)
      case "bg": entry.bg = try paint(value, key: keyPath, file: file)
      case "attrs": entry.attributes = try attributes(value, key: keyPath, file: file)
      case "mono": entry.mono = try attributes(value, key: keyPath, file: file)
      default:
        throw ThemeError(
          file: file, key: keyPath, reason: "unknown key (expected fg, bg, attrs, mono)")
      }
    }
    return entry
  }

  private static func paint(_ value: Any, key: String, file: String) throws(ThemeError) -> Paint {
    let text: String
    if let n = value as? Int {
      text = String(n)
    } else if let s = value as? String {
      text = s
    } else {
      throw ThemeError(file: file, key: key, reason: "expected a colour, got \(value)")
    }
    if text.lowercased() == "default" { return .terminalDefault }
    guard let color = Color(parsing: text) else {
      throw ThemeError(
        file: file, key: key,
        reason:
          "bad colour `\(text)` (use #rrggbb, 0-255, a name like red or brightred, or default)")
    }
    return .color(color)
  }

  private static func attributes(_ value: Any, key: String, file: String) throws(ThemeError)
    -> TextAttributes
  {
    let names: [String]
    if let one = value as? String {
      names = [one]
    } else if let list = value as? [Any] {
      names = list.map { "\($0)" }
    } else {
      throw ThemeError(file: file, key: key, reason: "expected a list of attributes")
    }
    var result: TextAttributes = []
    for name in names {
      guard let attribute = TextAttributes(name: name) else {
        throw ThemeError(
          file: file, key: key,
          reason: "unknown attribute `\(name)` (use bold, dim, reverse, underline)")
      }
      result.formUnion(attribute)
    }
    return result
  }
}

extension Theme {
  /// Where to look for theme files, first match wins: `$WARD_THEMES_DIR`,
  /// `$XDG_CONFIG_HOME/ward/themes` (or `~/.config/ward/themes`), `<prefix>/share/ward/themes`
  /// next to the executable (`<prefix>/bin/ward`), then `./themes`.
  public static func searchDirectories(env: [String: String], executablePath: String?) -> [URL] {
    var result: [URL] = []
    if let dir = env["WARD_THEMES_DIR"], !dir.isEmpty { result.append(URL(fileURLWithPath: dir)) }
    if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty {
      result.append(URL(fileURLWithPath: xdg).appendingPathComponent("ward/themes"))
    } else if let home = env["HOME"], !home.isEmpty {
      result.append(URL(fileURLWithPath: home).appendingPathComponent(".config/ward/themes"))
    }
    if let executablePath, !executablePath.isEmpty {
      let prefix = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
        .deletingLastPathComponent()
      result.append(prefix.appendingPathComponent("share/ward/themes"))
    }
    result.append(URL(fileURLWithPath: "themes"))
    return result
  }
}
