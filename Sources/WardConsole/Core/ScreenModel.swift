import WardStore
import WardUI

/// What a screen asks the console to do after handling an action or a load.
public enum ScreenOutput: Sendable {
  /// Read this (the result comes back to the same screen).
  case load(Query)
  /// Read the selected row's detail for a preview pane. It may wait until the next frame
  /// or the next action that is not a cursor move, and a newer preview of the same screen
  /// replaces it: a burst of cursor keys (a paste, key repeat) then reads one detail, not
  /// one per key.
  case preview(Query)
  /// Open another screen on top.
  case push(any ScreenModel)
  /// Say something on the status line.
  case status(String)
}

/// What a screen knows about its surroundings.
public struct ScreenContext: Sendable, Hashable {
  /// The screen's area (between the header and the footer).
  public var body: Rect
  public var clock: DataClock
  public var policy: ConsolePolicy
  public var glyphs: GlyphSet
  /// Tenant names in the session's scope (empty until known): `tenant:` filters match
  /// their prefixes, and a single-tenant view drops its TENANT columns.
  public var tenantNames: [String] = []

  /// Whether the session sees exactly one tenant.
  public var singleTenant: Bool { tenantNames.count == 1 }
}

/// One screen: its state, how actions and loaded data change it, and how it draws.
///
/// Everything here is a value; the console's `update` calls these and turns the outputs
/// into effects, so screens are tested without a store or a terminal.
public protocol ScreenModel: Sendable {
  var kind: ScreenKind { get }
  /// Header breadcrumb text, e.g. `Functions: acme`.
  var breadcrumb: String { get }
  /// Queries that (re)load what is visible now; also used by live refresh.
  func refreshQueries(_ context: ScreenContext) -> [Query]
  /// Takes in a load result.
  mutating func apply(_ result: LoadResult, _ context: ScreenContext) -> [ScreenOutput]
  /// Handles a (non-global) action.
  mutating func perform(_ action: ActionID, _ context: ScreenContext) -> [ScreenOutput]
  /// The current `/` filter text.
  var filterText: String { get }
  /// The filter in effect, spelled out (implicit defaults included), for confirmations
  /// and the title line.
  var effectiveFilterText: String { get }
  /// Whether `/` applies here.
  var acceptsFilter: Bool { get }
  /// Sets the `/` filter.
  mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput]
  /// The window changed size.
  mutating func resized(_ context: ScreenContext) -> [ScreenOutput]
  /// Draws into `context.body`.
  func render(into canvas: inout Canvas, _ context: ScreenContext)
  /// Hints for the footer.
  var hints: [KeyHint] { get }
  /// The finding under the cursor, for `t` (when nothing is marked) and `n`; nil when the
  /// screen has no finding selected.
  var selectedFinding: FindingRow? { get }
  /// Marked findings with the version each had when it was marked, for a bulk `t`.
  var markedTargets: [TriageTarget] { get }
  /// Forgets the marks (after a bulk triage was sent).
  mutating func clearMarks()
  /// What `v` shows in the pager: the selected item whole; nil when nothing is selected.
  func pagerContent(_ context: ScreenContext) -> PagerContent?
  /// What `y` copies: the selected item's id, ARN or URL; nil when nothing is selected.
  var copyTarget: CopyTarget? { get }
}

/// A titled text for the pager.
public struct PagerContent: Sendable, Hashable {
  public var title: String
  public var lines: [TextLine]
  public init(title: String, lines: [TextLine]) {
    self.title = title
    self.lines = lines
  }
}

/// Text to copy and what it is (`finding id`, `function ARN`), for the status line.
public struct CopyTarget: Sendable, Hashable {
  public var what: String
  public var text: String
  public init(_ what: String, _ text: String) {
    self.what = what
    self.text = text
  }
}

extension ScreenModel {
  public var filterText: String { "" }
  public var acceptsFilter: Bool { false }
  public var effectiveFilterText: String { filterText.isEmpty ? "none" : filterText }
  public mutating func setFilter(_ text: String, _ context: ScreenContext) -> [ScreenOutput] {
    []
  }
  public mutating func resized(_ context: ScreenContext) -> [ScreenOutput] { [] }
  public var selectedFinding: FindingRow? { nil }
  public var markedTargets: [TriageTarget] { [] }
  public mutating func clearMarks() {}
  public func pagerContent(_ context: ScreenContext) -> PagerContent? { nil }
  public var copyTarget: CopyTarget? { nil }
}
