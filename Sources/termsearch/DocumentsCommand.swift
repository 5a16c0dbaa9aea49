import ArgumentParser
import Foundation
import TermsIndex

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List every indexed document with what was read from it, and the files that failed.",
        discussion: """
            Per document: id, supplier, title, version, kind, languages, clauses and pages (PDFs). Review it after \
            indexing new files: a wrong supplier, title or version is fixed in the folder's manifest \
            (docs/ingestion.md). Failed files are listed last, with the reason.
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: "Output format: text, json or csv (one row per document, then one per failed file).")
    var format: DocumentsFormat = .text

    func run() throws {
        let listing = try reportingErrors { try TermsSearcher(paths: indexOptions.paths).documents() }
        switch format {
        case .json: print(try JSONOutput.encode(listing))
        case .csv: print(Self.csv(listing), terminator: "")
        case .text: print(Self.text(listing), terminator: "")
        }
    }

    static let csvHeader = ["status", "document", "supplier", "title", "version", "version_label", "kind", "languages",
                            "clauses", "pages", "path", "reason", "version_group", "current", "version_of"]

    static func csv(_ listing: DocumentListing) -> String {
        var out = ResultsCSV.row(csvHeader)
        for d in listing.documents {
            out += ResultsCSV.row(["indexed", d.document, d.supplier, d.title, d.version ?? "", d.versionLabel ?? "", d.kind ?? "",
                                   d.languages.joined(separator: " "), String(d.clauses), d.pages.map(String.init) ?? "", d.path, "",
                                   d.versionGroup ?? "", d.current.map { String($0) } ?? "", d.versionOf ?? ""])
        }
        for f in listing.failed {
            out += ResultsCSV.row(["failed", f.document, "", "", "", "", "", "", "0", "", f.path, f.reason, "", "", ""])
        }
        return out
    }

    static func text(_ listing: DocumentListing) -> String {
        var out = ""
        for d in listing.documents {
            out += "\(d.supplier) — \(d.title)\n"
            var facts = ["version " + (d.version ?? d.versionLabel ?? "unknown")]
            if let label = d.versionLabel, d.version != nil, label != d.version { facts[0] += " (\(label))" }
            facts.append(d.kind ?? "kind unknown")
            facts.append(d.languages.joined(separator: "+"))
            facts.append("\(d.clauses) clause\(d.clauses == 1 ? "" : "s")")
            if let pages = d.pages { facts.append("\(pages) page\(pages == 1 ? "" : "s")") }
            out += "  " + facts.joined(separator: " · ") + "\n"
            out += "  \(d.document)  \(d.path)\n"
            if let group = d.versionGroup {
                out += "  versions \(group): " + (d.current == true ? "current" : "superseded")
                    + (d.previousVersion.map { " (previous: \($0); termsearch diff \($0) \(d.document))" } ?? "") + "\n"
            }
            if let target = d.versionOf { out += "  declared a version of \(target) (manifest versionOf)\n" }
        }
        let clauses = listing.documents.reduce(0) { $0 + $1.clauses }
        out += "\n\(listing.documents.count) document\(listing.documents.count == 1 ? "" : "s"), \(clauses) clauses"
        if listing.failed.isEmpty { return out + "\n" }
        out += "; \(listing.failed.count) file\(listing.failed.count == 1 ? "" : "s") failed:\n"
        for f in listing.failed { out += "  \(f.path): \(f.reason)\n" }
        return out
    }
}

/// Output formats of `documents`.
enum DocumentsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
