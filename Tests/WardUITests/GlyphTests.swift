import Testing

@testable import WardUI

@Suite struct GlyphTests {
  @Test func detectFromLocale() {
    #expect(GlyphSet.detect(env: ["LANG": "en_US.UTF-8"]) == .unicode)
    #expect(GlyphSet.detect(env: ["LANG": "de_DE.utf8"]) == .unicode)
    #expect(GlyphSet.detect(env: ["LANG": "en_US.UTF-8", "LC_ALL": "C"]) == .ascii)
    #expect(GlyphSet.detect(env: ["LC_CTYPE": "C.UTF-8", "LANG": "C"]) == .unicode)
    #expect(GlyphSet.detect(env: ["LC_ALL": "", "LANG": "en_GB.UTF-8"]) == .unicode)
    #expect(GlyphSet.detect(env: ["LANG": "en_US.ISO-8859-1"]) == .ascii)
    #expect(GlyphSet.detect(env: [:]) == .ascii)
    #expect(GlyphSet.detect(env: ["LANG": "en_US.UTF-8"], forceASCII: true) == .ascii)
  }

  @Test func asciiSetIsPrintableAscii() {
    let g = GlyphSet.ascii
    var all: [Character] = [
      g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.barFull,
      g.arrowUp, g.arrowDown, g.arrowLeft, g.arrowRight, g.caret, g.mark, g.check, g.cross,
    ]
    all += g.sparkline + g.barEighths + Array(g.severity.values) + Array(g.ellipsis)
    for c in all { #expect(c.isASCII && displayWidth(c) == 1, "\(c)") }
  }

  @Test func severityGlyphsAreDistinct() {
    for set in [GlyphSet.unicode, .ascii] {
      let ids = ["critical", "high", "medium", "low", "info"]
      #expect(Set(ids.map(set.severityGlyph)).count == 5)
    }
  }

  @Test func asciiCanvasReplacesNonAsciiText() {
    var canvas = Canvas(width: 10, height: 1, glyphs: .ascii)
    canvas.put(text: "日本é▲", at: Point(x: 0, y: 0))
    #expect(canvas.lines() == ["???? "].map { $0.trimmingSuffixSpaces() })
  }
}

extension String {
  func trimmingSuffixSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
