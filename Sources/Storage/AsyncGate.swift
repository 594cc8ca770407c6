/// A first-in first-out async mutex: one holder at a time, waiters resume in order.
///
/// Serializes SQLite write transactions on the one writer connection.
actor AsyncGate {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !self.held {
            self.held = true
            return
        }
        await withCheckedContinuation { self.waiters.append($0) }
    }

    func leave() {
        if self.waiters.isEmpty {
            self.held = false
        } else {
            self.waiters.removeFirst().resume()
        }
    }

    /// Runs `body` while holding the gate.
    nonisolated func withGate<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await self.enter()
        do {
            let value = try await body()
            await self.leave()
            return value
        } catch {
            await self.leave()
            throw error
        }
    }
}
