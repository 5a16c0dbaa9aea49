import Foundation

/// Two versions of a supplier's terms compared clause by clause: what `termsearch diff` reports.
public struct VersionComparison: Codable, Sendable {
    /// One version: which document it is and how many clauses it has.
    public struct Version: Codable, Sendable {
        public var document: String
        public var path: String
        public var supplier: String
        public var title: String
        /// The ISO version date or the version label, if known.
        public var version: String?
        public var clauses: Int

        public init(document: String, path: String, supplier: String, title: String, version: String?, clauses: Int) {
            self.document = document
            self.path = path
            self.supplier = supplier
            self.title = title
            self.version = version
            self.clauses = clauses
        }
    }

    /// Where a clause sits in its version.
    public struct ClauseReference: Codable, Sendable, Equatable {
        public var key: String
        public var clause: String
        public var article: String?
        public var heading: String?
    }

    /// One clause (or the clauses of a split or merge) and what happened to it.
    public struct Change: Codable, Sendable {
        public var kind: ClauseAlignment.Kind
        /// The clause in the old version (several for a merge, none when added).
        public var old: [ClauseReference]
        /// The clause in the new version (several for a split, none when removed).
        public var new: [ClauseReference]
        /// Word similarity of old and new text, 0–1.
        public var similarity: Double
        public var renumbered: Bool
        public var moved: Bool
        public var topics: [String]
        /// The word-level diff, for changed, split and merged clauses.
        public var diff: [WordDiff.Segment]?
        /// The whole text, for added and removed clauses.
        public var text: String?
    }

    /// The changes of one article (of the new version, or of the old one for an article removed whole).
    public struct Article: Codable, Sendable {
        public var part: String?
        public var article: String?
        public var heading: String?
        public var changes: [Change]
    }

    /// How many clauses of one topic had each kind of change.
    public struct TopicSummary: Codable, Sendable {
        public var topic: String
        public var counts: [String: Int]
    }

    public var old: Version
    public var new: Version
    /// Clauses per kind of change, over the whole document.
    public var summary: [String: Int]
    /// Per topic, in order of most changes first.
    public var topics: [TopicSummary]
    public var articles: [Article]

    /// The topic a clause without topic tags is summarised under.
    public static let noTopic = "(no topic)"

    /// Compares `oldClauses` (of `old`) with `newClauses` (of `new`); the counts of clauses in `old` and `new` are set here.
    public init(old: Version, oldClauses: [VersionClause], new: Version, newClauses: [VersionClause]) {
        let a = VersionClause.joiningPieces(oldClauses), b = VersionClause.joiningPieces(newClauses)
        let alignment = ClauseAlignment(old: a, new: b)
        self.old = old
        self.old.clauses = a.count
        self.new = new
        self.new.clauses = b.count
        func reference(_ c: VersionClause) -> ClauseReference {
            ClauseReference(key: c.key, clause: c.clause, article: c.article, heading: c.heading)
        }
        var summary: [String: Int] = [:]
        var topicCounts: [String: [String: Int]] = [:]
        var articles: [Article] = []
        for link in alignment.links {
            let olds = link.old.map { a[$0] }, news = link.new.map { b[$0] }
            var topics: [String] = []
            for c in news + olds { for t in c.topics where !topics.contains(t) { topics.append(t) } }
            var diff: [WordDiff.Segment]?
            var text: String?
            switch link.kind {
            case .changed, .split, .merged:
                diff = WordDiff(old: olds.map(\.content).joined(separator: "\n\n"), new: news.map(\.content).joined(separator: "\n\n")).segments
            case .added: text = news.first?.text
            case .removed: text = olds.first?.text
            default: break
            }
            let change = Change(kind: link.kind, old: olds.map(reference), new: news.map(reference),
                                similarity: (link.similarity * 1000).rounded() / 1000, renumbered: link.renumbered,
                                moved: link.moved, topics: topics, diff: diff, text: text)
            summary[link.kind.rawValue, default: 0] += 1
            for t in topics.isEmpty ? [Self.noTopic] : topics { topicCounts[t, default: [:]][link.kind.rawValue, default: 0] += 1 }
            let home = news.first ?? olds[0]
            if let last = articles.last, last.part == home.part, last.article == home.article,
               last.heading == home.articleHeading || home.article != nil {
                articles[articles.count - 1].changes.append(change)
            } else {
                articles.append(Article(part: home.part, article: home.article, heading: home.articleHeading, changes: [change]))
            }
        }
        self.summary = summary
        self.articles = articles
        func changed(_ counts: [String: Int]) -> Int { counts.filter { $0.key != ClauseAlignment.Kind.unchanged.rawValue }.values.reduce(0, +) }
        topics = topicCounts.map { TopicSummary(topic: $0.key, counts: $0.value) }
            .sorted { changed($0.counts) != changed($1.counts) ? changed($0.counts) > changed($1.counts) : $0.topic < $1.topic }
    }

    /// True when every clause is unchanged.
    public var isUnchanged: Bool { summary.keys.allSatisfy { $0 == ClauseAlignment.Kind.unchanged.rawValue } }

    /// "2 changed, 1 added" for a set of counts, most significant kinds first; "unchanged" when nothing changed.
    public static func describe(_ counts: [String: Int], clauseWord: Bool = true) -> String {
        let order: [ClauseAlignment.Kind] = [.changed, .added, .removed, .moved, .renumbered, .split, .merged, .unchanged]
        let parts = order.compactMap { kind -> String? in
            guard let n = counts[kind.rawValue], n > 0 else { return nil }
            return "\(n) \(kind.rawValue)"
        }
        let total = counts.values.reduce(0, +)
        return (clauseWord ? "\(total) clause\(total == 1 ? "" : "s"): " : "") + parts.joined(separator: ", ")
    }
}

extension VersionComparison.Version {
    /// The version of an ingested or indexed document.
    public init(_ document: TermsDocument) {
        self.init(document: document.id, path: document.path, supplier: document.metadata.supplier, title: document.metadata.title,
                  version: document.metadata.versionDate ?? document.metadata.version, clauses: document.clauses.count)
    }

    /// The version of an indexed document, from its stored clauses.
    public init(_ clauses: [StoredClause]) {
        let first = clauses.first
        self.init(document: first?.document ?? "", path: first?.path ?? "", supplier: first?.supplier ?? "",
                  title: first?.title ?? "", version: first?.versionDate ?? first?.versionLabel, clauses: clauses.count)
    }
}
