// MakeCorpus: writes the benchmark corpora for the Python comparison.
// Usage: MakeCorpus DIR  -> DIR/posts.car (20,000 post records), DIR/big.car (~50 MB)
// Book: docs/25-performance.md.
import BenchCorpus
import Engine
import Foundation

let dir = CommandLine.arguments.dropFirst().first ?? "/tmp/pds-bench"
try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
let posts = Corpus.postBlocks()
try Data(CAR.encode(roots: [posts[0].cid], blocks: posts)).write(to: URL(fileURLWithPath: dir + "/posts.car"))
let big = Corpus.largeBlocks()
try Data(CAR.encode(roots: [big[0].cid], blocks: big)).write(to: URL(fileURLWithPath: dir + "/big.car"))
print("wrote \(dir)/posts.car (\(posts.count) records, \(posts.reduce(0) { $0 + $1.bytes.count }) bytes) and big.car")
