import CNcurses

/// Escape sequences that terminals send for navigation and function keys, whatever their
/// terminfo entry says.
///
/// Inside tmux with `TERM=xterm-256color`, Home and End arrive as `ESC [1~` / `ESC [4~`,
/// which xterm's entry does not list: ncurses then handed Ward a lone Esc followed by
/// `[1~`, and the Esc backed out of the screen. Teaching ncurses every common encoding
/// (xterm, vt220, rxvt, tmux, screen, linux console) makes them keys on any TERM.
enum KeySequences {
  /// Each sequence and the ncurses key code it means.
  static let all: [(sequence: String, code: Int32)] = {
    var list: [(String, Int32)] = [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME),
      ("\u{1B}OH", KEY_HOME),
      ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END),
      ("\u{1B}OF", KEY_END),
      ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
      ("\u{1B}[2~", KEY_IC), ("\u{1B}[3~", KEY_DC),
      ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT),
      ("\u{1B}[D", KEY_LEFT),
      ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT),
      ("\u{1B}OD", KEY_LEFT),
      ("\u{1B}[Z", KEY_BTAB),
    ]
    // F1-F4: SS3 (xterm) and CSI n ~ (vt220, rxvt) and the linux console's CSI [ A-E.
    for (index, final) in ["P", "Q", "R", "S"].enumerated() {
      list.append(("\u{1B}O\(final)", KEY_F0 + Int32(index + 1)))
      list.append(("\u{1B}[1\(index + 1)~", KEY_F0 + Int32(index + 1)))
    }
    for (index, final) in ["A", "B", "C", "D", "E"].enumerated() {
      list.append(("\u{1B}[[\(final)", KEY_F0 + Int32(index + 1)))
    }
    // F5-F12: CSI 15~ 17~ 18~ 19~ 20~ 21~ 23~ 24~.
    for (index, number) in [15, 17, 18, 19, 20, 21, 23, 24].enumerated() {
      list.append(("\u{1B}[\(number)~", KEY_F0 + Int32(index + 5)))
    }
    return list
  }()

  /// Teaches the current ncurses screen every sequence in ``all``.
  static func install() {
    for (sequence, code) in all { _ = define_key(sequence, code) }
  }
}
