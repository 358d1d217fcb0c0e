// Metric ingest benchmark: PostureStore.apply of an N-row metric batch versus
// `sqlite3 .import` of the same rows as CSV into the same table shape.
import Foundation
import WardModel
import WardStore

let rowCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
let functions = 1000
let hoursPerFunction = max(1, rowCount / functions)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
  "ward-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

func wallClock() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

// The batch: functions x hours, every column set (as a full get-metric-data file gives).
let hour0: EpochSeconds = 1_764_000_000 / 3600 * 3600
var samples: [MetricSample] = []
samples.reserveCapacity(functions * hoursPerFunction)
var csv = ""
csv.reserveCapacity(functions * hoursPerFunction * 64)
for f in 0..<functions {
  let arn = ARN.lambdaFunction(name: "fn-\(f)", account: "111122223333", region: "eu-west-1")
  for h in 0..<hoursPerFunction {
    let hour = hour0 + EpochSeconds(h) * 3600
    let inv = Double((f * 7 + h * 13) % 1000)
    samples.append(
      MetricSample(
        functionArn: arn, hour: hour, invocations: inv, errors: Double(h % 3),
        throttles: 0, durationAvg: 120.5, durationP99: 812.25, durationMax: 990,
        coldStarts: Double(h % 5), maxConcurrency: 4))
    // Same row as the store writes it: function_keys ids start at 1 in batch order.
    csv += "\(f + 1),\(hour),\(inv),\(Double(h % 3)),0.0,120.5,812.25,990.0,\(Double(h % 5)),4.0\n"
  }
}
var batch = ImportBatch(format: "benchmark")
batch.metrics = samples
let rows = samples.count
print("rows: \(rows) (\(functions) functions x \(hoursPerFunction) hours)")

// 1. PostureStore.apply into a fresh file store.
let storePath = directory.appendingPathComponent("store.db").path
let store = try PostureStore(path: storePath, now: hour0)
var t0 = wallClock()
let summary = try store.apply(batch, now: hour0)
let applySeconds = wallClock() - t0
precondition(summary[.metrics].inserted == rows)
print(
  String(
    format: "PostureStore.apply (file, fresh):    %.2f s  %8.0f rows/s", applySeconds,
    Double(rows) / applySeconds))

// 2. Re-apply (every row exists and is unchanged: insert-or-ignore + merge check).
t0 = wallClock()
let again = try store.apply(batch, now: hour0)
let reapplySeconds = wallClock() - t0
precondition(again[.metrics].unchanged == rows)
print(
  String(
    format: "PostureStore.apply (file, re-apply): %.2f s  %8.0f rows/s", reapplySeconds,
    Double(rows) / reapplySeconds))

// 3. sqlite3 .import of the same rows into the same table shape.
let csvPath = directory.appendingPathComponent("metrics.csv").path
try csv.write(toFile: csvPath, atomically: false, encoding: .utf8)
let schema = """
  CREATE TABLE metrics (function_id INTEGER NOT NULL, hour INTEGER NOT NULL, invocations REAL,
    errors REAL, throttles REAL, duration_avg REAL, duration_p99 REAL, duration_max REAL,
    cold_starts REAL, max_concurrency REAL, PRIMARY KEY (function_id, hour)) WITHOUT ROWID;
  """

func sqliteImport(database: String, pragmas: String) throws -> Double {
  let script = "\(pragmas)\n\(schema)\n.mode csv\n.timer off\n.import \(csvPath) metrics\n"
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
  process.arguments = [database]
  let input = Pipe()
  process.standardInput = input
  process.standardOutput = FileHandle.nullDevice
  let start = wallClock()
  try process.run()
  input.fileHandleForWriting.write(Data(script.utf8))
  try input.fileHandleForWriting.close()
  process.waitUntilExit()
  return wallClock() - start
}

let fileSeconds = try sqliteImport(
  database: directory.appendingPathComponent("import.db").path,
  pragmas: "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;")
print(
  String(
    format: "sqlite3 .import (file, WAL, NORMAL): %.2f s  %8.0f rows/s", fileSeconds,
    Double(rows) / fileSeconds))
let memorySeconds = try sqliteImport(database: ":memory:", pragmas: "")
print(
  String(
    format: "sqlite3 .import (:memory:):          %.2f s  %8.0f rows/s", memorySeconds,
    Double(rows) / memorySeconds))
print(
  String(
    format: "ratio apply / .import (file): %.2fx   apply / .import (:memory:): %.2fx",
    fileSeconds / applySeconds, memorySeconds / applySeconds))
