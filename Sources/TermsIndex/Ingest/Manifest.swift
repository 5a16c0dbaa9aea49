import Foundation

/// What a corpus folder says about its documents: `manifest.json` beside the files.
///
/// ```json
/// { "documents": { "klantassistent-algemene-voorwaarden.txt":
///     { "supplier": "Klantassistent", "title": "Algemene voorwaarden", "languages": ["nl"],
///       "versionDate": "2025-04-23", "version": "1.4", "kind": "general-terms-b2b" } } }
/// ```
/// Every field is optional; what the manifest leaves out is extracted from the text. `versionOf`
/// says the file is a later version of another document of the corpus, even when supplier or kind
/// differ (`VersionGroups`); it is resolved to a document id when indexing (`VersionDeclarations`).
public struct Manifest: Codable, Sendable {
    /// One document's entry; each field overrides what extraction finds.
    public struct Entry: Codable, Sendable {
        public var supplier: String?
        public var title: String?
        public var languages: [Language]?
        public var versionDate: String?
        public var version: String?
        public var kind: String?
        /// The document this one is a later version of: a file name relative to the manifest's
        /// folder (`"acme-2023.pdf"`, `"../2023/acme.pdf"`) or a document id of the index
        /// (`"2023/acme"`); a name that is both means the file.
        public var versionOf: String?
    }

    /// Entries by file name.
    public var documents: [String: Entry]

    /// The file name a manifest has in a corpus folder.
    public static let fileName = "manifest.json"

    /// Loads the manifest of `folder`, if it has one.
    public static func load(in folder: URL) throws -> Manifest? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
        } catch {
            throw TermsearchError.library(context: "reading \(url.path)", message: "not a valid manifest: \(error.localizedDescription)")
        }
    }

    /// The entry for a file in this manifest's folder.
    public func entry(for file: URL) -> Entry? { documents[file.lastPathComponent] }
}
