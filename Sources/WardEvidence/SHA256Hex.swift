import Crypto

/// Lower-case hex SHA-256, as `sha256sum` prints it.
enum SHA256Hex {
  static func of(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { byte in
      let h = String(byte, radix: 16)
      return byte < 16 ? "0" + h : h
    }.joined()
  }
}
