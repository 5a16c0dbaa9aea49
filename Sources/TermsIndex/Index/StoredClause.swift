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

    /// The JSON stored as Xapian document data: what `JSONEncoder` with sorted keys writes (nil
    /// fields left out), written by hand because this runs for every clause indexed.
    func encoded() -> String {
        var json = JSONObjectWriter()
        json.add("article", article)
        json.add("articleHeading", articleHeading)
        json.add("clause", clause)
        json.add("document", document)
        json.add("heading", heading)
        json.add("id", id)
        json.add("kind", kind)
        json.add("language", language.rawValue)
        json.addNumber("ordinal", ordinal)
        json.add("part", part)
        json.add("path", path)
        json.add("supplier", supplier)
        json.add("text", text)
        json.add("title", title)
        json.addArray("topics", topics)
        json.add("versionDate", versionDate)
        json.add("versionLabel", versionLabel)
        return json.finish()
    }

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

/// Writes one JSON object, keys in the order added, strings escaped as `JSONEncoder` does.
struct JSONObjectWriter {
    private var out = "{"

    mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        addKey(key)
        appendString(value)
    }

    mutating func addNumber(_ key: String, _ value: Int) {
        addKey(key)
        out += String(value)
    }

    mutating func addArray(_ key: String, _ values: [String]) {
        addKey(key)
        out += "["
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            appendString(value)
        }
        out += "]"
    }

    mutating func finish() -> String { out + "}" }

    private mutating func addKey(_ key: String) {
        if out.utf8.count > 1 { out += "," }
        appendString(key)
        out += ":"
    }

    private mutating func appendString(_ value: String) {
        out += "\""
        var plainStart = value.utf8.startIndex
        for i in value.utf8.indices {
            let byte = value.utf8[i]
            let escape: String?
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "/"): escape = "\\/"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            guard let escape else { continue }
            out += value[plainStart..<i]
            out += escape
            plainStart = value.utf8.index(after: i)
        }
        out += value[plainStart...]
        out += "\""
    }
}
