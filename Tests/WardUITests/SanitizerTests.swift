import Testing

@testable import WardUI

@Suite struct SanitizerTests {
  let unicode = TextSanitizer()
  let ascii = TextSanitizer(asciiOnly: true)

  /// No C0, DEL, C1 or bidi control may survive.
  func isInert(_ s: String) -> Bool {
    !s.unicodeScalars.contains { TextSanitizer.isControl($0) }
  }

  @Test func clearScreenSequenceIsNeutralised() {
    let out = unicode.sanitize("\u{1B}[2Jpwned")
    #expect(out == "␛[2Jpwned")
    #expect(isInert(out))
  }

  @Test func oscTitleWithBellIsNeutralised() {
    let out = unicode.sanitize("\u{1B}]0;evil title\u{07}name")
    #expect(out == "␛]0;evil title␇name")
    #expect(isInert(out))
  }

  @Test func csiColourAndCursorMoves() {
    let out = unicode.sanitize("\u{1B}[31mred\u{1B}[0m\u{1B}[10;10H")
    #expect(out == "␛[31mred␛[0m␛[10;10H")
  }

  @Test func c1CsiAndDelBecomeVisible() {
    let out = unicode.sanitize("a\u{9B}2Jb\u{7F}c\u{85}d")
    #expect(out == "a\u{FFFD}2Jb␡c\u{FFFD}d")
    #expect(isInert(out))
  }

  @Test func bidiOverridesAreNeutralised() {
    // "Trojan Source": RLO makes "exe.txt" look like "txt.exe".
    let hostile = "invoice\u{202E}txt.exe\u{202C}\u{2066}\u{2069}\u{200F}\u{061C}\u{2028}"
    let out = unicode.sanitize(hostile)
    #expect(out == "invoice⍰txt.exe⍰⍰⍰⍰⍰⍰")
    #expect(isInert(out))
  }

  @Test func tabNewlineAndCarriageReturn() {
    #expect(unicode.sanitize("a\tb\nc\rd\r\ne") == "a b␊c␍d␍␊e")
    #expect(ascii.sanitize("a\tb\nc") == "a b?c")
  }

  @Test func asciiModeUsesQuestionMarks() {
    let out = ascii.sanitize("\u{1B}[2J\u{9B}\u{202E}日x")
    #expect(out == "?[2J???x")
    #expect(out.unicodeScalars.allSatisfy { (0x20..<0x7F).contains($0.value) })
  }

  @Test func safeTextIsUnchanged() {
    let safe = "payments-api 日本 🔥 café"
    #expect(unicode.sanitize(safe) == safe)
  }

  @Test func everyControlScalarIsReplaced() {
    var all = ""
    for v in UInt32(0)...0x9F {
      all.unicodeScalars.append(Unicode.Scalar(v)!)
    }
    #expect(isInert(unicode.sanitize(all)))
    #expect(isInert(ascii.sanitize(all)))
  }

  @Test func canvasSanitisesEverything() {
    var canvas = Canvas(width: 30, height: 3)
    canvas.put(text: "\u{1B}]0;title\u{07}", at: Point(x: 0, y: 0))
    canvas.put(text: "x\u{9B}31m", at: Point(x: 0, y: 1))
    canvas.box(Rect(x: 0, y: 2, width: 30, height: 2), title: "\u{1B}[2J")
    for y in 0..<canvas.height {
      for x in 0..<canvas.width {
        #expect(canvas[x, y].grapheme.unicodeScalars.allSatisfy { !TextSanitizer.isControl($0) })
      }
    }
    #expect(canvas.lines()[0] == "␛]0;title␇")
    #expect(canvas.lines()[2].contains("␛[2J"))
  }
}
