import Foundation
import Testing

@testable import WardUI

/// The one output policy: each format neutralises the same unsafe set.
@Suite struct OutputTextTests {
  /// Every scalar the policy calls unsafe, one of each kind.
  static let hostile =
    "\u{1B}]0;t\u{07}\u{1B}[2J\u{9B}31m\u{90}q\u{9C}\u{0}\u{7F}\u{202E}x\u{202C}\u{2066}\u{2069}\u{200F}\u{2028}"

  func hasRaw(_ s: String, allowing: Set<Unicode.Scalar> = []) -> Bool {
    s.unicodeScalars.contains { OutputText.isUnsafe($0) && !allowing.contains($0) }
  }

  @Test func jsonEscapesBidiDelAndC1AndStillDecodes() throws {
    let literal = OutputText.jsonString(Self.hostile)
    #expect(!hasRaw(literal))
    #expect(
      literal.contains("\\u202e") && literal.contains("\\u009b") && literal.contains("\\u007f"))
    let decoded =
      try JSONSerialization.jsonObject(
        with: Data("[\(literal)]".utf8), options: []) as? [String]
    #expect(decoded == [Self.hostile])
  }

  @Test func aSerialisedDocumentIsEscapedWithoutChangingItsMeaning() throws {
    let data = try JSONSerialization.data(
      withJSONObject: ["Title": Self.hostile, "n": 1], options: [.prettyPrinted])
    let raw = String(decoding: data, as: UTF8.self)
    #expect(hasRaw(raw, allowing: ["\n"]))  // JSONSerialization leaves DEL/C1/bidi raw
    let safe = OutputText.escapingJSONDocument(raw)
    #expect(!hasRaw(safe, allowing: ["\n"]))
    let back = try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: Any]
    #expect(back?["Title"] as? String == Self.hostile)
  }

  @Test func csvNeutralisesEveryOWASPFormulaStart() {
    let cases = [
      "=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "\nx", "  =1+1", "\u{A0}=1+1",
      "\u{FF1D}1+1", "\u{FF0B}1", "\u{FF0D}1", "\u{FF20}x", " \u{A0} +x",
    ]
    for c in cases {
      let field = OutputText.csvField(c)
      let unquoted =
        field.hasPrefix("\"") ? String(field.dropFirst().dropLast()) : field
      #expect(unquoted.hasPrefix("'"), "\(c.debugDescription) -> \(field.debugDescription)")
    }
    // Plain numbers and ordinary text are left alone.
    #expect(OutputText.csvField("-3.5") == "-3.5")
    #expect(OutputText.csvField("orders-api") == "orders-api")
    #expect(OutputText.csvField("a,b") == "\"a,b\"")
  }

  @Test func csvCellsCarryNoRawControls() {
    let field = OutputText.csvField(Self.hostile + "\nline two")
    #expect(!hasRaw(field, allowing: ["\n"]))
    #expect(field.contains("\nline two"))
    #expect(field.contains("␛]0;t␇"))
  }

  @Test func markdownEscapesHTMLLinksAndImages() {
    let md = OutputText.markdown(
      "<img src=x onerror=alert(1)> [click](javascript:alert(1)) ![p](http://t.example/p.gif) "
        + "<script>x</script> a|b \u{1B}[2J")
    #expect(!md.contains("<") && !md.contains(">"))
    #expect(!md.contains("](") && !md.contains("!["))
    #expect(!md.contains("[click]"))
    #expect(md.contains("a\\|b"))
    #expect(!hasRaw(md))
    #expect(md.contains("&lt;script&gt;"))
  }

  @Test func messageLinesShowPlaceholdersAndKeepLineBreaksOnlyWhenAsked() {
    #expect(OutputText.line("a\u{1B}]0;x\u{07}b") == "a␛]0;x␇b")
    #expect(OutputText.lines("a\n\u{9B}b") == "a\n\u{FFFD}b")
    #expect(!hasRaw(OutputText.line(Self.hostile)))
  }
}
