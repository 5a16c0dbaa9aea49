import Foundation
import Xapian

/// The yardstick for indexing throughput: the same files through raw Xapian, without termsearch's
/// reading, repair, segmentation, analysis or bookkeeping.
///
/// Each file's bytes are decoded as UTF-8 and cut at blank lines into paragraphs (about the size of
/// clauses); each paragraph becomes one document with positional terms and Dutch stemming (the same
/// TermGenerator, stemmer and strategy as termsearch), its text as data and a unique id term. One
/// thread, one commit at the end (Xapian's own flushing in between). Only for benchmarks.
public enum IndexingBaseline {
    /// What the baseline did.
    public struct Report: Codable, Sendable {
        public var files = 0
        public var bytes = 0
        public var documents = 0
        public var seconds = 0.0
    }

    /// Indexes every file below `paths` into a new database at `index` (replacing it).
    public static func run(_ paths: [String], into index: String) throws -> Report {
        let start = Date()
        let listing = SourceFiles.list(paths)
        let database = try WritableDatabase(path: index, mode: .overwrite)
        let generator = TermGenerator()
        generator.setStemmer(try Stem(language: Language.dutch.defaultStemmerName))
        generator.setStemmingStrategy(.some)
        var report = Report()
        for entry in listing.entries {
            guard let data = FileManager.default.contents(atPath: entry.path) else { continue }
            report.files += 1
            report.bytes += data.count
            let text = String(decoding: data, as: UTF8.self)
            var paragraph = 0
            for block in text.components(separatedBy: "\n\n") where !block.isEmpty {
                let document = Document()
                document.setData(block)
                generator.setDocument(document)
                generator.indexText(block)
                let id = "Q\(entry.documentID)#\(paragraph)"
                document.addBooleanTerm(id)
                try database.replace(uniqueTerm: id, with: document)
                paragraph += 1
                report.documents += 1
            }
        }
        try database.close()
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
