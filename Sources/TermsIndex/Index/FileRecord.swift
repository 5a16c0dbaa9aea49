import Foundation
import Xapian

/// What the index remembers about one source file, stored as Xapian user metadata in the same
/// transaction as the file's clauses, so the two can never disagree after a crash.
///
/// Key: `termsearch.file.` + document id (see `IndexSchema.fileRecordKey`). Value: this struct as JSON.
public struct FileRecord: Codable, Sendable, Equatable {
    /// Whether the file was indexed or failed.
    public enum Status: String, Codable, Sendable {
        case indexed, failed
    }

    /// The document id the file was indexed under.
    public var document: String
    /// Absolute path of the file.
    public var path: String
    /// Size in bytes when it was last read.
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var mtime: Int64
    /// `ContentHash.hex` of the contents.
    public var hash: String
    /// Number of clauses written (0 when failed).
    public var clauses: Int
    /// Indexed, or failed with `reason`.
    public var status: Status
    /// Why the file failed.
    public var reason: String?
    /// The document id this one is declared a later version of (the manifest's `versionOf`,
    /// resolved when indexing); nil when undeclared. Records written before the field existed lack it
    /// and decode with nil.
    public var versionOf: String?

    public init(document: String, path: String, size: Int64, mtime: Int64, hash: String, clauses: Int,
                status: Status, reason: String? = nil, versionOf: String? = nil) {
        self.document = document
        self.path = path
        self.size = size
        self.mtime = mtime
        self.hash = hash
        self.clauses = clauses
        self.status = status
        self.reason = reason
        self.versionOf = versionOf
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// The metadata value.
    func encoded() throws -> String { String(decoding: try FileRecord.encoder.encode(self), as: UTF8.self) }

    /// Every record stored in `database`, in key order.
    static func all(in database: Database) throws -> [FileRecord] {
        try database.metadataKeys(prefix: IndexSchema.fileRecordKeyPrefix).compactMap { decode(try database.metadata($0)) }
    }

    /// Decodes a metadata value; nil for an empty or foreign value.
    static func decode(_ value: String) -> FileRecord? {
        guard !value.isEmpty else { return nil }
        return try? JSONDecoder().decode(FileRecord.self, from: Data(value.utf8))
    }
}

extension IndexSchema {
    /// Metadata keys of file records start with this.
    public static let fileRecordKeyPrefix = "termsearch.file."

    /// The metadata key of the record for `documentID`. Xapian limits keys to about 245 bytes: long
    /// ids are cut and given a hash suffix (the record itself holds the whole id).
    public static func fileRecordKey(_ documentID: String) -> String {
        let key = fileRecordKeyPrefix + documentID
        guard key.utf8.count > 200 else { return key }
        let head = String(decoding: key.utf8.prefix(160), as: UTF8.self)
        return head + "#" + ContentHash.hex(Data(documentID.utf8))
    }
}
