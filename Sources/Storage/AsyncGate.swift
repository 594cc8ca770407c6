import Synchronization

/// A first-in first-out async mutex: one holder at a time, waiters resume in order.
///
/// Serializes SQLite write transactions on the one writer connection. A lock, not an actor: entering and leaving
/// happen where the caller runs, not as a hop onto the actor (a job queued behind a live room's wake-ups).
final class AsyncGate: Sendable {
    private struct State {
        var held = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func enter() async {
        await withCheckedContinuation { continuation in
            let entered = self.state.withLock { state in
                if state.held {
                    state.waiters.append(continuation)
                    return false
                }
                state.held = true
                return true
            }
            if entered { continuation.resume() }
        }
    }

    /// Hands the gate to the first waiter (it stays held), or frees it.
    func leave() {
        let next = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }

    /// Runs `body` while holding the gate.
    func withGate<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await self.enter()
        defer { self.leave() }
        return try await body()
    }
}
