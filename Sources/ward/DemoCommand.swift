import ArgumentParser
import Crypto
import Foundation
import WardConsole
import WardModel
import WardStore
import WardUI

/// `ward demo`: the console over the bundled demo dataset, read-only.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open a read-only console over the bundled demo dataset.",
    discussion: """
      The demo store is built from demo-data/ on first use (import, then scan) and cached in \
      $XDG_CACHE_HOME/ward (default ~/.cache/ward); it is rebuilt when demo-data or the ward \
      binary changes. It is opened read-only at the SQLite level: every mutating key answers \
      "read-only" and the file is left byte-for-byte unchanged.
      """)

  @Option(
    name: .long,
    help: "The demo dataset folder (default: $WARD_DEMO_DATA, ./demo-data, then the bundled one).")
  var data: String?

  @Flag(name: .long, help: "Build (or find) the cached demo store, print its path and exit.")
  var printStore = false

  @OptionGroup var display: DisplayOptions

  func run() throws {
    let env = ProcessInfo.processInfo.environment
    let dataDir = try DemoStore.locateData(option: data, environment: env)
    let path = try DemoStore.ensure(dataDirectory: dataDir, environment: env) { message in
      printError(message)
    }
    if printStore {
      printLine(path)
      return
    }
    let store = try openStore(path, mode: .readOnly)
    let outcome = try runConsole(
      store: store, policy: ConsolePolicy(readOnly: true, demo: true), env: env,
      theme: display.theme, themesDir: display.themesDir, color: display.color,
      ascii: display.ascii, mouse: display.mouse)
    if case .signal(let number) = outcome.exit { throw ExitCode(128 + number) }
  }
}

/// Finds the demo dataset and keeps a built store of it in the cache.
enum DemoStore {
  /// `--data`, `$WARD_DEMO_DATA`, `./demo-data`, `<prefix>/share/ward/demo-data`, then the
  /// source tree this binary was built from.
  static func locateData(option: String?, environment: [String: String]) throws -> String {
    // A dataset the user named is used as named, or refused: never silently replaced by
    // another one found elsewhere.
    let named =
      option.map { ($0, "--data") }
      ?? environment["WARD_DEMO_DATA"].flatMap { $0.isEmpty ? nil : ($0, "$WARD_DEMO_DATA") }
    if let (dir, source) = named {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) else {
        throw ValidationError("\(source) \(dir): no such directory")
      }
      guard isDirectory.boolValue else {
        throw ValidationError("\(source) \(dir): not a directory")
      }
      guard FileManager.default.fileExists(atPath: PathText.join(dir, "tenants.yaml")) else {
        throw ValidationError(
          "\(source) \(dir): not a demo dataset (no tenants.yaml; see demo-data/README.md)")
      }
      return dir
    }
    var candidates: [String] = []
    candidates.append(FileManager.default.currentDirectoryPath + "/demo-data")
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    candidates.append(
      exe.deletingLastPathComponent().deletingLastPathComponent().path + "/share/ward/demo-data")
    candidates.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/demo-data")
    for dir in candidates where FileManager.default.fileExists(atPath: dir + "/tenants.yaml") {
      return dir
    }
    throw ValidationError(
      "cannot find the demo dataset: run from the repository, or pass --data DIR (looked in \(candidates.joined(separator: ", ")))"
    )
  }

  /// The cached store for this dataset and binary, built if missing. Returns its path.
  static func ensure(dataDirectory: String, environment: [String: String], log: (String) -> Void)
    throws -> String
  {
    let cacheHome =
      environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.cache")
    let dir = cacheHome + "/ward"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = "\(dir)/demo-\(try fingerprint(dataDirectory)).db"
    if FileManager.default.fileExists(atPath: path) { return path }

    log("building the demo store from \(dataDirectory) (once; cached in \(dir))…")
    let building = "\(path).building-\(getpid())"
    defer {
      for suffix in ["", "-wal", "-shm", "-journal"] {
        try? FileManager.default.removeItem(atPath: building + suffix)
      }
    }
    do {
      let store = try PostureStore(path: building, mode: .readWrite)
      var bar: ImportProgress? = nil
      let report = try Ingestion(store: store, tenantOverride: nil, operatorName: "demo")
        .importPaths(
          [dataDirectory], progress: { _ in },
          tick: { done, total, records in
            if bar == nil {
              bar = ImportProgress(total: total, enabled: true, environment: environment)
            }
            bar?.update(done: done, records: records)
          })
      bar?.clear()
      guard report.failures.isEmpty else {
        throw ValidationError(
          "the demo dataset did not import cleanly:\n" + report.failures.joined(separator: "\n"))
      }
      _ = try WardScan(store: store, operatorName: "demo").run()
      try store.sealForReadOnlyUse()
    }
    // Atomic: a concurrent `ward demo` sees either no store or a whole one.
    if rename(building, path) != 0 && !FileManager.default.fileExists(atPath: path) {
      throw ValidationError(
        "cannot move the demo store into \(dir): \(String(cString: strerror(errno)))")
    }
    pruneOldStores(in: dir, keeping: 2)
    return path
  }

  /// Removes all but the `keeping` newest demo stores of `dir`: each binary or dataset
  /// change builds a new one (~40 MB), and without this every upgrade left the old behind.
  /// Two are kept so a debug and a release build used in turn do not rebuild each time; a
  /// session still reading a removed store keeps its open file.
  static func pruneOldStores(in dir: String, keeping: Int) {
    let fm = FileManager.default
    let stores = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter {
      $0.hasPrefix("demo-") && $0.hasSuffix(".db")
    }.map { dir + "/" + $0 }
    func modified(_ path: String) -> Date {
      ((try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
    for old in stores.sorted(by: { modified($0) > modified($1) }).dropFirst(keeping) {
      for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: old + suffix) }
    }
  }

  /// A digest of the dataset's file list (path, size, modification time) and of this binary,
  /// so the cache is rebuilt when either changes. Walks with readdir/lstat: Foundation's
  /// per-file attribute dictionaries made this most of `ward demo`'s start-up.
  static func fingerprint(_ dataDirectory: String) throws -> String {
    var entries: [String] = []
    guard walk(dataDirectory, relative: "", into: &entries) else {
      throw ValidationError("\(dataDirectory): cannot read the demo dataset")
    }
    var hasher = SHA256()
    for entry in entries.sorted() { hasher.update(data: Data((entry + "\n").utf8)) }
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    var st = stat()
    if stat(exe, &st) == 0 {
      hasher.update(
        data: Data("binary\t\(st.st_size)\t\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)".utf8))
    }
    return hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
  }

  /// Appends `relative-path<TAB>size<TAB>mtime` for every regular file under `directory`.
  private static func walk(_ directory: String, relative: String, into entries: inout [String])
    -> Bool
  {
    guard let dir = opendir(directory) else { return false }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name == "." || name == ".." { continue }
      let path = directory + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      var st = stat()
      guard lstat(path, &st) == 0 else { continue }
      switch st.st_mode & S_IFMT {
      case S_IFDIR: _ = walk(path, relative: rel, into: &entries)
      case S_IFREG:
        entries.append("\(rel)\t\(st.st_size)\t\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
      default: continue
      }
    }
    return true
  }
}
