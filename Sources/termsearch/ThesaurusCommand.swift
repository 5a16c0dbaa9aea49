import ArgumentParser
import Foundation
import TermsIndex

struct ThesaurusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thesaurus",
        abstract: "Show or check the legal thesaurus that searches expand queries with.",
        discussion: """
            Without options, lists the bundled thesaurus: each concept with its Dutch (nl), Belgian
            Dutch (be) and English (en) expressions. --check FILE reads a changed copy and reports
            errors (with their line) and remarks (an expression listed twice, one of stopwords only);
            exit 2 on an error. Search with a changed copy: termsearch search --thesaurus FILE QUERY.
            File format: the comment at the top of the bundled file (its path is printed first).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Check this thesaurus file instead of listing the bundled one.", valueName: "file"))
    var check: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let thesaurus = try reportingErrors { () throws -> LegalThesaurus in
            if let check { return try LegalThesaurus.load(path: check) }
            guard let bundled = LegalThesaurus.bundled else {
                throw TermsearchError.pathNotFound(path: LegalThesaurus.bundledCandidates.joined(separator: " or "))
            }
            return bundled
        }
        let remarks = thesaurus.lint()
        switch format {
        case .json:
            print(try JSONOutput.encode(Listing(source: thesaurus.source, remarks: remarks, concepts: thesaurus.concepts.map { concept in
                Listing.Concept(name: concept.name, expressions: Dictionary(grouping: concept.expressions, by: \.variety.rawValue)
                    .mapValues { $0.map(\.text) })
            })))
        case .text:
            print("\(thesaurus.source): \(thesaurus.concepts.count) concepts, \(thesaurus.expressionCount) expressions")
            for remark in remarks { print("remark: \(remark)") }
            guard check == nil else { return }
            for concept in thesaurus.concepts {
                print("\n\(concept.name)")
                for variety in LegalThesaurus.Variety.allCases {
                    let texts = concept.expressions.filter { $0.variety == variety }.map(\.text)
                    if !texts.isEmpty { print("  \(variety.rawValue): \(texts.joined(separator: ", "))") }
                }
            }
        }
    }

    struct Listing: Encodable {
        struct Concept: Encodable {
            var name: String
            var expressions: [String: [String]]
        }
        var source: String
        var remarks: [String]
        var concepts: [Concept]
    }
}
