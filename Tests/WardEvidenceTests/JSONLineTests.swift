import Foundation
import Testing

@testable import WardEvidence

@Suite struct EvidenceJSONLineTests {
  /// Terminal-driving characters are escaped, everything else is kept, and the line
  /// decodes back to exactly the same text (so hashes over decoded values hold).
  @Test func controlsAndBidiAreEscapedAndDecodeToTheSameText() throws {
    let text = "a\"b\\c\nd\te\u{1B}[31m\u{7F}\u{9B}x\u{202E}y\u{2066}z\u{2028}\u{061C}é€😀"
    let line = String(
      decoding: JSONLine.render([("t", .string(text)), ("n", .null)]), as: UTF8.self)
    #expect(
      line
        == #"{"t":"a\"b\\c\nd\te\u001b[31m\u007f\u009bx\u202ey\u2066z\u2028\u061cé€😀","n":null}"#)
    let decoded = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    #expect(decoded?["t"] as? String == text)
  }

  @Test func objectsKeepTheirKeyOrderAndIntegersTheirValue() {
    let bytes = JSONLine.render([
      ("z", .int(-9_223_372_036_854_775_808)), ("a", .bool(true)),
      ("m", .fields([("k", .string("v"))])),
    ])
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == #"{"z":-9223372036854775808,"a":true,"m":{"k":"v"}}"#)
  }
}
