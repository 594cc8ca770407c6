import ArgumentParser
import ExpertDraw
import Foundation

/// `yiwang bench draw` — times an expert draw and its verification over a generated pool
/// (default: 100,000 experts, 500 exclusions, 5 categories); prints `draw_ms=…` and `verify_ms=…`.
struct BenchDraw: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "draw", abstract: "Time an expert draw and its verification.")

    @Option(help: "Experts in the pool.") var experts = 100_000
    @Option(help: "Excluded experts.") var exclusions = 500
    @Option(help: "Categories.") var categories = 5
    @Option(help: "Organisations the experts belong to.") var organisations = 2_000
    @Option(help: "Seed for the generated pool and randomness.") var seed: UInt64 = 2026

    func run() throws {
        // setup (not measured)
        var generator = SplitMix64(seed: self.seed)  // main's generator in Bench.swift
        let names = (0..<max(self.categories, 1)).map { "category-\($0)" }
        let pool = (0..<self.experts).map { index in
            PoolEntry(
                id: "EXP" + String(index, radix: 36).uppercased(), category: names[Int.random(in: 0..<names.count, using: &generator)],
                org: "ORG\(Int.random(in: 0..<max(self.organisations, 1), using: &generator))"
            )
        }
        let excluded = pool.shuffled(using: &generator).prefix(min(self.exclusions, pool.count)).map {
            Exclusion(id: $0.id, reason: "declared conflict of interest (评标委员会规定12)")
        }
        let rules = DrawRules(order: names, quota: Dictionary(uniqueKeysWithValues: names.map { ($0, 3) }), maxPerOrganisation: 1, reserve: 5)
        let bytes = { (count: Int) in (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        let randomness = DrawRandomness(
            beacon: BeaconOutput(network: "drand quicknet", round: 20_000_000, randomness: bytes(32)),
            contributions: [RevealedContribution(party: "regulator", value: bytes(32)), RevealedContribution(party: "tenderer", value: bytes(32))]
        )
        // exercise
        let drawStart = (ContinuousClock.now, Self.threadCPUTime())
        let bundle = try ExpertDraw.run(drawID: "BENCH-\(self.seed)", pool: pool, exclusions: Array(excluded), rules: rules, randomness: randomness)
        let drawTime = (ContinuousClock.now - drawStart.0, Self.threadCPUTime() - drawStart.1)
        let verifyStart = (ContinuousClock.now, Self.threadCPUTime())
        let verification = bundle.verify()
        let verifyTime = (ContinuousClock.now - verifyStart.0, Self.threadCPUTime() - verifyStart.1)
        let encoded = try JSONEncoder().encode(bundle)
        let decodeStart = ContinuousClock.now
        _ = try JSONDecoder().decode(DrawBundle.self, from: encoded)
        let decodeTime = ContinuousClock.now - decodeStart
        guard verification.isVerified else { throw ValidationError("the benchmark draw did not verify: \(String(describing: verification.mismatch))") }
        print("experts=\(pool.count) exclusions=\(excluded.count) categories=\(names.count) committee=\(bundle.result.selected.count)")
        // wall time, then the CPU time this thread used (the machine may be shared)
        print("draw_ms=\(Self.milliseconds(drawTime.0))")
        print("verify_ms=\(Self.milliseconds(verifyTime.0))")
        print("draw_cpu_ms=\(Self.milliseconds(drawTime.1))")
        print("verify_cpu_ms=\(Self.milliseconds(verifyTime.1))")
        print("bundle_bytes=\(encoded.count) decode_ms=\(Self.milliseconds(decodeTime))")
    }

    /// CPU time used by the calling thread.
    private static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
