import Foundation
import Xapian

/// How an index analyses clauses: its index-time matching features and each language's stemmer,
/// as recorded in its metadata when it was created.
struct AnalysisSettings: Sendable, Equatable {
    var features: MatchingFeatures
    var stemmers: [Language: String]

    /// The settings recorded in `database`.
    init(of database: Database) throws {
        features = try IndexWriter.features(of: database)
        var stemmers: [Language: String] = [:]
        for language in Language.allCases {
            let name = try database.metadata(IndexSchema.stemmerKey(language))
            stemmers[language] = name.isEmpty ? language.defaultStemmerName : name
        }
        self.stemmers = stemmers
    }
}

/// One file's clauses as Xapian documents, ready to be written, and the spelling words they give.
///
/// Built on an ingest worker and handed whole to the writer thread: nothing else holds a reference to
/// its Xapian documents (whose reference counts are not thread-safe), hence `@unchecked Sendable`.
struct PreparedDocument: @unchecked Sendable {
    /// The document id of the file.
    var id: String
    /// One Xapian document per clause, in document order.
    var clauses: [Document]
    /// Words of headings and clause texts → frequency, for the spelling table.
    var spelling: [String: Int]
}

/// Turns ingested documents into `PreparedDocument`s for an index with the given settings.
/// Owns a TermGenerator per language: use one preparer per thread.
final class DocumentPreparer {
    private let analyzers: [Language: ClauseAnalyzer]
    private let features: MatchingFeatures

    init(settings: AnalysisSettings) throws {
        features = settings.features
        var analyzers: [Language: ClauseAnalyzer] = [:]
        for language in Language.allCases {
            analyzers[language] = try ClauseAnalyzer(
                language: language, stemmer: settings.stemmers[language] ?? language.defaultStemmerName, features: settings.features)
        }
        self.analyzers = analyzers
    }

    /// The Xapian documents of every clause of `document`.
    func prepare(_ document: TermsDocument) throws -> PreparedDocument {
        var prepared = PreparedDocument(id: document.id, clauses: [], spelling: [:])
        prepared.clauses.reserveCapacity(document.clauses.count)
        let splitter = ClauseAnalyzer.compoundSplitter(for: document, features: features)
        for language in Set(document.clauses.map(\.language)) { analyzers[language]!.begin(splitter: splitter) }
        for (ordinal, clause) in document.clauses.enumerated() {
            let stored = StoredClause(clause, of: document, ordinal: ordinal)
            prepared.clauses.append(try analyzers[clause.language]!.document(for: stored, spelling: &prepared.spelling))
        }
        return prepared
    }
}
