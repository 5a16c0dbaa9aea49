import Foundation

/// One XML member of a zip document (DOCX's `word/document.xml`, ODT's `content.xml`), taken out
/// with `unzip -p` under the tool's time limit and output cap, so a zip bomb stops at the cap.
struct ZipMember {
    static let unzip = ExternalTool(name: "unzip", installHint: "apt-get install unzip")

    /// The member's path inside the archive.
    let name: String

    /// The member's text, or `malformed` / `encrypted` / `tooMuchText` naming `path`.
    func text(fileAt path: String, limits: ReadLimits) throws -> String {
        let output = try ZipMember.unzip.run(["-p", "-qq", path, name], path: path, limits: limits)
        if output.truncated {
            // A few KB that inflate to gigabytes: a zip bomb, stopped at the cap.
            throw IngestError.tooMuchText(path: path, what: "\(name) (inflated)", limit: limits.maxExtractedBytes)
        }
        switch output.status {
        case 0: break
        case 9, 2, 3: throw IngestError.malformed(path: path, reason: "not a readable zip archive")
        case 11: throw IngestError.malformed(path: path, reason: "no \(name) in the archive")
        case 81, 82: throw IngestError.encrypted(path: path)
        default:
            let message = output.stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(output.status)"
            throw IngestError.malformed(path: path, reason: "unzip: \(message)")
        }
        if output.stdout.isEmpty { throw IngestError.malformed(path: path, reason: "empty \(name)") }
        return TextDecoder.decode(output.stdout).text
    }
}
