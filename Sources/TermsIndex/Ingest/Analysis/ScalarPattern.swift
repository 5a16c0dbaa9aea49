/// A case-insensitive regular expression matched over lower-case scalars, without ICU.
///
/// The topic cues and most metadata tests use a small part of the syntax: literals, groups,
/// alternation, one-scalar classes, greedy quantifiers, `.`, `\w`, `\d`, `\s`, `\b`, `^`, `$`
/// and literal negative look-arounds. Handing each clause or line to ICU (through NSString and
/// UTF-16) cost more than the match itself, so this backtracking matcher takes over: on text that
/// `FoldedText` accepts it finds exactly the matches that `NSRegularExpression` with
/// `.caseInsensitive` finds. `init` fails on syntax outside that part, and callers keep ICU.
struct ScalarPattern: Sendable {
    /// The parsed pattern, compiled to `program` by `Compiler`.
    indirect enum Node: Sendable {
        case scalar(UInt32)
        /// `.`: anything but a line end.
        case anyButLineEnd
        /// `[...]` or `[^...]` of single scalars.
        case scalarSet([UInt32], negated: Bool)
        /// `\w`.
        case wordScalar
        /// `\d`.
        case digit
        /// `\s`.
        case space
        /// `^`: the start of the text.
        case textStart
        /// `$`: the end of the text, or before a line end that ends it.
        case textEnd
        /// `\b`.
        case wordBoundary
        /// `(a|b)` or `(?:a|b)`: the alternatives, tried in order.
        case group([[Node]])
        /// A greedy quantifier on a one-node body.
        case repetition([Node], min: Int, max: Int)
        /// `(?<!literal)`.
        case notPreceded(by: [UInt32])
        /// `(?!literal)`.
        case notFollowed(by: [UInt32])
    }

    /// The pattern as a backtracking program: a flat list, so matching touches no reference counts.
    private let program: [Instruction]
    /// The scalars of classes and look-arounds, which instructions address by offset and count.
    private let operands: [UInt32]
    /// Which scalars below 256 can start a match, unless `startsAnywhere`.
    private let startScalars: [Bool]
    private let startsAnywhere: Bool

    /// The matcher for `pattern`, or nil when the pattern uses syntax it does not implement.
    init?(_ pattern: String) {
        var parser = Parser(pattern: Array(pattern.unicodeScalars))
        guard let alternatives = parser.alternatives(), parser.isAtEnd else { return nil }
        let root = Node.group(alternatives)
        var compiler = Compiler()
        guard compiler.emit(root) else { return nil }
        compiler.append(.match)
        program = compiler.program
        operands = compiler.operands
        let first = Self.firstScalars([root][...])
        startsAnywhere = first == nil || first!.contains { $0 >= 256 }
        startScalars = (0..<256).map { first?.contains(UInt32($0)) ?? true }
    }

    /// Matches in `text`, counted up to `limit` as `NSRegularExpression.enumerateMatches` finds them.
    func matchCount(in text: FoldedText, limit: Int) -> Int {
        program.withUnsafeBufferPointer { program in
            operands.withUnsafeBufferPointer { operands in
                text.scalars.withUnsafeBufferPointer { scalars in
                    var machine = Machine(program: program, operands: operands, text: scalars)
                    var count = 0
                    var from = 0
                    search: while count < limit, from <= scalars.count {
                        for start in from...scalars.count where mayStart(scalars, at: start) {
                            guard let end = machine.matchEnd(from: start) else { continue }
                            count += 1
                            // After an empty match the search moves on by one, as ICU's does.
                            from = end > start ? end : end + 1
                            continue search
                        }
                        break
                    }
                    return count
                }
            }
        }
    }

    /// Whether a match can start at `position`, judged by the scalar there.
    private func mayStart(_ scalars: UnsafeBufferPointer<UInt32>, at position: Int) -> Bool {
        if startsAnywhere { return true }
        guard position < scalars.count else { return false }
        let scalar = scalars[position]
        return scalar < 256 && startScalars[Int(scalar)]
    }

    /// The scalars a match of `nodes` can begin with, or nil when that is not a short list.
    private static func firstScalars(_ nodes: ArraySlice<Node>) -> Set<UInt32>? {
        guard let node = nodes.first else { return nil }
        let rest = nodes.dropFirst()
        switch node {
        case .scalar(let scalar): return [scalar]
        case .scalarSet(let scalars, negated: false): return Set(scalars)
        case .wordBoundary, .textStart, .textEnd, .notPreceded, .notFollowed: return firstScalars(rest)
        case .group(let alternatives):
            var union = Set<UInt32>()
            for alternative in alternatives {
                guard let first = firstScalars(alternative[...] + rest) else { return nil }
                union.formUnion(first)
            }
            return union
        case .repetition(let body, let min, _) where min >= 1: return firstScalars(body[...] + rest)
        default: return nil
        }
    }

