import ArgumentParser
import Foundation
import WardIngest
import WardModel
import WardStore

/// `ward import`: reads files and directories into the store, each file all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import AWS CLI responses, scanner reports and tenants files into the store.",
    discussion: """
      Formats are detected from content (docs/formats.md); .gz files are read transparently. \
      Directories are walked recursively; a directory written by scripts/collect-aws.sh is \
      imported whole. Each file is all or nothing: a bad file is rejected with its place and \
      reason, the others still import, and the exit status is 1 if any file failed.
      """)

  @OptionGroup var storeOptions: StoreOptions

  @Option(
    name: .long,
    help: "Assign every account (and account-less finding) in these files to this tenant.")
  var tenant: String?

  @Flag(name: .long, help: "Print only the summary and errors.")
  var quiet = false

  @OptionGroup var policyOption: PolicyOption

  @Argument(help: "Files or directories to import.")
  var paths: [String]

  func run() throws {
    let policy = try policyOption.load()
    let store = try openStore(storeOptions.path, mode: .readWrite)
    var bar: ImportProgress? = nil
    let environment = ProcessInfo.processInfo.environment
    let report = try Ingestion(
      store: store, tenantOverride: tenant, policy: policy,
      operatorName: OperatorIdentity.current(option: nil).name
    ).importPaths(
      paths,
      progress: { line in
        guard !quiet else { return }
        bar?.clear()
        printLine(line)
      },
      tick: { done, total, records in
        if bar == nil {
          bar = ImportProgress(total: total, enabled: !quiet, environment: environment)
        }
        bar?.update(done: done, records: records)
      })
    bar?.clear()
    for failure in report.failures {
      printError("error: \(failure)")
    }
    printLine(report.summaryLine)
    if !report.failures.isEmpty { throw ExitCode(1) }
  }
}

/// Imports planned files into a store: parsing runs one file ahead of the writes so the two
/// cores overlap reading JSON with SQLite work.
struct Ingestion {
  let store: PostureStore
  let tenantOverride: String?
  /// Applied to each file's findings in that file's transaction (`--policy`).
  var policy: TriagePolicy? = nil
  /// Who runs the import, recorded on its run (`ward changes --runs`).
  var operatorName = "import"

  /// What one `ward import` did.
  struct Report {
    var imported = 0
    var failures: [String] = []
    var failedFiles: [String] = []
    var changed = 0
    /// Files left after the disk filled up (the import stops there).
    var notAttempted = 0
    /// Records not stored, over all files (see ``summaryLine``).
    var skipped = 0
    /// Wall time of the whole import, and the part spent in store writes.
    var seconds = 0.0
    var writeSeconds = 0.0
    /// The import as recorded in the store's runs.
    var run: RunRecord?

    var summaryLine: String {
      var line =
        "imported \(imported) file\(imported == 1 ? "" : "s"), \(changed) record\(changed == 1 ? "" : "s") changed"
        + String(format: " in %.2f s (store writes %.2f s)", seconds, writeSeconds)
      if !failedFiles.isEmpty {
        line += "; \(failedFiles.count) failed: \(failedFiles.joined(separator: ", "))"
      }
      if skipped > 0 {
        line +=
          "; \(skipped) record\(skipped == 1 ? "" : "s") skipped (an aspect of a function no inventory file named, or a PASS result for a finding the store never had)"
      }
      if notAttempted > 0 { line += "; \(notAttempted) not attempted (the disk is full)" }
      if let run {
        line += "; run #\(run.id)"
        if run.findingsUnseen > 0 {
          line +=
            ", \(run.findingsUnseen) finding\(run.findingsUnseen == 1 ? "" : "s") no longer seen"
        }
      }
      return line
    }
  }

  /// Dates the findings of a file that carries no time at the store's data hour (the
  /// newest metric hour, which this import's series files have already moved on), else at
  /// the import's hour: the clock the console's ages and "data as of" use. Re-importing
  /// the same file into the same store changes nothing.
  ///
  /// `dataHour` is read once per import, at the first such file: files are applied in
  /// stage order, so every series file of the import is in by then.
  func dateFindings(
    _ batch: inout ImportBatch, in group: ImportGroup, now: EpochSeconds,
    dataHour: inout EpochSeconds?
  ) throws {
    if dataHour == nil { dataHour = try group.latestMetricHour() ?? UTC.hourFloor(now) }
    guard let hour = dataHour else { return }
    for i in batch.findings.indices {
      batch.findings[i].firstSeen = hour
      batch.findings[i].lastSeen = hour
    }
  }

  /// Files per transaction: each file is still all or nothing (a savepoint), but the
  /// commit and the rollup refresh are paid once per group. A group closes at whichever
  /// limit comes first; a `kill -9` loses at most the open group (run the import again).
  static let filesPerGroup = 1_000
  static let recordsPerGroup = 200_000

  /// A file applied in the open group, reported once the group commits.
  private struct Applied {
    var path: String
    var format: String
    var summary: ApplySummary
  }

