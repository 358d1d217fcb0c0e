/// Compact human formats for counts, durations and money. Deterministic and locale-free
/// (always `.` as decimal separator) so screens snapshot the same everywhere.
///
/// Every function is total: any `Double`, including NaN (`-`), infinities (`inf`) and
/// values beyond the named units (`1.2e21`), prints something and never traps.
public enum Format {
  /// `999`, `1.2k`, `12k`, `3.4M`, `5.6G`, `-1.2k`. One decimal below 10, none above.
  public static func count(_ value: Double) -> String {
    if value.isNaN { return "-" }
    let sign = value < 0 ? "-" : ""
    let magnitude = abs(value)
    if magnitude.isInfinite { return sign + "inf" }
    if magnitude >= 999.5e15 { return sign + scientific(magnitude) }
    if magnitude < 1000 {
      let rounded = magnitude.rounded()
      return magnitude == rounded || magnitude >= 100
        ? sign + String(Int(rounded)) : sign + oneDecimal(magnitude)
    }
    let units: [(scale: Double, suffix: String)] = [
      (1e3, "k"), (1e6, "M"), (1e9, "G"), (1e12, "T"), (1e15, "P"),
    ]
    var unit = units.lastIndex { magnitude >= $0.scale } ?? 0
    // 999.96k would print as "1000k": promote to the next unit instead.
    if (magnitude / units[unit].scale).rounded() >= 1000, unit + 1 < units.count { unit += 1 }
    return sign + compact(magnitude / units[unit].scale) + units[unit].suffix
  }

  /// Integer convenience for ``count(_:)-(Double)``.
  public static func count(_ value: Int) -> String { count(Double(value)) }

  /// `850µs`, `12ms`, `1.2s`, `45s`, `3m04s`, `2h05m`, `3d04h`, from milliseconds.
  public static func duration(milliseconds ms: Double) -> String {
    if ms.isNaN { return "-" }
    if ms < 0 { return "-" + duration(milliseconds: -ms) }
    if ms.isInfinite { return "inf" }
    // Beyond 99,999 days the day count itself goes compact (`1.2M d`).
    if ms >= 99_999.5 * 86_400_000 { return count(ms / 86_400_000) + "d" }
    if ms < 1 { return "\(Int((ms * 1000).rounded()))µs" }
    if ms < 1000 { return "\(Int(ms.rounded()))ms" }
    let seconds = ms / 1000
    if seconds < 10 { return oneDecimal(seconds) + "s" }
    if seconds < 60 { return "\(Int(seconds.rounded(.down)))s" }
    let total = Int(seconds.rounded(.down))
    if total < 3600 { return "\(total / 60)m" + twoDigits(total % 60) + "s" }
    if total < 86400 { return "\(total / 3600)h" + twoDigits(total % 3600 / 60) + "m" }
    return "\(total / 86400)d" + twoDigits(total % 86400 / 3600) + "h"
  }

  /// `$0.42`, `$12.34`, `$999`, `$1.2k`, `$3.4M`. Below $100 shows cents.
  public static func money(_ amount: Double, currencySymbol: String = "$") -> String {
    if amount.isNaN { return "-" }
    let sign = amount < 0 ? "-" : ""
    let magnitude = abs(amount)
    if magnitude < 100 {
      let cents = Int((magnitude * 100).rounded())
      return sign + currencySymbol + "\(cents / 100)." + twoDigits(cents % 100)
    }
    return sign + currencySymbol + count(magnitude)
  }

  /// `12.5%` with one decimal below 10%, whole numbers above.
  public static func percent(_ fraction: Double) -> String {
    if fraction.isNaN { return "-" }
    let p = fraction * 100
    if abs(p) >= 1e6 { return count(p) + "%" }
    return (abs(p) < 10 ? oneDecimal(p) : String(Int(p.rounded()))) + "%"
  }

  private static func compact(_ value: Double) -> String {
    value < 9.95 ? oneDecimal(value) : String(Int(value.rounded()))
  }

  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((abs(value) * 10).rounded())
    return (value < 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
  }

  /// `1.2e21`: a mantissa with one decimal and a power of ten, for finite values too large
  /// for the named units.
  private static func scientific(_ magnitude: Double) -> String {
    var exponent = Int(magnitude.exponent) * 30103 / 100000  // log10(2) ≈ 0.30103
    var mantissa = magnitude / pow10(exponent)
    while mantissa >= 9.95 {
      mantissa /= 10
      exponent += 1
    }
    while mantissa < 1 {
      mantissa *= 10
      exponent -= 1
    }
    return oneDecimal(mantissa) + "e\(exponent)"
  }

  /// 10 to the power `n` (|n| ≤ 400), by squaring; no Foundation.
  private static func pow10(_ n: Int) -> Double {
    var result = 1.0
    var base = 10.0
    var e = abs(n)
    while e > 0 {
      if e & 1 == 1 { result *= base }
      base *= base
      e >>= 1
    }
    return n < 0 ? 1 / result : result
  }

  private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
