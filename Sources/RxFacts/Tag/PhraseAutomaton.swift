/// A trie over token keys, compiled once from phrases, that finds the leftmost-longest
/// phrase at each position of a sentence in one pass.
///
/// Transitions live in one open-addressing table keyed by `(state, token key)`; a lookup is
/// a multiply, a mask and (usually) one probe, so the cost of matching does not grow with
/// the number of phrases. Payloads are small integers the owner interprets (lexicon entry,
/// rule cue, context trigger), kept in *layers*: one automaton holds lexicon terms, rule cues,
/// context triggers and list words, and `matchLayers` scans a sentence once for all of them
/// (FastContext's recipe), each layer keeping its own leftmost-longest matches.
package struct PhraseAutomaton: Sendable {
    /// One transition: `(state, token key)` packed, the state it leads to, and that state's
    /// terminal index (as `terminalIndex`) — one cache line read per step of a match, not three.
    struct Transition {
        var key: UInt64
        var state: Int32
        var terminal: Int32
        static let empty = Transition(key: UInt64.max, state: -1, terminal: -1)
    }
    private var table: [Transition]
    private var mask: Int
    private var stateCount: Int32 = 1
    private var terminalIndex: [Int32] = [-1]
    /// Per terminal state and layer (`terminal * layers + layer`): -1 for no payload; a single
    /// payload `p` as `-2 - p` (most phrases have one: no array is made for them); else the index
    /// of its list of several in `payloadLists`.
    private var payloadSlot: [Int32] = []
    private var payloadLists: [[Int32]] = []
    /// Per terminal state: bit L set when layer L has payloads there.
    private var terminalLayers: [UInt8] = []
    /// Number of payload layers (at most 8).
    package let layers: Int
    /// What matching needs of each child of the root, indexed directly by token key, in one
    /// record: the first step of every match attempt (one per token) reads one entry, not three
    /// arrays.
    struct Root: BitwiseCopyable {
        /// The child state, -1 when no phrase starts with the key.
        var state: Int32 = -1
        /// Its terminal index, -1 when no phrase is the key alone.
        var terminal: Int32 = -1
        /// A 64-bit Bloom filter of the keys that follow this one in some phrase: most tokens
        /// that start a phrase are not followed by a second word of one, and one bit test then
        /// saves the hash probe (a cache miss in a table of megabytes) that would find nothing.
        /// (The same bits as `followers[state]`, kept here to be read with the rest of the root.)
        var followers: UInt64 = 0
    }
    /// Per state, the Bloom filter of the keys it has a transition on (as `Root.followers`): deeper
    /// in a phrase most words end the walk, and the filter (a 1.6 MB array) rejects three in four
    /// of them before the probe of the 8 MB table.
    private var followers: [UInt64] = [0]
    private var roots: [Root] = []
    /// Number of phrases added.
    package private(set) var phraseCount = 0

    package init(layers: Int = 1) {
        precondition(layers >= 1 && layers <= 8, "1 to 8 layers")
        self.layers = layers
        table = Array(repeating: .empty, count: 1024)
        mask = 1023
    }

    package var states: Int { Int(stateCount) }

    // MARK: Building

    /// Adds `phrase` with `payload`, interning its token keys in `vocabulary`.
    /// Returns false when the phrase has no matchable token.
    @discardableResult
    package mutating func add(_ phrase: String, payload: Int32, layer: Int = 0, vocabulary: inout Vocabulary) -> Bool {
        let bytes = Array(phrase.utf8)
        var tokens: [Token] = []
        Tokenizer.scan(bytes, 0..<bytes.count, into: &tokens)
        var state: Int32 = 0
        var parent: Int32 = 0
        var lastKey: Int32 = 0
        var any = false
        var keys: [Int32] = []
        for token in tokens where !PhraseAutomaton.isSkipped(token, bytes) {
            let key = vocabulary.intern(bytes, token.range, kind: token.kind)
            if keys.count < 2 { keys.append(key) }
            parent = state
            lastKey = key
            followers[Int(state)] |= Self.followerBit(key)
            state = child(of: state, key: key, create: true)
            any = true
        }
        guard any else { return false }
        if keys.count >= 2 {
            let first = Int(keys[0])
            let second = keys[1]
            roots[first].followers |= Self.followerBit(second)
        }
        let index = Int(state)
        if terminalIndex[index] < 0 {
            terminalIndex[index] = Int32(terminalLayers.count)
            terminalLayers.append(0)
            payloadSlot.append(contentsOf: repeatElement(-1, count: layers))
            // The transition into the state carries its terminal index too.
            let packed = UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: lastKey))
            var slot = PhraseAutomaton.slot(packed) & mask
            while table[slot].key != packed { slot = (slot + 1) & mask }
            table[slot].terminal = terminalIndex[index]
            if parent == 0 { roots[Int(lastKey)].terminal = terminalIndex[index] }
        }
        let terminal = Int(terminalIndex[index])
        terminalLayers[terminal] |= 1 << UInt8(layer)
        let slot = terminal * layers + layer
        let held = payloadSlot[slot]
        if held == -1 {
            payloadSlot[slot] = -2 - payload
        } else if held <= -2 {
            if -2 - held != payload {
                payloadSlot[slot] = Int32(payloadLists.count)
                payloadLists.append([-2 - held, payload])
            }
        } else if !payloadLists[Int(held)].contains(payload) {
            payloadLists[Int(held)].append(payload)
        }
        phraseCount += 1
        return true
    }

    /// Tokens matching ignores: joiners ("GABA-A" = "GABA A"), the possessive "'s" and the
    /// lone "s" of a possessive whose apostrophe was lost ("Parkinson s disease").
    @inline(__always)
    static func isSkipped(_ token: Token, _ text: [UInt8]) -> Bool {
        if token.kind == .joiner { return true }
        if token.kind == .clitic, token.end - token.start <= 2,
            Folding.lower(text[Int(token.end) - 1]) == UInt8(ascii: "s")
        {
            return true
        }
        return false
    }

    private mutating func child(of state: Int32, key: Int32, create: Bool) -> Int32 {
        if state == 0, Int(key) < roots.count, roots[Int(key)].state >= 0 { return roots[Int(key)].state }
        let packed = UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: key))
        var slot = PhraseAutomaton.slot(packed) & mask
        while table[slot].key != UInt64.max {
            if table[slot].key == packed { return table[slot].state }
            slot = (slot + 1) & mask
        }
        let next = stateCount
        stateCount += 1
        terminalIndex.append(-1)
        followers.append(0)
        table[slot] = Transition(key: packed, state: next, terminal: -1)
        if state == 0 {
            if roots.count <= Int(key) {
                roots.append(contentsOf: repeatElement(Root(), count: Int(key) + 1 - roots.count))
            }
            roots[Int(key)].state = next
        }
        if Int(stateCount) * 2 > table.count { grow() }
        return next
    }

    private mutating func grow() {
        let old = table
        table = Array(repeating: .empty, count: old.count * 2)
        mask = table.count - 1
        for transition in old where transition.key != UInt64.max {
            var slot = PhraseAutomaton.slot(transition.key) & mask
            while table[slot].key != UInt64.max { slot = (slot + 1) & mask }
            table[slot] = transition
        }
    }

    /// The bit of `key` in a followers filter.
    @inline(__always)
    static func followerBit(_ key: Int32) -> UInt64 {
        1 << ((UInt32(bitPattern: key) &* 0x9E37_79B1) >> 26)
    }

    @inline(__always)
    private static func slot(_ packed: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }

    // MARK: Matching

    /// The state reached from `state` on `key`, or -1.
    @inline(__always)
    package func step(_ state: Int32, _ key: Int32) -> Int32 {
        if key < 0 { return -1 }
        if state == 0 { return Int(key) < roots.count ? roots[Int(key)].state : -1 }
        let packed = UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: key))
        var slot = PhraseAutomaton.slot(packed) & mask
        while true {
            let k = table[slot].key
            if k == packed { return table[slot].state }
            if k == UInt64.max { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// `step` from a state other than the root, with the terminal index of the state reached.
    @inline(__always)
    func stepFromInner(_ state: Int32, _ key: Int32) -> Transition {
        if key < 0 { return .empty }
        let packed = UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: key))
        var slot = PhraseAutomaton.slot(packed) & mask
        while true {
            let transition = table[slot]
            if transition.key == packed || transition.key == UInt64.max { return transition }
            slot = (slot + 1) & mask
        }
    }

    /// Payloads of layer 0 phrases ending in `state` (nil if none).
    @inline(__always)
    package func payloads(at state: Int32) -> EntryList? { payloads(at: state, layer: 0) }

    /// Payloads of `layer`'s phrases ending in `state` (nil if none).
    @inline(__always)
    package func payloads(at state: Int32, layer: Int) -> EntryList? {
        let terminal = terminalIndex[Int(state)]
        guard terminal >= 0, terminalLayers[Int(terminal)] & (1 << UInt8(layer)) != 0 else { return nil }
        return payloadList(terminal: terminal, layer: layer)
    }

    /// The payloads of `layer` at a terminal whose layer bit is set.
    @inline(__always)
    private func payloadList(terminal: Int32, layer: Int) -> EntryList {
        let held = payloadSlot[Int(terminal) * layers + layer]
        return held <= -2 ? EntryList(one: -2 - held) : EntryList(payloadLists[Int(held)])
    }

    /// Leftmost-longest matches of every layer over `positions` in one walk per position:
    /// `outputs[layer]` receives the same mentions a separate automaton per layer would find.
    /// Layers in `overlapping` report every phrase that matches, also inside a longer one of the
    /// same layer ("do not" inside "do not take": two rules' phrases), longest first at a start.
    package func matchLayers(
        tokens: [Token], positions: [Int], sentence: Int, overlapping: UInt8 = 0, into outputs: inout [[Mention]]
    ) {
        var scratch = MatchScratch()
        matchLayers(
            tokens: tokens, positions: positions, sentence: sentence, overlapping: overlapping, into: &outputs,
            scratch: &scratch)
    }

    /// Working arrays of `matchLayers`, kept by a caller that matches sentence after sentence so
    /// that a sentence allocates none.
    package struct MatchScratch {
        var shorter: [(layer: Int, end: Int, terminal: Int32)] = []
        var nextFree: [Int] = []
        var bestEnd: [Int] = []
        var bestTerminal: [Int32] = []
        var keys: [Int32] = []

        package init() {}
    }

    /// `matchLayers` with the caller's working arrays.
    package func matchLayers(
        tokens: [Token], positions: [Int], sentence: Int, overlapping: UInt8 = 0, into outputs: inout [[Mention]],
        scratch: inout MatchScratch
    ) {
        let n = positions.count
        var shorter = scratch.shorter
        var nextFree = scratch.nextFree
        var bestEnd = scratch.bestEnd
        var bestTerminal = scratch.bestTerminal
        var keys = scratch.keys
        scratch = MatchScratch()
        defer {
            scratch.shorter = shorter
            scratch.nextFree = nextFree
            scratch.bestEnd = bestEnd
            scratch.bestTerminal = bestTerminal
            scratch.keys = keys
        }
        shorter.removeAll(keepingCapacity: true)
        nextFree.removeAll(keepingCapacity: true)
        nextFree.append(contentsOf: repeatElement(0, count: layers))
        bestEnd.removeAll(keepingCapacity: true)
        bestEnd.append(contentsOf: repeatElement(-1, count: layers))
        bestTerminal.removeAll(keepingCapacity: true)
        bestTerminal.append(contentsOf: repeatElement(-1, count: layers))
        // Keys in one contiguous array: the walk below reads each several times.
        keys.removeAll(keepingCapacity: true)
        for q in 0..<n { keys.append(tokens[positions[q]].key) }
        for p in 0..<n {
            // Most tokens start no phrase: one array read rejects them.
            let key = keys[p]
            guard key >= 0, Int(key) < roots.count else { continue }
            let root = roots[Int(key)]
            guard root.state >= 0 else { continue }
            var state: Int32 = 0
            var q = p
            var found: UInt8 = 0
            while q < n {
                let terminal: Int32
                if state == 0 {
                    // The first step: the guard above found the root's child.
                    state = root.state
                    terminal = root.terminal
                } else {
                    // The second word of a phrase: the first word's filter rejects most tokens;
                    // later words: the state's own filter.
                    if q == p + 1 {
                        if root.followers & Self.followerBit(keys[q]) == 0 { break }
                    } else if followers[Int(state)] & Self.followerBit(keys[q]) == 0 {
                        break
                    }
                    let transition = stepFromInner(state, keys[q])
                    if transition.state < 0 { break }
                    state = transition.state
                    terminal = transition.terminal
                }
                q += 1
                if terminal >= 0 {
                    let mask = terminalLayers[Int(terminal)]
                    for layer in 0..<layers where mask & (1 << UInt8(layer)) != 0 {
                        if overlapping & (1 << UInt8(layer)) != 0, found & (1 << UInt8(layer)) != 0 {
                            shorter.append((layer, bestEnd[layer], bestTerminal[layer]))
                        }
                        bestEnd[layer] = q
                        bestTerminal[layer] = terminal
                    }
                    found |= mask
                }
            }
            guard found != 0 else { continue }
            if !shorter.isEmpty {
                // The longest of each overlapping layer first (below), then the shorter ones.
                for layer in 0..<layers where found & (1 << UInt8(layer)) != 0 && overlapping & (1 << UInt8(layer)) != 0
                {
                    let first = positions[p]
                    let last = positions[bestEnd[layer] - 1]
                    outputs[layer].append(
                        Mention(
                            tokens: first..<(last + 1), range: Int(tokens[first].start)..<Int(tokens[last].end),
                            entries: payloadList(terminal: bestTerminal[layer], layer: layer), sentence: sentence))
                    bestEnd[layer] = -1
                }
                for match in shorter.reversed() {
                    let first = positions[p]
                    let last = positions[match.end - 1]
                    outputs[match.layer].append(
                        Mention(
                            tokens: first..<(last + 1), range: Int(tokens[first].start)..<Int(tokens[last].end),
                            entries: payloadList(terminal: match.terminal, layer: match.layer), sentence: sentence))
                }
                shorter.removeAll(keepingCapacity: true)
            }
            for layer in 0..<layers where found & (1 << UInt8(layer)) != 0 && bestEnd[layer] >= 0 {
                defer { bestEnd[layer] = -1 }
                guard p >= nextFree[layer] || overlapping & (1 << UInt8(layer)) != 0 else { continue }
                let first = positions[p]
                let last = positions[bestEnd[layer] - 1]
                outputs[layer].append(
                    Mention(
                        tokens: first..<(last + 1), range: Int(tokens[first].start)..<Int(tokens[last].end),
                        entries: payloadList(terminal: bestTerminal[layer], layer: layer), sentence: sentence))
                nextFree[layer] = bestEnd[layer]
            }
        }
    }

    /// Leftmost-longest matches of one layer over `positions` (indices into `tokens`, skipped
    /// tokens removed).
    package func matches(
        tokens: [Token], positions: [Int], sentence: Int, layer: Int = 0, into mentions: inout [Mention]
    ) {
        var p = 0
        let n = positions.count
        while p < n {
            var state: Int32 = 0
            var q = p
            var bestEnd = -1
            var bestPayloads: EntryList = []
            while q < n {
                state = step(state, tokens[positions[q]].key)
                if state < 0 { break }
                q += 1
                if let found = payloads(at: state, layer: layer) {
                    bestEnd = q
                    bestPayloads = found
                }
            }
            if bestEnd > 0 {
                let first = positions[p]
                let last = positions[bestEnd - 1]
                mentions.append(
                    Mention(
                        tokens: first..<(last + 1), range: Int(tokens[first].start)..<Int(tokens[last].end),
                        entries: bestPayloads, sentence: sentence))
                p = bestEnd
            } else {
                p += 1
            }
        }
    }
}

