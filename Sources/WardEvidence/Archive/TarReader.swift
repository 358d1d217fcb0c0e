/// Reads the regular files of a ustar archive written by ``TarWriter`` (or any POSIX tar),
/// checking each header's magic and checksum. Anything but regular files (links, devices,
/// directories) and any unsafe name (absolute, `..`) is refused, naming the entry.
public enum TarReader {
  /// One file of the archive.
  public struct Entry: Sendable, Hashable {
    public var name: String
    public var data: [UInt8]
  }

  /// The files in archive order.
  public static func entries(_ archive: [UInt8]) throws -> [Entry] {
    var out: [Entry] = []
    var offset = 0
    while offset + 512 <= archive.count {
      let header = Array(archive[offset..<offset + 512])
      if header.allSatisfy({ $0 == 0 }) { return out }
      let place = "byte \(offset) (header of entry \(out.count + 1))"
      guard header[257..<262].elementsEqual("ustar".utf8) else {
        throw ArchiveError(place: place, "not a ustar header (no `ustar` magic)")
      }
      guard let recorded = octal(header[148..<156]) else {
        throw ArchiveError(place: place, "the checksum field is not octal")
      }
      var blanked = header
      for i in 148..<156 { blanked[i] = UInt8(ascii: " ") }
      let sum = blanked.reduce(0) { $0 + Int64($1) }
      guard sum == recorded else {
        throw ArchiveError(
          place: place, "header checksum is \(sum) but the header says \(recorded) (altered)")
      }
      guard let prefix = text(header[345..<500]), let base = text(header[0..<100]) else {
        throw ArchiveError(place: place, "the name is not UTF-8")
      }
      let prefixed = prefix.isEmpty ? base : prefix + "/" + base
      let type = header[156]
      guard type == UInt8(ascii: "0") || type == 0 else {
        throw ArchiveError(
          place: "\(place) \(prefixed)",
          "type `\(Character(Unicode.Scalar(type)))` is not a regular file")
      }
      guard !prefixed.isEmpty, !prefixed.hasPrefix("/"),
        !prefixed.split(separator: "/").contains("..")
      else { throw ArchiveError(place: place, "unsafe name \(prefixed)") }
      guard let size = octal(header[124..<136]), size >= 0 else {
        throw ArchiveError(place: "\(place) \(prefixed)", "the size field is not octal")
      }
      let start = offset + 512
      guard size <= Int64(archive.count - start) else {
        throw ArchiveError(
          place: "\(place) \(prefixed)",
          "says \(size) bytes but the archive ends \(archive.count - start) bytes later")
      }
      out.append(Entry(name: prefixed, data: Array(archive[start..<start + Int(size)])))
      offset = start + Int(size) + TarWriter.padding(Int(size))
    }
    throw ArchiveError(place: "byte \(offset)", "the archive ends without its end marker")
  }

  /// An octal number field (NUL- or space-terminated, leading spaces allowed).
  static func octal(_ field: ArraySlice<UInt8>) -> Int64? {
    var value: Int64 = 0
    var seen = false
    for b in field {
      if b == 0 || (b == UInt8(ascii: " ") && seen) { break }
      if b == UInt8(ascii: " ") { continue }
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "7") else { return nil }
      let (v, overflow) = value.multipliedReportingOverflow(by: 8)
      guard !overflow else { return nil }
      value = v + Int64(b - UInt8(ascii: "0"))
      seen = true
    }
    return seen ? value : nil
  }

  /// A NUL-terminated text field as UTF-8; nil when it is not valid UTF-8.
  static func text(_ field: ArraySlice<UInt8>) -> String? {
    let bytes = field.prefix { $0 != 0 }
    return String(validating: bytes, as: UTF8.self)
  }
}
