import Foundation
import Xapian

/// Turns a stored clause into a Xapian document: terms with positions, stemmed for its language,
/// boolean filter terms and value slots, and the words it gives the spelling table. Not
/// thread-safe (owns a TermGenerator); the documents it returns hold no reference back to it, so
/// they can be handed to another thread.
///
/// Xapian's TermGenerator makes the terms of the text as written. With `diacriticFolding` or
/// `compoundParts`, each word it made (of the text and headings) then gets extra terms at every
/// position it has: its folded form (`client` beside `cliënt`) and a compound's parts
/// (`aansprakelijkheid`, `verzekering` beside `aansprakelijkheidsverzekering`), each unstemmed
/// with its positions and, like TermGenerator's own, `Z`-stemmed without (unless a stopword). So
/// phrases over folded words and parts match exactly where the originals do.
final class ClauseAnalyzer {
    private let generator = TermGenerator()
    private let language: Language
    private let features: MatchingFeatures
    private let stem: Stem
    private let stopwords: Set<String>
    /// Given to the generator between documents, so it holds no reference to one handed out.
    private let detached = Document()
    private var splitter: CompoundSplitter?
    /// Per document: word → its extra (unstemmed) terms; memoises folding and splitting.
    private var variantCache: [String: [String]] = [:]
    /// Per document: term → its `Z` stem ("" when it is not stemmed).
    private var stemCache: [String: String] = [:]

    init(language: Language, stemmer: String, features: MatchingFeatures = .all) throws {
        self.language = language
        self.features = features
        // Memoised: a worker stems the same words over and over (the memo holds up to 50,000 words).
        stem = try Stem(language: stemmer, memoCapacity: 50_000)
        stopwords = Stopwords.words(for: language)
        generator.setStemmer(stem)
        generator.setStopper(Stopper(words: stopwords), strategy: .stemmed)
        generator.setStemmingStrategy(features.contains(.stemming) ? .some : .none)
    }

    /// Prepares for the clauses of a new document, with the compound splitter that
    /// `compoundSplitter(for:features:)` made for it.
    func begin(splitter: CompoundSplitter?) {
        variantCache = [:]
        stemCache = [:]
        self.splitter = splitter
    }

    /// The compound splitter for the clauses of `document` (nil without compound parts): its
    /// vocabulary is this document's words, with the system's Dutch lexicon (`CompoundVocabulary`).
    static func compoundSplitter(for document: TermsDocument, features: MatchingFeatures) -> CompoundSplitter? {
        guard features.contains(.compoundParts) else { return nil }
        let texts = document.clauses.flatMap { [$0.text, $0.location.heading ?? "", $0.location.articleHeading ?? ""] }
        return CompoundVocabulary.splitter(forDocument: CompoundVocabulary.words(of: texts))
    }

