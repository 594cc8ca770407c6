import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (`isatty(2)`), so pipes, files and CI logs never see it. Redraws only when the shown percentage
/// or phase changes. Safe to update from a worker thread (a lock guards the state).
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private var shown: (percent: Int, phase: String) = (-1, "")
    private let lock = NSLock()

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// Shows `fraction` (clamped to [0, 1]) of the whole job, with the current phase's name.
    func update(_ fraction: Double, _ phase: String) {
        guard self.enabled else { return }
        self.lock.lock()
        defer { self.lock.unlock() }
        let percent = Int(min(1, max(0, fraction)) * 100)
        guard percent != self.shown.percent || phase != self.shown.phase else { return }
        self.shown = (percent, phase)
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Self.emit("\r\(bar) \(percent)% \(phase)\u{1B}[K")
    }

    /// Clears the line.
    func finish() {
        guard self.enabled else { return }
        self.lock.lock()
        defer { self.lock.unlock() }
        guard self.shown.percent >= 0 else { return }
        Self.emit("\r\u{1B}[K")
    }

    static func emit(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
