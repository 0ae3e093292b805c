// RecordRefCountTests.swift: a record block shared by two keys lives until the last key goes.
import Testing

@testable import Engine

@Suite struct RecordRefCountTests {
    @Test(arguments: StoreKind.allCases)
    func sharedRecordBlocksOutliveOneOfTheirKeys(_ kind: StoreKind) throws {
        try kind.with { store in
            let did = "did:plc:refcountrefcountrefcount"
            _ = try store.createRepo(did: did)
            let shared = Fake.cid("same record")
            try store.apply(Fake.commit(did: did, previous: nil, label: "c1", blocks: ["same record"], index: [
                .put(collection: "a.b.c", rkey: "one", cid: shared),
                .put(collection: "a.b.c", rkey: "two", cid: shared),
            ]))
            try store.apply(Fake.commit(did: did, previous: Fake.root("c1").commit, label: "c2", index: [
                .delete(collection: "a.b.c", rkey: "one"),
            ]))
            #expect(try store.hasBlock(did: did, cid: shared), "still used by a.b.c/two")
            // Updating the last key to other bytes releases the shared block.
            try store.apply(Fake.commit(did: did, previous: Fake.root("c2").commit, label: "c3", blocks: ["other"], index: [
                .put(collection: "a.b.c", rkey: "two", cid: Fake.cid("other")),
            ]))
            #expect(try !store.hasBlock(did: did, cid: shared))
            #expect(try store.hasBlock(did: did, cid: Fake.cid("other")))
            // Swapping two keys' values within one commit keeps both blocks.
            try store.apply(Fake.commit(did: did, previous: Fake.root("c3").commit, label: "c4", blocks: ["third"], index: [
                .put(collection: "a.b.c", rkey: "three", cid: Fake.cid("third")),
            ]))
            try store.apply(Fake.commit(did: did, previous: Fake.root("c4").commit, label: "c5", index: [
                .put(collection: "a.b.c", rkey: "two", cid: Fake.cid("third")),
                .put(collection: "a.b.c", rkey: "three", cid: Fake.cid("other")),
            ]))
            #expect(try store.hasBlock(did: did, cid: Fake.cid("third")))
            #expect(try store.hasBlock(did: did, cid: Fake.cid("other")))
        }
    }
}
