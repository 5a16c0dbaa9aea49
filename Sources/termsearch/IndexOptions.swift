import ArgumentParser
import Foundation
import TermsIndex

/// `--index`, shared by every subcommand that reads or writes an index.
///
/// Repeatable for searching several indexes as one (`--index a --index b`); an index may also be a
/// sharded index's folder, a Xapian stub file, or `tcp://HOST:PORT` for an `xapian-tcpsrv` server.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The index folder (default: $TERMSEARCH_INDEX, else ./Index). Repeat to search several indexes as one.",
        valueName: "dir"))
    var index: [String] = []

    /// The default index folder when neither --index nor TERMSEARCH_INDEX is given.
    static let defaultPath = "Index"

    /// True when the user named no index.
    var isDefault: Bool { index.isEmpty && ProcessInfo.processInfo.environment["TERMSEARCH_INDEX"].map(\.isEmpty) ?? true }

    /// The index folder to use, for commands that work on one index (the first one given).
    var path: String { paths[0] }

    /// Refuses a repeated `--index` for a command that works on one index only.
    func requireSingle(_ command: String) throws {
        guard index.count <= 1 else {
            throw ValidationError("\(command) works on one index, but --index was given \(index.count) times (\(index.joined(separator: ", ")))")
        }
    }

    /// Every index given, in order (at least one).
    var paths: [String] {
        if !index.isEmpty { return index }
        if let env = ProcessInfo.processInfo.environment["TERMSEARCH_INDEX"], !env.isEmpty { return [env] }
        return [Self.defaultPath]
    }
}

/// Output formats for machine and human readers.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Exit codes, documented in the README.
enum ExitStatus {
    /// Some input files failed; the rest was indexed.
    static let partialFailure = ExitCode(1)
    /// The query, a filter value or a clause id is wrong.
    static let badInput = ExitCode(2)
    /// The index is missing, locked, damaged or unwritable.
    static let indexProblem = ExitCode(3)

    /// The exit code for a termsearch error.
    static func code(for error: TermsearchError) -> ExitCode {
        switch error {
        case .invalidQuery, .invalidFilter, .clauseNotFound, .documentNotFound, .invalidThesaurus: return badInput
        case .pathNotFound: return .validationFailure
        case .indexMissing, .indexLocked, .indexUnusable, .library: return indexProblem
        }
    }
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("termsearch: \(message)\n".utf8))
}

/// Runs `body`, turning termsearch errors into one line on stderr and an exit code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as TermsearchError {
        printError(error.description)
        throw ExitStatus.code(for: error)
    }
}

/// Whether standard output is a terminal that wants colour.
var stdoutIsTerminal: Bool {
    isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"
}
