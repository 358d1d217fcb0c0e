import ArgumentParser
import Foundation
import WardConsole
import WardRules
import WardStore
import WardTerminal
import WardUI

/// WardTerminal's `Terminal` already has every member the console's runner needs.
extension Terminal: ConsoleTerminal {}

extension ColorDepth.Override: ExpressibleByArgument {}

/// `ward console`: the full-screen console (the default command).
struct ConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console", abstract: "Open the console over the posture store.")

  @OptionGroup var storeOptions: StoreOptions

  @Flag(
    name: .long, help: "Never write: the store is opened read-only and triage keys are refused.")
  var readOnly = false

  @Option(
    name: .customLong("operator"),
    help: "Who is triaging (default: $WARD_OPERATOR, else the login user).")
  var operatorName: String?

  @OptionGroup var display: DisplayOptions

  @Flag(
    name: .long,
    help:
      "Operator mode for sshd's ForceCommand: identity, role and tenant scope from the operators file (docs/ssh.md)."
  )
  var ssh = false

  @Option(
    name: .long,
    help: "Operators file for --ssh (default: $WARD_OPERATORS, else /etc/ward/operators.yaml).")
  var operators: String?

  @Option(help: ArgumentHelp("End the session after this many idle seconds.", visibility: .hidden))
  var idleTimeoutSeconds: Int?

  func run() throws {
    let env = ProcessInfo.processInfo.environment
    if ssh {
      try SSHMode(
        storePath: storeOptions.path, operatorsOption: operators, environment: env,
        themesDir: display.themesDir, idleTimeoutOverride: idleTimeoutSeconds
      ).run()
      return
    }
    let store = try scopedForCaller(
      try openStore(storeOptions.path, mode: readOnly ? .readOnly : .readWrite))
    let writable = !(readOnly || store.isReadOnly)
    let policy = ConsolePolicy(
      readOnly: !writable, canTriage: writable,
      operator: writable ? OperatorIdentity.current(option: operatorName) : nil)
    let outcome = try runConsole(
      store: store, policy: policy, env: env,
      theme: display.theme, themesDir: display.themesDir, color: display.color,
      ascii: display.ascii, mouse: display.mouse,
      idleTimeoutSeconds: idleTimeoutSeconds)
    if case .idleTimeout(let seconds) = outcome.exit {
      printError("ward: session ended after \(seconds / 60) minutes without input")
    }
    if case .signal(let number) = outcome.exit { throw ExitCode(128 + number) }
  }
}

/// Names for the termination signals a console session can end on (audit `end_reason`).
enum SignalName {
  static func of(_ number: Int32) -> String {
    switch number {
    case SIGHUP: "hangup"
    case SIGTERM: "terminated"
    case SIGINT: "interrupted"
    case SIGQUIT: "quit-signal"
    default: "signal-\(number)"
    }
  }
}

/// How a console run ended, with the window size at the end.
struct ConsoleOutcome {
  var exit: ConsoleExit
  var width: Int
  var height: Int
}

/// Opens the terminal, runs the console, restores the terminal. `started` is called with
/// the window size once the terminal is open (SSH mode records the session start there).
@discardableResult
func runConsole(
  store: PostureStore, policy: ConsolePolicy, env: [String: String], theme: String?,
  themesDir: String?, color: ColorDepth.Override, ascii: Bool, mouse: Bool,
  idleTimeoutSeconds: Int? = nil,
  started: (_ width: Int, _ height: Int) throws -> Void = { _, _ in }
) throws -> ConsoleOutcome {
  let lifecycle = RuntimeLifecycle.bundled
  let options = ConsoleOptions(
    policy: policy, themes: ThemeLocator(explicitDirectory: themesDir, environment: env),
    themeName: ThemeLocator.initialName(option: theme, environment: env),
    runtimeStatus: { runtime, now in
      switch lifecycle.stage(of: runtime, at: now) {
      case .deprecationSoon: "deprecation soon"
      case .deprecated: "deprecated"
      case .createBlocked: "deprecated, create blocked"
      case .updateBlocked: "deprecated, update blocked"
      case .supported, nil: nil
      }
    }, idleTimeoutSeconds: idleTimeoutSeconds)
  let terminal: Terminal
  do {
    terminal = try Terminal(
      environment: env, options: Terminal.Options(color: color, forceASCII: ascii, mouse: mouse))
  } catch {
    throw ValidationError("\(error)")
  }
  defer { terminal.restore() }
  try started(terminal.width, terminal.height)
  let exit = ConsoleRunner.run(store: store, options: options, terminal: terminal)
  return ConsoleOutcome(exit: exit, width: terminal.width, height: terminal.height)
}

/// How the console looks: shared by `ward console` and `ward demo`.
struct DisplayOptions: ParsableArguments {
  @Option(name: .long, help: "Theme name (default: $WARD_THEME, else default).")
  var theme: String?

  @Option(
    name: .long,
    help:
      "Folder of theme files (searched first; then $WARD_THEMES_DIR, ~/.config/ward/themes, bundled)."
  )
  var themesDir: String?

  @Option(name: .long, help: "Colour depth: auto, never, 16, 256, truecolor.")
  var color: ColorDepth.Override = .auto

  @Flag(name: .long, help: "ASCII glyphs only (automatic when the locale is not UTF-8).")
  var ascii = false

  @Flag(name: .long, help: "Enable mouse reporting (off: keeps terminal text selection).")
  var mouse = false
}
