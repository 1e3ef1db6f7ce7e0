/// Section roles, read from a `rxfacts-sections/1` YAML file (`Pipelines/rules/sections.yaml`,
/// named by the `segment` stage): what a part of a leaflet is for — indication, contraindication,
/// interaction, food-and-alcohol, warning, adverse reactions, withdrawal… — by heading pattern,
/// LOINC code, or the lead-in of a list.
public struct SectionRolePack: Codable, Sendable {
    public var schema: String?
    public var roles: [Role]

    /// One role and how to recognise it.
    public struct Role: Codable, Sendable {
        public var role: String
        /// Heading patterns (lower case, `*` for any words).
        public var headings: [String]?
        /// SPL section LOINC codes.
        public var codes: [String]?
        /// Phrases that, in a sentence ending with ':', give the list after it this role.
        public var leadIns: [String]?
        /// Phrases that, in a lead-in, take this role from its list even where the section has it
        /// ("Tell your doctor if you are taking:" under "Do not take X with:" is advice, not a ban).
        public var notInLeadIns: [String]?

        enum CodingKeys: String, CodingKey {
            case role, headings, codes
            case leadIns = "lead_ins"
            case notInLeadIns = "not_in_lead_ins"
        }
    }

    static let shape: YAMLShape = .mapping([
        "schema": .scalar,
        "roles": .list(.mapping([
            "role": .scalar, "headings": .list(.scalar), "codes": .list(.scalar), "lead_ins": .list(.scalar),
            "not_in_lead_ins": .list(.scalar),
        ])),
    ])
}

/// Section roles compiled: role names as bits of a `RoleMask`, heading patterns, codes and
/// lead-in phrases. Used by the segmenter to give sections and list items their roles and by
/// the fact rules (`roles:`, `exclude_roles:`) to decide where they apply.
public struct SectionRoleSet: Sendable {
    /// A set of roles, one bit per role in `names` order.
    public typealias RoleMask = UInt32

    public let names: [String]
    let headingPatterns: [(pattern: [String], mask: RoleMask)]
    let codes: [String: RoleMask]
    /// Lower-case lead-in phrases (as bytes) and the roles they give…
    let leadIns: [(phrase: [UInt8], mask: RoleMask)]
    /// …or take away.
    let cancellingLeadIns: [(phrase: [UInt8], mask: RoleMask)]

    /// No roles (a pipeline whose `segment` stage names no roles file).
    public init() {
        names = []
        headingPatterns = []
        codes = [:]
        leadIns = []
        cancellingLeadIns = []
    }

    init(_ pack: SectionRolePack, file: YAMLFile) throws(InputError) {
        guard pack.roles.count <= RoleMask.bitWidth else {
            throw file.error(at: [.key("roles")], "at most \(RoleMask.bitWidth) roles")
        }
        var names: [String] = []
        var headingPatterns: [(pattern: [String], mask: RoleMask)] = []
        var codes: [String: RoleMask] = [:]
        var leadIns: [(phrase: [UInt8], mask: RoleMask)] = []
        var cancellingLeadIns: [(phrase: [UInt8], mask: RoleMask)] = []
        for (index, role) in pack.roles.enumerated() {
            let at: [YAMLFile.PathElement] = [.key("roles"), .index(index)]
            guard !names.contains(role.role) else { throw file.error(at: at + [.key("role")], "role '\(role.role)' is defined twice") }
            names.append(role.role)
            let bit = RoleMask(1) << RoleMask(index)
            for (k, heading) in (role.headings ?? []).enumerated() {
                let parts = heading.lowercased().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
                guard !heading.trimmingCharacters(in: .whitespaces).isEmpty, parts.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                    throw file.error(at: at + [.key("headings"), .index(k)], "a heading pattern needs a word")
                }
                headingPatterns.append((parts, bit))
            }
            for code in role.codes ?? [] { codes[code, default: 0] |= bit }
            for phrase in role.leadIns ?? [] { leadIns.append((Array(phrase.lowercased().utf8), bit)) }
            for phrase in role.notInLeadIns ?? [] { cancellingLeadIns.append((Array(phrase.lowercased().utf8), bit)) }
        }
        self.names = names
        self.headingPatterns = headingPatterns
        self.codes = codes
        self.leadIns = leadIns
        self.cancellingLeadIns = cancellingLeadIns
    }

    /// The mask of role names; an unknown name is reported by the caller.
    public func mask(_ roles: [String]) -> RoleMask? {
        var mask: RoleMask = 0
        for role in roles {
            guard let index = names.firstIndex(of: role) else { return nil }
            mask |= RoleMask(1) << RoleMask(index)
        }
        return mask
    }

    /// Role names of a mask, in file order.
    public func names(of mask: RoleMask) -> [String] {
        names.indices.filter { mask & (RoleMask(1) << RoleMask($0)) != 0 }.map { names[$0] }
    }

    /// Roles of a section by its (lower-case) heading and code.
    public func roles(heading: String, code: String?) -> RoleMask {
        var mask = code.flatMap { codes[$0] } ?? 0
        for (pattern, bit) in headingPatterns where mask & bit == 0 && Self.matches(heading, pattern) { mask |= bit }
        return mask
    }

    /// True when `heading` matches a pattern split at its `*`s.
    static func matches(_ heading: String, _ parts: [String]) -> Bool {
        if parts.count == 1 {
            let pattern = parts[0]
            guard heading.hasPrefix(pattern) else { return false }
            if heading.count == pattern.count { return true }
            let rest = heading.dropFirst(pattern.count)
            // One word: the whole heading, or followed by ':' ',' ' (' ("common (may affect …)").
            if !pattern.contains(" ") { return rest.hasPrefix(":") || rest.hasPrefix(",") || rest.hasPrefix(" (") }
            return !(rest.first?.isLetter ?? false)
        }
        var remainder = Substring(heading)
        for (index, part) in parts.enumerated() where !part.isEmpty {
            if index == 0 {
                guard remainder.hasPrefix(part) else { return false }
                remainder = remainder.dropFirst(part.count)
            } else {
                guard let range = remainder.range(of: part) else { return false }
                remainder = remainder[range.upperBound...]
            }
        }
        return true
    }

    /// Roles a lead-in sentence gives its list items and roles it takes from them (its
    /// lower-cased bytes contain a lead-in phrase).
    func leadInRoles(_ text: [UInt8], _ range: Range<Int>) -> (add: RoleMask, remove: RoleMask) {
        var add: RoleMask = 0
        var remove: RoleMask = 0
        for (phrase, bit) in leadIns where add & bit == 0 && text.containsFolded(phrase, in: range) { add |= bit }
        for (phrase, bit) in cancellingLeadIns where remove & bit == 0 && text.containsFolded(phrase, in: range) { remove |= bit }
        return (add & ~remove, remove)
    }
}

extension [UInt8] {
    /// True when `self[range]`, ASCII lower-cased, contains `needle` (lower case).
    func containsFolded(_ needle: [UInt8], in range: Range<Int>) -> Bool {
        guard !needle.isEmpty, range.count >= needle.count else { return needle.isEmpty }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            var k = 0
            while k < needle.count, Folding.lower(self[i + k]) == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }
}
