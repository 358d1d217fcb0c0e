import WardModel

/// Bounds on what one input file may make Ward hold, so hostile or broken input is refused
/// with a reason instead of exhausting memory or disk (docs/formats.md, "Limits").
public enum ImportLimits {
  /// A file's content, after gzip inflation: 512 MiB.
  public static let contentBytes = 512 << 20
  /// A text (non-JSON) file: tenants YAML or saved CLI error text, 16 MiB.
  public static let textBytes = 16 << 20
  /// One JSON string value (a title, a description, a policy document): 1 MiB.
  public static let stringBytes = 1 << 20
  /// Names and identifiers (function names, ARNs, ids): 2 KiB (AWS allows at most 64
  /// characters for a function name and about 200 for its ARN).
  public static let identifierBytes = 2 << 10
  /// Records (functions, findings, metric hours, cost rows...) in one file: 5 million.
  public static let recordsPerFile = 5_000_000
  /// The hours one function's series in one metric file may span: 455 days (CloudWatch
  /// keeps hourly data for 15 months). Ward fills every hour in between.
  public static let metricSpanHours: Int64 = 455 * 24
}

/// The values Ward accepts from imported data (docs/formats.md, "Value domains"). Anything
/// outside is refused with the file, its JSON path and the reason, never stored.
public enum ValueDomain {
  /// Timestamps: 2000-01-01T00:00:00Z up to, not including, 2100-01-01.
  public static let times: Range<EpochSeconds> = 946_684_800..<4_102_444_800
  /// Metric values (counts, milliseconds, concurrency): finite, 0 to 10^15.
  public static let measurements: ClosedRange<Double> = 0...1e15
  /// Daily cost amounts: finite, 0 to 10^12 in the file's currency.
  public static let amounts: ClosedRange<Double> = 0...1e12
  /// Lambda's documented bounds: memory 128–10,240 MB, timeout 1–900 s.
  public static let memoryMB: ClosedRange<Int> = 128...10_240
  public static let timeoutSeconds: ClosedRange<Int> = 1...900
}

extension JSONValue {
  /// The number, which must lie in `domain`; `what` names it in the error.
  func double(in domain: ClosedRange<Double>, _ what: String) throws -> Double {
    let value = try double()
    guard value.isFinite, domain.contains(value) else {
      throw failure(
        "\(what) \(value) is out of range (Ward accepts \(domain.lowerBound) to \(domain.upperBound))"
      )
    }
    return value
  }

  /// The whole number under `key`, if present, which must lie in `domain`.
  func int(_ key: String, in domain: ClosedRange<Int>) throws -> Int? {
    guard let value = try present(key) else { return nil }
    guard let number = try? value.double(), number.isFinite,
      number >= Double(domain.lowerBound), number <= Double(domain.upperBound),
      number == number.rounded()
    else {
      if value.kind != .number { _ = try value.int() }
      throw value.failure(
        "\(key) \(try value.double()) is out of range (\(domain.lowerBound) to \(domain.upperBound))"
      )
    }
    return Int(number)
  }
}
