import WardModel

/// Writes a batch's trigger-source facts and links inside the caller's transaction. A fact
/// updates only its own column(s) of the source's row; a link set replaces its owner's
/// links. Counted under `.sources`.
struct TriggerSourceWriter {
  let db: Database

  func apply(_ batch: ImportBatch, into summary: inout ApplySummary) throws {
    for fact in batch.sourceFacts {
      let (columns, values) = Self.columns(fact.change)
      let upserter = Upserter(
        db: db, table: "trigger_sources", keyColumns: ["source_arn"], valueColumns: columns)
      summary.record(.sources, try upserter.upsert(keys: [.text(fact.sourceArn)], values: values))
    }
    let links = RowSetReplacer(
      db: db, table: "trigger_links", keyColumns: ["via", "owner"],
      columns: ["source_arn", "function_arn", "detail"], order: "source_arn, function_arn")
    for set in batch.sourceLinks {
      let rows = set.links.sorted {
        ($0.sourceArn, $0.functionArn) < ($1.sourceArn, $1.functionArn)
      }
      .map { [SQLValue.text($0.sourceArn), .text($0.functionArn), .text($0.detail)] }
      summary.record(
        .sources, try links.replace(keys: [.text(set.via.rawValue), .text(set.owner)], rows: rows))
    }
  }

  /// The column(s) one aspect writes, and their values.
  static func columns(_ change: SourceFact.Change) -> ([String], [SQLValue]) {
    switch change {
    case .policy(let statements): (["policy"], [.text(JSONText.encode(statements))])
    case .aclPublicGrants(let grants): (["acl_public_grants"], [.text(JSONText.encode(grants))])
    case .publicAccessBlock(let block):
      (["public_access_block"], [.text(JSONText.encode(block))])
    case .eventRule(let state, let selector):
      (["rule_state", "rule_selector"], [SQLValue(state), .text(selector)])
    }
  }
}
