/// A parsed JSON value that remembers where it sits in the source bytes.
///
/// Strings are kept as the byte range between their quotes; `JSONStringDecoder` turns one into
/// UTF-8 bytes plus an `OffsetMap` back to the source when it is needed. Numbers are kept as
/// their source range. Object members keep their order (FHIR sections are ordered).
indirect enum JSONValue: Sendable {
    /// An object's members in source order; keys are decoded.
    case object([Member])
    case array([JSONValue])
    /// A string: the source range between the quotes, and whether it holds escapes.
    case string(Range<Int>, escaped: Bool)
    case number(Range<Int>)
    case bool(Bool)
    case null

    /// One `"key": value` pair of an object; `start` is the offset of the key's opening quote.
    struct Member: Sendable {
        var key: String
        var value: JSONValue
        var start: Int
    }

    /// The value of the first member named `key`, when this is an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Element `index` of an array.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// Array elements; an empty list for anything else.
    var elements: [JSONValue] {
        if case .array(let elements) = self { elements } else { [] }
    }

    /// Source range of a string's content, nil for other values.
    var stringRange: Range<Int>? {
        if case .string(let range, _) = self { range } else { nil }
    }
}
