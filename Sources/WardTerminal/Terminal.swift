import CNcurses
import CProcessGuard
import WardUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the terminal could not start.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
  public var description: String
}

/// The ncursesw backend: draws a ``Canvas``, reads ``Key``s, tracks size and colour depth.
///
/// Use from one thread. Typical loop:
/// ```swift
/// let terminal = try Terminal(environment: ProcessInfo.processInfo.environment)
/// defer { terminal.restore() }
/// while true {
///   var canvas = terminal.makeCanvas()
///   render(state, into: &canvas)
///   terminal.draw(canvas)
///   guard let key = terminal.readKey(timeoutMs: 250) else { continue /* refresh tick */ }
///   ...
/// }
/// ```
/// SIGTERM, SIGHUP, SIGINT and SIGQUIT are noticed inside `readKey` (so keep the poll
/// timeout short) and reported through ``terminationSignal``.
public final class Terminal {
  /// Start-up choices, normally from command-line flags.
  public struct Options: Sendable {
    /// `--color`.
    public var color: ColorDepth.Override
    /// `--ascii`.
    public var forceASCII: Bool
    /// Mouse reporting (off by default: it breaks the terminal's own text selection).
    public var mouse: Bool
    /// `raw` instead of `cbreak` (the default): Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-S and Ctrl-Q
    /// arrive as keys instead of signals or flow control, so no key can freeze the output
    /// or raise SIGQUIT.
    public var rawMode: Bool
    /// Talk to `/dev/tty` (so stdout/stdin redirection still works); falls back to
    /// stdin/stdout when there is no controlling terminal.
    public var useControllingTerminal: Bool
    /// How long ncurses waits after ESC for the rest of an escape sequence.
    public var escapeDelayMs: Int32

    public init(
      color: ColorDepth.Override = .auto, forceASCII: Bool = false, mouse: Bool = false,
      rawMode: Bool = true, useControllingTerminal: Bool = true, escapeDelayMs: Int32 = 25
    ) {
      self.color = color
      self.forceASCII = forceASCII
      self.mouse = mouse
      self.rawMode = rawMode
      self.useControllingTerminal = useControllingTerminal
      self.escapeDelayMs = escapeDelayMs
    }
  }

  /// The termination signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) that arrived, if any; once
  /// set, ``readKey(timeoutMs:)`` returns nil at once.
  public private(set) var terminationSignal: Int32?

  /// Columns and rows of the screen.
  public private(set) var width: Int
  public private(set) var height: Int
  /// The colour depth in use: what the environment asks for, capped by what ncurses can
  /// draw with this terminfo entry (truecolor needs a direct-colour entry such as
  /// `xterm-direct`; otherwise 256 colours are used).
  public let colorDepth: ColorDepth
  public let glyphs: GlyphSet
  /// The theme used to resolve canvas styles; may be changed at any time.
  public var theme: Theme {
    didSet {
      resolvedCache.removeAll()
      previous = nil
    }
  }

  private let screen: OpaquePointer
  private let ttyFile: UnsafeMutablePointer<FILE>?
  private let window: UnsafeMutablePointer<WINDOW>
  private var pairs: ColorPairs
  private var resolvedCache: [Style: (attrs: attr_t, pair: Int32)] = [:]
  private var previous: Canvas?
  private var restored = false
  private let directColor: Bool
  private let colors: Int32

