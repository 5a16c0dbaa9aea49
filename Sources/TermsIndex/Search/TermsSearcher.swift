import Foundation
import Xapian

/// Searches one or more termsearch indexes as one.
///
/// Holds open Xapian handles: use an instance from one thread or task at a time.
public final class TermsSearcher {
    /// The indexes searched.
    public let paths: [String]
    let database: Database
    private let languages: [LanguageSearch]
    /// The `title:` and `supplier:` fields, matched per document.
    let documentFieldSearch: DocumentFieldSearch
    /// Restricts each language's parse to that language's clauses (`buildQuery`).
    private let languageFilter = LanguageFilter()
    /// The facet slots as value codes, for exact facets (`FacetCounter`).
    private let facetTables = FacetTables()
    /// The matching features in effect: those asked for, less the index-time ones the index was
    /// not built with.
    public let features: MatchingFeatures
    /// The legal thesaurus queries are expanded with (`MatchingFeatures.thesaurus`); nil for none.
    public let thesaurus: LegalThesaurus?
    private lazy var conceptMatcher: ConceptMatcher? = thesaurus.map { thesaurus in
        let stemmers = Dictionary(uniqueKeysWithValues: languages.map { ($0.language, $0.stemmer) })
        return ConceptMatcher(thesaurus: thesaurus) { word, language in
            self.features.contains(.stemming) ? stemmers[language]!(word) : word
        }
    }

    /// The query parser and stemmer for clauses of one language.
    private struct LanguageSearch {
        var language: Language
        var stemmer: Stem
        var parser: QueryParser
        var stopper: Stopper
    }

    /// Field names of the query language and the prefixes they search.
    public static let textFields: [(field: String, prefix: String)] = [("heading", IndexSchema.heading)]
    /// Field names matched against each document's title and supplier name (`DocumentFieldSearch`):
    /// a word, a quoted phrase or a hyphenated name, each a filter of documents.
    public static let documentFields: [String] = DocumentFieldSearch.Field.allCases.map(\.rawValue)
    /// Field names that filter exactly (`article:14`, `lang:en`).
    public static let filterFields: [(field: String, prefix: String)] = [
        ("article", IndexSchema.article), ("clause", IndexSchema.clause), ("topic", IndexSchema.topic),
        ("lang", IndexSchema.language), ("kind", IndexSchema.kind), ("year", IndexSchema.year),
        ("document", IndexSchema.document),
    ]

