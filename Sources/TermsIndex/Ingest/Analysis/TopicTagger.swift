import Foundation

/// Tags a clause with the topics a lawyer would file it under, from its headings and its wording.
///
/// Headings are strong evidence: drafters name articles after their subject. The article heading
/// sets a default for all its clauses; the clause's own heading replaces that default, and so does
/// wording that points firmly elsewhere while saying nothing about the article's subject. Content
/// cues are regular expressions over word stems, matched anywhere in a word so Dutch compounds hit
/// (`aansprakelijk` in `productaansprakelijkheid`, `lever` in `leveringstermijn`).
public struct TopicTagger: Sendable {
    /// One content cue: a pattern, its weight, and the language it belongs to (nil: both). A class,
    /// so the scoring loop borrows a cue instead of copying its fields.
    final class Cue: Sendable {
        let regex: NSRegularExpression
        /// The same pattern without ICU, for text that `FoldedText` accepts; nil if it needs ICU.
        let pattern: ScalarPattern?
        let weight: Double
        let language: Language?
        /// What every match contains (lower case), checked on text that folds plainly
        /// (`RequiredLiterals.foldsPlainly`); nil when the pattern requires nothing.
        let requirement: RequiredLiterals.Requirement?
        /// The filter the tagger always had, one literal per alternative (`RequiredLiterals.of`),
        /// kept for text that does not fold plainly so that no tag there changes.
        let literals: [RequiredLiterals.Needle]?
        /// `requirement` over the tagger's `LiteralIndex`, for text that `FoldedText` accepts.
        let indexedRequirement: LiteralIndex.Requirement?

        init(_ entry: TopicCues.Pattern, literalIndex: LiteralIndex) {
            regex = TopicTagger.compile(entry.pattern)
            pattern = ScalarPattern(entry.pattern)
            weight = entry.weight
            language = entry.language
            requirement = RequiredLiterals.requirement(entry.pattern, lowercased: true)
            literals = RequiredLiterals.of(entry.pattern)?.map { .init(Array($0.lowercased().utf8)) }
            indexedRequirement = requirement.map(literalIndex.requirement)
        }
    }

    /// A topic's heading pattern and content cues.
    struct Rule: Sendable {
        let topic: Topic
        let heading: NSRegularExpression
        let cues: [Cue]
    }

    /// Content score from which a topic is tagged without heading support.
    static let threshold = 3.0
    /// Content score of another topic strong enough to override the article heading's default.
    static let overrideScore = 3.0

    let rules: [Rule]
    /// The literals of every cue's requirement, found in a clause in one pass.
    private let literalIndex: LiteralIndex
    /// Topics of the headings seen so far: an article heading repeats for each of its clauses.
    private let headingCache = HeadingCache()

    /// A tagger with the built-in Dutch and English cues (documented in docs/topics.md).
    public init() {
        let literalIndex = LiteralIndex(TopicCues.table.flatMap(\.cues).compactMap {
            RequiredLiterals.requirement($0.pattern, lowercased: true)
        })
        rules = TopicCues.table.map { entry in
            Rule(topic: entry.topic,
                 heading: Self.compile(entry.heading),
                 cues: entry.cues.map { Cue($0, literalIndex: literalIndex) })
        }
        self.literalIndex = literalIndex
    }

    static func compile(_ pattern: String) -> NSRegularExpression {
        // The patterns are literals in TopicCues; a bad one is a programming error.
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// The topics of one clause, in `Topic.allCases` order.
    public func topics(heading: String?, articleHeading: String?, text: String, language: Language) -> [Topic] {
        let own = Set(headingTopics(heading))
        var article = Set(headingTopics(articleHeading))
        let scores = contentScores(text, language: language)
        // "Aanbod, aanvaarding, prijs, facturatie" names several subjects; a clause's wording says
        // which of them it is about. Only when it names none do they all stay.
        if article.count > 1 {
            let named = article.filter { (scores[$0] ?? 0) > 0 }
            if !named.isEmpty { article = named }
        }
        var result = own
        for (topic, score) in scores where score >= Self.threshold { result.insert(topic) }
        if own.isEmpty {
            // The article's subject holds unless the clause is firmly about something else and
            // silent on the article's subject (a delivery clause in a "Duur en ontbinding" article).
            let elsewhere = scores.contains { !article.contains($0.key) && $0.value >= Self.overrideScore }
            for topic in article where !(elsewhere && (scores[topic] ?? 0) == 0) { result.insert(topic) }
        }
        return Topic.allCases.filter(result.contains)
    }

    /// Topics whose heading pattern matches `heading`.
    func headingTopics(_ heading: String?) -> [Topic] {
        guard let heading, !heading.isEmpty else { return [] }
        if let cached = headingCache[heading] { return cached }
        let range = NSRange(heading.startIndex..., in: heading)
        let topics = rules.filter { $0.heading.firstMatch(in: heading, range: range) != nil }.map(\.topic)
        headingCache[heading] = topics
        return topics
    }

    /// Weighted cue hits per topic; a cue counts at most twice so one repeated word cannot decide.
    func contentScores(_ text: String, language: Language) -> [Topic: Double] {
        let range = NSRange(text.startIndex..., in: text)
        // Most cues cannot match a given clause, and a search for their literals says so
        // without running them.
        if let scalars = FoldedText(text) {
            // The usual case: one pass finds the literals, and the cues run without ICU.
            let found = literalIndex.occurrences(in: scalars.scalars)
            return scores(language: language) { cue in
                guard cue.indexedRequirement?.isMet(by: found) ?? true else { return 0 }
                guard let pattern = cue.pattern else { return Self.matchCount(cue.regex, in: text, range: range, limit: 2) }
                return pattern.matchCount(in: scalars, limit: 2)
            }
        }
        let lowered = RequiredLiterals.loweredBytes(text)
        let foldsPlainly = RequiredLiterals.foldsPlainly(text)
        return scores(language: language) { cue in
            let mayMatch = foldsPlainly ? cue.requirement?.isMet(by: lowered) ?? true
                                        : cue.literals?.contains { $0.occurs(in: lowered) } ?? true
            return mayMatch ? Self.matchCount(cue.regex, in: text, range: range, limit: 2) : 0
        }
    }

    /// Weighted `matchCount`s of the cues for `language`, per topic that has any.
    private func scores(language: Language, matchCount: (Cue) -> Int) -> [Topic: Double] {
        var scores: [Topic: Double] = [:]
        for rule in rules {
            var score = 0.0
            for cue in rule.cues where cue.language == nil || cue.language == language {
                let count = matchCount(cue)
                if count > 0 { score += cue.weight * Double(count) }
            }
            if score > 0 { scores[rule.topic] = score }
        }
        return scores
    }

    /// Matches of `regex` in `text`, counted up to `limit`: the search stops there.
    static func matchCount(_ regex: NSRegularExpression, in text: String, range: NSRange, limit: Int) -> Int {
        var count = 0
        regex.enumerateMatches(in: text, range: range) { match, _, stop in
            guard match != nil else { return }
            count += 1
            if count >= limit { stop.pointee = true }
        }
        return count
    }
}

/// A heading → topics memo shared by the threads that tag with one tagger.
final class HeadingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var topics: [String: [Topic]] = [:]
    /// Beyond this many headings the memo starts over; a document has a few dozen.
    private let capacity = 4_096

    /// The topics found for `heading`, if it was seen.
    subscript(heading: String) -> [Topic]? {
        get { lock.withLock { topics[heading] } }
        set {
            lock.withLock {
                if topics.count >= capacity { topics.removeAll(keepingCapacity: true) }
                topics[heading] = newValue
            }
        }
    }
}
