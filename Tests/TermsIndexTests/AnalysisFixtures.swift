import Foundation
import TestSupport

/// Paths to the checked-in corpus and fixtures, found from this file so tests run from any directory.
enum AnalysisFixtures {
    /// The package root.
    static let root = TestMaterial.repositoryRoot
    /// The bundled seed documents.
    static let corpus = root.appendingPathComponent("Corpus")
    /// Tests/Fixtures.
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    /// Third-party published terms, read in place and never copied into the project; absent on most machines.
    static let realworld = TestMaterial.realworld ?? URL(fileURLWithPath: "/nonexistent/shared/realworld")

    /// Seed file names, sorted.
    static func seedNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    }

    /// Plain text of a real-world file as a reader would deliver it (pdftotext, tag-stripped HTML), and
    /// the HTML `<title>`; nil when the file or pdftotext is missing.
    static func realworldText(_ name: String) -> (text: String, title: String?)? {
        let url = realworld.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        if name.hasSuffix(".pdf") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            p.arguments = [url.path, "-"]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (String(decoding: data, as: UTF8.self), nil)
        }
        guard let raw = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        guard name.hasSuffix(".html") else { return (raw, nil) }
        var title: String?
        if let r = raw.range(of: #"<title>[^<]*"#, options: .regularExpression) {
            title = String(raw[r].dropFirst(7)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var text = raw.replacingOccurrences(of: #"(?s)<(script|style|head)[^>]*>.*?</\1>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<(br|/p|/h\d|/li|/div)[^>]*>"#, with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
        return (text, title)
    }
}
