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
    /// The page the clause starts on (1-based), for formats with pages.
    public var page: Int?
    /// Which piece of a clause cut for length this is (1-based), or nil.
    public var piece: Int?
    public var topics: [String]
    public var text: String
    /// Position of the clause in its document (0-based), for showing its neighbours.
    public var ordinal: Int

    /// The fields every clause of a document shares, which the index stores once per document.
    public struct DocumentFields: Sendable, Equatable {
        public var path: String
        public var supplier: String
        public var title: String
        public var versionDate: String?
        public var versionLabel: String?
        public var kind: String?
    }

    /// This clause's document-level fields.
    public var documentFields: DocumentFields {
        DocumentFields(path: path, supplier: supplier, title: title, versionDate: versionDate, versionLabel: versionLabel, kind: kind)
    }

    /// The key of the clause within its document: its id without the document id and `#`.
    var key: String {
        let prefix = document + "#"
        return id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id
    }

    /// The Xapian document data of the clause. The fields in a fixed order, each written as its
    /// UTF-8 length in decimal, `:` and its bytes, or `-` when absent; the topics as their count and
    /// then each topic; the text; then, `withDocumentFields` (the first clause of each document),
    /// the document's path, supplier, title, version date and label and kind, which the other
    /// clauses leave out (schema 6: they were on every clause, 4 % of the index). No keys and no
    /// escaping: it is written for every clause indexed and read for every hit shown.
    func encoded(withDocumentFields: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + (withDocumentFields ? path.utf8.count + title.utf8.count : 0) + 96)
        func field(_ value: String?) {
            guard let value else { out += "-"; return }
            out += String(value.utf8.count)
            out += ":"
            out += value
        }
        for value in [document, key, language.rawValue, part, article, articleHeading, clause, heading,
                      page.map(String.init), piece.map(String.init), String(ordinal), String(topics.count)] {
            field(value)
        }
        for topic in topics { field(topic) }
        field(text)
        if withDocumentFields {
            for value in [path, supplier, title, versionDate, versionLabel, kind] { field(value) }
        }
        return out
    }

    /// The clause id of document data written by `encoded(withDocumentFields:)` (its first two
    /// fields), without decoding the rest; nil when the data is not a clause.
    static func id(in data: String) -> String? {
        var data = data
        return data.withUTF8 { bytes in
            var reader = FieldReader(bytes: bytes)
            guard let document = reader.required(), let key = reader.required() else { return nil }
            return document + "#" + key
        }
    }

    /// Decodes document data written by `encoded(withDocumentFields:)`; the document fields of a
    /// clause that does not carry them come from `documentFields(documentID)`.
    /// Throws a DatabaseCorruptError when the stored data is not a clause (a damaged docdata
    /// table), so callers report a damaged index rather than a parse error.
    static func decode(_ data: String, documentFields: (String) throws -> DocumentFields) throws -> StoredClause {
        let (clause, own) = try decodeClauseFields(data)
        var stored = clause
        let fields = try own ?? documentFields(clause.document)
        stored.path = fields.path
        stored.supplier = fields.supplier
        stored.title = fields.title
        stored.versionDate = fields.versionDate
        stored.versionLabel = fields.versionLabel
        stored.kind = fields.kind
        return stored
    }

    /// The clause's own fields (its document fields empty) and the document fields it carries.
    private static func decodeClauseFields(_ data: String) throws -> (StoredClause, DocumentFields?) {
        var data = data
        let decoded = data.withUTF8 { bytes -> (StoredClause, DocumentFields?)? in
            var reader = FieldReader(bytes: bytes)
            guard let document = reader.required(), let key = reader.required(),
                  let language = reader.required().flatMap(Language.init(rawValue:)),
                  let part = reader.optional(), let article = reader.optional(), let articleHeading = reader.optional(),
                  let clause = reader.required(), let heading = reader.optional(),
                  let page = reader.optional(), let piece = reader.optional(),
                  let ordinal = reader.required().flatMap({ Int($0) }),
                  let topicCount = reader.required().flatMap({ Int($0) }), topicCount >= 0, topicCount <= bytes.count
            else { return nil }
            var topics: [String] = []
            for _ in 0..<topicCount {
                guard let topic = reader.required() else { return nil }
                topics.append(topic)
            }
            guard let text = reader.required() else { return nil }
            var fields: StoredClause.DocumentFields?
            if !reader.atEnd {
                guard let path = reader.required(), let supplier = reader.required(), let title = reader.required(),
                      let versionDate = reader.optional(), let versionLabel = reader.optional(), let kind = reader.optional(),
                      reader.atEnd
                else { return nil }
                fields = DocumentFields(path: path, supplier: supplier, title: title, versionDate: versionDate,
                                        versionLabel: versionLabel, kind: kind)
            }
            let stored = StoredClause(id: document + "#" + key, document: document, path: "", supplier: "", title: "",
                                      language: language, versionDate: nil, versionLabel: nil, kind: nil,
                                      part: part, article: article, articleHeading: articleHeading, clause: clause,
                                      heading: heading, page: page.flatMap { Int($0) }, piece: piece.flatMap { Int($0) },
                                      topics: topics, text: text, ordinal: ordinal)
            return (stored, fields)
        }
        guard let decoded else {
            throw XapianError(kind: .corrupt, type: "DatabaseCorruptError",
                              message: "a stored clause cannot be decoded (the docdata table is damaged)")
        }
        return decoded
    }
}