  /// Imports every file under `paths`. `progress` gets one line per imported file (when
  /// its group commits); `tick` gets (files done, files planned, records read) after each
  /// file, for a progress bar.
  func importPaths(
    _ paths: [String], progress: (String) -> Void,
    tick: (_ done: Int, _ total: Int, _ records: Int) -> Void = { _, _, _ in }
  ) throws -> Report {
    var report = Report()
    let plan = ImportPlan.plan(paths: paths)
    for problem in plan.problems {
      report.failures.append(problem.description)
      report.failedFiles.append(problem.file)
    }
    let planned = plan.files
    let now = EpochSeconds(Date().timeIntervalSince1970)
    // Nothing to import records no run (it would only hide the previous one).
    let run =
      planned.isEmpty
      ? nil : try store.startRun(.import, operatorName: operatorName, files: paths, now: now)
    var total = ApplySummary()
    let reader = PrefetchingReader(files: planned, now: now).makeIterator()
    let started = Date()
    var writing = 0.0
    var done = 0
    var records = 0
    var dataHour: EpochSeconds? = nil
    var exhausted = false
    while !exhausted {
      var applied: [Applied] = []
      var current: String? = nil
      let groupStarted = Date()
      var groupWaiting = 0.0
      var consumed = 0
      do {
        try store.withImportGroup(now: now, run: run) { group in
          var groupRecords = 0
          while applied.count < Self.filesPerGroup, groupRecords < Self.recordsPerGroup {
            let t0 = Date()
            let next = reader.next()
            groupWaiting += Date().timeIntervalSince(t0)
            guard let (file, result) = next else {
              exhausted = true
              return
            }
            consumed += 1
            defer {
              done += 1
              tick(done, planned.count, records)
            }
            switch result {
            case .failure(let error):
              report.failures.append(error.description)
              report.failedFiles.append(file.path)
            case .success(var batch):
              records += batch.recordCount
              groupRecords += batch.recordCount
              current = file.path
              do {
                if batch.undatedFindings {
                  try dateFindings(&batch, in: group, now: now, dataHour: &dataHour)
                }
                let summary = try group.apply(
                  batch, tenantOverride: tenantOverride, policy: policy)
                applied.append(Applied(path: file.path, format: batch.format, summary: summary))
              } catch let error as StoreError where error.isDiskFull {
                throw error
              } catch {
                report.failures.append("\(file.path): \(error)")
                report.failedFiles.append(file.path)
              }
              current = nil
            }
          }
        }
      } catch let error as StoreError where error.isDiskFull {
        // SQLite rolled the whole transaction back: the group's files are not in the store
        // and count as not attempted, like the files after them.
        let place = current ?? "the last \(applied.count) files"
        report.failures.append(
          "\(place): not imported: \(error); free space and run the same import again")
        if let current { report.failedFiles.append(current) }
        report.notAttempted = planned.count - report.imported - report.failedFiles.count
        break
      } catch {
        // The transaction could not even start (e.g. the store stayed locked past the
        // lock wait): retrying the next group would fail the same way, so stop here.
        if consumed == 0 { throw error }
        // The group's transaction did not commit: none of its files is in the store.
        for file in applied {
          report.failures.append("\(file.path): not imported: its transaction failed: \(error)")
          report.failedFiles.append(file.path)
        }
        continue
      }
      writing += Date().timeIntervalSince(groupStarted) - groupWaiting
      for file in applied {
        total.add(file.summary)
        report.imported += 1
        report.changed += file.summary.totalChanged
        report.skipped += ApplySummary.Kind.allCases.reduce(0) { $0 + file.summary[$1].skipped }
        progress(
          "\(file.path): \(file.format): \(file.summary.totalChanged == 0 ? "no change" : file.summary.description)"
        )
      }
    }
    if let run, report.imported == 0 {
      // Nothing of the run is in the store: a rejected file leaves it as it was.
      try store.discardRun(run)
    } else if let run {
      report.run = try store.finishRun(
        run, files: report.imported, failed: report.failedFiles.count + report.notAttempted,
        summary: total, now: EpochSeconds(Date().timeIntervalSince1970))
    }
    report.seconds = Date().timeIntervalSince(started)
    report.writeSeconds = writing
    return report
  }
}

/// Reads and parses files on background threads, a couple of files ahead of the consumer,
/// so JSON parsing overlaps the SQLite writes.
struct PrefetchingReader: Sequence {
  let files: [PlannedFile]
  let now: EpochSeconds

  func makeIterator() -> Iterator { Iterator(files: files, now: now) }

  final class Iterator: IteratorProtocol {
    private let files: [PlannedFile]
    private let now: EpochSeconds
    private var index = 0
    private var started = 0
    private var pending: [Pending] = []
    /// Parses in flight: two keep both cores busy while the main thread writes.
    private static let lookahead = 2

    /// A parse running in the background; `wait()` returns its result.
    private final class Pending: @unchecked Sendable {
      private let done = DispatchSemaphore(value: 0)
      private var result: Result<ImportBatch, ImportError>?

      init(file: PlannedFile, now: EpochSeconds) {
        let path = file.path
        let ctx = file.context
        Thread.detachNewThread { [self] in
          do {
            self.result = .success(try Importer.read(path: path, context: ctx))
          } catch let error as ImportError {
            self.result = .failure(error)
          } catch {
            self.result = .failure(ImportError(file: path, reason: "\(error)"))
          }
          self.done.signal()
        }
      }

      func wait() -> Result<ImportBatch, ImportError> {
        done.wait()
        return result!
      }
    }

    init(files: [PlannedFile], now: EpochSeconds) {
      self.files = files
      self.now = now
      topUp()
    }

    /// Keeps up to `lookahead` parses running ahead of the consumer.
    private func topUp() {
      while pending.count < Self.lookahead, started < files.count {
        pending.append(Pending(file: files[started], now: now))
        started += 1
      }
    }

    func next() -> (PlannedFile, Result<ImportBatch, ImportError>)? {
      guard index < files.count, !pending.isEmpty else { return nil }
      let file = files[index]
      let result = pending.removeFirst().wait()
      index += 1
      topUp()
      return (file, result)
    }
  }
}
