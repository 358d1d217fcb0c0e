/// Effective permissions grouped for reading: one line per service and resource, with the
/// actions granted there and what Denies or boundaries take out.
public struct PermissionSummaryLine: Sendable, Hashable {
  /// The service prefix (`s3`), or `*` for grants on every service.
  public var service: String
  public var resource: String
  public var actions: [String]
  /// `except ACTION on RESOURCE` notes, and `conditional` for Allows with a Condition.
  public var notes: [String]
  /// The policies the grants come from.
  public var sources: [String]
}

extension EffectivePermissions {
  /// The grants by service (`*` first), then resource; conditional grants on their own line.
  public var summary: [PermissionSummaryLine] {
    struct Key: Hashable {
      var service: String
      var resource: String
      var conditional: Bool
    }
    var order: [Key] = []
    var lines: [Key: PermissionSummaryLine] = [:]
    for g in grants {
      let key = Key(service: g.service, resource: g.resource, conditional: g.conditional)
      if lines[key] == nil {
        order.append(key)
        lines[key] = PermissionSummaryLine(
          service: g.service, resource: g.resource, actions: [],
          notes: g.conditional ? ["conditional"] : [], sources: [])
      }
      var line = lines[key]!
      if !line.actions.contains(g.action) { line.actions.append(g.action) }
      for e in g.exceptions {
        let note = "except \(e.action) on \(e.resource)"
        if !line.notes.contains(note) { line.notes.append(note) }
      }
      if !line.sources.contains(g.source) { line.sources.append(g.source) }
      lines[key] = line
    }
    return order.sorted { a, b in
      if (a.service == "*") != (b.service == "*") { return a.service == "*" }
      return (a.service, a.resource, a.conditional ? 1 : 0) < (
        b.service, b.resource, b.conditional ? 1 : 0
      )
    }.map { lines[$0]! }
  }
}
