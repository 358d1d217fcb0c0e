/// The `s` / `S` keys of a list screen whose rows the store sorts by `Key`: one
/// mechanism for Findings, Functions and Alerts.
enum SortKeys {
  /// `s`: the next key after `key` (wrapping), in its natural direction (ascending for
  /// names, descending for counts and times), and the status line saying so; `S`: the same
  /// key the other way (nil: no status). The screen then reloads its first page.
  static func apply<Key: CaseIterable & Equatable & RawRepresentable>(
    _ action: ActionID, to key: inout Key, ascending: inout Bool,
    naturallyAscending: (Key) -> Bool
  ) -> String? where Key.RawValue == String {
    if action == .sortFlip {
      ascending.toggle()
      return nil
    }
    let all = Array(Key.allCases)
    key = all[((all.firstIndex(of: key) ?? -1) + 1) % all.count]
    ascending = naturallyAscending(key)
    return "sort: \(key.rawValue) \(ascending ? "ascending" : "descending")"
  }
}
