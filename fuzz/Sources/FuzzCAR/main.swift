// FuzzCAR: CAR v1 reading. Book: docs/08-car.md.
// Properties: no crash; the incremental reader (fed in two pieces) and the
// whole-buffer reader accept the same inputs and find the same blocks.
import Engine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCAR(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = CARLimits(maxHeaderBytes: 4096, maxSectionBytes: 64 * 1024)
    let whole = try? CAR.read(bytes, verify: true, limits: limits)

    var reader = CARReader(verify: true, limits: limits)
    let cut = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
    var blocks: [CARBlock] = []
    var header: CARHeader?
    var failed = false
    for piece in [bytes[0..<cut], bytes[cut...]] {
        reader.append(Array(piece))
        do {
            while let e = try reader.next() {
                switch e {
                case .header(let h): header = h
                case .block(let b): blocks.append(b)
                }
            }
        } catch { failed = true; break }
    }
    if !failed { failed = (try? reader.finish()) == nil }
    precondition(failed == (whole == nil), "incremental and whole-buffer readers disagree")
    if let whole { precondition(whole.header == header! && whole.blocks == blocks, "readers found different blocks") }
    return 0
}
