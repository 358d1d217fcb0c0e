/// Deterministic colour downsampling: truecolor -> 256 -> 16.
///
/// 256-colour targets use only the 6×6×6 cube and the grey ramp (indices 16–255), whose
/// values are the same on every xterm-compatible terminal; the first 16 are user-themable
/// and are reached only through ``nearest16(_:)``.
public enum Palette {
  /// Channel levels of the xterm 6×6×6 colour cube.
  public static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// The xterm default RGB values of the 16 ANSI colours.
  static let ansi16: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  /// RGB of palette index `n` in xterm's default palette.
  public static func xtermRGB(_ n: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
    if n < 16 { return ansi16[Int(n)] }
    if n >= 232 {
      let v = UInt8(8 + 10 * (Int(n) - 232))
      return (v, v, v)
    }
    let i = Int(n) - 16
    return (
      UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6])
    )
  }

  /// Nearest index in 16–255 (cube or grey ramp) by squared RGB distance; ties go to the cube.
  public static func nearest256(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
    let ri = nearestLevel(Int(r))
    let gi = nearestLevel(Int(g))
    let bi = nearestLevel(Int(b))
    let cubeIndex = 16 + 36 * ri + 6 * gi + bi
    let cubeDistance = distance(
      (r, g, b), (UInt8(cubeLevels[ri]), UInt8(cubeLevels[gi]), UInt8(cubeLevels[bi])))
    let average = (Int(r) + Int(g) + Int(b)) / 3
    let greyStep = min(23, max(0, (average - 8 + 5) / 10))
    let greyValue = UInt8(8 + 10 * greyStep)
    let greyDistance = distance((r, g, b), (greyValue, greyValue, greyValue))
    return greyDistance < cubeDistance ? UInt8(232 + greyStep) : UInt8(cubeIndex)
  }

  /// Nearest of the 16 ANSI colours (xterm defaults) by squared RGB distance; ties go to
  /// the lower index.
  public static func nearest16(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for (index, value) in ansi16.enumerated() {
      let d = distance((r, g, b), value)
      if d < bestDistance {
        best = index
        bestDistance = d
      }
    }
    return UInt8(best)
  }

  /// Squared RGB distance between two colours.
  public static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
    let dr = Int(a.0) - Int(b.0)
    let dg = Int(a.1) - Int(b.1)
    let db = Int(a.2) - Int(b.2)
    return dr * dr + dg * dg + db * db
  }

  private static func nearestLevel(_ v: Int) -> Int {
    var best = 0
    for (i, level) in cubeLevels.enumerated() where abs(level - v) < abs(cubeLevels[best] - v) {
      best = i
    }
    return best
  }
}
