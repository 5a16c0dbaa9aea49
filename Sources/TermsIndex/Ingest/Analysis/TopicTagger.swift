import Foundation

/// Tags a clause with the topics a lawyer would file it under, from its headings and its wording.
///
/// Headings are strong evidence: drafters name articles after their subject. The article heading
/// sets a default for all its clauses; the clause's own heading replaces that default, and so does
/// wording that points firmly elsewhere while saying nothing about the article's subject. Content
/// cues are regular expressions over word stems, matched anywhere in a word so Dutch compounds hit
/// (`aansprakelijk` in `productaansprakelijkheid`, `lever` in `leveringstermijn`).
public struct TopicTagger: Sendable {
    /// One content cue: a pattern, its weight, and the language it belongs to (nil: both).
    struct Cue: Sendable {
        let regex: NSRegularExpression
        let weight: Double
        let language: Language?
        /// Lower-case literals one of which every match contains; nil when the pattern has none.
        let literals: [[UInt8]]?
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

    /// A tagger with the built-in Dutch and English cues (documented in docs/topics.md).
    public init() {
        rules = TopicCues.table.map { entry in
            Rule(topic: entry.topic,
                 heading: Self.compile(entry.heading),
                 cues: entry.cues.map {
                     Cue(regex: Self.compile($0.pattern), weight: $0.weight, language: $0.language,
                         literals: RequiredLiterals.of($0.pattern)?.map { Array($0.lowercased().utf8) })
                 })
        }
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
        let range = NSRange(heading.startIndex..., in: heading)
        return rules.filter { $0.heading.firstMatch(in: heading, range: range) != nil }.map(\.topic)
    }

    /// Weighted cue hits per topic; a cue counts at most twice so one repeated word cannot decide.
    func contentScores(_ text: String, language: Language) -> [Topic: Double] {
        let range = NSRange(text.startIndex..., in: text)
        // Regular expressions are the expensive part of ingestion; most cues cannot match a given
        // clause, and a byte search for their literals says so without running them.
        let lowered = Array(text.lowercased().utf8)
        var scores: [Topic: Double] = [:]
        for rule in rules {
            var score = 0.0
            for cue in rule.cues where cue.language == nil || cue.language == language {
                if let literals = cue.literals, !literals.contains(where: { RequiredLiterals.occurs($0, in: lowered) }) {
                    continue
                }
                let hits = cue.regex.numberOfMatches(in: text, range: range)
                score += cue.weight * Double(min(hits, 2))
            }
            if score > 0 { scores[rule.topic] = score }
        }
        return scores
    }
}
