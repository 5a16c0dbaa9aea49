import Foundation
import Xapian

/// Everything that can go wrong in termsearch, each with a one-line message that says what and where.
public enum TermsearchError: Error, CustomStringConvertible, Equatable {
    /// There is no index at the path.
    case indexMissing(path: String)
    /// Another process holds the index's write lock.
    case indexLocked(path: String)
    /// The index cannot be read: damaged, or of another schema version.
    case indexUnusable(path: String, reason: String)
    /// The query cannot be parsed; `reason` says where.
    case invalidQuery(query: String, reason: String)
    /// A path given on the command line does not exist.
    case pathNotFound(path: String)
    /// A clause id that is not in the index.
    case clauseNotFound(id: String)
    /// Any other failure of the search library, with what was being done.
    case library(context: String, message: String)

    public var description: String {
        switch self {
        case .indexMissing(let path):
            return "no index at \(path); build one with: termsearch index --index \(path) DIR"
        case .indexLocked(let path):
            return "the index at \(path) is being updated by another process; try again when it has finished"
        case .indexUnusable(let path, let reason):
            return "the index at \(path) cannot be used: \(reason)"
        case .invalidQuery(let query, let reason):
            return "invalid query \(quoted(query)): \(reason)"
        case .pathNotFound(let path):
            return "\(path): no such file or directory"
        case .clauseNotFound(let id):
            return "no clause with id \(quoted(id)) in the index"
        case .library(let context, let message):
            return "\(context): \(message)"
        }
    }

    private func quoted(_ s: String) -> String {
        let short = s.count > 80 ? String(s.prefix(77)) + "..." : s
        return "'\(short)'"
    }

    /// Maps a Xapian error met while working on the index at `path`.
    static func from(_ error: XapianError, index path: String, doing context: String) -> TermsearchError {
        switch error.kind {
        case .lock: return .indexLocked(path: path)
        case .notFound: return .indexMissing(path: path)
        case .opening where !FileManager.default.fileExists(atPath: path): return .indexMissing(path: path)
        case .corrupt, .version, .opening: return .indexUnusable(path: path, reason: "\(error.message) (run termsearch check --index \(path))")
        default: return .library(context: "\(context) \(path)", message: error.description)
        }
    }
}
