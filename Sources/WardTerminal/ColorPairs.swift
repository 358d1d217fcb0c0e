import CNcurses
import WardUI

/// Allocates ncurses colour pairs on demand and caches them by (fg, bg).
///
/// When the terminal's COLOR_PAIRS limit is reached, a new combination reuses the existing
/// pair whose colours are nearest (squared RGB distance of fg plus bg), so screens degrade
/// in colour fidelity rather than failing.
struct ColorPairs {
  struct Key: Hashable {
    var fg: Int32
    var bg: Int32
  }

  private var pairs: [Key: Int32] = [:]
  private var next: Int32 = 1
  private let limit: Int32
  private let colors: Int32

  /// `limit` is COLOR_PAIRS, `colors` is COLORS (both after `start_color`).
  init(limit: Int32, colors: Int32) {
    self.limit = limit
    self.colors = colors
  }

  /// Number of pairs allocated so far.
  var count: Int { pairs.count }

  /// The pair for `fg`/`bg` (ncurses colour numbers, -1 = terminal default); 0 is the
  /// default pair and needs no allocation.
  mutating func pair(fg: Int32, bg: Int32) -> Int32 {
    if fg == -1 && bg == -1 { return 0 }
    let key = Key(fg: fg, bg: bg)
    if let existing = pairs[key] { return existing }
    if next < limit, init_extended_pair(next, fg, bg) == OK {
      pairs[key] = next
      next += 1
      return pairs[key]!
    }
    let nearest = pairs.min { distance($0.key, key) < distance($1.key, key) }?.value ?? 0
    pairs[key] = nearest
    return nearest
  }

  private func distance(_ a: Key, _ b: Key) -> Int {
    colorDistance(a.fg, b.fg) + colorDistance(a.bg, b.bg)
  }

  private func colorDistance(_ a: Int32, _ b: Int32) -> Int {
    if a == b { return 0 }
    if a < 0 || b < 0 { return 3 * 255 * 255 }
    return Palette.distance(rgb(a), rgb(b))
  }

  private func rgb(_ n: Int32) -> (UInt8, UInt8, UInt8) {
    if colors >= 1 << 24 {
      return (UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF))
    }
    let v = Palette.xtermRGB(UInt8(clamping: n))
    return (v.r, v.g, v.b)
  }
}
