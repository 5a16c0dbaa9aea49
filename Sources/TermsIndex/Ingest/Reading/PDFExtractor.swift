import Foundation

/// Text of a PDF through poppler's `pdftotext`.
///
/// Runs `-layout` first: it keeps hanging clause numbers ("1.   Deze voorwaarden…") on their
/// line, where the default mode puts them on lines of their own. When that output shows two
/// columns side by side it runs again without `-layout`, whose reading order follows columns.
struct PDFExtractor {
    static let pdftotext = ExternalTool(name: "pdftotext", installHint: "apt-get install poppler-utils")

    func text(fileAt path: String, limits: ReadLimits) throws -> String {
        let layout = try run(["-layout", "-enc", "UTF-8", path, "-"], path: path, limits: limits)
        if PDFExtractor.looksMultiColumn(layout) {
            return try run(["-enc", "UTF-8", path, "-"], path: path, limits: limits)
        }
        return layout
    }

    private func run(_ arguments: [String], path: String, limits: ReadLimits) throws -> String {
        let output = try PDFExtractor.pdftotext.run(arguments, path: path, limits: limits)
        if output.truncated {
            throw IngestError.tooMuchText(path: path, what: "pdftotext's output", limit: limits.maxExtractedBytes)
        }
        let stderr = output.stderr.lowercased()
        if output.status == 3 || stderr.contains("password") || stderr.contains("encrypt") {
            throw IngestError.encrypted(path: path)
        }
        if output.status != 0 {
            let message = output.stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(output.status)"
            throw IngestError.malformed(path: path, reason: "pdftotext: \(message)")
        }
        return String(decoding: output.stdout, as: UTF8.self)
    }

    /// True when many lines have a wide gap after substantial text: two columns printed side by side.
    static func looksMultiColumn(_ text: String) -> Bool {
        var lines = 0, gapped = 0
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\u{0C}" }) {
            let line = raw.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            lines += 1
            var run = 0, seen = 0
            for ch in line {
                if ch == " " { run += 1; continue }
                if run >= 3 && seen >= 12 { gapped += 1; break }
                run = 0
                seen += 1
            }
        }
        return lines > 0 && gapped * 10 >= lines * 3
    }
}
