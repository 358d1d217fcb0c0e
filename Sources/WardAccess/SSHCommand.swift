/// The commands an operator may run over SSH (`ssh bastion ward findings ...`), checked
/// against `SSH_ORIGINAL_COMMAND` before anything runs.
public enum SSHCommandPolicy {
  /// Read commands allowed over SSH (first word after `ward`). `evidence` reads like
  /// `export` (the pack goes to standard output) and records that it was written.
  public static let allowedCommands: Set<String> = [
    "findings", "functions", "alerts", "costs", "tenants", "audit", "export", "rules", "changes",
    "evidence",
  ]
  /// Options an SSH caller may not pass: they would pick another store, another operators
  /// file, or write a file on the bastion.
  public static let forbiddenOptions: Set<String> = [
    "--store", "--operators", "--output", "-o", "--operator",
  ]

  /// The arguments to run (without the leading `ward`), or the refusal message.
  public static func check(_ command: String) -> Result<[String], AccessError> {
    let words: [String]
    switch split(command) {
    case .success(let w): words = w
    case .failure(let e): return .failure(e)
    }
    func refuse(_ why: String) -> Result<[String], AccessError> {
      .failure(AccessError(path: "ward", reason: "refused over SSH: \(why)"))
    }
    guard let first = words.first else { return refuse("empty command") }
    guard first == "ward" || first.hasSuffix("/ward") else {
      return refuse("only Ward's own read commands run here, not `\(first)`")
    }
    let args = Array(words.dropFirst())
    guard let sub = args.first else {
      return refuse("no command given; try `ward findings --format json`")
    }
    guard allowedCommands.contains(sub) else {
      return refuse(
        "`ward \(sub)` is not a read command (allowed: \(allowedCommands.sorted().joined(separator: ", ")))"
      )
    }
    if sub == "audit" {
      guard args.count >= 2, args[1] == "log" || args[1] == "verify" || args[1] == "head" else {
        return refuse("only `ward audit log|verify|head` run over SSH")
      }
    }
    if sub == "evidence", args.count >= 2, args[1] == "verify" {
      return refuse("`ward evidence verify` reads a file on this host: verify the pack where it is")
    }
    for a in args {
      let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
      if forbiddenOptions.contains(name) { return refuse("option \(name) is not allowed over SSH") }
    }
    return .success(args)
  }

  /// Splits like a POSIX shell for words and quotes only; any shell operator
  /// (`;`, `|`, `&`, `>`, `<`, `` ` ``, `$(`) is refused rather than interpreted.
  public static func split(_ s: String) -> Result<[String], AccessError> {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for c in s {
      if escaped {
        current.append(c)
        escaped = false
        continue
      }
      if let q = quote {
        if c == q {
          quote = nil
        } else if c == "\\" && q == "\"" {
          escaped = true
        } else {
          current.append(c)
        }
        continue
      }
      switch c {
      case "'", "\"":
        quote = c
        inWord = true
      case "\\":
        escaped = true
        inWord = true
      case " ", "\t", "\n":
        if inWord {
          words.append(current)
          current = ""
          inWord = false
        }
      case ";", "|", "&", ">", "<", "`", "$", "(", ")":
        return .failure(
          AccessError(path: "ward", reason: "refused over SSH: shell syntax `\(c)` is not allowed"))
      default:
        current.append(c)
        inWord = true
      }
    }
    if quote != nil {
      return .failure(AccessError(path: "ward", reason: "refused over SSH: unterminated quote"))
    }
    if inWord { words.append(current) }
    return .success(words)
  }
}
