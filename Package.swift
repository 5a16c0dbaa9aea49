// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "termsearch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "termsearch", targets: ["termsearch"]),
        .library(name: "TermsIndex", targets: ["TermsIndex"]),
        .library(name: "Xapian", targets: ["Xapian"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // libxapian from the system (-lxapian); Debian/Ubuntu: apt-get install libxapian-dev.
        .systemLibrary(
            name: "XapianSystem",
            pkgConfig: "xapian-core",
            providers: [.apt(["libxapian-dev"])]
        ),
        // C++ shim: a plain C header over libxapian; every function catches every exception.
        .target(
            name: "CXapian",
            dependencies: ["XapianSystem"]
        ),
        // Idiomatic Swift over the shim. Knows nothing of terms and conditions.
        .target(name: "Xapian", dependencies: ["CXapian"]),
        // The domain: ingest, index, search of suppliers' terms and conditions.
        // The legal thesaurus is a data file, copied beside the executable (LegalThesaurus).
        .target(name: "TermsIndex", dependencies: ["Xapian"], resources: [.copy("Language/legal-thesaurus.txt"), .copy("Language/legal-glossary.txt")]),
        // The local web app and JSON API over an index (`termsearch serve`).
        .target(
            name: "TermsWeb",
            dependencies: [
                "TermsIndex",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line.
        .executableTarget(
            name: "termsearch",
            dependencies: [
                "TermsIndex",
                "TermsWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc as the process's malloc (Debian: apt-get install libjemalloc-dev): Xapian's
            // writer and our workers allocate millions of small map nodes and strings, many freed
            // on another thread than the one that made them; indexing takes 10-15% less CPU than
            // with glibc's malloc (Benchmarks/README.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // Paths to the corpus and shared material, and generated hostile files, for the test targets.
        .target(name: "TestSupport", dependencies: ["Xapian"], path: "Tests/TestSupport"),
        .testTarget(name: "XapianTests", dependencies: ["Xapian", "TestSupport"]),
        .testTarget(name: "TermsIndexTests", dependencies: ["TermsIndex", "TestSupport"]),
        .testTarget(name: "TermsearchCLITests", dependencies: ["termsearch", "TermsIndex", "TestSupport"]),
        .testTarget(name: "TermsWebTests", dependencies: ["TermsWeb", "termsearch", "TermsIndex", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5],
    cxxLanguageStandard: .cxx17
)
