import Foundation

/// The true alignment of version pairs (Tests/Fixtures/versions/alignment.json) and how well
/// `ClauseAlignment` finds it: precision and recall over links (old key, new key), where a link
/// with no old key is an added clause and one with no new key a removed clause.
public struct AlignmentTruth: Codable, Sendable {
    /// One clause link: old key → new key; nil on one side for an added or removed clause.
    public struct Link: Codable, Sendable, Hashable {
        public var old: String?
        public var new: String?

        public init(old: String?, new: String?) {
            self.old = old
            self.new = new
        }
    }

    /// One version pair and its true links.
    public struct Pair: Codable, Sendable {
        public var name: String
        /// Made by editing a Corpus/ document (rather than published by the supplier).
        public var constructed: Bool
        /// The files: paths relative to the repository, or `realworld2:NAME` for a third-party file kept outside it.
        public var old: String
        public var new: String
        public var note: String?
        public var links: [Link]
    }

    public var description: String?
    public var pairs: [Pair]

    /// Loads a truth file.
    public static func load(_ url: URL) throws -> AlignmentTruth {
        do {
            return try JSONDecoder().decode(AlignmentTruth.self, from: Data(contentsOf: url))
        } catch {
            throw TermsearchError.library(context: "reading \(url.path)", message: "not an alignment truth file: \(error.localizedDescription)")
        }
    }
}

/// Precision and recall of predicted links against true ones, for one pair or summed over several.
public struct AlignmentScore: Codable, Sendable {
    public var name: String
    public var truth: Int
    public var predicted: Int
    public var correct: Int
    /// Links predicted but not true, and true but missed (for reading what went wrong).
    public var wrong: [AlignmentTruth.Link]
    public var missed: [AlignmentTruth.Link]

    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    public var recall: Double { truth == 0 ? 1 : Double(correct) / Double(truth) }

    /// Scores `predicted` links against `truth` links.
    public init(name: String, truth: [AlignmentTruth.Link], predicted: [AlignmentTruth.Link]) {
        let t = Set(truth), p = Set(predicted)
        self.name = name
        self.truth = t.count
        self.predicted = p.count
        correct = t.intersection(p).count
        wrong = predicted.filter { !t.contains($0) }
        missed = truth.filter { !p.contains($0) }
    }

    /// The sum of several scores (micro-averaged).
    public init(name: String, summing scores: [AlignmentScore]) {
        self.name = name
        truth = scores.reduce(0) { $0 + $1.truth }
        predicted = scores.reduce(0) { $0 + $1.predicted }
        correct = scores.reduce(0) { $0 + $1.correct }
        wrong = []
        missed = []
    }
}

extension VersionComparison {
    /// Every clause link of the comparison, by clause key, in the form the truth file uses.
    public var links: [AlignmentTruth.Link] {
        articles.flatMap(\.changes).flatMap { change -> [AlignmentTruth.Link] in
            if change.old.isEmpty { return change.new.map { AlignmentTruth.Link(old: nil, new: $0.key) } }
            if change.new.isEmpty { return change.old.map { AlignmentTruth.Link(old: $0.key, new: nil) } }
            return change.old.flatMap { o in change.new.map { AlignmentTruth.Link(old: o.key, new: $0.key) } }
        }
    }
}
