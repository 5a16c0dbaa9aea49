import ArgumentParser
import Foundation
import TermsIndex

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that an index is intact.",
        discussion: """
            Runs Xapian's consistency check over every table and reads every stored clause.
            Prints OK with the numbers of documents and clauses, or DAMAGED with what is wrong
            and what to do (exit code 3). Nothing is written.
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws { try indexOptions.requireSingle("check") }

    func run() throws {
        let check = IndexCheck(path: indexOptions.path)
        switch check.verdict {
        case .ok(let documents, let clauses):
            print("OK: \(check.path): \(documents) document\(documents == 1 ? "" : "s"), \(clauses) clause\(clauses == 1 ? "" : "s")")
            for note in check.notes { print("  note: \(note)") }
        case .missing:
            printError("no index at \(check.path); build one with: termsearch index --index \(check.path) DIR")
            throw ExitStatus.indexProblem
        case .damaged(let problems):
            print("DAMAGED: \(check.path)")
            for problem in problems { print("  \(problem)") }
            printError("the index at \(check.path) is damaged: \(problems.first ?? "unknown problem"); \(check.advice)")
            throw ExitStatus.indexProblem
        }
    }
}
