import Testing

@testable import WardUI

@Suite struct CanvasTests {
  @Test func putWritesAndTrimsTrailingSpaces() {
    var canvas = Canvas(width: 10, height: 2)
    let written = canvas.put(text: "hello", at: Point(x: 2, y: 1))
    #expect(written == 5)
    #expect(canvas.lines() == ["", "  hello"])
  }

  @Test func putClipsAtRightEdgeAndMaxWidth() {
    var canvas = Canvas(width: 6, height: 2)
    canvas.put(text: "abcdefghij", at: Point(x: 2, y: 0))
    canvas.put(text: "abcdefghij", at: Point(x: 0, y: 1), maxWidth: 3)
    #expect(canvas.lines() == ["  abcd", "abc"])
  }

  @Test func putOutsideRowsIsIgnored() {
    var canvas = Canvas(width: 4, height: 1)
    #expect(canvas.put(text: "x", at: Point(x: 0, y: 5)) == 0)
    #expect(canvas.put(text: "x", at: Point(x: 0, y: -1)) == 0)
    #expect(canvas.lines() == [""])
  }

  @Test func clippingOnTheLeft() {
    var canvas = Canvas(width: 4, height: 1)
    canvas.put(text: "abcdef", at: Point(x: -2, y: 0))
    #expect(canvas.lines() == ["cdef"])
  }

  @Test func cjkTakesTwoColumns() {
    var canvas = Canvas(width: 8, height: 1)
    let written = canvas.put(text: "日本語x", at: Point(x: 0, y: 0))
    #expect(written == 7)
    #expect(canvas.lines() == ["日本語x"])
    #expect(canvas[1, 0].isContinuation)
    #expect(canvas[6, 0].grapheme == "x")
  }

  @Test func wideCharacterThatDoesNotFitBecomesSpace() {
    var canvas = Canvas(width: 5, height: 1)
    canvas.put(text: "ab日本", at: Point(x: 0, y: 0))
    // "ab" + 日 (cols 2-3) + 本 needs cols 4-5: only col 4 left, so a space.
    #expect(canvas.lines() == ["ab日"])
    #expect(canvas[4, 0].grapheme == " ")
    #expect(!canvas[4, 0].isContinuation)
    var limited = Canvas(width: 10, height: 1)
    limited.put(text: "日本", at: Point(x: 0, y: 0), maxWidth: 3)
    #expect(limited.lines() == ["日"])
  }

  @Test func emojiIsWideAndCombiningMarksAreZeroWidth() {
    #expect(displayWidth("🔥") == 2)
    #expect(displayWidth("👩‍💻") == 2)
    #expect(displayWidth("🇩🇪") == 2)
    #expect(displayWidth("❤️") == 2)
    #expect(displayWidth("e\u{301}") == 1)
    #expect(displayWidth("Ａ") == 2)  // fullwidth A
    #expect(displayWidth("한국") == 4)
    #expect(displayWidth("abc") == 3)
    var canvas = Canvas(width: 10, height: 1)
    canvas.put(text: "🔥e\u{301}x", at: Point(x: 0, y: 0))
    #expect(canvas.lines() == ["🔥e\u{301}x"])
    #expect(canvas[2, 0].grapheme == "e\u{301}")
    #expect(canvas[3, 0].grapheme == "x")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put(text: "日本語", at: Point(x: 0, y: 0))
    canvas.put(text: "x", at: Point(x: 1, y: 0))  // right half of 日
    #expect(canvas.lines() == [" x本語"])
    canvas.put(text: "y", at: Point(x: 2, y: 0))  // left half of 本
    #expect(canvas.lines() == [" xy 語"])
    #expect(!canvas[3, 0].isContinuation)
  }

  @Test func fillAndBox() {
    var canvas = Canvas(width: 8, height: 4)
    canvas.fill(Rect(x: 0, y: 0, width: 8, height: 4), with: ".")
    let inner = canvas.box(Rect(x: 1, y: 0, width: 6, height: 4), title: "Hi")
    #expect(inner == Rect(x: 2, y: 1, width: 4, height: 2))
    #expect(canvas.lines() == [".┌ Hi ┐.", ".│....│.", ".│....│.", ".└────┘."])
  }

  @Test func boxInASCII() {
    var canvas = Canvas(width: 4, height: 3, glyphs: .ascii)
    canvas.box(canvas.bounds)
    #expect(canvas.lines() == ["+--+", "|  |", "+--+"])
  }

  @Test func styledRunsGroupEqualStyles() {
    var canvas = Canvas(width: 8, height: 1)
    canvas.put(text: "ab", at: Point(x: 0, y: 0), style: Style(role: .header))
    canvas.put(text: "日c", at: Point(x: 2, y: 0), style: Style(role: .error))
    let runs = canvas.styledRuns(row: 0)
    #expect(runs.count == 3)
    #expect(runs[0] == StyledRun(x: 0, text: "ab", style: Style(role: .header)))
    #expect(runs[1] == StyledRun(x: 2, text: "日c", style: Style(role: .error)))
    #expect(runs[2].x == 5 && runs[2].text == "   " && runs[2].style == .plain)
  }

  @Test func paddedPutTruncatesWithEllipsis() {
    var canvas = Canvas(width: 12, height: 2)
    canvas.put(text: "function-name-long", at: Point(x: 0, y: 0), width: 8, alignment: .left)
    canvas.put(text: "42", at: Point(x: 0, y: 1), width: 5, alignment: .right)
    #expect(canvas.lines() == ["functio…", "   42"])
    var ascii = Canvas(width: 12, height: 1, glyphs: .ascii)
    ascii.put(text: "function-name-long", at: Point(x: 0, y: 0), width: 8, alignment: .left)
    #expect(ascii.lines() == ["functio~"])
  }

  @Test func paddedPutStylesTheWholeField() {
    var canvas = Canvas(width: 8, height: 1)
    canvas.put(
      text: "ab", at: Point(x: 1, y: 0), width: 5, alignment: .right, style: Style(role: .header))
    #expect(canvas.lines() == ["    ab"])
    #expect((1...5).allSatisfy { canvas.style(atX: $0, y: 0) == Style(role: .header) })
    #expect(canvas.style(atX: 0, y: 0) == .plain && canvas.style(atX: 6, y: 0) == .plain)
  }

  @Test func controlCharactersCountedAfterSanitising() {
    var canvas = Canvas(width: 12, height: 1)
    canvas.put(text: "a\u{1B}b\u{1B}c", at: Point(x: 0, y: 0), width: 5, alignment: .left)
    #expect(canvas.lines() == ["a␛b␛c"])
  }

  @Test func geometryHelpers() {
    let r = Rect(x: 0, y: 0, width: 10, height: 6)
    #expect(r.splitTop(2).0 == Rect(x: 0, y: 0, width: 10, height: 2))
    #expect(r.splitBottom(1).1 == Rect(x: 0, y: 5, width: 10, height: 1))
    #expect(r.centered(width: 4, height: 2) == Rect(x: 3, y: 2, width: 4, height: 2))
    #expect(
      r.intersection(Rect(x: 8, y: 4, width: 5, height: 5)) == Rect(x: 8, y: 4, width: 2, height: 2)
    )
  }
}
