import Foundation

/// A parsed `:` command.
public enum ConsoleCommand: Sendable, Hashable {
  case screen(ScreenKind)
  case tenant(String)
  case theme(String)
  case quit
  case help
  /// Findings under a filter: `:expiring [14d]` is `expiring:14d`.
  case findings(filter: String)

  /// Every command word, for completion and the help screen.
  public static let words = [
    "overview", "tenants", "functions", "findings", "alerts", "costs", "changes", "expiring",
    "tenant",
    "theme",
    "help", "q", "quit",
  ]

  /// Parses the text after `:`; nil for an unknown command.
  public init?(parsing text: String) {
    let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
    guard let word = parts.first?.lowercased() else { return nil }
    let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    switch word {
    case "overview", "tenants", "o": self = .screen(.overview)
    case "functions", "fn", "f": self = .screen(.functions)
    case "findings": self = .screen(.findings)
    case "alerts": self = .screen(.alerts)
    case "costs", "cost": self = .screen(.costs)
    case "changes", "changed": self = .screen(.changes)
    case "help": self = .help
    case "expiring":
      let window = argument.isEmpty ? "14d" : argument
      guard FindingQuery.horizon(window.lowercased()) != nil else { return nil }
      self = .findings(filter: "expiring:" + window.lowercased())
    case "q", "quit": self = .quit
    case "tenant" where !argument.isEmpty: self = .tenant(argument)
    case "theme" where !argument.isEmpty: self = .theme(argument)
    default: return nil
    }
  }

  /// Completion candidates for the command line: command words, then `tenant NAME` and
  /// `theme NAME` for every known name.
  public static func suggestions(tenants: [String], themes: [String]) -> [String] {
    [
      "overview", "functions", "findings", "alerts", "costs", "changes", "expiring", "expiring 30d",
      "tenants",
      "help", "quit",
    ]
      + tenants.map { "tenant " + $0 } + themes.map { "theme " + $0 }
  }
}
