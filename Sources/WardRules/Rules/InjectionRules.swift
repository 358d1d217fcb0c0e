import WardModel

/// Heuristics shared by the injection rules.
enum InjectionHeuristics {
  /// A function tag (any value) an operator sets to record request validation or WAF in
  /// front of the function; Ward cannot see either in the Lambda inventory.
  static let validationEvidenceTag = "ward:input-validation"

  /// Role-name fragments that suggest broad permissions (case-insensitive).
  static let broadRoleFragments = ["admin", "fullaccess", "poweruser", "*"]

  /// Environment variable name tokens that suggest a database behind the function.
  static let databaseTokens: Set<String> = [
    "DB", "DATABASE", "SQL", "MYSQL", "POSTGRES", "POSTGRESQL", "PG", "PGHOST", "PGDATABASE",
    "MONGO", "MONGODB", "RDS", "JDBC", "DSN", "MSSQL", "MARIADB", "ORACLE", "AURORA",
  ]

  static func hasValidationEvidence(_ f: Function) -> Bool {
    f.tags.keys.contains { $0.lowercased() == validationEvidenceTag }
  }

  static func broadRoleFragment(_ f: Function) -> String? {
    guard let role = f.role else { return nil }
    let name = roleName(role).lowercased()
    return broadRoleFragments.first { name.contains($0) }
  }

  static func databaseVariables(_ f: Function) -> [String] {
    f.environment.map(\.name).filter { name in
      let upper = name.uppercased()
      if upper.contains("SQL") { return true }
      return upper.split(whereSeparator: { $0 == "_" || $0 == "-" }).contains {
        databaseTokens.contains(String($0))
      }
    }
  }
}

/// WARD-INJ-001: public input into a function whose role looks over-privileged.
struct PublicInputBroadRoleRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INJ-001", category: .injection, severity: .high,
    title: "Public input path into an over-privileged function",
    rationale:
      "Event data from a public input path (URL AuthType NONE, public policy, or an API Gateway permission with no SourceArn) reaches a function whose execution role name suggests broad permissions (Admin, FullAccess, PowerUser, `*`), with no request-validation or WAF evidence: one injection bug becomes account takeover. Heuristic: role names only, used while the role's policies are unknown (once IAM is collected, WARD-INV-007 judges the real grants and this rule stays quiet).",
    remediation:
      "Validate requests before the function (API Gateway request validator, WAF), scope the role to the actions it needs, then tag the function `ward:input-validation` to record the control."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    // With the role's policies read, WARD-INV-007 judges the real grants instead.
    guard s.inventory.permissions == nil else { return nil }
    let paths = s.inventory.publicInputPaths
    guard !paths.isEmpty, !InjectionHeuristics.hasValidationEvidence(s.function),
      let fragment = InjectionHeuristics.broadRoleFragment(s.function)
    else { return nil }
    return RuleHit(
      evidence:
        "role \(s.function.role ?? "") (name contains \"\(fragment)\"); input: \(paths.joined(separator: "; "))"
    )
  }
}

/// WARD-INJ-002: public input into a function that talks to a database.
struct PublicInputDatabaseRule: Rule {
  let entry = RuleEntry(
    id: "WARD-INJ-002", category: .injection, severity: .medium,
    title: "Public input path into a function with database settings",
    rationale:
      "A public input path with no request-validation or WAF evidence into a function whose environment names a database (DB_*, *SQL*, MONGO*, RDS*, JDBC, DSN ...) is the classic SQL/NoSQL injection shape. Heuristic: variable names only.",
    remediation:
      "Use parameterised queries, validate input at the edge (request validator, WAF SQLi rules), then tag the function `ward:input-validation`."
  )

  func evaluate(_ s: RuleSubject) -> RuleHit? {
    let paths = s.inventory.publicInputPaths
    guard !paths.isEmpty, !InjectionHeuristics.hasValidationEvidence(s.function) else {
      return nil
    }
    let vars = InjectionHeuristics.databaseVariables(s.function)
    guard !vars.isEmpty else { return nil }
    return RuleHit(
      evidence: "env \(vars.joined(separator: ",")); input: \(paths.joined(separator: "; "))")
  }
}