    /// Opens the indexes at `paths` for searching, expanding queries with `thesaurus` (by default
    /// the one termsearch ships with).
    public init(paths: [String], features: MatchingFeatures = .all, thesaurus: LegalThesaurus? = LegalThesaurus.bundled) throws {
        precondition(!paths.isEmpty, "at least one index path")
        self.paths = paths
        self.thesaurus = thesaurus
        var databases: [Database] = []
        for path in paths {
            do {
                if let (host, port) = Self.remoteAddress(path) {
                    databases.append(try Database(remoteHost: host, port: port))
                    continue
                }
                guard FileManager.default.fileExists(atPath: path) else { throw TermsearchError.indexMissing(path: path) }
                databases.append(try Database(path: path))
            } catch let error as XapianError {
                throw TermsearchError.from(error, index: path, doing: "opening the index")
            }
        }
        do {
            database = databases.count == 1 ? databases[0] : try Database(combining: databases)
            let schema = try database.metadata(IndexSchema.schemaKey)
            if let problem = IndexSchema.schemaProblem(schema, path: paths[0]) {
                throw TermsearchError.indexUnusable(path: paths[0], reason: problem)
            }
            let indexFeatures = try IndexWriter.features(of: database)
            self.features = features.subtracting(MatchingFeatures.indexTime.subtracting(indexFeatures))
            let opened = database
            let stemming = self.features.contains(.stemming)
            let stemmers = try Language.allCases.map { language in
                let name = try opened.metadata(IndexSchema.stemmerKey(language))
                return try Stem(language: name.isEmpty ? language.defaultStemmerName : name)
            }
            let documentFieldSearch = DocumentFieldSearch(database: opened, stemmers: stemmers)
            self.documentFieldSearch = documentFieldSearch
            languages = zip(Language.allCases, stemmers).map { language, stemmer in
                let stopper = Stopper(words: Stopwords.queryWords(for: language))
                return LanguageSearch(language: language, stemmer: stemmer,
                                      parser: TermsSearcher.makeParser(stemmer: stemmer, stopper: stopper, database: opened,
                                                                       stemming: stemming, documentFields: documentFieldSearch),
                                      stopper: stopper)
            }
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: paths[0], doing: "reading the index")
        }
    }

    /// `tcp://HOST:PORT` names an index served by `xapian-tcpsrv`.
    static func remoteAddress(_ path: String) -> (host: String, port: Int)? {
        guard path.hasPrefix("tcp://") else { return nil }
        let address = path.dropFirst("tcp://".count)
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
              port > 0, port < 65536 else { return nil }
        let host = String(address[..<colon])
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    private static func makeParser(stemmer: Stem, stopper: Stopper, database: Database, stemming: Bool,
                                   documentFields: DocumentFieldSearch) -> QueryParser {
        let parser = QueryParser()
        parser.setStemmer(stemmer)
        parser.setStemmingStrategy(stemming ? .some : .none)
        parser.setStopper(stopper)
        parser.setDatabase(database)
        parser.defaultOperator = .and
        for (field, prefix) in textFields { parser.addPrefix(field, prefix) }
        for field in DocumentFieldSearch.Field.allCases {
            parser.addBooleanField(field.rawValue) { try documentFields.filter(field, $0) }
        }
        for (field, prefix) in filterFields { parser.addBooleanPrefix(field, prefix) }
        // `article:14.1` also finds the clause labelled 14.1 (same group: ORed).
        parser.addBooleanPrefix("article", IndexSchema.clause)
        // Ranges of years and dates (`2018..2025`, `2019-01-01..2020-06-30`, `2019-06..`), all on
        // the ISO version date: QueryRewriter drops `year:` and pads upper bounds (`..2025~`).
        parser.addRangeProcessor(slot: IndexSchema.versionDateSlot)
        return parser
    }

    /// The QueryParser features termsearch's query language uses.
    static let parseFlags: QueryParser.Flags = [.boolean, .phrase, .loveHate, .wildcard, .pureNot]

    /// Without facets a search still counts exactly when the matches are at most this many;
    /// beyond it `total` is Xapian's estimate.
    public static let exactCountUpTo = 1_000

    /// The window of the proximity boost of unquoted multi-word queries (Xapian's NEAR/N).
    public static let proximityBoostWindow = 8

    /// The queries of one search: the tiers ranked one after the other (exact phrases, then near
    /// ones; or all words, related, partial) and the query counted in `total` and the facets, each
    /// with the filters applied.
    struct PlannedSearch {
        var tiers: [(query: Query, kind: MatchKind?)]
        /// How many of the first tiers `all` covers (counted in `total` and the facets).
        var countedTiers = 1
        var all: Query
        var rewritten: String
        var filter: Query?
        var expansion: QueryExpansion?
        /// The first tier with the proximity boost, when it has one: it reorders that tier's best
        /// `rerankCandidates` clauses (the first tier itself is the query without the boost).
        var boosted: Query?
    }

    func plan(_ request: SearchRequest) throws -> PlannedSearch {
        do {
            return try planUnchecked(request)
        } catch TermsearchError.invalidQuery(_, let reason) {
            throw TermsearchError.invalidQuery(query: request.query, reason: reason)
        }
    }

    private func planUnchecked(_ request: SearchRequest) throws -> PlannedSearch {
        try QueryValidator.validate(request.query)
        try FilterCheck(database: database).check(request.filters, query: request.query)
        let rewriter = QueryRewriter(request.query, lowercasing: features.contains(.caseFolding))
        let exact = try buildQuery(rewriter.exact)
        var boosted: Query?
        if features.contains(.proximityBoost), let boost = rewriter.proximityBoost(window: Self.proximityBoostWindow),
           let boostQuery = try? buildQuery(boost, excludingOtherLanguages: false) {
            // The rerank's 100 candidates are found fastest through FILTERs (LanguageFilter).
            boosted = Query(.andMaybe, [try buildQuery(rewriter.exact, excludingOtherLanguages: false), boostQuery])
        }
        let filter = try filterQuery(request.filters)
        func filtered(_ q: Query) -> Query { filter.map { Query(.filter, [q, $0]) } ?? q }
        func planned(tiers: [(query: Query, kind: MatchKind?)], countedTiers: Int = 1, all: Query, rewritten: String,
                     filter: Query?, expansion: QueryExpansion? = nil) -> PlannedSearch {
            PlannedSearch(tiers: tiers, countedTiers: countedTiers, all: all, rewritten: rewritten, filter: filter,
                          expansion: expansion, boosted: boosted.map(filtered))
        }
        if request.near || rewriter.hasNearPhrase,
           let nearText = rewriter.near(window: request.nearWindow, everyPhrase: request.near) {
            let near = try buildQuery(nearText)
            return planned(tiers: [(filtered(exact), .exact), (filtered(Query(.andNot, [near, exact])), .near)], countedTiers: 2,
                           all: filtered(Query(.or, [exact, near])), rewritten: rewriter.exact, filter: filter)
        }
        // Plain words: clauses with all of them first; then clauses that have, for each word it
        // lacks, an equivalent from the thesaurus (related); then clauses with some of the words or
        // their equivalents (BM25 ranks those with more of them, and rarer ones, higher), so an
        // answerable question never gets an empty page. Equivalents weigh less than the query's
        // own words. Only the first tier is counted in `total` and the facets.
        guard let words = rewriter.words else {
            return planned(tiers: [(filtered(exact), nil)], all: filtered(exact), rewritten: rewriter.exact, filter: filter)
        }
        let units = request.expand && features.contains(.thesaurus)
            ? conceptMatcher?.units(words, crossLanguage: features.contains(.crossLanguage)) ?? [] : []
        let matches = units.flatMap(\.matches)
        let partial = words.count >= 2 && features.contains(.partialTier)
        guard partial || !matches.isEmpty else {
            return planned(tiers: [(filtered(exact), words.count >= 2 ? .all : nil)], all: filtered(exact),
                           rewritten: rewriter.exact, filter: filter)
        }
        var tiers: [(query: Query, kind: MatchKind?)] = [(filtered(exact), .all)]
        var above = exact
        if matches.isEmpty {
            let units = try words.filter { !Self.isOnlyStopwords($0) }.map { try buildQuery($0) }
            if units.count >= 2 {
                tiers += partialTiers(units, above: above, filtered: filtered)
            } else {
                let some = try buildQuery(rewriter.anyWord!)
                tiers.append((filtered(Query(.andNot, [some, above])), .partial))
            }
        } else {
            var unitQueries: [Query] = []
            for unit in units {
                let own = unit.words.joined(separator: " ")
                if unit.matches.isEmpty {
                    if Self.isOnlyStopwords(own) { continue }
                    unitQueries.append(try buildQuery(own))
                    continue
                }
                var alternatives = [try buildQuery(own)]
                let same = unit.matches.flatMap(\.sameLanguage)
                if !same.isEmpty {
                    alternatives.append(try buildQuery(ConceptMatcher.alternatives(same)).scaled(by: ConceptMatcher.sameLanguageWeight))
                }
                for (language, other) in unit.translations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    alternatives.append(try buildQuery(ConceptMatcher.alternatives(other), in: language).scaled(by: ConceptMatcher.otherLanguageWeight))
                }
                unitQueries.append(Query(.or, alternatives))
            }
            let related = unitQueries.count == 1 ? unitQueries[0] : Query(.and, unitQueries)
            tiers.append((filtered(Query(.andNot, [related, above])), .related))
            above = Query(.or, [above, related])
            if partial && unitQueries.count >= 2 {
                tiers += partialTiers(unitQueries, above: above, filtered: filtered)
            }
        }
        let expansion = matches.isEmpty ? nil : QueryExpansion(matches: matches, thesaurus: thesaurus?.source ?? "")
        return planned(tiers: tiers, all: filtered(exact), rewritten: rewriter.exact, filter: filter, expansion: expansion)
    }

    /// How many of the first tier's best clauses the proximity boost reorders.
    public static let rerankCandidates = 100

    /// `candidates` ranked by `boosted` (the same query with the proximity boost): the page from
    /// `first`, at most `maxItems` clauses.
    private func rerank(_ candidates: MSet, by boosted: Query, first: Int, maxItems: Int) throws -> MSet {
        var ids: [Query] = []
        for item in candidates {
            if let id = StoredClause.id(in: try item.document().data) { ids.append(Query(term: IndexSchema.uniqueID + id)) }
        }
        let enquire = Enquire(database: database)
        enquire.setQuery(Query(.filter, [boosted, ids.isEmpty ? .matchNothing : Query(.or, ids)]))
        return try enquire.mset(first: first, maxItems: maxItems, checkAtLeast: 0)
    }

    /// The partial tiers of a query of `units` (words, or a word and its equivalents): for three to
    /// eight units first the clauses with all but one of them ("most"), then those with any; each
    /// without the clauses of the tiers `above`.
    private func partialTiers(_ units: [Query], above: Query, filtered: (Query) -> Query) -> [(query: Query, kind: MatchKind?)] {
        let any = Query(.or, units)
        guard units.count >= 3 && units.count <= 8 else { return [(filtered(Query(.andNot, [any, above])), .partial)] }
        let allButOne = Query(.or, units.indices.map { left in Query(.and, units.enumerated().filter { $0.offset != left }.map(\.element)) })
        return [(filtered(Query(.andNot, [allButOne, above])), .partial),
                (filtered(Query(.andNot, [any, Query(.or, [above, allButOne])])), .partial)]
    }

    /// Runs a search. Throws `TermsearchError.invalidQuery` for a malformed query.
    ///
    /// One pass per tier: the first tier's Enquire ranks the page and, when the request asks for
    /// facets, counts every match with the facet spies in the same pass; the later tiers run only
    /// when the page is not full. Without facets only the page is ranked, and `total` is exact up to
    /// `exactCountUpTo` matches and Xapian's estimate beyond (`totalIsExact`).
    public func search(_ request: SearchRequest) throws -> SearchResults {
        return try withReopenOnModification {
            let planned = try plan(request)
            let count = try database.documentCount
            // Exact counts of the counted tiers, with facets: in the ranking pass when only the first
            // tier is counted (all-words and boolean queries), else (near phrases) a pass of its own.
            let facets = request.facets || request.perDocument ? FacetCounter(table: try facetTables.table(for: database)) : nil
            var countingTier: Int? = nil
            if let facets {
                if planned.countedTiers == 1 && !request.perDocument {
                    countingTier = 0
                } else {
                    let counting = Enquire(database: database)
                    counting.setQuery(planned.all)
                    facets.register(on: counting)
                    _ = try counting.mset(first: 0, maxItems: 0, checkAtLeast: count)
                }
            }

            var hits: [SearchHit] = []
            let records = DocumentRecords(database)
            var total: Int?, totalIsExact = facets != nil
            var tierCounts: [Int: Int] = [:]  // tier → its number of matches, for the tiers that ran
            if request.perDocument {
                let documentCounts = facets!.documentCounts()
                var seen = Set<String>()
                var best: [(MSetItem, MSet, MatchKind?)] = []
                // One hit per document counts the document's strict matches: related and partial ones stay out.
                for tier in planned.tiers where tier.kind != .partial && tier.kind != .related {
                    let enquire = Enquire(database: database)
                    enquire.setQuery(tier.query)
                    enquire.setCollapseKey(IndexSchema.documentSlot)
                    let mset = try enquire.mset(first: 0, maxItems: max(count, 1), checkAtLeast: count)
                    for item in mset {
                        let document = DocumentValue(try item.document().value(IndexSchema.documentSlot)).document
                        if seen.insert(document).inserted { best.append((item, mset, tier.kind)) }
                    }
                }
                for (index, (item, mset, kind)) in best.enumerated().dropFirst(request.offset).prefix(request.limit) {
                    var hit = try self.hit(item, in: mset, rank: index + 1, match: kind, records: records)
                    hit.matchingClauses = documentCounts[hit.document] ?? 1
                    hits.append(hit)
                }
            } else {
                // A later tier runs only when the page is not full: then every match of the tiers
                // above it was seen, their counts are exact, and ranks and offsets run on correctly.
                var rankBase = 0
                var countedSoFar = 0
                for (index, tier) in planned.tiers.enumerated() where index == 0 || hits.count < request.limit {
                    let enquire = Enquire(database: database)
                    enquire.setQuery(tier.query)
                    if index == countingTier { facets!.register(on: enquire) }
                    let first = max(0, request.offset - rankBase)
                    let wanted = request.limit - hits.count
                    let checkAtLeast = index == countingTier ? count : Self.exactCountUpTo
                    let mset: MSet
                    if index == 0, let boosted = planned.boosted, wanted > 0 {
                        // The proximity boost reorders the best candidates only: its position checks on
                        // every match would cost more than the rest of the search.
                        mset = try enquire.mset(first: 0, maxItems: max(Self.rerankCandidates, first + wanted), checkAtLeast: checkAtLeast)
                        let page = try rerank(mset, by: boosted, first: first, maxItems: wanted)
                        for item in page {
                            hits.append(try self.hit(item, in: page, rank: rankBase + item.rank + 1, match: tier.kind, records: records))
                        }
                    } else {
                        mset = try enquire.mset(first: first, maxItems: wanted, checkAtLeast: checkAtLeast)
                        for item in mset {
                            hits.append(try self.hit(item, in: mset, rank: rankBase + item.rank + 1, match: tier.kind, records: records))
                        }
                    }
                    rankBase += mset.matchesEstimated
                    if index < planned.countedTiers {
                        countedSoFar += mset.matchesEstimated
                        if index == planned.countedTiers - 1 && facets == nil {
                            total = countedSoFar
                            totalIsExact = mset.matchesLowerBound == mset.matchesUpperBound && (index == 0 || hits.count < request.limit)
                        }
                    }
                    tierCounts[index] = mset.matchesEstimated
                }
            }
            // Figures for the header ("about N more with equivalent expressions") and, without
            // facets, the total when a counted tier did not run: estimates, no match is run.
            func estimate(_ query: Query) throws -> MSet {
                let enquire = Enquire(database: database)
                enquire.setQuery(query)
                return try enquire.mset(first: 0, maxItems: 0, checkAtLeast: 0)
            }
            if facets == nil && total == nil {
                let mset = try estimate(planned.all)
                total = mset.matchesEstimated
                totalIsExact = mset.matchesLowerBound == mset.matchesUpperBound
            }
            func tierTotal(_ kind: MatchKind) throws -> Int? {
                let indices = planned.tiers.indices.filter { planned.tiers[$0].kind == kind }
                guard !request.perDocument, !indices.isEmpty else { return nil }
                return try indices.reduce(0) { sum, index in
                    try sum + (tierCounts[index] ?? estimate(planned.tiers[index].query).matchesEstimated)
                }
            }
            let partialTotal = try tierTotal(.partial), relatedTotal = try tierTotal(.related)
            let counted = facets.map(\.total) ?? total ?? 0
            var results = SearchResults(query: request.query, total: counted, totalIsExact: totalIsExact,
                                        documents: facets.map { $0.documentCounts().count }, hits: hits,
                                        facets: facets.map { $0.facets() },
                                        suggestion: try suggestion(for: planned, total: counted))
            results.partialTotal = partialTotal
            results.relatedTotal = relatedTotal
            results.expansion = planned.expansion
            if request.explain {
                results.explanation = SearchExplanation(
                    rewritten: planned.rewritten, features: features.description,
                    thesaurus: thesaurus?.source ?? "none: \(LegalThesaurus.bundledFileName) not found in \(LegalThesaurus.bundledCandidates.joined(separator: ", "))",
                    tiers: planned.tiers.map { SearchExplanation.Tier(match: $0.kind, query: $0.query.description) })
            }
            return results
        }
    }

    private func hit(_ item: MSetItem, in mset: MSet, rank: Int, match: MatchKind?, records: DocumentRecords) throws -> SearchHit {
        let stored = try records.clause(try item.document().data)
        let stemmer = languages.first { $0.language == stored.language }!.stemmer
        let snippet = mset.snippet(stored.text, length: 300, stemmer: stemmer,
                                   highlightStart: SearchHit.highlightStart, highlightEnd: SearchHit.highlightEnd)
        var hit = SearchHit(stored, rank: rank, score: item.weight, snippet: SearchHit.unescapingXapianHTML(snippet))
        hit.match = match
        return hit
    }

    /// A correction from the index's own vocabulary, looked for only when the query finds (almost)
    /// nothing (`suggestionBelow` clauses) and offered when the corrected query finds at least
    /// `suggestionRatio` times as many clauses (or some, where the query found none).
    private func suggestion(for planned: PlannedSearch, total: Int) throws -> String? {
        guard total < Self.suggestionBelow else { return nil }
        let parser = languages[0].parser
        guard (try? parser.parse(planned.rewritten, flags: Self.parseFlags.union(.spellingCorrection))) != nil else { return nil }
        let corrected = parser.correctedQueryString
        guard !corrected.isEmpty, corrected != planned.rewritten, let query = try? buildQuery(corrected) else { return nil }
        let enquire = Enquire(database: database)
        enquire.setQuery(planned.filter.map { Query(.filter, [query, $0]) } ?? query)
        let correctedTotal = try enquire.mset(first: 0, maxItems: 0, checkAtLeast: try database.documentCount).matchesEstimated
        let better = total == 0 ? correctedTotal > 0 : correctedTotal >= Self.suggestionRatio * total
        return better ? corrected : nil
    }

    /// How many times more clauses a correction must find to be suggested for a query with hits.
    public static let suggestionRatio = 10
    /// Spelling corrections are looked for only for queries that find fewer clauses than this.
    public static let suggestionBelow = 5

    /// The filter query of `filters`: values of one field ORed, fields ANDed; nil when empty.
    func filterQuery(_ filters: SearchFilters) throws -> Query? {
        func terms(_ prefix: String, _ values: [String]) -> Query? {
            values.isEmpty ? nil : Query(.or, values.map { Query(term: IndexSchema.booleanTerm(prefix, $0)) })
        }
        var fields: [Query] = []
        if !filters.suppliers.isEmpty {
            var alternatives: [Query] = []
            for value in filters.suppliers {
                let slugTerm = IndexSchema.booleanTerm(IndexSchema.supplier, slug(value))
                if try database.termExists(slugTerm) {
                    alternatives.append(Query(term: slugTerm))
                } else {
                    try FilterCheck(database: database).checkSupplier(value, matched: try documentFieldSearch.hasSupplier(matching: value))
                    alternatives.append(try documentFieldSearch.filter(.supplier, value))
                }
            }
            fields.append(alternatives.isEmpty ? .matchNothing : Query(.or, alternatives))
        }
        for q in [terms(IndexSchema.topic, filters.topics), terms(IndexSchema.language, filters.languages),
                  terms(IndexSchema.kind, filters.kinds), terms(IndexSchema.year, filters.years.map(String.init)),
                  terms(IndexSchema.document, filters.documents)] {
            if let q { fields.append(q) }
        }
        if !filters.articles.isEmpty {
            fields.append(Query(.or, filters.articles.flatMap {
                [Query(term: IndexSchema.booleanTerm(IndexSchema.article, $0)), Query(term: IndexSchema.booleanTerm(IndexSchema.clause, $0))]
            }))
        }
        if let since = filters.since { fields.append(Query(valueAtLeast: IndexSchema.versionDateSlot, Array(since.utf8))) }
        // "~" sorts after digits and "-": `2020~` is above every date in 2020.
        if let until = filters.until { fields.append(Query(valueAtMost: IndexSchema.versionDateSlot, Array((until + "~").utf8))) }
        if fields.isEmpty { return nil }
        return fields.count == 1 ? fields[0] : Query(.and, fields)
    }

    /// The stored clause with `id`.
    public func clause(id: String) throws -> StoredClause {
        try withReopenOnModification {
            guard let docid = try database.postings(IndexSchema.uniqueID + id).first else {
                throw TermsearchError.clauseNotFound(id: id)
            }
            return try DocumentRecords(database).clause(try database.document(docid).data)
        }
    }

    /// Parses the query once per language and matches each parse against clauses of that language
    /// only, so Dutch stems meet Dutch clauses and English stems English ones; with
    /// `excludingOtherLanguages`, by excluding the others where that is cheaper (`LanguageFilter`).
    /// With `language`, only that language's parse (a translation from the glossary or thesaurus).
    func buildQuery(_ text: String, in language: Language? = nil, excludingOtherLanguages: Bool = true) throws -> Query {
        var perLanguage: [Query] = []
        let prepared = QueryAnalysis.prepare(text, features: features, filterFields: Self.filterFields.map(\.field))
        // A query of stopwords only (`de`, `het`) means those words: search them as indexed
        // (stopwords are indexed unstemmed only), not nothing.
        let onlyStopwords = Self.isOnlyStopwords(text)
        for search in languages where language == nil || search.language == language {
            if onlyStopwords {
                search.parser.setStopper(nil)
                search.parser.setStemmingStrategy(.none)
            }
            defer {
                if onlyStopwords {
                    search.parser.setStopper(search.stopper)
                    search.parser.setStemmingStrategy(features.contains(.stemming) ? .some : .none)
                }
            }
            let parsed: Query
            do {
                parsed = try search.parser.parse(prepared, flags: Self.parseFlags.union(QueryAnalysis.parserFlags(for: features)))
            } catch let error as XapianError where error.kind == .queryParser || error.kind == .wildcard {
                throw TermsearchError.invalidQuery(query: text, reason: error.message)
            }
            perLanguage.append(try languageFilter.restrict(parsed, to: search.language, in: database, excluding: excludingOtherLanguages))
        }
        return Query(.or, perLanguage)
    }

    /// Whether `text` is plain words that are all stopwords of Dutch or English.
    static func isOnlyStopwords(_ text: String) -> Bool {
        let tokens = text.split(whereSeparator: \.isWhitespace)
        guard !tokens.isEmpty, tokens.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "'" || $0 == "’" } }) else { return false }
        let dutch = Stopwords.queryWords(for: .dutch), english = Stopwords.queryWords(for: .english)
        return tokens.allSatisfy { dutch.contains($0.lowercased()) || english.contains($0.lowercased()) }
    }

    /// Runs `body`, reopening the database and retrying when a writer has moved the index on
    /// (Xapian's DatabaseModifiedError).
    func withReopenOnModification<T>(_ body: () throws -> T) throws -> T {
        var attempts = 0
        while true {
            do {
                return try body()
            } catch let error as XapianError where error.kind == .modified && attempts < 5 {
                attempts += 1
                _ = try? database.reopen()
                documentFieldSearch.invalidate()
            } catch let error as XapianError {
                throw TermsearchError.from(error, index: paths[0], doing: "searching the index")
            }
        }
    }
}

extension SearchHit {
    /// Marks the start of a highlighted word in `snippet`.
    public static let highlightStart = "<em>"
    /// Marks the end of a highlighted word in `snippet`.
    public static let highlightEnd = "</em>"

    init(_ stored: StoredClause, rank: Int, score: Double, snippet: String) {
        self.init(rank: rank, score: score, id: stored.id, document: stored.document, path: stored.path,
                  supplier: stored.supplier, title: stored.title, language: stored.language.rawValue,
                  version: stored.versionDate, versionLabel: stored.versionLabel, kind: stored.kind,
                  part: stored.part, article: stored.article, articleHeading: stored.articleHeading,
                  clause: stored.clause, heading: stored.heading, page: stored.page, piece: stored.piece,
                  topics: stored.topics, text: stored.text,
                  snippet: snippet)
    }

    /// Xapian's snippets escape `<`, `>` and `&` as HTML; termsearch's snippets are plain text with
    /// only the highlight markers added.
    static func unescapingXapianHTML(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
