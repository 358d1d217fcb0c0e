// swift-tools-version: 6.0
// Ward benchmarks: a separate package so `swift test` at the root never builds them.
//
// The root package exports no library products yet, so this package builds the store's
// sources through symlinks (Sources/WardStore, WardModel, CSQLite -> ../../Sources/...).
// Once the root declares `.library(name: "WardStore", ...)`, replace the symlinks with
// `.package(path: "..")`. Run: `swift run -c release store-benchmark [rows]`.
import PackageDescription

let package = Package(
  name: "WardBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    // WardStore hashes its audit chain with swift-crypto.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0")
  ],
  targets: [
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3"),
    .target(name: "WardModel", path: "Sources/WardModel"),
    .target(
      name: "WardStore",
      dependencies: ["WardModel", "CSQLite", .product(name: "Crypto", package: "swift-crypto")],
      path: "Sources/WardStore"),
    .executableTarget(
      name: "store-benchmark", dependencies: ["WardStore", "WardModel"],
      path: "Sources/StoreBenchmark"),
  ]
)