    /// The Xapian document of `clause`. Its spelling words are added to `spelling`: every word of
    /// its headings and text with its frequency, as Xapian's TermGenerator gives them to the
    /// spelling table (but counted here, so the writer adds each word once per batch).
    func document(for clause: StoredClause, spelling: inout [String: Int]) throws -> Document {
        let doc = Document()
        defer { generator.setDocument(detached) }
        // The document's first clause carries its document fields for all of them.
        let carriesDocument = clause.ordinal == 0
        doc.setData(clause.encoded(withDocumentFields: carriesDocument))
        generator.setDocument(doc)

        // Free text: headings first (also under their own prefix), then the clause text. A gap in
        // term positions keeps phrases from running across fields.
        for heading in [clause.heading, clause.articleHeading].compactMap({ $0 }) {
            generator.indexText(heading)
            generator.indexText(heading, prefix: IndexSchema.heading)
            generator.increaseTermPosition(by: 100)
        }
        // The title and supplier name are matched per document (`DocumentFieldSearch`), not indexed
        // on every clause.
        generator.indexText(clause.text)
        generator.increaseTermPosition(by: 100)

        // Filters.
        doc.addBooleanTerm(IndexSchema.uniqueID + clause.id)
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.document, clause.document))
        if carriesDocument { doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.documentRecord, clause.document)) }
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.supplier, slug(clause.supplier)))
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.language, clause.language.rawValue))
        for topic in clause.topics { doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.topic, topic)) }
        if let kind = clause.kind { doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.kind, kind)) }
        if let article = clause.article { doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.article, article)) }
        doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.clause, clause.clause))

        // Values for facets, collapsing and ranges.
        doc.setValue(IndexSchema.documentSlot, DocumentValue(document: clause.document, supplier: clause.supplier, kind: clause.kind,
                                                             versionDate: clause.versionDate).encoded)
        doc.setValue(IndexSchema.facetSlot, FacetValue(language: clause.language.rawValue, topics: clause.topics).encoded)
        if let date = clause.versionDate {
            doc.setValue(IndexSchema.versionDateSlot, date)
            if let year = Int(date.prefix(4)) {
                doc.addBooleanTerm(IndexSchema.booleanTerm(IndexSchema.year, String(year)))
            }
        }
        try addVariantsAndCountSpelling(in: doc, spelling: &spelling)
        return doc
    }

    /// One pass over the terms TermGenerator made: each unprefixed one is a word of the headings or
    /// text, counted for the spelling table with its frequency; it and each heading word (`XH`) get
    /// their variants at the same positions.
    private func addVariantsAndCountSpelling(in doc: Document, spelling: inout [String: Int]) throws {
        let withVariants = features.contains(.diacriticFolding) || features.contains(.compoundParts)
        var words: [(word: String, prefix: String, positions: [UInt32])] = []
        try doc.visitTermPositions { bytes, wdf, positions in
            guard let first = bytes.first else { return false }
            let prefix: String
            let word: String
            if !Self.isPrefixByte(first) {
                word = String(decoding: bytes, as: UTF8.self)
                spelling[word, default: 0] += wdf
                prefix = ""
            } else if bytes.count > 2, bytes[0] == 0x58, bytes[1] == 0x48, !Self.isPrefixByte(bytes[2]) { // XH
                word = String(decoding: bytes[2...], as: UTF8.self)
                prefix = IndexSchema.heading
            } else {
                return false
            }
            if withVariants, !positions.isEmpty, mayHaveVariants(bytes[(prefix.utf8.count)...]) {
                words.append((word, prefix, Array(positions)))
            }
            return false
        }
        for (word, prefix, positions) in words { addVariants(of: word, at: positions, prefix: prefix, in: doc) }
    }

    /// Term prefixes are upper-case ASCII; words never start with one (TermGenerator lowercases).
    private static func isPrefixByte(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }

    /// Cheap pre-check: a word needs work only if it has non-ASCII letters (folding) or is long
    /// enough to be a compound.
    private func mayHaveVariants(_ word: UnsafeRawBufferPointer.SubSequence) -> Bool {
        if features.contains(.diacriticFolding), word.contains(where: { $0 >= 0x80 }) { return true }
        return features.contains(.compoundParts) && word.count >= 6
    }

    private func addVariants(of word: String, at positions: [UInt32], prefix: String, in doc: Document) {
        let extras = variants(of: word)
        guard !extras.isEmpty else { return }
        let ownStem = zStem(word)
        var stems: Set<String> = ownStem.isEmpty ? [] : [ownStem]
        for extra in extras {
            doc.addPostings(prefix + extra, positions: positions)
            let s = zStem(extra)
            if !s.isEmpty, stems.insert(s).inserted { doc.addTerm("Z" + prefix + s, wdfIncrement: positions.count) }
        }
    }

    /// The extra unstemmed terms of `word` (lowercase): its folded form if different, and the
    /// parts of its (folded) form if it is a compound.
    private func variants(of word: String) -> [String] {
        if let cached = variantCache[word] { return cached }
        var extras: [String] = []
        var base = word
        if features.contains(.diacriticFolding) {
            let folded = DiacriticFolding.fold(word)
            if folded != word { extras.append(folded); base = folded }
        }
        if let splitter, let parts = splitter.split(base) {
            for part in parts where part != word && !extras.contains(part) { extras.append(part) }
        }
        variantCache[word] = extras
        return extras
    }

    /// The stem TermGenerator would add for `term` as `Z…`, or "" when it adds none (stemming off,
    /// a stopword, or a term not starting with a letter, as Xapian's `should_stem`).
    private func zStem(_ term: String) -> String {
        guard features.contains(.stemming) else { return "" }
        if let cached = stemCache[term] { return cached }
        var result = ""
        if !stopwords.contains(term), let first = term.unicodeScalars.first {
            switch first.properties.generalCategory {
            case .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: result = stem(term)
            default: break
            }
        }
        stemCache[term] = result
        return result
    }
}
