/// A strict RFC 8259 JSON parser over UTF-8 bytes that keeps source ranges (see `JSONValue`).
///
/// Errors are `InputError(.malformedJSON)` with the 1-based line and byte column of the
/// offending byte. Nesting deeper than `maxDepth` is refused rather than recursed into.
struct JSONScanner {
    let bytes: [UInt8]
    let path: String
    let maxDepth: Int
    private var i = 0

    init(bytes: [UInt8], path: String, maxDepth: Int) {
        self.bytes = bytes
        self.path = path
        self.maxDepth = maxDepth
    }

    /// Parses the whole input as one JSON value (a UTF-8 byte-order mark is skipped).
    mutating func parseDocument() throws(InputError) -> JSONValue {
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        skipSpace()
        let value = try parseValue(depth: 0)
        skipSpace()
        if i < bytes.count { throw error("unexpected \(describe(i)) after the JSON value") }
        return value
    }

    private func error(_ message: String, at offset: Int? = nil) -> InputError {
        let (line, column) = TextPosition.lineAndColumn(of: offset ?? i, in: bytes)
        return InputError(.malformedJSON, path: path, line: line, column: column, reason: "malformed JSON: \(message)")
    }

    private func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        return b >= 0x20 && b < 0x7F
            ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func parseValue(depth: Int) throws(InputError) -> JSONValue {
        guard i < bytes.count else { throw error("input ends where a value was expected (truncated file?)") }
        switch bytes[i] {
        case 0x7B: return try parseObject(depth: depth + 1)
        case 0x5B: return try parseArray(depth: depth + 1)
        case 0x22:
            let (range, escaped) = try parseString()
            return .string(range, escaped: escaped)
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        case 0x2D, 0x30...0x39: return .number(try parseNumber())
        default: throw error("expected a value, found \(describe(i))")
        }
    }

    private mutating func literal(_ word: String) throws(InputError) {
        let expected = word.utf8
        let count = expected.count
        guard i + count <= bytes.count, bytes[i..<i + count].elementsEqual(expected) else {
            throw error("expected '\(word)', found \(describe(i))")
        }
        i += count
    }

    private mutating func parseObject(depth: Int) throws(InputError) -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        let open = i
        i += 1
        var members: [JSONValue.Member] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D {
            i += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("object opened here is not closed (truncated file?)", at: open) }
            guard bytes[i] == 0x22 else { throw error("expected a member name in quotes, found \(describe(i))") }
            let start = i
            let (range, escaped) = try parseString()
            let key = JSONStringDecoder.string(bytes, range, escaped: escaped)
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else {
                throw error("expected ':' after member name, found \(describe(i))")
            }
            i += 1
            skipSpace()
            members.append(JSONValue.Member(key: key, value: try parseValue(depth: depth), start: start))
            skipSpace()
            guard i < bytes.count else { throw error("object opened here is not closed (truncated file?)", at: open) }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            if bytes[i] == 0x7D {
                i += 1
                return .object(members)
            }
            throw error("expected ',' or '}' in object, found \(describe(i))")
        }
    }

    private mutating func parseArray(depth: Int) throws(InputError) -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        let open = i
        i += 1
        var elements: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x5D {
            i += 1
            return .array(elements)
        }
        while true {
            skipSpace()
            elements.append(try parseValue(depth: depth))
            skipSpace()
            guard i < bytes.count else { throw error("array opened here is not closed (truncated file?)", at: open) }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            if bytes[i] == 0x5D {
                i += 1
                return .array(elements)
            }
            throw error("expected ',' or ']' in array, found \(describe(i))")
        }
    }

    /// Checks a string starting at the opening quote; returns the range between the quotes.
    private mutating func parseString() throws(InputError) -> (Range<Int>, Bool) {
        let open = i
        i += 1
        let start = i
        var escaped = false
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                let range = start..<i
                i += 1
                return (range, escaped)
            }
            if b < 0x20 {
                throw error("control character 0x\(String(b, radix: 16, uppercase: true)) inside a string (escape it)")
            }
            if b != 0x5C {
                i += 1
                continue
            }
            escaped = true
            guard i + 1 < bytes.count else { break }
            switch bytes[i + 1] {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 2
            case 0x75:
                guard let value = JSONStringDecoder.hex4(bytes, at: i + 2) else {
                    throw error("\\u must be followed by four hex digits")
                }
                if (0xDC00...0xDFFF).contains(value) {
                    throw error("lone low surrogate \\u\(String(value, radix: 16))")
                }
                if (0xD800...0xDBFF).contains(value) {
                    guard i + 12 <= bytes.count, bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75,
                        let low = JSONStringDecoder.hex4(bytes, at: i + 8), (0xDC00...0xDFFF).contains(low)
                    else {
                        throw error("high surrogate \\u\(String(value, radix: 16)) not followed by a low surrogate")
                    }
                    i += 12
                } else {
                    i += 6
                }
            default: throw error("invalid escape: backslash followed by \(describe(i + 1))")
            }
        }
        throw error("string opened here is not closed (truncated file?)", at: open)
    }

    private mutating func parseNumber() throws(InputError) -> Range<Int> {
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            return i - from
        }
        if bytes[i] == 0x2D { i += 1 }
        let integerStart = i
        let count = digits()
        if count == 0 { throw error("expected digits in number") }
        if count > 1, bytes[integerStart] == 0x30 { throw error("number with a leading zero", at: integerStart) }
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            if digits() == 0 { throw error("expected digits after '.' in number") }
        }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            if digits() == 0 { throw error("expected digits in exponent") }
        }
        return start..<i
    }
}
