import Foundation

/// Where tests find the project's own and the shared material.
public enum TestMaterial {
    /// The repository's root.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled corpus.
    public static let corpus = repositoryRoot.appendingPathComponent("Corpus")

    /// Test fixtures.
    public static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// The shared folder beside the repository (`$TERMSEARCH_SHARED`, else `../shared`), if present.
    public static let shared: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["TERMSEARCH_SHARED"].map { URL(fileURLWithPath: $0) },
                          repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared"),
                          URL(fileURLWithPath: "/work/shared")].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("realworld").path) }
    }()

    /// Third-party published terms, read in place (never copied into the project), if present.
    public static var realworld: URL? { shared?.appendingPathComponent("realworld") }

    /// The seed files of the bundled corpus, sorted.
    public static var seedFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    }
}
