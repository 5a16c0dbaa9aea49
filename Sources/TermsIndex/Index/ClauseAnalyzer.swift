import Foundation
import Xapian

/// Turns a stored clause into a Xapian document: terms with positions, stemmed for its language,
/// boolean filter terms and value slots. Not thread-safe (owns a TermGenerator).
final class ClauseAnalyzer {
    private let generator = TermGenerator()
    private let language: Language

    init(language: Language, stemmer: String) throws {
        self.language = language
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
        generator.indexTextWithoutPositions(clause.supplier, prefix: IndexSchema.supplierText)

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
