import ArgumentParser
import Foundation
import TermsIndex

@main
struct Termsearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termsearch",
        abstract: "Full-text search over suppliers' general terms and conditions.",
        discussion: """
            Index a folder of terms (txt, md, html, pdf, docx, odt, rtf, tsx/vue/blade/php pages), then search it by clause:
              termsearch index Corpus/
              termsearch search '"aansprakelijkheid beperkt tot"'
            The index lives in ./Index unless --index or TERMSEARCH_INDEX says otherwise.
            """,
        version: "0.2.0",
        subcommands: [
            SearchCommand.self,
            IndexCommand.self,
            InspectCommand.self,
            ShowCommand.self,
            StatsCommand.self,
            DocumentsCommand.self,
            DiffCommand.self,
            EvalDiffCommand.self,
            ResearchCommand.self,
            CompareCommand.self,
            ServeCommand.self,
            ThesaurusCommand.self,
            EvalCommand.self,
            CheckCommand.self,
            FuzzCommand.self,
            CompactCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Parses and runs like ArgumentParser's own `main`, but a command-line mistake is one
    /// `termsearch: …` line naming the help to read, with exit code 64, as the README promises.
    /// Synchronous: a search runs on the main thread with no concurrency runtime started; only
    /// `serve` (async) gets a task, with the main thread parked in `dispatchMain`. A common
    /// `search` command line is read without ArgumentParser (`SearchInvocation(commonArguments:)`).
    static func main() {
        do {
            let arguments = CommandLine.arguments.dropFirst()
            if arguments.first == "search", let search = SearchInvocation(commonArguments: Array(arguments.dropFirst())) {
                return try search.run()
            }
            var command = try parseAsRoot()
            if let command = command as? AsyncParsableCommand { runAsync(command) }
            try command.run()
        } catch {
            fail(error)
        }
    }

    /// Runs an async command to its end, then exits.
    private static func runAsync(_ command: AsyncParsableCommand) -> Never {
        nonisolated(unsafe) var command = command
        Task {
            do {
                try await command.run()
                Foundation.exit(0)
            } catch {
                fail(error)
            }
        }
        dispatchMain()
    }

    /// Exits for `error`: quietly for an `ExitCode` (the command has said what went wrong), with
    /// one line for a command-line mistake, as ArgumentParser does for the rest.
    private static func fail(_ error: Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
        let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid command line"
        let line = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
        printError("\(line) (see: termsearch \(helpPath(CommandLine.arguments).map { $0 + " " } ?? "")--help)")
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }

    /// The subcommand named on the command line, for the help hint ("search"; nil for none).
    private static func helpPath(_ arguments: [String]) -> String? {
        let names = Set(configuration.subcommands.compactMap { $0.configuration.commandName })
        return arguments.dropFirst().first { names.contains($0) }
    }
}
