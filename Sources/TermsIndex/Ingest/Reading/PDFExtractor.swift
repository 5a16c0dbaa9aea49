import Foundation

/// Text of a PDF through poppler's `pdftotext -bbox-layout`: every line with its box, in
/// poppler's reading order (which follows columns), so that page furniture, tables of contents and
/// headings can be told by position and size, and every block knows its page.
struct PDFExtractor {
    static let pdftotext = ExternalTool(name: "pdftotext", installHint: "apt-get install poppler-utils")

    func layout(fileAt path: String, limits: ReadLimits) throws -> PDFLayout {
        PDFLayout(xhtml: try run(["-bbox-layout", "-enc", "UTF-8", path, "-"], path: path, limits: limits))
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
}
