import Foundation

/// Gives every file its own document id, stable across runs.
///
/// A file the index already holds keeps the id it was recorded under. A new file gets its path
/// below the folder that was given ("sub/acme-voorwaarden"); when another file already has that id
/// (`a/terms.txt` and `b/terms.txt`), the id is prefixed with the file's enclosing folders, nearest
/// first, until it is free ("b/terms", then "x/b/terms"), and as a last resort numbered
/// ("terms-2"). Ids are never reused while a record holds them, so indexing one folder can never
/// replace or update a document that came from another.
public struct DocumentIdentity {
    private var idByPath: [String: String] = [:]
    private var taken: Set<String> = []

    /// Starts from the file records already in the index.
    public init(records: [FileRecord]) {
        for record in records {
            idByPath[record.path] = record.document
            taken.insert(record.document)
        }
    }

    /// The id of the file at `path` whose id below its indexed folder would be `candidate`;
    /// remembers the answer.
    public mutating func id(path: String, candidate: String) -> String {
        if let known = idByPath[path] { return known }
        let id = freeID(path: path, candidate: candidate)
        idByPath[path] = id
        taken.insert(id)
        return id
    }

    private func freeID(path: String, candidate: String) -> String {
        if !taken.contains(candidate) { return candidate }
        // The folders above the part of the path the candidate already names.
        let named = candidate.split(separator: "/").count
        var folders = path.split(separator: "/").map(String.init).dropLast(named)
        var id = candidate
        while let folder = folders.popLast() {
            let part = slug(folder)
            guard !part.isEmpty else { continue }
            id = part + "/" + id
            if !taken.contains(id) { return id }
        }
        var n = 2
        while taken.contains("\(candidate)-\(n)") { n += 1 }
        return "\(candidate)-\(n)"
    }

    /// Replaces each entry's id by its unique, stable one.
    public mutating func assign(_ listing: inout SourceListing) {
        for i in listing.entries.indices {
            listing.entries[i].documentID = id(path: listing.entries[i].path, candidate: listing.entries[i].documentID)
        }
    }
}
