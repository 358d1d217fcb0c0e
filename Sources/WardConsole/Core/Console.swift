import Foundation
import WardUI

/// The console's pure state machine (bubbletea's `Update`): every change of
/// ``ConsoleState`` happens here, and work comes back as ``Effect`` values.
public enum Console {
  /// The state and first effects of a new console on the overview.
  public static func start(_ state: ConsoleState) -> (ConsoleState, [Effect]) {
    var state = state
    var effects: [Effect] = [.load(.clock, screen: nil), .load(.tenantNames, screen: nil)]
    effects += push(OverviewScreen(), into: &state)
    return (state, effects)
  }

  /// Applies one event.
  public static func update(_ state: ConsoleState, _ event: ConsoleEvent) -> (
    ConsoleState, [Effect]
  ) {
    var state = state
    let effects: [Effect]
    switch event {
    case .key(let key): effects = handleKey(key, &state)
    case .resize(let width, let height):
      state.width = max(0, width)
      state.height = max(0, height)
      effects = withTop(&state) { model, context in model.resized(context) }
    case .loaded(let result, let screen):
      effects = applyLoad(result, screen: screen, &state)
    case .dataChanged:
      var refresh: [Effect] = [.load(.clock, screen: nil), .load(.tenantNames, screen: nil)]
      if let top = state.stack.last {
        refresh += top.model.refreshQueries(state.context()).map { .load($0, screen: top.id) }
      }
      effects = refresh
    case .themeChanged(let name):
      state.themeName = name
      state.status = StatusMessage(text: "theme: \(name)", isError: false)
      effects = []
    case .themeFailed(let message):
      state.status = StatusMessage(text: message, isError: true)
      effects = []
    case .wallClock(let now):
      state.wallClock = now
      effects = []
    case .written(let outcome, let screen):
      effects = TriageFlow.written(outcome, screen: screen, &state)
    }
    return (state, effects)
  }

  private static func applyLoad(_ result: LoadResult, screen: Int?, _ state: inout ConsoleState)
    -> [Effect]
  {
    switch result {
    case .clock(let clock):
      state.clock = clock
      return []
    case .tenantNames(let names):
      state.tenantNames = names
      return []
    case .failure(let message):
      state.status = StatusMessage(text: message, isError: true)
      return []
    case .lastTriageBatch(_, let summary):
      return TriageFlow.confirmUndo(summary, screen: screen, &state)
    default:
      guard let index = state.stack.firstIndex(where: { $0.id == screen }) else { return [] }
      let context = state.context()
      let id = state.stack[index].id
      let outputs = state.stack[index].model.apply(result, context)
      return resolve(outputs, from: id, &state)
    }
  }

  /// Runs `body` on the top screen and resolves its outputs.
  static func withTop(
    _ state: inout ConsoleState,
    _ body: (inout any ScreenModel, ScreenContext) -> [ScreenOutput]
  ) -> [Effect] {
    guard let last = state.stack.indices.last else { return [] }
    let context = state.context()
    let outputs = body(&state.stack[last].model, context)
    return resolve(outputs, from: state.stack[last].id, &state)
  }

  static func resolve(_ outputs: [ScreenOutput], from id: Int, _ state: inout ConsoleState)
    -> [Effect]
  {
    var effects: [Effect] = []
    for output in outputs {
      switch output {
      case .load(let query): effects.append(.load(query, screen: id))
      case .preview(let query): effects.append(.preview(query, screen: id))
      case .status(let text): state.status = StatusMessage(text: text, isError: false)
      case .push(let model): effects += push(model, into: &state)
      }
    }
    return effects
  }

  /// Pushes a screen and asks for its data.
  static func push(_ model: any ScreenModel, into state: inout ConsoleState) -> [Effect] {
    let id = state.nextScreenID
    state.nextScreenID += 1
    var model = model
    _ = model.resized(state.context())
    state.stack.append(StackEntry(id: id, model: model))
    return model.refreshQueries(state.context()).map { .load($0, screen: id) }
  }

  /// Whether `key` only moves the cursor of the top screen (no dialog or input line is
  /// open): such a key reads no preview, so pending previews may wait past it.
  public static func isCursorMovement(_ key: Key, in state: ConsoleState) -> Bool {
    guard state.dialog == nil, state.input == nil,
      case .run(let action) = state.registry.dispatch(key, on: state.topKind, policy: state.policy)
    else { return false }
    return [.up, .down, .pageUp, .pageDown, .top, .bottom].contains(action)
  }

  private static func handleKey(_ key: Key, _ state: inout ConsoleState) -> [Effect] {
    if key == .resize { return [] }
    if state.dialog != nil { return TriageFlow.handleDialogKey(key, &state) }
    if state.input != nil { return handleInput(key, &state) }
    state.status = nil
    switch state.registry.dispatch(key, on: state.topKind, policy: state.policy) {
    case .unbound:
      // A key that works on other screens says where, rather than doing nothing silently.
      if let elsewhere = state.registry.actions.first(where: { $0.keys.contains(key) }),
        let screens = elsewhere.screens
      {
        let names = ScreenKind.allCases.filter { screens.contains($0) }.map(\.rawValue)
        state.status = StatusMessage(
          text: "\(key.description) (\(elsewhere.label)) works on "
            + names.joined(separator: ", "), isError: false)
      }
      return []
    case .refused(let message):
      state.status = StatusMessage(text: message, isError: true)
      return []
    case .run(let action): return run(action, &state)
    }
  }

