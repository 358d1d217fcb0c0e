import Foundation
import WardUI

/// Copying to the operator's clipboard with OSC 52: the text is cleaned of anything a
/// terminal or a shell could act on, then base64-encoded into the escape sequence.
public enum Clipboard {
  /// The longest text copied (terminals cap OSC 52 payloads; ids and ARNs are short).
  public static let maximumLength = 4096

  /// `text` without control characters (C0, DEL, C1), bidi overrides and line breaks,
  /// trimmed and cut to ``maximumLength``: what is pasted is what was shown.
  public static func sanitised(_ text: String) -> String {
    let kept = text.unicodeScalars.filter { scalar in
      let v = scalar.value
      if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return false }
      if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E
        || v == 0x200F || v == 0x061C
      {
        return false
      }
      return true
    }
    var out = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
    if out.utf8.count > maximumLength { out = String(out.utf8.prefix(maximumLength)) ?? "" }
    return out
  }

  /// The OSC 52 sequence that sets the clipboard (`c`) to `text`: `ESC ] 52 ; c ; BASE64 BEL`.
  public static func osc52(_ text: String) -> String {
    "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
  }
}
