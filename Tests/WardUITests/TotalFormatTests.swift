import Testing
import WardUI

/// The formatters and bar widgets are total: a metric value of `1e31` in one imported file
/// used to trap in `Format.count`'s Double→Int conversion and crash every console that
/// showed its tenant.
@Suite struct TotalFormatTests {
  static let hostile: [Double] = [
    1e31, -1e31, .infinity, -.infinity, .nan, .greatestFiniteMagnitude,
    -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 9.3e18, -9.3e18, 1e300, 999.5e15,
    Double(Int.max), Double(Int.min), 0, -0.0,
  ]

  @Test(arguments: hostile)
  func everyFormatterPrintsSomething(value: Double) {
    for text in [
      Format.count(value), Format.duration(milliseconds: value), Format.money(value),
      Format.percent(value),
    ] {
      #expect(!text.isEmpty)
      #expect(text.count <= 12, "\(value) → \(text)")
    }
  }

  @Test func largeValuesReadRight() {
    #expect(Format.count(1e31) == "1.0e31")
    #expect(Format.count(-2.5e21) == "-2.5e21")
    #expect(Format.count(3.4e15) == "3.4P")
    #expect(Format.count(.infinity) == "inf")
    #expect(Format.money(-.infinity) == "-$inf")
    #expect(Format.duration(milliseconds: .infinity) == "inf")
    #expect(Format.percent(1e300).hasSuffix("%"))
  }

  @Test(arguments: hostile)
  func sparklinesAndBarsNeverTrap(value: Double) {
    let spark = Sparkline(values: [value, 1, -value, 0, .greatestFiniteMagnitude])
    #expect(spark.text(width: 5, glyphs: .unicode).count == 5)
    _ = Bars.bar(value: value, maximum: 10, width: 8, glyphs: .unicode)
    _ = Bars.bar(value: 5, maximum: value, width: 8, glyphs: .unicode)
  }
}
