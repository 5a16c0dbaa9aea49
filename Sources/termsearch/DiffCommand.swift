import ArgumentParser
import Foundation
import TermsIndex

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a supplier's terms clause by clause.",
        discussion: """
            OLD and NEW are files (read as `inspect` reads them) or document ids of the index (`termsearch documents` \
            lists them). Each clause is reported as unchanged, changed (with a word diff), renumbered, moved, split, \
            merged, added or removed, by article, with a summary per topic. Whitespace, line breaks, hyphenation \
            at line ends and punctuation never make a clause changed. Exit code 0 either way.

            --every-version compares every document of the index with its previous version (the version groups of \
            `termsearch documents`), in one run: a summary line per pair, or with --format json one comparison per \
            line (JSON Lines, each as `diff --format json` prints it).
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: ArgumentHelp("The old version: a file or a document id.", valueName: "old"))
    var old: String?

    @Argument(help: ArgumentHelp("The new version: a file or a document id.", valueName: "new"))
    var new: String?

    @Flag(name: .long, help: "Compare every document of the index with its previous version (no OLD and NEW).")
    var everyVersion = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Text output: list unchanged clauses too (json always lists every clause).")
    var all = false

    func validate() throws {
        if everyVersion {
            guard old == nil, new == nil else { throw ValidationError("--every-version takes no OLD and NEW: it compares every version pair of the index") }
        } else if old == nil || new == nil {
            throw ValidationError("diff needs OLD and NEW (files or document ids), or --every-version")
        }
    }

    func run() throws {
        if everyVersion { return try compareEveryVersion() }
        guard let old, let new else { return }
        var searcher: TermsSearcher?
        func version(_ argument: String) throws -> (VersionComparison.Version, [VersionClause]) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) {
                guard !isFolder.boolValue, let source = SourceFiles.enumerate([argument]).files.first else {
                    printError("\(argument) is not a file: diff compares two files or two document ids")
                    throw ExitCode.validationFailure
                }
                do {
                    let document = try DocumentIngester().ingest(source.url, shownAs: argument, id: source.documentID,
                                                                  entry: source.manifestEntry).document
                    return (VersionComparison.Version(document), document.clauses.map(VersionClause.init))
                } catch {
                    printError("\(argument): \(error)")
                    throw ExitStatus.partialFailure
                }
            }
            return try reportingErrors { () throws -> (VersionComparison.Version, [VersionClause]) in
                if searcher == nil { searcher = try TermsSearcher(paths: indexOptions.paths) }
                return try searcher!.version(document: argument)
            }
        }
        let (oldVersion, oldClauses) = try version(old)
        let (newVersion, newClauses) = try version(new)
        let comparison = VersionComparison(old: oldVersion, oldClauses: oldClauses, new: newVersion, newClauses: newClauses)
        switch format {
        case .json: print(try JSONOutput.encode(comparison))
        case .text: print(DiffText(comparison: comparison, colour: stdoutIsTerminal, all: all).render(), terminator: "")
        }
    }

    /// Every document with a previous version, compared with it: one line each, in the order of
    /// the document listing (by supplier).
    private func compareEveryVersion() throws {
        try reportingErrors {
            let searcher = try TermsSearcher(paths: indexOptions.paths)
            let pairs = try searcher.documents().documents.compactMap { document in
                document.previousVersion.map { (old: $0, new: document.document) }
            }
            for pair in pairs {
                let comparison = try searcher.compareVersions(old: pair.old, new: pair.new).comparison
                switch format {
                case .json: print(try JSONOutput.lines([comparison]), terminator: "")
                case .text:
                    let counts = comparison.summary.filter { $0.value > 0 && $0.key != "unchanged" }
                        .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                        .map { "\($0.value) \($0.key)" }
                    print("\(comparison.new.supplier): \(pair.old) (\(comparison.old.version ?? "undated")) → \(pair.new) (\(comparison.new.version ?? "undated")): "
                          + (counts.isEmpty ? "no change" : counts.joined(separator: ", ")))
                }
            }
            if format == .text { printError("\(pairs.count) version pairs compared") }
        }
    }
}

/// `diff` for people: the two versions, the summary per topic, then the changes article by article.
struct DiffText {
    var comparison: VersionComparison
    var colour: Bool
    var all: Bool

    static let red = "\u{1B}[31m", green = "\u{1B}[32m", cyan = "\u{1B}[36m"
    /// Words of unchanged text kept either side of a change in a diff.
    static let context = 8

    func style(_ code: String, _ s: String) -> String { colour ? code + s + ResultsText.reset : s }

    func render() -> String {
        let c = comparison
        var out = style(ResultsText.bold, c.new.supplier) + " — " + c.new.title + "\n"
        out += "  old: \(c.old.document)" + (c.old.version.map { " (\($0))" } ?? "") + ", \(c.old.clauses) clauses  \(c.old.path)\n"
        out += "  new: \(c.new.document)" + (c.new.version.map { " (\($0))" } ?? "") + ", \(c.new.clauses) clauses  \(c.new.path)\n\n"
        out += style(ResultsText.bold, "Summary") + "  " + VersionComparison.describe(c.summary) + "\n"
        let width = min(28, c.topics.map(\.topic.count).max() ?? 0)
        for topic in c.topics {
            out += "  " + topic.topic.padding(toLength: max(width, topic.topic.count), withPad: " ", startingAt: 0) + "  "
                + VersionComparison.describe(topic.counts) + "\n"
        }
        for article in c.articles {
            let changes = all ? article.changes : article.changes.filter { $0.kind != .unchanged }
            let unchanged = article.changes.count - changes.count
            if changes.isEmpty && !all {
                continue
            }
            var title = [article.part, article.article.map { "Artikel " + $0 }].compactMap { $0 }.joined(separator: " › ")
            if let heading = article.heading { title += (title.isEmpty ? "" : " ") + heading }
            if title.isEmpty { title = "(before the first article)" }
            out += "\n" + style(ResultsText.bold, title) + (unchanged > 0 ? style(ResultsText.dim, "  (\(unchanged) unchanged)") : "") + "\n"
            out += lines(changes)
        }
        if c.isUnchanged { out += "\nEvery clause is unchanged.\n" }
        return out
    }

    /// The lines of an article's changes; three or more clauses renumbered in a row make one line.
    func lines(_ changes: [VersionComparison.Change]) -> String {
        var out = ""
        var k = 0
        while k < changes.count {
            var end = k
            while end < changes.count, changes[end].kind == .renumbered { end += 1 }
            if end - k >= 3 {
                let run = changes[k..<end]
                out += style(Self.cyan, "  → \(run.first!.old[0].clause)–\(run.last!.old[0].clause) → "
                             + "\(run.first!.new[0].clause)–\(run.last!.new[0].clause)  renumbered (\(run.count) clauses)") + "\n"
                k = end
            } else {
                out += line(changes[k])
                k += 1
            }
        }
        return out
    }

    func label(_ refs: [VersionComparison.ClauseReference]) -> String {
        refs.map { $0.clause + ($0.heading.map { " " + $0 } ?? "") }.joined(separator: " + ")
    }

    func line(_ change: VersionComparison.Change) -> String {
        let old = label(change.old), new = label(change.new)
        var out: String
        switch change.kind {
        case .unchanged: out = style(ResultsText.dim, "  = \(new)  unchanged") + "\n"
        case .added: out = style(Self.green, "  + \(new)  added") + "\n"
        case .removed: out = style(Self.red, "  - \(old)  removed") + "\n"
        case .renumbered: out = style(Self.cyan, "  → \(old) → \(new)  renumbered") + "\n"
        case .moved: out = style(Self.cyan, "  ↕ \(old) → \(new)  moved") + "\n"
        case .changed:
            let from = change.renumbered ? "\(old) → \(new)" : new
            out = style(ResultsText.match, "  ~ \(from)  changed") + String(format: " (%.0f%% the same%@)", change.similarity * 100,
                                                                             change.moved ? ", moved" : "") + "\n"
        case .split: out = style(ResultsText.match, "  ⑂ \(old) → \(new)  split") + "\n"
        case .merged: out = style(ResultsText.match, "  ⑂ \(old) → \(new)  merged") + "\n"
        }
        if let text = change.text {
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            out += "      " + String(flat.prefix(160)) + (flat.count > 160 ? "…" : "") + "\n"
        }
        if let diff = change.diff {
            out += "      " + (diff.allSatisfy { $0.op == .equal } ? style(ResultsText.dim, "the same words, divided differently") : render(diff)) + "\n"
        }
        return out
    }

    /// The diff on one line: changes marked, long unchanged stretches shortened to their ends.
    func render(_ diff: [WordDiff.Segment]) -> String {
        var parts: [String] = []
        for (n, segment) in diff.enumerated() {
            switch segment.op {
            case .equal:
                let words = segment.text.split(separator: " ")
                let keepStart = n == 0 ? 0 : Self.context, keepEnd = n == diff.count - 1 ? 0 : Self.context
                if words.count > keepStart + keepEnd + 3 {
                    parts.append((words.prefix(keepStart) + ["…"] + words.suffix(keepEnd)).joined(separator: " "))
                } else {
                    parts.append(segment.text)
                }
            case .deleted: parts.append(colour ? Self.red + "\u{1B}[9m" + segment.text + ResultsText.reset : "[-" + segment.text + "-]")
            case .inserted: parts.append(colour ? Self.green + segment.text + ResultsText.reset : "{+" + segment.text + "+}")
            }
        }
        return parts.joined(separator: " ")
    }
}