extension PhraseAutomaton {
    /// Writes the compiled tables (`KnowledgeCache`).
    func write(to archive: inout ArchiveWriter) {
        archive.int(layers)
        archive.array(table)
        archive.int(mask)
        archive.int(Int(stateCount))
        archive.array(terminalIndex)
        archive.array(payloadSlot)
        archive.array(payloadLists.map { Int32($0.count) })
        archive.array(payloadLists.flatMap { $0 })
        archive.array(terminalLayers)
        archive.array(roots)
        archive.int(phraseCount)
        archive.array(followers)
    }

    /// Reads what `write(to:)` wrote; the result is the automaton that was written. Every index
    /// a match follows is checked to be in range, so a damaged artifact is refused, never trapped on.
    init(reading archive: inout ArchiveReader) throws(ArchiveReader.Corrupt) {
        let layers = try archive.int()
        guard (1...8).contains(layers) else { throw ArchiveReader.Corrupt() }
        self.init(layers: layers)
        table = try archive.array(of: Transition.self)
        mask = try archive.int()
        stateCount = Int32(truncatingIfNeeded: try archive.int())
        // Rule phrases add states, terminals and root keys after loading (under 1 % of each with
        // the default rules): growing tables get room for them, so none is copied whole at its
        // first append (that cost ~5 MB of copying and fresh pages at every start).
        terminalIndex = try archive.array(of: Int32.self, growing: true)
        payloadSlot = try archive.array(of: Int32.self, growing: true)
        let counts = try archive.array(of: Int32.self)
        let values = try archive.array(of: Int32.self)
        var lists: [[Int32]] = []
        lists.reserveCapacity(counts.count + ArchiveReader.spare(counts.count))
        var at = 0
        for count in counts {
            guard count > 0, at + Int(count) <= values.count else { throw ArchiveReader.Corrupt() }
            lists.append(Array(values[at..<(at + Int(count))]))
            at += Int(count)
        }
        payloadLists = lists
        terminalLayers = try archive.array(of: UInt8.self, growing: true)
        roots = try archive.array(of: Root.self, growing: true)
        phraseCount = try archive.int()
        followers = try archive.array(of: UInt64.self, growing: true)
        let terminals = Int32(terminalLayers.count)
        let listCount = Int32(lists.count)
        guard table.count == mask + 1, mask & (mask + 1) == 0, stateCount > 0,
            terminalIndex.count == Int(stateCount), followers.count == Int(stateCount),
            payloadSlot.count == terminalLayers.count * layers,
            terminalIndex.allSatisfy({ $0 < terminals }), payloadSlot.allSatisfy({ $0 < listCount }),
            table.allSatisfy({ $0.state < stateCount && $0.terminal < terminals }),
            roots.allSatisfy({ $0.state < stateCount && $0.terminal < terminals })
        else { throw ArchiveReader.Corrupt() }
        // A layer a terminal has must have payloads there (a list or one inline).
        for (terminal, bits) in terminalLayers.enumerated() where bits != 0 {
            for layer in 0..<layers where bits & (1 << UInt8(layer)) != 0 {
                guard payloadSlot[terminal * layers + layer] != -1 else { throw ArchiveReader.Corrupt() }
            }
        }
    }
}
