// PLCOperation+Build.swift: making signed genesis, update and tombstone operations.
// Book: docs/12-accounts-and-dids.md ("Creating a DID", "Updates and tombstones").

extension SignedPLCOperation {
    /// Signs a genesis operation and derives its DID.
    ///
    /// `key` must be one of `operation.rotationKeys`, or the operation would be refused by every
    /// directory: that is checked here (`badSignature`), as is `prev` being nil (`misordered`).
    public static func genesis(_ operation: PLCRegularOperation, signedBy key: some PrivateKey) throws(PLCError)
        -> (operation: SignedPLCOperation, did: DID)
    {
        guard operation.prev == nil else { throw .misordered("a genesis operation has no prev") }
        let signed = UnsignedPLCOperation.regular(operation).signed(with: key)
        try signed.verify(allowedKeys: operation.rotationKeys)
        return (signed, try signed.derivedDID())
    }

    /// Builds and signs the operation after `last`: its state (a legacy create converted), changed by
    /// `change`, with `prev` = CID of `last`. Throws `tombstoned` if `last` is a tombstone.
    ///
    /// The signer is not checked against `last`'s rotation keys here; `PLCLog.apply` does that.
    public static func update(
        after last: SignedPLCOperation, signedBy key: some PrivateKey,
        _ change: (inout PLCRegularOperation) -> Void
    ) throws(PLCError) -> SignedPLCOperation {
        guard var next = last.unsigned.normalized else { throw .tombstoned }
        change(&next)
        next.prev = last.cid
        return UnsignedPLCOperation.regular(next).signed(with: key)
    }

    /// Builds and signs a tombstone after `last`. Throws `tombstoned` if `last` is one already.
    public static func tombstone(after last: SignedPLCOperation, signedBy key: some PrivateKey) throws(PLCError)
        -> SignedPLCOperation
    {
        guard !last.unsigned.isTombstone else { throw .tombstoned }
        return UnsignedPLCOperation.tombstone(PLCTombstone(prev: last.cid)).signed(with: key)
    }
}
