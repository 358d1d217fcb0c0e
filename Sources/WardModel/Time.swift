/// Seconds since 1970-01-01T00:00:00Z. Ward stores and compares every instant as this.
public typealias EpochSeconds = Int64

/// Calendar arithmetic on UTC instants without Foundation.
public enum UTC {
  /// Seconds in an hour.
  public static let hour: EpochSeconds = 3600
  /// Seconds in a day.
  public static let day: EpochSeconds = 86_400

  /// The start of the hour containing `t`.
  public static func hourFloor(_ t: EpochSeconds) -> EpochSeconds { floorDiv(t, hour) * hour }
  /// The start of the UTC day containing `t`.
  public static func dayFloor(_ t: EpochSeconds) -> EpochSeconds { floorDiv(t, day) * day }

  /// Days since the epoch for a civil date (proleptic Gregorian), after H. Hinnant.
  public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil date of a day count since the epoch.
  public static func civil(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
  }

  /// Formats as `2026-11-29T15:04:05Z`.
  public static func iso8601(_ t: EpochSeconds) -> String {
    let days = floorDiv(t, day)
    let secs = t - days * day
    let (y, m, d) = civil(fromDays: days)
    return
      "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(Int(secs / 3600), 2)):\(pad(Int(secs / 60 % 60), 2)):\(pad(Int(secs % 60), 2))Z"
  }

  /// Formats the date part only: `2026-11-29`.
  public static func date(_ t: EpochSeconds) -> String {
    let (y, m, d) = civil(fromDays: floorDiv(t, day))
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// Parses the ISO 8601 and RFC 3339 forms AWS and scanners print:
  /// `2025-06-01`, `2025-06-01T01:00:00Z`, `2025-06-01T01:00:00+00:00`,
  /// `2025-10-01T19:40:41.643+0000`, `2020-08-06T02:18:23.076Z`, and a space instead of `T`.
  /// Returns nil when the text is not such a timestamp.
  public static func parse(_ text: some StringProtocol) -> EpochSeconds? {
    var copy = String(text)
    return copy.withUTF8 { parse(utf8: $0) }
  }

  /// `parse(_:)` over UTF-8 bytes, for readers that hold the bytes already (no String).
  public static func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> EpochSeconds? {
    var i = 0
    func digits(_ n: Int) -> Int? {
      guard i + n <= b.count else { return nil }
      var v = 0
      for k in 0..<n {
        let c = b[i + k]
        guard c >= 48 && c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      i += n
      return v
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < b.count, b[i] == c else { return false }
      i += 1
      return true
    }
    guard let y = digits(4), expect(45), let mo = digits(2), expect(45), let d = digits(2) else {
      return nil
    }
    guard (1...12).contains(mo), (1...31).contains(d) else { return nil }
    var t = daysFromCivil(year: y, month: mo, day: d) * day
    if i == b.count { return t }
    guard i < b.count, b[i] == 84 || b[i] == 116 || b[i] == 32 else { return nil }
    i += 1
    guard let h = digits(2), expect(58), let mi = digits(2) else { return nil }
    var s = 0
    if expect(58) {
      guard let sv = digits(2) else { return nil }
      s = sv
    }
    guard h < 24, mi < 60, s < 61 else { return nil }
    t += EpochSeconds(h * 3600 + mi * 60 + s)
    if i < b.count, b[i] == 46 {  // fraction: ignored (whole seconds)
      i += 1
      while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
    }
    if i == b.count { return t }
    if b[i] == 90 || b[i] == 122 {
      i += 1
      return i == b.count ? t : nil
    }
    guard b[i] == 43 || b[i] == 45 else { return nil }
    let sign: EpochSeconds = b[i] == 43 ? 1 : -1
    i += 1
    guard let oh = digits(2) else { return nil }
    _ = expect(58)
    guard let om = digits(2), i == b.count else { return nil }
    return t - sign * EpochSeconds(oh * 3600 + om * 60)
  }

  private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  private static func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}
