import ArgumentParser

/// `ward console`: the full-screen console (the default command).
struct ConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console", abstract: "Open the console over the posture store.")

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    throw ValidationError("the console is not built yet")
  }
}

/// `ward demo`: the console over the bundled demo dataset, read-only.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Open a read-only console over the bundled demo dataset.")

  func run() throws {
    throw ValidationError("the console is not built yet")
  }
}
