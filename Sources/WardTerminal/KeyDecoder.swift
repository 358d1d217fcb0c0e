import CNcurses
import WardUI

/// Translates `wget_wch` results into ``Key`` values.
enum KeyDecoder {
  /// A character (`wget_wch` returned OK).
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 0x0D, 0x0A: return .enter
    case 0x1B: return .escape
    case 0x09: return .tab
    case 0x7F, 0x08: return .backspace
    case 0x00: return .ctrl("@")
    case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(code + 0x60)!))
    case 0x1C...0x1F: return nil
    default:
      guard let scalar = Unicode.Scalar(code), !TextSanitizer.isControl(scalar) else { return nil }
      return .char(Character(scalar))
    }
  }

  /// A function key (`wget_wch` returned KEY_CODE_YES). Mouse and resize are handled by
  /// the terminal, which needs to read more state.
  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END, KEY_LL: return .end
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
    default: return nil
    }
  }
}
