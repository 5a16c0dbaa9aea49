import ArgumentParser
import Foundation
import TermsIndex

@main
struct Termsearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "termsearch",
        abstract: "Full-text search over suppliers' general terms and conditions.",
        discussion: """
            Index a folder of terms (txt, md, html, pdf, docx), then search it by clause:
              termsearch index Corpus/
              termsearch search '"aansprakelijkheid beperkt tot"'
            The index lives in ./Index unless --index or TERMSEARCH_INDEX says otherwise.
            """,
        version: "0.1.0",
        subcommands: [
            SearchCommand.self,
            IndexCommand.self,
            InspectCommand.self,
            ShowCommand.self,
            StatsCommand.self,
            ResearchCommand.self,
            EvalCommand.self,
            CheckCommand.self,
            FuzzCommand.self,
            CompactCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: nil
    )
}
