import Foundation

/// Scores a `CompoundSplitter` against a hand-made gold list.
public enum CompoundEvaluation {
    /// One gold entry: a word and its expected parts, or nil when it is not a compound.
    public struct Entry: Sendable, Equatable {
        public var word: String
        public var parts: [String]?

        /// An entry for `word`, a compound of `parts` or (nil) not a compound.
        public init(word: String, parts: [String]?) {
            self.word = word
            self.parts = parts
        }
    }

    /// One word the splitter got wrong.
    public struct Error: Sendable, Equatable {
        public var word: String
        public var expected: [String]?
        public var predicted: [String]?
    }

    /// Counts and derived figures of one evaluation.
    ///
    /// A true positive is a compound split exactly into the gold parts; a compound split wrongly
    /// counts as both a false positive and a false negative. A false positive is also a
    /// non-compound that was split.
    public struct Result: Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var trueNegatives = 0
        public var correct = 0
        public var total = 0
        public var errors: [Error] = []

        /// Correct splits among all splits made.
        public var precision: Double {
            let made = truePositives + falsePositives
            return made == 0 ? 1 : Double(truePositives) / Double(made)
        }
        /// Compounds split correctly among all gold compounds.
        public var recall: Double {
            let gold = truePositives + falseNegatives
            return gold == 0 ? 1 : Double(truePositives) / Double(gold)
        }
        /// Words handled exactly right (split correctly, or left whole) among all words.
        public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }

        /// A one-line summary for test logs and docs.
        public var summary: String {
            func pct(_ x: Double) -> String { String(Int((x * 1000).rounded())).paddedPercent }
            return "words \(total), precision \(pct(precision)), recall \(pct(recall)), "
                + "accuracy \(pct(accuracy)) (TP \(truePositives), FP \(falsePositives), "
                + "FN \(falseNegatives), TN \(trueNegatives))"
        }
    }

    /// Entries of a gold file: `word<TAB>parts separated by spaces` or `word<TAB>-`; `#` lines
    /// and blank lines are skipped.
    public static func parseGold(_ text: String) -> [Entry] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let columns = trimmed.split(separator: "\t", maxSplits: 1)
            guard columns.count == 2 else { return nil }
            let expected = columns[1].trimmingCharacters(in: .whitespaces)
            let parts = expected == "-" ? nil : expected.split(separator: " ").map(String.init)
            return Entry(word: String(columns[0]), parts: parts)
        }
    }

    /// Evaluates `split` (usually `CompoundSplitter.split`) on `gold`.
    public static func evaluate(_ gold: [Entry], split: (String) -> [String]?) -> Result {
        var result = Result()
        for entry in gold {
            let predicted = split(entry.word)
            result.total += 1
            switch (entry.parts, predicted) {
            case (nil, nil):
                result.trueNegatives += 1
                result.correct += 1
            case (nil, .some):
                result.falsePositives += 1
                result.errors.append(Error(word: entry.word, expected: nil, predicted: predicted))
            case (.some, nil):
                result.falseNegatives += 1
                result.errors.append(Error(word: entry.word, expected: entry.parts, predicted: nil))
            case let (.some(expected), .some(got)):
                if partsMatch(expected: expected, predicted: got) {
                    result.truePositives += 1
                    result.correct += 1
                } else {
                    result.falsePositives += 1
                    result.falseNegatives += 1
                    result.errors.append(Error(word: entry.word, expected: expected, predicted: got))
                }
            }
        }
        return result
    }

    /// Whether two splits have the same parts, a linking morpheme aside: a part matches when it
    /// is equal, or one is the other plus `s`, `e` or `en` (`klanten` for `klant`).
    public static func partsMatch(expected: [String], predicted: [String]) -> Bool {
        guard expected.count == predicted.count else { return false }
        return zip(expected, predicted).allSatisfy { e, p in
            e == p || CompoundSplitter.linkingMorphemes.contains { e + $0 == p || p + $0 == e }
        }
    }
}

private extension String {
    /// "853" (per mille) → "85.3%".
    var paddedPercent: String {
        let digits = count < 2 ? String(repeating: "0", count: 2 - count) + self : self
        return "\(digits.dropLast()).\(digits.last!)%"
    }
}
