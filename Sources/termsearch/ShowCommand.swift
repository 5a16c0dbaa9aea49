import ArgumentParser
import Foundation
import TermsIndex

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one whole clause with the other clauses of its article.",
        discussion: "ID is a clause id as search prints it, e.g. klantassistent-algemene-voorwaarden#14.1."
    )

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "The clause id.")
    var id: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let context = try reportingErrors { try TermsSearcher(paths: indexOptions.paths).context(id: id) }
        switch format {
        case .json: print(try JSONOutput.encode(context))
        case .text: print(render(context, highlight: stdoutIsTerminal), terminator: "")
        }
    }

    func render(_ c: ClauseInContext, highlight: Bool) -> String {
        func style(_ code: String, _ s: String) -> String { highlight ? code + s + ResultsText.reset : s }
        var out = style(ResultsText.bold, c.supplier) + " — " + c.title
        if let version = c.version { out += " (\(version))" }
        out += "\n"
        let english = c.clauses.first?.language == "en"
        var heading = [c.part, c.article.map { (english ? "Article " : "Artikel ") + $0 }].compactMap { $0 }.joined(separator: " › ")
        if let articleHeading = c.articleHeading { heading += (heading.isEmpty ? "" : " ") + articleHeading }
        if !heading.isEmpty { out += style(ResultsText.bold, heading) + "\n" }
        for clause in c.clauses {
            out += "\n"
            let label = clause.clause + (clause.piece.map { " (part \($0))" } ?? "") + (clause.heading.map { " " + $0 } ?? "")
                + (clause.page.map { " · p. \($0)" } ?? "")
            out += (clause.target ? style(ResultsText.match, "▶ " + label) : "  " + label) + "\n"
            for line in clause.text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += "  " + line + "\n"
            }
        }
        out += "\n" + style(ResultsText.dim, c.path) + "\n"
        return out
    }
}
