import Testing

@testable import WardUI

@Suite struct ColorTests {
  @Test func truecolorTo256KnownValues() {
    #expect(Palette.nearest256(r: 0, g: 0, b: 0) == 16)
    #expect(Palette.nearest256(r: 255, g: 255, b: 255) == 231)
    #expect(Palette.nearest256(r: 255, g: 0, b: 0) == 196)
    #expect(Palette.nearest256(r: 0x5f, g: 0x87, b: 0xd7) == 68)
    #expect(Palette.nearest256(r: 128, g: 128, b: 128) == 244)  // grey ramp #808080
    #expect(Palette.nearest256(r: 0x30, g: 0x30, b: 0x30) == 236)
    #expect(Palette.nearest256(r: 0xE6, g: 0x9F, b: 0x00) == 178)  // Okabe-Ito orange -> #d7af00
  }

  @Test func truecolorTo16KnownValues() {
    #expect(Palette.nearest16(r: 255, g: 0, b: 0) == 9)
    #expect(Palette.nearest16(r: 200, g: 0, b: 0) == 1)
    #expect(Palette.nearest16(r: 0, g: 0, b: 0) == 0)
    #expect(Palette.nearest16(r: 250, g: 250, b: 250) == 15)
    #expect(Palette.nearest16(r: 128, g: 128, b: 128) == 8)
  }

  @Test func xtermPaletteRoundTrips() {
    for n in UInt8(16)...255 {
      let v = Palette.xtermRGB(n)
      #expect(Palette.nearest256(r: v.r, g: v.g, b: v.b) == n, "index \(n)")
    }
  }

  @Test func depthDownsampling() {
    let orange = Color.rgb(0xE6, 0x9F, 0x00)
    #expect(ColorDepth.truecolor.downsample(orange) == .rgb(0xE6, 0x9F, 0x00))
    #expect(ColorDepth.c256.downsample(orange) == .indexed(178))
    #expect(ColorDepth.c16.downsample(orange) == .indexed(3))
    #expect(ColorDepth.mono.downsample(orange) == .terminalDefault)
    #expect(ColorDepth.c16.downsample(.indexed(196)) == .indexed(9))
    #expect(ColorDepth.c16.downsample(.indexed(12)) == .indexed(12))
    #expect(ColorDepth.c256.downsample(.indexed(12)) == .indexed(12))
  }

  @Test func detection() {
    let tty = true
    #expect(
      ColorDepth.detect(env: ["TERM": "xterm-256color"], terminfoColors: 256, isTTY: tty) == .c256)
    #expect(
      ColorDepth.detect(
        env: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], terminfoColors: 256, isTTY: tty)
        == .truecolor)
    #expect(
      ColorDepth.detect(env: ["COLORTERM": "24bit"], terminfoColors: 8, isTTY: tty) == .truecolor)
    #expect(
      ColorDepth.detect(
        env: ["TERM": "xterm-256color", "NO_COLOR": "1"], terminfoColors: 256, isTTY: tty) == .mono)
    #expect(ColorDepth.detect(env: ["NO_COLOR": ""], terminfoColors: 256, isTTY: tty) == .c256)
    #expect(ColorDepth.detect(env: ["TERM": "linux"], terminfoColors: 8, isTTY: tty) == .c16)
    #expect(ColorDepth.detect(env: ["TERM": "dumb"], terminfoColors: nil, isTTY: tty) == .mono)
    #expect(
      ColorDepth.detect(env: ["TERM": "xterm-direct"], terminfoColors: 16_777_216, isTTY: tty)
        == .truecolor)
    #expect(
      ColorDepth.detect(env: ["TERM": "screen-256color"], terminfoColors: nil, isTTY: tty) == .c256)
    #expect(
      ColorDepth.detect(env: ["TERM": "xterm-256color"], terminfoColors: 256, isTTY: false) == .mono
    )
  }

  @Test func overrideWins() {
    let env = ["TERM": "xterm-256color", "NO_COLOR": "1"]
    #expect(
      ColorDepth.detect(env: env, terminfoColors: 256, isTTY: true, override: .truecolor)
        == .truecolor)
    #expect(ColorDepth.detect(env: env, terminfoColors: 256, isTTY: true, override: .c16) == .c16)
    #expect(
      ColorDepth.detect(
        env: ["COLORTERM": "truecolor"], terminfoColors: 256, isTTY: true, override: .never)
        == .mono)
    #expect(ColorDepth.Override(rawValue: "256") == .c256)
    #expect(ColorDepth.Override(rawValue: "auto") == .auto)
  }

  @Test func colourParsing() {
    #expect(Color(parsing: "#E69F00") == .rgb(0xE6, 0x9F, 0x00))
    #expect(Color(parsing: "red") == .indexed(1))
    #expect(Color(parsing: "brightwhite") == .indexed(15))
    #expect(Color(parsing: "gray") == .indexed(8))
    #expect(Color(parsing: "255") == .indexed(255))
    #expect(Color(parsing: "256") == nil)
    #expect(Color(parsing: "#GGGGGG") == nil)
    #expect(Color(parsing: "purple") == nil)
  }
}
