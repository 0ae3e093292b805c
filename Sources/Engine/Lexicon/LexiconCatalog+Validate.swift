// LexiconCatalog+Validate.swift: the public entry points: records, procedure inputs, outputs, messages.
// Book: docs/09-lexicons.md ("What the validator checks").

extension LexiconCatalog {
    /// Validates a record of `collection`. The record must be an object whose `$type` is exactly
    /// the collection's NSID, then match the record schema. A collection the catalog does not know
    /// is `.unknownLexicon`; an NSID that names something other than a record is invalid.
    public func validateRecord(
        collection: NSID, value: IPLD, options: LexiconValidationOptions = .default
    ) -> LexiconValidation {
        let root = "record"
        guard let def = main(collection) else { return .unknownLexicon(collection) }
        guard case .record(let record) = def else {
            return .invalid(
                LexiconViolation(path: root, kind: .wrongDefinition(expected: "record", found: def.typeName)))
        }
        guard case .map(let m) = value else {
            return .invalid(LexiconViolation(path: root, kind: .wrongType(expected: "object")))
        }
        guard case .string(let type)? = m["$type"] else {
            return .invalid(LexiconViolation(path: root + "/$type", kind: .missingType))
        }
        guard type == collection.string else {
            return .invalid(
                LexiconViolation(path: root + "/$type", kind: .recordTypeMismatch(expected: collection.string)))
        }
        let validator = LexiconValidator(catalog: self, options: options)
        do { try validator.checkObject(m, record.record, depth: 0) } catch {
            return .invalid(error.violation(root: root))
        }
        return .valid
    }

    /// Validates the JSON body of a procedure call. A procedure without a JSON input schema
    /// (no input, or a non-JSON encoding such as a blob upload) accepts any body.
    public func validateInput(
        nsid: NSID, value: IPLD, options: LexiconValidationOptions = .default
    ) -> LexiconValidation {
        guard let def = main(nsid) else { return .unknownLexicon(nsid) }
        guard case .procedure(let p) = def else {
            return .invalid(
                LexiconViolation(path: "input", kind: .wrongDefinition(expected: "procedure", found: def.typeName)))
        }
        return validate(value, p.input?.schema, root: "input", options: options)
    }

    /// Validates the JSON response of a query or procedure (optional: for tests and for
    /// checking what a proxied service returns).
    public func validateOutput(
        nsid: NSID, value: IPLD, options: LexiconValidationOptions = .default
    ) -> LexiconValidation {
        let body: LexiconBody?
        switch main(nsid) {
        case nil: return .unknownLexicon(nsid)
        case .query(let q)?: body = q.output
        case .procedure(let p)?: body = p.output
        case let other?:
            return .invalid(
                LexiconViolation(path: "output", kind: .wrongDefinition(expected: "query", found: other.typeName)))
        }
        return validate(value, body?.schema, root: "output", options: options)
    }

    /// Validates one message of a subscription (its `$type` picks the union member).
    public func validateMessage(
        nsid: NSID, value: IPLD, options: LexiconValidationOptions = .default
    ) -> LexiconValidation {
        guard let def = main(nsid) else { return .unknownLexicon(nsid) }
        guard case .subscription(let s) = def else {
            return .invalid(
                LexiconViolation(path: "message", kind: .wrongDefinition(expected: "subscription", found: def.typeName))
            )
        }
        return validate(value, s.message, root: "message", options: options)
    }

    /// Validates `value` against any schema; nil accepts everything.
    func validate(_ value: IPLD, _ schema: LexiconType?, root: String, options: LexiconValidationOptions)
        -> LexiconValidation
    {
        guard let schema else { return .valid }
        do { try LexiconValidator(catalog: self, options: options).check(value, schema, depth: 0) } catch {
            return .invalid(error.violation(root: root))
        }
        return .valid
    }
}
