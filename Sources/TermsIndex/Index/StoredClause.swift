import Foundation
import Xapian

/// A clause as stored in the index's document data: everything a hit shows, without re-reading files.
public struct StoredClause: Codable, Sendable, Equatable {
    public var id: String
    public var document: String
    public var path: String
    public var supplier: String
    public var title: String
    public var language: Language
    public var versionDate: String?
    public var versionLabel: String?
    public var kind: String?
    public var part: String?
    public var article: String?
    public var articleHeading: String?
    public var clause: String
    public var heading: String?
    public var topics: [String]
    public var text: String
    /// Position of the clause in its document (0-based), for showing its neighbours.
    public var ordinal: Int

    /// The stored form of one clause of `document`.
    public init(_ clause: Clause, of document: TermsDocument, ordinal: Int) {
        id = document.clauseID(clause)
        self.document = document.id
        path = document.path
        supplier = document.metadata.supplier
        title = document.metadata.title
        language = clause.language
        versionDate = document.metadata.versionDate
        versionLabel = document.metadata.version
        kind = document.metadata.kind
        part = clause.location.part
        article = clause.location.article
        articleHeading = clause.location.articleHeading
        self.clause = clause.location.clause
        heading = clause.location.heading
        topics = clause.topics
        text = clause.text
        self.ordinal = ordinal
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    /// The JSON stored as Xapian document data.
    func encoded() throws -> String { String(decoding: try StoredClause.encoder.encode(self), as: UTF8.self) }

    /// Decodes document data written by `encoded()`.
    /// Throws a DatabaseCorruptError when the stored data is not a clause (a damaged docdata
    /// table), so callers report a damaged index rather than a JSON error.
    static func decode(_ data: String) throws -> StoredClause {
        do {
            return try JSONDecoder().decode(StoredClause.self, from: Data(data.utf8))
        } catch {
            throw XapianError(kind: .corrupt, type: "DatabaseCorruptError",
                              message: "a stored clause cannot be decoded (the docdata table is damaged)")
        }
    }
}
