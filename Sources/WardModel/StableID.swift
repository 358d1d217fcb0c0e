/// Short, stable identifiers derived from a natural key.
///
/// Finding and alert ids must not change between imports or scans of the same thing,
/// and must be short enough to type (`ward triage prow-1f3a…`). FNV-1a 64 is stable
/// across platforms and releases (unlike `Hasher`) and has no collisions worth fearing
/// below billions of findings per prefix.
public enum StableID {
  /// `PREFIX-` followed by 16 hex digits of FNV-1a 64 over the parts joined by U+001F.
  public static func make(_ prefix: String, _ parts: [String]) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var first = true
    for part in parts {
      if !first {
        h ^= 0x1f
        h = h &* 0x0000_0100_0000_01b3
      }
      first = false
      for byte in part.utf8 {
        h ^= UInt64(byte)
        h = h &* 0x0000_0100_0000_01b3
      }
    }
    let hex = String(h, radix: 16)
    return "\(prefix)-\(String(repeating: "0", count: 16 - hex.count))\(hex)"
  }
}