    /// One step of the program. `a` and `b` are a scalar, jump targets, or an operand range.
    private struct Instruction {
        enum Operation: UInt8 {
            case scalar, anyButLineEnd, inSet, notInSet, wordScalar, digit, space, wordBoundary, textStart, textEnd
            case notPreceded, notFollowed
            /// Go on at `a`; on failure, come back and go on at `b`.
            case split
            case jump
            case match
        }

        let operation: Operation
        var a: Int32 = 0
        var b: Int32 = 0
    }

    /// Turns the parsed pattern into a program, in the order ICU tries things: alternatives left
    /// to right, quantifiers greedy (one more pass first).
    private struct Compiler {
        var program: [Instruction] = []
        var operands: [UInt32] = []

        @discardableResult
        mutating func append(_ operation: Instruction.Operation, _ a: Int = 0, _ b: Int = 0) -> Int {
            program.append(Instruction(operation: operation, a: Int32(a), b: Int32(b)))
            return program.count - 1
        }

        /// Appends `scalars` to the operands; their offset and count.
        private mutating func operand(_ scalars: [UInt32]) -> (Int, Int) {
            operands += scalars
            return (operands.count - scalars.count, scalars.count)
        }

        /// Emits `node`; false for what the machine cannot run (a loop whose pass may be empty,
        /// where ICU has rules of its own).
        mutating func emit(_ node: Node) -> Bool {
            switch node {
            case .scalar(let scalar): append(.scalar, Int(scalar))
            case .anyButLineEnd: append(.anyButLineEnd)
            case .scalarSet(let scalars, let negated):
                let (offset, count) = operand(scalars)
                append(negated ? .notInSet : .inSet, offset, count)
            case .wordScalar: append(.wordScalar)
            case .digit: append(.digit)
            case .space: append(.space)
            case .wordBoundary: append(.wordBoundary)
            case .textStart: append(.textStart)
            case .textEnd: append(.textEnd)
            case .notPreceded(let literal):
                let (offset, count) = operand(literal)
                append(.notPreceded, offset, count)
            case .notFollowed(let literal):
                let (offset, count) = operand(literal)
                append(.notFollowed, offset, count)
            case .group(let alternatives):
                var jumpsToEnd: [Int] = []
                for alternative in alternatives.dropLast() {
                    let split = append(.split, program.count + 1)
                    guard alternative.allSatisfy({ emit($0) }) else { return false }
                    jumpsToEnd.append(append(.jump))
                    program[split].b = Int32(program.count)
                }
                guard alternatives.last!.allSatisfy({ emit($0) }) else { return false }
                for jump in jumpsToEnd { program[jump].a = Int32(program.count) }
            case .repetition(let body, let min, let max):
                for _ in 0..<min { guard body.allSatisfy({ emit($0) }) else { return false } }
                if max == .max {
                    guard !Self.mayBeEmpty(body) else { return false }
                    let split = append(.split, program.count + 1)
                    guard body.allSatisfy({ emit($0) }) else { return false }
                    append(.jump, split)
                    program[split].b = Int32(program.count)
                } else {
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(append(.split, program.count + 1))
                        guard body.allSatisfy({ emit($0) }) else { return false }
                    }
                    for split in splits { program[split].b = Int32(program.count) }
                }
            }
            return true
        }