  private static func run(_ action: ActionID, _ state: inout ConsoleState) -> [Effect] {
    switch action {
    case .back, .backOrQuit:
      if state.stack.count > 1 {
        state.stack.removeLast()
        // Coming back: re-read what is visible (the data may have moved on).
        let top = state.stack[state.stack.count - 1]
        return top.model.refreshQueries(state.context()).map { .load($0, screen: top.id) }
      }
      if action == .backOrQuit { return [.quit] }
      // A stray Esc (or an escape sequence cut short) must never end the session.
      state.status = StatusMessage(text: "q to quit", isError: false)
      return []
    case .quit: return [.quit]
    case .suspend:
      guard state.policy.canSuspend else {
        state.status = StatusMessage(
          text: "Ctrl-Z: no shell to suspend to in this session (q quits)", isError: false)
        return []
      }
      return [.suspend]
    case .filter:
      guard state.stack.last?.model.acceptsFilter == true else {
        state.status = StatusMessage(text: "no filter on this screen", isError: false)
        return []
      }
      let current = state.stack.last?.model.filterText ?? ""
      state.input = InputLine(
        purpose: .filter,
        field: TextInput(
          text: current, suggestions: filterSuggestions(state),
          placeholder: state.topKind == .findings
            ? "text, sev:high cat:secrets state:new tenant:x src:prowler"
            : state.topKind == .alerts ? "text, sev:high kind:error-burst tenant:x fn:name" : "text"
        ),
        history: state.filterHistory[state.topKind] ?? [])
      return []
    case .command:
      state.input = InputLine(
        purpose: .command,
        field: TextInput(
          suggestions: ConsoleCommand.suggestions(
            tenants: state.tenantNames, themes: state.themeNames)))
      return []
    case .help:
      if state.topKind == .help { return [] }
      return push(HelpScreen(registry: state.registry, policy: state.policy), into: &state)
    case .redraw: return [.redraw]
    case .view:
      guard let content = state.stack.last?.model.pagerContent(state.context()) else {
        state.status = StatusMessage(text: "nothing selected to view", isError: false)
        return []
      }
      return push(PagerScreen(content), into: &state)
    case .copy:
      // View state: allowed in read-only sessions (nothing is written to the store).
      guard let target = state.stack.last?.model.copyTarget else {
        state.status = StatusMessage(text: "nothing selected to copy", isError: false)
        return []
      }
      let text = Clipboard.sanitised(target.text)
      state.status = StatusMessage(text: "copied \(target.what): \(text)", isError: false)
      return [.copy(text)]
    case .triage, .note, .undo:
      // Only reached when the registry allowed it (read-write, triage role, operator known).
      return TriageFlow.start(action, &state)
    default:
      return withTop(&state) { model, context in model.perform(action, context) }
    }
  }

  private static func filterSuggestions(_ state: ConsoleState) -> [String] {
    guard state.topKind == .findings else { return [] }
    return FindingQuery.tokenSuggestions(tenants: state.tenantNames)
  }

  private static func handleInput(_ key: Key, _ state: inout ConsoleState) -> [Effect] {
    guard var input = state.input else { return [] }
    if key == .tab, input.field.completionHint == nil { return [] }
    if input.purpose == .filter, key == .up || key == .down {
      input.recall(key == .up ? -1 : 1)
      state.input = input
      return []
    }
    let result = input.field.handle(key)
    state.input = input
    switch result {
    case .edited, .ignored: return []
    case .cancelled:
      state.input = nil
      return []
    case .submitted:
      state.input = nil
      let text = input.field.text.trimmingCharacters(in: .whitespaces)
      switch input.purpose {
      case .filter:
        if !text.isEmpty {
          var history = state.filterHistory[state.topKind] ?? []
          history.removeAll { $0 == text }
          history.append(text)
          state.filterHistory[state.topKind] = Array(history.suffix(20))
        }
        return withTop(&state) { model, context in model.setFilter(text, context) }
      case .command:
        return runCommand(text, &state)
      }
    }
  }

  private static func runCommand(_ text: String, _ state: inout ConsoleState) -> [Effect] {
    guard !text.isEmpty else { return [] }
    guard let command = ConsoleCommand(parsing: text) else {
      state.status = StatusMessage(text: "unknown command: \(text)", isError: true)
      return []
    }
    switch command {
    case .quit: return [.quit]
    case .help: return run(.help, &state)
    case .theme(let name): return [.setTheme(name)]
    case .screen(let kind):
      state.stack.removeSubrange(1...)
      switch kind {
      case .functions: return push(FunctionsScreen(tenant: nil), into: &state)
      case .findings: return push(FindingsScreen(), into: &state)
      case .alerts: return push(AlertsScreen(), into: &state)
      case .costs: return push(CostsScreen(), into: &state)
      case .changes: return push(ChangesScreen(), into: &state)
      default:
        let top = state.stack[0]
        return top.model.refreshQueries(state.context()).map { .load($0, screen: top.id) }
      }
    case .findings(let filter):
      state.stack.removeSubrange(1...)
      return push(FindingsScreen(filter: filter), into: &state)
    case .tenant(let name):
      guard let match = state.tenantNames.first(where: { $0.lowercased() == name.lowercased() })
      else {
        state.status = StatusMessage(text: "no tenant named \(name) in scope", isError: true)
        return []
      }
      state.stack.removeSubrange(1...)
      return push(FunctionsScreen(tenant: match), into: &state)
    }
  }
}
