import ArgumentParser
import Foundation

/// `--store PATH`, shared by every command that opens the posture store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: "Posture store file (default: $WARD_STORE, else $XDG_DATA_HOME/ward/posture.db).")
  var store: String?

  /// The resolved path; in SSH mode always the store the ForceCommand names.
  var path: String {
    if let session = CallerSession.current { return session.storePath }
    return StoreLocation.resolve(store, environment: ProcessInfo.processInfo.environment)
  }
}

/// `--format table|json|csv` for list commands.
struct FormatOptions: ParsableArguments {
  @Option(name: .long, help: "Output format: table, json or csv.")
  var format: OutputFormat = .table
}
