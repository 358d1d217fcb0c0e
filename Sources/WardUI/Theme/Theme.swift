/// What a theme says about one role.
public struct ThemeEntry: Sendable, Hashable {
  /// Foreground; nil falls back to the `text` role.
  public var fg: Paint?
  /// Background; nil falls back to the `background` role.
  public var bg: Paint?
  /// Attributes used at every colour depth.
  public var attributes: TextAttributes
  /// Attributes used instead when the terminal has no colour; nil derives them from
  /// `attributes` and ``Theme/monoFallback``.
  public var mono: TextAttributes?

  public init(
    fg: Paint? = nil, bg: Paint? = nil, attributes: TextAttributes = [],
    mono: TextAttributes? = nil
  ) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
    self.mono = mono
  }
}

/// A named mapping from ``Role`` to colours and attributes.
///
/// Load one from YAML with ``Theme/load(contentsOf:)``; the schema is documented at the top
/// of `themes/default.yaml`. ``Theme/fallback`` is a built-in theme for when no file is found.
public struct Theme: Sendable, Hashable {
  public var name: String
  public var entries: [Role: ThemeEntry]

  public init(name: String, entries: [Role: ThemeEntry]) {
    self.name = name
    self.entries = entries
  }

  /// Attributes each role gets on a monochrome terminal unless its entry says otherwise
  /// (the htop model: meaning survives as bold, dim and reverse).
  public static let monoFallback: [Role: TextAttributes] = [
    .title: .bold, .header: [.bold, .underline], .selection: .reverse, .muted: .dim,
    .border: .dim, .key: .bold, .badge: .reverse, .statusBar: .reverse, .error: .bold,
    .warn: .bold, .accent: .bold, .mark: .bold, .input: .underline,
    .severityCritical: [.bold, .reverse], .severityHigh: .bold, .severityLow: .dim,
    .severityInfo: .dim, .stateNew: .bold, .stateResolved: .dim, .stateSuppressed: .dim,
    .stateFalsePositive: .dim,
  ]

  /// A minimal 16-colour theme that needs no file.
  public static let fallback = Theme(
    name: "fallback",
    entries: [
      .muted: ThemeEntry(fg: .color(.indexed(8))),
      .accent: ThemeEntry(fg: .color(.indexed(6))),
      .border: ThemeEntry(fg: .color(.indexed(8))),
      .title: ThemeEntry(fg: .color(.indexed(6)), attributes: .bold),
      .header: ThemeEntry(attributes: .bold),
      .selection: ThemeEntry(attributes: .reverse),
      .key: ThemeEntry(fg: .color(.indexed(3)), attributes: .bold),
      .badge: ThemeEntry(attributes: .reverse),
      .statusBar: ThemeEntry(attributes: .reverse),
      .ok: ThemeEntry(fg: .color(.indexed(2))),
      .warn: ThemeEntry(fg: .color(.indexed(3))),
      .error: ThemeEntry(fg: .color(.indexed(1)), attributes: .bold),
      .severityCritical: ThemeEntry(fg: .color(.indexed(9)), attributes: .bold),
      .severityHigh: ThemeEntry(fg: .color(.indexed(1))),
      .severityMedium: ThemeEntry(fg: .color(.indexed(3))),
      .severityLow: ThemeEntry(fg: .color(.indexed(4))),
      .severityInfo: ThemeEntry(fg: .color(.indexed(8))),
    ])

  /// Turns `style` into concrete colours and attributes for a terminal of `depth`.
  public func resolve(_ style: Style, depth: ColorDepth) -> ResolvedStyle {
    var attributes = style.attributes
    if case .role(let fgRole) = style.fg { attributes.formUnion(roleAttributes(fgRole, depth)) }
    if case .role(let bgRole) = style.bg, style.bg != style.fg {
      attributes.formUnion(roleAttributes(bgRole, depth))
    }
    if depth == .mono {
      return ResolvedStyle(fg: .terminalDefault, bg: .terminalDefault, attributes: attributes)
    }
    return ResolvedStyle(
      fg: color(style.fg, depth: depth, foreground: true),
      bg: color(style.bg, depth: depth, foreground: false), attributes: attributes)
  }

  private func roleAttributes(_ role: Role, _ depth: ColorDepth) -> TextAttributes {
    depth == .mono ? monoAttributes(role) : entries[role]?.attributes ?? []
  }

  /// The attributes `role` shows on a monochrome terminal.
  public func monoAttributes(_ role: Role) -> TextAttributes {
    let entry = entries[role]
    if let mono = entry?.mono { return mono }
    return (entry?.attributes ?? []).union(Self.monoFallback[role] ?? [])
  }

  private func color(_ paint: Paint, depth: ColorDepth, foreground: Bool) -> ResolvedColor {
    switch paint {
    case .terminalDefault: return .terminalDefault
    case .color(let c): return depth.downsample(c)
    case .role(let role):
      let entry = entries[role]
      if let own = foreground ? entry?.fg : entry?.bg, own != .role(role) {
        return color(own, depth: depth, foreground: foreground)
      }
      let base: Role = foreground ? .text : .background
      return role == base
        ? .terminalDefault : color(.role(base), depth: depth, foreground: foreground)
    }
  }
}
