extension TriageState {
  /// The states a word names, as the console's `state:` token and the CLI's `--state` read
  /// it: `open` (new, acknowledged, in-progress), `closed` (the others), `all`, or one state
  /// id; nil for any other word.
  public static func states(named word: String) -> Set<TriageState>? {
    switch word.lowercased() {
    case "open": return Set(allCases.filter(\.isOpen))
    case "closed": return Set(allCases.filter { !$0.isOpen })
    case "all": return Set(allCases)
    default: return TriageState(rawValue: word.lowercased()).map { [$0] }
    }
  }
}
