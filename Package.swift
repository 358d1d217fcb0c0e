// swift-tools-version: 6.0
// Ward: a terminal console for serverless security posture.
// Module layout and import rules: see docs/design.md (mirrors shared DESIGN.md).
import PackageDescription

let package = Package(
  name: "Ward",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "ward", targets: ["ward"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
  ],
  targets: [
    // System libraries.
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(
      name: "CNcurses", path: "Sources/CNcurses",
      providers: [.apt(["libncurses-dev"])]),
    // Crash and quit signal handlers that restore the terminal (C: handlers reach globals).
    .target(name: "CProcessGuard", path: "Sources/CProcessGuard"),
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),

    // Pure value types.
    .target(name: "WardModel"),
    // The posture store over SQLite.
    .target(
      name: "WardStore",
      dependencies: ["WardModel", "CSQLite", .product(name: "Crypto", package: "swift-crypto")]),
    // Readers for each input format.
    .target(
      name: "WardIngest",
      dependencies: [
        "WardModel", "CZlib", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: []),
    // Ward's own rules and detectors.
    .target(name: "WardRules", dependencies: ["WardModel"], resources: [.copy("Resources")]),
    // Who is at the keyboard: operators file, SSH identity, roles, tenant scope.
    .target(
      name: "WardAccess",
      dependencies: [
        "WardModel", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Evidence packs: a tenant's findings, decisions and audit-chain slice as a .tar.gz
    // (ustar + gzip), and their offline check.
    .target(
      name: "WardEvidence",
      dependencies: [
        "WardStore", "WardModel", "WardIngest", "CZlib",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Terminal-agnostic UI kit.
    .target(name: "WardUI", dependencies: [.product(name: "Yams", package: "Yams")]),
    // The application: screens, navigation, actions.
    .target(name: "WardConsole", dependencies: ["WardUI", "WardStore", "WardModel"]),
    // The ncurses backend.
    .target(name: "WardTerminal", dependencies: ["WardUI", "CNcurses", "CProcessGuard"]),
    // The executable.
    .executableTarget(
      name: "ward",
      dependencies: [
        "WardModel", "WardStore", "WardIngest", "WardRules", "WardUI", "WardConsole", "WardAccess",
        "WardTerminal", "CProcessGuard", "WardEvidence",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),

    .testTarget(name: "WardModelTests", dependencies: ["WardModel"]),
    .testTarget(name: "WardStoreTests", dependencies: ["WardStore", "WardModel", "CSQLite"]),
    .testTarget(
      name: "WardIngestTests", dependencies: ["WardIngest", "WardModel"],
      resources: [.copy("../Fixtures")]),
    .testTarget(name: "WardRulesTests", dependencies: ["WardRules", "WardModel"]),
    .testTarget(name: "WardUITests", dependencies: ["WardUI"]),
    .testTarget(
      name: "WardEvidenceTests", dependencies: ["WardEvidence", "WardStore", "WardModel"]),
    .testTarget(name: "WardAccessTests", dependencies: ["WardAccess", "WardModel"]),
    .testTarget(
      name: "WardConsoleTests", dependencies: ["WardConsole", "WardUI", "WardStore", "WardModel"]),
    .testTarget(
      name: "WardEndToEndTests",
      dependencies: [
        "WardStore", "WardModel", "WardRules", "CSQLite",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
  ]
)