/// The document fields of clauses that do not carry them, read from the first clause of their
/// document (the one with the `IndexSchema.documentRecord` term) once per document. Meant for one
/// operation on one database state (a search, an outline), so it never outlives a reopen.
final class DocumentRecords {
    private let database: Database
    private var cache: [String: StoredClause.DocumentFields] = [:]

    init(_ database: Database) { self.database = database }

    /// The document fields of `document`; a corrupt-index error when the index has no record of it.
    func fields(of document: String) throws -> StoredClause.DocumentFields {
        if let known = cache[document] { return known }
        let term = IndexSchema.booleanTerm(IndexSchema.documentRecord, document)
        guard let docid = try database.postings(term).first,
              let fields = try StoredClause.record(in: try database.document(docid).data)?.fields else {
            throw XapianError(kind: .corrupt, type: "DatabaseCorruptError",
                              message: "the first clause of document \(document), which holds its supplier, title and version, is missing")
        }
        cache[document] = fields
        return fields
    }

    /// Decodes the data of a clause of this database, its document fields filled in (and kept,
    /// so a document's first clause read here saves the look-up for the others).
    func clause(_ data: String) throws -> StoredClause {
        let stored = try StoredClause.decode(data) { try fields(of: $0) }
        if cache[stored.document] == nil { cache[stored.document] = stored.documentFields }
        return stored
    }
}

extension StoredClause {
    /// The document id and the document fields a record clause's data carries; nil when it
    /// carries none.
    static func record(in data: String) throws -> (document: String, fields: DocumentFields)? {
        let (clause, fields) = try decodeClauseFields(data)
        return fields.map { (clause.document, $0) }
    }
}

extension StoredClause {
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
        page = clause.location.page
        piece = clause.location.piece
        topics = clause.topics
        text = clause.text
        self.ordinal = ordinal
    }
}

/// Reads the fields of `StoredClause.encoded(withDocumentFields:)`: `length:bytes` or `-`.
private struct FieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    /// A present field; nil if the data is malformed or the field is absent.
    mutating func required() -> String? {
        optional() ?? nil
    }

    /// `.some(nil)` for an absent field, `.some(value)` for a present one, nil if malformed.
    mutating func optional() -> String?? {
        guard offset < bytes.count else { return nil }
        if bytes[offset] == UInt8(ascii: "-") {
            offset += 1
            return .some(nil)
        }
        var length = 0
        while offset < bytes.count, bytes[offset] != UInt8(ascii: ":") {
            let digit = Int(bytes[offset]) - 48
            guard (0...9).contains(digit), length < bytes.count else { return nil }
            length = length * 10 + digit
            offset += 1
        }
        guard offset < bytes.count, length <= bytes.count - offset - 1 else { return nil }
        let start = offset + 1
        offset = start + length
        return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
    }
}
