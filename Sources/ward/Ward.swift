import ArgumentParser

/// `ward`: the terminal console for serverless security posture, and its scriptable commands.
@main
struct Ward: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ward",
    abstract: "A terminal console for serverless security posture across many tenants.",
    discussion: """
      Run with no command to open the console over the posture store. The store is \
      --store PATH, else $WARD_STORE, else $XDG_DATA_HOME/ward/posture.db \
      (default ~/.local/share/ward/posture.db).
      """,
    version: "0.1.0",
    subcommands: [
      ConsoleCommand.self, DemoCommand.self, ImportCommand.self, ScanCommand.self,
      TenantsCommand.self, FunctionsCommand.self, FindingsCommand.self, AlertsCommand.self,
      CostsCommand.self, RulesCommand.self, TriageCommand.self, AuditCommand.self,
      ExportCommand.self, EvidenceCommand.self, PolicyCommand.self, ChangesCommand.self,
      NotifyCommand.self,
    ],
    defaultSubcommand: ConsoleCommand.self
  )

  /// Guards the process (no backtracer, one-line crashes that restore the terminal), then
  /// parses the command line and runs the command.
  static func main() {
    ProcessGuard.engage()
    main(nil)
  }
}
