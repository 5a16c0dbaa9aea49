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

    /// The Xapian document data of the clause. The fields in a fixed order, each written as its
    /// UTF-8 length in decimal, `:` and its bytes, or `-` when absent; the topics as their count and
    /// then each topic; the text last. No keys and no escaping: it is written for every clause
    /// indexed and read for every hit shown, and Xapian compresses less of it (schema 4 added page and piece;
    /// schema 2 stored JSON).
    func encoded() -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + path.utf8.count + title.utf8.count + 128)
        func field(_ value: String?) {
            guard let value else { out += "-"; return }
            out += String(value.utf8.count)
            out += ":"
            out += value
        }
        for value in [id, document, path, supplier, title, language.rawValue, versionDate, versionLabel, kind,
                      part, article, articleHeading, clause, heading, page.map(String.init), piece.map(String.init),
                      String(ordinal), String(topics.count)] {
            field(value)
        }
        for topic in topics { field(topic) }
        field(text)
        return out
    }

    /// The clause id of document data written by `encoded()` (its first field), without decoding
    /// the rest; nil when the data is not a clause.
    static func id(in data: String) -> String? {
        var data = data
        return data.withUTF8 { bytes in
            var reader = FieldReader(bytes: bytes)
            return reader.required()
        }
    }

    /// Decodes document data written by `encoded()`.
    /// Throws a DatabaseCorruptError when the stored data is not a clause (a damaged docdata
    /// table), so callers report a damaged index rather than a parse error.
    static func decode(_ data: String) throws -> StoredClause {
        var data = data
        let clause = data.withUTF8 { bytes -> StoredClause? in
            var reader = FieldReader(bytes: bytes)
            guard let id = reader.required(), let document = reader.required(), let path = reader.required(),
                  let supplier = reader.required(), let title = reader.required(),
                  let language = reader.required().flatMap(Language.init(rawValue:)),
                  let versionDate = reader.optional(), let versionLabel = reader.optional(), let kind = reader.optional(),
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
            guard let text = reader.required(), reader.atEnd else { return nil }
            return StoredClause(id: id, document: document, path: path, supplier: supplier, title: title,
                                language: language, versionDate: versionDate, versionLabel: versionLabel, kind: kind,
                                part: part, article: article, articleHeading: articleHeading, clause: clause,
                                heading: heading, page: page.flatMap { Int($0) }, piece: piece.flatMap { Int($0) },
                                topics: topics, text: text, ordinal: ordinal)
        }
        guard let clause else {
            throw XapianError(kind: .corrupt, type: "DatabaseCorruptError",
                              message: "a stored clause cannot be decoded (the docdata table is damaged)")
        }
        return clause
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

/// Reads the fields of `StoredClause.encoded()`: `length:bytes` or `-`.
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