  /// Opens the terminal: locale, newterm, colours, input modes, signal handlers.
  public init(
    environment: [String: String], theme: Theme = .fallback, options: Options = Options()
  ) throws {
    setlocale(LC_ALL, "")
    _ = SignalGuard.install()
    var tty: UnsafeMutablePointer<FILE>? = nil
    if options.useControllingTerminal { tty = fopen("/dev/tty", "r+") }
    // fdopen rather than the C globals stdin/stdout, which Swift 6 treats as shared
    // mutable state.
    let output = tty ?? fdopen(STDOUT_FILENO, "w")
    let input = tty ?? fdopen(STDIN_FILENO, "r")
    // The modes to give back if Ward crashes while the screen is ours (CProcessGuard).
    if let input { ward_guard_record_terminal(fileno(input)) }
    guard let screen = newterm(nil, output, input) else {
      if let tty { fclose(tty) }
      throw TerminalError(
        description:
          "cannot start the terminal (TERM=\(environment["TERM"] ?? "unset")); is this a terminal?")
    }
    set_term(screen)
    self.screen = screen
    self.ttyFile = tty
    guard let window = ward_stdscr() else {
      endwin()
      delscreen(screen)
      if let tty { fclose(tty) }
      throw TerminalError(description: "ncurses gave no standard screen")
    }
    self.window = window
    self.theme = theme

    let hasColors = has_colors()
    if hasColors {
      start_color()
      use_default_colors()
    }
    colors = hasColors ? ward_COLORS() : 0
    directColor = colors >= 1 << 24
    let isTTY = isatty(fileno(output)) == 1
    let wanted = ColorDepth.detect(
      env: environment, terminfoColors: hasColors ? Int(colors) : 0, isTTY: isTTY,
      override: options.color)
    let capable: ColorDepth =
      !hasColors
      ? .mono : directColor ? .truecolor : colors >= 256 ? .c256 : colors >= 8 ? .c16 : .mono
    colorDepth = min(wanted, capable)
    glyphs = GlyphSet.detect(env: environment, forceASCII: options.forceASCII)
    pairs = ColorPairs(limit: hasColors ? ward_COLOR_PAIRS() : 0, colors: colors)

    if options.rawMode { raw() } else { cbreak() }
    noecho()
    nonl()
    keypad(window, true)
    curs_set(0)
    set_escdelay(options.escapeDelayMs)
    KeySequences.install()
    leaveok(window, true)
    if options.mouse { mousemask(ward_mouse_mask(), nil) }
    width = Int(getmaxx(window))
    height = Int(getmaxy(window))
  }

  deinit { restore() }

  /// A blank canvas of the current size with this terminal's glyphs.
  public func makeCanvas() -> Canvas { Canvas(width: width, height: height, glyphs: glyphs) }

  /// Writes `canvas` to the screen: every changed cell with wide-character calls, then one
  /// `wnoutrefresh` + `doupdate` so ncurses sends only the difference.
  public func draw(_ canvas: Canvas) {
    guard !restored else { return }
    let rows = min(canvas.height, height)
    let columns = min(canvas.width, width)
    // Cells equal to the previous frame are skipped; ncurses diffs the rest itself.
    let cells = canvas.rowMajorCells
    let before: [Cell] =
      previous.flatMap {
        $0.width == canvas.width && $0.height == canvas.height ? $0.rowMajorCells : nil
      }
      ?? []
    if before.isEmpty { werase(window) }
    var cell = cchar_t()
    var text = [wchar_t](repeating: 0, count: 6)
    for y in 0..<rows {
      for x in 0..<columns {
        let index = y * canvas.width + x
        let current = cells[index]
        if current.isContinuation { continue }
        if !before.isEmpty, before[index] == current { continue }
        let look = resolved(current.style)
        var count = 0
        for scalar in current.grapheme.unicodeScalars where count < 5 {
          text[count] = wchar_t(bitPattern: scalar.value)
          count += 1
        }
        text[count] = 0
        // A wide character in the last column cannot be shown: draw a space.
        if count > 0, x == columns - 1, displayWidth(current.grapheme) == 2 {
          text[0] = 0x20
          text[1] = 0
        }
        _ = ward_setcchar(&cell, text, look.attrs, look.pair)
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
      }
    }
    previous = canvas
    wnoutrefresh(window)
    doupdate()
  }

  /// Forces the next ``draw(_:)`` to repaint the whole screen (e.g. after Ctrl-L).
  public func invalidate() {
    previous = nil
    clearok(window, true)
  }

