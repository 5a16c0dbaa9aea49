import Foundation

/// Where tests find the project's own and the shared material.
enum TestMaterial {
    /// The repository's root.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled corpus.
    static let corpus = repositoryRoot.appendingPathComponent("Corpus")

    /// Test fixtures.
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// The shared folder beside the repository (`$TERMSEARCH_SHARED`, else `../shared`), if present.
    static let shared: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["TERMSEARCH_SHARED"].map { URL(fileURLWithPath: $0) },
                          repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared"),
                          URL(fileURLWithPath: "/work/shared")].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("realworld").path) }
    }()

    /// Third-party published terms, read in place (never copied into the project), if present.
    static var realworld: URL? { shared?.appendingPathComponent("realworld") }

    /// The seed files of the bundled corpus, sorted.
    static var seedFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }
}