        /// Whether `nodes` can match without consuming a scalar.
        private static func mayBeEmpty(_ nodes: [Node]) -> Bool {
            nodes.allSatisfy { node in
                switch node {
                case .scalar, .anyButLineEnd, .scalarSet, .wordScalar, .digit, .space: false
                case .wordBoundary, .textStart, .textEnd, .notPreceded, .notFollowed: true
                case .group(let alternatives): alternatives.contains(where: mayBeEmpty)
                case .repetition(let body, let min, _): min == 0 || mayBeEmpty(body)
                }
            }
        }
    }

    /// Runs a program over one text, backtracking through a stack of saved (instruction, position) pairs.
    private struct Machine {
        let program: UnsafeBufferPointer<Instruction>
        let operands: UnsafeBufferPointer<UInt32>
        let text: UnsafeBufferPointer<UInt32>
        private var saved: [(instruction: Int32, position: Int32)] = []

        init(program: UnsafeBufferPointer<Instruction>, operands: UnsafeBufferPointer<UInt32>, text: UnsafeBufferPointer<UInt32>) {
            self.program = program
            self.operands = operands
            self.text = text
        }

        /// ICU's `$` without multi-line mode: the end, before a final line end, or before a final CR LF.
        private func isTextEnd(_ position: Int) -> Bool {
            switch text.count - position {
            case 0: return true
            case 1:
                let last = text[position]
                return FoldedText.isLineEnd(last) && !(last == 0x0A && position > 0 && text[position - 1] == 0x0D)
            case 2: return text[position] == 0x0D && text[position + 1] == 0x0A
            default: return false
            }
        }

        /// The end of the first match (in the program's priority order) that starts at `start`.
        mutating func matchEnd(from start: Int) -> Int? {
            saved.removeAll(keepingCapacity: true)
            var pc = 0
            var position = start
            while true {
                let instruction = program[pc]
                let a = Int(instruction.a), b = Int(instruction.b)
                var advanced = true
                switch instruction.operation {
                case .scalar:
                    advanced = position < text.count && text[position] == UInt32(a)
                    position += 1
                case .anyButLineEnd:
                    advanced = position < text.count && !FoldedText.isLineEnd(text[position])
                    position += 1
                case .inSet, .notInSet:
                    advanced = position < text.count
                        && operands[a..<(a + b)].contains(text[position]) == (instruction.operation == .inSet)
                    position += 1
                case .wordScalar:
                    advanced = position < text.count && FoldedText.isWord(text[position])
                    position += 1
                case .digit:
                    advanced = position < text.count && FoldedText.isDigit(text[position])
                    position += 1
                case .space:
                    advanced = position < text.count && FoldedText.isSpace(text[position])
                    position += 1
                case .textStart:
                    advanced = position == 0
                case .textEnd:
                    advanced = isTextEnd(position)
                case .wordBoundary:
                    let before = position > 0 && FoldedText.isWord(text[position - 1])
                    let after = position < text.count && FoldedText.isWord(text[position])
                    advanced = before != after
                case .notPreceded:
                    advanced = position < b || !text[(position - b)..<position].elementsEqual(operands[a..<(a + b)])
                case .notFollowed:
                    advanced = position + b > text.count || !text[position..<(position + b)].elementsEqual(operands[a..<(a + b)])
                case .split:
                    saved.append((Int32(b), Int32(position)))
                    pc = a
                    continue
                case .jump:
                    pc = a
                    continue
                case .match:
                    return position
                }
                if advanced {
                    pc += 1
                } else {
                    guard let resume = saved.popLast() else { return nil }
                    pc = Int(resume.instruction)
                    position = Int(resume.position)
                }
            }
        }
    }

    /// A recursive-descent reader of the supported syntax; nil for anything else.
    private struct Parser {
        let pattern: [Unicode.Scalar]
        var index = 0

        var isAtEnd: Bool { index == pattern.count }

        private var current: Unicode.Scalar? { index < pattern.count ? pattern[index] : nil }

        /// `a|b|...` up to a closing parenthesis or the end.
        mutating func alternatives() -> [[Node]]? {
            var alternatives: [[Node]] = []
            var sequence: [Node] = []
            while let c = current, c != ")" {
                if c == "|" {
                    alternatives.append(sequence)
                    sequence = []
                    index += 1
                    continue
                }
                guard let atom = atom(), let quantified = quantified(atom) else { return nil }
                sequence.append(quantified)
            }
            alternatives.append(sequence)
            return alternatives
        }

        private mutating func atom() -> Node? {
            guard let c = current else { return nil }
            index += 1
            switch c {
            case "(": return group()
            case "[": return scalarSet()
            case ".": return .anyButLineEnd
            case "\\":
                guard let escaped = current else { return nil }
                index += 1
                switch escaped {
                case "b": return .wordBoundary
                case "w": return .wordScalar
                case "d": return .digit
                case "s": return .space
                // An escaped ASCII punctuation mark stands for itself.
                case _ where escaped.isASCII && !escaped.properties.isAlphabetic && !("0"..."9").contains(escaped):
                    return .scalar(escaped.value)
                default: return nil
                }
            case "^": return .textStart
            case "$": return .textEnd
            case "*", "+", "?", "{", "}", "]", "|", ")": return nil
            default: return FoldedText.lowered(c.value).map(Node.scalar)
            }
        }

        private mutating func group() -> Node? {
            var lookaround: ((_ literal: [UInt32]) -> Node)?
            if current == "?" {
                let opening = pattern[index...].prefix(3).map(Character.init)
                if opening.starts(with: ["?", ":"]) {
                    index += 2
                } else if opening == ["?", "<", "!"] {
                    index += 3
                    lookaround = { .notPreceded(by: $0) }
                } else if opening.starts(with: ["?", "!"]) {
                    index += 2
                    lookaround = { .notFollowed(by: $0) }
                } else {
                    return nil
                }
            }
            let node: Node
            if let lookaround {
                guard let literal = literal() else { return nil }
                node = lookaround(literal)
            } else {
                guard let alternatives = alternatives() else { return nil }
                node = .group(alternatives)
            }
            guard current == ")" else { return nil }
            index += 1
            return node
        }

        /// Plain scalars up to a closing parenthesis (a look-around's body).
        private mutating func literal() -> [UInt32]? {
            var scalars: [UInt32] = []
            while let c = current, c != ")" {
                guard !"\\.[](){}|?*+^$".unicodeScalars.contains(c), let lowered = FoldedText.lowered(c.value) else { return nil }
                scalars.append(lowered)
                index += 1
            }
            return scalars.isEmpty ? nil : scalars
        }

        /// `[...]` of single scalars; a negated class may hold no letters (ICU closes it over case).
        private mutating func scalarSet() -> Node? {
            let negated = current == "^"
            if negated { index += 1 }
            var scalars: [UInt32] = []
            while let c = current, c != "]" {
                let isEdge = scalars.isEmpty || (index + 1 < pattern.count && pattern[index + 1] == "]")
                guard c != "\\", c != "[", c != "-" || isEdge, let lowered = FoldedText.lowered(c.value),
                      !negated || !c.properties.isAlphabetic else { return nil }
                scalars.append(lowered)
                index += 1
            }
            guard current == "]", !scalars.isEmpty else { return nil }
            index += 1
            return .scalarSet(scalars, negated: negated)
        }

        /// `atom` with the greedy quantifier that follows it, if any.
        private mutating func quantified(_ atom: Node) -> Node? {
            let bounds: (min: Int, max: Int)
            switch current {
            case "?": bounds = (0, 1); index += 1
            case "*": bounds = (0, .max); index += 1
            case "+": bounds = (1, .max); index += 1
            case "{":
                guard let counted = countedBounds() else { return nil }
                bounds = counted
            default: return atom
            }
            switch atom {
            case .wordBoundary, .textStart, .textEnd, .notPreceded, .notFollowed: return nil
            default: break
            }
            // Lazy and possessive quantifiers are not implemented.
            guard current != "?", current != "+" else { return nil }
            return .repetition([atom], min: bounds.min, max: bounds.max)
        }

        /// `{m}` or `{m,n}`, leaving `index` after the "}".
        private mutating func countedBounds() -> (min: Int, max: Int)? {
            guard let close = pattern[index...].firstIndex(of: "}") else { return nil }
            let parts = String(String.UnicodeScalarView(pattern[(index + 1)..<close]))
                .split(separator: ",", omittingEmptySubsequences: false)
            guard let min = parts.first.flatMap({ Int($0) }), parts.count <= 2 else { return nil }
            let max = parts.count == 2 ? Int(parts[1]) : min
            guard let max, max >= min else { return nil }
            index = close + 1
            return (min, max)
        }
    }
}

