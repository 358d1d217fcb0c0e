import Testing

@testable import WardUI

@Suite struct FormatTests {
  @Test func counts() {
    #expect(Format.count(0) == "0")
    #expect(Format.count(999) == "999")
    #expect(Format.count(1234) == "1.2k")
    #expect(Format.count(12_345) == "12k")
    #expect(Format.count(999_960) == "1.0M")
    #expect(Format.count(3_400_000) == "3.4M")
    #expect(Format.count(-1500) == "-1.5k")
    #expect(Format.count(2.5) == "2.5")
  }

  @Test func durations() {
    #expect(Format.duration(milliseconds: 0.85) == "850µs")
    #expect(Format.duration(milliseconds: 12.4) == "12ms")
    #expect(Format.duration(milliseconds: 1234) == "1.2s")
    #expect(Format.duration(milliseconds: 45_000) == "45s")
    #expect(Format.duration(milliseconds: 184_000) == "3m04s")
    #expect(Format.duration(milliseconds: 7_500_000) == "2h05m")
    #expect(Format.duration(milliseconds: 3 * 86_400_000 + 4 * 3_600_000) == "3d04h")
  }

  @Test func money() {
    #expect(Format.money(0.424) == "$0.42")
    #expect(Format.money(12.345) == "$12.35")
    #expect(Format.money(999) == "$999")
    #expect(Format.money(1234) == "$1.2k")
    #expect(Format.money(3_400_000) == "$3.4M")
  }

  @Test func truncateAndPad() {
    #expect(truncate("abcdef", to: 4) == "abc…")
    #expect(truncate("abc", to: 4) == "abc")
    #expect(truncate("日本語", to: 4) == "日…")
    #expect(truncate("abc", to: 0) == "")
    #expect(pad("ab", to: 4) == "ab  ")
    #expect(pad("ab", to: 4, alignment: .right) == "  ab")
    #expect(pad("ab", to: 5, alignment: .center) == " ab  ")
    #expect(displayWidth(pad("日本語です", to: 5)) == 5)
  }
}
