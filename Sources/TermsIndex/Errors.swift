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
    /// A document id that is not in the index.
    case documentNotFound(id: String)
    /// A thesaurus file that cannot be read: `line` (from 1; 0 for the whole file) says where.
    case invalidThesaurus(path: String, line: Int, reason: String)
    /// A filter value that cannot match: `field` is the option or query field, `known` lists the
    /// values that can (empty when there are too many to list usefully).
    case invalidFilter(field: String, value: String, reason: String, known: [String])
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
        case .documentNotFound(let id):
            return "no document with id \(quoted(id)) in the index (termsearch documents lists them)"
        case .invalidThesaurus(let path, let line, let reason):
            return "\(path)\(line > 0 ? ":\(line)" : ""): \(reason)"
        case .library(let context, let message):
            return "\(context): \(message)"
        case .invalidFilter(let field, let value, let reason, let known):
            let list = known.count > 25 ? known.prefix(25).joined(separator: ", ") + ", … (\(known.count) in all)" : known.joined(separator: ", ")
            return "\(field)\(field.hasSuffix(":") ? "" : " ")\(quoted(value)): \(reason)" + (known.isEmpty ? "" : "; known: \(list)")
        }
    }

    private func quoted(_ s: String) -> String {
        // Escaped, so a query with a newline or an escape sequence still gives one line.
        let short = s.count > 80 ? String(s.prefix(77)) + "..." : s
        return "'\(short.escapingControlCharacters)'"
    }

    /// Maps a Xapian error met while working on the index at `path`.
    ///
    /// Damage shows up as several Xapian error types (DatabaseCorruptError, a DatabaseError "EOF
    /// reading block", a DatabaseModifiedError that reopening does not cure): all of them name
    /// `termsearch check`. A failed write on a full disk says so, and that the last committed
    /// state is kept.
    static func from(_ error: XapianError, index path: String, doing context: String) -> TermsearchError {
        let check = "run: termsearch check --index \(path)"
        if error.kind == .notFound || error.kind == .opening {
            if !FileManager.default.fileExists(atPath: path) { return .indexMissing(path: path) }
            if !hasVersionFile(path) && hasTables(path) {
                return .indexUnusable(path: path, reason: "its version file iamglass is missing or unreadable (\(check))")
            }
            if !hasVersionFile(path) && !hasTables(path) && !isShardedLayout(path) && holdsFiles(path) {
                return .indexUnusable(path: path, reason: "it is a folder of files, not an index; to index them: termsearch index \(path) --index DIR, then search with --index DIR")
            }
        }
        if (error.kind == .lock || isWriteFailure(error)) && FileManager.default.fileExists(atPath: path)
            && access(path, W_OK) != 0 {
            // Xapian reports a read-only folder as a lock it cannot take.
            return .library(context: "\(context) \(path)", message: "the index folder is read-only (\(String(cString: strerror(errno)))); searching it still works")
        }
        switch error.kind {
        case .lock: return .indexLocked(path: path)
        case .notFound: return .indexMissing(path: path)
        case .corrupt, .version, .opening: return .indexUnusable(path: path, reason: "\(error.message) (\(check))")
        case .database where isWriteFailure(error):
            let free = freeBytes(path).map { ", \(ReadLimits.size(Int(clamping: $0))) free" } ?? ""
            return .library(context: "\(context) \(path)",
                            message: "cannot write (\(error.message)\(free)): is the disk full or a file-size limit reached? The index keeps its last committed state; free space and run again")
        case .database, .modified, .docNotFound:
            return .indexUnusable(path: path, reason: "\(error.message) (\(check))")
        default: return .library(context: "\(context) \(path)", message: error.description)
        }
    }

    /// A write the system refused: a full disk or quota, a file-size limit, a read-only file system,
    /// an I/O error (by the errno Xapian carries, never by its message).
    private static func isWriteFailure(_ error: XapianError) -> Bool {
        guard let code = error.systemErrno else { return false }
        return [ENOSPC, EFBIG, EDQUOT, EROFS, EIO].contains(code)
    }

    private static func hasVersionFile(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("iamglass"))
    }

    private static func hasTables(_ path: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).contains { $0.hasSuffix(".glass") }
    }

    private static func holdsFiles(_ path: String) -> Bool {
        !((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.isEmpty
    }

    private static func isShardedLayout(_ path: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).contains { $0.hasPrefix("shard-") || $0 == IndexLayout.stubName }
    }

    private static func freeBytes(_ path: String) -> UInt64? {
        guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: path),
              let free = attributes[.systemFreeSize] as? NSNumber else { return nil }
        return free.uint64Value
    }
}

extension String {
    /// The string with control characters shown as escapes (`\n`, `\u{1B}`), so a file name
    /// with a newline stays on one line of stderr.
    public var escapingControlCharacters: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
