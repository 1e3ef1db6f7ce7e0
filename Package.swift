// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "rxfacts",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RxFacts", targets: ["RxFacts"]),
        .library(name: "RxFactsStore", targets: ["RxFactsStore"]),
        .library(name: "RxFactsBatch", targets: ["RxFactsBatch"]),
        .executable(name: "rxfacts", targets: ["rxfacts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The only C in the project: libxml2 through a five-line module map and a shim.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The only Swift that touches libxml2 pointers; it exposes safe Swift values.
        .target(name: "RxXML", dependencies: ["CLibXML2"]),
        // The extraction library: stages, rules, record model. Its public API is small (see
        // Sources/RxFacts/RxFacts.docc); sibling targets reach the rest through `package` access.
        .target(name: "RxFacts", dependencies: ["RxXML", .product(name: "Yams", package: "Yams")]),
        // Many inputs: directory walks, zip archives, parallel windows, shards, resume.
        .target(
            name: "RxFactsBatch",
            dependencies: ["RxFacts", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Tools around the library: lexicon builder, record diff, evaluation on gold sets.
        .target(name: "RxFactsLexiconBuild", dependencies: ["RxFacts"]),
        .target(name: "RxFactsDiff", dependencies: ["RxFacts"]),
        .target(name: "RxFactsEval", dependencies: ["RxFacts", "RxFactsDiff"]),
        // The evidence report: records and their leaflet text as one self-contained HTML page.
        .target(name: "RxFactsReport", dependencies: ["RxFacts", "RxFactsBatch"]),
        // Databases: SQLite and libpq from Debian through two tiny module maps; RxSQL is the only
        // Swift that touches their pointers, RxFactsStore the schema and loader (no C in sight).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // libpq: its header only; RxSQL opens the library at the first connection (LibPQ.swift).
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "RxSQL", dependencies: ["CSQLite", "CLibPQ"]),
        .target(name: "RxFactsStore", dependencies: ["RxFacts", "RxSQL"]),
        .executableTarget(
            name: "rxfacts",
            dependencies: [
                "RxFacts", "RxFactsBatch", "RxFactsDiff", "RxFactsEval", "RxFactsLexiconBuild", "RxFactsReport", "RxFactsStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RxFactsTests",
            dependencies: [
                "RxFacts", "RxXML", "RxFactsBatch", "RxFactsDiff", "RxFactsEval", "RxFactsLexiconBuild", "RxFactsReport",
                "RxFactsStore", "RxSQL", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]  // read through #filePath, not bundled
        ),
        // Per-stage throughput benchmark (not a test): swift run -c release rxfacts-bench INPUT...
        .executableTarget(name: "rxfacts-bench", dependencies: ["RxFacts", "RxFactsBatch"]),
        // Fuzz targets, one per parser (not a test): Scripts/fuzz.sh builds them with libFuzzer.
        .executableTarget(name: "rxfacts-fuzz", dependencies: ["RxFacts", "RxFactsBatch"]),
        // Benchmark of the XML ingest path (not a test): swift run -c release rxfacts-bench-xml
        .executableTarget(name: "rxfacts-bench-xml", dependencies: ["RxFacts", "RxXML"]),
    ]
)
