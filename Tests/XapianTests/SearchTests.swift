import Xapian
import XCTest

final class SearchTests: XapianTestCase {
    func testPositionsAndPhraseQuery() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("de koper betaalt binnen dertig dagen"))
        try writer.add(document("dertig dagen na levering betaalt de koper"))
        let phrase = Query(.phrase, [Query(term: "dertig"), Query(term: "dagen")])
        XCTAssertEqual(Set(try ids(phrase, in: writer)), [1, 2])
        let koperBetaalt = Query(.phrase, [Query(term: "koper"), Query(term: "betaalt")])
        XCTAssertEqual(try ids(koperBetaalt, in: writer), [1])
        let near = Query(.near, [Query(term: "betaalt"), Query(term: "koper")], parameter: 2)
        XCTAssertEqual(try ids(near, in: writer), [1])

        let doc = Document()
        doc.addPosting("x", position: 1)
        doc.addPosting("y", position: 2)
        let id = try writer.add(doc)
        XCTAssertEqual(try ids(Query(.phrase, [Query(term: "x"), Query(term: "y")]), in: writer), [id])
        XCTAssertEqual(try ids(Query(.phrase, [Query(term: "y"), Query(term: "x")]), in: writer), [])
    }

    func testQueryConstruction() throws {
        let q = Query(.and, [Query(term: "a"), Query(.or, [Query(term: "b"), Query(term: "a")])])
        XCTAssertEqual(q.terms, ["a", "b"])
        XCTAssertEqual(q.description, "Query((a AND (b OR a)))")
        XCTAssertTrue(Query.matchNothing.isEmpty)
        XCTAssertFalse(Query.matchAll.isEmpty)
        XCTAssertTrue(Query(term: "a").scaled(by: 2).description.contains("2 * a"))
        XCTAssertEqual(Query.Operator.wildcard.rawValue, 15)
        XCTAssertEqual(Query.Operator.max.rawValue, 14)

        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("aansprakelijkheid"))
        try writer.add(document("aanbod", values: [0: "b"]))
        try writer.add(document("levering", values: [0: "d"]))
        XCTAssertEqual(Set(try ids(Query(wildcard: "aan"), in: writer)), [1, 2])
        XCTAssertEqual(try ids(Query(valueRange: 0, from: "a", to: "c"), in: writer), [2])
        XCTAssertEqual(try ids(Query.matchAll, in: writer).count, 3)
    }

    func testQueryParserPrefixesBooleanPrefixAndDutchStemmer() throws {
        let dutch = try Stem(language: "dutch")
        XCTAssertEqual(dutch("leveringen"), dutch("levering"))
        XCTAssertTrue(Stem.languages.contains("dutch"))
        XCTAssertTrue(Stem.languages.contains("kraaij_pohlmann"))
        XCTAssertEqual(try Stem(language: "none")("leveringen"), "leveringen")

        let writer = try WritableDatabase(path: path("db"))
        func add(_ title: String, _ body: String, supplier: String) throws {
            let doc = Document()
            let generator = TermGenerator()
            generator.setStemmer(dutch)
            generator.setStemmingStrategy(.some)
            generator.setDocument(doc)
            generator.indexText(title, prefix: "S")
            generator.increaseTermPosition()
            generator.indexText(body)
            doc.addBooleanTerm("XS" + supplier)
            try writer.add(doc)
        }
        try add("Leveringsvoorwaarden", "De leveringen geschieden franco", supplier: "acme")
        try add("Betalingsvoorwaarden", "Betaling binnen dertig dagen na levering", supplier: "globex")
        try add("Garantie", "Geen garantie op leveringen", supplier: "globex")

        let parser = QueryParser()
        parser.setStemmer(dutch)
        parser.setStemmingStrategy(.some)
        parser.setDatabase(writer)
        parser.addPrefix("titel", "S")
        parser.addBooleanPrefix("leverancier", "XS")
        XCTAssertEqual(parser.defaultOperator, .or)

        // "levering" stems to Zlevering, matching "leveringen" and "levering".
        XCTAssertEqual(Set(try ids(parser.parse("levering"), in: writer)), [1, 2, 3])
        XCTAssertEqual(parser.unstem("Z" + dutch("levering")), ["levering"])
        XCTAssertEqual(try ids(parser.parse("titel:garantie"), in: writer), [3])
        XCTAssertEqual(Set(try ids(parser.parse("levering leverancier:globex"), in: writer)), [2, 3])
        XCTAssertEqual(try ids(parser.parse("levering leverancier:acme"), in: writer), [1])
        XCTAssertEqual(try ids(parser.parse("levering -garantie leverancier:globex"), in: writer), [2])
        XCTAssertEqual(try ids(parser.parse("\"dertig dagen\""), in: writer), [2])

        parser.defaultOperator = .and
        XCTAssertEqual(parser.defaultOperator, .and)
        XCTAssertEqual(try ids(parser.parse("leveringen garantie"), in: writer), [3])
        XCTAssertEqual(try ids(parser.parse("garantie", defaultPrefix: "S"), in: writer), [3])
    }

    func testBooleanPrefixGrouping() throws {
        let parser = QueryParser()
        parser.addBooleanPrefix("leverancier", "XS", grouping: "who")
        parser.addBooleanPrefix("partij", "XP", grouping: "who")
        parser.addBooleanPrefix("taal", "L")
        let q = try parser.parse("leverancier:acme partij:globex taal:nl")
        XCTAssertTrue(q.description.contains("XSacme OR XPglobex"), q.description)
    }

    func testNumberAndStringRanges() throws {
        let writer = try WritableDatabase(path: path("db"))
        for (year, name) in [(2018.0, "b"), (2020.0, "d"), (2023.0, "f")] {
            let doc = document("voorwaarden \(Int(year))")
            doc.setValue(1, Serialisation.sortable(year))
            doc.setValue(2, name)
            try writer.add(doc)
        }
        let parser = QueryParser()
        parser.addNumberRangeProcessor(slot: 1, marker: "jaar:")
        parser.addRangeProcessor(slot: 2)
        XCTAssertEqual(try ids(parser.parse("jaar:2019..2023"), in: writer), [2, 3])
        XCTAssertEqual(try ids(parser.parse("jaar:..2019"), in: writer), [1])
        XCTAssertEqual(try ids(parser.parse("c..e"), in: writer), [2])

        let suffixed = QueryParser()
        suffixed.addNumberRangeProcessor(slot: 1, marker: "jr", suffix: true, repeated: true)
        XCTAssertEqual(try ids(suffixed.parse("2017jr..2019jr"), in: writer), [1])
        XCTAssertEqual(
            try ids(Query(valueRange: 1, from: Serialisation.sortable(2020), to: Serialisation.sortable(2030)),
                    in: writer),
            [2, 3])
        XCTAssertEqual(try ids(Query(valueAtLeast: 1, Serialisation.sortable(2021)), in: writer), [3])
        XCTAssertEqual(try ids(Query(valueAtMost: 1, Serialisation.sortable(2020)), in: writer), [1, 2])
    }

    func testStopperInParserAndGenerator() throws {
        let stopper = Stopper(words: ["de", "het", "van"])
        XCTAssertTrue(stopper.contains("de"))
        XCTAssertFalse(stopper.contains("levering"))

        let doc = Document()
        let generator = TermGenerator()
        generator.setStopper(stopper, strategy: .all)
        generator.setDocument(doc)
        generator.indexText("de levering van het goed")
        XCTAssertEqual(try doc.terms, ["goed", "levering"])
        XCTAssertEqual(generator.termPosition, 2, "skipped stopwords take no position")
        generator.termPosition = 42
        XCTAssertEqual(generator.termPosition, 42)
        generator.indexTextWithoutPositions("extra")
        XCTAssertTrue(try doc.terms.contains("extra"))

        let parser = QueryParser()
        parser.setStopper(stopper)
        let q = try parser.parse("de levering van goederen")
        XCTAssertEqual(parser.stoplist, ["de", "van"])
        XCTAssertEqual(q.terms, ["levering", "goederen"])
    }

    func testSpellingSuggestionAndCorrection() throws {
        let writer = try WritableDatabase(path: path("db"))
        let generator = TermGenerator()
        generator.setDatabase(writer)
        generator.enableSpelling = true
        XCTAssertTrue(generator.enableSpelling)
        let doc = Document()
        generator.setDocument(doc)
        generator.indexText("aansprakelijkheid levering betaling")
        try writer.add(doc)
        try writer.addSpelling("garantie", frequencyIncrement: 3)
        try writer.commit()

        XCTAssertEqual(try writer.spellingSuggestion(for: "aansprakelijkhied"), "aansprakelijkheid")
        XCTAssertEqual(try writer.spellingSuggestion(for: "garnatie"), "garantie")
        XCTAssertEqual(try writer.spellingSuggestion(for: "levering"), "")
        XCTAssertEqual(try writer.spellingSuggestion(for: "xyzzyqq"), "")

        let parser = QueryParser()
        parser.setDatabase(writer)
        _ = try parser.parse("levring betaling", flags: [.default, .spellingCorrection])
        XCTAssertEqual(parser.correctedQueryString, "levering betaling")
        generator.enableSpelling = false
        XCTAssertFalse(generator.enableSpelling)
    }

    func testSynonymsThroughTheParser() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("de wagen wordt geleverd"))
        try writer.add(document("een fiets"))
        try writer.addSynonym("auto", "wagen")
        try writer.addSynonym("auto", "voertuig")
        try writer.commit()
        XCTAssertEqual(try writer.synonyms(of: "auto"), ["voertuig", "wagen"])

        let parser = QueryParser()
        parser.setDatabase(writer)
        XCTAssertEqual(try ids(parser.parse("auto"), in: writer), [])
        let q = try parser.parse("auto", flags: [.default, .autoSynonyms])
        XCTAssertEqual(Set(q.terms), ["auto", "voertuig", "wagen"])
        XCTAssertEqual(try ids(q, in: writer), [1])
        XCTAssertEqual(try ids(parser.parse("~auto", flags: [.default, .synonym]), in: writer), [1])

        try writer.clearSynonyms("auto")
        XCTAssertEqual(try writer.synonyms(of: "auto"), [])
    }

    func testMatchSpyAndCollapseKey() throws {
        let writer = try WritableDatabase(path: path("db"))
        for supplier in ["acme", "acme", "acme", "globex", "initech", "initech"] {
            try writer.add(document("algemene voorwaarden", values: [2: supplier]))
        }
        let enquire = Enquire(database: writer)
        enquire.setQuery(Query(term: "voorwaarden"))
        let spy = ValueCountMatchSpy(slot: 2)
        enquire.addMatchSpy(spy)
        let all = try enquire.mset(first: 0, maxItems: 2, checkAtLeast: 100)
        XCTAssertEqual(all.count, 2)
        XCTAssertEqual(all.matchesEstimated, 6)
        XCTAssertEqual(spy.total, 6)
        XCTAssertEqual(spy.counts().map(\.value), ["acme", "initech", "globex"])
        XCTAssertEqual(spy.counts().map(\.count), [3, 2, 1])
        enquire.clearMatchSpies()

        enquire.setCollapseKey(2)
        let collapsed = try enquire.mset(first: 0, maxItems: 10)
        XCTAssertEqual(collapsed.count, 3)
        let values = try collapsed.map { try $0.document().value(2) }
        XCTAssertEqual(Set(values), ["acme", "globex", "initech"])
        XCTAssertEqual(collapsed.first { (try? $0.document().value(2)) == "acme" }?.collapseCount, 2)

        enquire.setCollapseKey(2, maxPerValue: 2)
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).count, 5)
        enquire.setCollapseKey(nil)
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).count, 6)
    }

    func testCodeCountSpyCountsAsTheValueCountSpy() throws {
        let writer = try WritableDatabase(path: path("db"))
        for (text, supplier) in [("voorwaarden", "acme"), ("voorwaarden", "acme"), ("voorwaarden", ""), ("iets anders", "globex"),
                                 ("voorwaarden", "initech"), ("voorwaarden", "acme"), ("voorwaarden", "initech")] {
            try writer.add(document(text, values: supplier.isEmpty ? [:] : [2: supplier]))
        }
        try writer.commit()
        let codes = try ValueCodes(database: writer, slot: 2)
        XCTAssertEqual(codes.values.first, [])  // code 0: no value
        XCTAssertEqual(Set(codes.values.dropFirst().map { String(decoding: $0, as: UTF8.self) }), ["acme", "globex", "initech"])

        let enquire = Enquire(database: writer)
        enquire.setQuery(Query(term: "voorwaarden"))
        let reference = ValueCountMatchSpy(slot: 2), spy = CodeCountMatchSpy(codes: codes)
        enquire.addMatchSpy(reference)
        enquire.addMatchSpy(spy)
        _ = try enquire.mset(first: 0, maxItems: 1, checkAtLeast: 100)
        XCTAssertEqual(spy.total, 6)
        XCTAssertEqual(spy.total, reference.total)
        XCTAssertEqual(spy.outside, 0)
        var counted: [String: Int] = [:]
        for (code, count) in spy.counts().enumerated() where code > 0 && count > 0 {
            counted[String(decoding: codes.values[code], as: UTF8.self)] = count
        }
        XCTAssertEqual(counted, Dictionary(uniqueKeysWithValues: reference.counts().map { ($0.value, $0.count) }))
        XCTAssertEqual(counted, ["acme": 3, "initech": 2])
        XCTAssertEqual(spy.counts()[0], 1)  // the match without a value
    }

    func testGenerationCountsReopensThatMoveOn() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("een"))
        try writer.commit()
        let reader = try Database(path: path("db"))
        XCTAssertEqual(reader.generation, 0)
        XCTAssertFalse(try reader.reopen())
        XCTAssertEqual(reader.generation, 0)
        try writer.add(document("twee"))
        try writer.commit()
        XCTAssertTrue(try reader.reopen())
        XCTAssertEqual(reader.generation, 1)
    }

    func testSortingPagingAndWeights() throws {
        let writer = try WritableDatabase(path: path("db"))
        for (i, name) in ["c", "a", "b"].enumerated() {
            try writer.add(document(String(repeating: "boete ", count: i + 1) + "voorwaarde", values: [0: name]))
        }
        let enquire = Enquire(database: writer)
        enquire.setQuery(Query(term: "boete"))
        enquire.setBM25(k1: 1.2, k2: 0, k3: 1, b: 0.75, minNormalisedLength: 0.5)
        let byRelevance = try enquire.mset(first: 0, maxItems: 10)
        XCTAssertEqual(byRelevance.map(\.rank), [0, 1, 2])
        XCTAssertTrue(byRelevance.allSatisfy { $0.weight > 0 && $0.percent > 0 })
        XCTAssertEqual(byRelevance.matchesLowerBound, 3)
        XCTAssertEqual(byRelevance.matchesUpperBound, 3)

        enquire.setSortByValue(0, reverse: false)
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).map(\.id), [2, 3, 1])
        enquire.setSortByValue(0, reverse: true)
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).map(\.id), [1, 3, 2])
        let page = try enquire.mset(first: 1, maxItems: 1)
        XCTAssertEqual(page.map(\.id), [3])
        XCTAssertEqual(page[0].rank, 1)

        enquire.setSortByRelevanceThenValue(0, reverse: false)
        enquire.setSortByValueThenRelevance(0, reverse: false)
        enquire.setSortByRelevance()
        enquire.setQuery(Query.matchAll)
        enquire.setDocidOrder(ascending: false)
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).map(\.id), [3, 2, 1])
        enquire.setDocidOrder(ascending: true)
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).map(\.id), [1, 2, 3])
    }

    func testSnippetHighlights() throws {
        let dutch = try Stem(language: "dutch")
        let text = "Artikel 7. Aansprakelijkheid. De leverancier is niet aansprakelijk voor gevolgschade "
            + "die ontstaat door vertraagde leveringen, tenzij sprake is van opzet of grove schuld."
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document(text, stemmer: dutch))
        let parser = QueryParser()
        parser.setStemmer(dutch)
        parser.setStemmingStrategy(.some)
        let enquire = Enquire(database: writer)
        enquire.setQuery(try parser.parse("levering"))
        let mset = try enquire.mset(first: 0, maxItems: 10)
        XCTAssertEqual(mset.count, 1)
        let full = mset.snippet(text, stemmer: dutch)
        XCTAssertTrue(full.contains("<b>leveringen</b>"), full)
        let short = mset.snippet(text, length: 40, stemmer: dutch, highlightStart: "[", highlightEnd: "]",
                                 omit: "…")
        XCTAssertTrue(short.contains("[leveringen]"), short)
        XCTAssertTrue(short.hasPrefix("…"), short)
        XCTAssertEqual(mset.snippet("niets relevants", stemmer: dutch, flags: [.emptyWithoutMatch]), "")
    }
}
