import Foundation
import Xapian

/// Turns a stored clause into a Xapian document: terms with positions, stemmed for its language,
/// boolean filter terms and value slots. Not thread-safe (owns a TermGenerator).
final class ClauseAnalyzer {
    private let generator = TermGenerator()
    private let language: Language

    /// `spelling`: the database that receives the words of clause texts and headings as spelling data
    /// (Xapian's "Did you mean"), or nil.
    init(language: Language, stemmer: String, spelling: WritableDatabase? = nil) throws {
        self.language = language
        if let spelling {
            generator.setDatabase(spelling)
            generator.enableSpelling = true
        }
        generator.setStemmer(try Stem(language: stemmer))
        generator.setStopper(Stopper(words: Stopwords.words(for: language)), strategy: .stemmed)
        generator.setStemmingStrategy(.some)
    }

    func document(for clause: StoredClause) throws -> Document {
        let doc = Document()
        doc.data = try clause.encoded()
        generator.setDocument(doc)

        // Free text: headings first (also under their own prefix), then the clause text. A gap in
        // term positions keeps phrases from running across fields.
        for heading in [clause.heading, clause.articleHeading].compactMap({ $0 }) {
            generator.indexText(heading)
            generator.indexText(heading, prefix: IndexSchema.heading)
            generator.increaseTermPosition(by: 100)
        }
        generator.indexText(clause.text)
        generator.increaseTermPosition(by: 100)
        generator.indexTextWithoutPositions(clause.title, prefix: IndexSchema.title)
        // With positions, so `supplier:"easycomp zeeland"` and `supplier:easycomp-zeeland` match.
        generator.indexText(clause.supplier, prefix: IndexSchema.supplierText)
        generator.increaseTermPosition(by: 100)

        // Filters.
        doc.addBooleanTerm(IndexSchema.uniqueID + clause.id)
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.document, clause.document))
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.supplier, slug(clause.supplier)))
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.language, clause.language.rawValue))
        for topic in clause.topics { doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.topic, topic)) }
        if let kind = clause.kind { doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.kind, kind)) }
        if let article = clause.article { doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.article, article)) }
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.clause, clause.clause))

        // Values for facets, collapsing and ranges.
        doc.setValue(IndexSchema.supplierSlot, clause.supplier)
        doc.setValue(IndexSchema.languageSlot, clause.language.rawValue)
        if let kind = clause.kind { doc.setValue(IndexSchema.kindSlot, kind) }
        if !clause.topics.isEmpty {
            doc.setValue(IndexSchema.topicsSlot, clause.topics.sorted().joined(separator: IndexSchema.topicSeparator))
        }
        doc.setValue(IndexSchema.documentSlot, clause.document)
        if let date = clause.versionDate {
            doc.setValue(IndexSchema.versionDateSlot, date)
            if let year = Int(date.prefix(4)) {
                doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.year, String(year)))
                doc.setValue(IndexSchema.yearSlot, String(year))
                doc.setValue(IndexSchema.yearNumberSlot, Serialisation.sortable(Double(year)))
            }
        }
        return doc
    }
}
