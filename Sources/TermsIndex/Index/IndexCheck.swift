import Foundation
import Xapian

/// The health of an index on disk: Xapian's own consistency check of every table, then a read of
/// every stored clause (Xapian checks structure, not the bytes of document data).
public struct IndexCheck: Sendable {
    /// What the check found.
    public enum Verdict: Sendable, Equatable {
        /// Every table is consistent and every clause can be read.
        case ok(documents: Int, clauses: Int)
        /// There is no index at the path.
        case missing
        /// Damaged: each problem in one line.
        case damaged(problems: [String])
    }

    /// The index checked.
    public let path: String
    /// The verdict.
    public let verdict: Verdict
    /// What could not be checked, and why (e.g. a read-only index).
    public let notes: [String]

    /// Checks the index at `path`.
    public init(path: String) {
        self.path = path
        var notes: [String] = []
        self.verdict = IndexCheck.run(path, notes: &notes)
        self.notes = notes
    }

    /// What to do about a damaged index (the source files are not part of the index).
    public var advice: String {
        "restore \(path) from a backup, or rebuild it with: termsearch index --index \(path) DIR... (the source files are untouched)"
    }

    private static func run(_ path: String, notes: inout [String]) -> Verdict {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if entries.isEmpty { return .missing }
            if !entries.contains("iamglass") {
                return entries.contains(where: { $0.hasSuffix(".glass") })
                    ? .damaged(problems: ["the version file iamglass is missing"]) : .missing
            }
        }
        var problems: [String] = []
        do {
            let (errors, report) = try Database.check(path: path)
            if errors > 0 {
                problems.append("Xapian's check found \(errors) error\(errors == 1 ? "" : "s")")
                problems += report.split(separator: "\n").map(String.init)
                    .filter { $0.lowercased().contains("error") || $0.lowercased().contains("corrupt") || $0.lowercased().contains("fail") }
                    .prefix(5).map { $0.trimmingCharacters(in: .whitespaces) }
            }
        } catch let error as XapianError where access(path, W_OK) != 0 && [EACCES, EROFS, EPERM].contains(error.systemErrno ?? 0) {
            // Xapian's check opens the tables for writing; on a read-only mount only the read pass runs.
            notes.append("the index is read-only, so Xapian's table check was skipped; every clause was read")
        } catch let error as XapianError {
            problems.append("\(error.type): \(error.message)")
        } catch {
            problems.append("\(error)")
        }
        if !problems.isEmpty { return .damaged(problems: problems) }

        do {
            let database = try Database(path: path)
            let schema = try database.metadata(IndexSchema.schemaKey)
            guard schema == String(IndexSchema.version) else {
                let readable = !schema.isEmpty && schema.count <= 6 && schema.allSatisfy { $0.isASCII && $0.isNumber }
                return .damaged(problems: [schema.isEmpty ? "it is not a termsearch index (no schema version)"
                                           : readable ? "it has schema version \(schema); this termsearch reads \(IndexSchema.version)"
                                           : "its schema version cannot be read (the postlist table, which holds it, is damaged)"])
            }
            var clauses = 0
            var unreadable = 0
            let records = DocumentRecords(database)
            for id in try database.postings("") {
                clauses += 1
                do {
                    _ = try records.clause(try database.document(id).data)
                } catch {
                    unreadable += 1
                }
            }
            if unreadable > 0 {
                return .damaged(problems: ["\(unreadable) of \(clauses) stored clauses cannot be read (the docdata table is damaged)"])
            }
            var documents = 0
            try database.allTerms(prefix: IndexSchema.booleanTerm(IndexSchema.document, "")) { _, _ in documents += 1 }
            return .ok(documents: documents, clauses: clauses)
        } catch let error as XapianError {
            return .damaged(problems: ["\(error.type): \(error.message)"])
        } catch {
            return .damaged(problems: ["\(error)"])
        }
    }
}
