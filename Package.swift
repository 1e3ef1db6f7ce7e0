// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "rxfacts",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RxFacts", targets: ["RxFacts"]),
        .executable(name: "rxfacts", targets: ["rxfacts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(
            name: "RxFacts",
            dependencies: ["RxXML", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "rxfacts",
            dependencies: ["RxFacts", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmark of the XML ingest path (not a test): swift run -c release rxfacts-bench-xml
        .executableTarget(name: "rxfacts-bench-xml", dependencies: ["RxFacts", "RxXML"]),
        .testTarget(name: "RxFactsTests", dependencies: ["RxFacts", "RxXML"], exclude: ["Fixtures"]),
    ]
)