  /// Waits up to `timeoutMs` (0 = poll, negative = block) for a key. Returns nil on
  /// timeout. On a terminal resize returns `.resize` with ``width``/``height`` updated.
  /// If SIGTERM, SIGHUP, SIGINT or SIGQUIT arrived, returns nil and sets
  /// ``terminationSignal``; the caller ends the session (and records why).
  /// After ``restore()`` it returns nil at once.
  public func readKey(timeoutMs: Int32) -> Key? {
    noteSignal()
    guard !restored, terminationSignal == nil else { return nil }
    wtimeout(window, timeoutMs)
    var code: wint_t = 0
    let result = wget_wch(window, &code)
    noteSignal()
    if terminationSignal != nil { return nil }
    switch result {
    case OK:
      return KeyDecoder.character(UInt32(code))
    case KEY_CODE_YES:
      let key = Int32(code)
      if key == KEY_RESIZE {
        width = Int(getmaxx(window))
        height = Int(getmaxy(window))
        previous = nil
        return .resize
      }
      if key == KEY_MOUSE { return mouseEvent() }
      return KeyDecoder.functionKey(key)
    default:
      return nil
    }
  }

  /// Leaves curses mode and frees the screen. Safe to call more than once; only the first
  /// call does anything.
  public func restore() {
    guard !restored else { return }
    restored = true
    endwin()
    ward_guard_forget_terminal()
    delscreen(screen)
    if let ttyFile { fclose(ttyFile) }
  }

  /// Gives the terminal back and stops the process (SIGTSTP, as Ctrl-Z does in a shell);
  /// when the shell resumes it, re-enters curses mode and reads the size again. Raw mode
  /// turns Ctrl-Z into a key, so Ward does what the terminal driver would have done.
  public func suspend() {
    guard !restored else { return }
    endwin()
    let previous = signal(SIGTSTP, SIG_DFL)
    kill(0, SIGTSTP)
    signal(SIGTSTP, previous)
    reset_prog_mode()
    refresh()
    width = Int(getmaxx(window))
    height = Int(getmaxy(window))
    invalidate()
  }

  private func noteSignal() {
    guard let signal = SignalGuard.takePending() else { return }
    terminationSignal = signal
  }

  private func mouseEvent() -> Key? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let button: MouseEvent.Button =
      switch ward_mouse_button(event.bstate) {
      case 1: .left
      case 2: .middle
      case 3: .right
      case 4: .scrollUp
      case 5: .scrollDown
      default: .other
      }
    return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), button: button))
  }

  /// Attributes and colour pair for a style, cached per style.
  private func resolved(_ style: Style) -> (attrs: attr_t, pair: Int32) {
    if let hit = resolvedCache[style] { return hit }
    let look = theme.resolve(style, depth: colorDepth)
    var attrs = ward_A_NORMAL()
    if look.attributes.contains(.bold) { attrs |= ward_A_BOLD() }
    if look.attributes.contains(.dim) { attrs |= ward_A_DIM() }
    if look.attributes.contains(.reverse) { attrs |= ward_A_REVERSE() }
    if look.attributes.contains(.underline) { attrs |= ward_A_UNDERLINE() }
    let pair = colorDepth == .mono ? 0 : pairs.pair(fg: number(look.fg), bg: number(look.bg))
    let result = (attrs, pair)
    resolvedCache[style] = result
    return result
  }

  /// The ncurses colour number for a resolved colour.
  private func number(_ color: ResolvedColor) -> Int32 {
    switch color {
    case .terminalDefault: return -1
    case .rgb(let r, let g, let b):
      if directColor { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
      return fit(Int32(Palette.nearest256(r: r, g: g, b: b)))
    case .indexed(let n):
      // Direct-colour terminfo (xterm-direct) keeps 0-7 as the themable ANSI colours;
      // everything above is an RGB value.
      if directColor {
        if n < 8 { return Int32(n) }
        let v = Palette.xtermRGB(n)
        return number(.rgb(v.r, v.g, v.b))
      }
      return fit(Int32(n))
    }
  }

  /// Maps a palette index onto what the terminal has (8-colour terminals lose brightness).
  private func fit(_ n: Int32) -> Int32 {
    if n < colors { return n }
    if n >= 16 {
      let v = Palette.xtermRGB(UInt8(clamping: n))
      return fit(Int32(Palette.nearest16(r: v.r, g: v.g, b: v.b)))
    }
    return n % 8
  }
}
