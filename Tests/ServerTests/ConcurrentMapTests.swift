import Synchronization
import Testing

@testable import Server

/// The bounded parallel map the sealed opening decrypts with.
@Suite struct ConcurrentMapTests {
    @Test func keepsTheInputOrderAndNeverRunsMoreThanTheWidth() async throws {
        let running = Mutex((now: 0, most: 0))
        let input = Array(0..<64)
        let output = try await input.concurrentMap(width: 3) { value -> Int in
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            var spin = 0
            for step in 0..<(20_000 * (64 - value)) { spin &+= step }  // later items finish first if unordered
            running.withLock { $0.now -= 1 }
            return value * 2 + (spin == -1 ? 1 : 0)
        }
        #expect(output == input.map { $0 * 2 })
        #expect(running.withLock { $0.most } <= 3)
    }

    @Test func anErrorStopsTheMap() async {
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            _ = try await Array(0..<10).concurrentMap(width: 2) { value -> Int in
                if value == 4 { throw Failure() }
                return value
            }
        }
    }

    @Test func anEmptyInputGivesAnEmptyOutput() async throws {
        #expect(try await [Int]().concurrentMap(width: 4) { $0 }.isEmpty)
    }
}
