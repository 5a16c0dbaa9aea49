import Foundation
import Xapian

/// Turns a stored clause into a Xapian document: terms with positions, stemmed for its language,
/// boolean filter terms and value slots, and the words it gives the spelling table. Not
/// thread-safe (owns a TermGenerator); the documents it returns hold no reference back to it, so
/// they can be handed to another thread.
///
/// Xapian's TermGenerator makes the terms of the text as written. With `diacriticFolding` or
/// `compoundParts`, extra terms are added at the same positions as the word they come from: the
/// folded word (`client` beside `cliënt`) and a compound's parts (`aansprakelijkheid`,
/// `verzekering` beside `aansprakelijkheidsverzekering`), each unstemmed with its position and,
/// like TermGenerator's own, `Z`-stemmed without one (unless a stopword). Positions stay
/// TermGenerator's: the text is fed to it one whitespace-separated chunk at a time, and a chunk's
/// words are only given extra terms when our tokenizer finds exactly as many words in it as
/// TermGenerator used positions for (chunks such as `14.1` or `B.V.` it reads differently get
/// none), so phrases over folded words and parts match exactly where the originals do.
final class ClauseAnalyzer {
    private let generator = TermGenerator()
    private let language: Language
    private let features: MatchingFeatures
    private let stem: Stem
    private let stopwords: Set<String>
    /// The document being built; `detached` (never handed out) between documents.
    private var document: Document
    private let detached = Document()
    /// Per document being built: unprefixed extra terms → how many postings they were given, so
    /// that spelling words count only the words as written.
    private var extraPostings: [String: Int] = [:]
    private var splitter: CompoundSplitter?
    /// Per document: word → its extra (unstemmed) terms; memoises folding and splitting.
    private var variantCache: [String: [String]] = [:]
    /// Per document: term → its `Z` stem ("" when it is not stemmed).
    private var stemCache: [String: String] = [:]

    init(language: Language, stemmer: String, features: MatchingFeatures = .all) throws {
        self.language = language
        self.features = features
        document = detached
        stem = try Stem(language: stemmer)
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
    /// vocabulary is the seed vocabulary plus this document's words (`CompoundVocabulary`).
    static func compoundSplitter(for document: TermsDocument, features: MatchingFeatures) -> CompoundSplitter? {
        guard features.contains(.compoundParts) else { return nil }
        let texts = document.clauses.flatMap { [$0.text, $0.location.heading ?? "", $0.location.articleHeading ?? ""] }
        return CompoundSplitter(vocabulary: CompoundVocabulary.forDocument(CompoundVocabulary.words(of: texts)))
    }

    /// The Xapian document of `clause`. Its spelling words are added to `spelling`: every word of
    /// its headings and text with its frequency, as Xapian's TermGenerator gives them to the
    /// spelling table (but counted here, so the writer adds each word once per batch).
    func document(for clause: StoredClause, spelling: inout [String: Int]) throws -> Document {
        let doc = Document()
        document = doc
        extraPostings = [:]
        defer {
            document = detached
            generator.setDocument(detached)
        }
        doc.data = clause.encoded()
        generator.setDocument(doc)

        // Free text: headings first (also under their own prefix), then the clause text. A gap in
        // term positions keeps phrases from running across fields.
        for heading in [clause.heading, clause.articleHeading].compactMap({ $0 }) {
            indexText(heading)
            indexText(heading, prefix: IndexSchema.heading)
            generator.increaseTermPosition(by: 100)
        }
        indexText(clause.text)
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
        countSpellingWords(of: doc, into: &spelling)
        return doc
    }

    /// The unprefixed terms of `doc` (every prefix is upper-case ASCII) are the words of headings and
    /// text, plus the extra terms, which are not words as written and are subtracted.
    private func countSpellingWords(of doc: Document, into spelling: inout [String: Int]) {
        for (term, wdf) in doc.termsWithFrequency {
            guard let first = term.utf8.first, !(0x41...0x5A).contains(first) else { continue }
            let count = wdf - (extraPostings[term] ?? 0)
            if count > 0 { spelling[term, default: 0] += count }
        }
    }

    /// Indexes `text` with positions, plus the folded and compound-part variants of its words.
    private func indexText(_ text: String, prefix: String = "") {
        guard features.contains(.diacriticFolding) || features.contains(.compoundParts) else {
            generator.indexText(text, prefix: prefix)
            return
        }
        for chunk in Self.whitespaceSeparatedChunks(text) {
            let before = generator.termPosition
            generator.indexText(chunk, prefix: prefix)
            guard mayHaveVariants(chunk) else { continue }
            let words = WordTokenizer.lowercasedWords(String(chunk))
            guard words.count == generator.termPosition - before else { continue }
            for (offset, word) in words.enumerated() {
                addVariants(of: word, at: before + 1 + offset, prefix: prefix)
            }
        }
    }

    /// `text` split at white space (as `Character.isWhitespace`, but by scalar: much cheaper).
    static func whitespaceSeparatedChunks(_ text: String) -> [Substring] {
        var chunks: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if scalars[i].isWhitespace {
                if let s = start { chunks.append(text[s..<i]); start = nil }
            } else if start == nil {
                start = i
            }
            i = scalars.index(after: i)
        }
        if let s = start { chunks.append(text[s...]) }
        return chunks
    }

    /// Cheap pre-check: a chunk needs work only if it has non-ASCII letters (folding) or a word long
    /// enough to be a compound.
    private func mayHaveVariants(_ chunk: Substring) -> Bool {
        if features.contains(.diacriticFolding), chunk.utf8.contains(where: { $0 >= 0x80 }) { return true }
        return features.contains(.compoundParts) && chunk.utf8.count >= 6
    }

    private func addVariants(of word: String, at position: Int, prefix: String) {
        let extras = variants(of: word)
        guard !extras.isEmpty else { return }
        let ownStem = zStem(word)
        var stems: Set<String> = ownStem.isEmpty ? [] : [ownStem]
        for extra in extras {
            document.addPosting(prefix + extra, position: position)
            if prefix.isEmpty { extraPostings[extra, default: 0] += 1 }
            let s = zStem(extra)
            if !s.isEmpty, stems.insert(s).inserted { document.addTerm("Z" + prefix + s) }
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
