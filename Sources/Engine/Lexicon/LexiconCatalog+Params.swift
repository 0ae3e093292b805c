// LexiconCatalog+Params.swift: query-string parameters, read from text into typed values and validated.
// Book: docs/09-lexicons.md ("Parameters").

extension LexiconCatalog {
    /// Validates the query-string parameters of an XRPC method and returns them typed.
    ///
    /// `params` maps each name to every value given for it, in order. An integer must be a
    /// decimal number and a boolean `true` or `false`; a non-array parameter given several times
    /// takes the last value; an array parameter takes them all. Missing parameters get the
    /// schema's default when it has one. Names the schema does not list are left out of the result.
    public func validateParams(
        nsid: NSID, params: [String: [String]], options: LexiconValidationOptions = .default
    ) -> LexiconParamsValidation {
        let schema: LexiconParams?
        switch main(nsid) {
        case nil: return .unknownLexicon(nsid)
        case .query(let q)?: schema = q.parameters
        case .procedure(let p)?: schema = p.parameters
        case .subscription(let s)?: schema = s.parameters
        case let other?:
            return .invalid(
                LexiconViolation(path: "params", kind: .wrongDefinition(expected: "query", found: other.typeName)))
        }
        let validator = LexiconValidator(catalog: self, options: options)
        var entries: [IPLDMap.Entry] = []
        for p in schema?.properties ?? [] {
            do {
                if let value = try Self.paramValue(p, params[p.name] ?? [], validator) {
                    entries.append(IPLDMap.Entry(key: p.name, value: value))
                }
            } catch {
                return .invalid(error.violation(root: "params"))
            }
        }
        // Properties come from an IPLDMap, so they are already in canonical order.
        return .valid(IPLDMap(canonicalEntries: entries))
    }

    /// One parameter: typed, defaulted, checked. Nil when absent with no default.
    static func paramValue(_ p: LexiconProperty, _ texts: [String], _ validator: LexiconValidator)
        throws(LexiconFailure)
        -> IPLD?
    {
        let value: IPLD
        if case .array(let a) = p.type {
            guard !texts.isEmpty else {
                if p.isRequired { throw LexiconFailure(.missingRequired).under(p.name) }
                return nil
            }
            var items: [IPLD] = []
            items.reserveCapacity(texts.count)
            for (i, text) in texts.enumerated() {
                do { items.append(try typed(text, a.items)) } catch { throw error.under(String(i)).under(p.name) }
            }
            value = .list(items)
        } else if let text = texts.last {
            do { value = try typed(text, p.type) } catch { throw error.under(p.name) }
        } else if let d = defaultValue(p.type) {
            return d
        } else {
            if p.isRequired { throw LexiconFailure(.missingRequired).under(p.name) }
            return nil
        }
        // `unknown` parameters are free text: nothing to check beyond an array's length.
        var checked = p.type
        if case .unknown = checked { return value }
        if case .array(var a) = checked, case .unknown = a.items {
            a.items = .string(LexiconString())
            checked = .array(a)
        }
        do { try validator.check(value, checked, depth: 0) } catch { throw error.under(p.name) }
        return value
    }

    /// Reads one text value as the scalar type.
    static func typed(_ text: String, _ type: LexiconType) throws(LexiconFailure) -> IPLD {
        switch type {
        case .integer:
            guard let i = Int64(text) else { throw LexiconFailure(.wrongType(expected: "integer")) }
            return .int(i)
        case .boolean:
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw LexiconFailure(.wrongType(expected: "boolean"))
            }
        default:
            return .string(text)
        }
    }

    static func defaultValue(_ type: LexiconType) -> IPLD? {
        switch type {
        case .integer(let s): s.default.map { .int($0) }
        case .boolean(let s): s.default.map { .bool($0) }
        case .string(let s): s.default.map { .string($0) }
        default: nil
        }
    }
}
