import WardModel

/// Keeps each imported finding's ``SourceRef`` in `source_identities`, inside the file's
/// savepoint. Idempotent: re-importing the same file writes no row. A file that does not
/// say the workflow (nil) keeps what an earlier import read.
struct SourceIdentityWriter {
  let db: Database
  let now: EpochSeconds

  /// Records `ref` for `findingId` (which must be stored).
  func write(_ ref: SourceRef, findingId: String) throws {
    try db.prepare(
      """
      INSERT INTO source_identities (finding_id, source, source_id, product_arn,
        workflow_status, verification_state, status_changed_at)
      VALUES (?, ?, ?, ?, ?, ?, NULL)
      ON CONFLICT (finding_id) DO UPDATE SET
        source = excluded.source, source_id = excluded.source_id,
        product_arn = excluded.product_arn,
        workflow_status = COALESCE(excluded.workflow_status, workflow_status),
        verification_state = COALESCE(excluded.verification_state, verification_state),
        status_changed_at = CASE
          WHEN COALESCE(excluded.workflow_status, workflow_status) IS NOT workflow_status
            OR COALESCE(excluded.verification_state, verification_state) IS NOT verification_state
          THEN ? ELSE status_changed_at END
      WHERE source IS NOT excluded.source OR source_id IS NOT excluded.source_id
        OR product_arn IS NOT excluded.product_arn
        OR COALESCE(excluded.workflow_status, workflow_status) IS NOT workflow_status
        OR COALESCE(excluded.verification_state, verification_state) IS NOT verification_state
      """
    ).run([
      .text(findingId), .text(ref.system), .text(ref.id), .text(ref.productArn),
      SQLValue(ref.workflowStatus), SQLValue(ref.verificationState), .integer(now),
    ])
  }
}
