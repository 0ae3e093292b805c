// Parallel.swift: a fork-join loop over a few tasks, for the bulk paths (CAR import).
// Book: docs/25-performance.md ("CAR export and import").
import Dispatch

/// Runs `body(0)` … `body(count - 1)` on Dispatch's worker threads and returns when all are done.
/// The caller promises what the compiler cannot check: the calls touch disjoint state (each its
/// own slot of an output), and everything they read stays valid and unchanged until the return.
func parallelFor(_ count: Int, _ body: (Int) -> Void) {
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
    }
}

/// A value moved across threads on the caller's word that it is safe (see `parallelFor`).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