/// A text as lower-case scalars for `ScalarPattern`: nil when it holds a scalar outside the set
/// whose case folding, word and line-end properties the matcher knows (ASCII, Latin-1 but for
/// the soft hyphen, `µ` and `ß`, and common typographic punctuation). Dutch and English clauses
/// almost always qualify.
struct FoldedText {
    let scalars: [UInt32]

    init?(_ text: String) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let lowered = Self.lowered(scalar.value) else { return nil }
            scalars.append(lowered)
        }
        self.scalars = scalars
    }

    /// The scalar in lower case, which on this set is also its case folding; nil outside the set.
    static func lowered(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A: return value | 0x20
        case 0xC0...0xDE where value != 0xD7: return value + 0x20
        // Soft hyphen: a format character, which `\b` skips; µ folds to μ; ß folds to "ss".
        case 0xAD, 0xB5, 0xDF: return nil
        case 0...0xFF, 0x2010...0x2027, 0x2030...0x203E, 0x20AC: return value
        default: return nil
        }
    }

    /// ICU's `\w` (alphabetic, mark, decimal digit, connector punctuation) on the set.
    static func isWord(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: true
        default: false
        }
    }

    /// ICU's `\d` (a decimal digit) on the set.
    static func isDigit(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value)
    }

    /// ICU's `\s` (white space) on the set.
    static func isSpace(_ value: UInt32) -> Bool {
        (0x09...0x0D).contains(value) || value == 0x20 || value == 0x85 || value == 0xA0
    }

    /// The line ends that ICU's `.` does not match, on the set.
    static func isLineEnd(_ value: UInt32) -> Bool {
        (0x0A...0x0D).contains(value) || value == 0x85
    }
}
