import Foundation
import WardUI

/// Finds theme files: `--themes-dir`, then WardUI's standard search
/// (``Theme/searchDirectories(env:executablePath:)``: `$WARD_THEMES_DIR`,
/// `$XDG_CONFIG_HOME/ward/themes`, `<prefix>/share/ward/themes`, `./themes`), then the
/// repository's `themes/` (found from this source file's path, for `swift run` and tests).
public struct ThemeLocator: Sendable, Hashable {
  /// Folders searched, first match wins.
  public var directories: [URL]

  public init(directories: [URL]) { self.directories = directories }

  /// The standard search order.
  public init(
    explicitDirectory: String? = nil, environment: [String: String] = [:],
    executablePath: String? = CommandLine.arguments.first, sourceFile: String? = nil
  ) {
    var dirs: [URL] = []
    if let explicitDirectory { dirs.append(URL(fileURLWithPath: explicitDirectory)) }
    dirs += Theme.searchDirectories(
      env: environment,
      executablePath: executablePath.map {
        URL(fileURLWithPath: $0).resolvingSymlinksInPath().path
      })
    // Sources/WardConsole/Runtime/ThemeLocator.swift -> repository root.
    let root = URL(fileURLWithPath: sourceFile ?? Self.thisFile).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    dirs.append(root.appendingPathComponent("themes"))
    directories = dirs.filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// This file, as compiled (a default argument would give the caller's path).
  private static let thisFile: String = #filePath

  /// The theme name to start with: `--theme`, then `$WARD_THEME`, then `default`.
  public static func initialName(option: String?, environment: [String: String]) -> String {
    if let option, !option.isEmpty { return option }
    if let env = environment["WARD_THEME"], !env.isEmpty { return env }
    return "default"
  }

  /// Theme names found in every folder, sorted, without duplicates.
  public func availableThemes() -> [String] {
    var names = Set<String>()
    for dir in directories {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
      for file in files where file.hasSuffix(".yaml") { names.insert(String(file.dropLast(5))) }
    }
    return names.sorted()
  }

  /// Loads a theme by name.
  public func load(_ name: String) throws(ThemeError) -> Theme {
    try Theme.load(named: name, in: directories)
  }

  /// Loads `name`, falling back to the built-in theme (with the error) if it fails.
  public func loadOrFallback(_ name: String) -> (Theme, ThemeError?) {
    do { return (try load(name), nil) } catch { return (.fallback, error) }
  }
}
