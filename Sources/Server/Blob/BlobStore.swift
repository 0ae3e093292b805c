// BlobStore.swift: blob bytes on disk: streamed uploads, the final layout, reads and deletes.
// Book: docs/15-blobs.md.
import Engine
import Foundation
import Hummingbird

/// Blob bytes under `<dataDir>/blobs`: uploads are written to `tmp/<random>` while they stream in,
/// then moved to `<did>/<cid>` (a rename in the same file system) under the repo's lock as their
/// index entry is written. The index (RocksDB `blobs` family) says which blobs exist and which
/// records use them; this type only moves bytes.
public struct BlobStore: Sendable {
    /// `<dataDir>/blobs`.
    public let root: String
    /// Uploads in progress.
    public var tmp: String { root + "/tmp" }

    /// The store under `dataDirectory`.
    public init(dataDirectory: String) {
        root = (dataDirectory as NSString).appendingPathComponent("blobs")
    }

    /// Where a blob's bytes live.
    public func path(did: String, cid: CID) -> String { "\(root)/\(did)/\(cid.string)" }

    /// How long an uploaded blob may wait for a record to reference it before the sweep deletes it.
    public static let graceMicroseconds: UInt64 = 6 * 3600 * 1_000_000

    /// Streams `body` to a temporary file (hashing, sniffing and counting as it goes), refusing more
    /// than `limit` bytes with 413, then stores it as the repo's blob and returns its entry.
    func upload(
        _ body: RequestBody, did: String, declaredType: String?, limit: Int, pds: PDS, now: UInt64
    ) async throws -> StoredBlob {
        let tmpPath = "\(tmp)/\(Base32.encode(Secrets.randomBytes(16)))"
        let file = try await pds.blocking { [tmp] () throws -> FileHandle in
            try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: tmpPath, contents: nil),
                let handle = FileHandle(forWritingAtPath: tmpPath)
            else { throw XRPCError.internalError }
            return handle
        }
        let sink = UploadSink(file: file)
        do {
            let hasher = SHA256Hasher()
            var prefix: [UInt8] = []
            var size = 0
            var pending: [UInt8] = []
            pending.reserveCapacity(256 * 1024)
            for try await buffer in body {
                size += buffer.readableBytes
                guard size <= limit else { throw XRPCError.payloadTooLarge() }
                buffer.withUnsafeReadableBytes { raw in
                    hasher.update(raw)
                    if prefix.count < MIMESniffer.prefixLength {
                        prefix += raw.prefix(MIMESniffer.prefixLength - prefix.count)
                    }
                    pending.append(contentsOf: raw)
                }
                if pending.count >= 256 * 1024 {
                    let chunk = pending
                    pending.removeAll(keepingCapacity: true)
                    try await pds.blocking { try sink.file.write(contentsOf: chunk) }
                }
            }
            let last = pending
            let sync = pds.config.fsync
            try await pds.blocking {
                try sink.file.write(contentsOf: last)
                if sync { try sink.file.synchronize() }
                try sink.file.close()
            }
            let cid = CID(codec: CID.rawCodec, sha256: hasher.finalize())
            let blob = StoredBlob(
                cid: cid, size: Int64(size), mimeType: MIMESniffer.resolve(prefix: prefix, declared: declaredType),
                uploadedAt: now)
            let final = path(did: did, cid: cid)
            try await pds.blocking { [root] in
                try pds.storage.putBlob(did: did, blob, sweepAt: now + Self.graceMicroseconds) {
                    try FileManager.default.createDirectory(atPath: "\(root)/\(did)", withIntermediateDirectories: true)
                    if rename(tmpPath, final) != 0 { throw XRPCError.internalError }
                }
            }
            return blob
        } catch {
            try? await pds.blocking {
                try? sink.file.close()
                try? FileManager.default.removeItem(atPath: tmpPath)
            }
            throw error
        }
    }

    /// Deletes a blob's bytes (a missing file is not an error).
    func remove(did: String, cid: CID) throws {
        let p = path(did: did, cid: cid)
        if unlink(p) != 0 && errno != ENOENT { throw XRPCError.internalError }
    }

    /// Deletes temporary files older than `maxAge` seconds (uploads that died half-way).
    func removeStaleTemporaryFiles(olderThan maxAge: TimeInterval, now: Date = Date()) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: tmp) else { return }
        for name in names {
            let p = "\(tmp)/\(name)"
            if let modified = (try? fm.attributesOfItem(atPath: p))?[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > maxAge
            {
                try? fm.removeItem(atPath: p)
            }
        }
    }
}

/// The open temporary file of one upload. Used by one request at a time, in sequence (each write
/// awaits the previous one), so handing it between pool threads is safe.
private final class UploadSink: @unchecked Sendable {
    let file: FileHandle
    init(file: FileHandle) { self.file = file }
}

extension PDS {
    /// The blob byte store under this server's data directory.
    public var blobStore: BlobStore { BlobStore(dataDirectory: config.dataDirectory) }

    /// Deletes blobs that no record uses: uploads never referenced within the grace period and
    /// blobs whose last reference went away. `now` is microseconds since the epoch (injectable for tests).
    @discardableResult
    public func sweepBlobs(now: UInt64 = UInt64(Date().timeIntervalSince1970 * 1_000_000)) async throws -> Int {
        let store = blobStore
        return try await blocking { [storage] in
            let deleted = try storage.sweepBlobs(now: now, grace: BlobStore.graceMicroseconds) { did, cid in
                try store.remove(did: did, cid: cid)
            }
            store.removeStaleTemporaryFiles(olderThan: 3600)
            return deleted
        }
    }
}
