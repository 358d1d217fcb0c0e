/// Writes a POSIX ustar archive (IEEE 1003.1-1988 `ustar` headers) of regular files, as
/// `tar -xf` on any system reads it: one 512-byte header per file, its data padded to 512
/// bytes, two zero blocks at the end.
public struct TarWriter {
  /// The archive so far.
  public private(set) var bytes: [UInt8] = []

  public init() {}

  /// Appends a regular file (mode 0644, owner 0:0) with modification time `mtime` (seconds
  /// since 1970). The name is at most 100 bytes of UTF-8 and has no `..` part.
  public mutating func add(name: String, data: [UInt8], mtime: Int64) throws {
    let nameBytes = Array(name.utf8)
    guard !nameBytes.isEmpty, nameBytes.count <= 100, !name.hasPrefix("/"),
      !name.split(separator: "/").contains("..")
    else {
      throw ArchiveError(place: "entry \(name)", "not a name a ustar header can hold safely")
    }
    var header = [UInt8](repeating: 0, count: 512)
    func put(_ field: [UInt8], at offset: Int) {
      for (i, b) in field.enumerated() { header[offset + i] = b }
    }
    func octal(_ value: Int64, width: Int) -> [UInt8] {
      let digits = String(value, radix: 8)
      return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8)
        + [0]
    }
    put(nameBytes, at: 0)
    put(octal(0o644, width: 8), at: 100)
    put(octal(0, width: 8), at: 108)
    put(octal(0, width: 8), at: 116)
    put(octal(Int64(data.count), width: 12), at: 124)
    put(octal(max(0, mtime), width: 12), at: 136)
    header[156] = UInt8(ascii: "0")
    put(Array("ustar".utf8) + [0], at: 257)
    put(Array("00".utf8), at: 263)
    put(Array("ward".utf8), at: 265)
    put(Array("ward".utf8), at: 297)
    put(Array(repeating: UInt8(ascii: " "), count: 8), at: 148)
    let sum = header.reduce(0) { $0 + Int64($1) }
    put(octal(sum, width: 7) + [UInt8(ascii: " ")], at: 148)
    bytes += header
    bytes += data
    bytes += [UInt8](repeating: 0, count: Self.padding(data.count))
  }

  /// The archive with its end-of-archive marker, padded to whole 10240-byte records.
  public func finished() -> [UInt8] {
    var out = bytes + [UInt8](repeating: 0, count: 1024)
    let record = 10_240
    if out.count % record != 0 { out += [UInt8](repeating: 0, count: record - out.count % record) }
    return out
  }

  /// Zero bytes after `count` bytes of data up to the next 512-byte block.
  static func padding(_ count: Int) -> Int { (512 - count % 512) % 512 }
}
