/// Migration 16: the file and lines a finding points
/// at (``WardModel/SourceLocation``), so `ward export --format sarif` can place it in code.
///
/// Checkov findings stored before this kept their lines only in the evidence text
/// (`FILE lines A-B`, the reader's format); the migration copies them into the new columns,
/// so a re-import of the same report changes nothing.
enum FindingLocationSchema {
  /// Migration: self-contained, appended after the existing ones.
  static let migration = """
    ALTER TABLE findings ADD COLUMN location_uri TEXT;
    ALTER TABLE findings ADD COLUMN location_start_line INTEGER;
    ALTER TABLE findings ADD COLUMN location_end_line INTEGER;
    UPDATE findings SET
      location_uri = substr(evidence, 1, instr(evidence, ' lines ') - 1),
      location_start_line = CAST(substr(substr(evidence, instr(evidence, ' lines ') + 7), 1,
        instr(substr(evidence, instr(evidence, ' lines ') + 7), '-') - 1) AS INTEGER),
      location_end_line = CAST(substr(substr(evidence, instr(evidence, ' lines ') + 7),
        instr(substr(evidence, instr(evidence, ' lines ') + 7), '-') + 1) AS INTEGER)
    WHERE source = 'checkov' AND evidence GLOB '?* lines [0-9]*-[0-9]*'
      AND evidence NOT GLOB '* lines *[^0-9-]*';
    """
}
