/// Part of stage `tag`: a trademark sign glued to a name as letters — "EQUETROTM", "DrugTM"
/// (™ flattened to "TM" by the source) — still names the drug. Such a word, unknown to the
/// vocabulary, is read with the key of the name before "TM" when the vocabulary knows it.
enum TrademarkSuffix {
    /// `tokens` with glued-trademark words re-keyed, or nil when there is none (the common case:
    /// one pass over the tokens, no copy).
    static func rekeyed(_ tokens: [Token], text: [UInt8], vocabulary: Vocabulary) -> [Token]? {
        var result: [Token]?
        for (t, token) in tokens.enumerated()
        where token.key == Token.unknownKey && token.kind == .word && token.end - token.start >= 5 {
            let end = Int(token.end)
            guard text[end - 1] == UInt8(ascii: "M"), text[end - 2] == UInt8(ascii: "T"),
                let key = vocabulary.find(text, Int(token.start)..<(end - 2), kind: .word)
            else { continue }
            if result == nil { result = tokens }
            result?[t].key = key
        }
        return result
    }
}
