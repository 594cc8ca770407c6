import Foundation
import Synchronization

/// The server clock: its reading is the legal time of a bid (服务器时间).
public protocol TradingClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: TradingClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to: tests and `yiwang demo` use it to run a 20-day tender in seconds.
public final class ManualClock: TradingClock {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        self.current = Mutex(start)
    }

    public func now() -> Date {
        self.current.withLock { $0 }
    }

    public func advance(by seconds: TimeInterval) {
        self.current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        self.current.withLock { $0 = date }
    }
}
