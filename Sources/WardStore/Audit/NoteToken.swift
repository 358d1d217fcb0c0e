/// One printable token for a `key=value` audit note: bytes outside printable ASCII, spaces
/// and `=` become `_`, at most 64 characters, so a value cannot be made to look like another
/// field of the note.
enum NoteToken {
  static func clean(_ s: String) -> String {
    let cleaned = s.unicodeScalars.map { scalar -> String in
      scalar.value > 0x20 && scalar.value < 0x7F && scalar != "=" ? String(scalar) : "_"
    }.joined()
    return String(cleaned.prefix(64))
  }
}
