import ArgumentParser
import Foundation
import WardIngest
import WardModel
import WardStore

/// `ward policy`: standing triage rules as a file (docs/triage.md).
struct PolicyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policy",
    abstract: "Check and apply a triage policy file (ward-policy.yaml or a Prowler mutelist).",
    discussion: """
      A policy's rules close matching findings as suppressed, risk-accepted or \
      false-positive, each change an audit event naming the rule and the file's SHA-256. \
      A decision a person made is never overridden. Schema: docs/triage.md.
      """,
    subcommands: [PolicyCheckCommand.self, PolicyApplyCommand.self])
}

/// `ward policy check FILE`: validates the file and previews what it would change.
struct PolicyCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate a policy file and print what applying it would change.",
    discussion: """
      Errors name the file, line:column and the reason, and exit 1. With a store, prints \
      per rule how many findings it wins, would change, already carries its decision, and \
      leaves alone (triaged by hand); nothing is written.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The policy file.") var file: String

  func run() throws {
    let policy = try loadPolicy(file)
    let now = EpochSeconds(Date().timeIntervalSince1970)
    policySummary(policy, now: now).forEach(printLine)
    let path = storeOptions.path
    guard FileManager.default.fileExists(atPath: path) else {
      printLine("no store at \(path): nothing to preview")
      return
    }
    let outcome = try openStore(path, mode: .readOnly).previewPolicy(policy, now: now)
    printOutcome(outcome, verb: "would change")
  }
}

/// `ward policy apply FILE`: applies the policy to every finding in the store.
struct PolicyApplyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Apply a policy file to the findings in the store, in one transaction.",
    discussion: """
      Re-applying the same file changes nothing. A finding a rule closed that no rule \
      matches any more (the rule was edited, removed or expired) reopens as new. `ward \
      import` and `ward scan` take --policy FILE (or $WARD_POLICY) to apply it to new \
      findings as they arrive.
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Argument(help: "The policy file.") var file: String

  func run() throws {
    let policy = try loadPolicy(file)
    let store = try openStore(storeOptions.path, mode: .readWrite)
    let started = Date()
    let now = EpochSeconds(started.timeIntervalSince1970)
    let run = try store.startRun(
      .policy, operatorName: OperatorIdentity.current(option: nil).name, files: [file], now: now)
    let outcome = try store.applyPolicy(policy, now: now)
    var summary = ApplySummary()
    summary.policyChanges = outcome.totalChanged
    try store.finishRun(
      run, files: 1, summary: summary, now: EpochSeconds(Date().timeIntervalSince1970))
    let elapsed = Date().timeIntervalSince(started)
    printOutcome(outcome, verb: "changed")
    printLine(
      "applied \(policy.path) (sha256 \(policy.sha256)): \(outcome.totalChanged) findings changed"
        + (outcome.batch.map { " as audit batch \($0)" } ?? "")
        + String(format: " in %.2f s", elapsed))
  }
}

/// `--policy FILE` for `ward import` and `ward scan`, else `$WARD_POLICY`.
struct PolicyOption: ParsableArguments {
  @Option(
    name: .long,
    help:
      "Apply this triage policy to the findings in the same transaction (default: $WARD_POLICY)."
  )
  var policy: String?

  /// The policy to apply, read and validated up front (a bad file stops the command before
  /// anything is written); nil when neither the option nor the environment names one.
  func load() throws -> TriagePolicy? {
    let env = ProcessInfo.processInfo.environment["WARD_POLICY"]
    guard let path = policy ?? (env?.isEmpty == false ? env : nil) else { return nil }
    return try loadPolicy(path)
  }
}

/// Reads a policy file; a bad one is a one-line error naming file, place and reason.
func loadPolicy(_ path: String) throws -> TriagePolicy {
  do {
    return try TriagePolicyReader.load(path: path)
  } catch {
    throw CommandFailure(error.description)
  }
}

/// `FILE: N rules (sha256 ...)` and a warning line per expired rule.
func policySummary(_ policy: TriagePolicy, now: EpochSeconds) -> [String] {
  var lines = [
    "\(policy.path): valid, \(policy.rules.count) rule\(policy.rules.count == 1 ? "" : "s") (sha256 \(policy.sha256))"
  ]
  for rule in policy.rules {
    if let expires = rule.expires, expires <= now {
      lines.append(
        "warning: \(policy.path): \(rule.place): rule \(rule.id) expired on \(UTC.date(expires)): it changes nothing"
      )
    }
  }
  return lines
}

/// One line per rule in file order, the reopened count and the first changes.
func printOutcome(_ outcome: PolicyOutcome, verb: String) {
  for rule in outcome.policy.rules {
    let c = outcome.rules[rule.id] ?? PolicyRuleCount()
    printLine(
      "rule \(rule.id) (\(rule.state.rawValue)): matches \(c.matched), \(verb) \(c.changed), "
        + "already \(c.unchanged), left alone \(c.leftAlone) (triaged by hand or at source, or resolved)"
    )
  }
  if outcome.reopened > 0 {
    printLine("\(outcome.reopened) findings a rule had closed match no rule now: reopened as new")
  }
  for change in outcome.examples {
    printLine(
      "  \(change.findingId) \(change.tenant): \(change.from.rawValue) -> \(change.to.rawValue) "
        + "by \(change.ruleId ?? "(no rule matches)"): \(change.title)")
  }
  let more = outcome.totalChanged - outcome.examples.count
  if more > 0 { printLine("  ... and \(more) more") }
}
