import Crypto
import Foundation
import WardModel

/// The canonical encoding of an audit event and its SHA-256 (documented in docs/audit.md).
///
/// The encoding is the ASCII bytes `ward-audit-v1` followed by each field in a fixed order,
/// each as a type tag and a length-prefixed value, so no two different events encode the same.
enum AuditHash {
  static let zero = String(repeating: "0", count: 64)
  static let domain = Array("ward-audit-v1".utf8)

  enum Field {
    case null
    case integer(Int64)
    case text(String)
  }

  /// The fields hashed, in order.
  static func fields(_ e: AuditEvent) -> [Field] {
    func text(_ s: String?) -> Field { s.map { .text($0) } ?? .null }
    func int(_ i: Int64?) -> Field { i.map { .integer($0) } ?? .null }
    return [
      .integer(e.seq), .text(e.kind.rawValue), .text(e.findingId), text(e.from?.rawValue),
      .text(e.to.rawValue), text(e.reason), text(e.note), int(e.until), .text(e.operatorName),
      text(e.address), text(e.keyFingerprint), .text(e.source.rawValue), .integer(e.at),
      int(e.undoes), .text(e.prevHash),
    ] + tail(e)
  }

  /// The fields added after the first release, hashed only when present so every older
  /// event keeps its hash: the batch; for a policy change the batch (or null), the rule
  /// and the policy's SHA-256.
  static func tail(_ e: AuditEvent) -> [Field] {
    guard let rule = e.rule else { return e.batch.map { [.text($0)] } ?? [] }
    return [
      e.batch.map { .text($0) } ?? .null, .text(rule), e.policySHA256.map { .text($0) } ?? .null,
    ]
  }

  /// The bytes hashed: domain, then per field a tag (0 null, 1 integer, 2 text) and its value
  /// (integer: 8 bytes big-endian two's complement; text: 8-byte big-endian length + UTF-8).
  static func encode(_ e: AuditEvent) -> [UInt8] {
    var out = domain
    func be(_ v: UInt64) {
      for shift in stride(from: 56, through: 0, by: -8) {
        out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift)))
      }
    }
    for field in fields(e) {
      switch field {
      case .null: out.append(0)
      case .integer(let i):
        out.append(1)
        be(UInt64(bitPattern: i))
      case .text(let s):
        let bytes = Array(s.utf8)
        out.append(2)
        be(UInt64(bytes.count))
        out += bytes
      }
    }
    return out
  }

  /// Lower-case hex SHA-256 of `encode(e)`; `e.hash` is ignored.
  static func hash(_ e: AuditEvent) -> String {
    SHA256.hash(data: encode(e)).map { byte in
      let h = String(byte, radix: 16)
      return byte < 16 ? "0" + h : h
    }.joined()
  }
}
