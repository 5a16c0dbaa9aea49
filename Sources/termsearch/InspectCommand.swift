import ArgumentParser
import Foundation
import TermsIndex

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what the ingestion pipeline makes of a file: metadata, clause tree, repairs.",
        discussion: "Use it to see why a clause is or is not found. Nothing is written to the index."
    )

    @Argument(help: ArgumentHelp("The file to inspect.", valueName: "file"))
    var file: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Print every clause's whole text, not just its start.")
    var full = false

    @Flag(name: .long, help: "Print only a one-line summary: clauses, size and ingestion time.")
    var summary = false

    @Flag(name: .long, help: "Print the text blocks as read (heading, paragraph, list item; page), before they are cut into clauses.")
    var blocks = false

    @Option(name: .long, help: ArgumentHelp("Refuse documents with more text than this (default 16).", valueName: "MB"))
    var maxTextMb: Int?

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            printError("\(file): no such file or directory")
            throw ExitCode.validationFailure
        }
        guard !isFolder.boolValue else {
            printError("\(file) is a folder; inspect reads one file: name one of its files (to index the folder: termsearch index \(file))")
            throw ExitCode.validationFailure
        }
        guard let source = SourceFiles.enumerate([file]).files.first else {
            printError("\(file): not a regular file")
            throw ExitCode.validationFailure
        }
        let ingested: IngestedDocument
        let start = Date()
        var limits = ReadLimits.default
        if let maxTextMb { limits.maxTextBytes = maxTextMb << 20; limits.maxFileBytes = max(limits.maxFileBytes, maxTextMb << 20) }
        if blocks {
            do {
                for block in try DocumentReader(limits: limits).read(source.url).blocks {
                    let kind: String
                    switch block.kind {
                    case .heading(let level): kind = "h\(level)"
                    case .paragraph: kind = "p"
                    case .listItem: kind = "li"
                    }
                    print("[\(kind)\(block.page.map { " p.\($0)" } ?? "")] " + block.text.replacingOccurrences(of: "\n", with: " ⏎ "))
                }
            } catch {
                printError("\(file): \(error)")
                throw ExitStatus.partialFailure
            }
            return
        }
        do {
            ingested = try DocumentIngester(limits: limits).ingest(source.url, id: source.documentID, entry: source.manifestEntry)
        } catch {
            printError("\(file): \(error)")
            throw ExitStatus.partialFailure
        }
        if summary {
            let seconds = Date().timeIntervalSince(start)
            let megabytes = Double((try? source.url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) / 1_000_000
            print(String(format: "%@: %d clauses, %d repair kinds, %.1f MB ingested in %.2f s (%.2f MB/s)",
                         file, ingested.document.clauses.count, ingested.repairs.count, megabytes, seconds,
                         seconds > 0 ? megabytes / seconds : 0))
            return
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(Inspection(ingested, manifest: source.manifestEntry != nil)))
        case .text:
            print(InspectionText(ingested: ingested, fromManifest: source.manifestEntry != nil, full: full).render(), terminator: "")
        }
    }
}

/// `inspect --format json`: the document, its repairs and its clauses.
struct Inspection: Encodable {
    struct RepairEntry: Encodable { var kind: String; var count: Int; var example: String }
    var document: String
    var path: String
    var format: String
    var metadata: DocumentMetadata
    var metadataFromManifest: Bool
    var repairs: [RepairEntry]
    var clauses: [Clause]

    init(_ ingested: IngestedDocument, manifest: Bool) {
        document = ingested.document.id
        path = ingested.document.path
        format = ingested.format.rawValue
        metadata = ingested.document.metadata
        metadataFromManifest = manifest
        repairs = ingested.repairs.map { RepairEntry(kind: $0.kind.rawValue, count: $0.count, example: $0.example) }
        clauses = ingested.document.clauses
    }
}

/// `inspect` for people: metadata, repairs, then the clause tree part › article › clause.
struct InspectionText {
    var ingested: IngestedDocument
    var fromManifest: Bool
    var full: Bool

    func render() -> String {
        let doc = ingested.document
        let meta = doc.metadata
        var out = ""
        func field(_ name: String, _ value: String?) {
            out += name.padding(toLength: 11, withPad: " ", startingAt: 0) + (value ?? "—") + "\n"
        }
        field("File", doc.path)
        field("Format", ingested.format.rawValue)
        field("Document", doc.id)
        field("Supplier", meta.supplier + (fromManifest ? "  (manifest)" : ""))
        field("Title", meta.title)
        field("Version", [meta.version, meta.versionDate].compactMap { $0 }.joined(separator: ", ").nilIfEmpty)
        field("Kind", meta.kind)
        field("Languages", meta.languages.map(\.rawValue).joined(separator: ", "))

        out += "\nRepairs\(ingested.repairs.isEmpty ? ": none" : ":")\n"
        for repair in ingested.repairs {
            out += "  " + repair.kind.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(repair.count).leftPadded(to: 6) + "×  " + repair.example + "\n"
        }

        out += "\nClauses: \(doc.clauses.count)\n"
        var part: String?? = .none
        var article: String?? = .none
        for clause in doc.clauses {
            let location = clause.location
            if part != .some(location.part) {
                part = .some(location.part)
                article = .none
                if let p = location.part { out += "\n\(p)\n" }
            }
            if article != .some(location.article) || location.article == nil {
                article = .some(location.article)
                if let a = location.article {
                    out += "  Artikel \(a)" + (location.articleHeading.map { "  \($0)" } ?? "") + "\n"
                } else if let heading = location.articleHeading {
                    out += "  \(heading)\n"
                }
            }
            let label = "    " + clause.location.clause + (location.heading.map { "  \($0)" } ?? "")
            let tags = "[\(clause.language.rawValue)]" + (clause.topics.isEmpty ? "" : " " + clause.topics.joined(separator: ", "))
            out += label + "  " + tags + "\n"
            let text = clause.text.replacingOccurrences(of: "\n", with: " ⏎ ")
            out += "      " + (full ? text : String(text.prefix(110)) + (text.count > 110 ? "…" : "")) + "\n"
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
