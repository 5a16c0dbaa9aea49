import Foundation

/// Turns bytes into text: BOM, UTF-8, UTF-16 (with or without BOM), else Windows-1252.
public enum TextDecoder {
    /// Decodes `data`, reporting a removed byte-order mark and any fallback encoding.
    public static func decode(_ data: Data) -> (text: String, repairs: [Repair]) {
        let bytes = [UInt8](data)
        var log = RepairLog()
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            log.note(.byteOrderMark, "UTF-8 BOM removed")
            return (decodeUTF8OrWindows1252(bytes[3...], log: &log), log.repairs)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            log.note(.byteOrderMark, "UTF-16LE BOM removed")
            return (decodeUTF16(bytes[2...], bigEndian: false), log.repairs)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            log.note(.byteOrderMark, "UTF-16BE BOM removed")
            return (decodeUTF16(bytes[2...], bigEndian: true), log.repairs)
        }
        if let bigEndian = guessUTF16(bytes) {
            log.note(.encoding, bigEndian ? "UTF-16BE without BOM" : "UTF-16LE without BOM")
            return (decodeUTF16(bytes[...], bigEndian: bigEndian), log.repairs)
        }
        return (decodeUTF8OrWindows1252(bytes[...], log: &log), log.repairs)
    }

    /// True when the bytes look like BOM-less UTF-16 (many NULs on one side of each pair only).
    static func guessUTF16(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 8192) & ~1
        guard n >= 4 else { return nil }
        var evenZero = 0, oddZero = 0
        var i = 0
        while i < n {
            if bytes[i] == 0 { evenZero += 1 }
            if bytes[i + 1] == 0 { oddZero += 1 }
            i += 2
        }
        let pairs = n / 2
        if oddZero * 10 >= pairs * 3 && evenZero * 20 < pairs { return false }
        if evenZero * 10 >= pairs * 3 && oddZero * 20 < pairs { return true }
        return nil
    }

    static func decodeUTF8OrWindows1252(_ bytes: ArraySlice<UInt8>, log: inout RepairLog) -> String {
        if let s = String(bytes: bytes, encoding: .utf8) { return s }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var firstHigh: UInt8?
        for b in bytes {
            if b >= 0x80 && firstHigh == nil { firstHigh = b }
            scalars.append(Windows1252.scalar(for: b))
        }
        let example = firstHigh.map { String(format: "0x%02X → %@", $0, String(Character(Windows1252.scalar(for: $0)))) } ?? ""
        log.note(.encoding, "decoded as Windows-1252 (\(example))")
        return String(scalars)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var codec = UTF16()
        loop: while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: scalars.append("\u{FFFD}")
            }
        }
        return String(scalars)
    }
}

/// The Windows-1252 code page, both ways (the mojibake repair needs the reverse direction).
enum Windows1252 {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    static let reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (i, v) in high.enumerated() { map[v] = UInt8(0x80 + i) }
        for v in UInt32(0x80)...0x9F where map[v] == nil { map[v] = UInt8(v) }
        return map
    }()

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F { return Unicode.Scalar(high[Int(byte) - 0x80])! }
        return Unicode.Scalar(byte)
    }

    /// The Windows-1252 byte that would display as `scalar`, for bytes 0x80–0xFF only.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v >= 0xA0 && v <= 0xFF { return UInt8(v) }
        return reverse[v]
    }
}
