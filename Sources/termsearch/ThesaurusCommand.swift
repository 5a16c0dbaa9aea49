import ArgumentParser
import Foundation
import TermsIndex

struct ThesaurusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thesaurus",
        abstract: "Show or check the legal thesaurus and glossary that searches expand queries with.",
        discussion: """
            Without options, lists the bundled thesaurus: each concept with its Dutch (nl), Belgian
            Dutch (be) and English (en) expressions; then the glossary's English–Dutch translations
            (english = dutch), which add only the other language's words to a query. --check FILE
            reads a changed copy of either file and reports errors (with their line) and remarks (an
            expression listed twice, one of stopwords only); exit 2 on an error. Search with a
            changed thesaurus: termsearch search --thesaurus FILE QUERY (the bundled glossary stays).
            File formats: the comment at the top of each bundled file (their paths are printed first).
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
                    .mapValues { $0.map(\.text) }, translationsOnly: concept.translationsOnly)
            })))
        case .text:
            print("\(thesaurus.source): \(thesaurus.concepts.count) concepts, \(thesaurus.expressionCount) expressions")
            for remark in remarks { print("remark: \(remark)") }
            guard check == nil else { return }
            for concept in thesaurus.concepts {
                if concept.translationsOnly {
                    let side = { (language: Language) in concept.expressions.filter { $0.variety.language == language }.map(\.text).joined(separator: ", ") }
                    print("\n\(side(.english)) = \(side(.dutch))")
                    continue
                }
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
            /// A glossary line: the expressions translate each other, a query gets only the other language's.
            var translationsOnly: Bool
        }
        var source: String
        var remarks: [String]
        var concepts: [Concept]
    }
}
