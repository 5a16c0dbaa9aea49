import Foundation
import TermsIndex

/// A one-line progress display on stderr: files, megabytes, rate, time left and the current file,
/// redrawn at most ten times a second. Only used when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let width: Int

    /// A bar if stderr is a terminal that can redraw a line; nil otherwise (piped, dumb terminal).
    static func onTerminal() -> ProgressBar? {
        guard isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
        return ProgressBar(width: columns)
    }

    init(width: Int) { self.width = max(40, width) }

    /// Redraws if the last redraw is at least 0.1 s old, or when the run is complete.
    func update(_ progress: IndexingProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.filesDone == progress.filesTotal else { return }
        lastDraw = now
        drawn = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(progress, width: width)).utf8))
    }

    /// Removes the bar so that messages and the summary start on a clean line.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
        lastDraw = .distantPast
    }

    /// "[#####.....]  1234/5000 files  12.3/45.6 MB  7.8 MB/s  0:42 left  path/to/file.txt"
    static func line(_ p: IndexingProgress, width: Int) -> String {
        let fraction = p.bytesTotal > 0 ? Double(p.bytesDone) / Double(p.bytesTotal)
            : (p.filesTotal > 0 ? Double(p.filesDone) / Double(p.filesTotal) : 1)
        let cells = 20
        let filled = min(cells, Int((fraction * Double(cells)).rounded(.down)))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: cells - filled) + "]"
        let mb = Double(p.bytesDone) / 1_000_000, totalMB = Double(p.bytesTotal) / 1_000_000
        let rate = p.seconds > 0 ? mb / p.seconds : 0
        var left = "--:--"
        if rate > 0, p.bytesTotal > p.bytesDone {
            let seconds = Int((totalMB - mb) / rate)
            left = seconds >= 3600 ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String(format: "%d:%02d", seconds / 60, seconds % 60)
        } else if p.bytesTotal <= p.bytesDone {
            left = "0:00"
        }
        let head = "\(bar) \(p.filesDone)/\(p.filesTotal) files  " + String(format: "%.1f/%.1f MB  %.1f MB/s  ", mb, totalMB, rate)
            + "\(left) left  "
        let room = width - head.count - 1
        guard room > 8 else { return String(head.prefix(width - 1)) }
        let file = p.currentFile
        return head + (file.count <= room ? file : "…" + String(file.suffix(room - 1)))
    }
}
