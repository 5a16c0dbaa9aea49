import Foundation
import XCTest

/// Every `termsearch search` and `show` example of the README and of `--help` runs and finds what
/// it claims: at least one clause of the bundled corpus.
final class ReadmeExampleTests: CLITestCase {
    /// The `termsearch search …` lines of the README's code blocks, as argument lists (comments and
    /// output redirections dropped).
    static func examples(_ command: String) throws -> [[String]] {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var examples: [[String]] = []
        var inCode = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard inCode, line.hasPrefix("termsearch \(command) ") else { continue }
            var words = shellWords(String(line))
            if let redirect = words.firstIndex(of: ">") { words.removeSubrange(redirect...) }
            examples.append(Array(words.dropFirst()))
        }
        return examples
    }

    /// Splits a shell line into words: single and double quotes, `#` comments.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var word: String?
        var quote: Character?
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word!.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                if word == nil { word = "" }
            } else if c == "#" && word == nil {
                break
            } else if c == " " {
                if let w = word { words.append(w); word = nil }
            } else {
                word = (word ?? "") + String(c)
            }
        }
        if let w = word { words.append(w) }
        return words
    }

    func testEverySearchExampleFindsClauses() throws {
        var examples = try Self.examples("search")
        // The examples of `termsearch --help`.
        let help = try termsearch(["--help"])
        for line in help.stdout.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("termsearch search ") {
            examples.append(Array(Self.shellWords(line.trimmingCharacters(in: .whitespaces)).dropFirst()))
        }
        XCTAssertGreaterThanOrEqual(examples.count, 5, "the README's search examples were found")
        let index = try termsearch(["index", "--index", "idx", Self.corpus])
        XCTAssertEqual(index.status, 0, index.stderr)
        for example in examples {
            let chosenFormat = example.contains("--format")
            let run = try termsearch(example + ["--index", "idx"] + (chosenFormat ? [] : ["--format", "json"]))
            let shown = "termsearch " + example.joined(separator: " ")
            XCTAssertEqual(run.status, 0, "\(shown): \(run.stderr)")
            if chosenFormat {
                XCTAssertGreaterThan(run.stdout.split(separator: "\n").count, 1, "\(shown) prints hits below its header")
                continue
            }
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
            XCTAssertGreaterThan(object["total"] as? Int ?? 0, 0, "\(shown) finds clauses")
        }
        let shows = try Self.examples("show")
        XCTAssertFalse(shows.isEmpty)
        for example in shows {
            let run = try termsearch(example + ["--index", "idx"])
            XCTAssertEqual(run.status, 0, "termsearch \(example.joined(separator: " ")): \(run.stderr)")
            XCTAssertFalse(run.stdout.isEmpty)
        }
    }
}
